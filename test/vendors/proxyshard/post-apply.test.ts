/**
 * "Never pays twice" (issue #9) for ProxyShard: a write the vendor APPLIED and then answered badly is
 * an unknown outcome (never a failure), settled by reading vendor state; only documented refusals
 * (refusals.ts, doc §2.2) are "not applied". Paid writes: renew (one POST per order) and purchaseAddon.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeByExpiry, readExpiries } from '../../../main/core/renewals/reconcile';
import { renewalCents } from '../../../main/simulators/proxyshard/state';
import { VendorError } from '../../../main/vendors/errors';
import { proxyshardRefusals } from '../../../main/vendors/proxyshard/refusals';
import type { RenewRequest } from '../../../preload/contract/model';
import { AFTER_APPLY_ANSWERS, expectUnknown, expectUnknownThenRenewed } from '../../helpers/post-apply';
import { seededOrder, setup } from './helpers';

type Ctx = Awaited<ReturnType<typeof setup>>;
type SimOrder = ReturnType<typeof seededOrder>;

const DAY = 86_400_000;
const renewReq = (...orders: SimOrder[]): RenewRequest => ({
  targets: orders.map((o) => ({
    kind: 'order' as const,
    id: String(o.id),
    label: `order ${o.id}`,
    expiresAt: o.expiresAt?.toISOString() ?? null,
  })),
  periodId: 'current',
});
const opts = { requestId: '00000000-0000-4000-8000-00000000000a' };

/** Sends of one method+path the simulator received. */
const sent = (ctx: Ctx, method: string, path: string) =>
  ctx.sim.server.requests.filter((r) => r.method === method && r.path === path).length;

/** Three on-hold DC/ISP orders (the seed has two; an active DC order is put on hold, expired yesterday). */
function onHoldOrders(sim: Ctx['sim']): [SimOrder, SimOrder, SimOrder] {
  const held = [...sim.account.orders.values()].filter((o) => o.status === 'on-hold');
  const extra = seededOrder(sim, (o) => o.product === 'dc' && o.status === 'active' && o.location === 'FI');
  extra.status = 'on-hold';
  extra.expiresAt = new Date(sim.server.now().getTime() - DAY);
  return [held[0]!, held[1]!, extra];
}

describe.each(AFTER_APPLY_ANSWERS)('paid writes applied, then answered "%s"', (answer) => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('renew: one charge, outcome unknown, then read as renewed', async () => {
    const held = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.status === 'on-hold');
    const path = `/user/api/orders/${held.id}/renew`;
    const ledger = ctx.sim.server.ledger.length;
    ctx.sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path });
    await expectUnknownThenRenewed(ctx.client, renewReq(held));
    expect(ctx.sim.server.ledger.length).toBe(ledger + 1);
    expect(ctx.sim.server.ledger.at(-1)).toMatchObject({ what: 'renew', items: [String(held.id)] });
    expect(sent(ctx, 'POST', path)).toBe(1);
  });

  it('purchaseAddon: one charge, outcome unknown, then the order shows the new p0f slots', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'US');
    const path = `/user/api/orders/${dc.id}/addons/purchase`;
    const slots = async () =>
      Number((await ctx.client.listOrders()).find((o) => o.id === String(dc.id))?.details.p0f_slots_available);
    const before = await slots();
    const ledger = ctx.sim.server.ledger.length;
    ctx.sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path });
    await expectUnknown(() => ctx.client.purchaseAddon(String(dc.id), 'p0f_slots', 2, opts));
    expect(ctx.sim.server.ledger.length).toBe(ledger + 1);
    expect(ctx.sim.server.ledger.at(-1)).toMatchObject({ what: 'addon', items: [String(dc.id)], amountMinor: 60 });
    expect(sent(ctx, 'POST', path)).toBe(1);
    // Reconciled by reading: the slots were bought.
    expect(await slots()).toBe(before + 2);
  });
});

