/**
 * BestProxy VendorClient. Auth is the account's app_key: in the query for GET, and in the query AND the
 * JSON body for POST (reference §1.2: the doc accepts either; body tables omit it but code 3 follows).
 * Every write goes through the write outcome rule (../write-outcome.ts) with BestProxy's documented
 * refusals (refusals.ts). Allowlist and sub-user writes: accounts.ts; renewals: renewal.ts.
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
import type {
  PurchaseCatalog,
  PurchaseEvidence,
  PurchaseRequest,
  VendorPurchaseAnswer,
  VendorPurchaseQuote,
} from '../../../preload/contract/purchases';
import { BaseVendorClient } from '../base-client';
import type { VendorError, VendorErrorCode } from '../errors';
import { HttpTransport, type QueryValue } from '../http/transport';
import { list, obj, optNum, optStr } from '../parse';
import type {
  ClientOptions,
  SubUserInput,
  SubUserPatch,
  TrafficQuery,
  VendorClient,
  WriteOptions,
} from '../vendor-client';
import type { WriteOutcome } from '../write-outcome';
import { addWhitelist, createSubUser, deleteSubUser, removeWhitelist, updateSubUser } from './accounts';
import { BESTPROXY_BASE_URL, GB, PAGE_SIZE, PATHS, PRODUCT_TYPE, RENEW_DURATIONS } from './constants';
import { unwrap } from './envelope';
import {
  mapBalance,
  mapOrderRow,
  mapPackage,
  mapStaticIp,
  mapSubUser,
  mapSummary,
  mapTraffic,
  mapWhitelistEntry,
  ordersByTradeNo,
} from './mappers';
import { mapPaymentMethod, mapRenewalProduct, type PaymentMethod, type RenewalProduct } from './mappers-renewal';
import { type PagingRule, readAllPages, readPage } from './pagination';
import { purchase, purchaseEvidence, quotePurchase } from './purchase';
import { purchaseCatalog } from './purchase-catalog';
import { bestproxyRefusals } from './refusals';
import { quoteRenewal, renew } from './renewal';
import { BestproxyResidential } from './residential';

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
  'purchase',
  'residential',
]);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class BestproxyClient extends BaseVendorClient implements VendorClient {
  readonly vendor = 'bestproxy' as const;
  readonly capabilities = BESTPROXY_CAPABILITIES;
  protected readonly http: HttpTransport;
  protected readonly refusals = bestproxyRefusals;
  protected readonly clock: () => Date;
  private readonly appKey: string;

  constructor(opts: ClientOptions) {
    super();
    this.appKey = opts.credentials.appKey ?? '';
    this.clock = opts.now ?? (() => new Date());
    this.http = new HttpTransport({
      vendor: 'bestproxy',
      baseUrl: opts.baseUrl ?? BESTPROXY_BASE_URL,
      secrets: Object.values(opts.credentials),
      ...(opts.log ? { log: opts.log } : {}),
      ...opts.transport,
    });
  }

  // -- plumbing (public for accounts.ts and renewal.ts) ---------------------------------------

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

  /** One write under the write outcome rule: the value, or the refusal / `outcome_unknown` thrown. */
  writeOnce<T>(fn: () => Promise<T>): Promise<T> {
    return this.write(fn);
  }

  /** One sub-request of a multi-step write: its outcome returned, not thrown. */
  settleOnce<T>(fn: () => Promise<T>): Promise<WriteOutcome<T>> {
    return this.settle(fn);
  }

  /** Proxydeck refuses the input before anything is sent. `detail` is a full sentence of ours. */
  invalid(detail: string): never {
    throw this.http.error('invalid_argument', { detail });
  }

  /** A typed error with secrets redacted (for the modules that have no transport of their own). */
  fail(code: VendorErrorCode, opts: ConstructorParameters<typeof VendorError>[2] = {}): never {
    throw this.http.error(code, opts);
  }

  /** The same, returned rather than thrown. */
  errorOf(code: VendorErrorCode, opts: ConstructorParameters<typeof VendorError>[2] = {}): VendorError {
    return this.http.error(code, opts);
  }

  parseWith<T>(what: string, fn: () => T): T {
    return this.parse(what, fn);
  }

  /** The injected clock (ClientOptions.now): tests share the simulator's. */
  now(): Date {
    return this.clock();
  }

  /** Every page of a paged list; a page of the wrong shape is bad_response. */
  private pages(what: string, rule: PagingRule, fetchPage: (page: number) => Promise<unknown>): Promise<unknown[]> {
    return readAllPages(rule, fetchPage, (data) => this.parse(what, () => readPage(data)));
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

  /** #14 every page (page/size; total_count documented). */
  async packages(productType?: number): Promise<unknown[]> {
    const size = PAGE_SIZE.packages;
    return this.pages('packages', { stopAt: 'total' }, (page) =>
      this.get(PATHS.packageList, { page, size, ...(productType ? { product_type: productType } : {}) }),
    );
  }

  /** #27 every page (page_no/page_size; data.pagination.total documented). */
  async orders(query: Record<string, QueryValue> = {}): Promise<unknown[]> {
    const size = PAGE_SIZE.orders;
    return this.pages('orders', { stopAt: 'total' }, (page) =>
      this.get(PATHS.orderList, { page_no: page, page_size: size, ...query }),
    );
  }

  /** #24 every page (page/size; the answer is undocumented, so only an empty page ends it). */
  async staticIpRows(): Promise<unknown[]> {
    const size = PAGE_SIZE.staticIps;
    return this.pages('static IPs', { stopAt: 'empty' }, (page) => this.get(PATHS.staticIps, { page, size }));
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
    if (!DAY.test(q.from) || !DAY.test(q.to)) this.invalid('Dates must be written YYYY-MM-DD.');
    const username = q.subUserId ?? null;
    const data = await this.get(PATHS.usageTotal, {
      start_time: `${q.from} 00:00:00`,
      end_time: `${q.to} 23:59:59`,
      ...(username ? { username } : {}),
    });
    return [this.parse('traffic', () => mapTraffic(obj(data).list, username))];
  }

  override async listWhitelist(): Promise<WhitelistEntry[]> {
    const data = await this.get(PATHS.ipList);
    return this.parse('allowlist', () => list(obj(data).list, 'list').map(mapWhitelistEntry));
  }

  override async listSubUsers(): Promise<SubUser[]> {
    const data = await this.get(PATHS.accountList);
    return this.parse('proxy accounts', () => list(obj(data).list, 'list').map(mapSubUser));
  }

  // -- allowlist and sub-users (accounts.ts) ---------------------------------------------------

  /** Adds for dynamic residential traffic (type 9): the API needs a package type and the interface has none. */
  override async addWhitelist(ips: string[]): Promise<void> {
    return addWhitelist(this, ips);
  }

  /** Removal needs a one-time code (phone, email, wechat or totp); without one we stop before calling. */
  override async removeWhitelist(ips: string[], opts?: { verifyCode?: string; verifyType?: string }): Promise<void> {
    return removeWhitelist(this, ips, opts);
  }

  override async createSubUser(input: SubUserInput): Promise<SubUser | null> {
    return createSubUser(this, input);
  }

  override async updateSubUser(id: string, patch: SubUserPatch): Promise<void> {
    return updateSubUser(this, id, patch);
  }

  override async deleteSubUser(id: string): Promise<void> {
    return deleteSubUser(this, id);
  }

  // -- renewal and orders ----------------------------------------------------------------------

  /** #31 with currency=USD: the methods that charge in the currency we read amounts in. */
  async paymentMethods(): Promise<PaymentMethod[]> {
    const data = await this.get(PATHS.paymentList, { currency: 'USD' });
    return this.parse('payment methods', () => list(obj(data).list, 'list').map(mapPaymentMethod));
  }

  /** #34 type=19: static IP renewal products (data is a bare array here). */
  async renewalProducts(): Promise<RenewalProduct[]> {
    const data = await this.get(PATHS.products, { type: PRODUCT_TYPE.staticRenewal });
    return this.parse('renewal products', () =>
      (Array.isArray(data) ? data : list(obj(data).list, 'list')).map(mapRenewalProduct).filter((p) => p.published),
    );
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

  // -- buying new products (purchase-catalog.ts, purchase.ts) ---------------------------------

  async purchaseCatalog(accountId: string): Promise<PurchaseCatalog> {
    return purchaseCatalog(this, accountId);
  }

  async quotePurchase(req: PurchaseRequest): Promise<VendorPurchaseQuote> {
    return quotePurchase(this, req);
  }

  async purchase(req: PurchaseRequest, opts: WriteOptions): Promise<VendorPurchaseAnswer> {
    return purchase(this, req, opts);
  }

  async purchaseEvidence(req: PurchaseRequest): Promise<PurchaseEvidence> {
    return purchaseEvidence(this, req);
  }

  /** #29: only unpaid orders can be closed; the id is the trade_no (see listOrders). */
  async closeOrder(orderId: string): Promise<void> {
    if (!orderId.trim()) this.invalid('No order number was given.');
    await this.write(() => this.post(PATHS.orderClose, { trade_no: orderId.trim() }));
  }

  // -- residential endpoint generator (residential.ts: reads only) ----------------------------

  private residential(): BestproxyResidential {
    return new BestproxyResidential({
      get: (path, query) => this.get(path, query),
      parse: (what, fn) => this.parse(what, fn),
      error: (code, opts) => this.http.error(code, opts),
      listSubUsers: () => this.listSubUsers(),
    });
  }
  residentialForm: NonNullable<VendorClient['residentialForm']> = () => this.residential().form();
  residentialOptions: NonNullable<VendorClient['residentialOptions']> = (q) => this.residential().options(q);
  generateResidential: NonNullable<VendorClient['generateResidential']> = (r) => this.residential().generate(r);
}
