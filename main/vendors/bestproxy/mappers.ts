/**
 * Pure mappers from BestProxy payloads to the normalized model. Every unit is converted here:
 * KB/GB → bytes, float money → integer cents (USD assumed, see constants), "Y-m-d H:i:s" (vendor
 * time, BESTPROXY_ZONE), ISO-8601 and unix seconds → ISO UTC, integer ids → strings. Fields are
 * optional and renamed fields are absorbed with `pick`; money, expiry, ids and lists that are present
 * but unreadable throw BadField (→ bad_response). Renewal payloads: mappers-renewal.ts.
 */
import type {
  Balance,
  Money,
  Order,
  OrderStatus,
  ProxyEndpoint,
  ProxyProtocol,
  ProxyStatus,
  SubUser,
  TrafficPoint,
  TrafficSeries,
  WhitelistEntry,
} from '../../../preload/contract/model';
import { countryCode } from '../country';
import {
  detailsOf,
  expiry,
  isObj,
  list,
  type Obj,
  obj,
  optBool,
  optDate,
  optMoney,
  optNum,
  optStr,
  pick,
  reqId,
  toBytes,
} from '../parse';
import {
  ASSUMED_CURRENCY,
  BESTPROXY_ZONE,
  PRODUCT_TYPE,
  PRODUCT_TYPE_LABELS,
  productKindOf,
  RENEW_DURATIONS,
  RENEWABLE_TYPES,
} from './constants';

export const usd = (v: unknown, field: string): Money | null => optMoney(v, ASSUMED_CURRENCY, field, 'decimal');

/** Any BestProxy timestamp: "Y-m-d H:i:s" in vendor time, ISO-8601 with Z/offset, or unix seconds. */
export const when = (v: unknown): string | null => optDate(v, BESTPROXY_ZONE);
/** An expiry: like `when`, but present-and-unreadable (e.g. month 13, 30 February) is a BadField. */
export const expiryOf = (v: unknown, field: string): string | null => expiry(v, field, BESTPROXY_ZONE);

/**
 * Order times (#27 rows, #28 answers): created_at and pay_at are ISO-8601 in the examples but the
 * doc says to parse "Y-m-d H:i:s" too; pay_timestamp is unix seconds. The payment time is pay_at, or
 * pay_timestamp where pay_at is absent (0 = not paid).
 */
export function orderTimes(row: Obj): { createdAt: string | null; paidAt: string | null } {
  return { createdAt: when(row.created_at), paidAt: when(row.pay_at) ?? when(row.pay_timestamp) };
}

const typeLabel = (t: number | null): string => (t === null ? 'Package' : (PRODUCT_TYPE_LABELS[t] ?? `Type ${t}`));

const GiB = 1024 ** 3;
const fmtGb = (bytes: number): string => `${(bytes / GiB).toFixed(1)} GB`;

// ---------------------------------------------------------------------------------------------
// Balance (#15 summary + #14 list of traffic packages)

export interface TrafficSummary {
  remainingBytes: number | null;
  expiringSoonBytes: number | null;
  expiringSoonCount: number | null;
  usedBytes: number | null;
}

/** #15 /user-product/summary: every amount is KB. */
export function mapSummary(data: unknown): TrafficSummary {
  const d = obj(data);
  return {
    remainingBytes: toBytes(d.effective, 'KB'),
    expiringSoonBytes: toBytes(d.temporary, 'KB'),
    expiringSoonCount: optNum(d.temporary_count),
    usedBytes: toBytes(pick(d, 'used', 'effective_used'), 'KB'),
  };
}

/**
 * BestProxy has no money-balance endpoint (the `User.balance` model is returned by no path), so money
 * is null and the note says so. Traffic = remaining KB of valid dynamic-traffic packages; its expiry is
 * the earliest expiry among valid traffic packages (packages expire one by one).
 */
export function mapBalance(summary: TrafficSummary, packages: unknown[], now: Date): Balance {
  let earliest: string | null = null;
  for (const raw of packages) {
    const row = obj(raw);
    const t = optNum(row.product_type);
    if (t !== null && t !== PRODUCT_TYPE.dynamicTraffic) continue;
    const exp = expiryOf(pick(row, 'expired_at', 'expire_at', 'expired_time'), 'expired_at');
    if (exp === null || Date.parse(exp) <= now.getTime()) continue;
    if (earliest === null || exp < earliest) earliest = exp;
  }
  const notes = ['BestProxy has no API for the money balance; see it in the BestProxy dashboard.'];
  if (summary.expiringSoonBytes && summary.expiringSoonBytes > 0) {
    notes.push(`${fmtGb(summary.expiringSoonBytes)} of traffic expires within 7 days.`);
  }
  return {
    money: null,
    trafficRemainingBytes: summary.remainingBytes,
    trafficExpiresAt: earliest,
    note: notes.join(' '),
  };
}

// ---------------------------------------------------------------------------------------------
// Orders: packages (#14) joined with orders (#27) by trade_no; unpaid orders listed on their own.

