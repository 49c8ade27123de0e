/**
 * ProxyShard client: Bearer key, `/user/api/*`, money in US cents, residential traffic in bytes
 * (GB going in). No whitelist, no traffic history, no unlimited servers: those stay `not_supported`.
 */
import type {
  Balance,
  Capability,
  ConnectionCheck,
  Money,
  Order,
  ProxyEndpoint,
  RenewPeriod,
  RenewQuote,
  RenewQuoteItem,
  RenewRequest,
  RenewResult,
  RenewResultItem,
  RenewTarget,
  SubUser,
} from '../../../preload/contract/model';
import { BaseVendorClient } from '../base-client';
import { VendorError } from '../errors';
import { HttpTransport } from '../http/transport';
import { formatMoney } from '../money-text';
import { type Obj, obj, optNum, optStr, pick } from '../parse';
import type {
  AutoRenewTarget,
  ClientOptions,
  SubUserInput,
  SubUserPatch,
  VendorClient,
  WriteOptions,
} from '../vendor-client';
import { ProxyshardApi } from './api';
import {
  hasIpList,
  isRenewableProduct,
  type MeInfo,
  mapActiveProxies,
  mapAddonCalculate,
  mapAddonLines,
  mapCalculate,
  mapMe,
  mapOrder,
  mapProducts,
  mapProfile,
  mapSubUser,
  orderDetailOf,
  orderRowsOf,
  type PriceQuote,
  type ProductInfo,
  parseSubUserKey,
  periodsOfProducts,
  recordedRenewalPrice,
  subUserRowsOf,
  TIER_LABELS,
  TIERS,
  type Tier,
  type TierProfile,
} from './mappers';
import { bytesToWholeGb, CURRENCY, CURRENT_CYCLE, cycleDays, formatGb } from './units';

export const PRODUCTION_BASE_URL = 'https://user-api.proxyshard.com';

export const PROXYSHARD_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'balance',
  'trafficBalance',
  'orders',
  'staticIps',
  'subUsers',
  'subUsersEdit',
  'renew',
  'renewQuote',
  'autoRenew',
  'orderTags',
  'billingCycle',
  'addons',
]);

/** Page size for GET /orders (the vendor allows 1..100). */
const ORDER_PAGE = 100;
const SUB_USER_PAGE = 100;
/** Safety stop for paging loops whose `next` never turns null. */
const MAX_PAGES = 200;

export class ProxyshardClient extends BaseVendorClient implements VendorClient {
  readonly vendor = 'proxyshard' as const;
  readonly capabilities = PROXYSHARD_CAPABILITIES;
  protected readonly http: HttpTransport;
  private readonly api: ProxyshardApi;

  constructor(opts: ClientOptions) {
    super();
    const apiKey = (opts.credentials.apiKey ?? '').trim();
    this.http = new HttpTransport({
      vendor: 'proxyshard',
      baseUrl: opts.baseUrl ?? PRODUCTION_BASE_URL,
      secrets: Object.values(opts.credentials),
      ...(opts.log ? { log: opts.log } : {}),
      ...opts.transport,
    });
    this.api = new ProxyshardApi(this.http, { authorization: `Bearer ${apiKey}` });
  }

  // ------------------------------------------------------------ account

  testConnection(): Promise<ConnectionCheck> {
    return this.checkWith(async () => {
      const me = await this.me();
      return this.connected(me.wallet);
    });
  }

  private async me(): Promise<MeInfo> {
    const json = await this.api.get('/me');
    return this.parse('account', () => mapMe(json));
  }

  /** Owner traffic of one residential pool; null when the pool is not set up (vendor answers 400). */
  private async profile(tier: Tier): Promise<TierProfile | null> {
    try {
      const json = await this.api.get('/proxies/profile', { proxy_type: tier });
      return this.parse('residential profile', () => mapProfile(json, tier));
    } catch (e) {
      if (e instanceof VendorError && e.httpStatus === 400) return null;
      throw e;
    }
  }

