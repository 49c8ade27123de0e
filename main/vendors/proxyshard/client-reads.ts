/**
 * ProxyShard reads: connection test, balance (wallet cents + residential bytes), orders, the IPs of
 * DC/ISP orders and residential sub-users. No whitelist, traffic history or unlimited servers: those
 * stay `not_supported` (doc §5).
 */
import type { Balance, ConnectionCheck, Order, ProxyEndpoint, SubUser } from '../../../preload/contract/model';
import { VendorError } from '../errors';
import { type Obj, obj, optNum, optStr } from '../parse';
import { ProxyshardBase } from './client-base';
import { MAX_PAGES, SUB_USER_PAGE } from './constants';
import {
  hasIpList,
  mapActiveProxies,
  mapOrder,
  mapSubUser,
  orderStatusOf,
  parseSubUserKey,
  subUserListOf,
  subUserRowsOf,
  TIER_LABELS,
  TIERS,
  type Tier,
  type TierProfile,
} from './mappers';
import { formatGb } from './units';

/** Fields of an Order that only the order detail has in the documented list (doc §3.1 #8 vs #9). */
export const DETAIL_ONLY_FIELDS = ['status', 'quantity', 'price_paid', 'created_at'] as const;

/** True when a list row lacks a field the Order needs (a field sent as null is the vendor's answer). */
export function lacksOrderFields(row: Obj): boolean {
  return DETAIL_ONLY_FIELDS.some((f) => !(f in row));
}

export abstract class ProxyshardReads extends ProxyshardBase {
  testConnection(): Promise<ConnectionCheck> {
    return this.checkWith(async () => {
      const me = await this.me();
      return this.connected(me.wallet);
    });
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

  override async listOrders(): Promise<Order[]> {
    const [rows, products] = await Promise.all([this.orderRows('all'), this.products()]);
    // The documented list (doc §3.1 #8) has no status, quantity, price or creation date: the detail
    // (#9) of an order fills them in, read only for a row that lacks one of them.
    const details = await Promise.all(
      rows.map((r) => (lacksOrderFields(r) ? this.orderDetail(this.idOf(r)) : Promise.resolve(null))),
    );
    return this.parse('orders', () => rows.map((r, i) => mapOrder(r, details[i] ?? null, products)));
  }

  override async listProxies(): Promise<ProxyEndpoint[]> {
    return this.proxiesOf(await this.ordersHoldingIps());
  }

  /**
   * DC/ISP orders that still hold IPs: active and on-hold ones (on-hold for 3 days); cancelled ones lost
   * them. The plain client asks the status-filtered lists; a snapshot reader takes the status from the
   * full list and the order details it reads anyway for the orders section (no request made twice), and
   * falls back to the filtered lists if a detail cannot be read.
   */
  private async ordersHoldingIps(): Promise<Obj[]> {
    if (this.shared) {
      try {
        const rows = (await this.orderRows('all')).filter((r) => hasIpList(optStr(r.product_name)));
        const statuses = await Promise.all(
          rows.map(async (r) =>
            orderStatusOf(optStr((lacksOrderFields(r) ? await this.orderDetail(this.idOf(r)) : r).status)),
          ),
        );
        // Active ones first, then on-hold ones, as the filtered lists give them.
        const having = (status: string) => rows.filter((_, i) => statuses[i] === status);
        return [...having('active'), ...having('on-hold')];
      } catch (e) {
        if (e instanceof VendorError && e.code === 'invalid_credentials') throw e;
      }
    }
    const [active, onHold] = await Promise.all([this.orderRows('active'), this.orderRows('on-hold')]);
    const seen = new Set<string>();
    return [...active, ...onHold].filter((r) => {
      const id = this.idOf(r);
      if (seen.has(id) || !hasIpList(optStr(r.product_name))) return false;
      seen.add(id);
      return true;
    });
  }

  private async proxiesOf(orders: Obj[]): Promise<ProxyEndpoint[]> {
    const now = this.clock();
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

  /**
   * GET /proxies/sub-users paged by offset (advanced by the rows received: the server may send fewer
   * than asked). `count` is the total before paging (doc §2.6, v1.1.0): paging stops when the rows
   * received match it, and otherwise goes on until a page brings no new row, so a total that
   * disagrees with the rows never drops one.
   */
  private async subUsersOf(tier: Tier): Promise<SubUser[]> {
    const byId = new Map<string, SubUser>();
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      let json: unknown;
      try {
        json = await this.api.get('/proxies/sub-users', { proxy_type: tier, offset, limit: SUB_USER_PAGE });
      } catch (e) {
        // 400 "user resident not set" / no order of this pool: the pool simply has no sub-users.
        if (page === 0 && e instanceof VendorError && e.httpStatus === 400) return [];
        throw e;
      }
      const users = this.parse('sub-users', () => subUserListOf(json).map((r) => mapSubUser(r, tier)));
      const fresh = users.filter((u) => !byId.has(u.id));
      for (const u of users) byId.set(u.id, u);
      if (fresh.length === 0) return [...byId.values()];
      offset += users.length;
      const total = optNum(obj(json).count);
      if (total !== null && byId.size === total) return [...byId.values()];
    }
    throw this.http.error('bad_response', { detail: `The sub-user list did not end after ${MAX_PAGES} pages.` });
  }

  protected async subUserRaw(tier: Tier, userId: string): Promise<Obj> {
    const json = await this.api.get(`/proxies/sub-user/${encodeURIComponent(userId)}`, { proxy_type: tier });
    const row = this.parse('sub-user', () => subUserRowsOf(json))[0];
    if (!row) throw this.http.error('bad_response', { detail: 'The sub-user answer had no data.' });
    return row;
  }

  /** The proxy password of a sub-user (GET sub-user), for building residential logins. */
  async subUserProxyPassword(id: string): Promise<string | null> {
    const { userId } = parseSubUserKey(id);
    return optStr((await this.subUserRaw(this.tierOf(id), userId)).proxy_password);
  }

  protected tierOf(id: string): Tier {
    const { tier } = parseSubUserKey(id);
    if (!tier) throw this.http.error('invalid_argument', { detail: `"${id}" is not a ProxyShard sub-user id.` });
    return tier;
  }
}
