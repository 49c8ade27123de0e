/**
 * Lenient readers for vendor JSON. Vendors drift (numbers as strings, renamed fields, several date
 * formats), so every reader accepts the reasonable variants. What matters (money, expiry, ids)
 * fails loudly through `BadField` when present but unreadable; the client turns that into a
 * `bad_response` VendorError so nothing is shown or charged on a misread.
 */
import type { Money } from '../../preload/contract/model';

export class BadField extends Error {
  constructor(
    readonly field: string,
    readonly got: unknown,
  ) {
    super(`unreadable field "${field}"`);
    this.name = 'BadField';
  }
}

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object, or an empty one (for optional nested objects). */
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});

/** The array, or an empty one. Only for cosmetic lists: a list that matters is read with `list`. */
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * A list that matters (orders, IPs, servers, whitelist, sub-users, traffic points): absent or null is
 * an empty list; anything else that is not an array is a BadField, so the section keeps its last good
 * data and shows an error instead of silently becoming empty.
 */
export function list(v: unknown, field: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  throw new BadField(field, v);
}

/** First present (not undefined/null) value among several field names: absorbs renames. */
export function pick(o: Obj, ...keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}

/** Optional string: numbers are stringified, empty strings become null. */
export function optStr(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') return v.toString();
  return null;
}

/** A required id: must be a non-empty string or an integer. Kept as a string always. */
export function reqId(v: unknown, field: string): string {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' && Number.isInteger(v)) {
    if (!Number.isSafeInteger(v)) throw new BadField(field, v); // already corrupted upstream
    return String(v);
  }
  if (typeof v === 'bigint') return v.toString();
  throw new BadField(field, v);
}

/** Optional number: accepts numbers and numeric strings; anything else is null. */
export function optNum(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** Required number: present and numeric, else BadField. */
export function reqNum(v: unknown, field: string): number {
  const n = optNum(v);
  if (n === null) throw new BadField(field, v);
  return n;
}

/** Optional boolean: true/false, 1/0, "true"/"false", "1"/"0", "on"/"off", "yes"/"no". */
export function optBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === '1' || v === 'true' || v === 'on' || v === 'yes') return true;
  if (v === 0 || v === '0' || v === 'false' || v === 'off' || v === 'no') return false;
  return null;
}

/**
 * Decimal amount (number or string, "12.3", "12.30", "1,234.50") to integer minor units, without
 * float error: the string form is split at the point rather than multiplied.
 */
export function decimalToMinor(v: unknown, field: string, scale = 2): number {
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new BadField(field, v);
    s = v.toFixed(scale + 2); // enough digits to round correctly from a double
  } else if (typeof v === 'string' && /^\s*-?[\d,]*(\.\d+)?\s*$/.test(v) && /\d/.test(v)) {
    s = v.trim().replaceAll(',', '');
  } else {
    throw new BadField(field, v);
  }
  const neg = s.startsWith('-');
  const [intPart = '0', frac = ''] = s.replace('-', '').split('.');
  const padded = (frac + '0'.repeat(scale + 1)).slice(0, scale + 1);
  let minor = Number(intPart || '0') * 10 ** scale + Number(padded.slice(0, scale));
  if (Number(padded[scale]) >= 5) minor += 1; // half-up on the first dropped digit
  return neg ? -minor : minor;
}

/** Money from a decimal amount (YouProxy 7.18, BestProxy "12.50", Thordata 3.2). */
export function moneyFromDecimal(v: unknown, currency: string, field: string): Money {
  return { minor: decimalToMinor(v, field), currency: normCurrency(currency) };
}

/**
 * Money from integer cents (ProxyShard). Cents must be whole: a number that is an integer, or a string
 * of digits. A decimal string ("12.50", even "1250.00") is refused: it is most likely dollars, and
 * reading it as cents would be off by a factor of 100.
 */
export function moneyFromCents(v: unknown, currency: string, field: string): Money {
  if (typeof v === 'string' && !/^\s*-?\d+\s*$/.test(v)) throw new BadField(field, v);
  const n = optNum(v);
  if (n === null || !Number.isSafeInteger(n)) throw new BadField(field, v);
  return { minor: n, currency: normCurrency(currency) };
}

