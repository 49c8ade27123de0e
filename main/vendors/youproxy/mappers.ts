/**
 * Pure mappers from YouProxy payloads to the normalized model. Units are converted here, once:
 * money (decimal USD) → integer cents, dates → ISO UTC, ids → strings.
 */
import type {
  Balance,
  Money,
  Order,
  OrderStatus,
  ProxyEndpoint,
  ProxyProtocol,
  ProxyStatus,
  RenewPeriod,
} from '../../../preload/contract/model';
import { countryCode } from '../country';
import {
  BadField,
  expiry,
  isObj,
  list,
  moneyFromDecimal,
  normCurrency,
  type Obj,
  optBool,
  optDate,
  optMoney,
  optNum,
  optStr,
  pick,
  reqId,
} from '../parse';
import { canonicalProxyType, KIND_OF_TYPE, PRODUCT_OF_TYPE, YOUPROXY_ZONE, type YpProxyType } from './constants';
import { errorOf } from './envelope';

/** GET /balance: `balance` (decimal) + `currencyCode` (only this endpoint says currencyCode). */
export function mapBalance(body: Obj): Balance {
  const currency = normCurrency(optStr(pick(body, 'currencyCode', 'currency')));
  const raw = pick(body, 'balance', 'amount');
  if (raw === undefined) throw new BadField('balance', raw);
  return {
    money: moneyFromDecimal(raw, currency, 'balance'),
    trafficRemainingBytes: null,
    trafficExpiresAt: null,
  };
}

/** GET /rentPeriod: `rentPeriodDays` is an array of integer days. */
export function mapRentPeriods(body: Obj): number[] {
  const days: number[] = [];
  for (const v of list(pick(body, 'rentPeriodDays', 'rentPeriods', 'periods'), 'rentPeriodDays')) {
    const n = optNum(isObj(v) ? pick(v, 'days', 'rentPeriodDays', 'value') : v);
    if (n !== null && Number.isInteger(n) && n > 0 && !days.includes(n)) days.push(n);
  }
  return days.sort((a, b) => a - b);
}

/**
 * Periods offered across types: one entry per day count. A period not offered by every type says which
 * item types it fits (`fits`), so the renew flow offers each item only what its type accepts (the
 * vendor refuses the others: "Incorrect rent period").
 */
export function mergePeriods(byType: Partial<Record<YpProxyType, number[]>>): RenewPeriod[] {
  const types = Object.keys(byType) as YpProxyType[];
  const all = [...new Set(types.flatMap((t) => byType[t] ?? []))].sort((a, b) => a - b);
  return all.map((days) => {
    const offeredBy = types.filter((t) => byType[t]?.includes(days));
    const fits = offeredBy.length < types.length ? { fits: offeredBy.map((t) => KIND_OF_TYPE[t]) } : {};
    return { id: String(days), label: `${days} days`, days, ...fits };
  });
}

// ---------------------------------------------------------------------------------------------
// IP list. The /ipAddress response shape was never retrieved (youproxy.md §3.15), so the parser
// walks whatever comes: a flat list, `{IPv4: [...], IPv6: [...]}`, or type → orders → IPs. An object
// carrying an address string is an IP record; proxy type and order id are inherited from the
// enclosing keys/objects when the record itself lacks them.
// ---------------------------------------------------------------------------------------------

/** One IP as read from /ipAddress, before normalization (kept for renew grouping). */
export interface YpIp {
  id: string;
  orderId: string | null;
  proxyType: YpProxyType | null;
  endpoint: ProxyEndpoint;
  createdAt: string | null;
  /** The raw record, for the order detail panel. */
  raw: Obj;
}

const ADDRESS_KEYS = ['ip', 'ipAddress', 'address', 'host', 'ipv4', 'ipv6'] as const;
const ID_KEYS = ['ipAddressId', 'id', 'ipId', 'ip_address_id'] as const;
const ORDER_KEYS = ['orderId', 'order_id', 'orderID'] as const;
/**
 * Keys that hold the IP list (or its per-type / per-order parts). Their value must be a list or an
 * object: anything else is a misread list (BadField), never an empty account.
 */
const LIST_KEYS = new Set(['ipAddresses', 'ips', 'orders', 'list', 'items', 'data', 'result', 'proxies']);
const isListKey = (key: string): boolean => LIST_KEYS.has(key) || canonicalProxyType(key) !== null;

const addressOf = (o: Obj): string | null => {
  for (const k of ADDRESS_KEYS) if (typeof o[k] === 'string' && o[k] !== '') return o[k] as string;
  return null;
};

interface WalkContext {
  proxyType: YpProxyType | null;
  orderId: string | null;
}

