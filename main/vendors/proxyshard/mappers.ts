/**
 * Pure mappers from ProxyShard JSON to the normalized model. Every field is optional and renamed
 * fields are absorbed with `pick`; money, expiry, ids and the lists that matter (orders, IPs,
 * sub-users, add-on lines) that are present but unreadable throw BadField (the client turns that into
 * `bad_response`). Naive timestamps are read in the documented zone (constants.ts, UTC+0).
 */
import type {
  Money,
  Order,
  OrderStatus,
  ProductKind,
  ProxyEndpoint,
  ProxyStatus,
  RenewPeriod,
  SubUser,
} from '../../../preload/contract/model';
import { countryCode } from '../country';
import {
  arr,
  BadField,
  detailsOf,
  expiry,
  isObj,
  list,
  moneyFromCents,
  type Obj,
  obj,
  optBool,
  optDate,
  optMoney,
  optNum,
  optStr,
  pick,
  reqId,
} from '../parse';
import { VENDOR_ZONE } from './constants';
import { CURRENCY, periodOf, sniffTrafficUnit, type TrafficUnit, trafficBytes } from './units';

/** Residential pools that have traffic, sub-users and a profile (the API's `proxy_type`). */
export const TIERS = ['standart', 'premium'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, string> = { standart: 'Standart residential', premium: 'Premium residential' };

// ---------------------------------------------------------------- account

export interface MeInfo {
  email: string | null;
  activeOrders: number | null;
  wallet: Money;
}

/** GET /me: a plain object (no `success`), wallet_balance in cents. */
export function mapMe(json: unknown): MeInfo {
  const o = obj(json);
  const raw = pick(o, 'wallet_balance', 'balance');
  if (raw === undefined) throw new BadField('wallet_balance', raw);
  return {
    email: optStr(o.email),
    activeOrders: optNum(o.active_orders),
    wallet: moneyFromCents(raw, CURRENCY, 'wallet_balance'),
  };
}

export interface TierProfile {
  tier: Tier;
  totalBytes: number | null;
  remainingBytes: number | null;
  spentBytes: number | null;
  /** 'GB' when the figures were small numbers and read as GB (documented unit: bytes). */
  unit: TrafficUnit;
}

/** GET /proxies/profile?proxy_type=…: bytes per SPEC 1.1.0 (sniffed, see units.ts). */
export function mapProfile(json: unknown, tier: Tier): TierProfile {
  const o = obj(json);
  const unit = sniffTrafficUnit(o.data, o.data_remain, o.data_spent);
  const totalBytes = trafficBytes(pick(o, 'data', 'data_total'), unit);
  const spentBytes = trafficBytes(o.data_spent, unit);
  let remainingBytes = trafficBytes(pick(o, 'data_remain', 'data_remaining'), unit);
  if (remainingBytes === null && totalBytes !== null && spentBytes !== null) remainingBytes = totalBytes - spentBytes;
  return { tier, totalBytes, remainingBytes, spentBytes, unit };
}

// ---------------------------------------------------------------- products

export interface ProductInfo {
  name: string;
  cycles: string[];
  locations: string[];
}

/** GET /proxies/products: DC/ISP come back as one row per location; rows are grouped by name. */
export function mapProducts(json: unknown): Map<string, ProductInfo> {
  const out = new Map<string, ProductInfo>();
  const rows = Array.isArray(json) ? json : arr(pick(obj(json), 'products', 'results', 'data'));
  for (const row of rows) {
    const o = obj(row);
    const name = optStr(o.name);
    if (!name) continue;
    const p = out.get(name) ?? { name, cycles: [], locations: [] };
    for (const c of arr(o.cycles)) {
      const cycle = optStr(isObj(c) ? pick(c, 'name', 'cycle') : c);
      if (cycle && !p.cycles.includes(cycle)) p.cycles.push(cycle);
    }
    const loc = optStr(o.location);
    if (loc && !p.locations.includes(loc)) p.locations.push(loc);
    out.set(name, p);
  }
  return out;
}

/** Renewal periods: the distinct cycle names of renewable products (not the fixed "lifetime"). */
export function periodsOfProducts(products: Map<string, ProductInfo>): RenewPeriod[] {
  const seen = new Map<string, RenewPeriod>();
  for (const p of products.values()) {
    if (!isRenewableProduct(p.name)) continue;
    for (const c of p.cycles) if (!seen.has(c)) seen.set(c, periodOf(c));
  }
  return [...seen.values()].sort((a, b) => (a.days ?? 1e9) - (b.days ?? 1e9));
}

// ---------------------------------------------------------------- orders

export function kindOfProduct(name: string | null): ProductKind {
  const n = name ?? '';
  if (/\bisp\b/i.test(n)) return 'isp';
  if (/datacenter|data\s*center|\bdc\b/i.test(n)) return 'datacenter';
  if (/unmetered|unlimited/i.test(n)) return 'unlimited';
  if (/residential|resident/i.test(n)) return 'residential';
  if (/mobile|4g|5g/i.test(n)) return 'mobile';
  return 'other';
}

/** DC and ISP orders are the only ones with an IP list (/proxies/active). */
export const hasIpList = (productName: string | null): boolean => {
  const k = kindOfProduct(productName);
  return k === 'datacenter' || k === 'isp';
};

/** Per-GB residential tiers have a fixed "lifetime" cycle; they get traffic, not renewals. */
export const isRenewableProduct = (productName: string | null): boolean =>
  !/standart|standard|premium/i.test(productName ?? '') || /unmetered/i.test(productName ?? '');

/** The residential tier of a product name, if it is one. */
export function tierOfProduct(name: string | null): Tier | null {
  if (/unmetered/i.test(name ?? '')) return null;
  if (/standart|standard/i.test(name ?? '')) return 'standart';
  if (/premium/i.test(name ?? '')) return 'premium';
  return null;
}

export function orderStatusOf(v: string | null): OrderStatus {
  const s = (v ?? '')
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
  if (s === 'active') return 'active';
  if (s === 'on-hold' || s === 'onhold' || s === 'hold') return 'on-hold';
  if (s === 'cancelled' || s === 'canceled') return 'cancelled';
  if (s === 'expired') return 'expired';
  if (s === 'pending' || s === 'unpaid') return 'pending';
  return 'unknown';
}

/** The rows of a list that matters: every row an object, else BadField (never silently dropped). */
export function rowsOf(v: unknown, field: string): Obj[] {
  return list(v, field).map((r) => {
    if (!isObj(r)) throw new BadField(field, r);
    return r;
  });
}

/** The rows of one GET /orders page (`orders`, with `results`/`data` accepted as renames). */
export function orderRowsOf(json: unknown): Obj[] {
  if (!isObj(json)) throw new BadField('orders', json);
  return rowsOf(pick(json, 'orders', 'results', 'data'), 'orders');
}

/** GET /orders/{id}: `{success, order}`; a bare order object is accepted too. */
export function orderDetailOf(json: unknown): Obj {
  if (!isObj(json)) throw new BadField('order', json);
  if (json.order === undefined || json.order === null) return json;
  if (!isObj(json.order)) throw new BadField('order', json.order);
  return json.order;
}

export interface AddonLine {
  addonKey: string;
  qty: number;
  nextQty: number;
  pricePerUnit: Money | null;
}

export function mapAddonLines(v: unknown): AddonLine[] {
  return rowsOf(v, 'addons').map((a) => {
    const qty = optNum(a.qty) ?? 0;
    const pending = obj(a.pending);
    const nextQty = optStr(pending.action) === 'cancel' ? 0 : (optNum(pending.next_qty) ?? qty);
    return {
      addonKey: optStr(a.addon_key) ?? 'addon',
      qty,
      nextQty,
      pricePerUnit: optMoney(a.price_per_unit, CURRENCY, 'addons.price_per_unit', 'cents'),
    };
  });
}

const ORDER_FIELDS_SHOWN = [
  'order_id',
  'product_name',
  'status',
  'created_at',
  'expires_at',
  'auto_renewal',
  'quantity',
  'tag',
  'success',
];

/**
 * An Order from a list row merged with its detail (either may be missing fields).
 * `price` is the base subscription `price_paid`; add-ons are listed in `details`.
 */
export function mapOrder(row: Obj, detail: Obj | null, products: Map<string, ProductInfo>): Order {
  const o: Obj = { ...row, ...(detail ?? {}) };
  const id = reqId(pick(o, 'order_id', 'id'), 'order_id');
  const product = optStr(pick(o, 'product_name', 'product')) ?? 'ProxyShard order';
  const vendorStatus = optStr(o.status);
  const tag = optStr(o.tag);
  const cycle = optStr(pick(o, 'cycle_name', 'cycle'));
  const productInfo = products.get(product);
  const renewPeriods =
    isRenewableProduct(product) && productInfo ? productInfo.cycles.map(periodOf) : cycle ? [periodOf(cycle)] : [];
  const details = detailsOf(o, ORDER_FIELDS_SHOWN);
  for (const [k, v] of Object.entries(details)) {
    if (/price/.test(k) && /^\d+$/.test(v)) details[k] = `${v} (US cents)`;
  }
  return {
    id,
    kind: kindOfProduct(product),
    product,
    status: orderStatusOf(vendorStatus),
    vendorStatus,
    createdAt: optDate(o.created_at, VENDOR_ZONE),
    expiresAt: expiry(o.expires_at, 'expires_at', VENDOR_ZONE),
    autoRenew: optBool(o.auto_renewal),
    quantity: optNum(o.quantity),
    price: optMoney(o.price_paid, CURRENCY, 'price_paid', 'cents'),
    // "none" is the vendor's cleared-tag value (LCH hides it too).
    tag: tag && tag.toLowerCase() !== 'none' ? tag : null,
    // Neither the list nor the detail returns the order's country.
    country: null,
    ...(renewPeriods.length ? { renewPeriods } : {}),
    ...(cycle ? { cycle } : {}),
    details,
  };
}

/** What the order's own figures say a renewal costs: base price + add-ons for the next period. */
export function recordedRenewalPrice(detail: Obj): Money | null {
  const base = optMoney(detail.price_paid, CURRENCY, 'price_paid', 'cents');
  if (!base) return null;
  let minor = base.minor;
  for (const a of mapAddonLines(detail.addons)) minor += a.nextQty * (a.pricePerUnit?.minor ?? 0);
  return { minor, currency: CURRENCY };
}

// ---------------------------------------------------------------- proxies

function proxyStatusOf(v: string | null, expiresAt: string | null, now: Date): ProxyStatus {
  const s = (v ?? '').toLowerCase();
  if (s === 'active' || s === 'ok' || s === 'online') return 'active';
  if (s === 'expired') return 'expired';
  if (/disabled|blocked|stopped|banned|suspended/.test(s)) return 'disabled';
  if (/pending|sync|creating|processing/.test(s)) return 'pending';
  if (expiresAt && Date.parse(expiresAt) < now.getTime()) return 'expired';
  return 'unknown';
}

export interface ProxyOrderContext {
  orderId: string;
  productName: string | null;
  autoRenew: boolean | null;
}

/** GET /proxies/active?order_id=…: `{success, data: ActiveProxyItem[], order_tag}`. */
export function mapActiveProxies(json: unknown, ctx: ProxyOrderContext, now: Date): ProxyEndpoint[] {
  const rows = Array.isArray(json)
    ? rowsOf(json, 'data')
    : rowsOf(pick(obj(json), 'data', 'proxies', 'results'), 'data');
  return rows.map((p) => {
    const ip = optStr(pick(p, 'ip', 'host'));
    if (!ip) throw new BadField('ip', p.ip);
    const httpPort = optNum(pick(p, 'http_port', 'port'));
    const socksPort = optNum(p.socks_port);
    const expiresAt = expiry(pick(p, 'until', 'expires_at'), 'until', VENDOR_ZONE);
    return {
      id: `${ip}:${httpPort ?? socksPort ?? ''}`,
      ip,
      host: ip,
      httpPort,
      socksPort,
      // The same IP serves HTTP on http_port and SOCKS5 on socks_port.
      protocol: httpPort !== null && socksPort !== null ? 'http+socks5' : socksPort !== null ? 'socks5' : 'http',
      username: optStr(pick(p, 'username', 'login')),
      password: optStr(p.password),
      country: countryCode(optStr(pick(p, 'country', 'location'))),
      kind: kindOfProduct(ctx.productName),
      expiresAt,
      orderId: ctx.orderId,
      status: proxyStatusOf(optStr(p.status), expiresAt, now),
      autoRenew: ctx.autoRenew,
    };
  });
}

// ---------------------------------------------------------------- sub-users

/** Our sub-user id carries the pool: `standart:<user_id>`; the vendor scopes users by proxy_type. */
export const subUserKey = (tier: Tier, userId: string): string => `${tier}:${userId}`;

export function parseSubUserKey(id: string): { tier: Tier | null; userId: string } {
  const m = /^(standart|premium):(.+)$/.exec(id);
  return m ? { tier: m[1] as Tier, userId: m[2]! } : { tier: null, userId: id };
}

/**
 * One sub-user. The unit of `data`/`data_spent`/`data_remain` is not documented: it is read as
 * bytes (like /proxies/profile) unless the allocation is a small number, then as GB (see units.ts).
 */
export function mapSubUser(o: Obj, tier: Tier, fallbackId?: string): SubUser {
  const userId = reqId(pick(o, 'user_id', 'id') ?? fallbackId, 'user_id');
  const unit = sniffTrafficUnit(o.data, o.data_spent, o.data_remain);
  const limitBytes = trafficBytes(pick(o, 'data', 'data_total'), unit);
  return {
    id: subUserKey(tier, userId),
    username: optStr(pick(o, 'first_name', 'name', 'username')) ?? userId,
    limitBytes,
    limitUnlimited: false,
    usedBytes: trafficBytes(o.data_spent, unit),
    // The API has no enabled/disabled flag: a listed sub-user works.
    status: 'active',
    note:
      unit === 'GB'
        ? `${TIER_LABELS[tier]}. Traffic figures were small numbers and are read as GB (ProxyShard does not document the unit).`
        : `${TIER_LABELS[tier]}. Traffic read as bytes (ProxyShard does not document the unit).`,
    createdAt: optDate(o.created_at, VENDOR_ZONE),
  };
}

/** GET /proxies/sub-users: `{count (total), data: [...]}`; `data` must be a list. */
export function subUserListOf(json: unknown): Obj[] {
  if (!isObj(json)) throw new BadField('data', json);
  return rowsOf(pick(json, 'data', 'results', 'users'), 'data');
}

/** Get/create (`data: [ {...} ]`, an array even for one; an object accepted): the first row, if any. */
export function subUserRowsOf(json: unknown): Obj[] {
  if (!isObj(json)) throw new BadField('data', json);
  const d = pick(json, 'data', 'results', 'users');
  return isObj(d) ? [d] : rowsOf(d, 'data');
}

/** The proxy password of one sub-user (not part of SubUser; exposed for connection strings). */
export const subUserPassword = (o: Obj): string | null => optStr(o.proxy_password);

// ---------------------------------------------------------------- prices

export interface PriceQuote {
  total: Money;
  details: Record<string, string>;
}

/** GET /orders/calculate: plain object; charged amount is `total_with_addons ?? final_price`. */
export function mapCalculate(json: unknown): PriceQuote {
  const o = obj(json);
  const raw = pick(o, 'total_with_addons', 'final_price', 'original_price');
  if (raw === undefined) throw new BadField('final_price', raw);
  const total = moneyFromCents(raw, CURRENCY, 'total_with_addons');
  const details = detailsOf(o, ['success']);
  return { total, details };
}

/** GET /orders/{id}/addons/calculate: add_total in cents. */
export function mapAddonCalculate(json: unknown): PriceQuote {
  const o = obj(json);
  const raw = pick(o, 'add_total', 'total');
  if (raw === undefined) throw new BadField('add_total', raw);
  return { total: moneyFromCents(raw, CURRENCY, 'add_total'), details: detailsOf(o, ['success']) };
}
