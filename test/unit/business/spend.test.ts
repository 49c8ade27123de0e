import { describe, expect, it } from 'vitest';
import { spendLine, spendReport } from '../../../main/core/business/reports-spend';
import { auditRow, cny, order, snapshot, usd } from './reports-fixtures';

const accounts = [
  { id: 'a1', label: 'Shop A', vendor: 'youproxy' as const },
  { id: 'a2', label: 'Shop B', vendor: 'proxyshard' as const },
];

describe('spending report (issue 16 §4)', () => {
  it('counts each operation once: a later reconcile replaces the figure, dated at the first row', () => {
    const audit = [
      // Unknown at first (nothing known charged), settled in November as charged 1200: counted in October, when it was sent.
      auditRow({
        at: '2026-10-31T23:00:00.000Z',
        operationId: 'op1',
        action: 'renew',
        charged: null,
        result: 'uncertain',
      }),
      auditRow({ at: '2026-11-02T10:00:00.000Z', operationId: 'op1', action: 'reconcile', charged: usd(1200) }),
      // Charged 500 and confirmed by a reconcile with the same figure: still 500, not 1000.
      auditRow({ at: '2026-11-05T10:00:00.000Z', operationId: 'op2', action: 'renew', charged: usd(500) }),
      auditRow({ at: '2026-11-06T10:00:00.000Z', operationId: 'op2', action: 'reconcile', charged: usd(500) }),
      // A retry is its own operation.
      auditRow({ at: '2026-11-07T10:00:00.000Z', operationId: 'op3', action: 'retry', charged: usd(300) }),
      // Settled as "nothing was charged".
      auditRow({ at: '2026-11-08T10:00:00.000Z', operationId: 'op4', action: 'renew', charged: usd(999) }),
      auditRow({ at: '2026-11-09T10:00:00.000Z', operationId: 'op4', action: 'reconcile', charged: null }),
    ];
    const r = spendReport({
      audit,
      snapshots: [],
      accounts,
      query: { from: '2026-10', to: '2026-11' },
      timeZone: 'UTC',
    });
    expect(r.months).toEqual(['2026-10', '2026-11']);
    expect(r.rows).toEqual([
      {
        month: '2026-10',
        vendor: 'youproxy',
        accountId: 'a1',
        accountLabel: 'Shop A',
        spent: usd(1200),
        source: 'audit',
      },
      {
        month: '2026-11',
        vendor: 'youproxy',
        accountId: 'a1',
        accountLabel: 'Shop A',
        spent: usd(800),
        source: 'audit',
      },
    ]);
  });

  it("adds the vendor's order history without the orders Proxydeck bought", () => {
    const audit = [
      auditRow({
        at: '2026-11-03T10:00:00.000Z',
        operationId: 'buy1',
        action: 'buy',
        accountId: 'a2',
        vendor: 'proxyshard',
        reference: 'ord-bought',
        items: [{ kind: 'purchase:static', id: 'ord-bought', label: '5 IPs', state: 'done' }],
        charged: usd(2500),
      }),
    ];
    const snap = snapshot('a2', {
      orders: [
        order('ord-bought', { createdAt: '2026-11-03T10:00:05.000Z', price: usd(2500) }),
        order('ord-created', { createdAt: '2026-11-04T00:00:00.000Z', price: usd(4000) }), // listed in the purchase record
        order('ord-web', { createdAt: '2026-11-10T00:00:00.000Z', price: usd(700) }), // bought on the vendor's site
        order('ord-unpaid', { createdAt: '2026-11-11T00:00:00.000Z', price: usd(100), status: 'pending' }),
        order('ord-cny', { createdAt: '2026-11-12T00:00:00.000Z', price: cny(5000) }),
        order('ord-old', { createdAt: '2026-09-01T00:00:00.000Z', price: usd(100) }),
      ],
    });
    const r = spendReport({
      audit,
      snapshots: [snap],
      accounts,
      purchases: [{ accountId: 'a2', reference: 'x', created: ['ord-created'] }],
      query: { from: '2026-11', to: '2026-11' },
      timeZone: 'UTC',
    });
    const shardRows = r.rows.map((x) => [x.source, x.spent]);
    expect(shardRows).toEqual([
      ['audit', usd(2500)],
      ['vendor', cny(5000)],
      ['vendor', usd(700)],
    ]);
  });

  it("gives the Dashboard's this month / last month line from the same report, per currency", () => {
    const audit = [
      auditRow({ at: '2026-10-15T10:00:00.000Z', operationId: 'a', charged: usd(100) }),
      auditRow({ at: '2026-11-01T10:00:00.000Z', operationId: 'b', charged: usd(200) }),
      auditRow({
        at: '2026-11-02T10:00:00.000Z',
        operationId: 'c',
        charged: cny(300),
        accountId: 'a2',
        vendor: 'proxyshard',
      }),
      auditRow({ at: '2026-09-02T10:00:00.000Z', operationId: 'd', charged: usd(5) }),
    ];
    const line = spendLine({ audit, snapshots: [], accounts, timeZone: 'UTC' }, new Date('2026-11-20T00:00:00.000Z'));
    expect(line).toEqual({ month: '2026-11', thisMonth: [cny(300), usd(200)], lastMonth: [usd(100)] });
  });
});