/** Optional money: null when absent, BadField when present but unreadable. */
export function optMoney(v: unknown, currency: string, field: string, unit: 'decimal' | 'cents'): Money | null {
  if (v === undefined || v === null || v === '') return null;
  return unit === 'cents' ? moneyFromCents(v, currency, field) : moneyFromDecimal(v, currency, field);
}

export const normCurrency = (c: string | null | undefined): string => (c ? c.trim().toUpperCase() : 'USD') || 'USD';

export const BYTE_UNITS = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 } as const;
export type ByteUnit = keyof typeof BYTE_UNITS;

/** Traffic in a vendor unit to bytes (binary multiples, as every vendor file assumes). */
export function toBytes(v: unknown, unit: ByteUnit): number | null {
  const n = optNum(v);
  return n === null ? null : Math.round(n * BYTE_UNITS[unit]);
}

/**
 * The zone a vendor's naive timestamps ("2026-11-23 12:00:00", no offset) are in: 'UTC', a fixed
 * offset like '+08:00', or an IANA zone like 'Asia/Shanghai'. Never the machine's own zone. Where a
 * vendor's docs state no zone, its folder says so (VENDORS[...].naiveTime = 'vendor') and reads them as
 * UTC wall-clock digits, which the window shows as "vendor time".
 */
export type NaiveZone = 'UTC' | `${'+' | '-'}${string}:${string}` | string;

const DATE_TIME =
  /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Offset (ms, east positive) of a zone at an instant. */
function zoneOffsetMs(zone: NaiveZone, atUtcMs: number): number {
  if (zone === 'UTC' || zone === 'Z') return 0;
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(atUtcMs));
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(atUtcMs / 1000) * 1000;
}

/**
 * Dates in every shape the vendors use, to ISO-8601 UTC: ISO with offset or Z (fractions allowed);
 * naive "YYYY-MM-DD[ HH:mm[:ss[.fff]]]" (also with "/") read in the vendor's `zone`, never the machine's;
 * unix seconds or milliseconds (number or digits). Impossible dates (month 13, hour 99, 31 February)
 * are refused (null; `expiry` turns that into a BadField). Returns null for absent/empty values and
 * "0000-00-00" placeholders.
 */
export function optDate(v: unknown, zone: NaiveZone = 'UTC'): string | null {
  if (v === undefined || v === null || v === '' || v === 0 || v === '0') return null;
  if (typeof v === 'number' || (typeof v === 'string' && /^\d{9,13}$/.test(v.trim()))) {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) return null;
    const ms = n < 1e11 ? n * 1000 : n;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (/^0{4}-0{2}-0{2}/.test(s)) return null;
  const m = DATE_TIME.exec(s);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, sec = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) =>
    x === undefined ? undefined : Number(x),
  ) as number[];
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > DAYS_IN_MONTH[mo! - 1]!) return null;
  if (mo === 2 && d === 29 && !(y! % 4 === 0 && (y! % 100 !== 0 || y! % 400 === 0))) return null;
  if (h > 23 || mi > 59 || sec > 59) return null;
  const wall = Date.UTC(y!, mo! - 1, d!, h, mi, sec) + Math.floor(frac);
  const offsetText = m[8];
  let utc: number;
  if (offsetText) {
    if (offsetText.toUpperCase() === 'Z') utc = wall;
    else {
      const o = /^([+-])(\d{2}):?(\d{2})?$/.exec(offsetText);
      if (!o || Number(o[2]) > 14 || Number(o[3] ?? 0) > 59) return null;
      utc = wall - (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3] ?? 0)) * 60_000;
    }
  } else {
    // Naive: the vendor's zone. Two passes settle the offset around a DST change.
    const first = wall - zoneOffsetMs(zone, wall);
    utc = wall - zoneOffsetMs(zone, first);
  }
  const out = new Date(utc);
  return Number.isNaN(out.getTime()) ? null : out.toISOString();
}

/** An expiry that, when the field is present, must parse (a misread expiry could cost IPs). */
export function expiry(v: unknown, field: string, zone: NaiveZone = 'UTC'): string | null {
  if (v === undefined || v === null || v === '') return null;
  const d = optDate(v, zone);
  if (d === null && !/^0{4}-0{2}-0{2}/.test(String(v))) throw new BadField(field, v);
  return d;
}

/** Flattens a vendor object to displayable strings for the detail panel (nested objects as JSON). */
export function detailsOf(o: Obj, omit: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (omit.includes(k) || v === undefined || v === null || v === '') continue;
    out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}
