import { describe, expect, it } from 'vitest';
import type { MarginRow, SpendRow } from '../../preload/contract/business';
import {
  MAX_SERIES,
  marginChart,
  marginLines,
  OTHERS,
  spendByMonth,
  spendChart,
  spendLines,
  spendTotals,
} from '../../renderer/views/reports/aggregate';
import { addMonths, lastMonths, monthsBetween, rangeProblem } from '../../renderer/views/reports/months';
import { parseRate, ratesText } from '../../renderer/views/reports/rates-text';

/** The Reports view's own arithmetic: what it adds up (never across currencies) and how it groups. */

const usd = (minor: number) => ({ minor, currency: 'USD' });
const cny = (minor: number) => ({ minor, currency: 'CNY' });
const src = (vendor = 0, journal = 0, quote = 0, none = 0) => ({ vendor, journal, quote, none });

function margin(
  month: string,
  customerId: string | null,
  vendor: MarginRow['vendor'],
  r: number,
  c: number,
  cur = 'USD',
) {
  const m = (minor: number) => ({ minor, currency: cur });
  return { month, customerId, vendor, revenue: m(r), cost: m(c), margin: m(r - c), costSources: src(1) };
}

describe('months', () => {
  it('steps over year ends and lists a range inclusively', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2027-02', '2026-11')).toEqual([]);
  });

  it('the default range is the last 6 months ending this month (the computer’s zone)', () => {
    expect(lastMonths(6, new Date(2026, 1, 15))).toEqual({ from: '2025-09', to: '2026-02' });
    expect(lastMonths(1, new Date(2026, 6, 1))).toEqual({ from: '2026-07', to: '2026-07' });
  });

  it('says what is wrong with a range', () => {
    expect(rangeProblem({ from: '2026-01', to: '2026-06' })).toBeNull();
    expect(rangeProblem({ from: '', to: '2026-06' })).toBe('format');
    expect(rangeProblem({ from: '2026-07', to: '2026-06' })).toBe('order');
    expect(rangeProblem({ from: '2020-01', to: '2026-06' })).toBe('tooLong');
  });
});

describe('margin', () => {
  const rows: MarginRow[] = [
    margin('2026-05', 'a', 'proxyshard', 1000, 300),
    margin('2026-06', 'a', 'proxyshard', 1000, 300),
    margin('2026-06', 'a', 'thordata', 500, 100),
    margin('2026-06', 'b', 'thordata', 2000, 2500),
    margin('2026-06', 'b', 'thordata', 7000, 1000, 'CNY'),
    margin('2026-06', null, 'bestproxy', 0, 400),
  ];

  it('one line per customer and currency over the range; totals per currency, never mixed', () => {
    const { lines, totals } = marginLines(rows, 'customer');
    const a = lines.find((l) => l.key === 'a' && l.currency === 'USD')!;
    expect(a.revenue).toEqual(usd(2500));
    expect(a.cost).toEqual(usd(700));
    expect(a.margin).toEqual(usd(1800));
    expect(a.sources).toEqual(src(3));
    const bUsd = lines.find((l) => l.key === 'b' && l.currency === 'USD')!;
    expect(bUsd.margin).toEqual(usd(-500));
    expect(lines.find((l) => l.key === 'b' && l.currency === 'CNY')!.margin).toEqual(cny(6000));
    expect(lines.find((l) => l.key === '')!.margin).toEqual(usd(-400));
    expect(totals).toEqual([
      expect.objectContaining({ currency: 'CNY', revenue: cny(7000), margin: cny(6000) }),
      expect.objectContaining({ currency: 'USD', revenue: usd(4500), cost: usd(3600), margin: usd(900) }),
    ]);
  });

  it('per vendor groups the same rows by vendor', () => {
    const { lines } = marginLines(rows, 'vendor');
    expect(lines.find((l) => l.key === 'thordata' && l.currency === 'USD')!.margin).toEqual(usd(-100));
    expect(lines.find((l) => l.key === 'proxyshard')!.margin).toEqual(usd(1400));
  });

  it('the chart is per month in one currency, in major units', () => {
    const chart = marginChart(rows, ['2026-05', '2026-06'], 'USD', 'customer');
    const idOf = (key: string) => chart.series.find((s) => s.key === key)!.id;
    expect(chart.rows[0]).toMatchObject({ month: '2026-05', [idOf('a')]: 7 });
    expect(chart.rows[1]).toMatchObject({ month: '2026-06', [idOf('a')]: 11, [idOf('b')]: -5, [idOf('')]: -4 });
    // The CNY row is not in the USD chart.
    expect(chart.rows[1]![idOf('b')]).toBe(-5);
  });

  it('past MAX_SERIES groups the smallest are one "others" series', () => {
    const many = Array.from({ length: MAX_SERIES + 3 }, (_, i) =>
      margin('2026-06', `c${i}`, 'thordata', (i + 1) * 100, 0),
    );
    const chart = marginChart(many, ['2026-06'], 'USD', 'customer');
    expect(chart.series).toHaveLength(MAX_SERIES);
    const others = chart.series.find((s) => s.key === OTHERS)!;
    // The four smallest (c0..c3: 1 + 2 + 3 + 4 dollars) are summed.
    expect(chart.rows[0]![others.id]).toBe(10);
  });
});