describe('several orders in one renewal: each order its own outcome', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('first applied, second applied then answered 5xx: applied + unknown, charged counts the applied one', async () => {
    const [a, b] = onHoldOrders(ctx.sim);
    const wallet = ctx.sim.balance();
    const req = renewReq(a, b);
    const before = await readExpiries(ctx.client, req.targets);
    ctx.sim.server.injectFault({
      kind: 'after_apply',
      answer: '5xx_html',
      method: 'POST',
      path: `/user/api/orders/${b.id}/renew`,
    });
    const r = await ctx.client.renew(req, opts);
    expect(r.items.map((i) => [i.target.id, i.outcome])).toEqual([
      [String(a.id), 'applied'],
      [String(b.id), 'unknown'],
    ]);
    expect(r.items[0]?.newExpiresAt).toBe(a.expiresAt!.toISOString());
    expect(r.items[1]?.newExpiresAt).toBeNull();
    expect(r.items[1]?.message).toMatch(/may have carried this out.*checking with ProxyShard; paying again is blocked/);
    const charges = ctx.sim.server.ledger.filter((l) => l.what === 'renew');
    expect(charges.map((l) => l.items[0])).toEqual([String(a.id), String(b.id)]);
    // Only the applied order's charge (the wallet difference around it), not the unknown one's.
    expect(r.charged).toEqual({ minor: charges[0]!.amountMinor, currency: 'USD' });
    expect(ctx.sim.balance()).toBe(wallet - charges[0]!.amountMinor - charges[1]!.amountMinor);
    // The unknown one is settled by reading: renewed.
    const after = await readExpiries(ctx.client, req.targets);
    expect(judgeByExpiry(before.get(`order:${b.id}`)!, after.get(`order:${b.id}`))?.state).toBe('done');
  });
});

describe('reads after an applied renewal', () => {
  it('a failing read-back never turns an applied renewal into a failure: expiry and charged unknown', async () => {
    const { sim, client } = await setup();
    const held = seededOrder(sim, (o) => o.product === 'dc' && o.status === 'on-hold');
    // Every read of the order detail and the wallet fails once the renewal was sent.
    const paid = sim.server.ledger.length;
    const original = sim.server.charge.bind(sim.server);
    sim.server.charge = (entry) => {
      original(entry);
      sim.server.injectFault({
        kind: 'status',
        status: 503,
        method: 'GET',
        path: `/user/api/orders/${held.id}$`,
        times: 0,
      });
      sim.server.injectFault({ kind: 'status', status: 503, method: 'GET', path: '/user/api/me', times: 0 });
    };
    const r = await client.renew(renewReq(held), opts);
    sim.server.clearFaults();
    expect(r.items).toEqual([expect.objectContaining({ outcome: 'applied', newExpiresAt: null, message: null })]);
    expect(r.charged).toBeNull();
    expect(sim.server.ledger.length).toBe(paid + 1);
  });
});

