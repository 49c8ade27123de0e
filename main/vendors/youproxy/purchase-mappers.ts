/**
 * Mappers for YouProxy's buying reads and the order answer (youproxy.md §3.1, §3.3, §3.5, §3.6, §3.10).
 * The shapes of /proxyType, /country and /mobileOperator were never retrieved: they are read leniently
 * (a list under any of a few keys, items as strings or objects), but a list that matters (countries)
 * must be found, else `bad_response`. Money and the order answer are strict.
 */
import type { Money } from '../../../preload/contract/model';
import { countryCode } from '../country';
import {
  BadField,
  isObj,
  list,
  normCurrency,
  type Obj,
  optBool,
  optDate,
  optMoney,
  optNum,
  optStr,
  pick,
} from '../parse';
import { canonicalProxyType, PROXY_TYPES, YOUPROXY_ZONE, type YpProxyType } from './constants';

/** The first key of `body` that holds a list, among `keys` (a present non-list value is a misread list). */
function listAt(body: Obj, keys: readonly string[]): unknown[] | null {
  for (const k of keys) {
    const v = body[k];
    if (v === undefined || v === null) continue;
    return list(v, k);
  }
  return null;
}

/** GET /proxyType (shape undocumented): strings or objects naming a type; none readable → the four fixed types. */
export function mapProxyTypes(body: Obj): YpProxyType[] {
  const raw = listAt(body, ['proxyTypes', 'proxyType', 'types', 'data', 'list']);
  const types = new Set<YpProxyType>();
  for (const item of raw ?? []) {
    const v = isObj(item) ? pick(item, 'proxyType', 'type', 'name', 'code', 'value') : item;
    const t = canonicalProxyType(v);
    if (t) types.add(t);
  }
  // youproxy.md §3.1: parse defensively, fall back to the four documented values.
  if (types.size === 0) return [...PROXY_TYPES];
  return PROXY_TYPES.filter((t) => types.has(t));
}

export interface YpCountry {
  /** As the order request sends it (alpha-3, upper case). */
  code: string;
  label: string;
}

/** GET /country?proxyType= (shape undocumented): a list of codes or `{code|alpha3|countryCode, name}`. */
export function mapCountries(body: Obj): YpCountry[] {
  const raw = listAt(body, ['countries', 'country', 'data', 'list', 'items']);
  if (raw === null) throw new BadField('countries', undefined);
  const out = new Map<string, YpCountry>();
  raw.forEach((item, i) => {
    const code = optStr(isObj(item) ? pick(item, 'code', 'alpha3', 'countryCode', 'iso3', 'country') : item);
    if (code === null) throw new BadField(`countries[${i}]`, item);
    const up = code.trim().toUpperCase();
    const name = isObj(item) ? optStr(pick(item, 'name', 'title', 'label', 'countryName')) : null;
    // The vendor's own name when it gives one, else the ISO alpha-2 code (country.ts; the window names
    // countries from it), else the code as sent.
    if (!out.has(up)) out.set(up, { code: up, label: name ?? countryCode(up) ?? up });
  });
  return [...out.values()];
}

export interface YpOperator {
  tag: string;
  label: string;
  /** Rotation intervals in seconds this operator offers; empty = the answer does not say. */
  rotationTimes: number[];
}

const seconds = (v: unknown): number | null => {
  const n = optNum(isObj(v) ? pick(v, 'seconds', 'value', 'time', 'rotationTime') : v);
  return n !== null && Number.isInteger(n) && n > 0 ? n : null;
};

/**
 * GET /mobileOperator (shape NOT documented, §3.5): read leniently. Operators under `mobileOperators` /
 * `operators` / `mobileOperator` / `data` / `list`, or an object keyed by tag; each a tag string or an
 * object with `tag|operator|code|id|name`; rotation times (seconds) under `rotationTimes|rotationTime|
 * rotations|rotation` as a number, a list of numbers or of `{seconds|value|time}`.
 */
