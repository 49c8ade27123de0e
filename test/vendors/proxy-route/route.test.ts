/**
 * Vendor calls through a proxy (issue 13 §7): a real vendor client against its simulator, through a
 * local HTTP CONNECT proxy and a local SOCKS5 proxy. The proxies count the tunnels they opened and the
 * simulator counts the requests it got, so each test shows which way the request really went.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BestproxySimulator } from '../../../main/simulators/bestproxy';
import { BestproxyClient } from '../../../main/vendors/bestproxy/client';
import { VendorError } from '../../../main/vendors/errors';
import { configureRoute, type RouteConfig } from '../../../main/vendors/http/route';
import { closeAllAgents, HttpTransport, type TransportLog } from '../../../main/vendors/http/transport';
import type { ConnectionSettings } from '../../../preload/contract/schemas';
import { deadPort, startHttpConnectProxy, startSocks5Proxy, type TestProxy } from '../../helpers/proxies';
import { startSim } from '../bestproxy/helpers';

const PASSWORD = 'pr0xy-Pa55:word@#';
const LOGIN = { username: 'reseller', password: PASSWORD };

let sim: BestproxySimulator;
let simPort: number;
const proxies: TestProxy[] = [];

beforeAll(async () => {
  sim = await startSim();
  simPort = Number(new URL(sim.baseUrl()).port);
});
afterAll(async () => {
  await configureRoute({ connection: { mode: 'direct' }, password: null });
  await closeAllAgents();
  await sim.close();
});
beforeEach(() => sim.server.requests.splice(0));
afterEach(async () => {
  await configureRoute({ connection: { mode: 'direct' }, password: null });
  for (const p of proxies.splice(0)) await p.close();
});

const track = <T extends TestProxy>(p: T) => {
  proxies.push(p);
  return p;
};
const proxyMode = (protocol: 'http' | 'socks5', port: number, username?: string): ConnectionSettings => ({
  mode: 'proxy',
  proxy: { protocol, host: '127.0.0.1', port, ...(username ? { username } : {}) },
});
const use = (connection: ConnectionSettings, password: string | null = null, more: Partial<RouteConfig> = {}) =>
  configureRoute({ connection, password, ...more });

/** A client with one quick retry, and a log that records every line it is given. */
function client() {
  const lines: string[] = [];
  const log: TransportLog = {
    debug: (o, m) => lines.push(`${m} ${JSON.stringify(o)}`),
    warn: (o, m) => lines.push(`${m} ${JSON.stringify(o)}`),
  };
  const c = new BestproxyClient({
    credentials: sim.credentials,
    baseUrl: sim.baseUrl(),
    transport: { retry: { max: 1, baseMs: 1, capMs: 2 } },
    log,
    now: () => sim.server.now(),
  });
  return { c, lines };
}

async function failure(fn: () => Promise<unknown>): Promise<VendorError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof VendorError) return e;
    throw e;
  }
  throw new Error('expected a VendorError');
}

const target = () => `127.0.0.1:${simPort}`;

describe.each([
  ['HTTP CONNECT', 'http', startHttpConnectProxy],
  ['SOCKS5', 'socks5', startSocks5Proxy],
] as const)('through a %s proxy', (label, protocol, start) => {
  it('a refresh goes through the proxy, not directly', async () => {
    const proxy = track(await start());
    await use(proxyMode(protocol, proxy.port));
    const { c } = client();
    const balance = await c.getBalance();
    expect(balance.trafficRemainingBytes).toBeGreaterThan(0);
    // The proxy opened the tunnel to the simulator, and the simulator answered what came through it.
    expect(proxy.tunnels).toContain(target());
    expect(sim.server.requests.length).toBeGreaterThan(0);
  });

  it('with a login: the right password passes, a wrong one is refused in plain words and nothing goes direct', async () => {
    const proxy = track(await start({ login: LOGIN }));
    await use(proxyMode(protocol, proxy.port, LOGIN.username), PASSWORD);
    const { c, lines } = client();
    await c.getBalance();
    expect(proxy.tunnels.length).toBeGreaterThan(0);

    await use(proxyMode(protocol, proxy.port, LOGIN.username), 'wrong-password');
    const before = sim.server.requests.length;
    const tunnels = proxy.tunnels.length;
    const e = await failure(() => c.getBalance());
    expect(e.code).toBe('network');
    expect(e.message).toBe(
      `The proxy 127.0.0.1:${proxy.port} (${label === 'SOCKS5' ? 'SOCKS5' : 'HTTP'}) refused the login. Check the proxy user name and password in Settings.`,
    );
    expect(e.vendorCode).toBe('PROXY_AUTH');
    expect(proxy.refusedLogins).toBeGreaterThan(0);
    expect(proxy.tunnels.length).toBe(tunnels);
    expect(sim.server.requests.length).toBe(before);
    // Neither password is in a log line or the error (the failure was logged, at the proxy).
    expect(lines.some((l) => l.includes('vendor request failed at the proxy') && l.includes('PROXY_AUTH'))).toBe(true);
    for (const text of [...lines, e.message, JSON.stringify(e.toAppError())]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('wrong-password');
    }
  });

  it('the proxy down: "could not reach the proxy", never a silent direct call', async () => {
    const port = await deadPort();
    await use(proxyMode(protocol, port));
    const { c } = client();
    const e = await failure(() => c.getBalance());
    expect(e.message).toMatch(
      new RegExp(
        `^Could not reach the proxy 127\\.0\\.0\\.1:${port} \\((HTTP|SOCKS5)\\): connection refused\\. Check the proxy address and port`,
      ),
    );
    expect(e.vendorCode).toBe('PROXY_UNREACHABLE');
    expect(sim.server.requests.length).toBe(0);
  });
});

