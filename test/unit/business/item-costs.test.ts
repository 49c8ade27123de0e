/**
 * reports:itemCosts — each item's cost per month and its source, for a customer's page: the same figure
 * as the margin report (cost-basis.ts), in the order asked, 'none' when nothing knows it.
 */
import { describe, expect, it } from 'vitest';
import { reportsHandlers } from '../../../main/core/operations/reports-handlers';
import { ItemCostsQuerySchema } from '../../../preload/contract/business';
import { requestSchemas } from '../../../preload/contract/channels';
import { business, NOW, operation, order, proxy, ref, server, snapshot, usd } from './reports-fixtures';

const snap = snapshot('a1', {
  orders: [
    order('o1', {
      price: usd(6000),
      quantity: 3,
      createdAt: '2026-10-01T00:00:00.000Z',
      expiresAt: '2026-12-05T00:00:00.000Z',
      renewPeriods: [{ id: '60', label: '60 days', days: 60 }],
      cycle: '60',
    }),
  ],
  proxies: [proxy('1', { orderId: 'o1' }), proxy('2')],
  servers: [server('s1'), server('s2')],
});

function handlers() {
  return reportsHandlers({
    business: () => business(),
    accounts: () => [{ id: 'a1', label: 'A', vendor: 'youproxy' }],
    snapshots: () => [snap],
    capabilities: () => new Set(),
    operations: () => [
      operation('a1', { kind: 'server', id: 's1' }, usd(900), { at: '2026-11-01T00:00:00.000Z', days: 30 }),
      operation('a1', { kind: 'ip', id: '2' }, usd(300), { at: '2026-11-02T00:00:00.000Z', days: 15, state: 'failed' }),
    ],
    audit: () => [],
    purchases: () => [],
    runwayDays: () => 30,
    now: () => NOW,
    timeZone: 'UTC',
  });
}

describe('reports:itemCosts', () => {
  it('gives each item its monthly cost and which source it came from, in the order asked', async () => {
    const items = [
      ref('a1', 'ip', '1'), // vendor: 6000 ÷ 3 per 60 days → 1000 a month
      ref('a1', 'order', 'o1'), // vendor: 6000 per 60 days → 3000 a month
      ref('a1', 'server', 's1'), // last renewal charged: 900 per 30 days
      ref('a1', 'ip', '2'), // last quote only: 300 per 15 days → 600
      ref('a1', 'server', 's2'), // nothing known
    ];
    const out = await handlers()['reports:itemCosts']({ items });
    expect(out).toEqual([
      { key: 'a1|ip|1', perMonth: usd(1000), source: 'vendor' },
      { key: 'a1|order|o1', perMonth: usd(3000), source: 'vendor' },
      { key: 'a1|server|s1', perMonth: usd(900), source: 'journal' },
      { key: 'a1|ip|2', perMonth: usd(600), source: 'quote' },
      { key: 'a1|server|s2', perMonth: null, source: 'none' },
    ]);
  });

  it('takes at most 200 000 items, and only item references', () => {
    const one = { accountId: '11111111-1111-4111-8111-111111111111', kind: 'ip', id: '1' };
    expect(requestSchemas['reports:itemCosts'].safeParse([{ items: [one] }]).success).toBe(true);
    expect(ItemCostsQuerySchema.safeParse({ items: Array(200_001).fill(one) }).success).toBe(false);
    expect(ItemCostsQuerySchema.safeParse({ items: [{ ...one, kind: 'car' }] }).success).toBe(false);
  });
});