  async getBalance(): Promise<Balance> {
    const [me, ...profiles] = await Promise.all([this.me(), ...TIERS.map((t) => this.profile(t))]);
    const pools = profiles.filter((p): p is TierProfile => p !== null && p.remainingBytes !== null);
    const notes: string[] = [];
    if (pools.length > 1) {
      notes.push(pools.map((p) => `${TIER_LABELS[p.tier]}: ${formatGb(p.remainingBytes ?? 0)} left`).join('; '));
    }
    if (pools.some((p) => p.unit === 'GB')) {
      notes.push('ProxyShard sent small traffic figures; they were read as GB instead of bytes.');
    }
    return {
      money: me.wallet,
      trafficRemainingBytes: pools.length ? pools.reduce((s, p) => s + (p.remainingBytes ?? 0), 0) : null,
      // Per-GB residential traffic has no documented expiry.
      trafficExpiresAt: null,
      ...(notes.length ? { note: notes.join(' ') } : {}),
    };
  }

  // ------------------------------------------------------------ orders

  /** GET /orders paged by offset until `next` is null (older answers without `next`: a short page ends). */
  private async orderRows(status: 'all' | 'active' | 'on-hold' | 'cancelled'): Promise<Obj[]> {
    const byId = new Map<string, Obj>();
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const json = obj(await this.api.get('/orders', { status, offset, limit: ORDER_PAGE }));
      const rows = orderRowsOf(json);
      for (const r of rows) byId.set(String(pick(r, 'order_id', 'id')), r);
      const hasNext =
        'next' in json ? json.next !== null && json.next !== undefined && json.next !== '' : rows.length >= ORDER_PAGE;
      if (!hasNext || rows.length === 0) break;
      offset += rows.length;
    }
    return [...byId.values()];
  }

  private async orderDetail(id: string): Promise<Obj> {
    const json = await this.api.get(`/orders/${this.orderPath(id)}`);
    return orderDetailOf(json);
  }

  /** Products and their cycle names; a failure here must not hide the orders. */
  private async products(): Promise<Map<string, ProductInfo>> {
    try {
      return mapProducts(await this.api.get('/proxies/products'));
    } catch (e) {
      if (e instanceof VendorError && e.code === 'invalid_credentials') throw e;
      return new Map();
    }
  }

  override async listOrders(): Promise<Order[]> {
    const [rows, products] = await Promise.all([this.orderRows('all'), this.products()]);
    // The list has no status, quantity or price: the detail of each order fills them in.
    const details = await Promise.all(rows.map((r) => this.orderDetail(this.idOf(r))));
    return this.parse('orders', () => rows.map((r, i) => mapOrder(r, details[i] ?? null, products)));
  }

  override async listProxies(): Promise<ProxyEndpoint[]> {
    // Active and on-hold orders still hold IPs (on-hold ones for 3 days); cancelled ones lost them.
    const [active, onHold] = await Promise.all([this.orderRows('active'), this.orderRows('on-hold')]);
    const seen = new Set<string>();
    const orders = [...active, ...onHold].filter((r) => {
      const id = this.idOf(r);
      if (seen.has(id) || !hasIpList(optStr(r.product_name))) return false;
      seen.add(id);
      return true;
    });
    const now = new Date();
    const lists = await Promise.all(
      orders.map(async (r) => {
        const orderId = this.idOf(r);
        try {
          const json = await this.api.get('/proxies/active', { order_id: orderId });
          return this.parse('proxies', () =>
            mapActiveProxies(
              json,
              {
                orderId,
                productName: optStr(r.product_name),
                autoRenew: typeof r.auto_renewal === 'boolean' ? r.auto_renewal : null,
              },
              now,
            ),
          );
        } catch (e) {
          // 403 = "this method is not available for this order" (not DC/ISP after all).
          if (e instanceof VendorError && e.httpStatus === 403) return [];
          throw e;
        }
      }),
    );
    return lists.flat();
  }

  // ------------------------------------------------------------ sub-users

  override async listSubUsers(): Promise<SubUser[]> {
    const perTier = await Promise.all(TIERS.map((t) => this.subUsersOf(t)));
    return perTier.flat();
  }

  private async subUsersOf(tier: Tier): Promise<SubUser[]> {
    const out: SubUser[] = [];
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      let json: unknown;
      try {
        json = await this.api.get('/proxies/sub-users', { proxy_type: tier, offset, limit: SUB_USER_PAGE });
      } catch (e) {
        // 400 "user resident not set" / no order of this pool: the pool simply has no sub-users.
        if (e instanceof VendorError && e.httpStatus === 400) return out;
        throw e;
      }
      const rows = subUserRowsOf(json);
      out.push(...this.parse('sub-users', () => rows.map((r) => mapSubUser(r, tier))));
      const total = optNum(obj(json).count);
      offset += rows.length;
      if (rows.length === 0 || (total !== null ? offset >= total : rows.length < SUB_USER_PAGE)) break;
    }
    return out;
  }

  private async subUserRaw(tier: Tier, userId: string): Promise<Obj> {
    const json = await this.api.get(`/proxies/sub-user/${encodeURIComponent(userId)}`, { proxy_type: tier });
    const row = subUserRowsOf(json)[0];
    if (!row) throw this.http.error('bad_response', { message: 'sub-user answer had no data' });
    return row;
  }

  /** The pools the account has set up (a profile answers 200). */
  private async tiersSetUp(): Promise<Tier[]> {
    const profiles = await Promise.all(TIERS.map((t) => this.profile(t)));
    return profiles.filter((p): p is TierProfile => p !== null).map((p) => p.tier);
  }

  /**
   * POST /proxies/sub-user?proxy_type=…, body {name, data: whole GB}. The pool is taken from a
   * `standart:`/`premium:` prefix of the username, else the first pool the account has. ProxyShard
   * generates the password itself: a password in the input is not used.
   */
  override async createSubUser(input: SubUserInput): Promise<SubUser | null> {
    if (input.limitBytes === null) {
      throw this.http.error('invalid_argument', {
        message: 'ProxyShard sub-users need a traffic amount in GB; unlimited is not offered.',
      });
    }
    const prefixed = /^(standart|premium):(.+)$/.exec(input.username.trim());
    const name = (prefixed ? prefixed[2]! : input.username).trim();
    if (!name) throw this.http.error('invalid_argument', { message: 'The sub-user needs a name.' });
    let tier = prefixed ? (prefixed[1] as Tier) : null;
    if (!tier) {
      const tiers = await this.tiersSetUp();
      tier = tiers[0] ?? null;
      if (!tier) {
        throw this.http.error('vendor_rejected', {
          message: 'This account has no residential plan, so it cannot have sub-users.',
        });
      }
    }
    const gb = bytesToWholeGb(input.limitBytes);
    const json = await this.api.call('POST', '/proxies/sub-user', {
      query: { proxy_type: tier },
      json: { name, data: gb },
    });
    const row = subUserRowsOf(json)[0];
    const chosen = tier;
    return row ? this.parse('sub-user', () => mapSubUser(row, chosen)) : null;
  }

  /**
   * Rename (`username`, a ProxyShard extension of the patch), traffic limit (moved in whole GB with
   * data/add or data/subtract), and password regeneration (`password: ''`: ProxyShard cannot set a
   * chosen password). Status and notes do not exist at ProxyShard.
   */
  override async updateSubUser(id: string, patch: SubUserPatch & { username?: string }): Promise<void> {
    const tier = this.tierOf(id);
    const { userId } = parseSubUserKey(id);
    const path = `/proxies/sub-user/${encodeURIComponent(userId)}`;
    if (patch.status !== undefined || (patch.note !== undefined && patch.note !== null)) {
      throw this.http.error('not_supported', {
        message: 'ProxyShard sub-users have no status or note; only name, traffic and password.',
      });
    }
    if (patch.password !== undefined && patch.password !== '') {
      throw this.http.error('invalid_argument', {
        message: 'ProxyShard generates sub-user passwords itself; choose "new password" instead of typing one.',
      });
    }
    if (patch.limitBytes === null) {
      throw this.http.error('invalid_argument', { message: 'ProxyShard sub-users cannot have unlimited traffic.' });
    }
    if (patch.username !== undefined) {
      await this.api.call('PATCH', path, { query: { proxy_type: tier }, json: { name: patch.username.trim() } });
    }
    if (patch.limitBytes !== undefined) {
      const current = await this.subUserRaw(tier, userId);
      const currentUser = this.parse('sub-user', () => mapSubUser(current, tier, userId));
      const deltaGb = bytesToWholeGb(patch.limitBytes) - bytesToWholeGb(currentUser.limitBytes ?? 0);
      if (deltaGb !== 0) {
        await this.api.call('POST', `${path}/data/${deltaGb > 0 ? 'add' : 'subtract'}`, {
          query: { proxy_type: tier },
          json: { data: Math.abs(deltaGb) },
        });
      }
    }
    if (patch.password === '') await this.regenerateSubUserPassword(id);
  }

  /** POST …/password (no body, so `{}`); the new password is not returned: re-read the sub-user. */
  async regenerateSubUserPassword(id: string): Promise<void> {
    const tier = this.tierOf(id);
    const { userId } = parseSubUserKey(id);
    await this.api.call('POST', `/proxies/sub-user/${encodeURIComponent(userId)}/password`, {
      query: { proxy_type: tier },
    });
  }

  /** The proxy password of a sub-user (GET sub-user), for building residential logins. */
  async subUserProxyPassword(id: string): Promise<string | null> {
    const { userId } = parseSubUserKey(id);
    return optStr((await this.subUserRaw(this.tierOf(id), userId)).proxy_password);
  }

  /** DELETE /proxies/sub-user/{user_id}: no proxy_type is documented for this call. */
  override async deleteSubUser(id: string): Promise<void> {
    const { userId } = parseSubUserKey(id);
    await this.api.call('DELETE', `/proxies/sub-user/${encodeURIComponent(userId)}`);
  }

  private tierOf(id: string): Tier {
    const { tier } = parseSubUserKey(id);
    if (!tier) throw this.http.error('invalid_argument', { message: `Unknown sub-user id "${id}".` });
    return tier;
  }

  // ------------------------------------------------------------ renewals

  override async renewalPeriods(kind: 'order' | 'ip' | 'server'): Promise<RenewPeriod[]> {
    if (kind !== 'order') return [];
    const products = await this.products();
    // ProxyShard renews an order for its own cycle; other cycles need changeBillingCycle first.
    return [{ id: CURRENT_CYCLE, label: 'Current billing cycle', days: null }, ...periodsOfProducts(products)];
  }

  override async quoteRenewal(req: RenewRequest): Promise<RenewQuote> {
    this.checkOrderTargets(req.targets);
    const [balance, ...perOrder] = await Promise.all([
      this.me().then(
        (m) => m.wallet,
        (e: unknown) => {
          if (e instanceof VendorError && e.code === 'invalid_credentials') throw e;
          return null;
        },
      ),
      ...req.targets.map((t) => this.quoteOne(t, req.periodId)),
    ]);
    const items: RenewQuoteItem[] = perOrder.map((p) => p.item);
    const warnings = perOrder.flatMap((p) => p.warnings);
    const total: Money = {
      minor: items.reduce((s, i) => s + (i.price?.minor ?? 0), 0),
      currency: CURRENCY,
    };
    if (balance && balance.minor < total.minor) {
      warnings.push({
        code: 'insufficient_funds',
        message: `Your ProxyShard balance (${formatMoney(balance)}) is below the renewal total (${formatMoney(total)}).`,
        blocking: true,
      });
    }
    return { items, total, vendorQuoted: perOrder.every((p) => p.vendorQuoted), balance, warnings };
  }

  /**
   * Price of renewing one order. ProxyShard has no renewal price check; its `calculate` endpoint
   * prices a new order of the same product, cycle, quantity, promo and add-ons, which is the
   * vendor's own figure for one period of this order. The order's recorded price (price_paid plus
   * add-ons for the next period) is compared and a difference is shown as a warning. When calculate
   * refuses (e.g. the cycle is no longer sold), the recorded price is used as a labelled estimate.
   */
  private async quoteOne(
    target: RenewTarget,
    periodId: string,
  ): Promise<{ item: RenewQuoteItem; warnings: RenewQuote['warnings']; vendorQuoted: boolean }> {
    const detail = await this.orderDetail(target.id);
    const product = optStr(detail.product_name);
    const cycle = optStr(pick(detail, 'cycle_name', 'cycle'));
    const status = optStr(detail.status);
    const warnings: RenewQuote['warnings'] = [];
    const who = `Order ${target.id}${product ? ` (${product})` : ''}`;
    if (!isRenewableProduct(product)) {
      warnings.push({
        code: 'not_renewable',
        message: `${who} is a per-GB residential plan: it is topped up with traffic, not renewed.`,
        blocking: true,
      });
    } else if (status !== null && status.toLowerCase() !== 'on-hold') {
      warnings.push({
        code: 'not_on_hold',
        message: `${who} is ${status}. ProxyShard renews only on-hold orders; active ones renew automatically when auto-renewal is on.`,
        blocking: true,
      });
    }
    if (!this.periodMatches(periodId, cycle)) {
      warnings.push({
        code: 'period_mismatch',
        message: `${who} renews for its own cycle (${cycle ?? 'unknown'}). Change the billing cycle first to renew for "${periodId}".`,
        blocking: true,
      });
    }
    const recorded = this.parse('order', () => recordedRenewalPrice(detail));
    let price: Money | null = recorded;
    let vendorQuoted = false;
    if (product && isRenewableProduct(product)) {
      const calc = await this.calculateLike(detail).catch((e: unknown) => {
        if (e instanceof VendorError && (e.code === 'vendor_rejected' || e.code === 'bad_response')) return null;
        throw e;
      });
      if (calc) {
        price = calc.total;
        vendorQuoted = true;
        if (recorded && recorded.minor !== calc.total.minor) {
          warnings.push({
            code: 'price_differs',
            message: `${who}: ProxyShard's price check says ${formatMoney(calc.total)}, the order was last paid ${formatMoney(recorded)}. The renewal may charge either.`,
            blocking: false,
          });
        }
      } else {
        warnings.push({
          code: 'estimate',
          message: `${who}: ProxyShard could not price this renewal; ${recorded ? formatMoney(recorded) : 'the price'} is an estimate from the order's last payment.`,
          blocking: false,
        });
      }
    }
    const days = cycle ? cycleDays(cycle) : null;
    const from = Math.max(Date.now(), target.expiresAt ? Date.parse(target.expiresAt) : 0);
    return {
      item: {
        target,
        price,
        // On-hold orders have expired, so the new period most likely starts at payment: an estimate.
        newExpiresAt: days === null ? null : new Date(from + days * 86_400_000).toISOString(),
      },
      warnings,
      vendorQuoted,
    };
  }

  /** GET /orders/calculate for the same product, cycle, quantity, promo and next-period add-ons. */
  private async calculateLike(detail: Obj): Promise<PriceQuote> {
    const addons = mapAddonLines(detail.addons)
      .filter((a) => a.nextQty > 0)
      .map((a) => ({ addon_key: a.addonKey, qty: a.nextQty }));
    const json = await this.api.get('/orders/calculate', {
      product: optStr(detail.product_name),
      cycle: optStr(pick(detail, 'cycle_name', 'cycle')),
      quantity: optNum(detail.quantity),
      promo_code: optStr(detail.promo_code),
      addons_json: addons.length ? JSON.stringify(addons) : undefined,
    });
    return this.parse('price check', () => mapCalculate(json));
  }

  /**
   * POST /orders/{id}/renew (pays an on-hold order), once per order, never retried. The new expiry
   * is read back from the order detail. A definite failure is reported per order; a lost answer
   * (`uncertain`) stops everything so the caller reconciles by reading the orders.
   */
  override async renew(req: RenewRequest, opts: WriteOptions): Promise<RenewResult> {
    this.checkOrderTargets(req.targets);
    if (req.periodId !== CURRENT_CYCLE) {
      // Checked before any money moves: renewing always uses the order's own cycle.
      for (const t of req.targets) {
        const cycle = optStr(pick(await this.orderDetail(t.id), 'cycle_name', 'cycle'));
        if (!this.periodMatches(req.periodId, cycle)) {
          throw this.http.error('invalid_argument', {
            message: `Order ${t.id} renews for its own cycle (${cycle ?? 'unknown'}), not "${req.periodId}".`,
          });
        }
      }
    }
    const items: RenewResultItem[] = [];
    const failures: VendorError[] = [];
    for (const target of req.targets) {
      if (failures.some((f) => f.code === 'insufficient_funds')) {
        items.push({ target, ok: false, newExpiresAt: null, message: 'Not attempted: the balance ran out.' });
        continue;
      }
      try {
        await this.api.call('POST', `/orders/${this.orderPath(target.id)}/renew`, {
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
      } catch (e) {
        if (!(e instanceof VendorError) || e.uncertain) {
          if (e instanceof VendorError && items.some((i) => i.ok)) {
            throw this.http.error(e.code, {
              uncertain: true,
              message: `Renewed ${items
                .filter((i) => i.ok)
                .map((i) => i.target.id)
                .join(', ')} before this; the outcome for order ${target.id} is unknown.`,
            });
          }
          throw e;
        }
        failures.push(e);
        items.push({ target, ok: false, newExpiresAt: null, message: e.message });
        continue;
      }
      items.push({ target, ok: true, newExpiresAt: await this.expiryAfterRenewal(target.id), message: null });
    }
    // Nothing renewed at all: the single typed error says it best.
    if (failures.length === req.targets.length && failures[0]) throw failures[0];
    return { items, reference: null, charged: null };
  }

  private async expiryAfterRenewal(id: string): Promise<string | null> {
    try {
      const detail = await this.orderDetail(id);
      return this.parse('order', () => mapOrder(detail, null, new Map()).expiresAt);
    } catch {
      return null; // Renewed; the read-back failed. The next refresh shows the new expiry.
    }
  }

  private periodMatches(periodId: string, cycle: string | null): boolean {
    return periodId === CURRENT_CYCLE || (cycle !== null && periodId.toLowerCase() === cycle.toLowerCase());
  }

  private checkOrderTargets(targets: RenewTarget[]): void {
    if (!targets.length) throw this.http.error('invalid_argument', { message: 'Nothing to renew.' });
    for (const t of targets) {
      if (t.kind !== 'order') {
        throw this.http.error('invalid_argument', { message: 'ProxyShard renews whole orders, not single IPs.' });
      }
      this.orderPath(t.id);
    }
  }

  /** POST /orders/edit-auto-renewal/{id}?auto_renewal=true|false with a `{}` body. */
  override async setAutoRenew(target: AutoRenewTarget): Promise<void> {
    if (target.kind !== 'order') {
      throw this.http.error('invalid_argument', { message: 'ProxyShard sets auto-renewal per order, not per IP.' });
    }
    for (const id of target.ids) {
      await this.api.call('POST', `/orders/edit-auto-renewal/${this.orderPath(id)}`, {
        query: { auto_renewal: target.enabled },
      });
    }
  }

  // ------------------------------------------------------------ ProxyShard extras

  /** POST /orders/{id}/tag; the vendor's value "none" clears the tag. */
  async setOrderTag(orderId: string, tag: string | null): Promise<void> {
    const value = tag?.trim() ? tag.trim() : 'none';
    await this.api.call('POST', `/orders/${this.orderPath(orderId)}/tag`, { json: { tag: value } });
  }

  /** POST /orders/change-billing-cycle/{id} {cycle}; the order's promo code may be dropped by the vendor. */
  async changeBillingCycle(orderId: string, cycle: string): Promise<void> {
    if (!cycle.trim()) throw this.http.error('invalid_argument', { message: 'Choose a billing cycle.' });
    await this.api.call('POST', `/orders/change-billing-cycle/${this.orderPath(orderId)}`, {
      json: { cycle: cycle.trim() },
    });
  }

  /** GET /orders/{id}/addons/calculate?addon_key&add_qty: the vendor's own price (add_total, cents). */
  async quoteAddon(
    orderId: string,
    addonKey: string,
    qty: number,
  ): Promise<{ total: Money; details: Record<string, string> }> {
    this.checkQty(qty);
    const json = await this.api.get(`/orders/${this.orderPath(orderId)}/addons/calculate`, {
      addon_key: addonKey,
      add_qty: qty,
    });
    return this.parse('add-on price', () => mapAddonCalculate(json));
  }

  /** POST /orders/{id}/addons/purchase {addon_key, add_qty}: charges the wallet at once; sent once. */
  async purchaseAddon(orderId: string, addonKey: string, qty: number, opts: WriteOptions): Promise<void> {
    this.checkQty(qty);
    await this.api.call('POST', `/orders/${this.orderPath(orderId)}/addons/purchase`, {
      json: { addon_key: addonKey, add_qty: qty },
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  }

  private checkQty(qty: number): void {
    if (!Number.isInteger(qty) || qty < 1) {
      throw this.http.error('invalid_argument', { message: 'The quantity must be a whole number of at least 1.' });
    }
  }

  /** Order ids are integers at ProxyShard; anything else never reaches a URL. */
  private orderPath(id: string): string {
    if (!/^\d+$/.test(id))
      throw this.http.error('invalid_argument', { message: `"${id}" is not a ProxyShard order id.` });
    return id;
  }

  private idOf(row: Obj): string {
    const v = pick(row, 'order_id', 'id');
    if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))) return String(v);
    throw this.http.error('bad_response', { message: 'an order without a readable order_id' });
  }
}
