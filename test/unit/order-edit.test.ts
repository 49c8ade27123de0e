/**
 * ProxyShard order tag and billing cycle through IPC (main/core/operations/order-tools.ts): gated by
 * 'orderTags' / 'billingCycle', validated at the boundary, sent once, a lost answer settled by reading
 * the order again, nothing charged, and the account refreshed afterwards.
 */
import { describe, expect, it } from 'vitest';
import { coreWithSims } from '../helpers/core-with-sims';

const { env, call } = coreWithSims();

const dcOrders = () => [...env.ps.account.orders.values()].filter((o) => o.product === 'dc' && o.status === 'active');
const sent = (suffix: string) => env.ps.server.requests.filter((q) => q.path.endsWith(suffix));
const snapOrder = (id: number) =>
  env.core.refresh
    .list()
    .find((s) => s.accountId === env.psId)!
    .orders.find((o) => o.id === String(id));

describe('orders:setTag (ProxyShard)', () => {
  it('sets a tag and clears it (empty = the vendor’s "none"); the answer is the order read again', async () => {
    const o = dcOrders()[0]!;
    const set = await call('orders:setTag', { accountId: env.psId, orderId: String(o.id), tag: '  team-b  ' });
    expect(set).toMatchObject({ ok: true, data: { id: String(o.id), tag: 'team-b' } });
    expect(o.tag).toBe('team-b');
    const cleared = await call('orders:setTag', { accountId: env.psId, orderId: String(o.id), tag: '' });
    expect(cleared).toMatchObject({ ok: true, data: { tag: null } });
    expect(o.tag).toBeNull();
    expect(sent(`/orders/${o.id}/tag`).map((q) => q.status)).toEqual([200, 200]);
    await env.core.refresh.idle();
    expect(snapOrder(o.id)?.tag).toBeNull();
  });

  it('a lost answer after the vendor saved it is settled by reading the order; sent once', async () => {
    const o = dcOrders()[1]!;
    env.ps.server.injectFault({ kind: 'after_apply', answer: 'reset', method: 'POST', path: `/orders/${o.id}/tag` });
    const before = sent(`/orders/${o.id}/tag`).length;
    const r = await call('orders:setTag', { accountId: env.psId, orderId: String(o.id), tag: 'lost-answer' });
    expect(r).toMatchObject({ ok: true, data: { tag: 'lost-answer' } });
    expect(sent(`/orders/${o.id}/tag`)).toHaveLength(before + 1);
    expect(o.tag).toBe('lost-answer');
  });

  it('an unreadable answer to a change the vendor did not make is settled as "not made"; sent once', async () => {
    const o = dcOrders()[2]!;
    const was = o.tag;
    env.ps.server.injectFault({ kind: 'malformed', method: 'POST', path: `/orders/${o.id}/tag` });
    const before = sent(`/orders/${o.id}/tag`).length;
    const r = await call('orders:setTag', { accountId: env.psId, orderId: String(o.id), tag: 'never-made' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'vendor_rejected', message: expect.stringMatching(/the change was not made/) },
    });
    expect(sent(`/orders/${o.id}/tag`)).toHaveLength(before + 1);
    expect(o.tag).toBe(was);
  });

  it('a tag longer than 64 characters is refused by the channel; nothing is sent', async () => {
    const o = dcOrders()[0]!;
    const before = sent(`/orders/${o.id}/tag`).length;
    const r = await call('orders:setTag', { accountId: env.psId, orderId: String(o.id), tag: 'x'.repeat(65) });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(sent(`/orders/${o.id}/tag`)).toHaveLength(before);
  });

  it('a vendor without order tags is refused before anything is sent', async () => {
    const r = await call('orders:setTag', { accountId: env.bpId, orderId: '1', tag: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_supported' } });
  });
});

describe('orders:changeCycle (ProxyShard)', () => {
  it('changes the cycle, charges nothing, and answers with the vendor’s price for the new cycle', async () => {
    const o = dcOrders()[0]!;
    const wallet = env.ps.account.walletCents;
    const cycle = o.cycle === 'weekly' ? 'monthly' : 'weekly';
    const r = await call('orders:changeCycle', { accountId: env.psId, orderId: String(o.id), cycle });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.order.cycle).toBe(cycle);
    expect(o.cycle).toBe(cycle);
    // The vendor's answer carries final_price (cents) for the new cycle: the simulator's new price_paid.
    expect(r.data.nextPrice).toEqual({ minor: o.pricePaid, currency: 'USD' });
    expect(env.ps.account.walletCents).toBe(wallet);
    expect(env.ps.server.ledger).toHaveLength(0);
    await env.core.refresh.idle();
    expect(snapOrder(o.id)?.cycle).toBe(cycle);
  });

  it('a lost answer after the vendor changed it is settled by reading the order; sent once', async () => {
    const o = dcOrders()[1]!;
    const cycle = o.cycle === '3days' ? 'half-monthly' : '3days';
    const path = `/orders/change-billing-cycle/${o.id}`;
    env.ps.server.injectFault({ kind: 'after_apply', answer: '5xx_html', method: 'POST', path });
    const before = sent(path).length;
    const r = await call('orders:changeCycle', { accountId: env.psId, orderId: String(o.id), cycle });
    expect(r).toMatchObject({ ok: true, data: { order: { cycle }, nextPrice: null } });
    expect(sent(path)).toHaveLength(before + 1);
    expect(o.cycle).toBe(cycle);
  });

  it('a cycle the product does not offer is the vendor’s refusal; an empty one never leaves the window', async () => {
    const o = dcOrders()[0]!;
    const path = `/orders/change-billing-cycle/${o.id}`;
    const refused = await call('orders:changeCycle', { accountId: env.psId, orderId: String(o.id), cycle: 'yearly' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'vendor_rejected' } });
    const before = sent(path).length;
    const empty = await call('orders:changeCycle', { accountId: env.psId, orderId: String(o.id), cycle: '  ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(sent(path)).toHaveLength(before);
  });

  it('a vendor without billing-cycle changes is refused', async () => {
    const r = await call('orders:changeCycle', { accountId: env.bpId, orderId: '1', cycle: 'monthly' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_supported' } });
  });
});