/** Every IP record anywhere in the payload, with inherited type/order. */
export function collectIpRecords(payload: unknown): { record: Obj; ctx: WalkContext }[] {
  const out: { record: Obj; ctx: WalkContext }[] = [];
  const walk = (node: unknown, ctx: WalkContext, depth: number): void => {
    if (depth > 8) return; // a pathological payload must not hang the app
    if (Array.isArray(node)) {
      for (const item of node) walk(item, ctx, depth + 1);
      return;
    }
    if (!isObj(node)) return;
    const here: WalkContext = {
      proxyType: canonicalProxyType(pick(node, 'proxyType', 'type')) ?? ctx.proxyType,
      orderId: optStr(pick(node, ...ORDER_KEYS)) ?? ctx.orderId,
    };
    if (addressOf(node) !== null) {
      out.push({ record: node, ctx: here });
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'error' || key === 'warnings') continue;
      if (isListKey(key)) {
        if (value === undefined || value === null) continue;
        if (typeof value !== 'object') throw new BadField(key, value);
        if (Array.isArray(value)) {
          const bad = value.findIndex((item) => !isObj(item));
          if (bad >= 0) throw new BadField(`${key}[${bad}]`, value[bad]);
        }
      } else if (typeof value !== 'object' || value === null) continue;
      walk(value, { ...here, proxyType: canonicalProxyType(key) ?? here.proxyType }, depth + 1);
    }
  };
  walk(payload, { proxyType: null, orderId: null }, 0);
  return out;
}

function protocolOf(
  o: Obj,
  type: YpProxyType | null,
  httpPort: number | null,
  socksPort: number | null,
): ProxyProtocol {
  const p = (optStr(pick(o, 'protocol', 'proxyProtocol')) ?? '').toUpperCase();
  if (p.startsWith('SOCKS')) return 'socks5';
  if (p === 'HTTPS') return 'https';
  if (p === 'HTTP') return type === 'IPv6' || socksPort === null ? 'http' : 'http+socks5';
  return httpPort !== null && socksPort !== null ? 'http+socks5' : socksPort !== null ? 'socks5' : 'http';
}

function statusOf(vendorStatus: string | null, expiresAt: string | null, now: Date): ProxyStatus {
  const s = vendorStatus?.toLowerCase() ?? '';
  if (/expire|ended|finish/.test(s)) return 'expired';
  if (/disab|block|ban|suspend/.test(s)) return 'disabled';
  if (/pend|wait|process|new/.test(s)) return 'pending';
  if (/activ|work|ok/.test(s)) return 'active';
  // No status enum is documented: derive it from the end date.
  if (expiresAt === null) return 'unknown';
  return Date.parse(expiresAt) <= now.getTime() ? 'expired' : 'active';
}

const port = (v: unknown): number | null => {
  const n = optNum(v);
  return n !== null && Number.isInteger(n) && n > 0 && n < 65536 ? n : null;
};

/** One IP record → YpIp. Ids are required (renewals are addressed by them); 19-digit ids stay exact strings. */
export function mapIpRecord(record: Obj, ctx: WalkContext, now: Date): YpIp {
  const id = reqId(pick(record, ...ID_KEYS), 'ipAddressId');
  const orderRaw = pick(record, ...ORDER_KEYS);
  const orderId = orderRaw === undefined ? ctx.orderId : reqId(orderRaw, 'orderId');
  const proxyType = canonicalProxyType(pick(record, 'proxyType', 'type')) ?? ctx.proxyType;
  const httpPort = port(pick(record, 'httpPort', 'port', 'portHttp', 'http_port'));
  const socksPort = port(pick(record, 'socksPort', 'portSocks', 'socks5Port', 'socks_port'));
  const expiresAt = expiry(
    pick(record, 'dateEnd', 'endDate', 'expiresAt', 'expireAt', 'dateExpire'),
    'dateEnd',
    YOUPROXY_ZONE,
  );
  const address = addressOf(record) as string;
  const endpoint: ProxyEndpoint = {
    id,
    ip: address,
    host: optStr(pick(record, 'host', 'hostname', 'domain')),
    httpPort,
    socksPort,
    protocol: protocolOf(record, proxyType, httpPort, socksPort),
    username: optStr(pick(record, 'login', 'username', 'user')),
    password: optStr(pick(record, 'password', 'pass')),
    country: countryCode(optStr(pick(record, 'country', 'countryCode', 'alpha3'))),
    kind: proxyType ? KIND_OF_TYPE[proxyType] : 'other',
    expiresAt,
    orderId,
    status: statusOf(optStr(pick(record, 'status', 'state')), expiresAt, now),
    autoRenew: optBool(pick(record, 'autoExtend', 'autoRenew', 'autoProlong', 'auto_extend')),
  };
  return {
    id,
    orderId,
    proxyType,
    endpoint,
    createdAt: optDate(pick(record, 'dateStart', 'startDate', 'createdAt', 'dateCreate'), YOUPROXY_ZONE),
    raw: record,
  };
}

/** The whole /ipAddress payload → IPs (deduplicated by id: a payload may list an IP twice). */
export function mapIpList(body: unknown, now: Date): YpIp[] {
  const seen = new Map<string, YpIp>();
  for (const { record, ctx } of collectIpRecords(body)) {
    const ip = mapIpRecord(record, ctx, now);
    if (!seen.has(ip.id)) seen.set(ip.id, ip);
  }
  return [...seen.values()];
}

