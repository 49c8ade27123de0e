/**
 * Thordata plumbing shared by the client's parts: auth per verb, the `{code, data, msg}` envelope, and
 * the two hosts (openapi. current, api. older) that serve the same paths.
 *
 * Host fallback (vendor file §1.1: "if an openapi call returns 404, retry once on api.thordata.com/api"):
 *  - READS: a 404 without a Thordata envelope — an HTML page or a bare JSON "Not Found" — is retried
 *    once on the other host. Harmless: a read changes nothing.
 *  - WRITES are never resent. The docs do not say that a 404 means "not processed here", and an HTML
 *    404 may come from a proxy in front of Thordata AFTER the write was applied; resending the write to
 *    the other host could then charge twice. Instead the write's host is RESOLVED FIRST with a harmless
 *    read (`writeBase`): the preferred host is used once it has answered any call with an envelope;
 *    otherwise GET /account/wallet-balance is asked there and, on a 404 without envelope, on the other
 *    host. The write then goes once to the host that answered; any 404 it gets back is "unknown".
 */
import { BaseVendorClient } from '../base-client';
import type { VendorError } from '../errors';
import { parseJsonLossless } from '../http/json';
import { HttpTransport, type QueryValue } from '../http/transport';
import { isObj, optNum, optStr } from '../parse';
import type { ClientOptions } from '../vendor-client';
import { LEGACY_BASE_URL, PATHS, PUBLIC_BASE_URL } from './constants';
import { classifyBusinessCode, classifyHttpStatus } from './errors';
import { thordataRefusals } from './refusals';

/** Which host a call goes to first; the other one is the 404 fallback of reads. */
export type Host = 'public' | 'legacy';

export interface ReadCall {
  path: string;
  params?: Record<string, QueryValue>;
  host?: Host;
  signal?: AbortSignal;
}

export interface WriteCall {
  path: string;
  params: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/**
 * Hosts, overridable by tests and demo mode. `ClientOptions.baseUrl` points BOTH at one origin (then
 * there is no fallback); pass distinct bases here to exercise it (two simulators, a 404-only origin).
 */
export interface ThordataHosts {
  publicBase: string;
  legacyBase: string;
}

interface Answer {
  status: number;
  /** The parsed body; undefined when it was not JSON. */
  json: unknown;
  parsed: boolean;
}

const other = (h: Host): Host => (h === 'public' ? 'legacy' : 'public');

export abstract class ThordataApi extends BaseVendorClient {
  protected readonly http: HttpTransport;
  protected readonly refusals = thordataRefusals;
  protected readonly clock: () => Date;
  private readonly token: string;
  private readonly key: string;
  protected readonly hosts: ThordataHosts;
  /** Hosts that last answered with a Thordata envelope, and hosts that last answered a bare 404. */
  private readonly liveHosts = new Set<Host>();
  private readonly deadHosts = new Set<Host>();
  /** Writes are serialised per account (vendor file §1.6). */
  private writeChain: Promise<unknown> = Promise.resolve();

  constructor(opts: ClientOptions, hosts?: Partial<ThordataHosts>) {
    super();
    this.token = opts.credentials.token ?? '';
    this.key = opts.credentials.key ?? '';
    this.clock = opts.now ?? (() => new Date());
    this.hosts = {
      publicBase: hosts?.publicBase ?? opts.baseUrl ?? PUBLIC_BASE_URL,
      legacyBase: hosts?.legacyBase ?? opts.baseUrl ?? LEGACY_BASE_URL,
    };
    this.http = new HttpTransport({
      vendor: 'thordata',
      baseUrl: this.hosts.publicBase,
      secrets: Object.values(opts.credentials),
      ...(opts.log ? { log: opts.log } : {}),
      ...opts.transport,
    });
  }

  protected baseOf(h: Host): string {
    return h === 'public' ? this.hosts.publicBase : this.hosts.legacyBase;
  }

  /** A read (GET, token + key in the query), with the 404 fallback to the other host. */
  protected async call(c: ReadCall): Promise<unknown> {
    let res: Answer | undefined;
    for (const h of this.order(c.host ?? 'public')) {
      res = await this.get(c, h);
      if (!isFallback404(res)) break;
    }
    return this.unwrap(res as Answer);
  }

  /**
   * A read whose success answer may not be the `{code, data}` envelope (S4 balancing monitor answers
   * `{status_code, payload}`): a 2xx JSON body without `code` comes back raw; an envelope is unwrapped
   * as usual (its `data`, or its error); anything else throws as `call` does.
   */
  protected async callRaw(c: ReadCall): Promise<{ raw: true; json: unknown } | { raw: false; data: unknown }> {
    let res: Answer | undefined;
    for (const h of this.order(c.host ?? 'public')) {
      res = await this.get(c, h);
      if (!isFallback404(res)) break;
    }
    const a = res as Answer;
    if (a.parsed && a.status >= 200 && a.status < 300 && !hasEnvelope(a.json)) return { raw: true, json: a.json };
    return { raw: false, data: this.unwrap(a) };
  }

