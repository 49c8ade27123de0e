/**
 * Pure mappers from Thordata `data` payloads to the normalized model. Units are converted here,
 * once: money (USD decimal) → cents, traffic (MB or KB, see constants UNITS) → bytes, vendor
 * dates → ISO UTC, ids → strings. Every field is optional; money/expiry/ids that are present but
 * unreadable throw BadField (the client turns that into `bad_response`).
 */
import type {
  Balance,
  Money,
  ProxyEndpoint,
  ProxyStatus,
  SubUser,
  TrafficPoint,
  UnlimitedServer,
  WhitelistEntry,
} from '../../../preload/contract/model';
import { countryCode } from '../country';
import {
  BadField,
  type ByteUnit,
  detailsOf,
  expiry,
  isObj,
  list,
  moneyFromDecimal,
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
  BALANCE_UNIT_NOTE,
  CURRENCY,
  PRODUCTS,
  type Product,
  SERVER_RENEW_PERIODS,
  SUBUSER_UNIT_NOTE,
  UNITS,
  VENDOR_ZONE,
} from './constants';

// ---------- list shapes ----------

/**
 * The rows of an answer whose `data` is documented as an ARRAY (P1, P2, S1). A bare array is the
 * documented shape; an object holding `list`/`lists` is tolerated (SDK variants); absent/null is an
 * empty list. Anything else (an object without a list, a string) is the wrong shape: BadField, so the
 * section keeps its last good data instead of silently turning empty.
 */
export function arrayRows(data: unknown, field: string): unknown[] {
  if (data === undefined || data === null || Array.isArray(data)) return list(data, field);
  if (isObj(data) && ('list' in data || 'lists' in data)) return list(pick(data, 'list', 'lists'), field);
  throw new BadField(field, data);
}

/**
 * The rows of an answer whose `data` is documented as an OBJECT holding the list under `key`
 * (U1 `list`, W1 `lists`, usage `data`). A bare array is tolerated (SDK variants); `data` of another
 * type, or the list of a wrong type, is BadField.
 */
export function objectRows(data: unknown, key: string, ...alt: string[]): unknown[] {
  if (data === undefined || data === null || Array.isArray(data)) return list(data, key);
  if (!isObj(data)) throw new BadField('data', data);
  return list(pick(data, key, ...alt), key);
}

/** Rows that must be objects (servers, IPs, sub-users): a row of another type is BadField. */
function objects(rows: unknown[], field: string): Obj[] {
  return rows.map((r) => {
    if (!isObj(r)) throw new BadField(field, r);
    return r;
  });
}

// ---------- balance ----------

/** A2 `wallet_balance` (SDK-py reads `balance`) + A1 `traffic_balance` / `expiration_time`. */
export function mapBalance(wallet: unknown, traffic: unknown): Balance {
  const w = obj(wallet);
  const t = obj(traffic);
  const rawMoney = pick(w, 'wallet_balance', 'balance', 'walletBalance');
  const money = optMoney(rawMoney, CURRENCY, 'wallet_balance', 'decimal');
  const remaining = pick(t, 'traffic_balance', 'balance');
  return {
    money,
    trafficRemainingBytes: toBytes(remaining, UNITS.trafficBalance),
    trafficExpiresAt: expiry(pick(t, 'expiration_time', 'expire_time'), 'expiration_time', VENDOR_ZONE),
    note: BALANCE_UNIT_NOTE,
  };
}

// ---------- usage statistics (A3, U5, U6) ----------

/**
 * Day rows "YYYY-MM-DD" and hour rows "YYYY-MM-DD HH" (U6): bucket starts in vendor time (VENDOR_ZONE).
 * An impossible bucket ("2026-02-30", hour 99) is null.
 */
export function parseBucket(v: unknown): string | null {
  const s = optStr(v)?.trim();
  if (!s) return null;
  const hour = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2})$/.exec(s);
  if (hour) return optDate(`${hour[1]} ${hour[2]!.padStart(2, '0')}:00`, VENDOR_ZONE);
  return optDate(s, VENDOR_ZONE);
}

/** The rows of a usage-statistics answer: documented at `data.data`, tolerate a bare array. */
export function usageRows(data: unknown): unknown[] {
  return objectRows(data, 'data', 'list', 'lists');
}

