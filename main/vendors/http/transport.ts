import { type Dispatcher, errors as undiciErrors, request as undiciRequest } from 'undici';
import type { VendorId } from '../../../preload/contract/model';
import { VENDOR_NAMES, VendorError, type VendorErrorCode } from '../errors';
import { parseJsonLossless } from './json';
import { type AccountGate, accountGate, hostLimit, pauseAccount, waitOutPause } from './limits';
import { ProxyRouteError } from './proxy-errors';
import { makeRedactor, type Redactor } from './redact';
import { closeRouteDispatchers, dispatcherFor, type Route, throughRoute } from './route';
import { markMayHaveReached } from './write-trace';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface HttpRequest {
  method: HttpMethod;
  /** Path relative to the base URL; it may carry path-embedded secrets (redacted in logs). */
  path: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** `json` is sent as application/json; `form` as application/x-www-form-urlencoded. */
  body?: { json: unknown } | { form: Record<string, QueryValue> };
  /** Overrides the transport's deadline for this call. */
  deadlineMs?: number;
  signal?: AbortSignal;
  /** Reads are retried on 429/5xx/connection errors; set false to disable for one read. */
  retry?: boolean;
  /**
   * True when this request changes vendor state (default: every method but GET). A write is sent once,
   * never retried, and marks the write trace (write-trace.ts) once it may have reached the vendor.
   */
  write?: boolean;
  /** Use another origin than the base URL (Thordata's CDK host, for example). */
  baseUrl?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface TransportLog {
  debug(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface TransportTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  /** Overall deadline of one call, retries included. */
  deadlineMs: number;
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  max: number;
  baseMs: number;
  capMs: number;
}

export interface TransportOptions {
  vendor: VendorId;
  baseUrl: string;
  /** Values that must never appear in a log or an error message (API keys, tokens). */
  secrets: string[];
  timeouts?: Partial<TransportTimeouts>;
  retry?: Partial<RetryPolicy>;
  /**
   * Calls in flight at once for this account (its key at this base URL), shared by every transport of the
   * account; default: what the vendor documents (limits.ts). Every vendor host has its own limit too.
   */
  concurrency?: number;
  log?: TransportLog;
  /** Tests may inject a dispatcher (MockAgent); otherwise the route in force (route.ts) gives one per origin. */
  dispatcher?: Dispatcher;
  /** Injected for tests that must not really wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const DEFAULT_TIMEOUTS: TransportTimeouts = {
  connectMs: 10_000,
  headersMs: 20_000,
  bodyMs: 20_000,
  deadlineMs: 30_000,
};
export const DEFAULT_RETRY: RetryPolicy = { max: 3, baseMs: 500, capMs: 8_000 };

/** The longest vendor message quoted in an error (a hostile megabyte is cut, after redaction). */
export const VENDOR_TEXT_MAX = 1000;

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** Closes every shared dispatcher (app shutdown, test teardown). */
export async function closeAllAgents(): Promise<void> {
  await closeRouteDispatchers();
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Retry-After: delta-seconds or an HTTP date. Returns ms, or undefined when absent/invalid. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value.trim());
  if (Number.isFinite(secs) && secs >= 0) return Math.round(secs * 1000);
  const at = Date.parse(value);
  if (Number.isFinite(at)) return Math.max(0, at - now);
  return undefined;
}

/** "3 minutes", "45 seconds", "2 hours": a wait in plain words. */
export function waitWords(ms: number): string {
  const secs = Math.max(1, Math.round(ms / 1000));
  if (secs < 90) return `${secs} second${secs === 1 ? '' : 's'}`;
  const mins = Math.round(secs / 60);
  if (mins < 90) return `${mins} minute${mins === 1 ? '' : 's'}`;
  const hours = Math.round(mins / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** Codes of errors raised before any byte of the request can have reached the server. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

function errorCodeOf(e: unknown): string | undefined {
  if (e && typeof e === 'object') {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const cause = (e as { cause?: unknown }).cause;
    if (cause) return errorCodeOf(cause);
  }
  return undefined;
}

/**
 * HTTP for one vendor account: undici, timeouts, an overall deadline, a concurrency limit, and
 * retries with backoff + jitter for reads only. Writes are sent once; if their outcome is unknown
 * (sent, then timed out or the connection dropped) the error says so with `uncertain: true`.
 */
export class HttpTransport {
  readonly vendor: VendorId;
  readonly redact: Redactor;
  private readonly base: URL;
  private readonly timeouts: TransportTimeouts;
  private readonly retryPolicy: RetryPolicy;
  private readonly gate: AccountGate;
  private readonly log: TransportLog | undefined;
  private readonly dispatcher: Dispatcher | undefined;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(opts: TransportOptions) {
    this.vendor = opts.vendor;
    this.base = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
    this.retryPolicy = { ...DEFAULT_RETRY, ...opts.retry };
    this.gate = accountGate(opts.vendor, this.base.origin, opts.secrets, opts.concurrency);
    this.log = opts.log;
    this.dispatcher = opts.dispatcher;
    this.sleep = opts.sleep ?? defaultSleep;
    this.redact = makeRedactor(opts.secrets, { proxyUrls: true });
  }

  /**
   * Builds a VendorError whose every text is scrubbed of secrets in any spelling: the vendor's words,
   * Proxydeck's detail and sentence (they may quote a vendor value), and a vendor code given as text.
   * The vendor's words are quoted up to VENDOR_TEXT_MAX characters: enough for any real message.
   */
  error(code: VendorErrorCode, opts: ConstructorParameters<typeof VendorError>[2] = {}): VendorError {
    return new VendorError(this.vendor, code, {
      ...opts,
      ...(opts.message === undefined ? {} : { message: this.redact.clip(opts.message, VENDOR_TEXT_MAX) }),
      ...(opts.detail === undefined ? {} : { detail: this.redact(opts.detail) }),
      ...(opts.sentence === undefined ? {} : { sentence: this.redact(opts.sentence) }),
      ...(typeof opts.vendorCode === 'string' ? { vendorCode: this.redact.clip(opts.vendorCode, 100) } : {}),
    });
  }

  url(req: Pick<HttpRequest, 'path' | 'query' | 'baseUrl'>): URL {
    const base = req.baseUrl ? new URL(req.baseUrl.endsWith('/') ? req.baseUrl : `${req.baseUrl}/`) : this.base;
    const u = new URL(req.path.replace(/^\//, ''), base);
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v !== undefined && v !== null) u.searchParams.set(k, String(v));
    }
    return u;
  }

  /** Sends a request and returns the raw response, whatever its status (the vendor client reads envelopes). */
  request(req: HttpRequest): Promise<HttpResponse> {
    return this.gate.limit(() => this.send(req));
  }

  /**
   * Sends a request and parses JSON losslessly (integers beyond 2^53 become strings).
   * A body that is not JSON raises `bad_response` unless the status is an auth/availability error.
   */
  async requestJson(req: HttpRequest): Promise<{ status: number; headers: Record<string, string>; json: unknown }> {
    const res = await this.request(req);
    try {
      return { status: res.status, headers: res.headers, json: parseJsonLossless(res.text) };
    } catch {
      if (res.status === 401 || res.status === 403) throw this.error('invalid_credentials', { httpStatus: res.status });
      if (res.status >= 500) throw this.error('vendor_unavailable', { httpStatus: res.status });
      throw this.error('bad_response', { httpStatus: res.status });
    }
  }

  private async send(req: HttpRequest): Promise<HttpResponse> {
    const isWrite = req.write ?? req.method !== 'GET';
    const retries = !isWrite && req.retry !== false ? this.retryPolicy.max : 0;
    const deadlineMs = req.deadlineMs ?? this.timeouts.deadlineMs;
    const deadline = AbortSignal.timeout(deadlineMs);
    const signal = req.signal ? AbortSignal.any([deadline, req.signal]) : deadline;
    const url = this.url(req);
    const safePath = this.redact(url.pathname);
    const callStarted = Date.now();

    const host = hostLimit(this.vendor, url.hostname);

    for (let attempt = 0; ; attempt++) {
      await this.waitForPause(signal, callStarted);
      const started = Date.now();
      try {
        // The host's slot is held only while the request is out: never during a backoff or a pause.
        const res = await host(() => this.once(url, req, signal));
        if (isWrite) markMayHaveReached();
        this.log?.debug(
          {
            vendor: this.vendor,
            method: req.method,
            path: safePath,
            status: res.status,
            ms: Date.now() - started,
            attempt,
          },
          'vendor request',
        );
        const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
        if (RETRYABLE_STATUS.has(res.status) && attempt < retries) {
          const wait = this.backoff(attempt, retryAfterMs);
          // A wait that would run past the call's deadline is not waited: the answer stands as it is.
          if (wait < deadlineMs - (Date.now() - callStarted)) {
            const slept = this.sleepWithin(wait, signal, callStarted);
            // A 429's wait pauses this account (every transport of its key), not the other accounts.
            if (res.status === 429 && retryAfterMs !== undefined) pauseAccount(this.gate, slept);
            await slept;
            continue;
          }
        }
        if (res.status === 429) throw this.rateLimited(retryAfterMs);
        return res;
      } catch (e) {
        if (e instanceof VendorError) throw e;
        // The proxy failed before anything reached the vendor: its own words, and never a direct try.
        if (e instanceof ProxyRouteError && !signal.aborted) {
          this.log?.warn(
            { vendor: this.vendor, method: req.method, path: safePath, code: e.code, attempt },
            'vendor request failed at the proxy',
          );
          if (!e.final && attempt < retries) {
            await this.sleepWithin(this.backoff(attempt), signal, callStarted);
            continue;
          }
          throw this.error('network', { sentence: e.message, vendorCode: e.code });
        }
        const aborted = signal.aborted;
        const code = errorCodeOf(e);
        const notSent = !aborted && code !== undefined && NOT_SENT_CODES.has(code);
        // A write whose bytes may have left this machine has an unknown outcome.
        if (isWrite && !notSent) markMayHaveReached();
        this.log?.warn(
          { vendor: this.vendor, method: req.method, path: safePath, code: code ?? 'unknown', aborted, attempt },
          'vendor request failed',
        );
        if (!aborted && attempt < retries) {
          await this.sleepWithin(this.backoff(attempt), signal, callStarted);
          continue;
        }
        const uncertain = isWrite && !notSent;
        if (aborted && req.signal?.aborted && !deadline.aborted) {
          throw this.error('network', { sentence: 'The request was cancelled.', uncertain });
        }
        if (aborted || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
          throw this.timedOut(callStarted, uncertain);
        }
        throw this.error('network', { uncertain, ...(code ? { vendorCode: code } : {}) });
      }
    }
  }

  /** Waits out this account's Retry-After pause, if any, within this call's deadline. */
  private async waitForPause(signal: AbortSignal, callStarted: number): Promise<void> {
    if (!(await waitOutPause(this.gate, signal))) throw this.timedOut(callStarted, false);
  }

  /** 429: the vendor's wait in plain words, never "check your internet connection". */
  private rateLimited(retryAfterMs: number | undefined): VendorError {
    const name = VENDOR_NAMES[this.vendor];
    return this.error('rate_limited', {
      httpStatus: 429,
      ...(retryAfterMs === undefined
        ? {}
        : {
            retryAfterMs,
            sentence: `${name} is receiving too many requests and asks to wait ${waitWords(retryAfterMs)}. Try again after that.`,
          }),
    });
  }

  /** A timeout says how long Proxydeck really waited. */
  private timedOut(callStarted: number, uncertain: boolean): VendorError {
    const waited = (Date.now() - callStarted) / 1000;
    const secs = waited < 10 ? String(Math.max(0.1, Math.round(waited * 10) / 10)) : String(Math.round(waited));
    return this.error('network', {
      sentence: `${VENDOR_NAMES[this.vendor]} did not answer within ${secs} second${secs === '1' ? '' : 's'}. Try again in a few minutes.`,
      uncertain,
    });
  }

  /** Full jitter exponential backoff, at least Retry-After when the server gave one. */
  private backoff(attempt: number, retryAfterMs?: number): number {
    const exp = Math.min(this.retryPolicy.capMs, this.retryPolicy.baseMs * 2 ** attempt);
    const jittered = Math.round(Math.random() * exp);
    return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
  }

  private async sleepWithin(ms: number, signal: AbortSignal, callStarted: number): Promise<void> {
    try {
      await this.sleep(ms, signal);
    } catch {
      throw this.timedOut(callStarted, false);
    }
  }

  private async once(url: URL, req: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    let body: string | undefined;
    if (req.body && 'json' in req.body) {
      body = JSON.stringify(req.body.json);
      headers['content-type'] = 'application/json';
    } else if (req.body && 'form' in req.body) {
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(req.body.form)) if (v !== undefined && v !== null) form.set(k, String(v));
      body = form.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const routed: { dispatcher: Dispatcher; route: Route } = this.dispatcher
      ? { dispatcher: this.dispatcher, route: { kind: 'direct', source: 'settings' } }
      : await dispatcherFor(url.origin, this.timeouts);
    const res = await throughRoute(routed.route, this.timeouts.connectMs, () =>
      undiciRequest(url, {
        method: req.method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal,
        dispatcher: routed.dispatcher,
      }),
    );
    const text = await res.body.text();
    const outHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) {
      if (typeof v === 'string') outHeaders[k] = v;
      else if (Array.isArray(v)) outHeaders[k] = v.join(', ');
    }
    return { status: res.statusCode, headers: outHeaders, text };
  }
}

export { undiciErrors };
