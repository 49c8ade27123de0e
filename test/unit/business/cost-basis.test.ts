import { describe, expect, it } from 'vitest';
import {
  COST_ORDER,
  type CostContext,
  costCandidates,
  indexJournal,
  monthlyCost,
  orderPeriodDays,
  renewalPrice,
  snapshotMap,
} from '../../../main/core/business/cost-basis';
import type { AccountSnapshot } from '../../../preload/contract/model';
import { at, operation, order, proxy, ref, snapshot, usd } from './reports-fixtures';

const ctxOf = (snaps: AccountSnapshot[], ops = [] as ReturnType<typeof operation>[]): CostContext => {
  const snapshots = snapshotMap(snaps);
  return { snapshots, journal: indexJournal(ops, snapshots) };
};

describe('cost basis per item (issue 16 §2)', () => {
  it('keeps the documented order: vendor price, last renewal charge, last quote', () => {
    expect(COST_ORDER).toEqual(['vendor', 'journal', 'quote']);
  });

  it('prefers the vendor price over the journal and the quote, then falls back in that order', () => {
    const ip = ref('a1', 'ip', '1');
    const withOrder = snapshot('a1', {
      orders: [order('o1', { price: usd(3000), quantity: 3, createdAt: at(-30), expiresAt: at(0) })],
      proxies: [proxy('1', { orderId: 'o1' })],
    });
    const charged = operation('a1', { kind: 'ip', id: '1' }, usd(1500), { at: at(-60), days: 30 });
    const quotedOnly = operation('a1', { kind: 'ip', id: '1' }, usd(1800), { at: at(-10), days: 30, state: 'failed' });
    const ops = [charged, quotedOnly];

    // All three known: the vendor's (3000 / 3 IPs for 30 days).
    expect(monthlyCost(ctxOf([withOrder], ops), ip)).toEqual({ source: 'vendor', perMonth: usd(1000) });
    expect(costCandidates(ctxOf([withOrder], ops), ip).map((c) => c.source)).toEqual(['vendor', 'journal', 'quote']);
    // No vendor price: the last charged renewal, not the later (failed) quote.
    const bare = snapshot('a1', { proxies: [proxy('1')] });
    expect(monthlyCost(ctxOf([bare], ops), ip)).toEqual({ source: 'journal', perMonth: usd(1500) });
    // Nothing charged: the last quote.
    expect(monthlyCost(ctxOf([bare], [quotedOnly]), ip)).toEqual({ source: 'quote', perMonth: usd(1800) });
    expect(monthlyCost(ctxOf([bare]), ip)).toEqual({ source: 'none', perMonth: null });
  });

  it('normalizes to 30 days from the current cycle, else from createdAt → expiresAt', () => {
    const cycled = order('o1', {
      price: usd(9000),
      cycle: '90',
      renewPeriods: [
        { id: '30', label: '30 days', days: 30 },
        { id: '90', label: '90 days', days: 90 },
      ],
      createdAt: at(-10),
      expiresAt: at(0),
    });
    expect(orderPeriodDays(cycled)).toBe(90);
    const dated = order('o2', { price: usd(700), createdAt: at(-7), expiresAt: at(0) });
    expect(orderPeriodDays(dated)).toBe(7);
    const ctx = ctxOf([snapshot('a1', { orders: [cycled, dated] })]);
    expect(monthlyCost(ctx, ref('a1', 'order', 'o1')).perMonth).toEqual(usd(3000));
    expect(monthlyCost(ctx, ref('a1', 'order', 'o2')).perMonth).toEqual(usd(3000));
    // The runway needs one period's price, not a month's.
    expect(renewalPrice(ctx, ref('a1', 'order', 'o1'))).toEqual({ source: 'vendor', perPeriod: usd(9000) });
  });

  it('skips a vendor price without a known period for the monthly cost, but uses it for the renewal price', () => {
    const o = order('o1', { price: usd(5000) }); // no cycle, no dates
    const op = operation('a1', { kind: 'order', id: 'o1' }, usd(4000), { at: at(-40), days: 30 });
    const ctx = ctxOf([snapshot('a1', { orders: [o] })], [op]);
    expect(monthlyCost(ctx, ref('a1', 'order', 'o1'))).toEqual({ source: 'journal', perMonth: usd(4000) });
    expect(renewalPrice(ctx, ref('a1', 'order', 'o1'))).toEqual({ source: 'vendor', perPeriod: usd(5000) });
  });

  it('takes the journal period from the offered periods when the expiry change is unknown', () => {
    const op = operation('a1', { kind: 'server', id: 's1' }, usd(6000), { at: at(-5), periodId: 'm2' });
    op.items[0]!.newExpiresAt = null;
    op.quote.items[0]!.newExpiresAt = null;
    const snap = snapshot('a1', {
      orders: [order('x', { renewPeriods: [{ id: 'm2', label: '60 days', days: 60 }] })],
    });
    expect(monthlyCost(ctxOf([snap], [op]), ref('a1', 'server', 's1'))).toEqual({
      source: 'journal',
      perMonth: usd(3000),
    });
  });

  it('an IP of an order without a quantity has no vendor price', () => {
    const snap = snapshot('a1', {
      orders: [order('o1', { price: usd(3000), createdAt: at(-30), expiresAt: at(0) })],
      proxies: [proxy('1', { orderId: 'o1' })],
    });
    expect(renewalPrice(ctxOf([snap]), ref('a1', 'ip', '1'))).toEqual({ source: 'none', perPeriod: null });
  });
});
