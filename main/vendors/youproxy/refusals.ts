/**
 * YouProxy's documented refusals: the answers that mean "not applied" for a write that may have
 * reached the vendor (write-outcome.ts). Everything else (5xx, HTML pages, 404, 429, a cut-off or
 * wrongly typed body, an unknown error code) leaves the outcome unknown, settled by reading state.
 *
 * What YouProxy documents (youproxy.md §1.3): every failure is answered with **HTTP 200**, `success: false`
 * and `error: {code, message}`, with the data fields zeroed (`quantity: 0`, `ipAddressIds: []`) and the
 * balance unchanged (seed 002's error example). The HTTP status is documented as meaningless for
 * failures, so no status (401, 403, 429, 4xx) is a refusal on its own — only the envelope's code.
 *
 * Which codes (youproxy.md §1.4):
 *  - documented by YouProxy's own pages: 2 "Error api key" (DEV balance, promo-codes), 4 "Incorrect proxy
 *    type" (seed 002, DEV rent-period), 14 "Incorrect goal" (DEV create-an-order), 16 "Insufficient funds
 *    on balance" (NEW extend-by-ips-2), 29 "Incorrect orderIds" (DEV extend-by-order-ids);
 *  - from the third-party PHP integration (unverified, §1.4) ONLY the input checks, which by their
 *    nature happen before anything is applied: 6 bad country, 7 country not offered, 10 bad auth type,
 *    11 bad rent period, 19 bad quantity, 23 bad auth IP, 24 bad IP-address id list, 25 bad order id,
 *    28 "all IPs of the same order must be selected" (IPv6);
 *  - NOT refusals: 3 ("service unavailable": may fail half-way) and 35 ("unknown"), and every code no
 *    source lists. On a paid write an unexplained code could come from a step after the charge; an
 *    unknown outcome only costs a read of the IP list (reconcile), a wrong "refused" could let the
 *    user pay twice.
 *
 * A `success: true` answer that also carries an error object is not the documented envelope either
 * (envelope.ts turns it into `bad_response`), so it is unknown too.
 */
import type { VendorError } from '../errors';
import type { DocumentedRefusals } from '../write-outcome';

/** Envelope codes that mean "not carried out" (see above for the source of each). */
export const REFUSAL_CODES: ReadonlySet<number> = new Set([2, 4, 14, 16, 29, 6, 7, 10, 11, 19, 23, 24, 25, 28]);

export const youproxyRefusals: DocumentedRefusals = (e: VendorError): boolean => {
  if (e.vendorCode === undefined || e.httpStatus === undefined) return false;
  // Documented failures come with HTTP 200; the vendor's envelope on a 4xx/5xx is not documented.
  if (e.httpStatus < 200 || e.httpStatus > 299) return false;
  return /^\d+$/.test(e.vendorCode) && REFUSAL_CODES.has(Number(e.vendorCode));
};
