/**
 * BestProxy VendorClient. Auth is the account's app_key: in the query for GET, and in the query AND the
 * JSON body for POST (reference §1.2: the doc accepts either; body tables omit it but code 3 follows).
 */
import type {
  Balance,
  Capability,
  ConnectionCheck,
  Order,
  ProxyEndpoint,
  RenewPeriod,
  RenewQuote,
  RenewRequest,
  RenewResult,
  SubUser,
  TrafficSeries,
  WhitelistEntry,
} from '../../../preload/contract/model';
import { BaseVendorClient } from '../base-client';
import type { VendorErrorCode } from '../errors';
import { HttpTransport, type QueryValue } from '../http/transport';
import { arr, obj, optNum, optStr } from '../parse';
import type {
  ClientOptions,
  SubUserInput,
  SubUserPatch,
  TrafficQuery,
  VendorClient,
  WriteOptions,
} from '../vendor-client';
import { BESTPROXY_BASE_URL, GB, PATHS, PRODUCT_TYPE, RENEW_DURATIONS } from './constants';
import { unwrap } from './envelope';
import {
  mapBalance,
  mapOrderRow,
  mapPackage,
  mapPaymentMethod,
  mapRenewalProduct,
  mapStaticIp,
  mapSubUser,
  mapSummary,
  mapTraffic,
  mapWhitelistEntry,
  ordersByTradeNo,
  type PaymentMethod,
  type RenewalProduct,
} from './mappers';
import { readAllPages } from './pagination';
import { quoteRenewal, renew } from './renewal';

export const BESTPROXY_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'trafficBalance',
  'orders',
  'staticIps',
  'traffic',
  'whitelist',
  'whitelistEdit',
  'subUsers',
  'subUsersEdit',
  'renew',
  'renewQuote',
  'orderClose',
]);

const ALNUM = /^[A-Za-z0-9]+$/;
const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]+)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Sub-account caps are whole GB, at most 102400; 0 means no cap. */
const MAX_LIMIT_GB = 102_400;

export class BestproxyClient extends BaseVendorClient implements VendorClient {
  readonly vendor = 'bestproxy' as const;
  readonly capabilities = BESTPROXY_CAPABILITIES;
  protected readonly http: HttpTransport;
  private readonly appKey: string;

  constructor(opts: ClientOptions) {
    super();
    this.appKey = opts.credentials.appKey ?? '';
    this.http = new HttpTransport({
      vendor: 'bestproxy',
      baseUrl: opts.baseUrl ?? BESTPROXY_BASE_URL,
      secrets: Object.values(opts.credentials),
      ...(opts.log ? { log: opts.log } : {}),
      ...opts.transport,
    });
  }

  // -- plumbing ------------------------------------------------------------------------------

  /** GET with app_key in the query; returns the envelope's `data`. */
  async get(path: string, query: Record<string, QueryValue> = {}): Promise<unknown> {
    const res = await this.http.requestJson({ method: 'GET', path, query: { ...query, app_key: this.appKey } });
    return unwrap(this.http, res);
  }

  /** POST (sent once, never retried) with app_key in the query and in the JSON body. */
  async post(path: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    const res = await this.http.requestJson({
      method: 'POST',
      path,
      query: { app_key: this.appKey },
      body: { json: { app_key: this.appKey, ...body } },
      ...(signal ? { signal } : {}),
    });
    return unwrap(this.http, res);
  }

  invalid(message: string): never {
    throw this.http.error('invalid_argument', { message });
  }

  /** A typed error with secrets redacted (for the renewal module, which has no transport of its own). */
  fail(code: VendorErrorCode, opts: { message?: string; uncertain?: boolean } = {}): never {
    throw this.http.error(code, opts);
  }

  parseWith<T>(what: string, fn: () => T): T {
    return this.parse(what, fn);
  }

  now(): Date {
    return new Date();
  }

  // -- reads -----------------------------------------------------------------------------------

  async testConnection(): Promise<ConnectionCheck> {
    return this.checkWith(async () => {
      const data = await this.get(PATHS.packageSummary, { product_type: PRODUCT_TYPE.dynamicTraffic });
      const left = this.parse('traffic summary', () => mapSummary(data)).remainingBytes;
      const gb = left === null ? null : (left / GB).toFixed(1);
      const message =
        gb === null
          ? 'Connected. BestProxy does not report the money balance through its API.'
          : `Connected. ${gb} GB of residential traffic left (BestProxy does not report the money balance through its API).`;
      return { message, balance: null, trafficLeftBytes: left };
    });
  }

  async getBalance(): Promise<Balance> {
    const [summary, packages] = await Promise.all([
      this.get(PATHS.packageSummary, { product_type: PRODUCT_TYPE.dynamicTraffic }),
      this.packages(PRODUCT_TYPE.dynamicTraffic),
    ]);
    return this.parse('traffic balance', () => mapBalance(mapSummary(summary), packages, this.now()));
  }

