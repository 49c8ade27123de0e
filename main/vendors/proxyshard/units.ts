/**
 * ProxyShard units: money is integer US cents; traffic goes in as whole GB and comes out of
 * /proxies/profile as bytes. The sub-user outputs have no documented unit, so they are sniffed.
 */
import type { RenewPeriod } from '../../../preload/contract/model';
import { BYTE_UNITS, optNum } from '../parse';

export const CURRENCY = 'USD';
export const GIB = BYTE_UNITS.GB;

/** Unit a traffic figure set is read in. */
export type TrafficUnit = 'bytes' | 'GB';

/**
 * Decides the unit of one traffic record from its allocation (`data`). Allocations are bought and
 * moved in whole GB, so in bytes they are either 0 or at least 2^30; a positive allocation below
 * one million (or a fraction) can only be a GB count. Bytes is the documented/default reading.
 */
export function sniffTrafficUnit(allocation: unknown, ...others: unknown[]): TrafficUnit {
  const ref = optNum(allocation) ?? Math.max(0, ...others.map((v) => optNum(v) ?? 0));
  if (ref > 0 && (ref < 1_000_000 || !Number.isInteger(ref))) return 'GB';
  return 'bytes';
}

/** A traffic figure to bytes in the given unit; null when absent or unreadable. */
export function trafficBytes(v: unknown, unit: TrafficUnit): number | null {
  const n = optNum(v);
  if (n === null) return null;
  return unit === 'GB' ? Math.round(n * GIB) : Math.round(n);
}

/** Bytes to the whole GB the vendor accepts as input (nearest GB). */
export function bytesToWholeGb(bytes: number): number {
  return Math.round(bytes / GIB);
}

export function formatGb(bytes: number): string {
  const gb = bytes / GIB;
  return `${gb >= 100 ? Math.round(gb) : Math.round(gb * 10) / 10} GB`;
}

/**
 * Length in days of a billing-cycle name. Names come from /proxies/products and are not
 * enumerated by the vendor (only `monthly` is documented), so common spellings are accepted.
 */
export function cycleDays(name: string): number | null {
  const s = name
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
  if (/lifetime|forever|unlimited/.test(s)) return null;
  const n = /^(\d+)-?(day|days|d|week|weeks|w|month|months|m)$/.exec(s);
  if (n) {
    const count = Number(n[1]);
    const unit = n[2]!.charAt(0);
    return unit === 'd' ? count : unit === 'w' ? count * 7 : count * 30;
  }
  if (/half-?month/.test(s)) return 15;
  if (/^(day|daily)$/.test(s)) return 1;
  if (/^(week|weekly)$/.test(s)) return 7;
  if (/^(month|monthly)$/.test(s)) return 30;
  if (/quarter/.test(s)) return 90;
  if (/^(year|yearly|annual|annually)$/.test(s)) return 365;
  return null;
}

/** A cycle name as a RenewPeriod: the id is the vendor's own cycle name. */
export function periodOf(cycle: string): RenewPeriod {
  const days = cycleDays(cycle);
  const label = cycle.charAt(0).toUpperCase() + cycle.slice(1).replace(/[_-]+/g, ' ');
  const length = days === null ? '' : ` (${days} day${days === 1 ? '' : 's'})`;
  return { id: cycle, label: /^\d/.test(cycle) ? `${days ?? cycle} days` : `${label}${length}`, days };
}

/** The period id meaning "the order's own billing cycle" (ProxyShard renews only that). */
export const CURRENT_CYCLE = 'current';
