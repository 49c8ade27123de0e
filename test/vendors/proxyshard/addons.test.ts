/**
 * ProxyShard p0f slot add-ons of DC/ISP orders (doc §3.2 #13–#16, §4.3): the price check
 * (addons/calculate), the purchase sent once (applied-then-a-bad-answer settled by the evidence read
 * from #9), the order's add-on lines, and the downgrade at the next renewal and its cancel.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isVendorError, type VendorError } from '../../../main/vendors/errors';
import { addonQtyOf, mapAddonView } from '../../../main/vendors/proxyshard/purchase-mappers';
import type { PurchaseRequest } from '../../../preload/contract/purchases';
import { AFTER_APPLY_ANSWERS, expectUnknown } from '../../helpers/post-apply';
import { seededOrder, setup } from './helpers';

type Ctx = Awaited<ReturnType<typeof setup>>;
const opts = { requestId: '00000000-0000-4000-8000-0000000000c1' };
const addon = (orderId: number | string, quantity: number, addonKey = 'p0f_slots'): PurchaseRequest => ({
  kind: 'addon',
  orderId: String(orderId),
  addonKey,
  quantity,
});
const sent = (ctx: Ctx, method: string, path: string) =>
  ctx.sim.server.requests.filter((r) => r.method === method && r.path === `/user/api${path}`).length;

async function caught(p: Promise<unknown>): Promise<VendorError> {
  try {
    await p;
  } catch (e) {
    if (isVendorError(e)) return e;
    throw e;
  }
  throw new Error('expected a VendorError');
}

describe('add-on price check and purchase (#13, #14)', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('quotePurchase addon: add_total in cents with the balance, nothing charged', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'US');
    const q = await ctx.client.quotePurchase(addon(dc.id, 2));
    expect(q).toMatchObject({
      total: { minor: 60, currency: 'USD' },
      vendorQuoted: true,
      balance: { minor: 18_743, currency: 'USD' },
      warnings: [],
      promo: null,
      spends: 'money',
      summary: `2 p0f slots for order ${dc.id}`,
    });
    expect(q.lines).toEqual([{ label: 'p0f slots: 4 → 6, $0.30 each', amount: q.total }]);
    expect(ctx.sim.server.ledger).toHaveLength(0);
  });

  it('a wallet below the add-on total blocks', async () => {
    const isp = seededOrder(ctx.sim, (o) => o.product === 'isp' && o.status === 'active');
    ctx.sim.setBalance(50);
    const q = await ctx.client.quotePurchase(addon(isp.id, 1));
    ctx.sim.setBalance(18_743);
    expect(q.warnings).toEqual([
      {
        code: 'insufficient_funds',
        message: 'Your ProxyShard balance ($0.50) is below the total ($0.60). Top up $0.10 at ProxyShard.',
        blocking: true,
      },
    ]);
  });

  it('an unknown add-on, a bad order id or quantity are refused before anything is sent', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'US');
    const before = ctx.sim.server.requests.length;
    for (const req of [addon(dc.id, 1, 'turbo'), addon('abc', 1), addon(dc.id, 0)]) {
      expect((await caught(ctx.client.quotePurchase(req))).code).toBe('invalid_argument');
      expect((await caught(ctx.client.purchase(req, opts))).code).toBe('invalid_argument');
    }
    expect(ctx.sim.server.requests.slice(before).filter((r) => r.path.includes('/addons/'))).toHaveLength(0);
  });

  it('purchase addon: one request, one charge, names the new qty; the evidence rises by the qty', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'DE');
    const req = addon(dc.id, 2);
    expect(await ctx.client.purchaseEvidence(req)).toEqual({ items: ['p0f_slots=0'], immediate: true });
    const a = await ctx.client.purchase(req, opts);
    expect(a).toEqual({ reference: null, charged: null, created: ['p0f_slots=2'], message: null });
    expect(JSON.parse(ctx.sim.writes.at(-1)!.body)).toEqual({ addon_key: 'p0f_slots', add_qty: 2 });
    expect(ctx.sim.server.ledger).toEqual([
      expect.objectContaining({ what: 'addon', items: [String(dc.id)], amountMinor: 60 }),
    ]);
    expect(await ctx.client.purchaseEvidence(req)).toEqual({ items: ['p0f_slots=2'], immediate: true });
  });

  it('documented refusals: an on-hold order (400) and a short balance are not applied', async () => {
    const held = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.status === 'on-hold');
    const charges = ctx.sim.server.ledger.length;
    const e = await caught(ctx.client.purchase(addon(held.id, 1), opts));
    expect(e).toMatchObject({ code: 'vendor_rejected', uncertain: false, httpStatus: 400 });
    expect(e.message).toBe('ProxyShard refused the request: Order must be active');
    ctx.sim.setBalance(0);
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'US');
    expect((await caught(ctx.client.purchase(addon(dc.id, 1), opts))).code).toBe('insufficient_funds');
    ctx.sim.setBalance(18_743);
    expect(ctx.sim.server.ledger.length).toBe(charges);
  });
});

describe.each(AFTER_APPLY_ANSWERS)('add-on purchase (#14) applied, then answered "%s"', (answer) => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('one request, one charge, outcome unknown, then the evidence shows the new slots', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'US');
    const req = addon(dc.id, 2);
    const path = `/orders/${dc.id}/addons/purchase`;
    const before = await ctx.client.purchaseEvidence(req);
    expect(before.items).toEqual(['p0f_slots=4']);
    ctx.sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path });
    await expectUnknown(() => ctx.client.purchase(req, opts));
    expect(sent(ctx, 'POST', path)).toBe(1);
    expect(ctx.sim.server.ledger).toEqual([expect.objectContaining({ what: 'addon', amountMinor: 60 })]);
    const after = await ctx.client.purchaseEvidence(req);
    expect(after).toEqual({ items: ['p0f_slots=6'], immediate: true });
  });
});

describe('add-on lines and the downgrade schedule (#9, #15, #16)', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('orderAddons: lines with qty, price per unit and what is pending, and the p0f slots', async () => {
    const isp = seededOrder(ctx.sim, (o) => o.product === 'isp' && o.location === 'GB');
    const v = await ctx.client.orderAddons(String(isp.id));
    expect(v).toEqual({
      orderId: String(isp.id),
      status: 'on-hold',
      product: 'ISP Proxy',
      lines: [
        {
          addonKey: 'p0f_slots',
          qty: 3,
          pricePerUnit: { minor: 60, currency: 'USD' },
          pending: { action: 'downgrade', nextQty: 2 },
        },
      ],
      slots: { available: 3, used: 2, next: 2 },
    });
  });

  it('schedule a downgrade: the documented body, then the line reads it as pending; cancel clears it', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'US');
    const id = String(dc.id);
    await ctx.client.scheduleAddonDowngrade(id, 'p0f_slots', 1);
    expect(JSON.parse(ctx.sim.writes.at(-1)!.body)).toEqual({
      addon_key: 'p0f_slots',
      action: 'downgrade',
      next_qty: 1,
    });
    expect((await ctx.client.orderAddons(id)).lines[0]!.pending).toEqual({ action: 'downgrade', nextQty: 1 });
    expect((await ctx.client.orderAddons(id)).slots?.next).toBe(1);
    await ctx.client.cancelAddonSchedule(id, 'p0f_slots');
    expect(ctx.sim.writes.at(-1)!.path).toBe(`/user/api/orders/${id}/addons/schedule/cancel`);
    expect(JSON.parse(ctx.sim.writes.at(-1)!.body)).toEqual({ addon_key: 'p0f_slots' });
    expect((await ctx.client.orderAddons(id)).lines[0]!.pending).toBeNull();
    expect(ctx.sim.server.ledger).toHaveLength(0);
  });

  it('a downgrade that keeps as many or more is refused before sending', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'US');
    const writes = ctx.sim.writes.length;
    const e = await caught(ctx.client.scheduleAddonDowngrade(String(dc.id), 'p0f_slots', 4));
    expect(e).toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/has 4 p0f slots/) });
    expect((await caught(ctx.client.scheduleAddonDowngrade(String(dc.id), 'p0f_slots', 0))).code).toBe(
      'invalid_argument',
    );
    expect(ctx.sim.writes.length).toBe(writes);
  });

  it('the vendor refuses a schedule or cancel for an order without the add-on (400)', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'DE');
    const e = await caught(ctx.client.cancelAddonSchedule(String(dc.id), 'p0f_slots'));
    expect(e).toMatchObject({ code: 'vendor_rejected', uncertain: false });
    expect(e.message).toBe('ProxyShard refused the request: Add-on is not active on this order');
  });

  it('a schedule applied then answered badly is unknown (the core settles it by reading #9)', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'US');
    const path = `/orders/${dc.id}/addons/schedule`;
    const earlier = sent(ctx, 'POST', path);
    ctx.sim.server.injectFault({ kind: 'after_apply', answer: '5xx_html', method: 'POST', path });
    await expectUnknown(() => ctx.client.scheduleAddonDowngrade(String(dc.id), 'p0f_slots', 2));
    expect(sent(ctx, 'POST', path)).toBe(earlier + 1);
    expect((await ctx.client.orderAddons(String(dc.id))).lines[0]!.pending).toEqual({
      action: 'downgrade',
      nextQty: 2,
    });
  });

  it('mapAddonView: qty from the line, else p0f_slots_available; unreadable qty is a bad field', () => {
    const none = mapAddonView('1', { p0f_slots_available: 3, p0f_slots_used: 1 });
    expect(addonQtyOf(none, 'p0f_slots')).toBe(3);
    expect(none.lines).toEqual([]);
    expect(() => mapAddonView('1', { addons: [{ addon_key: 'p0f_slots', qty: 'many' }] })).toThrow();
  });
});
