/**
 * One health check (issue 15 §3): a request to the check URL THROUGH the proxy, with the proxy's own
 * protocol and login — HTTP/HTTPS proxies by undici's ProxyAgent (CONNECT), SOCKS5 by the `socks`
 * package as an undici connector (both from main/vendors/http/route.ts) — and what came of it.
 * The proxy password never appears in a detail: every text is passed through the redactor.
 */
import { request } from 'undici';
import type { HealthFailure } from '../../../preload/contract/health';
import { countryCode } from '../../vendors/country';
import { proxyFailure, proxyLabel } from '../../vendors/http/proxy-errors';
import { makeRedactor } from '../../vendors/http/redact';
import { buildDispatcher } from '../../vendors/http/route';
import type { ProxyEndpoint as RouteProxy } from '../../vendors/http/system-proxy';

/** Where and how to connect: the item's proxy address, protocol and login. */
export type ProbeTarget = RouteProxy;

export type ProbeOutcome =
  | { ok: true; latencyMs: number; exitIp: string; exitCountry: string | null }
  | { ok: false; failure: HealthFailure; detail: string; latencyMs: null };

export interface ProbeOptions {
  checkUrl: string;
  timeoutMs: number;
  /** Cancel: aborts the request in flight. */
  signal?: AbortSignal;
  now?: () => number;
}

/** The check URL's answer can be a page of text: read no more than this. */
const MAX_ANSWER = 64 * 1024;

const errorCode = (e: unknown): string | undefined => {
  for (let c: unknown = e, i = 0; c && i < 5; c = (c as { cause?: unknown }).cause, i++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
};

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

function classify(e: unknown, target: ProbeTarget, timeoutMs: number): { failure: HealthFailure; detail: string } {
  const routeError = proxyFailure(e, target, timeoutMs);
  if (routeError) {
    if (routeError.code === 'PROXY_AUTH') return { failure: 'auth_failed', detail: routeError.message };
    if (routeError.code === 'PROXY_UNREACHABLE') {
      if (routeError.detail === 'ECONNREFUSED') return { failure: 'refused', detail: routeError.message };
      if (TIMEOUT_CODES.has(routeError.detail)) return { failure: 'timeout', detail: routeError.message };
    }
    return { failure: 'unreachable', detail: routeError.message };
  }
  const code = errorCode(e);
  if (code && TIMEOUT_CODES.has(code)) {
    return { failure: 'timeout', detail: `No answer through ${proxyLabel(target)} within ${timeoutMs} ms.` };
  }
  const why = e instanceof Error ? e.message : String(e);
  return { failure: 'unreachable', detail: `The check through ${proxyLabel(target)} failed: ${why}` };
}

/** Reads `{ ip, country }` (ipinfo.io's names; `country_code` too) from the check URL's answer. */
export function readExit(text: string): { ip: string; country: string | null } | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object') return null;
  const o = body as Record<string, unknown>;
  const ip = typeof o.ip === 'string' ? o.ip.trim() : '';
  if (!ip || ip.length > 64) return null;
  const raw = typeof o.country === 'string' ? o.country : typeof o.country_code === 'string' ? o.country_code : null;
  const country = countryCode(raw);
  return { ip, country: country && /^[A-Z]{2}$/.test(country) ? country : null };
}

export async function probe(target: ProbeTarget, opts: ProbeOptions): Promise<ProbeOutcome> {
  const now = opts.now ?? (() => performance.now());
  // Built only for a failure (most checks pass; a run can have 100,000 of them).
  const fail = (failure: HealthFailure, detail: string): ProbeOutcome => ({
    ok: false,
    failure,
    detail: makeRedactor(target.password ? [target.password] : [], { proxyUrls: true }).clip(detail, 500),
    latencyMs: null,
  });
  if (opts.signal?.aborted) return fail('cancelled', 'Cancelled before the check started.');
  const timer = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timer]) : timer;
  const t = opts.timeoutMs;
  const dispatcher = buildDispatcher(
    { kind: 'proxy', source: 'settings', proxy: target },
    {
      connectMs: t,
      headersMs: t,
      bodyMs: t,
    },
  );
  const started = now();
  // undici waits for the proxy's tunnel answer before it looks at the signal: race the signal too.
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {});
  const ask = async () => {
    const res = await request(opts.checkUrl, { dispatcher, signal, headers: { accept: 'application/json' } });
    let text = '';
    for await (const chunk of res.body) {
      text += (chunk as Buffer).toString('utf8');
      if (text.length > MAX_ANSWER) break;
    }
    return { status: res.statusCode, text };
  };
  try {
    const res = await Promise.race([ask(), aborted]);
    const text = res.text;
    const latencyMs = Math.max(0, Math.round(now() - started));
    if (res.status !== 200) {
      return fail('bad_answer', `The check site answered ${res.status} through ${proxyLabel(target)}.`);
    }
    const exit = readExit(text);
    if (!exit) return fail('bad_answer', `The check site's answer through ${proxyLabel(target)} had no IP address.`);
    return { ok: true, latencyMs, exitIp: exit.ip, exitCountry: exit.country };
  } catch (e) {
    if (opts.signal?.aborted) return fail('cancelled', 'Cancelled while checking.');
    if (timer.aborted) return fail('timeout', `No answer through ${proxyLabel(target)} within ${t} ms.`);
    const c = classify(e, target, t);
    return fail(c.failure, c.detail);
  } finally {
    signal.removeEventListener('abort', onAbort);
    void dispatcher.destroy().catch(() => {});
  }
}
