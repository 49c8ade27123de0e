/**
 * Strict reads: lists of the wrong shape are bad_response (never an empty list); every timestamp form
 * BestProxy's doc allows reads to the same instant (naive "Y-m-d H:i:s" in vendor time = UTC, ISO-8601,
 * unix seconds); impossible dates are bad_response; paging drops no row under a server-side page cap.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BestproxySimulator } from '../../../main/simulators/bestproxy';
import { PATHS } from '../../../main/vendors/bestproxy/constants';
import { mapOrderRow, orderTimes } from '../../../main/vendors/bestproxy/mappers';
import { mapOrderFacts } from '../../../main/vendors/bestproxy/mappers-renewal';
import { MAX_PAGES, readAllPages } from '../../../main/vendors/bestproxy/pagination';
import { obj } from '../../../main/vendors/parse';
import { clientFor, NOW, startSim, vendorError } from './helpers';

let sim: BestproxySimulator;
beforeEach(async () => {
  sim = await startSim();
});
afterEach(() => sim.close());

const seconds = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();
const NAIVE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const hits = (path: string) => sim.server.requests.filter((r) => r.path === path).length;

describe('a list of the wrong shape is bad_response, not an empty list', () => {
  const wrongShape = (path: string) =>
    sim.server.injectFault({ kind: 'after_apply', answer: 'wrong_types', method: 'GET', path });

  it.each([
    ['proxy accounts', PATHS.accountList, () => clientFor(sim).listSubUsers()],
    ['allowlist', PATHS.ipList, () => clientFor(sim).listWhitelist()],
    ['static IPs', PATHS.staticIps, () => clientFor(sim).listProxies()],
    ['packages', PATHS.packageList, () => clientFor(sim).listOrders()],
    ['orders', PATHS.orderList, () => clientFor(sim).listOrders()],
    [
      'traffic',
      PATHS.usageTotal,
      () => clientFor(sim).getTraffic({ from: '2026-11-01', to: '2026-11-02', granularity: 'day' }),
    ],
    ['payment methods', PATHS.paymentList, () => clientFor(sim).renewalPeriods('ip')],
  ] as const)('%s', async (_name, path, read) => {
    wrongShape(path);
    const e = await vendorError(read);
    expect(e.code).toBe('bad_response');
  });

  it('a price check whose ip_result is not a list', async () => {
    const ip = sim.state.ips.find((i) => i.productType === 14)!;
    sim.server.injectFault({ kind: 'after_apply', answer: 'wrong_types', path: PATHS.orderCheck });
    const e = await vendorError(() =>
      clientFor(sim).quoteRenewal({
        targets: [{ kind: 'ip', id: String(ip.id), label: ip.ip, expiresAt: null }],
        periodId: '1m',
      }),
    );
    expect(e.code).toBe('bad_response');
  });

  it('an absent list is empty', async () => {
    sim.state.whitelist = [];
    expect(await clientFor(sim).listWhitelist()).toEqual([]);
  });
});

describe('every timestamp form reads to the same instant', () => {
  it('static IP expiries: "Y-m-d H:i:s" (vendor time, UTC) and ISO-8601 both appear and read to the truth', async () => {
    const raw = (await clientFor(sim).staticIpRows()).map(obj);
    const forms = raw.map((r) => String(r.expired_at));
    expect(forms.some((f) => NAIVE.test(f))).toBe(true);
    expect(forms.some((f) => ISO_Z.test(f))).toBe(true);
    const px = await clientFor(sim).listProxies();
    for (const p of px) {
      const truth = sim.state.ips.find((i) => String(i.id) === p.id)!;
      expect(p.expiresAt, p.id).toBe(seconds(truth.expiredAt));
    }
  });

  it('orders: created_at and pay_at in both forms, pay_timestamp in unix seconds: one instant each', async () => {
    const rows = (await clientFor(sim).orders()).map(obj);
    expect(rows.some((r) => NAIVE.test(String(r.created_at)))).toBe(true);
    expect(rows.some((r) => ISO_Z.test(String(r.created_at)))).toBe(true);
    let paid = 0;
    for (const row of rows) {
      const truth = sim.state.orders.find((o) => o.tradeNo === row.trade_no)!;
      expect(mapOrderRow(row).createdAt).toBe(seconds(truth.createdAt));
      if (!truth.payAt) continue;
      paid++;
      expect(typeof row.pay_timestamp).toBe('number');
      expect(orderTimes(row).paidAt).toBe(seconds(truth.payAt));
      // pay_at alone and pay_timestamp alone say the same instant
      expect(orderTimes({ pay_at: row.pay_at }).paidAt).toBe(orderTimes({ pay_timestamp: row.pay_timestamp }).paidAt);
      expect(mapOrderFacts(row).paidAt).toBe(seconds(truth.payAt));
    }
    expect(paid).toBeGreaterThan(2);
  });

  it('price check ip_result times in both forms read to the simulator’s old and new expiry', async () => {
    const ips = sim.state.ips.filter((i) => i.productType === 25 && i.expiredAt > NOW).slice(0, 2);
    expect(new Set(ips.map((i) => i.id % 2)).size).toBe(2); // one of each form
    const q = await clientFor(sim).quoteRenewal({
      targets: ips.map((i) => ({ kind: 'ip' as const, id: String(i.id), label: i.ip, expiresAt: null })),
      periodId: '1m',
    });
    for (const [n, ip] of ips.entries()) {
      const next = new Date(ip.expiredAt);
      next.setUTCMonth(next.getUTCMonth() + 1);
      expect(q.items[n]!.newExpiresAt).toBe(seconds(next));
    }
  });

  it('naive times do not depend on the machine’s zone', async () => {
    const was = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const px = await clientFor(sim).listProxies();
      const truth = sim.state.ips[0]!;
      expect(px.find((p) => p.id === String(truth.id))!.expiresAt).toBe(seconds(truth.expiredAt));
    } finally {
      if (was === undefined) delete process.env.TZ;
      else process.env.TZ = was;
    }
  });
});

describe('impossible dates are bad_response', () => {
  it.each(['2026-02-30 10:00:00', '2026-13-01 00:00:00', '2026-11-23 99:00:00', '2026-11-31T10:00:00Z'])(
    'static IP expiry %s',
    async (text) => {
      sim.state.ips[3]!.expiryText = text;
      const e = await vendorError(() => clientFor(sim).listProxies());
      expect(e.code).toBe('bad_response');
      expect(e.message).toMatch(/expired_at/);
    },
  );
});

describe('paging under a server-side page cap drops no row', () => {
  it('static IPs (#24, answer undocumented): read until an empty page', async () => {
    const big = await startSim({ ipCount: 333 });
    try {
      big.setPaging({ cap: 7 }); // the client asks 200 per page
      const px = await clientFor(big).listProxies();
      expect(new Set(px.map((p) => p.id)).size).toBe(333);
      expect(big.server.requests.filter((r) => r.path === PATHS.staticIps)).toHaveLength(Math.ceil(333 / 7) + 1);
    } finally {
      await big.close();
    }
  });

  it('packages (#14) and orders (#27) with page counts computed from the asked size: totals decide, not total_page', async () => {
    sim.setPaging({ cap: 2, totalsFrom: 'requested' }); // total_page says 1, total_count says the truth
    const orders = await clientFor(sim).listOrders();
    const unpaidLoose = sim.state.orders.filter(
      (o) => o.status === 0 && !sim.state.packages.some((p) => p.tradeNo === o.tradeNo),
    ).length;
    expect(orders).toHaveLength(sim.state.packages.length + unpaidLoose);
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length);
    // stopped as soon as total_count rows arrived: no extra empty-page request
    expect(hits(PATHS.packageList)).toBe(Math.ceil(sim.state.packages.length / 2));
    expect(hits(PATHS.orderList)).toBe(Math.ceil(sim.state.orders.length / 2));
  });

  it('a stated total larger than what arrives: keeps paging until an empty page', async () => {
    const pages = [[1, 2], [3], []];
    const rows = await readAllPages({ stopAt: 'total' }, async (n) => ({ list: pages[n - 1], total_count: 99 }));
    expect(rows).toEqual([1, 2, 3]);
  });

  it('a server that ignores the page number is read once, not a thousand times', async () => {
    let calls = 0;
    const rows = await readAllPages({ stopAt: 'empty' }, async () => {
      calls++;
      return { list: [{ id: 1 }, { id: 2 }] };
    });
    expect(rows).toHaveLength(2);
    expect(calls).toBe(2);
    expect(MAX_PAGES).toBe(1000);
  });

  it('bounded: an endless vendor stops at MAX_PAGES', async () => {
    let calls = 0;
    await readAllPages({ stopAt: 'empty' }, async (n) => {
      calls++;
      return { list: [{ id: n }] };
    });
    expect(calls).toBe(MAX_PAGES);
  });
});
