import { beforeAll, describe, expect, it } from 'vitest';
import { VendorError } from '../../../main/vendors/errors';
import type { VendorClient } from '../../../main/vendors/vendor-client';
import type { RenewTarget } from '../../../preload/contract/model';
import { NOW, seededOrder, setup } from './helpers';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const target = (id: number, expiresAt: Date | null = null): RenewTarget => ({
  kind: 'order',
  id: String(id),
  label: `order ${id}`,
  expiresAt: expiresAt?.toISOString() ?? null,
});

describe('proxyshard reads', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup({ maxPageSize: 3 });
  });

  it('testConnection reads /me and shows the balance in dollars', async () => {
    expect(await ctx.client.testConnection()).toEqual({
      ok: true,
      message: 'Connected. Balance $187.43.',
      balance: { minor: 18743, currency: 'USD' },
    });
  });

  it('testConnection with a wrong key says so without throwing', async () => {
    const r = await ctx.clientWithKey('wrong-key-123456').testConnection();
    expect(r.ok).toBe(false);
    expect(r.code).toBe('invalid_credentials');
    expect(r.message).toMatch(/did not accept the API key/);
  });

  it('getBalance: wallet cents -> Money, residential bytes summed over both pools', async () => {
    const b = await ctx.client.getBalance();
    expect(b.money).toEqual({ minor: 18_743, currency: 'USD' });
    const pools = ctx.sim.account.pools;
    const remain = (p: { dataBytes: number; spentBytes: number }) => p.dataBytes - p.spentBytes;
    expect(b.trafficRemainingBytes).toBe(remain(pools.standart!) + remain(pools.premium!));
    expect(b.note).toMatch(/Standart residential: .* GB left; Premium residential/);
  });

  it('listOrders pages until an empty page (server cap 3 < limit 100) and merges the detail of every order', async () => {
    const orders = await ctx.client.listOrders();
    expect(orders).toHaveLength(ctx.sim.account.orders.size);
    // maxPageSize 3 forces several pages.
    const pages = ctx.sim.server.requests.filter((r) => r.path === '/user/api/orders').length;
    expect(pages).toBeGreaterThanOrEqual(4);
    for (const o of orders) {
      expect(typeof o.id).toBe('string');
      if (o.expiresAt) expect(o.expiresAt).toMatch(ISO);
    }
    const onHold = seededOrder(ctx.sim, (o) => o.status === 'on-hold' && o.product === 'isp');
    const mapped = orders.find((o) => o.id === String(onHold.id))!;
    expect(mapped).toMatchObject({
      kind: 'isp',
      product: 'ISP Proxy',
      status: 'on-hold',
      quantity: onHold.quantity,
      price: { minor: onHold.pricePaid, currency: 'USD' },
      tag: 'client-acme',
      autoRenew: false,
      expiresAt: onHold.expiresAt!.toISOString(),
    });
    expect(mapped.renewPeriods?.map((p) => p.id)).toEqual(['monthly']);
    const lifetime = orders.find((o) => o.product === 'Standart Residential Proxy')!;
    expect(lifetime).toMatchObject({ kind: 'residential', expiresAt: null, renewPeriods: [{ id: 'lifetime' }] });
    expect(orders.filter((o) => o.status === 'cancelled')).toHaveLength(1);
  });

  it('listProxies: IPs with credentials of active and on-hold DC/ISP orders only', async () => {
    const proxies = await ctx.client.listProxies();
    const expected = [...ctx.sim.account.orders.values()]
      .filter((o) => (o.product === 'dc' || o.product === 'isp') && o.status !== 'cancelled')
      .reduce((s, o) => s + o.ips.length, 0);
    expect(proxies).toHaveLength(expected);
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'DE');
    const ip = dc.ips[0]!;
    expect(proxies.find((p) => p.ip === ip.ip)).toEqual({
      id: `${ip.ip}:${ip.httpPort}`,
      ip: ip.ip,
      host: ip.ip,
      httpPort: ip.httpPort,
      socksPort: ip.socksPort,
      protocol: 'http+socks5',
      username: ip.username,
      password: ip.password,
      country: null,
      kind: 'datacenter',
      // `until` comes as "YYYY-MM-DD HH:mm:ss" (UTC) and is normalized.
      expiresAt: dc.expiresAt!.toISOString(),
      orderId: String(dc.id),
      status: 'active',
      autoRenew: true,
    });
    const held = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.status === 'on-hold');
    expect(proxies.filter((p) => p.orderId === String(held.id)).every((p) => p.status === 'expired')).toBe(true);
  });

  it('listSubUsers: both pools, ids carry the pool, bytes as sent (server cap 3 pages past it)', async () => {
    const seen = ctx.sim.server.requests.length;
    const users = await ctx.client.listSubUsers();
    const pools = ctx.sim.account.pools;
    expect(pools.standart!.subUsers.length).toBeGreaterThan(3);
    expect(users).toHaveLength(pools.standart!.subUsers.length + pools.premium!.subUsers.length);
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
    const pages = ctx.sim.server.requests.slice(seen).filter((r) => r.path === '/user/api/proxies/sub-users');
    expect(pages.length).toBe(3); // standart: 3 + 1 (count = 4 agrees), premium: 2
    const u = pools.premium!.subUsers[0]!;
    expect(users.find((x) => x.id === `premium:${u.userId}`)).toMatchObject({
      username: u.firstName,
      limitBytes: u.dataBytes,
      usedBytes: u.spentBytes,
      limitUnlimited: false,
      status: 'active',
    });
  });

  it('renewalPeriods: "current" first, then the cycle names of renewable products', async () => {
    const periods = await ctx.client.renewalPeriods('order');
    expect(periods[0]).toEqual({ id: 'current', label: 'Current billing cycle', days: null });
    expect(periods.map((p) => p.id)).toEqual(['current', 'daily', '3days', 'weekly', 'half-monthly', 'monthly']);
    expect(periods.find((p) => p.id === 'monthly')?.days).toBe(30);
    expect(await ctx.client.renewalPeriods('ip')).toEqual([]);
  });

  it('quoteAddon uses the vendor add-on calculate (cents)', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'US');
    const q = await ctx.client.quoteAddon(String(dc.id), 'p0f_slots', 3);
    expect(q.total).toEqual({ minor: 90, currency: 'USD' });
    expect(q.details).toMatchObject({ current_qty: '4', new_qty: '7', price_per_unit: '30' });
  });
});

