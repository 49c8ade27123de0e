/**
 * The shared half of the ProxyShard client: transport, clock, documented refusals, and the reads every
 * other part builds on (account, residential profiles, the paged order list, order details, products).
 * The client is layered over four files, each under ~400 lines:
 *   client-base.ts → client-reads.ts (reads) → client-manage.ts (non-money writes) → client.ts (paid writes).
 */
import { BaseVendorClient } from '../base-client';
import { VendorError } from '../errors';
import { HttpTransport } from '../http/transport';
import type { Obj } from '../parse';
import { pick } from '../parse';
import type { ClientOptions } from '../vendor-client';
import type { DocumentedRefusals } from '../write-outcome';
import { type CallOptions, ProxyshardApi } from './api';
import { MAX_PAGES, ORDER_PAGE, PRODUCTION_BASE_URL, PROXYSHARD_CAPABILITIES } from './constants';
import {
  type MeInfo,
  mapMe,
  mapProducts,
  mapProfile,
  orderDetailOf,
  orderRowsOf,
  type ProductInfo,
  TIERS,
  type Tier,
  type TierProfile,
} from './mappers';
import { proxyshardRefusals } from './refusals';

export type OrderListStatus = 'all' | 'active' | 'on-hold' | 'cancelled';

export abstract class ProxyshardBase extends BaseVendorClient {
  readonly vendor = 'proxyshard' as const;
  readonly capabilities = PROXYSHARD_CAPABILITIES;
  protected readonly http: HttpTransport;
  protected readonly refusals: DocumentedRefusals = proxyshardRefusals;
  protected readonly clock: () => Date;
  protected readonly api: ProxyshardApi;
  /** On a snapshot reader only (snapshotReader): the reads of one refresh, each made once. */
  protected shared: Map<string, Promise<unknown>> | null = null;

  constructor(opts: ClientOptions) {
    super();
    const apiKey = (opts.credentials.apiKey ?? '').trim();
    this.clock = opts.now ?? (() => new Date());
    this.http = new HttpTransport({
      vendor: 'proxyshard',
      baseUrl: opts.baseUrl ?? PRODUCTION_BASE_URL,
      secrets: Object.values(opts.credentials),
      ...(opts.log ? { log: opts.log } : {}),
      ...opts.transport,
    });
    this.api = new ProxyshardApi(this.http, { authorization: `Bearer ${apiKey}` });
  }

  /**
   * A reader for one refresh: the order list and each order's detail are read once and shared by the
   * orders and IPs sections. The plain client reads afresh for each call (a read after a write is never
   * one made before it).
   */
  snapshotReader(): this {
    const reader = Object.create(this) as this;
    reader.shared = new Map();
    return reader;
  }

  /** `read()` once per key on a snapshot reader; every time on the plain client. */
  protected sharedRead<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (!this.shared) return read();
    let p = this.shared.get(key) as Promise<T> | undefined;
    if (!p) {
      p = read();
      this.shared.set(key, p);
    }
    return p;
  }

  /**
   * One vendor write under the write outcome rule: exactly one request and the check of its answer
   * (`{success: true}`, api.ts), then `read` of that answer. A documented refusal (refusals.ts) is
   * thrown as it is; anything else after the request may have reached ProxyShard is `outcome_unknown`.
   */
  protected writeOnce<T = Obj>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    opts: CallOptions = {},
    read?: (answer: Obj) => T,
  ): Promise<T> {
    return this.write(async () => {
      const answer = await this.api.write(method, path, opts);
      return read ? read(answer) : (answer as T);
    });
  }

  // ------------------------------------------------------------ account

  protected async me(): Promise<MeInfo> {
    const json = await this.api.get('/me');
    return this.parse('account', () => mapMe(json));
  }

  /** Owner traffic of one residential pool; null when the pool is not set up (vendor answers 400). */
  protected async profile(tier: Tier): Promise<TierProfile | null> {
    try {
      const json = await this.api.get('/proxies/profile', { proxy_type: tier });
      return this.parse('residential profile', () => mapProfile(json, tier));
    } catch (e) {
      if (e instanceof VendorError && e.httpStatus === 400) return null;
      throw e;
    }
  }

  /** The pools the account has set up (a profile answers 200). */
  protected async tiersSetUp(): Promise<Tier[]> {
    const profiles = await Promise.all(TIERS.map((t) => this.profile(t)));
    return profiles.filter((p): p is TierProfile => p !== null).map((p) => p.tier);
  }

  // ------------------------------------------------------------ orders

  /**
   * GET /orders paged by offset until a page brings no row (doc §2.6: `count` may be the page size or
   * the total, and the server may send fewer rows than asked), so a server-side page cap or a wrong
   * `next` drops nothing. Offset advances by the rows received. A page of only already-seen orders
   * (a server ignoring `offset`) ends it too; no end after MAX_PAGES is an error, not a short list.
   */
  protected orderRows(status: OrderListStatus): Promise<Obj[]> {
    return this.sharedRead(`orders:${status}`, () => this.readOrderRows(status));
  }

  private async readOrderRows(status: OrderListStatus): Promise<Obj[]> {
    const byId = new Map<string, Obj>();
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const json = await this.api.get('/orders', { status, offset, limit: ORDER_PAGE });
      const rows = this.parse('orders', () => orderRowsOf(json));
      if (rows.length === 0) return [...byId.values()];
      let fresh = 0;
      for (const r of rows) {
        const id = this.idOf(r);
        if (!byId.has(id)) fresh++;
        byId.set(id, r);
      }
      if (fresh === 0) return [...byId.values()];
      offset += rows.length;
    }
    throw this.http.error('bad_response', { detail: `The order list did not end after ${MAX_PAGES} pages.` });
  }

  protected orderDetail(id: string): Promise<Obj> {
    return this.sharedRead(`order:${id}`, async () => {
      const json = await this.api.get(`/orders/${this.orderPath(id)}`);
      return this.parse('order', () => orderDetailOf(json));
    });
  }

  /** Products and their cycle names; a failure here must not hide the orders. */
  protected async products(): Promise<Map<string, ProductInfo>> {
    try {
      return mapProducts(await this.api.get('/proxies/products'));
    } catch (e) {
      if (e instanceof VendorError && e.code === 'invalid_credentials') throw e;
      return new Map();
    }
  }

  // ------------------------------------------------------------ checks before sending

  /** Order ids are integers at ProxyShard; anything else never reaches a URL. */
  protected orderPath(id: string): string {
    if (!/^\d+$/.test(id)) {
      throw this.http.error('invalid_argument', { detail: `"${id}" is not a ProxyShard order id.` });
    }
    return id;
  }

  protected idOf(row: Obj): string {
    const v = pick(row, 'order_id', 'id');
    if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))) return String(v);
    throw this.http.error('bad_response', { detail: 'An order came without a readable order_id.' });
  }

  protected checkQty(qty: number): void {
    if (!Number.isInteger(qty) || qty < 1) {
      throw this.http.error('invalid_argument', { detail: 'The quantity must be a whole number of at least 1.' });
    }
  }
}