describe('several orders: refusals and what is not sent', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('a documented refusal on a later order is refused for that order only', async () => {
    const [a, b, c] = onHoldOrders(ctx.sim);
    b.status = 'active'; // the vendor renews on-hold orders only: 400 for this one
    const ledger = ctx.sim.server.ledger.length;
    const r = await ctx.client.renew(renewReq(a, b, c), opts);
    expect(r.items.map((i) => i.outcome)).toEqual(['applied', 'refused', 'applied']);
    expect(r.items[1]?.message).toMatch(/only when order status is on-hold/);
    const charges = ctx.sim.server.ledger.slice(ledger);
    expect(charges.map((l) => l.items[0])).toEqual([String(a.id), String(c.id)]);
    // charged counts every applied order.
    expect(r.charged?.minor).toBe(charges.reduce((s, l) => s + l.amountMinor, 0));
  });

  it('after an unknown outcome nothing more is sent: the rest is refused "Not sent"', async () => {
    const { sim, client } = await setup();
    const [a, b, c] = onHoldOrders(sim);
    sim.server.injectFault({
      kind: 'after_apply',
      answer: 'reset',
      method: 'POST',
      path: `/user/api/orders/${b.id}/renew`,
    });
    const r = await client.renew(renewReq(a, b, c), opts);
    expect(r.items.map((i) => i.outcome)).toEqual(['applied', 'unknown', 'refused']);
    expect(r.items[2]?.message).toMatch(/^Not sent: the outcome for order \d+ is not known yet/);
    expect(sim.server.requests.filter((x) => x.path === `/user/api/orders/${c.id}/renew`)).toHaveLength(0);
    expect(sim.server.ledger.map((l) => l.items[0])).toEqual([String(a.id), String(b.id)]);
  });

  it('the balance running out: refused for that order, the rest not sent, one charge', async () => {
    const { sim, client } = await setup();
    const [a, b, c] = onHoldOrders(sim);
    sim.setBalance(renewalCents(a) + 5); // enough for the first only
    const r = await client.renew(renewReq(a, b, c), opts);
    expect(r.items.map((i) => i.outcome)).toEqual(['applied', 'refused', 'refused']);
    expect(r.items[1]?.message).toMatch(/Insufficient balance/);
    expect(r.items[2]?.message).toBe('Not sent: the ProxyShard balance ran out on an earlier order.');
    expect(sim.server.ledger).toHaveLength(1);
    expect(r.charged).toEqual({ minor: renewalCents(a), currency: 'USD' });
  });
});

describe('documented refusals stay refusals: nothing charged, not uncertain', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('renew with a short balance -> insufficient_funds thrown (every order refused), empty ledger', async () => {
    const held = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.status === 'on-hold');
    ctx.sim.setBalance(3);
    const e = await ctx.client.renew(renewReq(held), opts).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'insufficient_funds', uncertain: false, httpStatus: 400 });
    expect(ctx.sim.server.ledger).toHaveLength(0);
    ctx.sim.setBalance(18_743);
  });

  it('purchaseAddon with a short balance -> insufficient_funds, empty ledger', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'US');
    ctx.sim.setBalance(0);
    await expect(ctx.client.purchaseAddon(String(dc.id), 'p0f_slots', 1, opts)).rejects.toMatchObject({
      code: 'insufficient_funds',
      uncertain: false,
    });
    expect(ctx.sim.server.ledger).toHaveLength(0);
    ctx.sim.setBalance(18_743);
  });

  it('a wrong key (401) is refused before anything runs', async () => {
    const held = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.status === 'on-hold');
    const e = await ctx
      .clientWithKey('psk_wrong_key_123')
      .renew(renewReq(held), opts)
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'invalid_credentials', uncertain: false });
    expect(ctx.sim.server.ledger).toHaveLength(0);
  });

  it('the declaration: 400/401/403/411 from ProxyShard; never 404, 429, 5xx, 200 or an unreadable body', () => {
    const err = (code: ConstructorParameters<typeof VendorError>[1], httpStatus?: number) =>
      new VendorError('proxyshard', code, httpStatus === undefined ? {} : { httpStatus });
    expect(proxyshardRefusals(err('vendor_rejected', 400))).toBe(true);
    expect(proxyshardRefusals(err('insufficient_funds', 400))).toBe(true);
    expect(proxyshardRefusals(err('invalid_credentials', 401))).toBe(true);
    expect(proxyshardRefusals(err('vendor_rejected', 403))).toBe(true);
    expect(proxyshardRefusals(err('vendor_rejected', 411))).toBe(true);
    expect(proxyshardRefusals(err('vendor_rejected', 404))).toBe(false);
    expect(proxyshardRefusals(err('rate_limited', 429))).toBe(false);
    expect(proxyshardRefusals(err('vendor_unavailable', 500))).toBe(false);
    expect(proxyshardRefusals(err('insufficient_funds', 200))).toBe(false); // 200 + success:false: undocumented
    expect(proxyshardRefusals(err('bad_response', 400))).toBe(false);
    expect(proxyshardRefusals(err('network'))).toBe(false);
  });
});
