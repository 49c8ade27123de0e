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

/** The array, or an empty one. */
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

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

/** Money from integer cents (ProxyShard). Cents must be whole. */
export function moneyFromCents(v: unknown, currency: string, field: string): Money {
  const n = optNum(v);
  if (n === null || !Number.isInteger(n)) throw new BadField(field, v);
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
 * Dates in every shape the vendors use, to ISO-8601 UTC:
 * ISO with offset; "YYYY-MM-DD" (midnight UTC); "YYYY-MM-DD HH:mm:ss" (UTC assumed: no vendor states
 * a zone, ProxyShard's dashboard shows UTC+0); unix seconds or milliseconds (number or digits).
 * Returns null for absent/empty values and "0000-00-00" placeholders.
 */
export function optDate(v: unknown): string | null {
  if (v === undefined || v === null || v === '' || v === 0 || v === '0') return null;
  if (typeof v === 'number' || (typeof v === 'string' && /^\d{9,13}$/.test(v.trim()))) {
    const n = Number(v);
    const ms = n < 1e11 ? n * 1000 : n;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (/^0{4}-0{2}-0{2}/.test(s)) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString();
  m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (m) return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0))).toISOString();
  m = /^(\d{4})\/(\d{2})\/(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))).toISOString();
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** An expiry that, when the field is present, must parse (a misread expiry could cost IPs). */
export function expiry(v: unknown, field: string): string | null {
  if (v === undefined || v === null || v === '') return null;
  const d = optDate(v);
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
