import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Core, createCore } from '../../main/core/app-core';
import { AppFailure } from '../../main/core/errors';
import { FOLLOW_IP_FILE, FollowIp } from '../../main/core/operations/follow-ip';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { type BestproxySimulator, createBestproxySimulator } from '../../main/simulators/bestproxy';
import { SIM_VERIFY_CODE } from '../../main/simulators/bestproxy/seed-data';
import { createThordataSimulator, type ThordataSimulator } from '../../main/simulators/thordata';
import { bestproxyModule } from '../../main/vendors/bestproxy';
import { thordataModule } from '../../main/vendors/thordata';
import type { AppEvent, Channel, ChannelArgs, ChannelResponses } from '../../preload/contract/channels';
import type { Result } from '../../preload/contract/errors';
import type { FollowIpPrompt } from '../../preload/contract/whitelist-bulk';
import { tempDir } from '../helpers/tmp';
import { type CheckServer, checkServer } from './whitelist-bulk-check-server';

const A = '203.0.113.24'; // on the seeded BestProxy allowlist
const B = '198.51.100.201';
const C = '198.51.100.202';

const { dir, cleanup } = tempDir();
let core: Core;
let bp: BestproxySimulator;
let th: ThordataSimulator;
let check: CheckServer;
const ids = { bp: '', th: '' };
const prompts: FollowIpPrompt[] = [];
const call = <C extends Channel>(ch: C, ...args: ChannelArgs<C>) =>
  core.dispatch(ch, args) as Promise<Result<ChannelResponses[C]>>;
const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
};
const vendorList = async (id: string) => {
  const client = await core.accounts.client(id);
  return (await client.listWhitelist()).map((e) => e.ip);
};
const removals = () =>
  [bp, th].reduce((n, s) => n + s.server.requests.filter((q) => /proxy-ip\/delete|delete-ip/.test(q.path)).length, 0);

/** One refresh pass, and the public IP check that follows it. */
async function refreshPass(): Promise<void> {
  const hits = check.hits;
  core.refresh.start();
  await core.refresh.idle();
  await vi.waitFor(() => expect(check.hits).toBeGreaterThan(hits));
  await new Promise((r) => setTimeout(r, 30)); // the check's answer handled
}

beforeAll(async () => {
  check = await checkServer(A);
  bp = createBestproxySimulator({ seed: 5 });
  th = createThordataSimulator({ seed: 5 });
  await Promise.all([bp.listen(), th.listen()]);
  core = await createCore({
    dataDir: dir,
    Backend: Conf as unknown as BackendCtor,
    vault: new MemoryVault(),
    vendors: { bestproxy: bestproxyModule, thordata: thordataModule },
    version: 't',
    baseUrls: { bestproxy: bp.baseUrl(), thordata: th.baseUrl() },
  });
  ids.bp = (await core.accounts.add({ vendor: 'bestproxy', label: 'BP', credentials: bp.credentials })).id;
  ids.th = (await core.accounts.add({ vendor: 'thordata', label: 'TH', credentials: th.credentials })).id;
  core.events.on((e: AppEvent) => {
    if (e.type === 'public-ip-changed') prompts.push(e.prompt);
  });
  ok(await call('settings:update', { health: { checkUrl: check.url, concurrency: 2, timeoutMs: 3000, slowMs: 1500 } }));
  ok(await call('whitelist:add', { accountId: ids.th, ips: [A] }));
});
afterAll(async () => {
  await core.refresh.idle();
  await Promise.all([bp.close(), th.close()]);
  await check.close();
  cleanup();
});

