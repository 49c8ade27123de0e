/**
 * A SOCKS5 tunnel as an undici connector, so a SOCKS5 route is an ordinary undici Agent with the
 * same timeouts, keep-alive and no-redirect rules as the direct one (route.ts).
 *
 * Why the `socks` package (pinned 2.8.11) and not undici's own Socks5ProxyAgent (7.30): undici marks
 * it experimental (a process warning at first use), its per-origin pools get none of the Agent's
 * timeouts (headers/body 300 s instead of ours) and its handshake waits are fixed at 5 s. `socks` is
 * the SOCKS client npm itself uses (through socks-proxy-agent), with a handshake timeout we set.
 * The vendor's host name goes to the proxy as a name (the proxy resolves it), so no DNS leaks here.
 */
import { SocksClient } from 'socks';
import { buildConnector } from 'undici';
import { ProxyRouteError } from './proxy-errors';
import type { ProxyEndpoint } from './system-proxy';

/** What the `socks` package's messages mean for the user (it keeps no error codes). */
function socksFailure(e: unknown, proxy: ProxyEndpoint, timeoutMs: number): ProxyRouteError {
  const text = e instanceof Error ? e.message : String(e);
  if (/Authentication failed|NoAcceptedAuthType|no accepted authentication/i.test(text)) {
    return ProxyRouteError.auth(proxy);
  }
  if (/rejected/i.test(text)) {
    const why = /rejected - (\w+)/.exec(text)?.[1] ?? 'refused';
    return ProxyRouteError.refused(proxy, `SOCKS5: ${why}`);
  }
  if (/timed out|ETIMEDOUT/i.test(text))
    return ProxyRouteError.unreachable(proxy, 'UND_ERR_CONNECT_TIMEOUT', timeoutMs);
  const code = /\b(E[A-Z_]{3,})\b/.exec(text)?.[1];
  return ProxyRouteError.unreachable(proxy, code ?? 'ECONNRESET', timeoutMs);
}

export function socksConnector(proxy: ProxyEndpoint, timeoutMs: number): buildConnector.connector {
  const tlsOver = buildConnector({ timeout: timeoutMs });
  return (opts, callback) => {
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    SocksClient.createConnection({
      proxy: {
        host: proxy.host,
        port: proxy.port,
        type: 5,
        ...(proxy.username !== undefined ? { userId: proxy.username, password: proxy.password ?? '' } : {}),
      },
      command: 'connect',
      destination: { host: opts.hostname.replace(/^\[(.*)\]$/, '$1'), port },
      timeout: timeoutMs,
    }).then(
      ({ socket }) => {
        if (opts.protocol !== 'https:') return callback(null, socket);
        tlsOver({ ...opts, httpSocket: socket }, callback);
      },
      (e: unknown) => callback(socksFailure(e, proxy, timeoutMs), null),
    );
  };
}
