/**
 * YouProxy's envelope: a flat object with `success` and `error: {code, message} | null`, answered with
 * HTTP 200 for failures too (youproxy.md §1.3). Success is judged by `body.success`, never the status.
 */
import type { VendorErrorCode } from '../errors';
import type { HttpTransport } from '../http/transport';
import { isObj, type Obj, optNum, optStr } from '../parse';

/**
 * Vendor error code → typed code. Documented: 2, 4, 14, 16, 29. The rest come from a third-party PHP
 * integration (unverified, youproxy.md §1.4); unknown codes fall back to `vendor_rejected`.
 */
export const ERROR_CODE_MAP: Record<number, VendorErrorCode> = {
  2: 'invalid_credentials', // "Error api key"
  3: 'vendor_unavailable', // PHP: service unavailable
  4: 'invalid_argument', // "Incorrect proxy type"
  6: 'invalid_argument', // PHP: bad country
  7: 'vendor_rejected', // PHP: country not currently offered
  10: 'invalid_argument', // PHP: bad auth type
  11: 'invalid_argument', // PHP: bad rent period
  14: 'invalid_argument', // "Incorrect goal"
  16: 'insufficient_funds', // "Insufficient funds on balance"
  19: 'invalid_argument', // PHP: bad quantity
  23: 'invalid_argument', // PHP: bad auth IP
  24: 'invalid_argument', // PHP: bad IP-address id list
  25: 'invalid_argument', // PHP: bad order id
  28: 'invalid_argument', // PHP: all IPs of one order must be selected (IPv6)
  29: 'invalid_argument', // "Incorrect orderIds"
};

export interface YpVendorError {
  code: number | null;
  message: string | null;
}

/** The `error` object of an envelope, or null when there is none. */
export function errorOf(body: Obj): YpVendorError | null {
  const e = body.error;
  if (e === undefined || e === null) return null;
  if (isObj(e)) return { code: optNum(e.code), message: optStr(e.message) };
  // A bare string or number where an object was documented: keep it as the message.
  return { code: null, message: optStr(e) };
}

/** Typed code for a vendor error code (unknown → vendor_rejected). */
export function typedCodeOf(code: number | null): VendorErrorCode {
  return (code !== null && ERROR_CODE_MAP[code]) || 'vendor_rejected';
}

/**
 * Checks one response: HTTP status, JSON object, `success`. Returns the body on success and throws a
 * redacted VendorError otherwise (vendor code kept in `vendorCode`, the HTTP status in `httpStatus`:
 * refusals.ts counts only HTTP 200 envelope errors as refusals).
 */
export function unwrap(http: HttpTransport, res: { status: number; json: unknown }): Obj {
  const { status, json } = res;
  const body = isObj(json) ? json : null;
  const vendorError = body ? errorOf(body) : null;
  if (status === 401 || status === 403) throw http.error('invalid_credentials', { httpStatus: status });
  if (status >= 500) throw http.error('vendor_unavailable', { httpStatus: status });
  if (!body) throw http.error('bad_response', { httpStatus: status, detail: 'The answer was not a JSON object.' });
  if (body.success === true && !vendorError) return body;
  if (vendorError && body.success === false) {
    const code = typedCodeOf(vendorError.code);
    throw http.error(code, {
      httpStatus: status,
      ...(vendorError.message ? { message: vendorError.message } : {}),
      ...(vendorError.code === null ? {} : { vendorCode: vendorError.code }),
    });
  }
  if (vendorError) {
    // An error object without `success: false` (success true or missing) is not the documented envelope.
    throw http.error('bad_response', {
      httpStatus: status,
      ...(vendorError.message ? { message: vendorError.message } : {}),
      detail: 'The answer carried an error without saying the request failed.',
    });
  }
  if (status >= 400) throw http.error('vendor_rejected', { httpStatus: status, detail: `It answered HTTP ${status}.` });
  // success missing, or false without an error object: not the documented envelope.
  throw http.error('bad_response', {
    httpStatus: status,
    detail:
      body.success === false
        ? 'The answer said the request failed but gave no error.'
        : 'The answer had no "success" flag.',
  });
}
