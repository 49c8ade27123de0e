/**
 * Thordata on the purchase path (purchase.ts): S6 server upgrade (kind 'upgrade') and C1 traffic codes
 * (kind 'codes') — catalog, quote words and blocking warnings, one request per purchase, validation
 * before sending, and "applied, then a bad answer" settled by reading purchaseEvidence.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PurchaseService } from '../../../main/core/purchases/purchase-service';
import { AuditLog } from '../../../main/core/renewals/audit';
import { releaseDiskHealth } from '../../../main/core/store/disk-health';
import type { AfterApplyAnswer } from '../../../main/simulators/sim-server';
import type { ThordataClient } from '../../../main/vendors/thordata/client';
import { VENDOR_PAGE_REASON } from '../../../main/vendors/thordata/purchase';
import type { PurchaseRequest } from '../../../preload/contract/purchases';
import { AFTER_APPLY_ANSWERS, expectUnknown } from '../../helpers/post-apply';
import { tempDir } from '../../helpers/tmp';
import { makeClient, makeSim, type Sim, seen } from './helpers';

const opts = { requestId: '00000000-0000-4000-8000-0000000000c1' };
const UPGRADE = '/unlimited/upgrade';
const CREATE = '/cdk/create';
const GB_MB = 1024;

const upgrade = (serverId: string, planId: string): PurchaseRequest => ({ kind: 'upgrade', serverId, planId });
const codes = (count: number, trafficGb: number): PurchaseRequest => ({ kind: 'codes', count, trafficGb });
const fault = (answer: AfterApplyAnswer, path: string) =>
  ({ kind: 'after_apply', answer, method: 'POST', path, times: 1 }) as const;

let sim: Sim;
let client: ThordataClient;
beforeEach(async () => {
  sim = makeSim();
  await sim.listen(0);
  client = makeClient(sim);
});
afterEach(() => sim.close());

const posts = () => sim.server.requests.filter((r) => r.method === 'POST').length;

describe('thordata purchase catalog and quotes', () => {
  it('declares serverUpgrade and trafficCodesCreate, not purchase; the catalog sends plans to the website', async () => {
    expect(client.capabilities.has('serverUpgrade')).toBe(true);
    expect(client.capabilities.has('trafficCodesCreate')).toBe(true);
    expect(client.capabilities.has('purchase')).toBe(false);
    const c = await client.purchaseCatalog('acc-1');
    expect(c.products).toEqual([]);
    expect(c.vendorPage?.reason).toBe(VENDOR_PAGE_REASON);
    expect(c.vendorPage?.url).toMatch(/^https:\/\/dashboard\.thordata\.com\//);
    const bw = c.options.find((o) => o.key === 'bandwidth')!;
    const size = c.options.find((o) => o.key === 'serverSize')!;
    expect(bw.choices?.map((x) => x.value)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(bw.choices?.[2]?.label).toBe('400 Mbps');
    expect(size.choices?.map((x) => `${x.value}=${x.label}`)).toEqual([
      '2=16 vCPU/32 GiB',
      '3=32 vCPU/64 GiB',
      '4=64 vCPU/128 GiB',
      '5=8 vCPU/16 GiB',
    ]);
    expect(c.notes.join(' ')).toMatch(/price of a server upgrade in advance/);
    expect(posts()).toBe(0);
  });

  it('upgrade quote: no price in advance, the wallet read, a non-blocking note; nothing sent', async () => {
    const s = sim.state.servers[0]!;
    const q = await client.quotePurchase(upgrade(s.insId, '3:2'));
    expect(q.summary).toBe(`Upgrade ${s.planName} to 400 Mbps · 16 vCPU/32 GiB`);
    expect(q.lines).toEqual([{ label: 'Now 200 Mbps · 8 vCPU/16 GiB → 400 Mbps · 16 vCPU/32 GiB', amount: null }]);
    expect(q.total).toBeNull();
    expect(q.vendorQuoted).toBe(false);
    expect(q.spends).toBe('money');
    expect(q.balance).toEqual({ minor: 184_250, currency: 'USD' });
    expect(q.warnings.filter((w) => w.blocking)).toEqual([]);
    expect(q.warnings.find((w) => w.code === 'price_unknown')?.message).toMatch(/charges its own price/);
    expect(posts()).toBe(0);
    expect(sim.server.ledger).toHaveLength(0);
  });

  it('upgrade quote blocks an unknown server, the plan it already has, and an empty wallet', async () => {
    const unknown = await client.quotePurchase(upgrade('ins-nosuch', '3:2'));
    expect(unknown.warnings.find((w) => w.code === 'unknown_server')).toMatchObject({ blocking: true });
    expect(unknown.warnings.find((w) => w.code === 'unknown_server')?.message).toMatch(/no unlimited server/);
    const s1 = sim.state.servers[1]!; // 400 Mbps, 16 vCPU / 32 GiB
    const same = await client.quotePurchase(upgrade(s1.insId, '3:2'));
    expect(same.warnings.find((w) => w.code === 'same_plan')).toMatchObject({
      blocking: true,
      message: `${s1.planName} already has 400 Mbps · 16 vCPU/32 GiB. Pick a different bandwidth or server size.`,
    });
    const smaller = await client.quotePurchase(upgrade(s1.insId, '1:5'));
    expect(smaller.warnings.find((w) => w.code === 'smaller_plan')).toMatchObject({ blocking: false });
    const smallerSize = await client.quotePurchase(upgrade(s1.insId, '3:5'));
    expect(smallerSize.warnings.find((w) => w.code === 'smaller_plan')).toMatchObject({ blocking: false });
    const bigger = await client.quotePurchase(upgrade(s1.insId, '4:3'));
    expect(bigger.warnings.map((w) => w.code)).toEqual(['price_unknown']);
    sim.setBalance(0);
    const empty = await client.quotePurchase(upgrade(sim.state.servers[0]!.insId, '3:2'));
    expect(empty.warnings.find((w) => w.code === 'insufficient_funds')).toMatchObject({ blocking: true });
    await expect(client.quotePurchase(upgrade(s1.insId, '3:7'))).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(posts()).toBe(0);
  });

  it('codes quote: traffic needed = count × GB against the traffic left; blocks when short; spends traffic', async () => {
    const q = await client.quotePurchase(codes(3, 2));
    expect(q.summary).toBe('3 traffic codes × 2 GB (6 GB of traffic)');
    sim.state.trafficBalanceMb = 10 * GB_MB;
    const ten = await client.quotePurchase(codes(3, 2));
    expect(ten.lines).toEqual([{ label: '6 GB of traffic from the 10 GB left', amount: null }]);
    expect(q).toMatchObject({ total: null, vendorQuoted: false, spends: 'traffic', balance: null });
    expect(q.warnings.filter((w) => w.blocking)).toEqual([]);
    sim.state.trafficBalanceMb = 5 * GB_MB;
    const short = await client.quotePurchase(codes(3, 2));
    const w = short.warnings.find((x) => x.code === 'insufficient_traffic');
    expect(w?.blocking).toBe(true);
    expect(w?.message).toBe(
      'These codes need 6 GB of traffic, but the account has 5 GB left. Create fewer or smaller codes, or buy traffic at Thordata.',
    );
    expect(posts()).toBe(0);
  });
});

describe('thordata purchases: sent once, answers, evidence', () => {
  it('upgrade: one POST, one charge; reference and charged from the answer; S1 shows the new plan', async () => {
    const s = sim.state.servers[0]!;
    const req = upgrade(s.insId, '3:2');
    const before = await client.purchaseEvidence(req);
    expect(before).toEqual({ items: ['plan=200Mbps|8vCPU 16GiB'], immediate: false });
    const wallet = sim.balance();
    const a = await client.purchase(req, opts);
    expect(seen(sim, 'POST', UPGRADE)).toHaveLength(1);
    expect(sim.server.ledger).toHaveLength(1);
    expect(a.reference).toMatch(/^Thor\d{9}$/);
    expect(a.charged).toEqual({ minor: sim.server.ledger[0]!.amountMinor, currency: 'USD' });
    expect(wallet - sim.balance()).toBe(sim.server.ledger[0]!.amountMinor);
    expect((await client.purchaseEvidence(req)).items).toEqual(['plan=400Mbps|16vCPU 32GiB']);
  });

  it('codes: one POST; the traffic leaves the balance exactly once; C2 lists the new codes', async () => {
    const req = codes(3, 2);
    const before = await client.purchaseEvidence(req);
    expect(before.immediate).toBe(true);
    expect(before.items).toHaveLength(6); // every status: 3 unused, 2 used, 1 revoked
    const mb = sim.state.trafficBalanceMb;
    const a = await client.purchase(req, opts);
    expect(seen(sim, 'POST', CREATE)).toHaveLength(1);
    expect(a.created).toHaveLength(3);
    for (const c of a.created) expect(c).toMatch(/^cdk:[A-Z0-9]{16}$/);
    expect(a).toMatchObject({ reference: null, charged: null });
    expect(mb - sim.state.trafficBalanceMb).toBe(6 * GB_MB);
    const after = await client.purchaseEvidence(req);
    expect(after.items.filter((i) => !before.items.includes(i)).sort()).toEqual([...a.created].sort());
  });

  it('documented refusals stay refusals (not uncertain): no traffic left, empty wallet', async () => {
    sim.state.trafficBalanceMb = 1 * GB_MB;
    await expect(client.purchase(codes(2, 1), opts)).rejects.toMatchObject({ vendorCode: '10017', uncertain: false });
    sim.setBalance(0);
    await expect(client.purchase(upgrade(sim.state.servers[0]!.insId, '3:2'), opts)).rejects.toMatchObject({
      vendorCode: '10017',
      uncertain: false,
    });
    expect(sim.server.ledger).toHaveLength(0);
  });

  it('validation before sending: unknown server, same plan, bad plan, count or GB out of range, other kinds', async () => {
    const bad: PurchaseRequest[] = [
      upgrade('ins-nosuch', '3:2'),
      upgrade(sim.state.servers[1]!.insId, '3:2'),
      upgrade(sim.state.servers[0]!.insId, '10:5'),
      upgrade(sim.state.servers[0]!.insId, 'big'),
      codes(0, 2),
      codes(101, 2),
      codes(3, 0),
      codes(3, 1.5),
      codes(3, 100_001),
    ];
    for (const req of bad) {
      await expect(client.purchase(req, opts), JSON.stringify(req)).rejects.toMatchObject({ code: 'invalid_argument' });
    }
    for (const req of bad.slice(4)) {
      await expect(client.quotePurchase(req), JSON.stringify(req)).rejects.toMatchObject({ code: 'invalid_argument' });
    }
    const order: PurchaseRequest = {
      kind: 'order',
      productId: 'isp',
      location: 'US',
      cycleId: null,
      quantity: 1,
      promoCode: null,
      options: {},
    };
    await expect(client.purchase(order, opts)).rejects.toMatchObject({ code: 'not_supported' });
    await expect(client.quotePurchase(order)).rejects.toMatchObject({ code: 'not_supported' });
    expect(posts()).toBe(0);
    expect(sim.server.ledger).toHaveLength(0);
  });

  it('upgradeServer (the older method) uses the same single send', async () => {
    await client.upgradeServer(sim.state.servers[2]!.insId, '4:2', opts);
    expect(seen(sim, 'POST', UPGRADE)).toHaveLength(1);
    expect(sim.server.ledger).toHaveLength(1);
  });
});

describe.each(AFTER_APPLY_ANSWERS)('thordata purchases applied, then answered %s', (answer) => {
  it('upgrade: unknown, one charge, never resent; the evidence shows the new plan', async () => {
    const s = sim.state.servers[2]!;
    const req = upgrade(s.insId, '4:2');
    const before = await client.purchaseEvidence(req);
    sim.server.injectFault(fault(answer, UPGRADE));
    await expectUnknown(() => client.purchase(req, opts));
    expect(seen(sim, 'POST', UPGRADE)).toHaveLength(1);
    expect(sim.server.ledger).toHaveLength(1);
    const after = await client.purchaseEvidence(req);
    expect(after.items.filter((i) => !before.items.includes(i))).toEqual(['plan=500Mbps|16vCPU 32GiB']);
  });

  it('codes: unknown, the traffic spent once, never resent; the evidence shows the new codes', async () => {
    const req = codes(3, 2);
    const before = await client.purchaseEvidence(req);
    const mb = sim.state.trafficBalanceMb;
    sim.server.injectFault(fault(answer, CREATE));
    await expectUnknown(() => client.purchase(req, opts));
    expect(seen(sim, 'POST', CREATE)).toHaveLength(1);
    expect(mb - sim.state.trafficBalanceMb).toBe(6 * GB_MB);
    const after = await client.purchaseEvidence(req);
    const added = after.items.filter((i) => !before.items.includes(i));
    expect(added).toHaveLength(3);
    const made = sim.cdk.codes.slice(-3).map((c) => `cdk:${c.cdk}`);
    expect(added.sort()).toEqual(made.sort());
  });
});

/** The real client and simulator through the purchase core (quote → confirm → journal → settle). */
describe('thordata through the purchase core', () => {
  const ACC = '33333333-3333-4333-8333-333333333333';
  let dir: { dir: string; cleanup: () => void };
  let svc: PurchaseService;
  beforeEach(() => {
    dir = tempDir('proxydeck-thor-purchase-');
    const accounts = {
      client: async () => client,
      get: () => ({ id: ACC, vendor: 'thordata' as const, label: 'Thor shop' }),
    };
    svc = new PurchaseService({ dataDir: dir.dir, accounts, audit: new AuditLog(dir.dir), now: () => new Date() });
  });
  afterEach(() => {
    releaseDiskHealth(dir.dir);
    dir.cleanup();
  });

  it('codes: quoted without a money total, confirmed, sent once, the new codes recorded', async () => {
    const mb = sim.state.trafficBalanceMb;
    const q = await svc.quote({ selections: [{ accountId: ACC, request: codes(3, 2) }] });
    expect(q.blocked).toEqual([]);
    expect(q.totals).toEqual([]);
    const r = await svc.confirm({ quoteId: q.quoteId, totals: q.totals });
    expect(r.records[0]).toMatchObject({ state: 'done', spends: 'traffic' });
    expect(r.records[0]!.created).toHaveLength(3);
    expect(seen(sim, 'POST', CREATE)).toHaveLength(1);
    expect(mb - sim.state.trafficBalanceMb).toBe(6 * GB_MB);
  });

  it('codes: not enough traffic is blocked at the quote; nothing sent', async () => {
    sim.state.trafficBalanceMb = GB_MB;
    const q = await svc.quote({ selections: [{ accountId: ACC, request: codes(3, 2) }] });
    expect(q.parts[0]!.blocked.join(' ')).toMatch(/need 6 GB of traffic/);
    expect(posts()).toBe(0);
  });

  it('upgrade applied then answered 5xx: settled as done by reading S1; charged once', async () => {
    const s = sim.state.servers[0]!;
    sim.server.injectFault(fault('5xx_html', UPGRADE));
    const q = await svc.quote({ selections: [{ accountId: ACC, request: upgrade(s.insId, '3:2') }] });
    expect(q.unpriced).toBe(1);
    const r = await svc.confirm({ quoteId: q.quoteId, totals: q.totals, acceptUnknownPrices: true });
    expect(r.records[0]).toMatchObject({ state: 'done', created: ['plan=400Mbps|16vCPU 32GiB'] });
    expect(seen(sim, 'POST', UPGRADE)).toHaveLength(1);
    expect(sim.server.ledger).toHaveLength(1);
  });
});
