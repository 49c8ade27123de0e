/**
 * THE rule that decides the outcome of every vendor write that moves money or changes vendor state
 * (renew / extend, add-on, upgrade, order create, auto-renew, whitelist and sub-user changes):
 *
 *  - nothing may have reached the vendor (input refused by Proxydeck, connection refused, DNS) →
 *    "refused": not applied, the error as it is;
 *  - it may have reached the vendor → only a DOCUMENTED REFUSAL means "refused" (the vendor's business
 *    error, or a status its docs define as not processed). Each vendor folder declares its refusals
 *    (`<vendor>/refusals.ts`) and nothing else;
 *  - everything else is "unknown": 5xx, timeout, reset, an unparseable or wrongly typed body, an
 *    unexpected envelope, a bug in our own mapping of the answer. The caller records it as uncertain
 *    and settles it by READING vendor state, never by sending again.
 *
 * Reads do not pass through here; they keep the transport's retries.
 */
import type { VendorId } from '../../preload/contract/model';
import { isVendorError, VENDOR_NAMES, VendorError } from './errors';
import { runTraced } from './http/write-trace';

/** A vendor's documented refusals: true only for errors its docs define as "not applied". */
export type DocumentedRefusals = (e: VendorError) => boolean;

export type WriteOutcome<T> =
  | { outcome: 'applied'; value: T }
  | { outcome: 'refused'; error: VendorError }
  | { outcome: 'unknown'; error: VendorError };

/** The one sentence-maker for an unknown outcome (en; the renderer has zh-CN for the code). */
export function unknownOutcome(vendor: VendorId, cause: unknown, what?: string): VendorError {
  const name = VENDOR_NAMES[vendor];
  const why = whyUnknown(cause);
  return new VendorError(vendor, 'outcome_unknown', {
    sentence:
      `${what ? `${what}: ` : ''}${name} may have carried this out, but ${why}. ` +
      `Proxydeck is checking with ${name}; paying again is blocked until that is settled.`,
    uncertain: true,
    ...(isVendorError(cause) && cause.httpStatus !== undefined ? { httpStatus: cause.httpStatus } : {}),
    ...(isVendorError(cause) && cause.vendorCode !== undefined ? { vendorCode: cause.vendorCode } : {}),
    cause,
  });
}

function whyUnknown(cause: unknown): string {
  if (!isVendorError(cause)) return 'its answer could not be read';
  if (cause.httpStatus !== undefined && cause.httpStatus >= 500)
    return `it answered with an error (HTTP ${cause.httpStatus})`;
  if (cause.code === 'network') return 'no complete answer came back';
  if (cause.code === 'outcome_unknown') return 'its answer could not be read';
  return 'its answer could not be understood';
}

/**
 * Runs one write (the request and the reading of its answer) and decides its outcome. `fn` should
 * hold exactly one vendor write; a later read belongs outside, so a failing read cannot turn an
 * applied write into an unknown one.
 */
export async function settleWrite<T>(
  vendor: VendorId,
  refusals: DocumentedRefusals,
  fn: () => Promise<T>,
): Promise<WriteOutcome<T>> {
  const { trace, result } = runTraced(fn);
  try {
    return { outcome: 'applied', value: await result };
  } catch (e) {
    if (!trace.mayHaveReached) {
      // Nothing left this machine: certainly not applied. A non-vendor error here is a bug of ours
      // before sending; it is still "not applied".
      if (isVendorError(e) && !e.uncertain) return { outcome: 'refused', error: e };
      if (!isVendorError(e)) {
        return {
          outcome: 'refused',
          error: new VendorError(vendor, 'invalid_argument', { detail: 'Nothing was sent.', cause: e }),
        };
      }
    }
    if (isVendorError(e) && !e.uncertain && refusals(e)) return { outcome: 'refused', error: e };
    return {
      outcome: 'unknown',
      error: isVendorError(e) && e.code === 'outcome_unknown' ? e : unknownOutcome(vendor, e),
    };
  }
}

/** For single writes: the value when applied; throws the refusal, or an `outcome_unknown` (uncertain) error. */
export async function write<T>(vendor: VendorId, refusals: DocumentedRefusals, fn: () => Promise<T>): Promise<T> {
  const r = await settleWrite(vendor, refusals, fn);
  if (r.outcome === 'applied') return r.value;
  throw r.error;
}

/**
 * Refusals most vendors document: an envelope business error (insufficient balance, bad parameter,
 * unknown id) carried as a typed code with the vendor's own code, plus auth and rate-limit statuses.
 * Vendor folders compose their declaration from these and their own codes.
 */
export const isAuthRefusal = (e: VendorError): boolean =>
  e.code === 'invalid_credentials' && (e.httpStatus === 401 || e.httpStatus === 403 || e.vendorCode !== undefined);
