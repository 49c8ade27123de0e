/**
 * BestProxy answers in two envelope dialects plus an error model (reference §1.3):
 *   A "gateway":  { code: 200, msg, data }
 *   B "platform": { code: 0, message, data }
 *   errors:       { code: 400, message, errors: { field: [..] } }  (or any non-success code)
 * Errors usually arrive with HTTP 200, so the body's code decides, not the status.
 */
import type { VendorError } from '../errors';
import type { HttpTransport } from '../http/transport';
import { isObj, type Obj, optNum, optStr, pick } from '../parse';
import { CODE } from './constants';

/** "Insufficient balance" has no documented code; recognise the wording (English or Chinese). */
const INSUFFICIENT = /insufficient|not enough (balance|funds)|balance (is )?(too low|not enough)|余额不足|余额不够/i;

/** Flattens `errors` ({field: [msg]} or {field: msg}) into one readable line. */
export function errorsText(errors: unknown): string {
  if (!isObj(errors)) return '';
  const parts: string[] = [];
  for (const [field, v] of Object.entries(errors)) {
    const msgs = Array.isArray(v) ? v.map((x) => optStr(x)).filter((x): x is string => x !== null) : [optStr(v)];
    const text = msgs.filter(Boolean).join('; ');
    parts.push(text ? `${field}: ${text}` : field);
  }
  return parts.join(', ');
}

export interface VendorFailure {
  code: number;
  message: string;
  errors: unknown;
  httpStatus: number;
}

/** Maps one vendor failure to the typed error set, keeping the vendor's code. */
export function failureToError(http: HttpTransport, f: VendorFailure): VendorError {
  // The vendor's own words only (message and field errors); Proxydeck's words go in `detail`.
  const words = [f.message, errorsText(f.errors)].filter(Boolean).join(' — ');
  const base = { vendorCode: f.code, httpStatus: f.httpStatus, ...(words ? { message: words } : {}) };
  if (f.code === CODE.invalidKey || f.code === 401 || f.code === 403) return http.error('invalid_credentials', base);
  if (f.code === CODE.notVerified) {
    return http.error('vendor_rejected', {
      ...base,
      detail: 'The account is not verified. Complete identity verification in the BestProxy dashboard, then try again.',
    });
  }
  if (INSUFFICIENT.test(words)) return http.error('insufficient_funds', base);
  if (f.code === 429) return http.error('rate_limited', base);
  if (f.code >= 500 && f.code < 600) return http.error('vendor_unavailable', base);
  if (f.code === CODE.paramError || f.code === 422) return http.error('invalid_argument', base);
  return http.error('vendor_rejected', base);
}

/** Returns `data` of a successful answer; throws the mapped VendorError otherwise. */
export function unwrap(http: HttpTransport, res: { status: number; json: unknown }): unknown {
  const { status, json } = res;
  if (!isObj(json)) {
    if (status >= 500) throw http.error('vendor_unavailable', { httpStatus: status });
    if (status === 401 || status === 403) throw http.error('invalid_credentials', { httpStatus: status });
    throw http.error('bad_response', { httpStatus: status, detail: 'The answer was not a JSON object.' });
  }
  const body: Obj = json;
  const code = optNum(body.code);
  const message = optStr(pick(body, 'msg', 'message')) ?? '';
  if (code === null) {
    if (status >= 500) throw http.error('vendor_unavailable', { httpStatus: status });
    if (status === 401 || status === 403) throw http.error('invalid_credentials', { httpStatus: status });
    if (status >= 400) {
      throw http.error('vendor_rejected', { httpStatus: status, ...(message ? { message } : {}) });
    }
    throw http.error('bad_response', { httpStatus: status, detail: 'The answer had no status code.' });
  }
  if (status >= 500) throw http.error('vendor_unavailable', { httpStatus: status, vendorCode: code });
  if ((code === CODE.okGateway || code === CODE.okPlatform) && status < 400) return body.data;
  throw failureToError(http, { code, message, errors: body.errors, httpStatus: status });
}
