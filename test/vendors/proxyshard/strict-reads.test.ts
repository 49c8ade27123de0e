/**
 * Strict reads: lists of the wrong shape fail (never read as empty), every documented timestamp form
 * reads to the same instant (naive ones in UTC+0, doc §2.4), impossible dates fail, and paging past a
 * server-side page cap drops no row.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ISO_FORMS, STRING_DATE_FORMS, type StampForm } from '../../../main/simulators/proxyshard/timestamps';
import { seededOrder, setup } from './helpers';

type Ctx = Awaited<ReturnType<typeof setup>>;

/** Which documented form a raw timestamp is in (see the simulator's timestamps.ts). */
function formOf(v: string): StampForm | 'other' {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v)) return 'z';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v)) return 'z_millis';
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+\+03:00$/.test(v)) return 'plus_offset';
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+-05:30$/.test(v)) return 'minus_offset';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/.test(v)) return 'naive_micros';
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v)) return 'naive_space';
  return 'other';
}

async function raw(ctx: Ctx, path: string): Promise<Record<string, unknown>> {
  const key = (ctx.sim.credentials as { apiKey: string }).apiKey;
  const res = await fetch(`${ctx.sim.baseUrl()}/user/api${path}`, { headers: { authorization: `Bearer ${key}` } });
  return (await res.json()) as Record<string, unknown>;
}

describe('proxyshard timestamps', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
    // Some instants with milliseconds, so the fractional forms carry real digits.
    [...ctx.sim.account.orders.values()].forEach((o, i) => {
      if (o.expiresAt && i % 2 === 0) o.expiresAt = new Date(o.expiresAt.getTime() + 123);
    });
  });

  it('every ISO-8601 form of expires_at reads to the true instant', async () => {
    const page = await raw(ctx, '/orders?status=all&limit=100');
    const forms = new Set(
      (page.orders as { expires_at: string | null }[]).flatMap((o) => (o.expires_at ? [formOf(o.expires_at)] : [])),
    );
    expect([...forms].sort()).toEqual([...ISO_FORMS].sort());
    const orders = await ctx.client.listOrders();
    for (const o of ctx.sim.account.orders.values()) {
      const got = orders.find((x) => x.id === String(o.id))!;
      expect(got.expiresAt, `order ${o.id}`).toBe(o.expiresAt?.toISOString() ?? null);
      expect(got.createdAt, `order ${o.id}`).toBe(o.createdAt.toISOString());
    }
  });

  it('every "string date" form of until (per IP) reads to the true instant', async () => {
    // Whole seconds, so the forms without a fraction ("Y-m-d H:i:s") are used too.
    const dc = seededOrder(
      ctx.sim,
      (o) => o.product === 'dc' && o.ips.length >= STRING_DATE_FORMS.length && o.expiresAt?.getUTCMilliseconds() === 0,
    );
    const active = await raw(ctx, `/proxies/active?order_id=${dc.id}`);
    const forms = new Set((active.data as { until: string }[]).map((p) => formOf(p.until)));
    expect([...forms].sort()).toEqual([...STRING_DATE_FORMS].sort());
    const proxies = (await ctx.client.listProxies()).filter((p) => p.orderId === String(dc.id));
    expect(proxies.length).toBe(dc.ips.length);
    for (const p of proxies) expect(p.expiresAt).toBe(dc.expiresAt!.toISOString());
  });

  it.each([
    '2026-02-30T10:00:00Z',
    '2026-13-01T00:00:00',
    '2026-11-23 25:00:00',
    '2026-11-23T12:61:00+03:00',
    'next tuesday',
  ])('an impossible expiry (%s) is a bad_response, not a missing date', async (value) => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'US');
    dc.rawExpiresAt = value;
    try {
      await expect(ctx.client.listOrders()).rejects.toMatchObject({ code: 'bad_response' });
      await expect(ctx.client.listProxies()).rejects.toMatchObject({ code: 'bad_response' });
    } finally {
      delete dc.rawExpiresAt;
    }
  });
});

