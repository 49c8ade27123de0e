import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/app-core';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { createProxyshardSimulator } from '../../main/simulators/proxyshard';
import type { VendorSimulator } from '../../main/simulators/types';
import { createYouproxySimulator } from '../../main/simulators/youproxy';
import { proxyshardModule } from '../../main/vendors/proxyshard';
import { youproxyModule } from '../../main/vendors/youproxy';
import type { AppEvent } from '../../preload/contract/channels';
import { tempDir } from '../helpers/tmp';

const Backend = Conf as unknown as BackendCtor;
let dir: string;
let cleanup: () => void;
let ps: VendorSimulator;
let yp: VendorSimulator;
let baseUrls: { proxyshard: string; youproxy: string };

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  ps = createProxyshardSimulator({ seed: 3 });
  yp = createYouproxySimulator({ seed: 3 });
  await ps.listen();
  await yp.listen();
  baseUrls = { proxyshard: ps.baseUrl(), youproxy: yp.baseUrl() };
});
afterEach(async () => {
  await ps.close();
  await yp.close();
  cleanup();
});

async function start(vault = new MemoryVault()) {
  return createCore({
    dataDir: dir,
    Backend,
    vault,
    vendors: { proxyshard: proxyshardModule, youproxy: youproxyModule },
    version: 't',
    baseUrls,
    transport: { retry: { max: 0 }, timeouts: { deadlineMs: 2000 } },
  });
}

describe('refresh and the offline snapshot', () => {
  it('fetches every account in the background, saves a snapshot, and serves it again after a restart with the vendors offline', async () => {
    const vault = new MemoryVault();
    const core = await start(vault);
    const events: AppEvent[] = [];
    core.events.on((e) => events.push(e));
    const a = await core.accounts.add({ vendor: 'proxyshard', label: 'PS', credentials: ps.credentials });
    const b = await core.accounts.add({ vendor: 'youproxy', label: 'YP', credentials: yp.credentials });
    core.refresh.start();
    await core.refresh.idle();

    const snaps = core.refresh.list();
    expect(snaps.map((s) => s.accountId).sort()).toEqual([a.id, b.id].sort());
    for (const s of snaps) {
      expect(s.proxies.length).toBeGreaterThan(0);
      expect(s.balance?.money?.currency).toBe('USD');
      expect(s.errors).toEqual({});
    }
    expect(core.accounts.list().every((x) => x.lastRefreshAt !== null)).toBe(true);
    const done = events.filter((e) => e.type === 'refresh-progress' && e.state === 'done');
    expect(done).toHaveLength(2);

    // Restart with both vendors unreachable: the last snapshot is still there, with its age.
    await ps.close();
    await yp.close();
    const offline = await start(vault);
    const again = offline.refresh.list();
    expect(again.map((s) => s.fetchedAt).sort()).toEqual(snaps.map((s) => s.fetchedAt).sort());
    const offEvents: AppEvent[] = [];
    offline.events.on((e) => offEvents.push(e));
    offline.refresh.start();
    await offline.refresh.idle();
    const failed = offEvents.filter((e) => e.type === 'refresh-progress' && e.state === 'failed');
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ code: 'network', message: expect.stringMatching(/Could not reach/) });
    // The reason is kept on the account (so "needs attention" survives a restart)...
    for (const acc of offline.accounts.list()) expect(acc.lastError).toMatchObject({ code: 'network' });
    expect((await start(vault)).accounts.list().every((acc) => acc.lastError?.code === 'network')).toBe(true);
    // A failed refresh never replaces the last good data.
    expect(offline.refresh.list().map((s) => s.proxies.length)).toEqual(again.map((s) => s.proxies.length));
  });

  it("one account's failure does not block the others", async () => {
    const core = await start();
    const good = await core.accounts.add({ vendor: 'youproxy', label: 'Good', credentials: yp.credentials });
    const bad = await core.accounts.add({
      vendor: 'proxyshard',
      label: 'Bad',
      credentials: { apiKey: 'wrong-key-0000000000000000' },
    });
    const states = new Map<string, string>();
    core.events.on((e) => {
      if (e.type === 'refresh-progress') states.set(e.accountId, e.state);
    });
    core.refresh.start();
    await core.refresh.idle();
    expect(states.get(good.id)).toBe('done');
    expect(states.get(bad.id)).toBe('failed');
    const byId = new Map(core.accounts.list().map((acc) => [acc.id, acc]));
    expect(byId.get(good.id)?.lastError).toBeNull();
    expect(byId.get(bad.id)?.lastError).toMatchObject({ code: 'invalid_credentials' });
    expect(core.refresh.list().map((s) => s.accountId)).toEqual([good.id]);
  });

  it('a section that fails keeps its error code, so the UI can say it in any language; the rest is saved', async () => {
    const core = await start();
    const acc = await core.accounts.add({ vendor: 'youproxy', label: 'YP', credentials: yp.credentials });
    yp.server.injectFault({ kind: 'malformed', path: '/balance', times: 0 });
    core.refresh.start([acc.id]);
    await core.refresh.idle();
    const snap = core.refresh.list()[0];
    expect(snap?.proxies.length).toBeGreaterThan(0);
    expect(snap?.errors.balance).toEqual({ code: 'bad_response', message: expect.any(String) });
    expect(snap?.errors.balance?.message).not.toBe('');
    expect(Object.keys(snap?.errors ?? {})).toEqual(['balance']);
  });

  it('a refresh asked for while one runs is not dropped: exactly one follow-up run sees the change', async () => {
    const core = await start();
    const acc = await core.accounts.add({ vendor: 'youproxy', label: 'YP', credentials: yp.credentials });
    const done: string[] = [];
    core.events.on((e) => {
      if (e.type === 'refresh-progress' && e.state === 'done') done.push(e.accountId);
    });
    yp.server.injectFault({ kind: 'latency', ms: 300, path: '/balance', times: 1 }); // keep the first one running
    core.refresh.start([acc.id]);
    yp.setBalance(123_45); // a change made while that refresh runs (e.g. a renewal paid)
    core.refresh.start([acc.id]);
    core.refresh.start([acc.id]);
    core.refresh.start([acc.id]);
    await core.refresh.idle();
    expect(done).toEqual([acc.id, acc.id]); // the first run and ONE follow-up, not three
    expect(core.refresh.list()[0]?.balance?.money).toEqual({ minor: 12345, currency: 'USD' });
  });
});

describe('strict reads in a refresh', () => {
  it('a list of the wrong shape is a section error: the last good list stays and the error is shown, never an empty list', async () => {
    const core = await start();
    const a = await core.accounts.add({ vendor: 'youproxy', label: 'YP', credentials: yp.credentials });
    core.refresh.start();
    await core.refresh.idle();
    const good = core.refresh.list().find((s) => s.accountId === a.id)!;
    expect(good.proxies.length).toBeGreaterThan(0);
    expect(good.errors).toEqual({});

    // The vendor answers the IP list with every field of the wrong type (lists become objects).
    yp.server.injectFault({ kind: 'after_apply', answer: 'wrong_types', method: 'GET', path: 'ipAddress', times: 0 });
    core.refresh.start([a.id]);
    await core.refresh.idle();
    const after = core.refresh.list().find((s) => s.accountId === a.id)!;
    expect(after.errors.proxies?.code).toBe('bad_response');
    expect(after.proxies).toEqual(good.proxies);
    await core.shutdown();
  });
});
