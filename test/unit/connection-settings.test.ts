/**
 * "Connect to vendors" through a real core (issue 13 §7): the setting at the IPC boundary, the proxy
 * password in the keychain only, the connection test's per-vendor answers, and a refresh that takes
 * the route in force — against the BestProxy simulator behind local proxies.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore, logFile } from '../../main/core/app-core';
import { createLogger } from '../../main/core/logging/logger';
import { STORE_NAME } from '../../main/core/store/app-store';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { PROXY_PASSWORD_ACCOUNT } from '../../main/core/vault/vault';
import type { BestproxySimulator } from '../../main/simulators/bestproxy';
import { configureRoute } from '../../main/vendors/http/route';
import { closeAllAgents } from '../../main/vendors/http/transport';
import { VENDOR_MODULES } from '../../main/vendors/registry';
import type { Channel, ChannelArgs, ChannelResponses } from '../../preload/contract/channels';
import type { Result } from '../../preload/contract/errors';
import type { ConnectionSettings } from '../../preload/contract/schemas';
import { leaksIn } from '../helpers/key-spellings';
import { deadPort, startHttpConnectProxy, startSocks5Proxy, type TestProxy } from '../helpers/proxies';
import { tempDir } from '../helpers/tmp';
import { startSim } from '../vendors/bestproxy/helpers';

const Backend = Conf as unknown as BackendCtor;
const PASSWORD = 'Zh0ngGuo-代理-pa55%word';
const USER = 'reseller01';

let dir: string;
let cleanup: () => void;
let sim: BestproxySimulator;
const closers: (() => Promise<void>)[] = [];
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  sim = await startSim();
});
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
  await configureRoute({ connection: { mode: 'direct' }, password: null });
  await closeAllAgents();
  await sim.close();
  cleanup();
});

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
};

/** A vault that counts reads of the proxy password entry. */
class CountingVault extends MemoryVault {
  proxyReads = 0;
  override async get(id: string) {
    if (id === PROXY_PASSWORD_ACCOUNT) this.proxyReads++;
    return super.get(id);
  }
}

async function start() {
  const vault = new CountingVault();
  const core: Core = await createCore({
    dataDir: dir,
    Backend,
    vault,
    vendors: { bestproxy: VENDOR_MODULES.bestproxy },
    version: 't',
    baseUrls: { bestproxy: sim.baseUrl() },
    log: createLogger({ file: logFile(dir), level: 'debug' }),
    transport: { retry: { max: 1, baseMs: 1, capMs: 2 } },
  });
  closers.push(() => core.shutdown());
  const seen: string[] = [];
  core.events.on((e) => seen.push(JSON.stringify(e)));
  const call = async <C extends Channel>(ch: C, ...args: ChannelArgs<C>) => {
    const r = (await core.dispatch(ch, args)) as Result<ChannelResponses[C]>;
    seen.push(`${ch} ${JSON.stringify(r)}`);
    return r;
  };
  return { core, vault, call, seen };
}

const track = async <T extends TestProxy>(p: Promise<T>) => {
  const proxy = await p;
  closers.push(() => proxy.close());
  return proxy;
};
const socks = (port: number, username?: string): ConnectionSettings => ({
  mode: 'proxy',
  proxy: { protocol: 'socks5', host: '127.0.0.1', port, ...(username ? { username } : {}) },
});

function filesUnder(d: string): string[] {
  return readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? filesUnder(join(d, n)) : [join(d, n)]));
}

describe('the connection setting', () => {
  it('an older settings file without it loads as "directly", with no notice', async () => {
    writeFileSync(
      join(dir, `${STORE_NAME}.json`),
      JSON.stringify({
        schemaVersion: 2,
        settings: {
          refreshIntervalMin: 15,
          expiryWindowDays: 7,
          reminderDays: [7],
          lowBalanceUsd: 5,
          theme: 'dark',
          language: 'zh-CN',
        },
        accounts: [],
        demoDismissed: true,
      }),
    );
    const { call } = await start();
    expect(ok(await call('settings:get'))).toMatchObject({ theme: 'dark', connection: { mode: 'direct' } });
    expect(ok(await call('app:info')).notices).toEqual([]);
    // Another setting saved later leaves it as it is (a patch without it does not reset it).
    ok(await call('settings:update', { connection: socks(1080) }));
    expect(ok(await call('settings:update', { theme: 'light' })).connection).toEqual(socks(1080));
  });

  it('the keychain is not asked for a proxy password until a proxy login is configured', async () => {
    const { vault, call } = await start();
    ok(await call('settings:update', { connection: socks(1080) }));
    expect(ok(await call('settings:proxyPassword'))).toEqual({ hasPassword: false });
    expect(vault.proxyReads).toBe(0);
    ok(await call('settings:update', { connection: socks(1080, USER) }));
    expect(vault.proxyReads).toBe(1);
    ok(await call('settings:update', { theme: 'dark' }));
    ok(await call('settings:proxyPassword'));
    expect(vault.proxyReads).toBe(1);
  });

  it('refuses a bad host or port at the IPC boundary, naming the field', async () => {
    const { call } = await start();
    const bad = async (proxy: Record<string, unknown>) => {
      const r = await call('settings:update', { connection: { mode: 'proxy', proxy } as ConnectionSettings });
      return r.ok ? null : r.error;
    };
    expect(await bad({ protocol: 'socks5', host: 'http://10.0.0.2', port: 1080 })).toMatchObject({
      code: 'invalid_argument',
      field: 'connection.proxy.host',
      message: expect.stringMatching(/^Enter the proxy address/),
    });
    expect(await bad({ protocol: 'http', host: '10.0.0.2', port: 70000 })).toMatchObject({
      field: 'connection.proxy.port',
    });
    expect(await bad({ protocol: 'ftp', host: '10.0.0.2', port: 21 })).toMatchObject({ code: 'invalid_argument' });
    expect(await bad({ protocol: 'http', host: '10.0.0.2', port: 8080, password: 'x' })).toMatchObject({
      code: 'invalid_argument',
    });
    const missing = await call('settings:update', { connection: { mode: 'proxy' } });
    expect(missing.ok).toBe(false);
    expect(ok(await call('settings:get')).connection).toEqual({ mode: 'direct' });
  });
});

