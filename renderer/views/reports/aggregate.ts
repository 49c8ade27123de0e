/**
 * Turns the report rows from main into the tables and chart series of the Reports view and the
 * Dashboard spend line. Money is never added across currencies: every figure is kept per currency
 * (a converted report from main is all in one currency already). Pure, no React: unit-tested.
 */
import type { CostSource, MarginRow, SpendRow } from '../../../preload/contract/business';
import type { Money, VendorId } from '../../../preload/contract/model';
import { currencyDigits } from '../../lib/format';

export type MarginGroup = 'customer' | 'vendor';
export type SpendGroup = 'account' | 'vendor';

const COST_SOURCES: CostSource[] = ['vendor', 'journal', 'quote', 'none'];
const noSources = (): Record<CostSource, number> => ({ vendor: 0, journal: 0, quote: 0, none: 0 });

export interface MarginLine {
  /** Customer id ('' = no customer) or vendor id. */
  key: string;
  currency: string;
  revenue: Money;
  cost: Money;
  margin: Money;
  sources: Record<CostSource, number>;
}

const groupKey = (r: MarginRow, by: MarginGroup): string => (by === 'vendor' ? r.vendor : (r.customerId ?? ''));

function bucket<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (!v) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/**
 * One line per group and currency over the whole range, biggest margin first; `total` holds one line
 * per currency (key '*').
 */
export function marginLines(rows: MarginRow[], by: MarginGroup): { lines: MarginLine[]; totals: MarginLine[] } {
  const lines = new Map<string, MarginLine>();
  const totals = new Map<string, MarginLine>();
  const make = (key: string, currency: string) => (): MarginLine => ({
    key,
    currency,
    revenue: { minor: 0, currency },
    cost: { minor: 0, currency },
    margin: { minor: 0, currency },
    sources: noSources(),
  });
  const add = (key: string, field: 'revenue' | 'cost' | 'margin', m: Money) => {
    const c = m.currency.toUpperCase();
    bucket(lines, `${key}|${c}`, make(key, c))[field].minor += m.minor;
    bucket(totals, c, make('*', c))[field].minor += m.minor;
  };
  for (const r of rows) {
    const key = groupKey(r, by);
    add(key, 'revenue', r.revenue);
    add(key, 'cost', r.cost);
    add(key, 'margin', r.margin);
    const c = r.cost.currency.toUpperCase();
    const line = bucket(lines, `${key}|${c}`, make(key, c));
    const total = bucket(totals, c, make('*', c));
    for (const s of COST_SOURCES) {
      line.sources[s] += r.costSources[s] ?? 0;
      total.sources[s] += r.costSources[s] ?? 0;
    }
  }
  const order = (a: MarginLine, b: MarginLine) =>
    a.currency.localeCompare(b.currency) || b.margin.minor - a.margin.minor || a.key.localeCompare(b.key);
  return { lines: [...lines.values()].sort(order), totals: [...totals.values()].sort(order) };
}

/** Currencies a report's figures are in, sorted. */
export function currenciesOf(moneys: Money[]): string[] {
  return [...new Set(moneys.map((m) => m.currency.toUpperCase()))].sort();
}

export interface ChartSeriesDef {
  id: string;
  key: string;
}

export interface MoneyChart {
  /** One row per month: `month` plus one number (major units) per series id. */
  rows: Record<string, string | number>[];
  series: ChartSeriesDef[];
}

/** Series beyond this many are summed into one "others" series, so the chart stays readable. */
export const MAX_SERIES = 8;
export const OTHERS = '__others__';

const toMajor = (minor: number, currency: string) => minor / 10 ** currencyDigits(currency);

/**
 * Monthly chart of one currency: the biggest `MAX_SERIES` groups (by absolute amount over the range)
 * have their own series, the rest are one "others" series.
 */
