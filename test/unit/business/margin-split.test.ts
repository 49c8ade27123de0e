/**
 * Margin when an order and some of its IPs are both in the report: each IP with its own record carries
 * its share (order price ÷ quantity) and the order only the rest, so the order's cost is counted once.
 */
import { describe, expect, it } from 'vitest';
import { marginReport } from '../../../main/core/business/reports-margin';
import { business, customer, meta, order, proxy, ref, snapshot, usd } from './reports-fixtures';

const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';
const NOW = new Date('2026-11-20T12:00:00.000Z');

// Order o1: 4 IPs, 4000 per 30 days → 1000 per IP-month.
const snap = snapshot('a1', {
  orders: [
    order('o1', {
      price: usd(4000),
      quantity: 4,
      createdAt: '2026-11-01T00:00:00.000Z',
      expiresAt: '2026-12-05T00:00:00.000Z',
      renewPeriods: [{ id: '30', label: '30 days', days: 30 }],
      cycle: '30',
    }),
  ],
  proxies: ['1', '2', '3', '4'].map((id) => proxy(id, { orderId: 'o1' })),
});

const report = (items: ReturnType<typeof meta>[]) =>
  marginReport({
    business: business({ customers: [customer(C1), customer(C2)], items }),
    snapshots: [snap],
    operations: [],
    query: { from: '2026-11', to: '2026-11' },
    now: NOW,
    timeZone: 'UTC',
  });

describe('margin of an order and its own IPs', () => {
  it('the order carries only the IPs without their own record; the IPs carry their share', () => {
    const r = report([
      meta(ref('a1', 'order', 'o1'), { customerId: C1, price: usd(6000) }),
      meta(ref('a1', 'ip', '1'), { customerId: C2, price: usd(1500) }),
    ]);
    const byCustomer = new Map(r.rows.map((x) => [x.customerId, x]));
    expect(byCustomer.get(C2)).toMatchObject({ revenue: usd(1500), cost: usd(1000), margin: usd(500) });
    expect(byCustomer.get(C1)).toMatchObject({ revenue: usd(6000), cost: usd(3000), margin: usd(3000) });
    // The order's cost is counted once in all.
    expect(r.rows.reduce((s, x) => s + x.cost.minor, 0)).toBe(4000);
  });

  it('an order whose IPs all have their own record costs nothing more; an IP without a customer or price does not count', () => {
    const all = report([
      meta(ref('a1', 'order', 'o1'), { customerId: C1 }),
      ...['1', '2', '3', '4'].map((id) => meta(ref('a1', 'ip', id), { customerId: C2 })),
    ]);
    expect(all.rows.reduce((s, x) => s + x.cost.minor, 0)).toBe(4000);
    expect(all.rows.find((x) => x.customerId === C1)?.cost).toEqual(usd(0));

    const bare = report([
      meta(ref('a1', 'order', 'o1'), { customerId: C1 }),
      meta(ref('a1', 'ip', '2'), { customerId: null, price: null, keep: true }),
    ]);
    expect(bare.rows.find((x) => x.customerId === C1)?.cost).toEqual(usd(4000));
  });
});
