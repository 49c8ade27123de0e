/**
 * The Thordata simulator's account state and the business rules of each documented call. Every
 * method returns the envelope's `data` or throws ThorError(code) with a documented business code.
 * Units as the vendor documents them: money in USD decimals, MB for traffic balance and sub-user
 * figures, KB for usage statistics.
 */
import type { SimServer } from '../sim-server';
import type { SimulatorOptions } from '../types';
import { BANDWIDTH_MBPS, PACKAGE_DISCOUNT, RENEW_DAYS, SIZES } from './pricing';
import {
  DAY_MS,
  dailyUsageKb,
  digits,
  floorMinute,
  fmtDay,
  fmtMinute,
  prng,
  type Rand,
  type SeedServer,
  type SeedStaticIp,
  type SeedSubUser,
  type SeedWhitelist,
  seedServers,
  seedStaticIps,
  seedSubUsers,
  seedWhitelist,
  subUserUsageKb,
} from './seed-data';
import { ThorError } from './thor-error';
import { boolFlag, createUser, deleteUser, str, USER_LIMIT, updateUser } from './users';

export { RENEW_DAYS } from './pricing';
export { ThorError } from './thor-error';

const WHITELIST_LIMIT = 10;
const OFFLINE_AFTER_DAYS = 30; // an expired server this long is reclaimed: 10007 on renew

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HOUR = /^(\d{4}-\d{2}-\d{2}) (\d{2})$/;

export interface ThordataSimulatorOptions extends SimulatorOptions {
  /** P1 rows come without `expiration_time` (older payloads), so clients must ask P2. */
  omitIpExpiry?: boolean;
}

type Params = { get(name: string): string | null };

export class ThordataState {
  walletCents: number;
  trafficBalanceMb: number;
  trafficExpires: Date;
  readonly subUsers: Record<1 | 2, SeedSubUser[]>;
  readonly whitelist: Record<1 | 2 | 9, SeedWhitelist[]>;
  readonly staticIps: Record<1 | 2, SeedStaticIp[]>;
  readonly servers: (SeedServer & { lastRestart?: number })[];
  /**
   * Test hook: rewrites the `data` of one route (key: documented path, e.g. '/unlimited/server-list')
   * before it is enveloped — wrong shapes, impossible dates.
   */
  readonly patches = new Map<string, (data: unknown) => unknown>();
  private readonly rand: Rand;
  private readonly seed: number;

  constructor(
    private readonly sim: SimServer,
    readonly account: string,
    private readonly opts: ThordataSimulatorOptions,
  ) {
    this.seed = opts.seed ?? 1;
    this.rand = prng(this.seed);
    const now = sim.now();
    this.walletCents = opts.balanceMinor ?? 184_250;
    this.trafficBalanceMb = 386_540;
    this.trafficExpires = new Date(now.getTime() + 74 * DAY_MS);
    const ips = seedStaticIps(this.rand, opts.ipCount ?? 40, now);
    this.staticIps = { 1: ips.isp, 2: ips.dc };
    this.servers = seedServers(this.rand, now);
    this.subUsers = { 1: seedSubUsers(this.rand, 6, now, ''), 2: seedSubUsers(this.rand, 2, now, 'unl') };
    this.whitelist = { 1: seedWhitelist(this.rand, 4, now), 2: seedWhitelist(this.rand, 2, now), 9: [] };
  }

  private get now(): Date {
    return this.sim.now();
  }

  /** wrong_units fault: MB figures come back as KB (×1024), KB figures as MB (÷1024), money in cents. */
  private mb(v: number): number {
    return this.sim.wrongUnits ? v * 1024 : v;
  }
  private kb(v: number): number {
    return this.sim.wrongUnits ? Math.round((v / 1024) * 100) / 100 : v;
  }
  private usd(cents: number): number {
    return this.sim.wrongUnits ? cents : cents / 100;
  }

  // ---------- account ----------

  walletBalance() {
    return { wallet_balance: this.usd(this.walletCents) };
  }

  trafficBalance() {
    return { traffic_balance: this.mb(this.trafficBalanceMb), expiration_time: fmtDay(this.trafficExpires) };
  }

