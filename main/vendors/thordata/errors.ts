/**
 * Thordata business codes (envelope `code`, vendor file §5.1) → the typed vendor error set.
 * HTTP status is normally 200 even for these, so the client checks the body on every call.
 */
import type { VendorErrorCode } from '../errors';

export interface CodeInfo {
  code: VendorErrorCode;
  /** Plain words used when the vendor sends no `msg`. */
  meaning: string;
  /** The form field the code is about (the add-account or sub-user form puts the error under it). */
  field?: 'token' | 'key' | 'username' | 'password';
  /** Proxydeck's sentence replacing the code's default one (which would only say "the API key"). */
  sentence?: string;
}

/** 10013 / 10014 name the wrong credential (thordata.md §5.1: `sign` = token, `apiKey` = key). */
const wrongCredential = (field: 'token' | 'key'): CodeInfo => ({
  code: 'invalid_credentials',
  meaning: `the ${field} is wrong`,
  field,
  sentence: `Thordata did not accept the ${field}. Copy the ${field} again from My Account in the Thordata dashboard, then update the account in Proxydeck.`,
});

export const BUSINESS_CODES: Readonly<Record<number, CodeInfo>> = {
  10000: { code: 'invalid_argument', meaning: 'a parameter is missing or wrong' },
  10001: { code: 'invalid_argument', meaning: 'invalid duration' },
  10002: { code: 'invalid_argument', meaning: 'malformed region info' },
  10003: { code: 'invalid_argument', meaning: 'invalid quantity' },
  10004: { code: 'invalid_argument', meaning: 'region missing or withdrawn' },
  10005: { code: 'vendor_rejected', meaning: 'not enough stock in that region' },
  10006: { code: 'invalid_argument', meaning: 'wrong amount or price' },
  10007: { code: 'vendor_rejected', meaning: 'the IP is offline and cannot be renewed' },
  10008: { code: 'insufficient_funds', meaning: 'wallet balance too low' },
  // "Purchase failed, retry": a definite failure on the vendor side, nothing was bought.
  10009: { code: 'vendor_unavailable', meaning: 'purchase failed, try again' },
  10010: { code: 'vendor_rejected', meaning: 'the IP does not exist' },
  10011: { code: 'rate_limited', meaning: 'too many operations, try later' },
  10012: { code: 'invalid_argument', meaning: 'quantity above the single-order limit' },
  10013: wrongCredential('token'),
  10014: wrongCredential('key'),
  10015: { code: 'invalid_argument', meaning: 'sub-user name must be 6-15 letters or digits', field: 'username' },
  10016: {
    code: 'invalid_argument',
    meaning: 'password must be 6-15 letters or digits and start with a letter',
    field: 'password',
  },
  10017: { code: 'insufficient_funds', meaning: 'the account must be topped up first' },
  10018: { code: 'invalid_argument', meaning: 'sub-user name already exists', field: 'username' },
  10019: { code: 'vendor_rejected', meaning: 'sub-user quota reached' },
  10020: { code: 'vendor_rejected', meaning: 'sub-user name not found' },
  10021: { code: 'invalid_argument', meaning: 'date range longer than 180 days' },
};

/** Whether Thordata documents this envelope code (vendor file §5.1). */
export const isDocumentedCode = (code: number): boolean => Object.hasOwn(BUSINESS_CODES, code);

/**
 * Typed code for a business code. An undocumented code in the 5xx range (an error envelope of a
 * failing server) reads as the service failing; any other undocumented code as a refusal for the
 * vendor's own reason. Neither is a documented refusal (refusals.ts): a write answered so is unknown.
 */
export function classifyBusinessCode(code: number): CodeInfo {
  if (isDocumentedCode(code)) return BUSINESS_CODES[code] as CodeInfo;
  if (code >= 500 && code < 600) return { code: 'vendor_unavailable', meaning: `error ${code}` };
  return { code: 'vendor_rejected', meaning: `error ${code}` };
}

/** HTTP-level mapping when no envelope code is present (SDK-py `raise_for_code`). */
export function classifyHttpStatus(status: number): VendorErrorCode {
  if (status === 401 || status === 403) return 'invalid_credentials';
  if (status === 402) return 'insufficient_funds';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 422) return 'invalid_argument';
  if (status >= 500) return 'vendor_unavailable';
  return 'bad_response';
}
