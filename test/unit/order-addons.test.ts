/**
 * ProxyShard p0f add-ons through IPC (main/core/operations/order-tools.ts): `orders:addons` reads the
 * order's add-on lines, `orders:scheduleAddon` / `orders:cancelAddonSchedule` are sent once and an
 * unknown outcome is settled by re-reading the line's `pending` (never by sending again). Gated by 'addons'.
 */
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../main/core/app-core';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { type BestproxySimulator, createBestproxySimulator } from '../../main/simulators/bestproxy';
import { createProxyshardSimulator, type ProxyshardSimulator } from '../../main/simulators/proxyshard';
import { bestproxyModule } from '../../main/vendors/bestproxy';
import { proxyshardModule } from '../../main/vendors/proxyshard';
import type { Channel, ChannelArgs, ChannelResponses } from '../../preload/contract/channels';
import type { Result } from '../../preload/contract/errors';
import { tempDir } from '../helpers/tmp';

const { dir, cleanup } = tempDir();
let bp: BestproxySimulator;
let ps: ProxyshardSimulator;
let core: Core;
let bpId: string;
let psId: string;
const call = <C extends Channel>(ch: C, ...args: ChannelArgs<C>) =>
  core.dispatch(ch, args) as Promise<Result<ChannelResponses[C]>>;

beforeAll(async () => {
  bp = createBestproxySimulator({ seed: 5 });
  ps = createProxyshardSimulator({ seed: 5 });
  await bp.listen();
  await ps.listen();
  core = await createCore({
    dataDir: dir,
    Backend: Conf as unknown as BackendCtor,
    vault: new MemoryVault(),
    vendors: { bestproxy: bestproxyModule, proxyshard: proxyshardModule },
    version: 't',
    baseUrls: { bestproxy: bp.baseUrl(), proxyshard: ps.baseUrl() },
  });
  bpId = (await core.accounts.add({ vendor: 'bestproxy', label: 'BP', credentials: bp.credentials })).id;
  psId = (await core.accounts.add({ vendor: 'proxyshard', label: 'PS', credentials: ps.credentials })).id;
  core.refresh.start();
  await core.refresh.idle();
});
afterAll(async () => {
  await core.refresh.idle();
  await bp.close();
  await ps.close();
  cleanup();
});

const withSlots = () =>
  [...ps.account.orders.values()].find((o) => o.product === 'dc' && o.status === 'active' && o.addons[0]?.qty)!;
const posts = (path: string) => ps.server.requests.filter((r) => r.method === 'POST' && r.path === path).length;

describe('orders:addons / scheduleAddon / cancelAddonSchedule', () => {
  it('reads the add-on lines of an order', async () => {
    const o = withSlots();
    const r = await call('orders:addons', { accountId: psId, orderId: String(o.id) });
    expect(r.ok && r.data.lines[0]).toMatchObject({ addonKey: 'p0f_slots', qty: o.addons[0]!.qty, pending: null });
  });

  it('schedules a downgrade and answers with the add-ons read after it; cancel clears it; nothing charged', async () => {
    const o = withSlots();
    const ref = { accountId: psId, orderId: String(o.id) };
    const r = await call('orders:scheduleAddon', { ...ref, addonKey: 'p0f_slots', nextQty: 1 });
    expect(r.ok && r.data.lines[0]!.pending).toEqual({ action: 'downgrade', nextQty: 1 });
    const c = await call('orders:cancelAddonSchedule', { ...ref, addonKey: 'p0f_slots' });
    expect(c.ok && c.data.lines[0]!.pending).toBeNull();
    expect(ps.server.ledger).toHaveLength(0);
  });

  it('applied, then a lost answer: settled by reading #9 as done, sent once', async () => {
    const o = withSlots();
    const path = `/user/api/orders/${o.id}/addons/schedule`;
    const before = posts(path);
    ps.server.injectFault({ kind: 'after_apply', answer: 'reset', method: 'POST', path });
    const r = await call('orders:scheduleAddon', {
      accountId: psId,
      orderId: String(o.id),
      addonKey: 'p0f_slots',
      nextQty: 1,
    });
    expect(r.ok && r.data.lines[0]!.pending).toEqual({ action: 'downgrade', nextQty: 1 });
    expect(posts(path)).toBe(before + 1);
  });

  it('not applied (a 502 before the handler ran): the read shows no change, said in plain words', async () => {
    const o = withSlots();
    const path = `/user/api/orders/${o.id}/addons/schedule/cancel`;
    const before = posts(path);
    ps.server.injectFault({ kind: 'status', status: 502, method: 'POST', path });
    const r = await call('orders:cancelAddonSchedule', {
      accountId: psId,
      orderId: String(o.id),
      addonKey: 'p0f_slots',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/checked with ProxyShard: the change was not made/);
    expect(o.addons[0]!.pending).toEqual({ action: 'downgrade', next_qty: 1 });
    expect(posts(path)).toBe(before + 1);
  });

  it('a vendor without the add-ons capability is not_supported', async () => {
    const r = await call('orders:addons', { accountId: bpId, orderId: '1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not_supported');
  });
});
