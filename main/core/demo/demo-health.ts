/**
 * Demo mode's proxy health check, offline: five local proxies on 127.0.0.1 and a local check target
 * (check-target.ts) stand behind the demo accounts' IPs, so every outcome can be seen without a network.
 * How: the health run asks `route(ip, index)` for each IP of a DEMO account (never a real one) and
 * connects to the local proxy it names instead of the simulator's made-up address, asking the local
 * check target instead of the check URL of the settings. By the IP's place in its account's list:
 *   0 → a good HTTP proxy, 1 → a good SOCKS5 proxy, 2 → one whose exit is in another country,
 *   3 → a dead port (refused), 4 → a slow one (about 2.5 s: "slow"); the rest → good, by protocol.
 * The login name carries the exit the target reports (the IP itself and its advertised country), as
 * residential gateways carry a country in the login name.
 */
import type { ProxyEndpoint } from '../../../preload/contract/model';
import type { ProbeTarget } from '../health/checker';
import { normalizedCountry } from '../health/items';
import { type CheckTarget, startCheckTarget } from './check-target';
import {
  deadPort,
  type Exit,
  ExitRegistry,
  type LocalProxy,
  startHttpConnectProxy,
  startSocks5Proxy,
} from './local-proxies';

const SLOW_MS = 2500;

/** `demo~<ip>~<country>` → the exit it names. */
function exitOf(username: string | null): Exit {
  const [, ip, country] = (username ?? '').split('~');
  return { ip: ip || '127.0.0.1', country: country || null };
}

function elsewhere(username: string | null): Exit {
  const e = exitOf(username);
  return { ip: e.ip, country: e.country === 'US' ? 'DE' : 'US' };
}

export class DemoHealth {
  private proxies: { http: LocalProxy; socks: LocalProxy; wrong: LocalProxy; slow: LocalProxy; dead: number } | null =
    null;
  private target: CheckTarget | null = null;

  async start(): Promise<void> {
    if (this.proxies) return;
    const registry = new ExitRegistry();
    this.target = await startCheckTarget({ registry });
    this.proxies = {
      http: await startHttpConnectProxy({ registry, exit: exitOf }),
      socks: await startSocks5Proxy({ registry, exit: exitOf }),
      wrong: await startHttpConnectProxy({ registry, exit: elsewhere }),
      slow: await startSocks5Proxy({ registry, exit: exitOf, delayMs: SLOW_MS }),
      dead: await deadPort(),
    };
  }

  async stop(): Promise<void> {
    const p = this.proxies;
    const t = this.target;
    this.proxies = null;
    this.target = null;
    await Promise.allSettled([p?.http.close(), p?.socks.close(), p?.wrong.close(), p?.slow.close(), t?.close()]);
  }

  /** Where a demo IP's check goes; null while the demo is not running. */
  route(proxy: ProxyEndpoint, index: number): { target: ProbeTarget; checkUrl: string } | null {
    const p = this.proxies;
    if (!p || !this.target) return null;
    const socks = proxy.protocol === 'socks5';
    const choice: [ProbeTarget['protocol'], number] =
      index === 0
        ? ['http', p.http.port]
        : index === 1
          ? ['socks5', p.socks.port]
          : index === 2
            ? ['http', p.wrong.port]
            : index === 3
              ? ['http', p.dead]
              : index === 4
                ? ['socks5', p.slow.port]
                : socks
                  ? ['socks5', p.socks.port]
                  : ['http', p.http.port];
    const country = normalizedCountry(proxy.country) ?? '';
    return {
      target: {
        protocol: choice[0],
        host: '127.0.0.1',
        port: choice[1],
        username: `demo~${proxy.ip}~${country}`,
        password: 'demo-password',
      },
      checkUrl: this.target.url,
    };
  }
}
