/**
 * YouProxy client. The API key is a PATH segment (`/client/api/v1/{apiKey}/…`), so it is handed to
 * the transport as a secret: request logs and error messages show `***` instead. Failures come as
 * HTTP 200 with `success:false` (see envelope.ts).
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
} from '../../../preload/contract/model';
import { BaseVendorClient } from '../base-client';
import { isVendorError, type VendorError } from '../errors';
import { HttpTransport } from '../http/transport';
import type { Obj } from '../parse';
import type { AutoRenewTarget, ClientOptions, VendorClient, WriteOptions } from '../vendor-client';
import { canonicalProxyType, PROXY_TYPES, YOUPROXY_BASE_URL, type YpProxyType } from './constants';
import { unwrap } from './envelope';
import {
  deriveOrders,
  mapBalance,
  mapExtendEcho,
  mapIpList,
  mapQuote,
  mapRentPeriods,
  mergePeriods,
  type YpIp,
  type YpWarning,
} from './mappers';
import { groupTargets, type TargetGroup } from './targets';

export const YOUPROXY_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'balance',
  'orders', // derived from the IP list: there is no order list endpoint
  'staticIps',
  'renew',
  'renewQuote',
  'autoRenew',
]);

const DAY_MS = 86_400_000;

export class YouproxyClient extends BaseVendorClient implements VendorClient {
  readonly vendor = 'youproxy' as const;
  readonly capabilities = YOUPROXY_CAPABILITIES;
  protected readonly http: HttpTransport;
  private readonly keySegment: string;
  private schemaLogged = false;

  constructor(private readonly opts: ClientOptions) {
    super();
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
    const ips = this.parse('IP list', () => mapIpList(body, new Date()));
    if (!this.schemaLogged) {
      // The list's schema is undocumented: record its top-level keys once (no values) to pin it later.
      this.schemaLogged = true;
      this.opts.log?.debug({ vendor: 'youproxy', keys: Object.keys(body), ips: ips.length }, 'ipAddress shape');
    }
    return ips;
  }

  override async listProxies(): Promise<ProxyEndpoint[]> {
    return (await this.fetchIps()).map((ip) => ip.endpoint);
  }

  /** No order endpoint exists: orders are the IP list grouped by `orderId`. */
  override async listOrders(): Promise<Order[]> {
    const ips = await this.fetchIps();
    return deriveOrders(ips, new Date());
  }

  /** Rent periods of one type (GET /rentPeriod?proxyType=). */
  async rentPeriodsOf(type: YpProxyType): Promise<number[]> {
    const body = await this.get('rentPeriod', { proxyType: type });
    return mapRentPeriods(body);
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
      throw this.http.error('invalid_argument', { message: `"${periodId}" is not a number of days` });
    }
    return days;
  }

  private async grouped(targets: RenewTarget[], options: Record<string, string> | undefined, signal?: AbortSignal) {
    if (targets.length === 0) throw this.http.error('invalid_argument', { message: 'nothing was selected' });
    const ips = await this.fetchIps(signal);
    const fallbackType = canonicalProxyType(options?.proxyType);
    const g = groupTargets(targets, ips, { fallbackType });
    if (g.unknown.length > 0) {
      const names = g.unknown.map((t) => t.label || t.id).join(', ');
      throw this.http.error('invalid_argument', {
        message: `not in your YouProxy IP list (refresh and try again): ${names}`,
      });
    }
    return { ...g, ips };
  }

  private extendBody(group: TargetGroup, days: number, extra: Obj): Obj {
    return {
      proxyType: group.proxyType,
      [group.by === 'order' ? 'orderIds' : 'ipAddressIds']: group.ids,
      rentPeriodDays: days,
      ...extra,
    };
  }

  /** The vendor's own price check: /calculate/extend (IP ids) or /calculate/extend/order (order ids). */
  override async quoteRenewal(req: RenewRequest): Promise<RenewQuote> {
    const days = this.periodDays(req.periodId);
    const promoCode = req.options?.promoCode;
    const { groups, notes, ips } = await this.grouped(req.targets, req.options);
    const items: RenewQuoteItem[] = [];
    const warnings: YpWarning[] = notes.map((message) => ({ code: 'ipv6_whole_order', message, blocking: false }));
    let totalMinor = 0;
    let currency: string | null = null;
    let balance: Money | null = null;
    for (const group of groups) {
      const endpoint = group.by === 'order' ? 'calculate/extend/order' : 'calculate/extend';
      const body = await this.post(endpoint, this.extendBody(group, days, promoCode ? { promoCode } : {}));
      const q = this.parse('price check', () => mapQuote(body));
      if (currency !== null && currency !== q.price.currency) {
        throw this.http.error('bad_response', { message: 'prices came in different currencies' });
      }
      currency = q.price.currency;
      totalMinor += q.price.minor;
      balance = q.balance ?? balance;
      warnings.push(...q.warnings);
      if (q.promoCodeStatus === 'NO_VALID') {
        warnings.push({
          code: 'promo_not_valid',
          message: 'The promo code is not valid; the price is without discount.',
          blocking: false,
        });
      }
      for (const target of group.targets) {
        // The vendor prices the request as a whole; a per-item price exists only for one-item requests.
        items.push({
          target,
          price: group.targets.length === 1 ? q.price : null,
          newExpiresAt: expectedExpiry(target, ips, days),
        });
      }
    }
    const unique = new Map(warnings.map((w) => [`${w.code}|${w.message}`, w]));
    return {
      items,
      total: { minor: totalMinor, currency: currency ?? 'USD' },
      vendorQuoted: true,
      balance,
      warnings: [...unique.values()],
    };
  }

  /**
   * Moves money: one POST per (proxy type, by-order/by-IP) group, each sent once. The first failure
   * is thrown when nothing was extended yet; after a success, later failures are reported per item
   * so the caller sees what did happen. New expiries are re-read from the IP list.
   */
  override async renew(req: RenewRequest, opts: WriteOptions): Promise<RenewResult> {
    const days = this.periodDays(req.periodId);
    const promoCode = req.options?.promoCode;
    const { groups } = await this.grouped(req.targets, req.options, opts.signal);
    const before = await this.getBalance().catch(() => null);
    const results = new Map<RenewTarget, { ok: boolean; message: string | null }>();
    let after: Money | null = null;
    let succeeded = 0;
    for (const group of groups) {
      const endpoint = group.by === 'order' ? 'extend/order' : 'extend';
      try {
        const body = await this.post(
          endpoint,
          this.extendBody(group, days, promoCode ? { promoCode } : {}),
          opts.signal,
        );
        const echo = this.parse('extension', () => mapExtendEcho(body));
        after = echo.balance ?? after;
        succeeded += 1;
        for (const t of group.targets) results.set(t, { ok: true, message: null });
      } catch (e) {
        if (succeeded === 0) throw e;
        const err = e as VendorError;
        const message = err.uncertain
          ? `${err.message} It may have been extended: refresh before trying again.`
          : (err.message ?? 'Not extended.');
        for (const t of group.targets) results.set(t, { ok: false, message });
      }
    }
    const fresh = await this.fetchIps(opts.signal).catch(() => null);
    const items: RenewResultItem[] = req.targets.map((target) => {
      const r = results.get(target) ?? { ok: false, message: 'Not sent.' };
      return {
        target,
        ok: r.ok,
        newExpiresAt: r.ok && fresh ? currentExpiry(target, fresh) : null,
        message: r.message,
      };
    });
    const charged =
      before?.money && after && after.currency === before.money.currency && before.money.minor >= after.minor
        ? { minor: before.money.minor - after.minor, currency: after.currency }
        : null;
    return { items, reference: null, charged };
  }

  /** /extend/auto (IP ids) and /extend/order/auto (order ids); both need the period used per renewal. */
  override async setAutoRenew(target: AutoRenewTarget): Promise<void> {
    if (!target.periodId) {
      throw this.http.error('invalid_argument', {
        message: 'choose the renewal period YouProxy should use for automatic renewals',
      });
    }
    const days = this.periodDays(target.periodId);
    const targets: RenewTarget[] = target.ids.map((id) => ({ kind: target.kind, id, label: id, expiresAt: null }));
    const { groups } = await this.grouped(targets, undefined);
    for (const group of groups) {
      const endpoint = group.by === 'order' ? 'extend/order/auto' : 'extend/auto';
      const body = await this.post(endpoint, this.extendBody(group, days, { autoExtend: target.enabled }));
      this.parse('auto-extend', () => mapExtendEcho(body));
    }
  }
}

/** The expiry a target has in an IP list (an order's earliest IP expiry). */
function currentExpiry(target: RenewTarget, ips: YpIp[]): string | null {
  const dates = ips
    .filter((ip) => (target.kind === 'order' ? ip.orderId === target.id : ip.id === target.id))
    .map((ip) => ip.endpoint.expiresAt)
    .filter((d): d is string => d !== null)
    .sort();
  return dates[0] ?? null;
}

/** Expected new expiry for a quote: from the later of now and the current expiry, plus the period. */
function expectedExpiry(target: RenewTarget, ips: YpIp[], days: number): string | null {
  const current = target.expiresAt ?? currentExpiry(target, ips);
  if (current === null) return null;
  const from = Math.max(Date.parse(current), Date.now());
  return new Date(from + days * DAY_MS).toISOString();
}
