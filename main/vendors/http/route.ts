/**
 * The one place that decides how vendor requests leave this machine ("Connect to vendors" in
 * Settings): directly, through the system proxy, or through the proxy the user entered. It builds
 * and keeps one undici dispatcher per vendor origin for the route in force, and closes them all when
 * the setting changes, so the next request takes the new route without a restart.
 *
 * A chosen proxy is never bypassed: when it fails, the request fails and says why. There is no
 * fallback to a direct connection (a proxy chosen for privacy, or because the direct way is blocked,
 * must not leak the user's address or the vendor key onto the direct path), and the same holds for
 * the system setting: only its first usable entry is used, never a later DIRECT.
 */
import { Agent, type Dispatcher, ProxyAgent } from 'undici';
import type { RouteView } from '../../../preload/contract/channels';
import type { ConnectionSettings } from '../../../preload/contract/schemas';
import { ProxyRouteError, proxyFailure } from './proxy-errors';
import { setRedactedEverywhere } from './redact-everywhere';
import { socksConnector } from './socks-connector';
import { envProxyFor, firstUsable, type PacEntry, type ProxyEndpoint, parsePacResult } from './system-proxy';

/** Electron's `session.resolveProxy(url)` (the shell passes it in; the core never imports electron). */
export type SystemProxyResolver = (url: string) => Promise<string>;

export type Route =
  | { kind: 'direct'; source: 'settings' | 'system' }
  | { kind: 'proxy'; source: 'settings' | 'system'; proxy: ProxyEndpoint };

export interface RouteTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

