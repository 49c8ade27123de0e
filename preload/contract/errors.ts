/**
 * The small, typed set of errors every IPC call can answer with. Messages are plain words for a
 * non-technical user and say what to do; `vendorCode` keeps the vendor's own code for support.
 * No runtime imports: shared by main, preload and renderer.
 */
export const ERROR_CODES = [
  // vendor errors (issue: vendor clients)
  'invalid_credentials',
  'insufficient_funds',
  'not_supported',
  'rate_limited',
  'vendor_unavailable',
  'bad_response',
  'network',
  'vendor_rejected', // the vendor refused the request for a reason of its own (message says why)
  // a write that may have reached the vendor and whose answer could not be read: settled by reading
  // vendor state, never by sending again (main/vendors/write-outcome.ts)
  'outcome_unknown',
  // app errors
  'invalid_argument',
  'not_found',
  'duplicate_label',
  'keychain_unavailable',
  'forbidden_sender',
  'storage',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  /** Plain words: what happened and what to do. Never a stack trace, never a secret. */
  message: string;
  /** The vendor's own error code, if any. */
  vendorCode?: string;
  /** For invalid_argument: which field was wrong. */
  field?: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };
