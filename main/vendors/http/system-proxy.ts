/**
 * The system proxy, read two ways, both turned into the same list of routes:
 * - Electron's `session.resolveProxy(url)` answers in the PAC form: "DIRECT", "PROXY host:port",
 *   "HTTPS host:port", "SOCKS5 host:port", "SOCKS host:port" (SOCKS v4), several joined by ";";
 * - in plain Node (the browser host, tests) the environment: HTTPS_PROXY / HTTP_PROXY / NO_PROXY.
 * Pure functions: no network, no Electron.
 */
import type { ProxyServer } from '../../../preload/contract/schemas';

export interface ProxyEndpoint {
  protocol: ProxyServer['protocol'];
  host: string;
  port: number;
  username?: string;
  password?: string;
}

/** One entry of a PAC answer: a route Proxydeck can use, or one it cannot (kept to name it). */
export type PacEntry =
  | { kind: 'direct' }
  | { kind: 'proxy'; proxy: ProxyEndpoint }
  | { kind: 'unusable'; text: string };

const PAC_KINDS: Record<string, { protocol: ProxyServer['protocol']; port: number } | undefined> = {
  PROXY: { protocol: 'http', port: 80 },
  HTTP: { protocol: 'http', port: 80 },
  HTTPS: { protocol: 'https', port: 443 },
  SOCKS5: { protocol: 'socks5', port: 1080 },
};

/** "host:port", "[v6]:port", "host" (the kind's default port); null when it is not one. */
function hostPort(text: string, defaultPort: number): { host: string; port: number } | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+)(?::(\d{1,5}))?$/.exec(text);
  if (!m) return null;
  const port = m[2] === undefined ? defaultPort : Number(m[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { host: (m[1] as string).replace(/^\[(.*)\]$/, '$1'), port };
}

/** Parses a PAC answer into its entries, in order. Empty text means DIRECT (Chromium's answer for none). */
export function parsePacResult(text: string): PacEntry[] {
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return [{ kind: 'direct' }];
  return parts.map((part): PacEntry => {
    const [word = '', rest = '', ...extra] = part.split(/\s+/);
    const kind = word.toUpperCase();
    if (kind === 'DIRECT' && !rest) return { kind: 'direct' };
    const known = PAC_KINDS[kind];
    const hp = known && extra.length === 0 ? hostPort(rest, known.port) : null;
    if (!known || !hp) return { kind: 'unusable', text: part };
    return { kind: 'proxy', proxy: { protocol: known.protocol, ...hp } };
  });
}

/**
 * The entry a request takes: the first usable one. Later entries are fallbacks for when the first
 * fails; Proxydeck does not fall back (a DIRECT after a proxy would leak what the proxy hides), so
 * only the first usable entry counts. Null when none is usable.
 */
export function firstUsable(entries: readonly PacEntry[]): Exclude<PacEntry, { kind: 'unusable' }> | null {
  for (const e of entries) if (e.kind !== 'unusable') return e;
  return null;
}

type Env = Record<string, string | undefined>;

const envValue = (env: Env, name: string) => env[name.toLowerCase()] ?? env[name.toUpperCase()];

/** NO_PROXY: "*", host names (a leading "." or "*." matches subdomains too), with an optional ":port". */
export function bypassesProxy(origin: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = origin.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const port = origin.port || (origin.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[(.*)\](:\d+)?$/, '$1$2')) as RegExpExecArray;
    const name = (m[1] as string).replace(/^\*?\./, '');
    if (m[2] && m[2] !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/**
 * The proxy the environment names for an origin (HTTPS_PROXY for https, HTTP_PROXY for http, each
 * in either case), or DIRECT when none applies. A value Proxydeck cannot use is returned as unusable.
 */
export function envProxyFor(origin: URL, env: Env): PacEntry {
  const name = origin.protocol === 'https:' ? 'https_proxy' : 'http_proxy';
  const value = envValue(env, name)?.trim();
  if (!value || bypassesProxy(origin, envValue(env, 'no_proxy'))) return { kind: 'direct' };
  let url: URL;
  try {
    url = new URL(value.includes('://') ? value : `http://${value}`);
  } catch {
    return { kind: 'unusable', text: `${name.toUpperCase()} (not an address)` };
  }
  const protocol = ({ 'http:': 'http', 'https:': 'https', 'socks5:': 'socks5', 'socks5h:': 'socks5' } as const)[
    url.protocol as 'http:'
  ] as ProxyServer['protocol'] | undefined;
  if (!protocol) return { kind: 'unusable', text: `${name.toUpperCase()} (${url.protocol.replace(':', '')})` };
  const port = Number(url.port) || (protocol === 'https' ? 443 : protocol === 'socks5' ? 1080 : 80);
  return {
    kind: 'proxy',
    proxy: {
      protocol,
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port,
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    },
  };
}