describe.each([
  ['HTTP CONNECT', 'http', startHttpConnectProxy],
  ['SOCKS5', 'socks5', startSocks5Proxy],
] as const)('the transport timeouts through a %s proxy', (_label, protocol, start) => {
  it('a vendor that hangs behind the proxy is cut at the headers timeout, not the deadline', async () => {
    const proxy = track(await start());
    await use(proxyMode(protocol, proxy.port));
    sim.server.injectFault({ kind: 'hang', path: '/gateway/user-product/summary', times: 0 });
    const c = new BestproxyClient({
      credentials: sim.credentials,
      baseUrl: sim.baseUrl(),
      transport: { retry: { max: 0 }, timeouts: { headersMs: 1_500, deadlineMs: 10_000 } },
      now: () => sim.server.now(),
    });
    const started = Date.now();
    const e = await failure(() => c.getBalance());
    const took = Date.now() - started;
    sim.server.clearFaults();
    expect(e.code).toBe('network');
    // Cut by the 1.5 s headers timeout (undici's timers tick about once a second), long before the 10 s deadline.
    expect(e.message).toMatch(/^BestProxy did not answer within [1-3](\.\d)? seconds?\./);
    expect(took).toBeGreaterThanOrEqual(1_400);
    expect(took).toBeLessThan(4_000);
    expect(proxy.tunnels.length).toBeGreaterThan(0);
  });
});

describe('switching the setting at runtime', () => {
  it('takes effect on the next request, both ways, without a restart', async () => {
    const http = track(await startHttpConnectProxy());
    const socks = track(await startSocks5Proxy());
    const { c } = client();

    await c.getBalance(); // direct (the default)
    expect(http.tunnels.length + socks.tunnels.length).toBe(0);
    const direct = sim.server.requests.length;
    expect(direct).toBeGreaterThan(0);

    await use(proxyMode('http', http.port));
    await c.getBalance();
    expect(http.tunnels.length).toBeGreaterThan(0);
    expect(socks.tunnels.length).toBe(0);

    const viaHttp = http.tunnels.length;
    await use(proxyMode('socks5', socks.port));
    await c.getBalance();
    expect(socks.tunnels.length).toBeGreaterThan(0);
    expect(http.tunnels.length).toBe(viaHttp);

    const viaSocks = socks.tunnels.length;
    await use({ mode: 'direct' });
    const before = sim.server.requests.length;
    await c.getBalance();
    expect(sim.server.requests.length).toBeGreaterThan(before);
    expect(http.tunnels.length).toBe(viaHttp);
    expect(socks.tunnels.length).toBe(viaSocks);
  });
});

describe('the system proxy', () => {
  it("uses the first usable entry of the shell's resolveProxy answer", async () => {
    const socks = track(await startSocks5Proxy());
    const asked: string[] = [];
    await use({ mode: 'system' }, null, {
      resolveSystemProxy: async (url) => {
        asked.push(url);
        return `SOCKS 10.9.9.9:1080; SOCKS5 127.0.0.1:${socks.port}; DIRECT`;
      },
    });
    await client().c.getBalance();
    expect(asked[0]).toBe(`${new URL(sim.baseUrl()).origin}/`);
    expect(socks.tunnels).toContain(target());
  });

  it('does not fall back to a later DIRECT when the system proxy is down', async () => {
    const port = await deadPort();
    await use({ mode: 'system' }, null, { resolveSystemProxy: async () => `PROXY 127.0.0.1:${port}; DIRECT` });
    const e = await failure(() => client().c.getBalance());
    expect(e.vendorCode).toBe('PROXY_UNREACHABLE');
    expect(sim.server.requests.length).toBe(0);
  });

  it('says so when the system names only proxies Proxydeck cannot use', async () => {
    await use({ mode: 'system' }, null, { resolveSystemProxy: async () => 'SOCKS4 10.0.0.2:1080' });
    const e = await failure(() => client().c.getBalance());
    expect(e.vendorCode).toBe('PROXY_UNUSABLE');
    expect(e.message).toMatch(/^The system proxy setting \(SOCKS4 10\.0\.0\.2:1080\) names no proxy Proxydeck can use/);
    expect(sim.server.requests.length).toBe(0);
  });

  it('in plain Node reads HTTP_PROXY, and its password is masked like the settings one', async () => {
    const proxy = track(await startHttpConnectProxy({ login: LOGIN }));
    const env = { HTTP_PROXY: `http://${LOGIN.username}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${proxy.port}` };
    await use({ mode: 'system' }, null, { env });
    const { c, lines } = client();
    await c.getBalance();
    expect(proxy.tunnels).toContain(target());
    // NO_PROXY naming the simulator's host: direct.
    await use({ mode: 'system' }, null, { env: { ...env, NO_PROXY: 'localhost,127.0.0.1' } });
    const tunnels = proxy.tunnels.length;
    await c.getBalance();
    expect(proxy.tunnels.length).toBe(tunnels);
    const t = new HttpTransport({ vendor: 'bestproxy', baseUrl: sim.baseUrl(), secrets: [] });
    const masked = t.redact(`proxy ${env.HTTP_PROXY} and ${PASSWORD}`);
    expect(masked).toBe(`proxy http://***@127.0.0.1:${proxy.port} and ***`);
    expect(lines.join('\n')).not.toContain(PASSWORD);
  });
});