describe('proxyshard renewals', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('quoteRenewal prices an on-hold order with the vendor calculate endpoint', async () => {
    const held = seededOrder(ctx.sim, (o) => o.product === 'isp' && o.status === 'on-hold');
    const before = ctx.sim.server.requests.length;
    const q = await ctx.client.quoteRenewal({ targets: [target(held.id, held.expiresAt)], periodId: 'current' });
    // ISP monthly $2 x qty + p0f next period (2 slots x 60c after the pending downgrade).
    const expected = 200 * held.quantity + 2 * 60;
    expect(q.vendorQuoted).toBe(true);
    expect(q.total).toEqual({ minor: expected, currency: 'USD' });
    expect(q.items[0]?.price).toEqual({ minor: expected, currency: 'USD' });
    expect(q.items[0]?.newExpiresAt).toMatch(ISO);
    expect(q.balance).toEqual({ minor: 18_743, currency: 'USD' });
    expect(q.warnings).toEqual([]);
    const calc = ctx.sim.server.requests.slice(before).filter((r) => r.path === '/user/api/orders/calculate');
    expect(calc).toHaveLength(1);
    expect(ctx.sim.server.ledger).toHaveLength(0);
  });

  it('quoteRenewal blocks active orders, lifetime plans, other cycles and a short balance', async () => {
    const active = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.status === 'active');
    const resi = seededOrder(ctx.sim, (o) => o.product === 'standart');
    const q = await ctx.client.quoteRenewal({ targets: [target(active.id), target(resi.id)], periodId: 'weekly' });
    const codes = q.warnings.filter((w) => w.blocking).map((w) => w.code);
    expect(codes).toContain('not_on_hold');
    expect(codes).toContain('not_renewable');
    expect(codes).toContain('period_mismatch');
    ctx.sim.setBalance(5);
    const held = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.status === 'on-hold');
    const q2 = await ctx.client.quoteRenewal({ targets: [target(held.id)], periodId: 'current' });
    expect(q2.warnings.find((w) => w.code === 'insufficient_funds')?.blocking).toBe(true);
    ctx.sim.setBalance(18_743);
  });

  it('quoteRenewal falls back to a labelled estimate when calculate refuses', async () => {
    const held = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.status === 'on-hold');
    ctx.sim.server.injectFault({ kind: 'status', status: 400, path: '/orders/calculate' });
    // A 400 with an HTML body is still a refusal, not a crash.
    const q = await ctx.client.quoteRenewal({ targets: [target(held.id)], periodId: 'current' });
    expect(q.vendorQuoted).toBe(false);
    expect(q.total.minor).toBe(held.pricePaid);
    expect(q.warnings.map((w) => w.code)).toEqual(['estimate']);
  });

  it('renew pays an on-hold order once, moves expiry forward, sends {}', async () => {
    const held = seededOrder(ctx.sim, (o) => o.product === 'isp' && o.status === 'on-hold');
    const price = 200 * held.quantity + 2 * 60;
    const r = await ctx.client.renew({ targets: [target(held.id)], periodId: 'current' }, { requestId: 'r-1' });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ outcome: 'applied', message: null });
    // The vendor's answer has no amount: the wallet difference around the renewal is what was charged.
    expect(r.charged).toEqual({ minor: price, currency: 'USD' });
    expect(r.items[0]?.newExpiresAt).toBe(new Date(NOW.getTime() + 30 * 86_400_000).toISOString());
    expect(ctx.sim.balance()).toBe(18_743 - price);
    expect(ctx.sim.server.ledger.filter((l) => l.what === 'renew')).toEqual([
      expect.objectContaining({ amountMinor: price, items: [String(held.id)] }),
    ]);
    const write = ctx.sim.writes.find((w) => w.path === `/user/api/orders/${held.id}/renew`);
    expect(write).toMatchObject({ body: '{}', contentLength: '2' });
    expect(held.status).toBe('active');
  });

  it('renew of an active order is refused by the vendor (on-hold only), nothing charged', async () => {
    const active = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.status === 'active');
    const charges = ctx.sim.server.ledger.length;
    const err = await ctx.client
      .renew({ targets: [target(active.id)], periodId: 'current' }, { requestId: 'r-2' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorError);
    expect(err).toMatchObject({ code: 'vendor_rejected', vendorCode: '400' });
    expect((err as Error).message).toMatch(/only when order status is on-hold/);
    expect(ctx.sim.server.ledger.length).toBe(charges);
  });

  it("renew with a cycle other than the order's is rejected before any money moves", async () => {
    const held = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.status === 'on-hold');
    const writes = ctx.sim.writes.length;
    await expect(
      ctx.client.renew({ targets: [target(held.id)], periodId: 'monthly' }, { requestId: 'r-3' }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(ctx.sim.writes.length).toBe(writes);
  });

  it('renew with a short balance -> insufficient_funds, no charge', async () => {
    const held = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.status === 'on-hold');
    ctx.sim.setBalance(10);
    await expect(
      ctx.client.renew({ targets: [target(held.id)], periodId: 'current' }, { requestId: 'r-4' }),
    ).rejects.toMatchObject({ code: 'insufficient_funds', vendorCode: '400' });
    expect(ctx.sim.balance()).toBe(10);
    expect(held.status).toBe('on-hold');
    ctx.sim.setBalance(18_743);
  });

  it('renew rejects IP targets (ProxyShard renews whole orders)', async () => {
    await expect(
      ctx.client.renew(
        { targets: [{ kind: 'ip', id: '1.2.3.4', label: '1.2.3.4', expiresAt: null }], periodId: 'current' },
        { requestId: 'r-5' },
      ),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('proxyshard order writes', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('setAutoRenew sends auto_renewal as a query parameter with a {} body', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.autoRenewal === false && o.status === 'active');
    await ctx.client.setAutoRenew({ kind: 'order', ids: [String(dc.id)], enabled: true });
    expect(dc.autoRenewal).toBe(true);
    const w = ctx.sim.writes.at(-1)!;
    expect(w).toMatchObject({
      path: `/user/api/orders/edit-auto-renewal/${dc.id}`,
      query: 'auto_renewal=true',
      body: '{}',
    });
    await ctx.client.setAutoRenew({ kind: 'order', ids: [String(dc.id)], enabled: false });
    expect(dc.autoRenewal).toBe(false);
  });

  it('setAutoRenew on a residential order -> vendor_rejected with the vendor message', async () => {
    const resi = seededOrder(ctx.sim, (o) => o.product === 'premium');
    await expect(
      ctx.client.setAutoRenew({ kind: 'order', ids: [String(resi.id)], enabled: true }),
    ).rejects.toMatchObject({
      code: 'vendor_rejected',
      vendorCode: '400',
      message: expect.stringMatching(/Invalid product/),
    });
  });

  it('setOrderTag sets and clears (clear = "none")', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc');
    await ctx.client.setOrderTag(String(dc.id), 'team-b');
    expect(dc.tag).toBe('team-b');
    await ctx.client.setOrderTag(String(dc.id), null);
    expect(ctx.sim.writes.at(-1)?.body).toBe('{"tag":"none"}');
    expect(dc.tag).toBeNull();
  });

  it('changeBillingCycle changes the cycle; an unavailable cycle is a 403 refusal', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.cycle === 'monthly' && o.status === 'active');
    await ctx.client.changeBillingCycle(String(dc.id), 'weekly');
    expect(dc.cycle).toBe('weekly');
    await expect(ctx.client.changeBillingCycle(String(dc.id), 'yearly')).rejects.toMatchObject({
      code: 'vendor_rejected',
      vendorCode: '403',
    });
  });

  it('purchaseAddon charges once and adds slots', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'US');
    const before = dc.addons[0]!.qty;
    await ctx.client.purchaseAddon(String(dc.id), 'p0f_slots', 2, { requestId: 'a-1' });
    expect(dc.addons[0]!.qty).toBe(before + 2);
    expect(ctx.sim.server.ledger.filter((l) => l.what === 'addon')).toHaveLength(1);
    expect(ctx.sim.writes.at(-1)?.body).toBe('{"addon_key":"p0f_slots","add_qty":2}');
  });

  it('rejects non-numeric order ids before any request', async () => {
    const n = ctx.sim.server.requests.length;
    await expect(ctx.client.setOrderTag('../me', 'x')).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(ctx.sim.server.requests.length).toBe(n);
  });
});

