/** Calendar months `YYYY-MM` in the computer's zone (as the reports' queries are). Pure, no React. */

export interface MonthRange {
  from: string;
  to: string;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (s: string): boolean => MONTH_RE.test(s);

/** The month of a time, in the computer's zone. */
export function monthOf(at: Date | number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function addMonths(month: string, n: number): string {
  const m = MONTH_RE.exec(month);
  if (!m) return month;
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to` inclusive (empty when `to` is before `from`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  if (!isMonth(from) || !isMonth(to)) return out;
  for (let m = from; m <= to && out.length < 1200; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The last `count` months ending with the month of `now`. */
export function lastMonths(count: number, now: Date | number): MonthRange {
  const to = monthOf(now);
  return { from: addMonths(to, -(count - 1)), to };
}

/** The most months one report covers (the form says so past it). */
export const MAX_RANGE_MONTHS = 36;

export type RangeProblem = 'format' | 'order' | 'tooLong' | null;

export function rangeProblem(r: MonthRange): RangeProblem {
  if (!isMonth(r.from) || !isMonth(r.to)) return 'format';
  if (r.from > r.to) return 'order';
  if (monthsBetween(r.from, r.to).length > MAX_RANGE_MONTHS) return 'tooLong';
  return null;
}

/** "Jul 2026" / "2026年7月" for a chart axis or a table header. */
export function monthLabel(month: string, language: string): string {
  const m = MONTH_RE.exec(month);
  if (!m) return month;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, 1);
  try {
    return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short' }).format(d);
  } catch {
    return month;
  }
}