function monthlyChart<R>(
  items: R[],
  months: string[],
  currency: string,
  read: (r: R) => { month: string; key: string; money: Money },
): MoneyChart {
  const perKey = new Map<string, Map<string, number>>();
  const weight = new Map<string, number>();
  for (const item of items) {
    const { month, key, money } = read(item);
    if (money.currency.toUpperCase() !== currency) continue;
    const m = bucket(perKey, key, () => new Map<string, number>());
    m.set(month, (m.get(month) ?? 0) + money.minor);
    weight.set(key, (weight.get(key) ?? 0) + Math.abs(money.minor));
  }
  const keys = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  const own = keys.length > MAX_SERIES ? keys.slice(0, MAX_SERIES - 1) : keys;
  const rest = keys.slice(own.length);
  const series: ChartSeriesDef[] = own.map((key, i) => ({ id: `s${i}`, key }));
  if (rest.length > 0) series.push({ id: `s${own.length}`, key: OTHERS });
  const rows = months.map((month) => {
    const row: Record<string, string | number> = { month };
    series.forEach((s) => {
      const ks = s.key === OTHERS ? rest : [s.key];
      const minor = ks.reduce((sum, k) => sum + (perKey.get(k)?.get(month) ?? 0), 0);
      row[s.id] = toMajor(minor, currency);
    });
    return row;
  });
  return { rows, series };
}

export function marginChart(rows: MarginRow[], months: string[], currency: string, by: MarginGroup): MoneyChart {
  return monthlyChart(rows, months, currency, (r) => ({ month: r.month, key: groupKey(r, by), money: r.margin }));
}

export interface SpendLine {
  /** Account id or vendor id. */
  key: string;
  vendor: VendorId;
  accountLabel: string;
  currency: string;
  /** Minor units per month. */
  byMonth: Record<string, number>;
  total: Money;
  sources: ('audit' | 'vendor')[];
}

const spendKey = (r: SpendRow, by: SpendGroup) => (by === 'vendor' ? r.vendor : r.accountId);

/** One line per account (or vendor) and currency, most spent first. */
export function spendLines(rows: SpendRow[], by: SpendGroup): SpendLine[] {
  const lines = new Map<string, SpendLine>();
  for (const r of rows) {
    const c = r.spent.currency.toUpperCase();
    const key = spendKey(r, by);
    const line = bucket(lines, `${key}|${c}`, () => ({
      key,
      vendor: r.vendor,
      accountLabel: r.accountLabel,
      currency: c,
      byMonth: {},
      total: { minor: 0, currency: c },
      sources: [],
    }));
    line.byMonth[r.month] = (line.byMonth[r.month] ?? 0) + r.spent.minor;
    line.total.minor += r.spent.minor;
    if (!line.sources.includes(r.source)) line.sources.push(r.source);
  }
  return [...lines.values()]
    .map((l) => ({ ...l, sources: [...l.sources].sort() }))
    .sort(
      (a, b) => a.currency.localeCompare(b.currency) || b.total.minor - a.total.minor || a.key.localeCompare(b.key),
    );
}

/** Per currency and month, everything spent (the table's total line). */
interface SpendTotal {
  currency: string;
  byMonth: Record<string, number>;
  total: Money;
}

export function spendTotals(rows: SpendRow[]): SpendTotal[] {
  const out = new Map<string, SpendTotal>();
  for (const r of rows) {
    const c = r.spent.currency.toUpperCase();
    const t = bucket<SpendTotal>(out, c, () => ({ currency: c, byMonth: {}, total: { minor: 0, currency: c } }));
    t.byMonth[r.month] = (t.byMonth[r.month] ?? 0) + r.spent.minor;
    t.total.minor += r.spent.minor;
  }
  return [...out.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export function spendChart(rows: SpendRow[], months: string[], currency: string, by: SpendGroup): MoneyChart {
  return monthlyChart(rows, months, currency, (r) => ({ month: r.month, key: spendKey(r, by), money: r.spent }));
}

/** The Dashboard line: per currency, this month's and last month's spending (only the accounts given). */
export function spendByMonth(
  rows: SpendRow[],
  thisMonth: string,
  lastMonth: string,
  accountIds: ReadonlySet<string> | null,
): { currency: string; thisMonth: Money; lastMonth: Money }[] {
  const out = new Map<string, { currency: string; thisMonth: Money; lastMonth: Money }>();
  for (const r of rows) {
    if (accountIds && !accountIds.has(r.accountId)) continue;
    if (r.month !== thisMonth && r.month !== lastMonth) continue;
    const c = r.spent.currency.toUpperCase();
    const line = bucket(out, c, () => ({
      currency: c,
      thisMonth: { minor: 0, currency: c },
      lastMonth: { minor: 0, currency: c },
    }));
    line[r.month === thisMonth ? 'thisMonth' : 'lastMonth'].minor += r.spent.minor;
  }
  return [...out.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
