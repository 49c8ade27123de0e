/**
 * Thordata's DOCUMENTED refusals: the only answers to a write that mean "not applied" (write-outcome.ts).
 * Everything else after a write may have reached Thordata — 5xx, a timeout or reset, a body that is not
 * JSON, wrong types, an undocumented envelope code, any 404 (HTML or not) — is "unknown" and is settled
 * by reading state, never by sending again.
 */
import type { VendorError } from '../errors';
import type { DocumentedRefusals } from '../write-outcome';
import { isDocumentedCode } from './errors';

/**
 * HTTP statuses that mean "not processed" when no documented envelope code came with them. Vendor file
 * §5.1 "HTTP-level" (the official SDK's `raise_for_code`): 401/403 auth, 402/429 quota / rate limit,
 * 400/422 validation; §1.6 names HTTP 429 as a rate-limit signal. 404 is deliberately NOT here, although
 * the SDK calls it "validation": the docs (§1.1) treat a 404 as "wrong host", and an HTML 404 may equally
 * come from a proxy in front of Thordata after the request was applied, so a write answered 404 is unknown.
 */
const NOT_PROCESSED_STATUSES: ReadonlySet<number> = new Set([400, 401, 402, 403, 422, 429]);

export const thordataRefusals: DocumentedRefusals = (e: VendorError): boolean => {
  // §5.1 business codes 10000–10021 in the envelope `code` (HTTP 200): parameter errors (10000–10004,
  // 10006, 10012, 10015, 10016, 10018, 10021), stock (10005), offline IP (10007), wallet too low
  // (10008, 10017), "purchase failed, retry" (10009: the vendor says the purchase failed), unknown IP /
  // sub-user (10010, 10020), too frequent (10011), wrong sign / apiKey (10013, 10014), sub-user quota
  // (10019). The client sets `vendorCode` only from an envelope, so a transport code such as
  // "ECONNRESET" never matches.
  if (e.vendorCode !== undefined && /^\d+$/.test(e.vendorCode) && isDocumentedCode(Number(e.vendorCode))) return true;
  return e.httpStatus !== undefined && NOT_PROCESSED_STATUSES.has(e.httpStatus);
};