  /** #14 every page (page/size style). */
  async packages(productType?: number): Promise<unknown[]> {
    const size = 100;
    return readAllPages(size, (page) =>
      this.get(PATHS.packageList, { page, size, ...(productType ? { product_type: productType } : {}) }),
    );
  }

  /** #27 every page (page_no/page_size style, answer in data.pagination). */
  async orders(query: Record<string, QueryValue> = {}): Promise<unknown[]> {
    const size = 100;
    return readAllPages(size, (page) => this.get(PATHS.orderList, { page_no: page, page_size: size, ...query }));
  }

  /** #24 every page (page/size; answer shape undocumented, read leniently). */
  async staticIpRows(): Promise<unknown[]> {
    const size = 200;
    return readAllPages(size, (page) => this.get(PATHS.staticIps, { page, size }));
  }

  /**
   * Packages (#14) are the orders the user manages (they carry expiry and are what renewals take);
   * each is joined by trade_no with its #27 order for price, payment method and order status. Unpaid
   * #27 orders with no package yet are listed too (id = trade_no) so they can be paid or closed.
   * Closed/refunded orders and paid renewals/top-ups without a package are history, not listed.
   */
  override async listOrders(): Promise<Order[]> {
    const [packages, orders] = await Promise.all([this.packages(), this.orders()]);
    return this.parse('orders', () => {
      const byTradeNo = ordersByTradeNo(orders);
      const now = this.now();
      const out = packages.map((p) => mapPackage(p, now, byTradeNo));
      const packaged = new Set(packages.map((p) => optStr(obj(p).trade_no)).filter(Boolean));
      for (const o of orders) {
        const row = obj(o);
        if (optNum(row.status) === 0 && !packaged.has(optStr(row.trade_no))) out.push(mapOrderRow(row));
      }
      return out;
    });
  }

  override async listProxies(): Promise<ProxyEndpoint[]> {
    const rows = await this.staticIpRows();
    const now = this.now();
    return this.parse('static IPs', () => rows.map((r) => mapStaticIp(r, now)));
  }

  override async getTraffic(q: TrafficQuery): Promise<TrafficSeries[]> {
    if (q.granularity === 'hour') this.unsupported(); // daily totals only
    if (!DAY.test(q.from) || !DAY.test(q.to)) this.invalid('dates must be YYYY-MM-DD');
    const username = q.subUserId ?? null;
    const data = await this.get(PATHS.usageTotal, {
      start_time: `${q.from} 00:00:00`,
      end_time: `${q.to} 23:59:59`,
      ...(username ? { username } : {}),
    });
    return [this.parse('traffic', () => mapTraffic(arr(obj(data).list), username))];
  }

  // -- allowlist -------------------------------------------------------------------------------

  override async listWhitelist(): Promise<WhitelistEntry[]> {
    const data = await this.get(PATHS.ipList);
    return this.parse('allowlist', () => arr(obj(data).list).map(mapWhitelistEntry));
  }

  /** Adds for dynamic residential traffic (type 9): the API needs a package type and the interface has none. */
  override async addWhitelist(ips: string[]): Promise<void> {
    const clean = this.checkIps(ips);
    await this.post(PATHS.ipAdd, { ips: clean.join(','), product_type: PRODUCT_TYPE.dynamicTraffic });
  }

  /** Removal needs a one-time code (phone, email, wechat or totp); without one we stop before calling. */
  override async removeWhitelist(ips: string[], opts?: { verifyCode?: string; verifyType?: string }): Promise<void> {
    const clean = this.checkIps(ips);
    const code = opts?.verifyCode?.trim();
    if (!code) {
      this.invalid(
        'BestProxy asks for a verification code to remove allowlist IPs (for example the code of your authenticator app).',
      );
    }
    const type = opts?.verifyType ?? 'totp';
    if (!['phone', 'email', 'wechat', 'totp'].includes(type))
      this.invalid('verification type must be phone, email, wechat or totp');
    await this.post(PATHS.ipDelete, { ips: clean.join(','), verify_type: type, verify_code: code });
  }

  private checkIps(ips: string[]): string[] {
    const clean = ips.map((s) => s.trim()).filter(Boolean);
    if (clean.length === 0) this.invalid('no IP given');
    const bad = clean.find((s) => !IP.test(s));
    if (bad) this.invalid(`"${bad}" is not an IP address`);
    return clean;
  }

  // -- sub-users (proxy accounts) ----------------------------------------------------------------

  override async listSubUsers(): Promise<SubUser[]> {
    const data = await this.get(PATHS.accountList);
    return this.parse('proxy accounts', () => arr(obj(data).list).map(mapSubUser));
  }

  /** Caps are whole GB: bytes are rounded to the nearest GB, at least 1 (0 would mean "no cap"). */
  private limitGb(bytes: number | null | undefined): number {
    if (bytes === null || bytes === undefined) return 0;
    if (!Number.isFinite(bytes) || bytes < 0) this.invalid('traffic limit must be a positive number');
    return Math.min(MAX_LIMIT_GB, Math.max(1, Math.round(bytes / GB)));
  }