describe('spending', () => {
  const row = (
    month: string,
    accountId: string,
    vendor: SpendRow['vendor'],
    minor: number,
    source: SpendRow['source'],
    cur = 'USD',
  ) => ({
    month,
    vendor,
    accountId,
    accountLabel: `${accountId} shop`,
    spent: { minor, currency: cur },
    source,
  });
  const rows: SpendRow[] = [
    row('2026-05', 'x', 'proxyshard', 1200, 'audit'),
    row('2026-06', 'x', 'proxyshard', 800, 'vendor'),
    row('2026-06', 'y', 'proxyshard', 500, 'audit'),
    row('2026-06', 'z', 'youproxy', 9900, 'audit', 'CNY'),
  ];

  it('per account and currency, by month, with where each came from', () => {
    const lines = spendLines(rows, 'account');
    const x = lines.find((l) => l.key === 'x')!;
    expect(x.byMonth).toEqual({ '2026-05': 1200, '2026-06': 800 });
    expect(x.total).toEqual(usd(2000));
    expect(x.sources).toEqual(['audit', 'vendor']);
    expect(lines.map((l) => l.currency)).toEqual(['CNY', 'USD', 'USD']);
  });

  it('per vendor adds the accounts of one vendor, per currency', () => {
    const lines = spendLines(rows, 'vendor');
    expect(lines.find((l) => l.key === 'proxyshard')!.total).toEqual(usd(2500));
    expect(spendTotals(rows)).toEqual([
      { currency: 'CNY', byMonth: { '2026-06': 9900 }, total: cny(9900) },
      { currency: 'USD', byMonth: { '2026-05': 1200, '2026-06': 1300 }, total: usd(2500) },
    ]);
    const chart = spendChart(rows, ['2026-05', '2026-06'], 'USD', 'vendor');
    expect(chart.series).toEqual([{ id: 's0', key: 'proxyshard' }]);
    expect(chart.rows[1]).toEqual({ month: '2026-06', s0: 13 });
  });

  it('the Dashboard line: this month and last month per currency, only for the accounts shown', () => {
    expect(spendByMonth(rows, '2026-06', '2026-05', null)).toEqual([
      { currency: 'CNY', thisMonth: cny(9900), lastMonth: cny(0) },
      { currency: 'USD', thisMonth: usd(1300), lastMonth: usd(1200) },
    ]);
    expect(spendByMonth(rows, '2026-06', '2026-05', new Set(['y']))).toEqual([
      { currency: 'USD', thisMonth: usd(500), lastMonth: usd(0) },
    ]);
  });
});

describe('rates', () => {
  it('takes a number above 0 with a point or a comma, nothing else', () => {
    expect(parseRate('0.14')).toBe(0.14);
    expect(parseRate(' 7,25 ')).toBe(7.25);
    expect(parseRate('0')).toBeNull();
    expect(parseRate('-1')).toBeNull();
    expect(parseRate('1e3')).toBeNull();
    expect(parseRate('')).toBeNull();
  });

  it('says which rates a converted report used', () => {
    const rates = {
      base: 'USD',
      rates: [
        { currency: 'CNY', perUnit: 0.14 },
        { currency: 'EUR', perUnit: 1.0825 },
      ],
    };
    expect(ratesText(rates, 'en')).toBe('1 CNY = 0.14 USD, 1 EUR = 1.0825 USD');
  });
});