describe('proxyshard unsupported features', () => {
  it('whitelist, traffic history and unlimited servers are not_supported and not declared', async () => {
    const { client: concrete } = await setup();
    const client: VendorClient = concrete;
    for (const cap of ['whitelist', 'whitelistEdit', 'traffic', 'trafficHourly', 'unlimitedServers'] as const) {
      expect(client.capabilities.has(cap)).toBe(false);
    }
    await expect(client.listWhitelist()).rejects.toMatchObject({ code: 'not_supported' });
    await expect(client.getTraffic({ from: '2026-11-01', to: '2026-11-23', granularity: 'day' })).rejects.toMatchObject(
      {
        code: 'not_supported',
      },
    );
  });
});

describe('proxyshard module and scale', () => {
  it('checkCredentials explains a bad key shape in plain words', async () => {
    const { proxyshardModule } = await import('../../../main/vendors/proxyshard');
    expect(proxyshardModule.checkCredentials({ apiKey: 'psk_live_abcdefgh12' })).toBeNull();
    expect(proxyshardModule.checkCredentials({})).toMatch(/Enter your ProxyShard API key/);
    expect(proxyshardModule.checkCredentials({ apiKey: 'Bearer abcdefghijk' })).toMatch(/without the word "Bearer"/);
    expect(proxyshardModule.capabilities.has('renewQuote')).toBe(true);
  });

  it('ipCount scales the inventory to thousands of IPs', async () => {
    const { client } = await setup({ ipCount: 2_000 });
    const proxies = await client.listProxies();
    // The cancelled order's IPs are gone; every other static IP is listed once.
    expect(proxies.length).toBeGreaterThan(1_800);
    expect(new Set(proxies.map((p) => p.id)).size).toBe(proxies.length);
  });
});