  usageStatistics(q: Params) {
    const days = this.dayRange(q);
    const rows = days.map((d) => ({ date: d, usage_traffic: this.kb(this.accountDayKb(d)) }));
    const range = rows.reduce((s, r) => s + r.usage_traffic, 0);
    return {
      total_usage_traffic: this.kb(9_876_543_210),
      traffic_balance: this.kb(this.trafficBalanceMb * 1024),
      query_days: days.length,
      range_usage_traffic: Math.round(range * 100) / 100,
      data: rows,
    };
  }

  private accountDayKb(day: string): number {
    const t = Date.parse(`${day}T00:00:00Z`);
    // No usage before the account opened (400 days ago) or after today.
    if (t > this.now.getTime() || t < this.now.getTime() - 400 * DAY_MS) return 0;
    return dailyUsageKb(this.seed, day);
  }

  /** from_date/to_date (yyyy-mm-dd) → days, at most 180 (10021); only days up to today. */
  private dayRange(q: Params): string[] {
    const from = q.get('from_date');
    const to = q.get('to_date');
    if (!from || !to || !DAY.test(from) || !DAY.test(to) || from > to) {
      throw new ThorError(10000, 'from_date and to_date are required (yyyy-mm-dd)');
    }
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`);
    if ((end - start) / DAY_MS + 1 > 180) throw new ThorError(10021, 'The query time range cannot exceed 180 days');
    const out: string[] = [];
    for (let t = start; t <= end && t <= this.now.getTime(); t += DAY_MS) out.push(fmtDay(new Date(t)));
    return out;
  }

  // ---------- proxy users ----------

  private userType(v: string | null | undefined): 1 | 2 {
    if (v === '1' || v === null || v === undefined || v === '') return 1;
    if (v === '2') return 2;
    throw new ThorError(10000, 'proxy_type is invalid');
  }

  userList(q: Params) {
    const list = this.subUsers[this.userType(q.get('proxy_type'))];
    return {
      limit: USER_LIMIT,
      remaining_limit: USER_LIMIT - list.length,
      user_count: list.length,
      list: list.map((u) => ({
        created_time: u.created,
        username: u.username,
        password: u.password,
        status: u.status,
        traffic_limit: this.mb(u.trafficLimitMb),
        usage_traffic: this.mb(u.usageMb),
      })),
    };
  }

  createUser(b: Record<string, unknown>) {
    return createUser(this.subUsers[this.userType(str(b.proxy_type))], b, this.now);
  }

  updateUser(b: Record<string, unknown>) {
    return updateUser(this.subUsers[this.userType(str(b.proxy_type))], b);
  }

  deleteUser(b: Record<string, unknown>) {
    return deleteUser(this.subUsers[this.userType(str(b.proxy_type))], b);
  }

  /** U5 (daily, several names comma-separated) and U6 (hourly, one name). */
  userUsage(q: Params, hourly: boolean) {
    const list = this.subUsers[this.userType(q.get('proxy_type'))];
    const names = (q.get('username') ?? '').split(',').filter(Boolean);
    if (names.length === 0) throw new ThorError(10000, 'username is required');
    const users = names.map((n) => {
      const u = list.find((x) => x.username === n);
      if (!u) throw new ThorError(10020, 'The username does not exist');
      return u;
    });
    const buckets = hourly ? this.hourRange(q) : this.dayRange(q);
    const created = Math.min(...users.map((u) => Date.parse(`${u.created}T00:00:00Z`)));
    const rows = buckets.map((b) => {
      const t = Date.parse(`${b.slice(0, 10)}T00:00:00Z`);
      const kb = t < created ? 0 : users.reduce((s, u) => s + subUserUsageKb(u.username, b), 0);
      return { date: b, usage_traffic: this.kb(Math.round(kb * 100) / 100) };
    });
    const limitMb = users.length === 1 ? (users[0]?.trafficLimitMb ?? 0) : 0;
    const usedKb = users.reduce((s, u) => s + u.usageMb * 1024, 0);
    return {
      traffic_limit: this.kb(limitMb * 1024),
      total_usage_traffic: this.kb(usedKb),
      traffic_balance: this.kb(limitMb === 0 ? 0 : Math.max(0, limitMb * 1024 - usedKb)),
      query_days: hourly ? Math.ceil(buckets.length / 24) : buckets.length,
      range_usage_traffic: Math.round(rows.reduce((s, r) => s + r.usage_traffic, 0) * 100) / 100,
      data: rows,
    };
  }

  private hourRange(q: Params): string[] {
    const from = HOUR.exec(q.get('from_date') ?? '');
    const to = HOUR.exec(q.get('to_date') ?? '');
    if (!from || !to) throw new ThorError(10000, 'from_date and to_date are required (yyyy-mm-dd HH)');
    const start = Date.parse(`${from[1]}T${from[2]}:00:00Z`);
    const end = Date.parse(`${to[1]}T${to[2]}:00:00Z`);
    if (!(start <= end)) throw new ThorError(10000, 'from_date must not be after to_date');
    if ((end - start) / DAY_MS > 180) throw new ThorError(10021, 'The query time range cannot exceed 180 days');
    const out: string[] = [];
    for (let t = start; t <= end && t <= this.now.getTime(); t += 3_600_000) {
      out.push(new Date(t).toISOString().slice(0, 13).replace('T', ' '));
    }
    return out;
  }

  // ---------- whitelist ----------

  private whitelistType(v: string | null | undefined): 1 | 2 | 9 {
    if (v === '1' || v === null || v === undefined || v === '') return 1;
    if (v === '2' || v === '9') return Number(v) as 2 | 9;
    throw new ThorError(10000, 'proxy_type is invalid');
  }

  whitelistList(q: Params) {
    const list = this.whitelist[this.whitelistType(q.get('proxy_type'))];
    return {
      ip_count: list.length,
      limit: WHITELIST_LIMIT,
      remaining_limit: WHITELIST_LIMIT - list.length,
      lists: list.map((w) => ({ created_time: w.created, ip: w.ip, status: w.status })),
    };
  }

  whitelistAdd(b: Record<string, unknown>) {
    const list = this.whitelist[this.whitelistType(str(b.proxy_type))];
    const ip = str(b.ip);
    if (!IPV4.test(ip)) throw new ThorError(10000, 'ip is invalid');
    if (list.some((w) => w.ip === ip)) throw new ThorError(10000, 'The IP already exists');
    if (list.length >= WHITELIST_LIMIT) throw new ThorError(10000, 'The whitelist is full');
    list.push({ ip, status: str(b.status) === '' ? true : boolFlag(b.status), created: fmtDay(this.now) });
    return {};
  }

  whitelistDelete(b: Record<string, unknown>) {
    const list = this.whitelist[this.whitelistType(str(b.proxy_type))];
    const i = list.findIndex((w) => w.ip === str(b.ip));
    if (i < 0) throw new ThorError(10000, 'The IP is not on the whitelist');
    list.splice(i, 1);
    return {};
  }

  // ---------- ISP / datacenter ----------

  private staticType(v: string | null): 1 | 2 {
    if (v === '1' || v === null || v === '') return 1;
    if (v === '2') return 2;
    throw new ThorError(10000, 'proxy_type is invalid');
  }

  /**
   * P1 rows. Expiry in both forms the docs allow, mixed deterministically (every third row): the
   * documented "YYYY-MM-DD HH:mm" in vendor time, and the legacy `expireTime` in unix seconds (vendor
   * file §3.5: SDK-py "also accepts a legacy expireTime unix int"). Both are the same true instant.
   */
  proxyList(q: Params) {
    return this.staticIps[this.staticType(q.get('proxy_type'))].map((p, i) => ({
      purchase_time: fmtMinute(p.purchase),
      ...(this.opts.omitIpExpiry
        ? {}
        : i % 3 === 2
          ? { expireTime: Math.floor(p.expires.getTime() / 1000) }
          : { expiration_time: fmtMinute(p.expires) }),
      ip: p.ip,
      port: p.port,
      username: p.username,
      password: p.password,
      country: p.country,
      city: p.city,
    }));
  }

  proxyExpiration(q: Params) {
    const list = this.staticIps[this.staticType(q.get('proxy_type'))];
    const ips = (q.get('ips') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ips.length === 0) throw new ThorError(10000, 'ips is required');
    return ips.map((ip) => {
      const p = list.find((x) => x.ip === ip);
      if (!p) throw new ThorError(10010, 'The IP does not exist');
      return { ip, expiration_time: fmtMinute(p.expires) };
    });
  }

  // ---------- unlimited servers ----------

  serverList() {
    return this.servers.map((s) => ({
      purchase_time: fmtMinute(s.purchase),
      expiration_time: fmtMinute(s.expires),
      plan_name: s.planName,
      server: SIZES[s.svId]?.label ?? '',
      bandwidth: `${BANDWIDTH_MBPS[s.bwId] ?? 0}Mbps`,
      // For a minute after a restart (S2) the server reads "Restarting" (a simulator rule).
      status: s.lastRestart !== undefined && this.now.getTime() - s.lastRestart < 60_000 ? 'Restarting' : s.status,
      order_id: s.orderId,
      ins_id: s.insId,
      region: s.region,
    }));
  }

  restart(b: Record<string, unknown>) {
    const name = str(b.plan_name);
    if (!name) throw new ThorError(10000, 'plan_name is required');
    const s = this.servers.find((x) => x.planName === name);
    if (!s) throw new ThorError(10010, 'The server does not exist');
    const now = this.now.getTime();
    if (s.lastRestart !== undefined && now - s.lastRestart < 60_000) {
      throw new ThorError(10011, 'Operation too frequent, please try again later');
    }
    s.lastRestart = now;
    return {};
  }

  /** Price of a package for a server (cents); simulator pricing. */
  renewPriceCents(s: SeedServer, packageId: number): number {
    const days = RENEW_DAYS[packageId] ?? 0;
    return Math.round(this.dailyCents(s.svId, s.bwId) * days * (PACKAGE_DISCOUNT[packageId] ?? 1));
  }

  private dailyCents(svId: number, bwId: number): number {
    return (SIZES[svId]?.dailyCents ?? 0) + (bwId - 1) * 250;
  }

  renew(b: Record<string, unknown>) {
    const packageId = Number(str(b.package_id));
    const insId = str(b.ins_id);
    if (!str(b.package_id) || !insId) throw new ThorError(10000, 'package_id and ins_id are required');
    const days = RENEW_DAYS[packageId];
    if (days === undefined) throw new ThorError(10001, 'Invalid duration');
    const s = this.server(insId);
    const price = this.renewPriceCents(s, packageId);
    this.pay(price, 'unlimited server renewal', s.insId);
    const base = Math.max(this.now.getTime(), s.expires.getTime());
    // Thordata shows expiries to the minute: the true instant is kept on a whole minute.
    s.expires = new Date(floorMinute(base + days * DAY_MS));
    s.status = 'Turn on';
    return this.order(price);
  }

  upgrade(b: Record<string, unknown>) {
    const s = this.server(str(b.ins_id));
    const bwId = Number(str(b.bw_id));
    const svId = Number(str(b.sv_id));
    if (BANDWIDTH_MBPS[bwId] === undefined || SIZES[svId] === undefined) {
      throw new ThorError(10000, 'bw_id or sv_id is invalid');
    }
    const newDaily = this.dailyCents(svId, bwId);
    const oldDaily = this.dailyCents(s.svId, s.bwId);
    if (newDaily <= oldDaily || (SIZES[svId]?.rank ?? 0) < (SIZES[s.svId]?.rank ?? 0) || bwId < s.bwId) {
      throw new ThorError(10000, 'The target configuration must be higher than the current one');
    }
    const daysLeft = Math.max(1, Math.ceil((s.expires.getTime() - this.now.getTime()) / DAY_MS));
    const price = (newDaily - oldDaily) * daysLeft;
    this.pay(price, 'unlimited server upgrade', s.insId);
    s.bwId = bwId;
    s.svId = svId;
    return this.order(price);
  }

  /** A known, still-recoverable server; long-expired servers are offline (10007). */
  private server(insId: string): SeedServer {
    if (!insId) throw new ThorError(10000, 'ins_id is required');
    const s = this.servers.find((x) => x.insId === insId);
    if (!s) throw new ThorError(10010, 'The server does not exist');
    if (s.expires.getTime() < this.now.getTime() - OFFLINE_AFTER_DAYS * DAY_MS) {
      throw new ThorError(10007, 'The IP is offline and cannot be renewed');
    }
    return s;
  }

  /** Takes money from the wallet and records exactly one ledger entry. */
  private pay(cents: number, what: string, item: string): void {
    if (this.walletCents <= 0) throw new ThorError(10017, 'Please recharge first');
    if (this.walletCents < cents) throw new ThorError(10008, 'Insufficient wallet balance');
    this.walletCents -= cents;
    this.sim.charge({ account: this.account, amountMinor: cents, currency: 'USD', what, items: [item] });
  }

  private order(cents: number) {
    return { order_id: `Thor${digits(this.rand, 9)}`, order_money: this.usd(cents) };
  }
}