const earliest = (dates: (string | null)[]): string | null =>
  dates.filter((d): d is string => d !== null).sort()[0] ?? null;

/**
 * Orders derived from the IP list: YouProxy has no order-list endpoint, but every IP carries its
 * `orderId`. One Order per order id: quantity = IP count, expiry = the earliest IP expiry (what the
 * user must act on), auto-renew = true/false when all IPs agree, null when mixed.
 */
export function deriveOrders(ips: YpIp[], now: Date): Order[] {
  const groups = new Map<string, YpIp[]>();
  for (const ip of ips) {
    if (ip.orderId === null) continue; // an IP without an order id cannot be renewed by order
    const list = groups.get(ip.orderId) ?? [];
    list.push(ip);
    groups.set(ip.orderId, list);
  }
  return [...groups.entries()].map(([id, members]) => {
    const type = members.find((m) => m.proxyType !== null)?.proxyType ?? null;
    const expiresAt = earliest(members.map((m) => m.endpoint.expiresAt));
    const autos = new Set(members.map((m) => m.endpoint.autoRenew));
    const countries = new Set(members.map((m) => m.endpoint.country));
    const latestEnd = members
      .map((m) => m.endpoint.expiresAt)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1);
    const status: OrderStatus =
      expiresAt === null ? 'unknown' : latestEnd && Date.parse(latestEnd) <= now.getTime() ? 'expired' : 'active';
    return {
      id,
      kind: type ? KIND_OF_TYPE[type] : 'other',
      product: type ? PRODUCT_OF_TYPE[type] : 'Proxies',
      status,
      vendorStatus: null,
      createdAt: earliest(members.map((m) => m.createdAt)),
      expiresAt,
      autoRenew: autos.size === 1 ? ([...autos][0] ?? null) : null,
      quantity: members.length,
      price: null,
      tag: null,
      country: countries.size === 1 ? ([...countries][0] ?? null) : null,
      details: {
        proxyType: type ?? 'unknown',
        source: 'Derived from the IP list (YouProxy has no order list endpoint)',
        ipAddressIds: members.map((m) => m.id).join(', '),
        ...(latestEnd && latestEnd !== expiresAt ? { latestExpiry: latestEnd } : {}),
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Price checks and extensions
// ---------------------------------------------------------------------------------------------

export interface YpWarning {
  code: string;
  message: string;
  /** YouProxy: any warning means the same request will not be executed (youproxy.md §3.7). */
  blocking: boolean;
}

export interface YpQuote {
  price: Money;
  balance: Money | null;
  discount: number | null;
  promoCodeStatus: string | null;
  warnings: YpWarning[];
}

/** /calculate/extend and /calculate/extend/order: total `price`, current `balance`, blocking `warnings`. */
export function mapQuote(body: Obj): YpQuote {
  const currency = normCurrency(optStr(pick(body, 'currency', 'currencyCode')));
  const price = pick(body, 'price', 'totalPrice', 'amount');
  if (price === undefined) throw new BadField('price', price);
  const warnings: YpWarning[] = list(body.warnings, 'warnings').map((w) => {
    const e = errorOf({ error: w }) ?? { code: null, message: null };
    return {
      code: e.code === null ? 'warning' : String(e.code),
      message: e.message ?? 'YouProxy says this request would not be executed.',
      blocking: true,
    };
  });
  return {
    price: moneyFromDecimal(price, currency, 'price'),
    balance: optMoney(body.balance, currency, 'balance', 'decimal'),
    discount: optNum(body.discount),
    promoCodeStatus: optStr(body.promoCodeStatus),
    warnings,
  };
}

export interface YpExtendEcho {
  /** The IP ids the vendor says were affected (seed 002's `ipAddressIds`). */
  ipAddressIds: string[];
  /** NEW's example echoes `orderIds` instead: order ids, kept apart so they are never taken for IP ids. */
  orderIds: string[];
  quantity: number | null;
  balance: Money | null;
  promoCodeStatus: string | null;
}

const idList = (body: Obj, field: string): string[] =>
  list(body[field], field).map((v, i) => reqId(v, `${field}[${i}]`));

/** /extend* and /extend*auto answers. The echo key is `ipAddressIds`, but NEW's example says `orderIds`. */
export function mapExtendEcho(body: Obj): YpExtendEcho {
  const currency = normCurrency(optStr(pick(body, 'currency', 'currencyCode')));
  const quantity = body.quantity === undefined || body.quantity === null ? null : optNum(body.quantity);
  if (quantity === null && body.quantity !== undefined && body.quantity !== null) {
    throw new BadField('quantity', body.quantity);
  }
  return {
    ipAddressIds: idList(body, 'ipAddressIds'),
    orderIds: idList(body, 'orderIds'),
    quantity,
    balance: optMoney(body.balance, currency, 'balance', 'decimal'),
    promoCodeStatus: optStr(body.promoCodeStatus),
  };
}
