/**
 * YouProxy client. The API key is a PATH segment (`/client/api/v1/{apiKey}/…`), so it is handed to
 * the transport as a secret: request logs and error messages show `***` instead. Failures come as
 * HTTP 200 with `success:false` (see envelope.ts).
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
  RenewTarget,
} from '../../../preload/contract/model';
import type {
  PurchaseCatalog,
  PurchaseEvidence,
  PurchaseRequest,
  VendorPurchaseAnswer,
  VendorPurchaseQuote,
} from '../../../preload/contract/purchases';
import { BaseVendorClient } from '../base-client';
import { isVendorError } from '../errors';
import { HttpTransport } from '../http/transport';
import type { Obj } from '../parse';
import type { AutoRenewTarget, ClientOptions, VendorClient, WriteOptions } from '../vendor-client';
import { setAutoRenew } from './auto-renew';
import { canonicalProxyType, PROXY_TYPES, YOUPROXY_BASE_URL, type YpProxyType } from './constants';
import { unwrap } from './envelope';
import { deriveOrders, mapBalance, mapIpList, mapRentPeriods, mergePeriods, type YpIp } from './mappers';
import { purchase, purchaseEvidence, quotePurchase } from './purchase';
import { purchaseCatalog, type YpBuyContext } from './purchase-catalog';
import { youproxyRefusals } from './refusals';
import { quoteRenewal, renew, type YpContext } from './renew';
import { groupTargets } from './targets';

export const YOUPROXY_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'balance',
  'orders', // derived from the IP list: there is no order list endpoint
  'staticIps',
  'renew',
  'renewQuote',
  'autoRenew',
  'purchase', // new orders: /calculate/order + /order (purchase.ts)
]);

export class YouproxyClient extends BaseVendorClient implements VendorClient {
  readonly vendor = 'youproxy' as const;
  readonly capabilities = YOUPROXY_CAPABILITIES;
  protected readonly http: HttpTransport;
  /** HTTP-200 envelope errors with a documented code (refusals.ts); nothing else means "not applied". */
  protected readonly refusals = youproxyRefusals;
  protected readonly clock: () => Date;
  private readonly keySegment: string;
  private schemaLogged = false;
  /** On a snapshot reader only: the one IP list read of this refresh, shared by orders and IPs. */
  private sharedIps: Promise<YpIp[]> | null = null;
  private isReader = false;

  constructor(private readonly opts: ClientOptions) {
    super();
    this.clock = opts.now ?? (() => new Date());
    const apiKey = opts.credentials.apiKey ?? '';
    this.keySegment = encodeURIComponent(apiKey.trim());
    this.http = new HttpTransport({
      vendor: 'youproxy',
      baseUrl: opts.baseUrl ?? YOUPROXY_BASE_URL,
      secrets: Object.values(opts.credentials).flatMap((v) => [v, v.trim()]),
      ...(opts.log ? { log: opts.log } : {}),
      ...opts.transport,
    });
  }

  private path(endpoint: string): string {
    return `client/api/v1/${this.keySegment}/${endpoint}`;
  }

  private async get(endpoint: string, query?: Record<string, string>, signal?: AbortSignal): Promise<Obj> {
    const res = await this.http.requestJson({
      method: 'GET',
      path: this.path(endpoint),
      ...(query ? { query } : {}),
      ...(signal ? { signal } : {}),
    });
    return unwrap(this.http, res);
  }

  /** POSTs are sent once (the transport never retries non-GET). */
  private async post(endpoint: string, body: Obj, signal?: AbortSignal): Promise<Obj> {
    const res = await this.http.requestJson({
      method: 'POST',
      path: this.path(endpoint),
      body: { json: body },
      ...(signal ? { signal } : {}),
    });
    return unwrap(this.http, res);
  }

  testConnection(): Promise<ConnectionCheck> {
    return this.checkWith(async () => {
      const b = await this.getBalance();
      return this.connected(b.money);
    });
  }

  async getBalance(): Promise<Balance> {
    const body = await this.get('balance');
    return this.parse('balance', () => mapBalance(body));
  }

  /** GET /ipAddress (all types). Shape unverified: parsed by a tolerant walker (mappers.ts). */
  async fetchIps(signal?: AbortSignal): Promise<YpIp[]> {
    const body = await this.get('ipAddress', undefined, signal);
    const ips = this.parse('IP list', () => mapIpList(body, this.clock()));
    if (!this.schemaLogged) {
      // The list's schema is undocumented: record its top-level keys once (no values) to pin it later.
      this.schemaLogged = true;
      this.opts.log?.debug({ vendor: 'youproxy', keys: Object.keys(body), ips: ips.length }, 'ipAddress shape');
    }
    return ips;
  }

  /**
   * A reader for one refresh: orders and IPs come from the same list, so it is read once (the plain
   * client reads it for each call, so a read after a renewal is never one made before it).
   */
  snapshotReader(): VendorClient {
    const reader = Object.create(this) as YouproxyClient;
    reader.isReader = true;
    reader.sharedIps = null;
    return reader;
  }

  private ipsOfRefresh(): Promise<YpIp[]> {
    if (!this.isReader) return this.fetchIps();
    this.sharedIps ??= this.fetchIps();
    return this.sharedIps;
  }

  override async listProxies(): Promise<ProxyEndpoint[]> {
    return (await this.ipsOfRefresh()).map((ip) => ip.endpoint);
  }

  /** No order endpoint exists: orders are the IP list grouped by `orderId`. */
  override async listOrders(): Promise<Order[]> {
    const ips = await this.ipsOfRefresh();
    return deriveOrders(ips, this.clock());
  }

  /** Rent periods of one type (GET /rentPeriod?proxyType=). */
  async rentPeriodsOf(type: YpProxyType): Promise<number[]> {
    const body = await this.get('rentPeriod', { proxyType: type });
    return this.parse('rent periods', () => mapRentPeriods(body));
  }

  /**
   * The interface does not say which proxy type is being renewed, so every type is asked and the
   * day counts are merged; a period offered by only some types says which in its label.
   */
  override async renewalPeriods(kind: 'order' | 'ip' | 'server'): Promise<RenewPeriod[]> {
    if (kind === 'server') this.unsupported();
    const settled = await Promise.allSettled(PROXY_TYPES.map((t) => this.rentPeriodsOf(t)));
    const byType: Partial<Record<YpProxyType, number[]>> = {};
    let firstError: unknown = null;
    settled.forEach((s, i) => {
      const type = PROXY_TYPES[i] as YpProxyType;
      if (s.status === 'fulfilled') {
        if (s.value.length > 0) byType[type] = s.value;
      } else if (isVendorError(s.reason) && s.reason.code === 'invalid_argument') {
        // "Incorrect proxy type" (code 4): this type is not on sale; skip it.
      } else firstError ??= s.reason;
    });
    if (firstError !== null && Object.keys(byType).length === 0) throw firstError;
    return mergePeriods(byType);
  }

  private periodDays(periodId: string): number {
    const days = Number(periodId);
    if (!Number.isInteger(days) || days <= 0) {
      throw this.http.error('invalid_argument', { detail: `"${periodId}" is not a number of days.` });
    }
    return days;
  }

  private async grouped(targets: RenewTarget[], options: Record<string, string> | undefined, signal?: AbortSignal) {
    if (targets.length === 0) throw this.http.error('invalid_argument', { detail: 'Nothing was selected.' });
    const ips = await this.fetchIps(signal);
    const fallbackType = canonicalProxyType(options?.proxyType);
    const g = groupTargets(targets, ips, { fallbackType });
    if (g.unknown.length > 0) {
      const names = g.unknown.map((t) => t.label || t.id).join(', ');
      throw this.http.error('invalid_argument', {
        detail: `Not in your YouProxy IP list: ${names}. Refresh the list and try again.`,
      });
    }
    return { ...g, ips };
  }

  /** What the renewal and auto-renew code (renew.ts, auto-renew.ts) borrows from this client. */
  private get ctx(): YpContext {
    return {
      http: this.http,
      clock: this.clock,
      post: (endpoint, body, signal) => this.post(endpoint, body, signal),
      settle: (fn) => this.settle(fn),
      parse: (what, fn) => this.parse(what, fn),
      fetchIps: (signal) => this.fetchIps(signal),
      getBalance: () => this.getBalance(),
      grouped: (targets, options, signal) => this.grouped(targets, options, signal),
      periodDays: (id) => this.periodDays(id),
    };
  }

  /** The vendor's own price check (renew.ts); IPv6 widenings are named in a warning. */
  override quoteRenewal(req: RenewRequest): Promise<RenewQuote> {
    return quoteRenewal(this.ctx, req);
  }

  /** Moves money: one request per group, each with its own outcome (renew.ts). */
  override renew(req: RenewRequest, opts: WriteOptions): Promise<RenewResult> {
    return renew(this.ctx, req, opts);
  }

  /** /extend/auto and /extend/order/auto; a subset of an IPv6 order is refused (auto-renew.ts). */
  override setAutoRenew(target: AutoRenewTarget): Promise<void> {
    return setAutoRenew(this.ctx, target);
  }

  /** What buying (purchase.ts) borrows from this client; /order goes through the write outcome rule. */
  private get buyCtx(): YpBuyContext {
    return {
      http: this.http,
      clock: this.clock,
      get: (endpoint, query, signal) => this.get(endpoint, query, signal),
      post: (endpoint, body, signal) => this.post(endpoint, body, signal),
      write: (fn) => this.write(fn),
      parse: (what, fn) => this.parse(what, fn),
      fetchIps: (signal) => this.fetchIps(signal),
      getBalance: () => this.getBalance(),
      rentPeriodsOf: (type) => this.rentPeriodsOf(type),
    };
  }

  purchaseCatalog(accountId: string): Promise<PurchaseCatalog> {
    return purchaseCatalog(this.buyCtx, accountId);
  }

  /** The vendor's own price check (/calculate/order); every YouProxy warning blocks. */
  quotePurchase(req: PurchaseRequest): Promise<VendorPurchaseQuote> {
    return quotePurchase(this.buyCtx, req);
  }

  /** Moves money: POST /order once (never retried); unknown outcomes are settled by purchaseEvidence. */
  purchase(req: PurchaseRequest, opts: WriteOptions): Promise<VendorPurchaseAnswer> {
    return purchase(this.buyCtx, req, opts);
  }

  /** Order ids of the IP list (reads only; not immediate: new IPs may appear later). */
  purchaseEvidence(req: PurchaseRequest): Promise<PurchaseEvidence> {
    return purchaseEvidence(this.buyCtx, req);
  }
}