describe('follow my IP', () => {
  it('checks nothing while the setting is off', async () => {
    const hits = check.hits;
    core.refresh.start();
    await core.refresh.idle();
    await new Promise((r) => setTimeout(r, 50));
    expect(check.hits).toBe(hits);
  });

  it('keeps the first IP seen in the data folder, and asks nothing', async () => {
    ok(await call('settings:update', { followPublicIp: true }));
    await refreshPass();
    expect(JSON.parse(readFileSync(join(dir, FOLLOW_IP_FILE), 'utf8'))).toMatchObject({ lastIp: A, pending: null });
    expect(prompts).toEqual([]);
  });

  it('tells the window once when the IP changed, listing the accounts that had the old one', async () => {
    check.setIp(B);
    await refreshPass();
    await refreshPass(); // a second pass with the same new IP asks nothing more
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toMatchObject({ from: A, to: B });
    expect(prompts[0]?.accounts.map((a) => a.label).sort()).toEqual(['BP', 'TH']);
    expect(prompts[0]?.accounts.find((a) => a.label === 'BP')?.removeNeedsCode).toBe(true);
    expect(ok(await call('followIp:pending'))?.changeId).toBe(prompts[0]?.changeId);
  });

  it('removes nothing before the confirmation', async () => {
    expect(removals()).toBe(0);
    expect(await vendorList(ids.bp)).toContain(A);
    expect(await vendorList(ids.th)).toContain(A);
  });

  it('on confirmation adds the new IP, then removes the old one, on exactly the accounts that had it', async () => {
    const prompt = prompts[0]!;
    const r = ok(
      await call('followIp:replace', {
        changeId: prompt.changeId,
        accounts: [{ accountId: ids.bp, verifyCode: SIM_VERIFY_CODE }, { accountId: ids.th }],
      }),
    );
    expect(r.map((x) => x.accountId).sort()).toEqual([ids.bp, ids.th].sort());
    expect(r.every((x) => x.added && x.removed === 'done' && x.error === null)).toBe(true);
    const bpList = await vendorList(ids.bp);
    const thList = await vendorList(ids.th);
    expect(bpList).toContain(B);
    expect(bpList).not.toContain(A);
    expect(thList).toContain(B);
    expect(thList).not.toContain(A);
    expect(ok(await call('followIp:pending'))).toBeNull();
    // The same answer twice changes nothing.
    const again = await call('followIp:replace', { changeId: prompt.changeId, accounts: [{ accountId: ids.th }] });
    expect(again.ok ? null : again.error.code).toBe('not_found');
  });

  it('says a BestProxy account needs its code, and keeps the old entry there', async () => {
    check.setIp(C);
    await refreshPass();
    expect(prompts).toHaveLength(2);
    const p = prompts[1]!;
    expect(p).toMatchObject({ from: B, to: C });
    const r = ok(await call('followIp:replace', { changeId: p.changeId, accounts: [{ accountId: ids.bp }] }));
    expect(r).toEqual([{ accountId: ids.bp, added: true, removed: 'needs_code', error: null }]);
    const bpList = await vendorList(ids.bp);
    expect(bpList).toContain(B);
    expect(bpList).toContain(C);
    expect(await vendorList(ids.th)).toContain(B); // not confirmed for TH: untouched
  });

  it('a dismissed question removes nothing and is not asked again for the same change', async () => {
    check.setIp(A);
    await refreshPass();
    expect(prompts).toHaveLength(3);
    const p = prompts[2]!;
    expect(p).toMatchObject({ from: C, to: A });
    const before = removals();
    ok(await call('followIp:dismiss', { changeId: p.changeId }));
    await refreshPass();
    await refreshPass();
    expect(prompts).toHaveLength(3);
    expect(ok(await call('followIp:pending'))).toBeNull();
    expect(removals()).toBe(before);
    expect(await vendorList(ids.bp)).toContain(C);
  });
});