export function mapUsagePoints(data: unknown, unit: ByteUnit): TrafficPoint[] {
  const points: TrafficPoint[] = [];
  for (const row of objects(usageRows(data), 'data')) {
    const rawAt = pick(row, 'date', 'time', 'day');
    const rawBytes = pick(row, 'usage_traffic', 'used_flow', 'usage');
    const at = parseBucket(rawAt);
    const bytes = toBytes(rawBytes, unit);
    // A date or figure that is there but unreadable (impossible date, a word) is a misread answer.
    if (at === null && rawAt !== undefined && rawAt !== '') throw new BadField('date', rawAt);
    if (bytes === null && rawBytes !== undefined && rawBytes !== '') throw new BadField('usage_traffic', rawBytes);
    if (at === null || bytes === null) continue; // a row without a date or figure cannot be plotted
    points.push({ at, bytes });
  }
  return points.sort((a, b) => a.at.localeCompare(b.at));
}

// ---------- sub-users (U1) ----------

export function subUserId(product: Product, username: string): string {
  return `${product}:${username}`;
}

/** `residential:alice01` → product + name; a bare name is a residential sub-user. */
export function parseSubUserId(id: string): { product: Product; username: string } {
  const i = id.indexOf(':');
  if (i > 0) {
    const p = id.slice(0, i);
    if (p in PRODUCTS) return { product: p as Product, username: id.slice(i + 1) };
  }
  return { product: 'residential', username: id };
}

/** The sub-user rows of U1: `data.list` documented; tolerate `lists` or a bare array. */
export function subUserRows(data: unknown): Obj[] {
  return objects(objectRows(data, 'list', 'lists'), 'list');
}

export function mapSubUser(row: Obj, product: Product): SubUser {
  const username = reqId(pick(row, 'username', 'user_name', 'name'), 'username');
  const limitMb = optNum(pick(row, 'traffic_limit', 'flow_limit'));
  const status = optBool(pick(row, 'status'));
  return {
    id: subUserId(product, username),
    username,
    limitBytes: limitMb === null || limitMb === 0 ? null : toBytes(limitMb, UNITS.subUserLimit),
    limitUnlimited: limitMb === 0,
    usedBytes: toBytes(pick(row, 'usage_traffic', 'used_traffic'), UNITS.subUserUsage),
    // Legacy API used 1 / -2 for on / off.
    status:
      status === true || row.status === 1 ? 'active' : status === false || row.status === -2 ? 'disabled' : 'unknown',
    note: product === 'residential' ? SUBUSER_UNIT_NOTE : `${PRODUCTS[product].label}. ${SUBUSER_UNIT_NOTE}`,
    createdAt: optDate(pick(row, 'created_time', 'create_time'), VENDOR_ZONE),
  };
}

export function mapSubUsers(data: unknown, product: Product): SubUser[] {
  return subUserRows(data).map((r) => mapSubUser(r, product));
}

// ---------- whitelist (W1) ----------

/** `data.lists` per docs (plural); the SDK expects a flat array of strings or objects. */
export function whitelistRows(data: unknown): unknown[] {
  return objectRows(data, 'lists', 'list');
}

export function whitelistEntryId(product: Product, ip: string): string {
  return `${product}:${ip}`;
}

export function mapWhitelist(data: unknown, product: Product): WhitelistEntry[] {
  const out: WhitelistEntry[] = [];
  for (const row of whitelistRows(data)) {
    if (typeof row !== 'string' && !isObj(row)) throw new BadField('lists', row);
    const r = typeof row === 'string' ? { ip: row } : row;
    const ip = optStr(pick(r, 'ip', 'ip_address'));
    if (!ip) continue;
    const enabled = optBool(r.status);
    out.push({
      ip,
      id: whitelistEntryId(product, ip),
      note: enabled === false ? `${PRODUCTS[product].label} (disabled)` : PRODUCTS[product].label,
      createdAt: optDate(pick(r, 'created_time', 'create_time'), VENDOR_ZONE),
    });
  }
  return out;
}

// ---------- ISP / datacenter IPs (P1, P2) ----------

function statusFromExpiry(expiresAt: string | null, now: Date): ProxyStatus {
  if (expiresAt === null) return 'unknown';
  return Date.parse(expiresAt) <= now.getTime() ? 'expired' : 'active';
}

