/**
 * No duplicate requests in a refresh (issue #12, point 1): the simulators' request logs of one refresh of
 * every vendor. YouProxy's IP list is read once; ProxyShard reads each order's detail once, and none
 * when the list already has the fields. The snapshot holds everything the plain client reads.
 */
import { MockAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHub } from '../../main/core/events';
import { RefreshService } from '../../main/core/refresh/refresh-service';
import { SIMULATOR_FACTORIES } from '../../main/simulators/registry';
import type { VendorSimulator } from '../../main/simulators/types';
import { proxyshardModule } from '../../main/vendors/proxyshard';
import { VENDOR_MODULES } from '../../main/vendors/registry';
import type { VendorClient } from '../../main/vendors/vendor-client';
import type { AccountSnapshot, VendorId } from '../../preload/contract/model';

const NOW = new Date('2026-11-23T12:00:00Z');
const VENDORS: VendorId[] = ['thordata', 'proxyshard', 'youproxy', 'bestproxy'];
const sims = new Map<VendorId, VendorSimulator>();

beforeAll(async () => {
  for (const v of VENDORS) {
    const sim = SIMULATOR_FACTORIES[v]({ seed: 5, now: () => NOW });
    await sim.listen();
    sims.set(v, sim);
  }
});
afterAll(async () => {
  await Promise.all([...sims.values()].map((s) => s.close()));
});

function clientOf(v: VendorId): VendorClient {
  const sim = sims.get(v)!;
  return VENDOR_MODULES[v].create({ credentials: sim.credentials, baseUrl: sim.baseUrl(), now: () => NOW });
}

/** One refresh of one account per vendor through the real RefreshService (in-memory store and accounts). */
async function refresh(): Promise<Map<string, AccountSnapshot>> {
  const snaps = new Map<string, AccountSnapshot>();
  const accounts = {
    list: () => VENDORS.map((id) => ({ id })),
    client: async (id: string) => clientOf(id as VendorId),
    markRefreshed: () => {},
    markRefreshFailed: (id: string, e: unknown) => {
      throw new Error(`${id} failed: ${JSON.stringify(e)}`);
    },
  };
  const store = {
    get: (id: string) => snaps.get(id) ?? null,
    put: (s: AccountSnapshot) => snaps.set(s.accountId, s),
    idle: async () => {},
    version: () => 1,
  };
  const service = new RefreshService(accounts as never, store as never, new EventHub(), () => NOW);
  service.start();
  await service.idle();
  return snaps;
}

function requestsDuring<T>(fn: () => Promise<T>): Promise<{ value: T; log: Map<VendorId, string[]> }> {
  const start = new Map(VENDORS.map((v) => [v, sims.get(v)!.server.requests.length]));
  return fn().then((value) => ({
    value,
    log: new Map(
      VENDORS.map((v) => [
        v,
        sims
          .get(v)!
          .server.requests.slice(start.get(v))
          .map((r) => `${r.method} ${r.path}`),
      ]),
    ),
  }));
}

const count = (log: string[], re: RegExp) => log.filter((l) => re.test(l)).length;

describe('one refresh, each read once', () => {
  it('YouProxy reads its IP list once; ProxyShard each order detail once and no status-filtered lists', async () => {
    const { value: snaps, log } = await requestsDuring(refresh);
    for (const v of VENDORS) expect(snaps.get(v)?.errors, v).toEqual({});

    const yp = log.get('youproxy')!;
    expect(count(yp, /\/ipAddress$/)).toBe(1);
    expect(count(yp, /\/balance$/)).toBe(1);

    const ps = log.get('proxyshard')!;
    const details = ps.filter((l) => /\/orders\/\d+$/.test(l));
    expect(new Set(details).size).toBe(details.length); // no detail read twice
    expect(details.length).toBe(snaps.get('proxyshard')!.orders.length);
    // The full list only (one page and the empty page that ends it): the IPs take their orders' status
    // from the details already read for the orders section, not from status-filtered lists.
    expect(count(ps, /\/orders$/)).toBe(2);
    expect(count(ps, /\/me$/)).toBe(1);
    // What repeats differs by query only: the two residential pools, and one IP list per DC/ISP order.
    const repeats = (l: string[]) => [...new Set(l.filter((x, i) => l.indexOf(x) !== i))].sort();
    expect(repeats(ps)).toEqual([
      'GET /user/api/orders',
      'GET /user/api/proxies/active',
      'GET /user/api/proxies/profile',
      'GET /user/api/proxies/sub-users',
    ]);
    expect(repeats(yp)).toEqual([]);
  });

  it('the snapshot holds what the plain client reads: nothing lost, nothing doubled', async () => {
    const snaps = await refresh();
    for (const v of ['proxyshard', 'youproxy'] as const) {
      const c = clientOf(v);
      const [orders, proxies] = await Promise.all([c.listOrders(), c.listProxies()]);
      const snap = snaps.get(v)!;
      expect(snap.orders).toEqual(orders);
      expect(snap.proxies).toEqual(proxies);
      expect(new Set(snap.proxies.map((p) => p.id)).size).toBe(snap.proxies.length);
    }
  });
});

