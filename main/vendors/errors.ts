import type { AppError, ErrorCode } from '../../preload/contract/errors';
import type { VendorId } from '../../preload/contract/model';

/** Vendor names as the user knows them. */
export const VENDOR_NAMES: Record<VendorId, string> = {
  thordata: 'Thordata',
  proxyshard: 'ProxyShard',
  youproxy: 'YouProxy',
  bestproxy: 'BestProxy',
};

/** The codes a vendor client may raise (a subset of the app's error codes). */
export type VendorErrorCode = Extract<
  ErrorCode,
  | 'invalid_credentials'
  | 'insufficient_funds'
  | 'not_supported'
  | 'rate_limited'
  | 'vendor_unavailable'
  | 'bad_response'
  | 'network'
  | 'vendor_rejected'
  | 'invalid_argument'
  | 'outcome_unknown'
>;

/** Plain-language default messages; `{vendor}` is replaced with the vendor's name. */
const DEFAULT_MESSAGES: Record<VendorErrorCode, string> = {
  invalid_credentials:
    '{vendor} did not accept the API key. Check it in your {vendor} dashboard and update the account in Proxydeck.',
  insufficient_funds: 'Your {vendor} balance is too low for this. Top up at {vendor}, then try again.',
  not_supported: '{vendor} does not offer this through its API.',
  rate_limited: '{vendor} is receiving too many requests right now. Wait a minute and try again.',
  vendor_unavailable: "{vendor}'s service is not answering properly right now. Try again in a few minutes.",
  bad_response:
    '{vendor} sent an answer Proxydeck could not understand. Try again later; if it keeps happening, the vendor may have changed its API.',
  network: 'Could not reach {vendor}. Check your internet connection and try again.',
  vendor_rejected: '{vendor} refused the request.',
  invalid_argument: 'Some of the values are not valid for {vendor}.',
  outcome_unknown:
    '{vendor} may have carried this out, but its answer could not be read. Proxydeck is checking with {vendor}; paying again is blocked until that is settled.',
};

/**
 * An error raised by a vendor client. `message` is always safe to show and to log (no secrets).
 * `uncertain` is true when a write may have reached the vendor but no answer was read: the caller
 * must reconcile by reading vendor state, never resend blindly.
 */
export class VendorError extends Error {
  readonly code: VendorErrorCode;
  readonly vendor: VendorId;
  readonly vendorCode: string | undefined;
  readonly uncertain: boolean;
  readonly httpStatus: number | undefined;
  readonly retryAfterMs: number | undefined;
  /** The form field the vendor's answer names as wrong (e.g. Thordata's token or key). */
  readonly field: string | undefined;

  constructor(
    vendor: VendorId,
    code: VendorErrorCode,
    opts: {
      /** The VENDOR's own words (quoted as "{vendor} said: …"). Never Proxydeck's own text. */
      message?: string;
      /** Proxydeck's own words, appended as a plain sentence after the code's sentence. */
      detail?: string;
      /** Proxydeck's own sentence that replaces the code's default sentence (a timeout says how long). */
      sentence?: string;
      vendorCode?: string | number;
      uncertain?: boolean;
      httpStatus?: number;
      retryAfterMs?: number;
      field?: string;
      cause?: unknown;
    } = {},
  ) {
    const name = VENDOR_NAMES[vendor];
    const sentence = opts.sentence ?? DEFAULT_MESSAGES[code].replaceAll('{vendor}', name);
    const base = opts.detail ? `${sentence} ${opts.detail}` : sentence;
    // A vendor's own text is appended after our plain sentence so the user sees both.
    const message =
      opts.message && code === 'vendor_rejected'
        ? `${name} refused the request: ${opts.message}${opts.detail ? ` ${opts.detail}` : ''}`
        : opts.message
          ? `${base} (${name} said: ${opts.message})`
          : base;
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'VendorError';
    this.code = code;
    this.vendor = vendor;
    this.vendorCode = opts.vendorCode === undefined ? undefined : String(opts.vendorCode);
    this.uncertain = (opts.uncertain ?? false) || code === 'outcome_unknown';
    this.httpStatus = opts.httpStatus;
    this.retryAfterMs = opts.retryAfterMs;
    this.field = opts.field;
  }

  toAppError(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.vendorCode === undefined ? {} : { vendorCode: this.vendorCode }),
      ...(this.field === undefined ? {} : { field: this.field }),
    };
  }
}

export const isVendorError = (e: unknown): e is VendorError => e instanceof VendorError;
