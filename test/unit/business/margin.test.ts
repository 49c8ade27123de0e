import { describe, expect, it } from 'vitest';
import { marginReport } from '../../../main/core/business/reports-margin';
import { business, cny, customer, meta, order, proxy, ref, snapshot, usd } from './reports-fixtures';

const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';
const NOW = new Date('2026-11-20T12:00:00.000Z');

// Order o1: 2 IPs, 2000 per 30 days → 1000 per IP-month; created in September, expires in December.
const snap = snapshot('a1', {
  orders: [
    order('o1', {
      price: usd(2000),
      quantity: 2,
      createdAt: '2026-09-05T00:00:00.000Z',
      expiresAt: '2026-12-05T00:00:00.000Z',
      renewPeriods: [{ id: '30', label: '30 days', days: 30 }],
      cycle: '30',
    }),
  ],
  proxies: [proxy('1', { orderId: 'o1' }), proxy('2', { orderId: 'o1' }), proxy('3')],
});

describe('margin report (issue 16 §2)', () => {
  it('counts each month from the assignment month to now, with the item price else the customer default', () => {
    const data = business({
      customers: [customer(C1, usd(2500))],
      items: [
        meta(ref('a1', 'ip', '1'), { customerId: C1, price: usd(4000) }),
        meta(ref('a1', 'ip', '2'), { customerId: C1 }), // customer's default 2500
      ],
    });
    const r = marginReport({
      business: data,
      snapshots: [snap],
      operations: [],
      query: { from: '2026-08', to: '2026-12' },
      now: NOW,
      timeZone: 'UTC',
    });
    expect(r.months).toEqual(['2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    // Nothing before September (created then), nothing after November (no forecast).
    expect(r.rows.map((x) => x.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    for (const row of r.rows) {
      expect(row).toMatchObject({
        customerId: C1,
        vendor: 'youproxy',
        revenue: usd(6500),
        cost: usd(2000),
        margin: usd(4500),
      });
      expect(row.costSources).toEqual({ vendor: 2, journal: 0, quote: 0, none: 0 });
    }
  });

  it('an item sold in November counts from November, not from when its order was created', () => {
    const data = business({
      customers: [customer(C1, usd(2500))],
      items: [meta(ref('a1', 'ip', '1'), { customerId: C1, assignedAt: '2026-11-02T09:00:00.000Z' })],
    });
    const r = marginReport({
      business: data,
      snapshots: [snap],
      operations: [],
      query: { from: '2026-08', to: '2026-12' },
      now: NOW,
      timeZone: 'UTC',
    });
    expect(r.rows.map((x) => x.month)).toEqual(['2026-11']);
  });

  it('uses the months of the computer zone, not UTC', () => {
    const data = business({
      items: [meta(ref('a1', 'ip', '1'), { price: usd(100), assignedAt: '2026-10-31T20:00:00.000Z' })],
    });
    const q = { from: '2026-10', to: '2026-11' };
    const utc = marginReport({
      business: data,
      snapshots: [snap],
      operations: [],
      query: q,
      now: NOW,
      timeZone: 'UTC',
    });
    const shanghai = marginReport({
      business: data,
      snapshots: [snap],
      operations: [],
      query: q,
      now: NOW,
      timeZone: 'Asia/Shanghai',
    });
    expect(utc.rows.map((x) => x.month)).toEqual(['2026-10', '2026-11']);
    expect(shanghai.rows.map((x) => x.month)).toEqual(['2026-11']); // 04:00 on 1 November there
  });

  it('never adds different currencies: one row per currency', () => {
    const data = business({
      customers: [customer(C1), customer(C2)],
      items: [
        meta(ref('a1', 'ip', '1'), { customerId: C1, price: cny(20000) }), // sold in CNY, bought in USD
        meta(ref('a1', 'ip', '2'), { customerId: C2, price: usd(3000) }),
      ],
    });
    const r = marginReport({
      business: data,
      snapshots: [snap],
      operations: [],
      query: { from: '2026-11', to: '2026-11' },
      now: NOW,
      timeZone: 'UTC',
    });
    const c1 = r.rows.filter((x) => x.customerId === C1);
    expect(c1).toHaveLength(2);
    expect(c1.find((x) => x.revenue.currency === 'CNY')).toMatchObject({
      revenue: cny(20000),
      cost: cny(0),
      margin: cny(20000),
    });
    expect(c1.find((x) => x.revenue.currency === 'USD')).toMatchObject({
      revenue: usd(0),
      cost: usd(1000),
      margin: usd(-1000),
    });
    for (const row of r.rows) {
      expect(row.revenue.currency).toBe(row.cost.currency);
      expect(row.margin.currency).toBe(row.cost.currency);
    }
    expect(r.converted).toBe(false);
  });

  it('converts at the user rates when asked, and leaves out and lists currencies without a rate', () => {
    const data = business({
      customers: [customer(C1)],
      rates: { base: 'USD', rates: [{ currency: 'CNY', perUnit: 0.14 }] },
      items: [
        meta(ref('a1', 'ip', '1'), { customerId: C1, price: cny(20000) }),
        meta(ref('a1', 'ip', '2'), { customerId: C1, price: { minor: 5000, currency: 'EUR' } }),
      ],
    });
    const r = marginReport({
      business: data,
      snapshots: [snap],
      operations: [],
      query: { from: '2026-11', to: '2026-11', convert: true },
      now: NOW,
      timeZone: 'UTC',
    });
    expect(r.converted).toBe(true);
    expect(r.missingRates).toEqual(['EUR']);
    expect(r.rows).toHaveLength(1);
    // 200 CNY = 28 USD revenue; the EUR revenue is left out; both costs are in USD.
    expect(r.rows[0]).toMatchObject({ revenue: usd(2800), cost: usd(2000), margin: usd(800) });
  });

  it('counts items without a cost as such, and leaves out items gone from the vendor', () => {
    const data = business({
      customers: [customer(C1)],
      items: [
        meta(ref('a1', 'ip', '3'), { customerId: C1, price: usd(900) }), // no order: no cost known
        meta(ref('a1', 'ip', 'gone'), { customerId: C1, price: usd(900) }),
      ],
    });
    const r = marginReport({
      business: data,
      snapshots: [snap],
      operations: [],
      query: { from: '2026-11', to: '2026-11' },
      now: NOW,
      timeZone: 'UTC',
    });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      revenue: usd(900),
      cost: usd(0),
      costSources: { vendor: 0, journal: 0, quote: 0, none: 1 },
    });
  });
});
