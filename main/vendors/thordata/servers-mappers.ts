/**
 * Thordata unlimited-server payloads (vendor file §3.6 S3, S4, S7) → the servers contract. Strict where
 * a misread would draw a wrong chart or a wrong list: each series must be `{times: number[], values:
 * number[]}` of equal length with whole unix seconds (2000–2100) and finite values; bound-user rows must
 * be objects with a username. Lenient on cosmetic fields: a bound user's `create_time` is null when
 * absent or unreadable. Numeric strings are accepted (the docs type numbers as strings, §6.4 #9).
 */
import type { BoundSubUser, MonitorSeries, MonitorUnit } from '../../../preload/contract/servers';
import { BadField, isObj, list, type Obj, optNum, optStr, reqId } from '../parse';
import { arrayRows } from './mappers';

/** S3 series (CpuUsage %, MemUsage %, TcpCurrEstab count, WanIntraffic / WanOuttraffic bandwidth). */
const SERVER_UNITS: Readonly<Record<string, MonitorUnit>> = {
  CpuUsage: 'percent',
  MemUsage: 'percent',
  TcpCurrEstab: 'count',
  WanIntraffic: 'mbps',
  WanOuttraffic: 'mbps',
};

export const SERVER_MONITOR_NOTE =
  'Thordata does not say which unit its bandwidth figures use; they look like Mbps and are shown as such.';
export const BALANCING_MONITOR_NOTE =
  'Thordata does not document the units of its load-balancer figures; they are shown as Thordata sends them.';

const MIN_S = 946_684_800; // 2000-01-01
const MAX_S = 4_102_444_800; // 2100-01-01

function unixSeconds(v: unknown, field: string): number {
  const n = optNum(v);
  if (n === null || !Number.isInteger(n) || n < MIN_S || n > MAX_S) throw new BadField(field, v);
  return n;
}

function series(key: string, raw: unknown, unit: MonitorUnit): MonitorSeries {
  if (!isObj(raw)) throw new BadField(key, raw);
  const times = list(raw.times, `${key}.times`);
  const values = list(raw.values, `${key}.values`);
  if (times.length !== values.length) throw new BadField(`${key}.values`, values.length);
  const pairs = times.map((t, i) => {
    const v = optNum(values[i]);
    if (v === null) throw new BadField(`${key}.values`, values[i]);
    return [unixSeconds(t, `${key}.times`) * 1000, v] as const;
  });
  pairs.sort((a, b) => a[0] - b[0]);
  return { key, unit, times: pairs.map((p) => p[0]), values: pairs.map((p) => p[1]) };
}

/** The object of series (`data` of S3, `payload` of S4); absent or null = no series; another type is BadField. */
function seriesObject(data: unknown, unitOf: (key: string) => MonitorUnit): MonitorSeries[] {
  if (data === undefined || data === null) return [];
  if (!isObj(data)) throw new BadField('data', data);
  return Object.entries(data).map(([k, v]) => series(k, v, unitOf(k)));
}

export function mapServerMonitor(data: unknown): MonitorSeries[] {
  return seriesObject(data, (k) => SERVER_UNITS[k] ?? 'unknown');
}

/** S4 series names are not all documented (`client_connection_count`, `client_in_traffic`, …): iterate. */
export function mapBalancingSeries(payload: unknown): MonitorSeries[] {
  return seriesObject(payload, (k) => (/count|conn/i.test(k) ? 'count' : 'unknown'));
}

/**
 * S4's own envelope `{status_code, payload}`: 200 → the payload's series; another status_code → null
 * (the caller raises the vendor's error); without `status_code` → BadField.
 */
export function balancingEnvelope(
  json: unknown,
): { ok: true; payload: unknown } | { ok: false; code: number; msg: string | null } {
  if (!isObj(json)) throw new BadField('status_code', json);
  const code = optNum(json.status_code);
  if (code === null || !Number.isInteger(code)) throw new BadField('status_code', json.status_code);
  if (code === 200) return { ok: true, payload: json.payload };
  return { ok: false, code, msg: optStr(json.msg) ?? optStr(json.message) };
}

export interface BoundUsersRow {
  domain: string | null;
  ip: string | null;
  users: BoundSubUser[];
}

function boundUser(u: unknown): BoundSubUser {
  if (!isObj(u)) throw new BadField('sub_users', u);
  const s = optNum(u.create_time);
  const at = s !== null && Number.isInteger(s) && s >= MIN_S && s <= MAX_S ? new Date(s * 1000).toISOString() : null;
  return { username: reqId(u.username, 'username'), boundAt: at };
}

/** S7 `data[]` rows `{domain, ip, sub_users[]}` (`data.list` tolerated, as the SDK reads it). */
export function mapBoundUsers(data: unknown): BoundUsersRow[] {
  return arrayRows(data, 'data').map((r) => {
    if (!isObj(r)) throw new BadField('data', r);
    const row = r as Obj;
    return {
      domain: optStr(row.domain),
      ip: optStr(row.ip),
      users: list(row.sub_users, 'sub_users').map(boundUser),
    };
  });
}

/** The row of one server: the one naming its host (or IP); a single row is taken as the server's. */
export function boundRowOf(rows: BoundUsersRow[], host: string): BoundUsersRow | null {
  const h = host.toLowerCase();
  const named = rows.find((r) => r.domain?.toLowerCase() === h || r.ip === host);
  if (named) return named;
  return rows.length === 1 ? (rows[0] as BoundUsersRow) : null;
}