describe('through a core, with the password in the keychain', () => {
  it('saves, uses, tests and forgets a SOCKS5 proxy with a login; the password never leaves main', async () => {
    const proxy = await track(startSocks5Proxy({ login: { username: USER, password: PASSWORD } }));
    const { core, vault, call, seen } = await start();

    ok(await call('settings:update', { connection: socks(proxy.port, USER) }));
    expect(ok(await call('settings:proxyPassword'))).toEqual({ hasPassword: false });
    expect(ok(await call('settings:setProxyPassword', { password: PASSWORD }))).toEqual({ hasPassword: true });
    expect(await vault.get(PROXY_PASSWORD_ACCOUNT)).toEqual({ password: PASSWORD });
    expect(await vault.list()).toEqual([]);

    // A refresh of a new account goes through the proxy.
    ok(await call('accounts:add', { vendor: 'bestproxy', label: 'Shop', credentials: sim.credentials }));
    await core.refresh.idle();
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    expect(ok(await call('accounts:list'))[0]?.lastError).toBeNull();

    // The test says which route worked, per vendor.
    const tested = ok(await call('settings:testConnection', { connection: socks(proxy.port, USER) }));
    expect(tested.items).toHaveLength(1);
    expect(tested.items[0]).toMatchObject({
      vendor: 'bestproxy',
      origin: new URL(sim.baseUrl()).origin,
      ok: true,
      problem: null,
      route: { kind: 'proxy', source: 'settings', protocol: 'socks5', host: '127.0.0.1', port: proxy.port },
    });
    expect(tested.items[0]?.message).toMatch(
      new RegExp(`^Reached BestProxy through the proxy 127\\.0\\.0\\.1:${proxy.port} \\(SOCKS5\\) in \\d+ ms\\.$`),
    );

    // A typed, unsaved wrong password: refused login, in plain words.
    const wrong = ok(
      await call('settings:testConnection', { connection: socks(proxy.port, USER), password: 'not-it' }),
    );
    expect(wrong.items[0]).toMatchObject({ ok: false, problem: 'proxy_auth' });
    expect(wrong.items[0]?.message).toMatch(/refused the login\. Check the proxy user name and password/);

    // Proxy down: never a direct try instead.
    const port = await deadPort();
    const before = sim.server.requests.length;
    const down = ok(await call('settings:testConnection', { connection: socks(port) }));
    expect(down.items[0]).toMatchObject({ ok: false, problem: 'proxy_unreachable' });
    expect(down.items[0]?.message).toBe(
      `Could not reach the proxy 127.0.0.1:${port} (SOCKS5): connection refused. Check the proxy address and port, and that the proxy is running.`,
    );
    expect(sim.server.requests.length).toBe(before);

    // Direct, tested while the proxy stays saved.
    const direct = ok(await call('settings:testConnection', { connection: { mode: 'direct' } }));
    expect(direct.items[0]?.message).toMatch(/^Reached BestProxy directly in \d+ ms\.$/);
    expect(direct.items[0]?.route).toEqual({ kind: 'direct', source: 'settings' });

    // Forgotten: the keychain entry goes, and the proxy now refuses the refresh.
    expect(ok(await call('settings:setProxyPassword', { password: null }))).toEqual({ hasPassword: false });
    expect(await vault.get(PROXY_PASSWORD_ACCOUNT)).toBeNull();
    ok(await call('accounts:refresh', {}));
    await core.refresh.idle();
    expect(ok(await call('accounts:list'))[0]?.lastError?.message).toMatch(/refused the login/);

    await core.shutdown();
    const texts = [
      ...seen,
      ...filesUnder(dir).map((f) => `${f} ${readFileSync(f, 'utf8')}`),
      readFileSync(logFile(dir), 'utf8'),
    ];
    expect(texts.join('\n')).toContain('socks5'); // the setting itself is saved
    for (const t of texts) expect(leaksIn(t, [PASSWORD])).toEqual([]);
  });

  it('switching from an HTTP proxy to direct takes effect on the next refresh', async () => {
    const proxy = await track(startHttpConnectProxy());
    const { core, call } = await start();
    ok(
      await call('settings:update', {
        connection: { mode: 'proxy', proxy: { protocol: 'http', host: '127.0.0.1', port: proxy.port } },
      }),
    );
    ok(await call('accounts:add', { vendor: 'bestproxy', label: 'Shop', credentials: sim.credentials }));
    await core.refresh.idle();
    const tunnels = proxy.tunnels.length;
    expect(tunnels).toBeGreaterThan(0);

    ok(await call('settings:update', { connection: { mode: 'direct' } }));
    const before = sim.server.requests.length;
    ok(await call('accounts:refresh', {}));
    await core.refresh.idle();
    expect(sim.server.requests.length).toBeGreaterThan(before);
    expect(proxy.tunnels.length).toBe(tunnels);
  });
});