export function mapProxyRow(row: Obj, kind: 'isp' | 'datacenter', now: Date): ProxyEndpoint {
  const ip = reqId(pick(row, 'ip', 'proxy_ip'), 'ip');
  const port = optNum(pick(row, 'port'));
  const expiresAt = expiry(pick(row, 'expiration_time', 'expireTime', 'expire_time'), 'expiration_time', VENDOR_ZONE);
  return {
    id: port === null ? ip : `${ip}:${port}`,
    ip,
    host: ip,
    httpPort: port,
    // The docs give one port and no protocol; SOCKS5 on the same port is not documented.
    socksPort: null,
    protocol: 'http',
    username: optStr(pick(row, 'username', 'user')),
    password: optStr(pick(row, 'password', 'pwd')),
    country: countryCode(optStr(pick(row, 'country', 'country_code'))),
    kind,
    expiresAt,
    orderId: null,
    status: statusFromExpiry(expiresAt, now),
    autoRenew: null,
  };
}

export function mapProxyList(data: unknown, kind: 'isp' | 'datacenter', now: Date): ProxyEndpoint[] {
  return objects(arrayRows(data, 'data'), 'data').map((r) => mapProxyRow(r, kind, now));
}

/** P2 `data[] {ip, expiration_time}` → ip → ISO expiry. */
export function mapExpirations(data: unknown): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const row of objects(arrayRows(data, 'data'), 'data')) {
    const ip = optStr(row.ip);
    const exp = pick(row, 'expiration_time', 'expire_time', 'expireTime');
    if (ip) out.set(ip, expiry(exp, 'expiration_time', VENDOR_ZONE));
  }
  return out;
}

// ---------- unlimited servers (S1) ----------

function serverStatus(vendorStatus: string | null, expiresAt: string | null, now: Date): ProxyStatus {
  if (expiresAt !== null && Date.parse(expiresAt) <= now.getTime()) return 'expired';
  const s = (vendorStatus ?? '').toLowerCase();
  if (s === '') return 'unknown';
  if (s.includes('on') && !s.includes('off')) return 'active'; // "Turn on"
  if (s.includes('off') || s.includes('stop') || s.includes('shut')) return 'disabled';
  if (s.includes('restart') || s.includes('start') || s.includes('creat') || s.includes('pend')) return 'pending';
  return 'unknown';
}

export function mapServer(row: Obj, now: Date): UnlimitedServer {
  // `ins_id` is what renew/upgrade take; an older row without it falls back to the hostname.
  const id = reqId(pick(row, 'ins_id', 'insId', 'plan_name'), 'ins_id');
  const expiresAt = expiry(pick(row, 'expiration_time', 'expire_time'), 'expiration_time', VENDOR_ZONE);
  const purchased = optDate(row.purchase_time, VENDOR_ZONE);
  const vendorStatus = optStr(row.status);
  return {
    id,
    ip: optStr(pick(row, 'plan_name', 'ip', 'domain')) ?? id,
    status: serverStatus(vendorStatus, expiresAt, now),
    expiresAt,
    bandwidth: optStr(row.bandwidth),
    spec: optStr(pick(row, 'server', 'spec')),
    autoRenew: null,
    renewPeriods: SERVER_RENEW_PERIODS,
    details: {
      ...detailsOf(row, ['expiration_time']),
      ...(purchased ? { purchase_time_utc: purchased } : {}),
    },
  };
}

export function mapServers(data: unknown, now: Date): UnlimitedServer[] {
  return objects(arrayRows(data, 'data'), 'data').map((r) => mapServer(r, now));
}

// ---------- paid orders (S5, S6) ----------

export interface PaidOrder {
  orderId: string | null;
  money: Money | null;
}

/** `{order_id, order_money}`; the docs type order_money as string, the example is a float. */
export function mapPaidOrder(data: unknown): PaidOrder {
  if (data !== undefined && data !== null && !isObj(data)) throw new BadField('data', data);
  const d = obj(data);
  const rawId = pick(d, 'order_id', 'orderId');
  const rawMoney = pick(d, 'order_money', 'money', 'amount');
  return {
    orderId: rawId === undefined ? null : reqId(rawId, 'order_id'),
    money: rawMoney === undefined || rawMoney === '' ? null : moneyFromDecimal(rawMoney, CURRENCY, 'order_money'),
  };
}

export { BadField };