describe('follow my IP, the accounts it touches', () => {
  const accounts = [
    { id: 'a1', vendor: 'thordata', label: 'One' },
    { id: 'a2', vendor: 'bestproxy', label: 'Two' },
    { id: 'a3', vendor: 'thordata', label: 'Three' }, // never had the old IP
    { id: 'a4', vendor: 'youproxy', label: 'Four' }, // no whitelist at the vendor
  ] as const;
  const lists: Record<string, string[]> = { a1: [A, '192.0.2.1'], a2: [A], a3: ['192.0.2.3'], a4: [] };

  function follow(ip: { v: string }) {
    const calls: string[] = [];
    const events: AppEvent[] = [];
    const { dir: d, cleanup: done } = tempDir();
    const f = new FollowIp({
      dataDir: d,
      enabled: () => true,
      publicIp: async () => ({ ip: ip.v, checkedAt: '2030-01-01T00:00:00.000Z' }),
      accounts: {
        list: () =>
          accounts.map((a) => ({
            ...a,
            createdAt: '',
            lastRefreshAt: null,
            demo: false,
            credentialHint: null,
            lastError: null,
          })),
      },
      snapshot: (id) => ({
        whitelist: (lists[id] ?? []).map((x) => ({ ip: x, id: null, note: null, createdAt: null })),
      }),
      events: { emit: (e) => events.push(e) },
      add: async ({ accountId, ips }) => {
        calls.push(`add ${accountId} ${ips.join(',')}`);
        return [];
      },
      remove: async ({ accountId, ips, verifyCode }) => {
        calls.push(`remove ${accountId} ${ips.join(',')}${verifyCode ? ` code ${verifyCode}` : ''}`);
        return [];
      },
    });
    return { f, calls, events, done, dir: d };
  }

  it('asks about, and replaces on, exactly the accounts that had the old IP', async () => {
    const ip = { v: A };
    const { f, calls, events, done } = follow(ip);
    await f.onRefreshed();
    ip.v = B;
    await f.onRefreshed();
    await f.onRefreshed();
    expect(events).toHaveLength(1);
    const prompt = (events[0] as Extract<AppEvent, { type: 'public-ip-changed' }>).prompt;
    expect(prompt.accounts.map((a) => a.accountId)).toEqual(['a1', 'a2']);
    expect(calls).toEqual([]); // nothing sent before the answer
    const r = await f.replace({
      changeId: prompt.changeId,
      accounts: [{ accountId: 'a1' }, { accountId: 'a2', verifyCode: '123456' }, { accountId: 'a3' }],
    });
    expect(r.map((x) => [x.accountId, x.removed])).toEqual([
      ['a1', 'done'],
      ['a2', 'done'],
    ]);
    // Added first, then removed, per account; a3 (never had A) untouched.
    expect(calls.filter((c) => c.includes('a1'))).toEqual([`add a1 ${B}`, `remove a1 ${A}`]);
    expect(calls.filter((c) => c.includes('a2'))).toEqual([`add a2 ${B}`, `remove a2 ${A} code 123456`]);
    expect(calls.some((c) => c.includes('a3'))).toBe(false);
    done();
  });

  it('keeps the question across a restart (same data folder), and never removes when adding failed', async () => {
    const ip = { v: A };
    const first = follow(ip);
    await first.f.onRefreshed();
    ip.v = B;
    await first.f.onRefreshed();
    const again = new FollowIp({
      dataDir: first.dir,
      enabled: () => true,
      publicIp: async () => ({ ip: B, checkedAt: '2030-01-01T00:00:00.000Z' }),
      accounts: {
        list: () =>
          accounts.map((a) => ({
            ...a,
            createdAt: '',
            lastRefreshAt: null,
            demo: false,
            credentialHint: null,
            lastError: null,
          })),
      },
      snapshot: (id) => ({
        whitelist: (lists[id] ?? []).map((x) => ({ ip: x, id: null, note: null, createdAt: null })),
      }),
      events: { emit: () => undefined },
      add: async () => {
        throw new AppFailure('vendor_rejected', 'The whitelist is full.');
      },
      remove: async () => {
        throw new Error('must not be called');
      },
    });
    const p = again.pending();
    expect(p).toMatchObject({ from: A, to: B });
    const r = await again.replace({ changeId: p!.changeId, accounts: [{ accountId: 'a1' }] });
    expect(r).toMatchObject([{ accountId: 'a1', added: false, removed: 'kept', error: { code: 'vendor_rejected' } }]);
    first.done();
  });
});
