/**
 * Thordata Public API client. Auth: `token` + `key` in the query for GET, in headers for POST
 * (form-encoded bodies). Envelope `{code, data, msg}` with code 200 = success and HTTP 200 even for
 * business errors. Two hosts serve the same paths (openapi. current, api. older); a 404 on one is
 * retried once on the other (a 404 means nothing was applied, so this is safe for writes too).
 */
import type {
  Balance,
  Capability,
  ConnectionCheck,
  Money,
  ProxyEndpoint,
  RenewPeriod,
  RenewQuote,
  RenewQuoteItem,
  RenewRequest,
  RenewResult,
  RenewResultItem,
  SubUser,
  TrafficSeries,
  UnlimitedServer,
  VendorId,
  WhitelistEntry,
} from '../../../preload/contract/model';
import { BaseVendorClient } from '../base-client';
import { VendorError } from '../errors';
import { HttpTransport, type QueryValue } from '../http/transport';
import { isObj, optNum, optStr } from '../parse';
import type {
  ClientOptions,
  SubUserInput,
  SubUserPatch,
  TrafficQuery,
  VendorClient,
  WriteOptions,
} from '../vendor-client';
import {
  CURRENCY,
  LEGACY_BASE_URL,
  PATHS,
  PRODUCT_NAMES,
  PRODUCTS,
  type Product,
  PUBLIC_BASE_URL,
  RENEW_PACKAGES,
  SERVER_RENEW_PERIODS,
  STATIC_TYPES,
  UNITS,
  UPGRADE_BANDWIDTHS,
  UPGRADE_SIZES,
  USAGE_UNIT_NOTE,
} from './constants';
import { classifyBusinessCode, classifyHttpStatus } from './errors';
import {
  mapBalance,
  mapExpirations,
  mapPaidOrder,
  mapProxyList,
  mapServers,
  mapSubUser,
  mapSubUsers,
  mapUsagePoints,
  mapWhitelist,
  parseSubUserId,
  subUserRows,
} from './mappers';

export const THORDATA_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'balance',
  'trafficBalance',
  'staticIps',
  'traffic',
  'trafficHourly',
  'whitelist',
  'whitelistEdit',
  'subUsers',
  'subUsersEdit',
  'renew',
  'unlimitedServers',
]);

/** Which host a call goes to first; the other one is the 404 fallback. */
type Host = 'public' | 'legacy';

interface Call {
  method: 'GET' | 'POST';
  path: string;
  params?: Record<string, QueryValue>;
  host?: Host;
  signal?: AbortSignal;
}

/** Hosts, overridable by tests (ClientOptions.baseUrl points both at one simulator). */
export interface ThordataHosts {
  publicBase: string;
  legacyBase: string;
}