/** #27 status: 0 unpaid, 1 paid, 2 closed (payment timeout), 3 refunded. */
export const ORDER_STATUS_TEXT: Record<number, string> = { 0: 'unpaid', 1: 'paid', 2: 'closed', 3: 'refunded' };

export function orderStatusOf(code: number | null): OrderStatus {
  switch (code) {
    case 0:
      return 'pending';
    case 1:
      return 'active';
    case 2:
    case 3:
      return 'cancelled';
    default:
      return 'unknown';
  }
}

/** Fields of an #27 order row worth showing next to its package. */
function orderFacts(order: Obj | undefined): Record<string, string> {
  if (!order) return {};
  const out: Record<string, string> = {};
  const keys = ['pm_title', 'pay_fee', 'discount_fee', 'handling_fee', 'refund_fee', 'region_desc', 'out_trade_no'];
  for (const k of keys) {
    const v = optStr(order[k]);
    if (v !== null) out[`order_${k}`] = v;
  }
  const st = optNum(order.status);
  if (st !== null) out.order_status = ORDER_STATUS_TEXT[st] ?? String(st);
  return out;
}

/** #14 row → Order. The package id is what renewals take as `upids`. */
export function mapPackage(raw: unknown, now: Date, ordersByTradeNo: ReadonlyMap<string, Obj>): Order {
  const row = obj(raw);
  const id = reqId(row.id, 'id');
  const type = optNum(row.product_type);
  const tradeNo = optStr(row.trade_no);
  const embedded = obj(row.order);
  const order = tradeNo ? ordersByTradeNo.get(tradeNo) : undefined;
  const expiresAt = expiryOf(pick(row, 'expired_at', 'expire_at', 'expired_time'), 'expired_at');
  const orderStatus = order ? optNum(order.status) : null;
  let status: OrderStatus = 'unknown';
  if (orderStatus === 3) status = 'cancelled';
  else if (expiresAt !== null) status = Date.parse(expiresAt) <= now.getTime() ? 'expired' : 'active';
  const details: Record<string, string> = {
    package_id: id,
    product_type: typeLabel(type),
    ...(tradeNo ? { trade_no: tradeNo } : {}),
    ...detailsOf(embedded, ['title']),
    ...orderFacts(order),
    currency: `${ASSUMED_CURRENCY} (assumed: BestProxy orders carry no currency)`,
  };
  for (const k of ['created_at', 'pay_at']) {
    if (details[k] !== undefined) {
      details[`order_${k}`] = details[k]!;
      delete details[k];
    }
  }
  return {
    id,
    kind: productKindOf(type),
    product: optStr(pick(embedded, 'title')) ?? optStr(order?.title) ?? typeLabel(type),
    status,
    vendorStatus:
      status === 'expired' ? 'expired' : orderStatus !== null ? (ORDER_STATUS_TEXT[orderStatus] ?? null) : null,
    createdAt: when(row.created_at),
    expiresAt,
    autoRenew: null,
    quantity: order ? optNum(order.amount) : null,
    price: order ? usd(order.pay_fee, 'pay_fee') : null,
    tag: null,
    country: null,
    ...(type !== null && RENEWABLE_TYPES.has(type) ? { renewPeriods: RENEW_DURATIONS.map(periodOnly) } : {}),
    details,
  };
}

const periodOnly = ({ id, label, days }: { id: string; label: string; days: number | null }) => ({ id, label, days });