describe('ProxyShard order details only where the list lacks a field', () => {
  const BASE = 'https://ps.test';
  function mock(rows: Array<Record<string, unknown>>) {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get(BASE);
    const paths: string[] = [];
    /** Records the request's path, then answers `body`. */
    const track =
      (body: unknown) =>
      (opts: { path: string }): unknown => {
        paths.push(opts.path.split('?')[0]!);
        return body;
      };
    pool
      .intercept({ path: (p) => p.startsWith('/user/api/orders?') && p.includes('offset=0'), method: 'GET' })
      .reply(200, track({ success: true, orders: rows, count: rows.length, prev: null, next: null }))
      .persist();
    pool
      .intercept({ path: (p) => p.startsWith('/user/api/orders?') && !p.includes('offset=0'), method: 'GET' })
      .reply(200, track({ success: true, orders: [], count: 0, prev: null, next: null }))
      .persist();
    pool
      .intercept({ path: '/user/api/proxies/products', method: 'GET' })
      .reply(200, track({ success: true, products: [] }))
      .persist();
    pool
      .intercept({ path: (p) => /^\/user\/api\/orders\/\d+$/.test(p), method: 'GET' })
      .reply(200, (o) => {
        const id = Number(o.path.split('/').pop());
        return track({ success: true, order: { ...full(id), quantity: 7 } })(o) as object;
      })
      .persist();
    const client = proxyshardModule.create({
      credentials: { apiKey: 'k' },
      baseUrl: BASE,
      now: () => NOW,
      transport: { dispatcher: agent, retry: { max: 0 } },
    });
    return { client, paths };
  }
  const full = (id: number) => ({
    order_id: id,
    product_name: 'Datacenter Proxy',
    cycle_name: 'monthly',
    expires_at: '2026-12-01T00:00:00Z',
    auto_renewal: true,
    tag: null,
    status: 'active',
    quantity: 5,
    price_paid: 1250,
    created_at: '2026-11-01T00:00:00Z',
  });

  it('reads no detail when every row has status, quantity, price and creation date', async () => {
    const { client, paths } = mock([full(1), full(2)]);
    const orders = await client.listOrders();
    expect(orders.map((o) => [o.id, o.status, o.quantity, o.price?.minor])).toEqual([
      ['1', 'active', 5, 1250],
      ['2', 'active', 5, 1250],
    ]);
    expect(paths.filter((p) => /\/orders\/\d+$/.test(p))).toEqual([]);
  });

  it('reads the detail of exactly the rows that lack one (the documented list lacks all four)', async () => {
    const { quantity: _q, ...noQuantity } = full(2);
    const documented = {
      order_id: 3,
      product_id: 1,
      product_name: 'Datacenter Proxy',
      cycle_id: 1,
      cycle_name: 'monthly',
      expires_at: null,
      auto_renewal: null,
      tag: null,
    };
    const { client, paths } = mock([full(1), noQuantity, documented]);
    const orders = await client.listOrders();
    expect(paths.filter((p) => /\/orders\/\d+$/.test(p)).sort()).toEqual(['/user/api/orders/2', '/user/api/orders/3']);
    expect(orders.map((o) => o.quantity)).toEqual([5, 7, 7]);
  });
});
