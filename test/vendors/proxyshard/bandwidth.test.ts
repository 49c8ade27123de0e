/**
 * ProxyShard residential traffic for a per-GB residential order (doc §3.3 #19 add-bandwidth, units §2.5):
 * a purchase of kind 'addon' with addonKey `bandwidth_gb` (quantity = whole GB). No documented price
 * check (total null, said in words), the checks before sending, one request and one charge, documented
 * refusals, and "applied, then a bad answer" settled by the pool's traffic read from #20; through the
 * purchase core too (the unknown price must be accepted; a lost answer is settled by reading).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PurchaseService } from '../../../main/core/purchases/purchase-service';
import { AuditLog } from '../../../main/core/renewals/audit';
import { releaseDiskHealth } from '../../../main/core/store/disk-health';
import { isVendorError, type VendorError } from '../../../main/vendors/errors';
import { BANDWIDTH_PRICE_NOTE } from '../../../main/vendors/proxyshard/bandwidth';
import type { PurchaseRequest } from '../../../preload/contract/purchases';
import { AFTER_APPLY_ANSWERS, expectUnknown } from '../../helpers/post-apply';
import { tempDir } from '../../helpers/tmp';
import { GIB, seededOrder, setup } from './helpers';

type Ctx = Awaited<ReturnType<typeof setup>>;
const opts = { requestId: '00000000-0000-4000-8000-0000000000b1' };
const gb = (orderId: number | string, quantity: number): PurchaseRequest => ({
  kind: 'addon',
  orderId: String(orderId),
  addonKey: 'bandwidth_gb',
  quantity,
});
const sentTo = (ctx: Ctx, path: string) =>
  ctx.sim.server.requests.filter((r) => r.method === 'POST' && r.path === `/user/api${path}`).length;
const bandwidthPosts = (ctx: Ctx) =>
  ctx.sim.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/add-bandwidth')).length;

async function caught(p: Promise<unknown>): Promise<VendorError> {
  try {
    await p;
  } catch (e) {
    if (isVendorError(e)) return e;
    throw e;
  }
  throw new Error('expected a VendorError');
}

describe('residential traffic (#19): price, checks before sending, purchase', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('quotePurchase: no price in advance (total null, said in words), the wallet, nothing charged', async () => {
    const std = seededOrder(ctx.sim, (o) => o.product === 'standart');
    const q = await ctx.client.quotePurchase(gb(std.id, 5));
    expect(q).toEqual({
      total: null,
      vendorQuoted: false,
      lines: [{ label: '+5 GB Standart residential traffic', amount: null }],
      balance: { minor: 18_743, currency: 'USD' },
      warnings: [{ code: 'price_unknown', message: BANDWIDTH_PRICE_NOTE, blocking: false }],
      promo: null,
      summary: `5 GB of Standart residential traffic for order ${std.id}`,
      spends: 'money',
    });
    expect(q.warnings[0]!.message).toMatch(/^ProxyShard does not tell this price in advance/);
    expect(ctx.sim.server.ledger).toHaveLength(0);
    expect(bandwidthPosts(ctx)).toBe(0);
  });

  it('an empty wallet blocks the purchase', async () => {
    const prem = seededOrder(ctx.sim, (o) => o.product === 'premium');
    ctx.sim.setBalance(0);
    const q = await ctx.client.quotePurchase(gb(prem.id, 1));
    ctx.sim.setBalance(18_743);
    expect(q.summary).toBe(`1 GB of Premium residential traffic for order ${prem.id}`);
    expect(q.warnings.filter((w) => w.blocking)).toEqual([
      {
        code: 'insufficient_funds',
        message: 'Your ProxyShard wallet is empty. Top up at ProxyShard, then try again.',
        blocking: true,
      },
    ]);
  });

  it('DC, ISP and Unmetered orders, a bad order id or 0 GB are refused before anything is sent', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc');
    const isp = seededOrder(ctx.sim, (o) => o.product === 'isp');
    const unm = seededOrder(ctx.sim, (o) => o.product === 'unmetered');
    const std = seededOrder(ctx.sim, (o) => o.product === 'standart');
    for (const req of [gb(dc.id, 1), gb(isp.id, 1), gb(unm.id, 1), gb('abc', 1), gb(std.id, 0)]) {
      expect((await caught(ctx.client.quotePurchase(req))).code).toBe('invalid_argument');
      expect((await caught(ctx.client.purchase(req, opts))).code).toBe('invalid_argument');
      expect((await caught(ctx.client.purchaseEvidence(req))).code).toBe('invalid_argument');
    }
    const e = await caught(ctx.client.purchase(gb(unm.id, 1), opts));
    expect(e.message).toMatch(/adds traffic to Standart and Premium residential orders only/);
    expect(bandwidthPosts(ctx)).toBe(0);
    expect(ctx.sim.server.ledger).toHaveLength(0);
  });

  it('purchase: {amount: GB} sent once, one charge; the pool total rises by that many GB (not immediate)', async () => {
    const std = seededOrder(ctx.sim, (o) => o.product === 'standart');
    const req = gb(std.id, 5);
    const before = await ctx.client.purchaseEvidence(req);
    expect(before).toEqual({ items: [`standart:data=${20 * GIB}`], immediate: false });
    const a = await ctx.client.purchase(req, opts);
    expect(a).toEqual({ reference: null, charged: null, created: [], message: 'Order paid successfully' });
    const w = ctx.sim.writes.at(-1)!;
    expect(w.path).toBe(`/user/api/orders/${std.id}/add-bandwidth`);
    expect(JSON.parse(w.body)).toEqual({ amount: 5 });
    expect(sentTo(ctx, `/orders/${std.id}/add-bandwidth`)).toBe(1);
    expect(ctx.sim.server.ledger).toEqual([
      expect.objectContaining({ what: 'add-bandwidth', items: [String(std.id)], amountMinor: 1000 }),
    ]);
    expect(await ctx.client.purchaseEvidence(req)).toEqual({
      items: [`standart:data=${25 * GIB}`],
      immediate: false,
    });
  });

  it('a short wallet is a documented refusal (400): not applied, not uncertain, nothing charged', async () => {
    const prem = seededOrder(ctx.sim, (o) => o.product === 'premium');
    const charges = ctx.sim.server.ledger.length;
    ctx.sim.setBalance(100);
    const e = await caught(ctx.client.purchase(gb(prem.id, 2), opts));
    ctx.sim.setBalance(18_743);
    expect(e).toMatchObject({ code: 'insufficient_funds', uncertain: false, httpStatus: 400 });
    expect(ctx.sim.server.ledger.length).toBe(charges);
    expect((await ctx.client.purchaseEvidence(gb(prem.id, 2))).items).toEqual([`premium:data=${3 * GIB}`]);
  });
});

describe.each(AFTER_APPLY_ANSWERS)('add-bandwidth (#19) applied, then answered "%s"', (answer) => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('one request, one charge, outcome unknown, then the pool total shows the new traffic', async () => {
    const prem = seededOrder(ctx.sim, (o) => o.product === 'premium');
    const req = gb(prem.id, 3);
    const path = `/orders/${prem.id}/add-bandwidth`;
    const before = await ctx.client.purchaseEvidence(req);
    ctx.sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path });
    await expectUnknown(() => ctx.client.purchase(req, opts));
    expect(sentTo(ctx, path)).toBe(1);
    expect(ctx.sim.server.ledger).toEqual([expect.objectContaining({ what: 'add-bandwidth', amountMinor: 900 })]);
    const after = await ctx.client.purchaseEvidence(req);
    expect(after.items.filter((i) => !before.items.includes(i))).toEqual([`premium:data=${6 * GIB}`]);
  });
});

describe('through the purchase core: unknown price accepted, a lost answer settled by reading', () => {
  const ACCOUNT = '33333333-3333-4333-8333-333333333333';
  let ctx: Ctx;
  let svc: PurchaseService;
  let dir: string;
  let cleanup: () => void;
  beforeAll(async () => {
    ctx = await setup();
    ({ dir, cleanup } = tempDir('proxydeck-ps-bandwidth-'));
    const accounts = {
      client: async () => ctx.client,
      get: () => ({ id: ACCOUNT, vendor: 'proxyshard' as const, label: 'Shop' }),
    };
    const refresh = { start: (ids?: string[]) => ids ?? [] };
    svc = new PurchaseService({
      dataDir: dir,
      accounts,
      audit: new AuditLog(dir),
      refresh,
      now: () => ctx.sim.server.now(),
    });
  });
  afterAll(() => {
    releaseDiskHealth(dir);
    cleanup();
  });

  const buy = async (orderId: number) => {
    const q = await svc.quote({ selections: [{ accountId: ACCOUNT, request: gb(orderId, 2) }] });
    expect(q.unpriced).toBe(1);
    expect(q.totals).toEqual([]);
    await expect(svc.confirm({ quoteId: q.quoteId, totals: q.totals }, () => {})).rejects.toThrow();
    const r = await svc.confirm({ quoteId: q.quoteId, totals: q.totals, acceptUnknownPrices: true }, () => {});
    return r.records[0]!;
  };

  it('applied, then the answer lost: done by the pool total, one request, one charge', async () => {
    const std = seededOrder(ctx.sim, (o) => o.product === 'standart');
    const path = `/orders/${std.id}/add-bandwidth`;
    ctx.sim.server.injectFault({ kind: 'after_apply', answer: 'reset', method: 'POST', path });
    const rec = await buy(std.id);
    expect(rec).toMatchObject({ state: 'done', created: [`standart:data=${22 * GIB}`] });
    expect(sentTo(ctx, path)).toBe(1);
    expect(ctx.sim.server.ledger).toEqual([expect.objectContaining({ what: 'add-bandwidth', amountMinor: 400 })]);
  });

  it('not applied (503 before it ran), then unknown: the wallet unchanged says nothing was bought; not resent', async () => {
    const std = seededOrder(ctx.sim, (o) => o.product === 'standart');
    const path = `/orders/${std.id}/add-bandwidth`;
    const sent = sentTo(ctx, path);
    ctx.sim.server.injectFault({ kind: 'status', status: 503, method: 'POST', path });
    const rec = await buy(std.id);
    expect(rec.state).toBe('failed');
    expect(rec.message).toBe('Proxydeck checked with ProxyShard: nothing was bought. You can try again.');
    expect(sentTo(ctx, path)).toBe(sent + 1);
    expect(ctx.sim.server.ledger).toHaveLength(1);
  });
});