const MAX_RANGE_DAYS = 180; // error 10021 beyond this
const EXPIRY_BATCH = 100; // IPs per P2 call, keeps the query string short
const DAY_MS = 86_400_000;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ThordataClient extends BaseVendorClient implements VendorClient {
  readonly vendor: VendorId = 'thordata';
  readonly capabilities = THORDATA_CAPABILITIES;
  protected readonly http: HttpTransport;
  private readonly token: string;
  private readonly key: string;
  private readonly hosts: ThordataHosts;
  /** Writes are serialised per account (vendor file §1.6). */
  private writeChain: Promise<unknown> = Promise.resolve();
  /** Prices Thordata charged in this session per `ins_id|package_id`: the only price data we get. */
  private readonly seenPrices = new Map<string, Money>();
  private readonly now: () => Date;

  constructor(opts: ClientOptions, hosts?: Partial<ThordataHosts>, now: () => Date = () => new Date()) {
    super();
    this.token = opts.credentials.token ?? '';
    this.key = opts.credentials.key ?? '';
    this.hosts = {
      publicBase: hosts?.publicBase ?? opts.baseUrl ?? PUBLIC_BASE_URL,
      legacyBase: hosts?.legacyBase ?? opts.baseUrl ?? LEGACY_BASE_URL,
    };
    this.now = now;
    this.http = new HttpTransport({
      vendor: 'thordata',
      baseUrl: this.hosts.publicBase,
      secrets: Object.values(opts.credentials),
      ...(opts.log ? { log: opts.log } : {}),
      ...opts.transport,
    });
  }

  // ---------- plumbing ----------

  /** One call with auth placed per verb, envelope checked, and the 404 host fallback. */
  private async call(c: Call): Promise<unknown> {
    const first = c.host ?? 'public';
    const bases = [this.baseOf(first), this.baseOf(first === 'public' ? 'legacy' : 'public')];
    const tried = bases[0] === bases[1] ? bases.slice(0, 1) : bases;
    let res: { status: number; json: unknown } | undefined;
    for (const baseUrl of tried) {
      res = await this.http.requestJson({
        method: c.method,
        path: c.path,
        baseUrl,
        ...(c.signal ? { signal: c.signal } : {}),
        ...(c.method === 'GET'
          ? { query: { token: this.token, key: this.key, ...c.params } }
          : { headers: { token: this.token, key: this.key }, body: { form: c.params ?? {} } }),
      });
      if (res.status !== 404 || hasEnvelope(res.json)) break;
    }
    return this.unwrap(res as { status: number; json: unknown });
  }

  private baseOf(h: Host): string {
    return h === 'public' ? this.hosts.publicBase : this.hosts.legacyBase;
  }

  private unwrap(res: { status: number; json: unknown }): unknown {
    const j = res.json;
    if (hasEnvelope(j)) {
      const code = optNum(j.code) as number;
      if (code === 200) return j.data;
      const info = classifyBusinessCode(code);
      const msg = optStr(j.msg) ?? optStr(j.message) ?? info.meaning;
      throw this.http.error(info.code, { message: msg, vendorCode: code, httpStatus: res.status });
    }
    const kind = res.status >= 200 && res.status < 300 ? 'bad_response' : classifyHttpStatus(res.status);
    throw this.http.error(kind, { httpStatus: res.status });
  }

  private serialWrite<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writeChain.then(fn, fn);
    this.writeChain = run.catch(() => undefined);
    return run;
  }

  private invalid(message: string): VendorError {
    return this.http.error('invalid_argument', { message });
  }

  // ---------- reads ----------

  async testConnection(): Promise<ConnectionCheck> {
    return this.checkWith(async () => {
      const data = await this.call({ method: 'GET', path: PATHS.walletBalance });
      const b = this.parse('wallet balance', () => mapBalance(data, {}));
      return this.connected(b.money);
    });
  }

  async getBalance(): Promise<Balance> {
    const [wallet, traffic] = await Promise.all([
      this.call({ method: 'GET', path: PATHS.walletBalance }),
      this.call({ method: 'GET', path: PATHS.trafficBalance }),
    ]);
    return this.parse('balance', () => mapBalance(wallet, traffic));
  }

  override async listProxies(): Promise<ProxyEndpoint[]> {
    const now = this.now();
    const lists = await Promise.all(
      STATIC_TYPES.map(async ({ type, kind }) => {
        const data = await this.call({ method: 'GET', path: PATHS.proxyList, params: { proxy_type: type } });
        const rows = this.parse('proxy list', () => mapProxyList(data, kind, now));
        return this.fillExpiries(rows, type, now);
      }),
    );
    return lists.flat();
  }

  /** P2: asks for the expiry of IPs whose P1 row came without one (older payloads). */
  private async fillExpiries(rows: ProxyEndpoint[], type: number, now: Date): Promise<ProxyEndpoint[]> {
    const missing = [...new Set(rows.filter((r) => r.expiresAt === null).map((r) => r.ip))];
    if (missing.length === 0) return rows;
    const found = await this.expirations(missing, type);
    return rows.map((r) => {
      const exp = r.expiresAt ?? found.get(r.ip) ?? null;
      return exp === r.expiresAt
        ? r
        : { ...r, expiresAt: exp, status: Date.parse(exp as string) <= now.getTime() ? 'expired' : 'active' };
    });
  }

  /** P2 `/proxy/expiration-time` for any IPs, batched. proxy_type 1 ISP, 2 datacenter. */
  async expirations(ips: string[], proxyType = 1): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    for (let i = 0; i < ips.length; i += EXPIRY_BATCH) {
      const batch = ips.slice(i, i + EXPIRY_BATCH);
      const data = await this.call({
        method: 'GET',
        path: PATHS.proxyExpiration,
        params: { proxy_type: proxyType, ips: batch.join(',') },
      });
      for (const [ip, exp] of this.parse('IP expiration times', () => mapExpirations(data))) out.set(ip, exp);
    }
    return out;
  }

  override async listUnlimitedServers(): Promise<UnlimitedServer[]> {
    const data = await this.call({ method: 'GET', path: PATHS.serverList });
    const now = this.now();
    return this.parse('unlimited servers', () => mapServers(data, now));
  }

  override async getTraffic(q: TrafficQuery): Promise<TrafficSeries[]> {
    if (!DATE.test(q.from) || !DATE.test(q.to) || q.from > q.to) {
      throw this.invalid('Dates must be YYYY-MM-DD with from on or before to.');
    }
    if (!q.subUserId) {
      if (q.granularity === 'hour')
        throw this.http.error('not_supported', { message: 'hourly usage is per sub-user only' });
      return [await this.accountDaily(q.from, q.to)];
    }
    const { product, username } = parseSubUserId(q.subUserId);
    const proxyType = PRODUCTS[product].userType;
    const hourly = q.granularity === 'hour';
    const ranges = hourly ? [[q.from, q.to] as const] : splitRange(q.from, q.to);
    const points = [];
    for (const [from, to] of ranges) {
      const data = await this.call({
        method: 'GET',
        path: hourly ? PATHS.userUsageHour : PATHS.userUsage,
        params: {
          proxy_type: proxyType,
          username,
          from_date: hourly ? `${from} 00` : from,
          to_date: hourly ? `${to} 23` : to,
        },
      });
      points.push(...this.parse('sub-user usage', () => mapUsagePoints(data, UNITS.usageStatistics)));
    }
    return [
      {
        granularity: q.granularity,
        subUserId: q.subUserId,
        label: `${username} (${PRODUCTS[product].label})`,
        points,
        note: USAGE_UNIT_NOTE,
      },
    ];
  }

  /** A3, split into ≤180-day windows (longer ranges answer 10021). */
  private async accountDaily(from: string, to: string): Promise<TrafficSeries> {
    const points = [];
    for (const [f, t] of splitRange(from, to)) {
      const data = await this.call({
        method: 'GET',
        path: PATHS.usageStatistics,
        params: { from_date: f, to_date: t },
      });
      points.push(...this.parse('usage statistics', () => mapUsagePoints(data, UNITS.usageStatistics)));
    }
    return {
      granularity: 'day',
      subUserId: null,
      label: 'Residential traffic (main account)',
      points,
      note: USAGE_UNIT_NOTE,
    };
  }

  // ---------- whitelist ----------

  override async listWhitelist(): Promise<WhitelistEntry[]> {
    const lists = await Promise.all(PRODUCT_NAMES.map((p) => this.whitelistOf(p)));
    return lists.flat();
  }

  private async whitelistOf(product: Product): Promise<WhitelistEntry[]> {
    const data = await this.call({
      method: 'GET',
      path: PATHS.whitelistList,
      params: { proxy_type: PRODUCTS[product].whitelistType },
    });
    return this.parse('whitelist', () => mapWhitelist(data, product));
  }

  /** A bare IP goes to the residential list; `unlimited:1.2.3.4` (an entry id) to that product's. */
  override async addWhitelist(ips: string[]): Promise<void> {
    const targets = ips.map((s) => this.whitelistTarget(s));
    await this.serialWrite(async () => {
      for (const t of targets) {
        await this.call({
          method: 'POST',
          path: PATHS.whitelistAdd,
          params: { proxy_type: PRODUCTS[t.product ?? 'residential'].whitelistType, ip: t.ip, status: 'true' },
        });
      }
    });
  }

  /** A bare IP is removed from every product list that holds it; an entry id from its own list. */
  override async removeWhitelist(ips: string[]): Promise<void> {
    const targets = ips.map((s) => this.whitelistTarget(s));
    const needLookup = targets.some((t) => t.product === null);
    const current = needLookup ? await this.listWhitelist() : [];
    await this.serialWrite(async () => {
      for (const t of targets) {
        const products: Product[] = t.product
          ? [t.product]
          : PRODUCT_NAMES.filter((p) => current.some((e) => e.ip === t.ip && e.id === `${p}:${t.ip}`));
        // Not on any list: ask the residential list anyway so the vendor's own answer is shown.
        for (const p of products.length > 0 ? products : (['residential'] as Product[])) {
          await this.call({
            method: 'POST',
            path: PATHS.whitelistDelete,
            params: { proxy_type: PRODUCTS[p].whitelistType, ip: t.ip },
          });
        }
      }
    });
  }

  private whitelistTarget(s: string): { product: Product | null; ip: string } {
    const i = s.indexOf(':');
    const product = i > 0 && s.slice(0, i) in PRODUCTS ? (s.slice(0, i) as Product) : null;
    const ip = (product ? s.slice(i + 1) : s).trim();
    if (!IPV4.test(ip)) throw this.invalid(`"${ip}" is not an IPv4 address (Thordata whitelists IPv4 only).`);
    return { product, ip };
  }

  // ---------- sub-users ----------

  override async listSubUsers(): Promise<SubUser[]> {
    const lists = await Promise.all(PRODUCT_NAMES.map((p) => this.subUsersOf(p)));
    return lists.flat();
  }

  private async userListData(product: Product): Promise<unknown> {
    return this.call({ method: 'GET', path: PATHS.userList, params: { proxy_type: PRODUCTS[product].userType } });
  }

  private async subUsersOf(product: Product): Promise<SubUser[]> {
    const data = await this.userListData(product);
    return this.parse('sub-users', () => mapSubUsers(data, product));
  }

  /** Creates a residential sub-user (the interface has no product field). Limit rounds up to whole MB. */
  override async createSubUser(input: SubUserInput): Promise<SubUser | null> {
    const limitMb = this.limitToMb(input.limitBytes);
    await this.serialWrite(() =>
      this.call({
        method: 'POST',
        path: PATHS.createUser,
        params: {
          proxy_type: PRODUCTS.residential.userType,
          username: input.username,
          password: input.password,
          traffic_limit: limitMb,
          status: 'true',
        },
      }),
    );
    // The vendor answers `data: {}`; read the list back for the stored row.
    const users = await this.subUsersOf('residential').catch(() => []);
    return users.find((u) => u.username === input.username) ?? null;
  }

  /** Thordata rejects partial updates (SDK-py): all four `new_*` fields are sent, unchanged ones from U1. */
  override async updateSubUser(id: string, patch: SubUserPatch): Promise<void> {
    const { product, username } = parseSubUserId(id);
    const limitMb = patch.limitBytes === undefined ? undefined : this.limitToMb(patch.limitBytes);
    const data = await this.userListData(product);
    const row = subUserRows(data).find((r) => optStr(r.username) === username);
    if (!row)
      throw this.http.error('vendor_rejected', { message: `no ${PRODUCTS[product].label} sub-user "${username}"` });
    const current = this.parse('sub-user', () => mapSubUser(row, product));
    await this.serialWrite(() =>
      this.call({
        method: 'POST',
        path: PATHS.updateUser,
        params: {
          proxy_type: PRODUCTS[product].userType,
          username,
          new_username: username,
          new_password: patch.password ?? optStr(row.password) ?? '',
          new_traffic_limit: limitMb ?? optNum(row.traffic_limit) ?? 0,
          new_status: String((patch.status ?? current.status) !== 'disabled'),
        },
      }),
    );
  }

  override async deleteSubUser(id: string): Promise<void> {
    const { product, username } = parseSubUserId(id);
    await this.serialWrite(() =>
      this.call({
        method: 'POST',
        path: PATHS.deleteUser,
        params: { proxy_type: PRODUCTS[product].userType, username },
      }),
    );
  }

  /** Bytes → whole MB (rounded up); null = unlimited (0). Thordata's minimum cap is 100 MB. */
  private limitToMb(bytes: number | null): number {
    if (bytes === null) return 0;
    if (!Number.isFinite(bytes) || bytes <= 0) throw this.invalid('The traffic limit must be positive, or unlimited.');
    const mb = Math.ceil(bytes / 1024 ** 2);
    if (mb < 100) throw this.invalid('Thordata needs a traffic limit of at least 100 MB (or unlimited).');
    return mb;
  }

  // ---------- unlimited servers: renew, upgrade, restart ----------

  override async renewalPeriods(kind: 'order' | 'ip' | 'server'): Promise<RenewPeriod[]> {
    // Only unlimited servers can be renewed through the API (no ISP/DC renew endpoint).
    if (kind !== 'server') this.unsupported();
    return SERVER_RENEW_PERIODS;
  }

  private checkRenew(req: RenewRequest): { packageId: number; days: number } {
    const pkg = RENEW_PACKAGES.find((p) => String(p.packageId) === req.periodId);
    if (!pkg) throw this.invalid(`Unknown renewal period "${req.periodId}" (Thordata offers 27, 6, 8, 7).`);
    if (req.targets.length === 0) throw this.invalid('Nothing to renew.');
    if (req.targets.some((t) => t.kind !== 'server')) {
      throw this.http.error('not_supported', { message: 'only unlimited servers can be renewed through the API' });
    }
    return pkg;
  }

  /**
   * Thordata has no price check: this is our estimate (vendorQuoted false). Expiry moves by the
   * package length from max(now, current expiry); the price is what Thordata charged for the same
   * server and package earlier in this session, otherwise unknown (warned, not blocking).
   */
  override async quoteRenewal(req: RenewRequest): Promise<RenewQuote> {
    const pkg = this.checkRenew(req);
    const [servers, wallet] = await Promise.all([
      this.listUnlimitedServers(),
      this.call({ method: 'GET', path: PATHS.walletBalance }),
    ]);
    const balance = this.parse('wallet balance', () => mapBalance(wallet, {})).money;
    const warnings: RenewQuote['warnings'] = [
      {
        code: 'estimate',
        message:
          'Thordata has no price check. Thordata sets the price when the order is placed and takes it from your wallet.',
        blocking: false,
      },
    ];
    const now = this.now().getTime();
    let totalMinor = 0;
    let unknownPrice = false;
    const items: RenewQuoteItem[] = req.targets.map((target) => {
      const s = servers.find((x) => x.id === target.id || x.ip === target.id);
      if (!s) {
        warnings.push({ code: 'not_found', message: `Server ${target.label} is not on this account.`, blocking: true });
        return { target, price: null, newExpiresAt: null };
      }
      const price = this.seenPrices.get(`${s.id}|${pkg.packageId}`) ?? null;
      if (price) totalMinor += price.minor;
      else unknownPrice = true;
      const from = Math.max(now, s.expiresAt ? Date.parse(s.expiresAt) : now);
      return { target, price, newExpiresAt: new Date(from + pkg.days * DAY_MS).toISOString() };
    });
    if (unknownPrice) {
      warnings.push({
        code: 'price_unknown',
        message: 'The price of some renewals is not known in advance.',
        blocking: false,
      });
    }
    if (balance && (balance.minor <= 0 || totalMinor > balance.minor)) {
      warnings.push({
        code: 'insufficient_funds',
        message: 'Your Thordata wallet balance is too low.',
        blocking: true,
      });
    }
    return { items, total: { minor: totalMinor, currency: CURRENCY }, vendorQuoted: false, balance, warnings };
  }

  /**
   * POST /unlimited/renew once per server, on the seed's host first, never retried. A failure
   * before anything was bought throws; a failure after some succeeded is reported per item.
   * An `uncertain` failure always throws (the caller reconciles by re-reading S1).
   */
  override async renew(req: RenewRequest, opts: WriteOptions): Promise<RenewResult> {
    const pkg = this.checkRenew(req);
    return this.serialWrite(async () => {
      const done: { target: RenewRequest['targets'][number]; ok: boolean; message: string | null }[] = [];
      const refs: string[] = [];
      let chargedMinor = 0;
      let anyCharge = false;
      for (const target of req.targets) {
        try {
          const data = await this.call({
            method: 'POST',
            path: PATHS.renewServer,
            host: 'legacy',
            params: { package_id: pkg.packageId, ins_id: target.id },
            ...(opts.signal ? { signal: opts.signal } : {}),
          });
          const order = this.parse('renewal order', () => mapPaidOrder(data));
          if (order.orderId) refs.push(order.orderId);
          if (order.money) {
            chargedMinor += order.money.minor;
            anyCharge = true;
            this.seenPrices.set(`${target.id}|${pkg.packageId}`, order.money);
          }
          done.push({ target, ok: true, message: order.orderId ? `Order ${order.orderId}` : null });
        } catch (e) {
          const nothingBought = done.every((d) => !d.ok);
          if (!(e instanceof VendorError) || e.uncertain || nothingBought) throw e;
          done.push({ target, ok: false, message: e.message });
        }
      }
      // The vendor returns no new expiry: read the servers back (a failed read leaves it unknown).
      const servers = await this.listUnlimitedServers().catch(() => [] as UnlimitedServer[]);
      const items: RenewResultItem[] = done.map((d) => ({
        target: d.target,
        ok: d.ok,
        newExpiresAt: d.ok ? (servers.find((s) => s.id === d.target.id)?.expiresAt ?? null) : null,
        message: d.message,
      }));
      return {
        items,
        reference: refs.length > 0 ? refs.join(', ') : null,
        charged: anyCharge ? { minor: chargedMinor, currency: CURRENCY } : null,
      };
    });
  }

  /** planId is `<bw_id>:<sv_id>` (see UPGRADE_BANDWIDTHS / UPGRADE_SIZES). Paid, sent once. */
  async upgradeServer(serverId: string, planId: string, opts: WriteOptions): Promise<void> {
    const m = /^(\d+):(\d+)$/.exec(planId.trim());
    const bw = m ? Number(m[1]) : Number.NaN;
    const sv = m ? Number(m[2]) : Number.NaN;
    if (!(bw in UPGRADE_BANDWIDTHS) || !(sv in UPGRADE_SIZES)) {
      throw this.invalid(`Upgrade plan "${planId}" must be "<bandwidth id>:<server size id>", e.g. "3:5".`);
    }
    await this.serialWrite(() =>
      this.call({
        method: 'POST',
        path: PATHS.upgradeServer,
        params: { ins_id: serverId, bw_id: bw, sv_id: sv },
        ...(opts.signal ? { signal: opts.signal } : {}),
      }),
    );
  }

  /** Restart takes the hostname (`plan_name`), not `ins_id`: look it up when given an id. */
  async restartServer(serverId: string): Promise<void> {
    let planName = serverId;
    if (!serverId.includes('.')) {
      const s = (await this.listUnlimitedServers()).find((x) => x.id === serverId);
      if (!s) throw this.http.error('vendor_rejected', { message: `no unlimited server "${serverId}"` });
      planName = s.ip;
    }
    await this.serialWrite(() =>
      this.call({ method: 'POST', path: PATHS.restartServer, params: { plan_name: planName } }),
    );
  }
}

function hasEnvelope(j: unknown): j is { code: unknown; data?: unknown; msg?: unknown; message?: unknown } {
  return isObj(j) && optNum(j.code) !== null;
}

/** Inclusive [from, to] split into windows of at most MAX_RANGE_DAYS days. */
export function splitRange(from: string, to: string): [string, string][] {
  const out: [string, string][] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let start = Date.parse(`${from}T00:00:00Z`); start <= end; start += MAX_RANGE_DAYS * DAY_MS) {
    const stop = Math.min(end, start + (MAX_RANGE_DAYS - 1) * DAY_MS);
    out.push([new Date(start).toISOString().slice(0, 10), new Date(stop).toISOString().slice(0, 10)]);
  }
  return out;
}