export interface RouteConfig {
  connection: ConnectionSettings;
  /** The proxy password (from the keychain); null when none is kept. */
  password: string | null;
  /** Omitted (plain Node): the system proxy is read from HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  resolveSystemProxy?: SystemProxyResolver | undefined;
  env?: Record<string, string | undefined>;
}

/** The shared Agent options of every route: timeouts, keep-alive, and no redirects. */
export function agentOptions(t: RouteTimeouts): Agent.Options {
  return {
    connect: { timeout: t.connectMs },
    headersTimeout: t.headersMs,
    bodyTimeout: t.bodyMs,
    keepAliveTimeout: 10_000,
    // Redirects are not followed: a redirect to another origin would carry our key with it.
    maxRedirections: 0,
  } as Agent.Options;
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

/** A new dispatcher for one route (the caller owns it and closes it). */
export function buildDispatcher(route: Route, t: RouteTimeouts): Dispatcher {
  if (route.kind === 'direct') return new Agent(agentOptions(t));
  const p = route.proxy;
  if (p.protocol === 'socks5') return new Agent({ ...agentOptions(t), connect: socksConnector(p, t.connectMs) });
  const host = p.host.includes(':') ? `[${p.host}]` : p.host;
  return new ProxyAgent({
    ...agentOptions(t),
    // The login goes in a header option, never in the URI (which undici may put in its errors).
    uri: `${p.protocol}://${host}:${p.port}`,
    ...(p.username !== undefined ? { token: basic(p.username, p.password ?? '') } : {}),
    // CONNECT for http:// origins too: the vendor sees the proxy's address, the proxy sees no request.
    proxyTunnel: true,
    proxyTls: { timeout: t.connectMs },
    requestTls: { timeout: t.connectMs },
  });
}

/** The route of one origin under a configuration; throws a ProxyRouteError when the system names none usable. */
export async function resolveRoute(cfg: RouteConfig, origin: string): Promise<Route> {
  const { connection } = cfg;
  if (connection.mode === 'direct') return { kind: 'direct', source: 'settings' };
  if (connection.mode === 'proxy') {
    const proxy = connection.proxy;
    if (!proxy) throw ProxyRouteError.unusable('no proxy entered');
    return {
      kind: 'proxy',
      source: 'settings',
      proxy: {
        ...proxy,
        ...(proxy.username !== undefined && cfg.password !== null ? { password: cfg.password } : {}),
      },
    };
  }
  const url = new URL(origin);
  let entries: PacEntry[];
  if (cfg.resolveSystemProxy) {
    entries = parsePacResult(await cfg.resolveSystemProxy(`${url.origin}/`));
  } else {
    entries = [envProxyFor(url, cfg.env ?? process.env)];
  }
  const entry = firstUsable(entries);
  if (!entry) throw ProxyRouteError.unusable(entries.map((e) => (e.kind === 'unusable' ? e.text : e.kind)).join('; '));
  return entry.kind === 'direct'
    ? { kind: 'direct', source: 'system' }
    : { kind: 'proxy', source: 'system', proxy: entry.proxy };
}

export function routeView(route: Route): RouteView {
  if (route.kind === 'direct') return { kind: 'direct', source: route.source };
  const { protocol, host, port } = route.proxy;
  return { kind: 'proxy', source: route.source, protocol, host, port };
}

const routeKey = (r: Route) =>
  r.kind === 'direct'
    ? 'direct'
    : `${r.proxy.protocol}|${r.proxy.host}|${r.proxy.port}|${r.proxy.username ?? ''}|${r.proxy.password ? 'p' : ''}`;

// -- the route in force --------------------------------------------------------------------------

let config: RouteConfig = { connection: { mode: 'direct' }, password: null };
/** One dispatcher per origin and route (system mode may give origins different routes). */
const dispatchers = new Map<string, Dispatcher>();

function closeAll(): Promise<void> {
  const all = [...dispatchers.values()];
  dispatchers.clear();
  // Requests already out finish on the route they started on; new ones take the new route.
  return Promise.allSettled(all.map((d) => d.close())).then(() => {});
}

/** Secrets of a configuration that every log line and error must mask. */
function secretsOf(cfg: RouteConfig): string[] {
  const env = cfg.env ?? process.env;
  const fromEnv = ['https_proxy', 'http_proxy'].flatMap((n) => {
    const e = envProxyFor(new URL(n === 'https_proxy' ? 'https://x.invalid' : 'http://x.invalid'), env);
    return e.kind === 'proxy' && e.proxy.password ? [e.proxy.password] : [];
  });
  return [...(cfg.password ? [cfg.password] : []), ...fromEnv];
}

/**
 * Puts a route in force: the old dispatchers close and the next request uses the new route. The
 * password is masked in every redactor from now on (also after it changes: the old one stays masked).
 */
export function configureRoute(next: RouteConfig): Promise<void> {
  const previous = secretsOf(config);
  config = { ...next, connection: structuredClone(next.connection) };
  setRedactedEverywhere([...new Set([...secretsOf(config), ...previous])]);
  return closeAll();
}

export function routeConfig(): Readonly<RouteConfig> {
  return config;
}

/** The dispatcher for a request to `origin` under the route in force. */
export async function dispatcherFor(
  origin: string,
  t: RouteTimeouts,
): Promise<{ dispatcher: Dispatcher; route: Route }> {
  const cfg = config;
  const route = await resolveRoute(cfg, origin);
  const key = `${origin}|${routeKey(route)}`;
  let dispatcher = dispatchers.get(key);
  if (!dispatcher) {
    dispatcher = buildDispatcher(route, t);
    // A change of setting while the system proxy was being resolved: this dispatcher is not kept.
    if (cfg === config) dispatchers.set(key, dispatcher);
  }
  return { dispatcher, route };
}

/** Closes every kept dispatcher (app shutdown, tests); the route stays as it is. */
export function closeRouteDispatchers(): Promise<void> {
  return closeAll();
}

/** Sends through a route, turning the proxy's own failures into a ProxyRouteError. */
export async function throughRoute<T>(route: Route, connectMs: number, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (e) {
    const failure = route.kind === 'proxy' ? proxyFailure(e, route.proxy, connectMs) : null;
    throw failure ?? e;
  }
}
