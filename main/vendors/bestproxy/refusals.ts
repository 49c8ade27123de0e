/**
 * BestProxy's documented refusals: the only answers that mean "not applied" for a write that may have
 * reached BestProxy (the write outcome rule, ../write-outcome.ts). Everything else after sending is
 * "unknown" and is settled by reading vendor state.
 *
 * The seed (003, the vendor's OpenAPI doc; reference §1.3–§1.4) documents these envelope codes, each
 * in the vendor's own JSON envelope (HTTP 200 in every example):
 *  - 3   "invalid app_key" (the responseCode model and nearly every endpoint's code table);
 *  - 156 "the account is not verified" (account, allowlist, traffic and package endpoints);
 *  - 400 "Parameter error", field messages in `errors` (the ErrorResponse model). BestProxy documents
 *        no code of its own for an insufficient balance; its answer is recognised as a 400 parameter
 *        error on `pm_id` (the simulator's assumption, see README).
 * Not refusals: any other envelope code (the seed's "other values indicate failure" names none, so an
 * unknown code cannot tell whether anything was applied), any 5xx status even with an envelope, and
 * every HTTP status without an envelope (the doc defines no 401/403/422/429: "No rate limits
 * published", reference §5.5), HTML pages, unreadable or wrongly typed bodies.
 */
import type { VendorError } from '../errors';
import type { DocumentedRefusals } from '../write-outcome';
import { CODE } from './constants';

const DOCUMENTED_CODES: ReadonlySet<string> = new Set([
  String(CODE.invalidKey),
  String(CODE.notVerified),
  String(CODE.paramError),
]);

export const bestproxyRefusals: DocumentedRefusals = (e: VendorError): boolean =>
  !e.uncertain &&
  e.vendorCode !== undefined &&
  DOCUMENTED_CODES.has(e.vendorCode) &&
  // Only an envelope answer carries an HTTP status below 500 with a vendor code (envelope.ts).
  e.httpStatus !== undefined &&
  e.httpStatus < 500;