  override async createSubUser(input: SubUserInput): Promise<SubUser | null> {
    if (!ALNUM.test(input.username)) this.invalid('the username may contain only letters and digits');
    if (!ALNUM.test(input.password)) this.invalid('the password may contain only letters and digits');
    await this.post(PATHS.accountAdd, {
      accounts: `${input.username}:${input.password}`,
      remark: input.note ?? '',
      product_type: PRODUCT_TYPE.dynamicTraffic,
    });
    if (input.limitBytes !== null) {
      await this.post(PATHS.accountLimit, { account: input.username, limit: this.limitGb(input.limitBytes) });
    }
    const all = await this.listSubUsers();
    return all.find((u) => u.username === input.username) ?? null;
  }

  /**
   * One changed field → its single-purpose endpoint (#4–#8); several → /proxy-account/change (#9) in
   * one call, so a half-applied edit cannot happen.
   */
  override async updateSubUser(id: string, patch: SubUserPatch): Promise<void> {
    if (patch.password !== undefined && !ALNUM.test(patch.password)) {
      this.invalid('the password may contain only letters and digits');
    }
    const changes: Record<string, unknown> = {};
    if (patch.password !== undefined) changes.password = patch.password;
    if (patch.note !== undefined) changes.remark = patch.note ?? '';
    if (patch.limitBytes !== undefined) changes.limit = this.limitGb(patch.limitBytes);
    if (patch.status !== undefined) changes.status = patch.status === 'active' ? 1 : 0;
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    if (keys.length > 1) {
      if (patch.password !== undefined && (patch.password.length < 6 || patch.password.length > 16)) {
        this.invalid('the password must be 6 to 16 letters or digits');
      }
      await this.post(PATHS.accountChange, { account: id, ...changes });
      return;
    }
    if (changes.password !== undefined) {
      await this.post(PATHS.accountPassword, { account: id, password: changes.password });
    } else if (changes.remark !== undefined) {
      await this.post(PATHS.accountRemark, { account: id, remark: changes.remark });
    } else if (changes.limit !== undefined) {
      await this.post(PATHS.accountLimit, { account: id, limit: changes.limit });
    } else {
      await this.post(changes.status === 1 ? PATHS.accountEnable : PATHS.accountDisable, { accounts: id });
    }
  }

  override async deleteSubUser(id: string): Promise<void> {
    await this.post(PATHS.accountDelete, { accounts: id });
  }

  // -- renewal and orders ----------------------------------------------------------------------

  /** #31 with currency=USD (the assumed order currency). */
  async paymentMethods(): Promise<PaymentMethod[]> {
    const data = await this.get(PATHS.paymentList, { currency: 'USD' });
    return this.parse('payment methods', () => arr(obj(data).list).map(mapPaymentMethod));
  }

  /** #34 type=19: static IP renewal products (data is a bare array here). */
  async renewalProducts(): Promise<RenewalProduct[]> {
    const data = await this.get(PATHS.products, { type: PRODUCT_TYPE.staticRenewal });
    const rows = Array.isArray(data) ? data : arr(obj(data).list);
    return this.parse('renewal products', () => rows.map(mapRenewalProduct).filter((p) => p.published));
  }

  /** Extra for the UI: everything a renewal dialog can offer (periods, payment methods, products). */
  async renewalOptions(): Promise<{
    periods: RenewPeriod[];
    paymentMethods: PaymentMethod[];
    products: RenewalProduct[];
  }> {
    const [products, paymentMethods] = await Promise.all([this.renewalProducts(), this.paymentMethods()]);
    const usable = products.length > 0 && paymentMethods.some((m) => !m.disabled);
    return {
      periods: usable ? RENEW_DURATIONS.map(({ id, label, days }) => ({ id, label, days })) : [],
      paymentMethods,
      products,
    };
  }

  /**
   * The `renew_duration` values; empty when BestProxy offers no renewal product or no usable payment
   * method. The payment method travels as RenewRequest.options.pm_id (default: pay from balance).
   */
  override async renewalPeriods(kind: 'order' | 'ip' | 'server'): Promise<RenewPeriod[]> {
    if (kind === 'server') this.unsupported();
    return (await this.renewalOptions()).periods;
  }

  override async quoteRenewal(req: RenewRequest): Promise<RenewQuote> {
    return quoteRenewal(this, req);
  }

  override async renew(req: RenewRequest, opts: WriteOptions): Promise<RenewResult> {
    return renew(this, req, opts);
  }

  /** #29: only unpaid orders can be closed; the id is the trade_no (see listOrders). */
  async closeOrder(orderId: string): Promise<void> {
    if (!orderId.trim()) this.invalid('no order number given');
    await this.post(PATHS.orderClose, { trade_no: orderId.trim() });
  }
}