describe('proxyshard list shapes', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });
  const wrongTypes = (path: string) =>
    ctx.sim.server.injectFault({ kind: 'after_apply', answer: 'wrong_types', method: 'GET', path });

  it('orders that are not a list -> bad_response (not an empty list)', async () => {
    wrongTypes('/user/api/orders$');
    await expect(ctx.client.listOrders()).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('IPs of an order that are not a list -> bad_response', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.status === 'active');
    ctx.sim.server.injectFault({ kind: 'after_apply', answer: 'wrong_types', method: 'GET', path: '/proxies/active' });
    await expect(ctx.client.listProxies()).rejects.toMatchObject({ code: 'bad_response' });
    expect((await ctx.client.listProxies()).some((p) => p.orderId === String(dc.id))).toBe(true);
  });

  it('sub-users that are not a list -> bad_response', async () => {
    wrongTypes('/user/api/proxies/sub-users');
    await expect(ctx.client.listSubUsers()).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('add-on lines that are not a list -> bad_response', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'US');
    wrongTypes(`/user/api/orders/${dc.id}$`);
    await expect(ctx.client.listOrders()).rejects.toMatchObject({ code: 'bad_response' });
  });

  it.each(['18743.00', '187.43', 187.43, '1.8743e4'])(
    'wallet_balance %j where integer cents are documented (§2.3) -> bad_response',
    async (value) => {
      ctx.sim.account.rawWalletBalance = value;
      try {
        await expect(ctx.client.getBalance()).rejects.toMatchObject({
          code: 'bad_response',
          message: expect.stringContaining('wallet_balance'),
        });
        expect((await ctx.client.testConnection()).code).toBe('bad_response');
      } finally {
        delete ctx.sim.account.rawWalletBalance;
      }
    },
  );

  it('wallet_balance as a string of whole cents is read', async () => {
    ctx.sim.account.rawWalletBalance = '18743';
    try {
      expect((await ctx.client.getBalance()).money).toEqual({ minor: 18_743, currency: 'USD' });
    } finally {
      delete ctx.sim.account.rawWalletBalance;
    }
  });
});

describe('proxyshard paging past a server-side page cap', () => {
  it('orders: 250 orders, the server sends 7 a page although 100 are asked: none dropped', async () => {
    const { sim, client } = await setup({ maxPageSize: 7 });
    const template = seededOrder(sim, (o) => o.product === 'dc' && o.status === 'active');
    let id = 900_000;
    while (sim.account.orders.size < 250) {
      id += 3;
      sim.account.orders.set(id, { ...template, id, ips: [], addons: [] });
    }
    const seen = sim.server.requests.length;
    const orders = await client.listOrders();
    expect(orders).toHaveLength(250);
    expect(new Set(orders.map((o) => o.id))).toEqual(new Set([...sim.account.orders.keys()].map(String)));
    const pages = sim.server.requests.slice(seen).filter((r) => r.path === '/user/api/orders');
    expect(pages).toHaveLength(Math.ceil(250 / 7) + 1); // ... until an empty page
  });

  it('sub-users: 23 in one pool, 4 a page: none dropped, paging stops when the total is reached', async () => {
    const { sim, client } = await setup({ maxPageSize: 4 });
    const pool = sim.account.pools.standart!;
    const first = pool.subUsers[0]!;
    for (let i = pool.subUsers.length; i < 23; i++) pool.subUsers.push({ ...first, userId: String(80_000 + i) });
    const users = (await client.listSubUsers()).filter((u) => u.id.startsWith('standart:'));
    expect(users.map((u) => u.id).sort()).toEqual(pool.subUsers.map((u) => `standart:${u.userId}`).sort());
    const pages = sim.server.requests.filter(
      (r) => r.path === '/user/api/proxies/sub-users' && r.status === 200,
    ).length;
    expect(pages).toBe(Math.ceil(23 / 4) + Math.ceil(sim.account.pools.premium!.subUsers.length / 4));
  });
});
