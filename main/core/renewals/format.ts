import type { Money } from '../../../preload/contract/model';
import { decimal } from './audit';

/** "12.30 USD": plain, unambiguous, no locale surprises in messages and logs. */
export function formatMoney(m: Money): string {
  return `${decimal(m)} ${m.currency}`;
}

/** Totals per currency; never adds amounts of different currencies. */
export function sumByCurrency(amounts: readonly Money[]): Money[] {
  const by = new Map<string, number>();
  for (const a of amounts) by.set(a.currency, (by.get(a.currency) ?? 0) + a.minor);
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ minor, currency }));
}

export function sameTotals(a: readonly Money[], b: readonly Money[]): boolean {
  const x = sumByCurrency(a);
  const y = sumByCurrency(b);
  return x.length === y.length && x.every((m, i) => m.currency === y[i]?.currency && m.minor === y[i]?.minor);
}

export const formatTotals = (t: readonly Money[]) => (t.length === 0 ? 'nothing' : t.map(formatMoney).join(' + '));
