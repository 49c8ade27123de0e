/**
 * The shared engine of the vendor simulators: a real HTTP server on 127.0.0.1, a tiny router,
 * fault injection, and a ledger of every charge. Each vendor simulator (one folder each) adds the
 * vendor's routes, auth, envelopes and state on top. Used by contract tests, e2e tests and demo mode.
 *
 * Control endpoints under /__sim/ let a test in another process inject faults and read the ledger.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type EchoForm, echoText } from './echo';

export type SimMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

export interface SimRequest {
  method: SimMethod;
  /** Path without the query string. */
  path: string;
  /** Named path parameters from the route pattern (`:id`). */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Raw body text. */
  text: string;
  /** Parsed body: JSON object for application/json, fields for form bodies, {} otherwise. */
  body: Record<string, unknown>;
  /** True when the request had a Content-Length header (ProxyShard's actix quirk). */
  hasContentLength: boolean;
}

export interface SimResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Serialized as JSON unless `raw` is given. */
  json?: unknown;
  raw?: string;
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export type FaultKind =
  | 'latency' // wait `ms`, then answer normally
  | 'status' // answer `status` (default 503) with a short body, without running the handler
  | 'rate_limit' // answer 429 with Retry-After `retryAfterSec`
  | 'hang' // never answer (the client's timeout must fire); the handler does not run
  | 'malformed' // answer 200 with broken JSON, without running the handler
  | 'drop_after_apply' // run the handler (state changes, money moves), then destroy the socket
  | 'after_apply' // run the handler (state changes, money moves), then answer badly: see `answer`
  | 'wrong_units' // run the handler; the vendor simulator multiplies unit-bearing fields (see each sim)
  | 'echo'; // hostile: the vendor's error envelope echoing the request (URL, headers, body) in `form`

/** How an `after_apply` fault answers once the request WAS applied (the vendor charged, then failed). */
export const AFTER_APPLY_ANSWERS = [
  '5xx_html', // 502 with an HTML error page (a proxy in front of the vendor)
  '5xx_envelope', // 500 with the vendor's own error envelope
  'truncated', // 200, JSON cut off halfway
  'non_json', // 200, a plain-text body
  'wrong_types', // 200, the vendor's envelope with every data field of the wrong type
  'html_404', // 404 with an HTML page
  'reset', // the connection is reset before any answer
] as const;
export type AfterApplyAnswer = (typeof AFTER_APPLY_ANSWERS)[number];

export interface Fault {
  kind: FaultKind;
  method?: SimMethod;
  /** Substring or regular expression source matched against the path. */
  path?: string;
  ms?: number;
  status?: number;
  retryAfterSec?: number;
  /** For `after_apply`: the bad answer given after the handler ran (default 5xx_html). */
  answer?: AfterApplyAnswer;
  /** How many matching requests it affects (default 1); 0 = until cleared. */
  times?: number;
  /** For `echo`: how the request is spelled back (echo.ts; default every form). Status: `status`, default 200. */
  form?: EchoForm;
}

export interface LedgerEntry {
  at: string;
  /** The account key (or account id) charged. */
  account: string;
  amountMinor: number;
  currency: string;
  what: string;
  /** Vendor ids of the renewed/charged items. */
  items: string[];
}

interface Route {
  method: SimMethod;
  pattern: RegExp;
  names: string[];
  handler: SimHandler;
}

interface ActiveFault extends Fault {
  remaining: number; // Infinity when times === 0
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
}

export class SimServer {
  readonly ledger: LedgerEntry[] = [];
  readonly requests: RequestLogEntry[] = [];
  private readonly routes: Route[] = [];
  private faults: ActiveFault[] = [];
  private server: Server | null = null;
  private readonly hanging = new Set<ServerResponse>();
  /** Set by a 'wrong_units' fault for the duration of one handler call; vendor sims consult it. */
  wrongUnits = false;
  /** The vendor's own error envelope for a 5xx, or for an `echo` carrying `message` (set by each vendor simulator). */
  errorEnvelope: (status: number, message?: string) => unknown = (status, message) => ({
    message: message ?? `Internal error ${status}`,
  });
  /** Top-level keys of the vendor's envelope, kept as they are by a `wrong_types` answer. */
  envelopeKeys: readonly string[] = ['code', 'success', 'status', 'msg', 'message', 'error'];
  /** Clock used by vendor simulators (tests may move it). */
  now: () => Date = () => new Date();

