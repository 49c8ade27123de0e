/**
 * ProxyShard p0f add-ons through IPC (main/core/operations/order-tools.ts): `orders:addons` reads the
 * order's add-on lines, `orders:scheduleAddon` / `orders:cancelAddonSchedule` are sent once and an
 * unknown outcome is settled by re-reading the line's `pending` (never by sending again). Gated by 'addons'.
 */
import { describe, expect, it } from 'vitest';
import { coreWithSims } from '../helpers/core-with-sims';

const { env, call } = coreWithSims();

const withSlots = () =>
  [...env.ps.account.orders.values()].find((o) => o.product === 'dc' && o.status === 'active' && o.addons[0]?.qty)!;
const posts = (path: string) => env.ps.server.requests.filter((r) => r.method === 'POST' && r.path === path).length;

describe('orders:addons / scheduleAddon / cancelAddonSchedule', () => {
  it('reads the add-on lines of an order', async () => {
    const o = withSlots();
    const r = await call('orders:addons', { accountId: env.psId, orderId: String(o.id) });
    expect(r.ok && r.data.lines[0]).toMatchObject({ addonKey: 'p0f_slots', qty: o.addons[0]!.qty, pending: null });
  });

  it('schedules a downgrade and answers with the add-ons read after it; cancel clears it; nothing charged', async () => {
    const o = withSlots();
    const ref = { accountId: env.psId, orderId: String(o.id) };
    const r = await call('orders:scheduleAddon', { ...ref, addonKey: 'p0f_slots', nextQty: 1 });
    expect(r.ok && r.data.lines[0]!.pending).toEqual({ action: 'downgrade', nextQty: 1 });
    const c = await call('orders:cancelAddonSchedule', { ...ref, addonKey: 'p0f_slots' });
    expect(c.ok && c.data.lines[0]!.pending).toBeNull();
    expect(env.ps.server.ledger).toHaveLength(0);
  });

  it('applied, then a lost answer: settled by reading #9 as done, sent once', async () => {
    const o = withSlots();
    const path = `/user/api/orders/${o.id}/addons/schedule`;
    const before = posts(path);
    env.ps.server.injectFault({ kind: 'after_apply', answer: 'reset', method: 'POST', path });
    const r = await call('orders:scheduleAddon', {
      accountId: env.psId,
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
    env.ps.server.injectFault({ kind: 'status', status: 502, method: 'POST', path });
    const r = await call('orders:cancelAddonSchedule', {
      accountId: env.psId,
      orderId: String(o.id),
      addonKey: 'p0f_slots',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/checked with ProxyShard: the change was not made/);
    expect(o.addons[0]!.pending).toEqual({ action: 'downgrade', next_qty: 1 });
    expect(posts(path)).toBe(before + 1);
  });

  it('a vendor without the add-ons capability is not_supported', async () => {
    const r = await call('orders:addons', { accountId: env.bpId, orderId: '1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not_supported');
  });
});
