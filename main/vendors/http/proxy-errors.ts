/**
 * Failures of the proxy itself (not of the vendor behind it), in plain words that say what to do.
 * The transport and the connection test show these instead of a generic "network error".
 */
import type { ConnectionProblem, ConnectionReason } from '../../../preload/contract/channels';
import type { ProxyEndpoint } from './system-proxy';

const PROTOCOL_NAMES: Record<ProxyEndpoint['protocol'], string> = { http: 'HTTP', https: 'HTTPS', socks5: 'SOCKS5' };

export const hostPort = (p: Pick<ProxyEndpoint, 'host' | 'port'>) =>
  `${p.host.includes(':') ? `[${p.host}]` : p.host}:${p.port}`;

/** "the proxy 10.0.0.2:1080 (SOCKS5)". */
export const proxyLabel = (p: ProxyEndpoint) => `the proxy ${hostPort(p)} (${PROTOCOL_NAMES[p.protocol]})`;

/** Why a connection failed, from its error code (the window words each reason in its language). */
export function connectReason(code: string | undefined): ConnectionReason {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'not_found';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'unreachable';
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return 'timeout';
    default:
      return 'closed';
  }
}

function reasonWords(code: string, timeoutMs: number): string {
  const words: Record<ConnectionReason, string> = {
    refused: 'connection refused',
    not_found: 'no computer has that name',
    unreachable: 'the network cannot get there',
    timeout: `no answer within ${Math.round(timeoutMs / 1000)} seconds`,
    closed: 'the connection was closed',
  };
  return words[connectReason(code)];
}

export type ProxyFailureCode = 'PROXY_UNREACHABLE' | 'PROXY_AUTH' | 'PROXY_REFUSED' | 'PROXY_UNUSABLE';

const PROBLEMS: Record<ProxyFailureCode, ConnectionProblem> = {
  PROXY_UNREACHABLE: 'proxy_unreachable',
  PROXY_AUTH: 'proxy_auth',
  PROXY_REFUSED: 'proxy_refused',
  PROXY_UNUSABLE: 'system_unusable',
};

/** A request that never reached the vendor because of the proxy. Never retried directly. */
export class ProxyRouteError extends Error {
  readonly code: ProxyFailureCode;
  readonly problem: ConnectionProblem;
  /** The proxy's answer or the socket error, for the log (never a password: none is ever put here). */
  readonly detail: string;

  constructor(code: ProxyFailureCode, sentence: string, detail: string) {
    super(sentence);
    this.name = 'ProxyRouteError';
    this.code = code;
    this.problem = PROBLEMS[code];
    this.detail = detail;
  }

  /** Login problems and unusable system settings do not get better by trying again at once. */
  get final(): boolean {
    return this.code === 'PROXY_AUTH' || this.code === 'PROXY_UNUSABLE';
  }

  static unreachable(p: ProxyEndpoint, code: string, timeoutMs: number): ProxyRouteError {
    return new ProxyRouteError(
      'PROXY_UNREACHABLE',
      `Could not reach ${proxyLabel(p)}: ${reasonWords(code, timeoutMs)}. Check the proxy address and port, and that the proxy is running.`,
      code,
    );
  }

  static auth(p: ProxyEndpoint): ProxyRouteError {
    return new ProxyRouteError(
      'PROXY_AUTH',
      p.username
        ? `${cap(proxyLabel(p))} refused the login. Check the proxy user name and password in Settings.`
        : `${cap(proxyLabel(p))} asks for a login. Enter its user name and password in Settings.`,
      'login refused',
    );
  }

  static refused(p: ProxyEndpoint, detail: string): ProxyRouteError {
    return new ProxyRouteError(
      'PROXY_REFUSED',
      `${cap(proxyLabel(p))} would not connect to the vendor (${detail}). Check that the proxy allows connections to the vendor's address.`,
      detail,
    );
  }

  static unusable(entries: string): ProxyRouteError {
    return new ProxyRouteError(
      'PROXY_UNUSABLE',
      `The system proxy setting (${entries}) names no proxy Proxydeck can use (HTTP, HTTPS or SOCKS5). Choose "This proxy" in Settings and enter one, or connect directly.`,
      entries,
    );
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function codeOf(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The proxy's part in an error of a request sent through `proxy`, or null when the proxy is not to
 * blame (the tunnel was up: the error is the vendor's or the deadline's, handled as without a proxy).
 */
export function proxyFailure(e: unknown, proxy: ProxyEndpoint, connectMs: number): ProxyRouteError | null {
  if (e instanceof ProxyRouteError) return e;
  const message = e instanceof Error ? e.message : '';
  // undici's ProxyAgent: "Proxy response (407) !== 200 when HTTP Tunneling".
  const status = /Proxy response \((\d{3})\)/.exec(message)?.[1];
  if (status === '407' || /Proxy Authentication Required/.test(message)) return ProxyRouteError.auth(proxy);
  if (status) return ProxyRouteError.refused(proxy, `it answered ${status}`);
  const code = codeOf(e);
  // Through a proxy, the only connection this machine opens is the one to the proxy.
  if (code && UNREACHABLE_CODES.has(code)) return ProxyRouteError.unreachable(proxy, code, connectMs);
  return null;
}
