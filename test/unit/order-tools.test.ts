/**
 * A vendor's own order tools through IPC (main/core/operations/order-tools.ts): each gated by its
 * capability, sent once, an unknown outcome settled by reading the vendor (never by sending again),
 * and the account refreshed afterwards.
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
const unpaid = () => bp.state.orders.filter((o) => o.status === 0);

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
  await bp.close();
  await ps.close();
  cleanup();
});

const ordersOf = (id: string) => core.refresh.list().find((s) => s.accountId === id)!.orders;

describe('orders:close (BestProxy unpaid orders)', () => {
  it('closes an unpaid order at the vendor and the refreshed snapshot no longer lists it', async () => {
    const o = unpaid()[0]!;
    expect(ordersOf(bpId).some((x) => x.id === o.tradeNo && x.status === 'pending')).toBe(true);
    const r = await call('orders:close', { accountId: bpId, orderId: o.tradeNo });
    expect(r).toEqual({ ok: true, data: { ok: true } });
    expect(o.status).toBe(2);
    await core.refresh.idle();
    expect(ordersOf(bpId).some((x) => x.id === o.tradeNo)).toBe(false);
  });

  it('a lost answer after the vendor closed it is settled by reading: applied, nothing sent twice', async () => {
    bp.state.orders.push({ ...unpaidTemplate(), tradeNo: 'T-SETTLE-1', status: 0 });
    bp.server.injectFault({ kind: 'after_apply', answer: '5xx_html', method: 'POST', path: '/gateway/order/close' });
    const sent = () => bp.server.requests.filter((q) => q.path.endsWith('/order/close'));
    const before = sent().length;
    const r = await call('orders:close', { accountId: bpId, orderId: 'T-SETTLE-1' });
    expect(r.ok).toBe(true);
    // Sent once (the simulator logs the handler's status; the client got a 502 page).
    expect(
      sent()
        .slice(before)
        .map((q) => q.status),
    ).toEqual([200]);
    expect(bp.state.orders.find((o) => o.tradeNo === 'T-SETTLE-1')?.status).toBe(2);
  });

  it('an order that is not unpaid is the vendor’s refusal, in its words', async () => {
    const r = await call('orders:close', { accountId: bpId, orderId: 'T-SETTLE-1' });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/only unpaid orders/) } });
  });

  it('a vendor without orderClose is refused before anything is sent', async () => {
    const r = await call('orders:close', { accountId: psId, orderId: '1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_supported' } });
  });
});

describe('orders:ips / orders:setSignatures (ProxyShard p0f)', () => {
  const slotted = () => [...ps.account.orders.values()].find((o) => o.product === 'dc' && o.addons[0]?.qty === 4)!;

  it('reads the order’s IPs with their signature and slots', async () => {
    const o = slotted();
    const r = await call('orders:ips', { accountId: psId, orderId: String(o.id) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.slots).toEqual({ available: 4, used: o.ips.filter((x) => x.signature).length });
    expect(r.data.ips.map((x) => x.signature)).toEqual(o.ips.map((x) => x.signature));
  });

  it('an applied change whose answer is lost is settled by re-reading /proxies/active', async () => {
    const o = slotted();
    const ip = o.ips.find((x) => x.signature)!;
    const next = ip.signature === 'win11' ? 'ios' : 'win11';
    ps.server.injectFault({
      kind: 'after_apply',
      answer: 'reset',
      method: 'POST',
      path: `/orders/${o.id}/signature/set`,
    });
    const r = await call('orders:setSignatures', {
      accountId: psId,
      orderId: String(o.id),
      items: [{ ip: ip.ip, signature: next }],
    });
    expect(r.ok).toBe(true);
    expect(ps.server.requests.filter((q) => q.path.endsWith(`/orders/${o.id}/signature/set`))).toHaveLength(1);
    if (r.ok) expect(r.data.ips.find((x) => x.ip === ip.ip)?.signature).toBe(next);
    expect(ip.signature).toBe(next);
  });

  it('a value outside the documented list is refused by the channel', async () => {
    const o = slotted();
    const r = await call('orders:setSignatures', {
      accountId: psId,
      orderId: String(o.id),
      // @ts-expect-error not a documented signature
      items: [{ ip: o.ips[0]!.ip, signature: 'unset' }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('orders:dropAtRenewal: a lost answer is settled by the recalculated quantity; every IP marked is refused', async () => {
    const o = [...ps.account.orders.values()].find(
      (x) => x.product === 'dc' && x.status === 'active' && x.ips.length >= 2,
    )!;
    const q0 = o.quantity;
    ps.server.injectFault({
      kind: 'after_apply',
      answer: '5xx_html',
      method: 'POST',
      path: `/orders/${o.id}/del-np/set`,
    });
    const r = await call('orders:dropAtRenewal', {
      accountId: psId,
      orderId: String(o.id),
      items: [{ ip: o.ips[0]!.ip, drop: true }],
    });
    expect(r).toMatchObject({ ok: true, data: { quantity: q0 - 1 } });
    expect(o.ips[0]!.delNp).toBe(true);
    const all = await call('orders:dropAtRenewal', {
      accountId: psId,
      orderId: String(o.id),
      items: o.ips.map((x) => ({ ip: x.ip, drop: true })),
    });
    expect(all).toMatchObject({ ok: false, error: { message: expect.stringMatching(/At least one IP must stay/) } });
  });

  it('a vendor without p0f signatures is refused', async () => {
    const r = await call('orders:ips', { accountId: bpId, orderId: '1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_supported' } });
  });
});

function unpaidTemplate() {
  const o = bp.state.orders.find((x) => x.status === 0) ?? bp.state.orders[0]!;
  return { ...o };
}
