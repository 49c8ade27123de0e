/**
 * A vendor's own order tools through IPC (main/core/operations/order-tools.ts): each gated by its
 * capability, sent once, an unknown outcome settled by reading the vendor (never by sending again),
 * and the account refreshed afterwards.
 */
import { describe, expect, it } from 'vitest';
import { coreWithSims } from '../helpers/core-with-sims';

const { env, call } = coreWithSims();
const unpaid = () => env.bp.state.orders.filter((o) => o.status === 0);

const ordersOf = (id: string) => env.core.refresh.list().find((s) => s.accountId === id)!.orders;

describe('orders:close (BestProxy unpaid orders)', () => {
  it('closes an unpaid order at the vendor and the refreshed snapshot no longer lists it', async () => {
    const o = unpaid()[0]!;
    expect(ordersOf(env.bpId).some((x) => x.id === o.tradeNo && x.status === 'pending')).toBe(true);
    const r = await call('orders:close', { accountId: env.bpId, orderId: o.tradeNo });
    expect(r).toEqual({ ok: true, data: { ok: true } });
    expect(o.status).toBe(2);
    await env.core.refresh.idle();
    expect(ordersOf(env.bpId).some((x) => x.id === o.tradeNo)).toBe(false);
  });

  it('a lost answer after the vendor closed it is settled by reading: applied, nothing sent twice', async () => {
    env.bp.state.orders.push({ ...unpaidTemplate(), tradeNo: 'T-SETTLE-1', status: 0 });
    env.bp.server.injectFault({
      kind: 'after_apply',
      answer: '5xx_html',
      method: 'POST',
      path: '/gateway/order/close',
    });
    const sent = () => env.bp.server.requests.filter((q) => q.path.endsWith('/order/close'));
    const before = sent().length;
    const r = await call('orders:close', { accountId: env.bpId, orderId: 'T-SETTLE-1' });
    expect(r.ok).toBe(true);
    // Sent once (the simulator logs the handler's status; the client got a 502 page).
    expect(
      sent()
        .slice(before)
        .map((q) => q.status),
    ).toEqual([200]);
    expect(env.bp.state.orders.find((o) => o.tradeNo === 'T-SETTLE-1')?.status).toBe(2);
  });

  it('an order that is not unpaid is the vendor’s refusal, in its words', async () => {
    const r = await call('orders:close', { accountId: env.bpId, orderId: 'T-SETTLE-1' });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/only unpaid orders/) } });
  });

  it('a vendor without orderClose is refused before anything is sent', async () => {
    const r = await call('orders:close', { accountId: env.psId, orderId: '1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_supported' } });
  });
});

describe('orders:ips / orders:setSignatures (ProxyShard p0f)', () => {
  const slotted = () => [...env.ps.account.orders.values()].find((o) => o.product === 'dc' && o.addons[0]?.qty === 4)!;

  it('reads the order’s IPs with their signature and slots', async () => {
    const o = slotted();
    const r = await call('orders:ips', { accountId: env.psId, orderId: String(o.id) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.slots).toEqual({ available: 4, used: o.ips.filter((x) => x.signature).length });
    expect(r.data.ips.map((x) => x.signature)).toEqual(o.ips.map((x) => x.signature));
  });

  it('an applied change whose answer is lost is settled by re-reading /proxies/active', async () => {
    const o = slotted();
    const ip = o.ips.find((x) => x.signature)!;
    const next = ip.signature === 'win11' ? 'ios' : 'win11';
    env.ps.server.injectFault({
      kind: 'after_apply',
      answer: 'reset',
      method: 'POST',
      path: `/orders/${o.id}/signature/set`,
    });
    const r = await call('orders:setSignatures', {
      accountId: env.psId,
      orderId: String(o.id),
      items: [{ ip: ip.ip, signature: next }],
    });
    expect(r.ok).toBe(true);
    expect(env.ps.server.requests.filter((q) => q.path.endsWith(`/orders/${o.id}/signature/set`))).toHaveLength(1);
    if (r.ok) expect(r.data.ips.find((x) => x.ip === ip.ip)?.signature).toBe(next);
    expect(ip.signature).toBe(next);
  });

  it('a value outside the documented list is refused by the channel', async () => {
    const o = slotted();
    const r = await call('orders:setSignatures', {
      accountId: env.psId,
      orderId: String(o.id),
      // @ts-expect-error not a documented signature
      items: [{ ip: o.ips[0]!.ip, signature: 'unset' }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('orders:dropAtRenewal: a lost answer is settled by the recalculated quantity; every IP marked is refused', async () => {
    const o = [...env.ps.account.orders.values()].find(
      (x) => x.product === 'dc' && x.status === 'active' && x.ips.length >= 2,
    )!;
    const q0 = o.quantity;
    env.ps.server.injectFault({
      kind: 'after_apply',
      answer: '5xx_html',
      method: 'POST',
      path: `/orders/${o.id}/del-np/set`,
    });
    const r = await call('orders:dropAtRenewal', {
      accountId: env.psId,
      orderId: String(o.id),
      items: [{ ip: o.ips[0]!.ip, drop: true }],
    });
    expect(r).toMatchObject({ ok: true, data: { quantity: q0 - 1 } });
    expect(o.ips[0]!.delNp).toBe(true);
    const all = await call('orders:dropAtRenewal', {
      accountId: env.psId,
      orderId: String(o.id),
      items: o.ips.map((x) => ({ ip: x.ip, drop: true })),
    });
    expect(all).toMatchObject({ ok: false, error: { message: expect.stringMatching(/At least one IP must stay/) } });
  });

  it('a vendor without p0f signatures is refused', async () => {
    const r = await call('orders:ips', { accountId: env.bpId, orderId: '1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_supported' } });
  });
});

function unpaidTemplate() {
  const o = env.bp.state.orders.find((x) => x.status === 0) ?? env.bp.state.orders[0]!;
  return { ...o };
}
