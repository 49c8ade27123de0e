/**
 * ProxyShard's DOCUMENTED refusals (doc /work/shared/vendors/proxyshard.md): the only answers to a
 * write that mean "not applied". ProxyShard has no business error codes; its errors are the HTTP
 * status plus `{success:false, message}` (schema ApiError, §2.2). Everything else after a write may
 * have reached the vendor (5xx, 404, 429, 200 with `success:false`, a body that is not the documented
 * success answer, a lost connection) is an unknown outcome (../write-outcome.ts).
 */
import type { VendorError, VendorErrorCode } from '../errors';
import type { DocumentedRefusals } from '../write-outcome';

const REFUSAL_STATUSES: ReadonlyMap<number, string> = new Map([
  // §2.2 "Documented HTTP codes: 400 (validation error, insufficient balance, out of stock, wrong product
  // for the operation, not enough p0f slots, ...)"; also §3.1 #1 purchase, #4 auto-renewal ("product not
  // eligible"), #10 renew ("insufficient balance or validation"), §3.2 #12 signatures, #14 add-ons.
  [400, 'validation / insufficient balance / not allowed for this order'],
  // §1 and §2.2 "401 (missing or invalid key)": the key was not accepted, nothing ran.
  [401, 'missing or invalid key'],
  // §2.2 "403 (the method is not available for this order ...; the cycle is not available to this
  // user in change-billing-cycle)"; §3.1 #3, §3.3 #17.
  [403, 'method or cycle not available'],
  // §1 "the server is actix-based. It rejects a POST/PATCH that has no Content-Length header ('no
  // Content-Length specified')": 411 Length Required, refused before any handler ran.
  [411, 'no Content-Length specified'],
]);

/** The codes api.ts gives those answers (a bad_response or network error is never a refusal). */
const REFUSAL_CODES: ReadonlySet<VendorErrorCode> = new Set([
  'vendor_rejected',
  'insufficient_funds',
  'invalid_credentials',
]);

export const proxyshardRefusals: DocumentedRefusals = (e: VendorError): boolean =>
  e.vendor === 'proxyshard' &&
  e.httpStatus !== undefined &&
  REFUSAL_STATUSES.has(e.httpStatus) &&
  REFUSAL_CODES.has(e.code);