  /** Exactly one write request (POST, token + key in headers, form body) to `base`. Never resent. */
  protected async post(c: WriteCall, base: string): Promise<unknown> {
    const res = await this.http.request({
      method: 'POST',
      path: c.path,
      baseUrl: base,
      headers: { token: this.token, key: this.key },
      body: { form: c.params },
      ...(c.signal ? { signal: c.signal } : {}),
    });
    const a = this.answer(res.status, res.text);
    // Liveness only from an envelope: a 404 to a write says nothing certain about the host.
    if (hasEnvelope(a.json)) this.mark(base === this.hosts.legacyBase ? 'legacy' : 'public', a);
    return this.unwrap(a);
  }

  /**
   * The base a write goes to (see the file comment): resolved by a harmless read BEFORE the write, so
   * a dead host never costs a resent write. Throws the read's error when no host answers (nothing sent).
   */
  protected async writeBase(preferred: Host): Promise<string> {
    const order = this.order(preferred);
    if (order.length === 1 || this.liveHosts.has(preferred)) return this.baseOf(preferred);
    let res: Answer | undefined;
    for (const h of order) {
      if (this.liveHosts.has(h)) return this.baseOf(h);
      res = await this.get({ path: PATHS.walletBalance }, h);
      if (hasEnvelope(res.json)) return this.baseOf(h);
      if (!isFallback404(res)) break;
    }
    this.unwrap(res as Answer); // throws: no envelope, or not a fallback 404
    throw this.http.error('bad_response', res ? { httpStatus: res.status } : {});
  }

  /** Hosts to try, preferred first — unless it last answered a bare 404 and the other one did not. */
  private order(preferred: Host): Host[] {
    const alt = other(preferred);
    if (this.baseOf(preferred) === this.baseOf(alt)) return [preferred];
    return this.deadHosts.has(preferred) && !this.deadHosts.has(alt) ? [alt, preferred] : [preferred, alt];
  }

  protected serialWrite<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writeChain.then(fn, fn);
    this.writeChain = run.catch(() => undefined);
    return run;
  }

  /** Proxydeck's own refusal of a value before anything is sent (its words go in `detail`). */
  protected invalid(detail: string): VendorError {
    return this.http.error('invalid_argument', { detail });
  }

  private async get(c: ReadCall, h: Host): Promise<Answer> {
    const res = await this.http.request({
      method: 'GET',
      path: c.path,
      baseUrl: this.baseOf(h),
      query: { token: this.token, key: this.key, ...c.params },
      ...(c.signal ? { signal: c.signal } : {}),
    });
    const a = this.answer(res.status, res.text);
    this.mark(h, a);
    return a;
  }

  private mark(h: Host, a: Answer): void {
    if (hasEnvelope(a.json)) {
      this.liveHosts.add(h);
      this.deadHosts.delete(h);
    } else if (isFallback404(a)) {
      this.deadHosts.add(h);
      this.liveHosts.delete(h);
    }
  }

  private answer(status: number, text: string): Answer {
    try {
      return { status, json: parseJsonLossless(text), parsed: true };
    } catch {
      return { status, json: undefined, parsed: false };
    }
  }

  /** The envelope's `data` on code 200; otherwise the typed error (the vendor's `msg` quoted as theirs). */
  private unwrap(res: Answer): unknown {
    const j = res.json;
    if (hasEnvelope(j)) {
      const code = optNum(j.code) as number;
      if (code === 200) return j.data;
      const info = classifyBusinessCode(code);
      const msg = optStr(j.msg) ?? optStr(j.message);
      throw this.http.error(info.code, {
        ...(msg ? { message: msg } : { detail: `Thordata's error ${code} means: ${info.meaning}.` }),
        ...(info.sentence ? { sentence: info.sentence } : {}),
        ...(info.field ? { field: info.field } : {}),
        vendorCode: code,
        httpStatus: res.status,
      });
    }
    // No envelope (HTML page, plain text, cut-off or foreign JSON): by HTTP status (vendor file §5.1).
    const kind = res.status >= 200 && res.status < 300 ? 'bad_response' : classifyHttpStatus(res.status);
    throw this.http.error(kind, { httpStatus: res.status });
  }
}

function hasEnvelope(j: unknown): j is { code: unknown; data?: unknown; msg?: unknown; message?: unknown } {
  return isObj(j) && optNum(j.code) !== null;
}

/** A 404 that is not Thordata's own answer (HTML page, bare "Not Found"): the route is not on this host. */
function isFallback404(res: Answer): boolean {
  return res.status === 404 && !hasEnvelope(res.json);
}