export function mapMobileOperators(body: Obj): YpOperator[] {
  let raw = listAt(body, ['mobileOperators', 'operators', 'mobileOperator', 'data', 'list', 'items']);
  if (raw === null) {
    // Maybe an object keyed by operator tag: { "verizon": {...}, ... }.
    const keyed = Object.entries(body).filter(([k, v]) => isObj(v) && k !== 'error' && k !== 'warnings');
    raw = keyed.map(([k, v]) => ({ tag: k, ...(v as Obj) }));
  }
  const out = new Map<string, YpOperator>();
  for (const item of raw) {
    const o = isObj(item) ? item : { tag: item };
    const tag = optStr(pick(o, 'tag', 'operator', 'mobileOperator', 'code', 'id', 'name'));
    if (tag === null || out.has(tag)) continue;
    const rot = pick(o, 'rotationTimes', 'rotationTime', 'rotations', 'rotation', 'rotationTimeSeconds');
    const times = (Array.isArray(rot) ? rot : rot === undefined || rot === null ? [] : [rot])
      .map(seconds)
      .filter((n): n is number => n !== null);
    const country = optStr(pick(o, 'country', 'countryCode', 'alpha3'));
    const name = optStr(pick(o, 'name', 'title', 'label')) ?? tag;
    out.set(tag, {
      tag,
      label: country ? `${name} (${country.toUpperCase()})` : name,
      rotationTimes: [...new Set(times)].sort((a, b) => a - b),
    });
  }
  return [...out.values()];
}

/** "300" → "5 min", "90" → "90 s", "3600" → "60 min". */
export function rotationLabel(s: number): string {
  return s % 60 === 0 ? `every ${s / 60} min` : `every ${s} s`;
}

export interface YpPromo {
  code: string;
  discount: string | null;
  validUntil: string | null;
}

/**
 * GET /promoCode (§3.6): `promoCodes` [{code, discount, endDate, endless, …}]. The discount's unit is not
 * stated (example 10, presumably percent): shown as the number with "%". Codes whose end date has passed
 * are left out. Cosmetic: an unreadable entry is skipped, not an error.
 */
export function mapPromoCodes(body: Obj, now: Date): YpPromo[] {
  const raw = listAt(body, ['promoCodes', 'promoCode', 'data', 'list']) ?? [];
  const out: YpPromo[] = [];
  for (const item of raw) {
    if (!isObj(item)) continue;
    const code = optStr(item.code);
    if (code === null) continue;
    const endless = optBool(item.endless) === true;
    const validUntil = endless ? null : optDate(item.endDate, YOUPROXY_ZONE);
    if (validUntil !== null && Date.parse(validUntil) <= now.getTime()) continue;
    const d = optNum(item.discount);
    out.push({ code, discount: d === null ? null : `${d}%`, validUntil });
  }
  return out;
}

export interface YpOrderAnswer {
  orderNumber: string | null;
  balance: Money | null;
  promoCodeStatus: 'VALID' | 'NO_VALID' | null;
}

/** POST /order success answer (§3.10): `orderNumber`, `balance` after, `promoCodeStatus`. Strict types. */
export function mapOrderAnswer(body: Obj): YpOrderAnswer {
  const currency = normCurrency(optStr(pick(body, 'currency', 'currencyCode')));
  const n = body.orderNumber;
  if (n !== undefined && n !== null && typeof n !== 'string' && typeof n !== 'number') {
    throw new BadField('orderNumber', n);
  }
  const status = body.promoCodeStatus;
  if (status !== undefined && status !== null && status !== 'VALID' && status !== 'NO_VALID') {
    throw new BadField('promoCodeStatus', status);
  }
  return {
    orderNumber: n === undefined || n === null || n === '' ? null : String(n),
    balance: optMoney(body.balance, currency, 'balance', 'decimal'),
    promoCodeStatus: (status as YpOrderAnswer['promoCodeStatus']) ?? null,
  };
}