/** An #27 order with no package (unpaid, so closable): its id is the trade_no, which /order/close takes. */
export function mapOrderRow(raw: unknown): Order {
  const row = obj(raw);
  const tradeNo = reqId(row.trade_no, 'trade_no');
  const code = optNum(row.status);
  const type = optNum(row.product_type);
  const { createdAt, paidAt } = orderTimes(row);
  return {
    id: tradeNo,
    kind: productKindOf(type),
    product: optStr(row.title) ?? typeLabel(type),
    status: orderStatusOf(code),
    vendorStatus: code === null ? null : (ORDER_STATUS_TEXT[code] ?? String(code)),
    createdAt,
    expiresAt: null,
    autoRenew: null,
    quantity: optNum(row.amount),
    price: usd(row.pay_fee, 'pay_fee'),
    tag: null,
    country: null,
    details: {
      ...detailsOf(row, ['invoice', 'pm_logo', 'created_at', 'pay_at', 'pay_timestamp']),
      ...(paidAt ? { paid_at: paidAt } : {}),
      product_type: typeLabel(type),
      currency: `${ASSUMED_CURRENCY} (assumed: BestProxy orders carry no currency)`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Static IPs (#24): the response schema is undocumented; the common field spellings are absorbed.

export interface StaticIpFacts {
  id: string;
  ip: string;
  productType: number | null;
  packageId: string | null;
  expiresAt: string | null;
}

export function staticIpFacts(raw: unknown): StaticIpFacts {
  const row = obj(raw);
  const ip = optStr(pick(row, 'ip', 'proxy_ip', 'host')) ?? '';
  const idRaw = pick(row, 'id', 'upid', 'user_product_ip_id');
  const pkg = pick(row, 'user_product_id', 'package_id', 'upid_parent');
  return {
    id: idRaw === undefined ? `${ip}:${optStr(pick(row, 'port', 'http_port')) ?? ''}` : reqId(idRaw, 'id'),
    ip,
    productType: optNum(pick(row, 'product_type', 'type')),
    packageId: pkg === undefined ? null : reqId(pkg, 'user_product_id'),
    expiresAt: expiryOf(pick(row, 'expired_at', 'expire_at', 'expired_time', 'expire_time', 'end_time'), 'expired_at'),
  };
}

/** #24 status: 1 valid, 2 invalid, 3 expiring soon, 4 under maintenance. */
function staticStatus(code: number | null, expiresAt: string | null, now: Date): ProxyStatus {
  if (code === 1 || code === 3) return 'active';
  if (code === 2) return 'expired';
  if (code === 4) return 'disabled';
  if (expiresAt !== null) return Date.parse(expiresAt) <= now.getTime() ? 'expired' : 'active';
  return 'unknown';
}

function protocolOf(v: unknown, hasSocksPort: boolean): ProxyProtocol {
  const s = (optStr(v) ?? '').toLowerCase();
  if (s.includes('socks') && s.includes('http')) return 'http+socks5';
  if (s.includes('socks')) return 'socks5';
  if (s === 'https') return 'https';
  return hasSocksPort ? 'http+socks5' : 'http';
}

export function mapStaticIp(raw: unknown, now: Date): ProxyEndpoint {
  const row = obj(raw);
  const f = staticIpFacts(row);
  const httpPort = optNum(pick(row, 'port', 'http_port'));
  const socksPort = optNum(pick(row, 'socks5_port', 'socks_port'));
  return {
    id: f.id,
    ip: f.ip,
    host: optStr(pick(row, 'host', 'domain')) ?? f.ip,
    httpPort,
    socksPort,
    protocol: protocolOf(row.protocol, socksPort !== null),
    username: optStr(pick(row, 'username', 'user', 'account')),
    password: optStr(pick(row, 'password', 'pass', 'pwd')),
    country: countryCode(optStr(pick(row, 'country_code', 'cc', 'country'))),
    kind: productKindOf(f.productType),
    expiresAt: f.expiresAt,
    orderId: f.packageId ?? optStr(row.trade_no),
    status: staticStatus(optNum(row.status), f.expiresAt, now),
    autoRenew: optBool(pick(row, 'auto_renew', 'is_auto_renew')),
  };
}

// ---------------------------------------------------------------------------------------------
// Sub-users (#1), allowlist (#10), traffic (#13)

/**
 * #1 row → SubUser. The id is the username: every write endpoint addresses accounts by username
 * (`accounts` / `account`), never by the numeric id.
 */
export function mapSubUser(raw: unknown): SubUser {
  const row = obj(raw);
  const username = reqId(pick(row, 'username', 'account'), 'username');
  const limitGb = optNum(pick(row, 'limit_flow', 'limit'));
  const status = optNum(row.status);
  return {
    id: username,
    username,
    limitBytes: limitGb === null || limitGb === 0 ? null : toBytes(limitGb, 'GB'),
    limitUnlimited: limitGb === 0,
    usedBytes: toBytes(pick(row, 'usage_flow', 'used'), 'KB'),
    status: status === 1 ? 'active' : status === 0 ? 'disabled' : 'unknown',
    note: optStr(row.remark),
    createdAt: when(row.created_at),
  };
}

export function mapWhitelistEntry(raw: unknown): WhitelistEntry {
  const row = obj(raw);
  const type = optNum(row.product_type);
  const remark = optStr(row.remark);
  const typeNote = type !== null && PRODUCT_TYPE_LABELS[type] ? `for ${PRODUCT_TYPE_LABELS[type]}` : null;
  return {
    ip: optStr(pick(row, 'ip', 'white_ip')) ?? '',
    id: optStr(row.id),
    note: [remark, typeNote].filter(Boolean).join(' · ') || null,
    createdAt: when(row.created_at),
  };
}

/** #13 `data.list` rows { day: "YYYY-MM-DD", flow: KB } → daily series, oldest first. */
export function mapTraffic(rows: unknown, subUserId: string | null): TrafficSeries {
  const points: TrafficPoint[] = [];
  for (const raw of list(rows, 'list')) {
    const row = obj(raw);
    const at = when(pick(row, 'day', 'date'));
    const bytes = toBytes(pick(row, 'flow', 'usage_flow'), 'KB');
    if (at !== null && bytes !== null) points.push({ at, bytes });
  }
  points.sort((a, b) => a.at.localeCompare(b.at));
  return {
    granularity: 'day',
    subUserId,
    label: subUserId === null ? 'All proxy accounts' : subUserId,
    points,
    note: 'BestProxy keeps about 7 days of traffic history by default and reports with up to 5 minutes delay.',
  };
}

/** Index #27 rows by trade_no for the package join. */
export function ordersByTradeNo(rows: unknown[]): Map<string, Obj> {
  const m = new Map<string, Obj>();
  for (const r of rows) {
    if (!isObj(r)) continue;
    const t = optStr(r.trade_no);
    if (t) m.set(t, r);
  }
  return m;
}
