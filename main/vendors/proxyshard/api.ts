/**
 * ProxyShard's HTTP conventions in one place: the `/user/api` prefix, Bearer auth (set by the
 * client as a default header), the actix Content-Length quirk, the several response shapes and
 * the `{success:false,message}` error body with 400/401/403.
 */
import type { VendorError, VendorErrorCode } from '../errors';
import { parseJsonLossless } from '../http/json';
import type { HttpMethod, HttpTransport, QueryValue } from '../http/transport';
import { isObj, type Obj, optStr, pick } from '../parse';

export const API_PREFIX = '/user/api';

export interface CallOptions {
  query?: Record<string, QueryValue>;
  json?: unknown;
  signal?: AbortSignal;
}

/** Balance-too-low wording (the vendor has no error codes, only text). */
const INSUFFICIENT_FUNDS =
  /insufficient\s+(balance|funds)|not\s+enough\s+(balance|funds|money)|balance\s+is\s+(too\s+)?low|low\s+balance|недостаточно\s+средств/i;

/** Picks the typed code for a vendor answer: HTTP status first, then the message text. */
export function classifyError(status: number, message: string | null): VendorErrorCode {
  if (status === 401) return 'invalid_credentials';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'vendor_unavailable';
  if (message && INSUFFICIENT_FUNDS.test(message)) return 'insufficient_funds';
  // 400 validation, 403 "not available for this order/user", 404, 411: the vendor said no.
  return 'vendor_rejected';
}

/** The human text of an error body: JSON `message`, or a short non-HTML raw body (actix answers in text). */
export function errorMessageOf(body: unknown, rawText: string): string | null {
  if (isObj(body)) return optStr(pick(body, 'message', 'detail', 'error'));
  const text = rawText.trim();
  if (!text || text.startsWith('<')) return null;
  return text.slice(0, 200);
}

export class ProxyshardApi {
  constructor(
    private readonly http: HttpTransport,
    private readonly authHeader: Record<string, string>,
  ) {}

  /**
   * One call. POST/PATCH always carry a JSON body (`{}` when the endpoint takes none): the actix
   * server rejects a body-less POST/PATCH without Content-Length ("no Content-Length specified").
   * Returns the parsed JSON of a 2xx answer; throws a VendorError otherwise.
   */
  async call(method: HttpMethod, path: string, opts: CallOptions = {}): Promise<unknown> {
    const needsBody = method === 'POST' || method === 'PATCH';
    const json = opts.json ?? (needsBody ? {} : undefined);
    const res = await this.http.request({
      method,
      path: `${API_PREFIX}${path}`,
      headers: this.authHeader,
      ...(opts.query ? { query: opts.query } : {}),
      ...(json === undefined ? {} : { body: { json } }),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    let body: unknown;
    let parsed = true;
    try {
      body = parseJsonLossless(res.text);
    } catch {
      parsed = false;
    }
    const ok = res.status >= 200 && res.status < 300;
    if (ok && !parsed) throw this.http.error('bad_response', { httpStatus: res.status });
    // Some answers are HTTP 200 with `success: false`: an error all the same.
    if (ok && !(isObj(body) && body.success === false)) return body;
    throw this.errorFor(res.status, parsed ? body : undefined, res.text);
  }

  /**
   * One write (POST/PATCH/DELETE). Every documented write answer is `{success: true, ...}` (doc §2.1),
   * with `message` a string when present (§2.2, §6.7): anything else is not an answer Proxydeck can
   * read, so it is a bad_response (an unknown outcome under the write rule, never "not applied").
   */
  async write(method: Exclude<HttpMethod, 'GET'>, path: string, opts: CallOptions = {}): Promise<Obj> {
    const body = await this.call(method, path, opts);
    if (!isObj(body) || body.success !== true) {
      throw this.http.error('bad_response', { detail: 'The answer did not confirm success.' });
    }
    if (body.message !== undefined && body.message !== null && typeof body.message !== 'string') {
      throw this.http.error('bad_response', { detail: 'The answer carried a message that is not text.' });
    }
    return body;
  }

  get(path: string, query?: Record<string, QueryValue>): Promise<unknown> {
    return this.call('GET', path, query ? { query } : {});
  }

  errorFor(status: number, body: unknown, rawText: string): VendorError {
    // Redacted before errorMessageOf cuts it to 200 characters: a cut must never leave half a key.
    const message = errorMessageOf(body, this.http.redact.clip(rawText.trim(), 200));
    const code = classifyError(status, message);
    return this.http.error(code, {
      httpStatus: status,
      vendorCode: String(status),
      ...(message ? { message } : {}),
    });
  }
}