  constructor(readonly name: string) {}

  route(method: SimMethod, pattern: string, handler: SimHandler): this {
    const names: string[] = [];
    const source = pattern
      .split('/')
      .map((seg) => {
        if (seg.startsWith(':')) {
          names.push(seg.slice(1));
          return '([^/]+)';
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  injectFault(f: Fault): void {
    this.faults.push({ ...f, remaining: f.times === 0 ? Number.POSITIVE_INFINITY : (f.times ?? 1) });
  }

  clearFaults(): void {
    this.faults = [];
  }

  charge(entry: Omit<LedgerEntry, 'at'>): void {
    this.ledger.push({ at: this.now().toISOString(), ...entry });
  }

  get url(): string {
    const addr = this.server?.address() as AddressInfo | null;
    if (!addr) throw new Error(`${this.name} simulator is not listening`);
    return `http://127.0.0.1:${addr.port}`;
  }

  async listen(port = 0): Promise<string> {
    if (this.server) return this.url;
    const server = createServer((req, res) => {
      void this.dispatch(req, res);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // Loopback only: simulators are never reachable from another machine.
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return this.url;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private takeFault(method: string, path: string): ActiveFault | undefined {
    const f = this.faults.find(
      (x) =>
        x.remaining > 0 &&
        (!x.method || x.method === method) &&
        (!x.path || path.includes(x.path) || safeRegex(x.path)?.test(path)),
    );
    if (f) {
      f.remaining -= 1;
      this.faults = this.faults.filter((x) => x.remaining > 0);
    }
    return f;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase() as SimMethod;
    const text = await readBody(req);
    if (url.pathname.startsWith('/__sim/')) return this.control(method, url, text, res);

    const fault = this.takeFault(method, url.pathname);
    const log = (status: number) => this.requests.push({ method, path: url.pathname, status });
    if (fault?.kind === 'latency') await sleep(fault.ms ?? 1000);
    if (fault?.kind === 'hang') {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      log(0);
      return;
    }
    if (fault?.kind === 'status') {
      log(fault.status ?? 503);
      return send(res, {
        status: fault.status ?? 503,
        raw: '<html><body>Service Unavailable</body></html>',
        headers: { 'content-type': 'text/html' },
      });
    }
    if (fault?.kind === 'rate_limit') {
      log(429);
      return send(res, {
        status: 429,
        headers: { 'retry-after': String(fault.retryAfterSec ?? 1) },
        json: { message: 'Too Many Requests' },
      });
    }
    if (fault?.kind === 'echo') {
      // The envelope names an error code even when the HTTP status says 200, as vendors do.
      const status = fault.status ?? 200;
      const message = echoText({ method, url: req.url ?? '/', rawHeaders: req.rawHeaders, body: text }, fault.form);
      log(status);
      return send(res, { status, json: this.errorEnvelope(status >= 400 ? status : 500, message) });
    }
    if (fault?.kind === 'malformed') {
      log(200);
      return send(res, {
        status: 200,
        raw: '{"code":200,"data":[{"broken',
        headers: { 'content-type': 'application/json' },
      });
    }

    const route = this.routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    if (!route) {
      log(404);
      return send(res, { status: 404, json: { message: 'Not Found' } });
    }
    const m = route.pattern.exec(url.pathname) as RegExpExecArray;
    const params: Record<string, string> = {};
    route.names.forEach((n, i) => {
      params[n] = decodeURIComponent(m[i + 1] ?? '');
    });
    const simReq: SimRequest = {
      method,
      path: url.pathname,
      params,
      query: url.searchParams,
      headers: req.headers,
      text,
      body: parseBody(text, req.headers['content-type']),
      hasContentLength: req.headers['content-length'] !== undefined,
    };
    let out: SimResponse;
    this.wrongUnits = fault?.kind === 'wrong_units';
    try {
      out = await route.handler(simReq);
    } catch (e) {
      out = { status: 500, json: { message: `simulator error: ${(e as Error).message}` } };
    } finally {
      this.wrongUnits = false;
    }
    log(out.status ?? 200);
    if (fault?.kind === 'drop_after_apply' || (fault?.kind === 'after_apply' && fault.answer === 'reset')) {
      // The vendor applied the request; the answer is lost on the way back.
      res.socket?.destroy();
      return;
    }
    if (fault?.kind === 'after_apply') return send(res, this.badAnswer(fault.answer ?? '5xx_html', out));
    send(res, out);
  }

  /** The bad answer of an `after_apply` fault, given the handler's real answer. */
  private badAnswer(answer: AfterApplyAnswer, real: SimResponse): SimResponse {
    const html = { 'content-type': 'text/html; charset=utf-8' };
    const realText = real.raw ?? JSON.stringify(real.json ?? null);
    switch (answer) {
      case '5xx_html':
        return {
          status: 502,
          headers: html,
          raw: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
        };
      case '5xx_envelope':
        return { status: 500, json: this.errorEnvelope(500) };
      case 'truncated':
        return { status: 200, raw: realText.slice(0, Math.max(1, Math.floor(realText.length / 2))) };
      case 'non_json':
        return { status: 200, headers: { 'content-type': 'text/plain' }, raw: 'OK' };
      case 'wrong_types':
        return { status: 200, json: scrambleTypes(real.json, this.envelopeKeys) };
      case 'html_404':
        return { status: 404, headers: html, raw: '<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>' };
      case 'reset':
        return real; // handled before: the socket is destroyed
    }
  }

  private control(method: SimMethod, url: URL, text: string, res: ServerResponse): void {
    let out: SimResponse = { status: 404, json: { message: 'unknown control endpoint' } };
    if (method === 'POST' && url.pathname === '/__sim/faults') {
      this.injectFault(JSON.parse(text || '{}') as Fault);
      out = { json: { ok: true } };
    } else if (method === 'DELETE' && url.pathname === '/__sim/faults') {
      this.clearFaults();
      out = { json: { ok: true } };
    } else if (method === 'GET' && url.pathname === '/__sim/ledger') {
      out = { json: this.ledger };
    } else if (method === 'GET' && url.pathname === '/__sim/requests') {
      out = { json: this.requests };
    }
    send(res, out);
  }
}

/**
 * Every data field of the wrong type (numbers → words, strings → numbers, lists → objects...), the
 * envelope's own top-level keys kept, so the answer still claims success.
 */
export function scrambleTypes(value: unknown, keep: readonly string[] = [], depth = 0): unknown {
  if (Array.isArray(value)) return depth === 0 ? value.map((v) => scrambleTypes(v, keep, depth + 1)) : { items: value };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = depth === 0 && keep.includes(k) ? v : scrambleTypes(v, keep, depth + 1);
    }
    return out;
  }
  if (typeof value === 'number') return 'n/a';
  if (typeof value === 'string') return value === '' ? 0 : { text: value };
  if (typeof value === 'boolean') return 'maybe';
  return value;
}

function safeRegex(source: string): RegExp | null {
  try {
    return new RegExp(source);
  } catch {
    return null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref?.());
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function parseBody(text: string, contentType: string | undefined): Record<string, unknown> {
  if (!text) return {};
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : { _: v };
  } catch {
    return { _raw: text };
  }
}

function send(res: ServerResponse, out: SimResponse): void {
  if (res.destroyed) return;
  const body = out.raw ?? JSON.stringify(out.json ?? null);
  res.writeHead(out.status ?? 200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...out.headers,
  });
  res.end(body);
}
