/**
 * Thordata reads: balances, static ISP/DC IPs, unlimited servers, traffic, whitelist and sub-user
 * lists. None of Thordata's lists is paginated (vendor file §1.6: "every list returns everything in
 * one data array"), so there is no paging to follow; P2 is asked in batches of our own choosing.
 */
import type {
  Balance,
  ConnectionCheck,
  ProxyEndpoint,
  SubUser,
  TrafficSeries,
  UnlimitedServer,
  WhitelistEntry,
} from '../../../preload/contract/model';
import type { TrafficQuery } from '../vendor-client';
import { ThordataApi } from './api';
import { PATHS, PRODUCT_NAMES, PRODUCTS, type Product, STATIC_TYPES, UNITS, USAGE_UNIT_NOTE } from './constants';
import {
  mapBalance,
  mapExpirations,
  mapProxyList,
  mapServers,
  mapSubUsers,
  mapUsagePoints,
  mapWhitelist,
  parseSubUserId,
} from './mappers';

const MAX_RANGE_DAYS = 180; // error 10021 beyond this
const EXPIRY_BATCH = 100; // IPs per P2 call, keeps the query string short
export const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export abstract class ThordataReads extends ThordataApi {
  async testConnection(): Promise<ConnectionCheck> {
    return this.checkWith(async () => {
      const data = await this.call({ path: PATHS.walletBalance });
      const b = this.parse('wallet balance', () => mapBalance(data, {}));
      return this.connected(b.money);
    });
  }

  async getBalance(): Promise<Balance> {
    const [wallet, traffic] = await Promise.all([
      this.call({ path: PATHS.walletBalance }),
      this.call({ path: PATHS.trafficBalance }),
    ]);
    return this.parse('balance', () => mapBalance(wallet, traffic));
  }

  override async listProxies(): Promise<ProxyEndpoint[]> {
    const now = this.clock();
    const lists = await Promise.all(
      STATIC_TYPES.map(async ({ type, kind }) => {
        const data = await this.call({ path: PATHS.proxyList, params: { proxy_type: type } });
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
        path: PATHS.proxyExpiration,
        params: { proxy_type: proxyType, ips: batch.join(',') },
      });
      for (const [ip, exp] of this.parse('IP expiration times', () => mapExpirations(data))) out.set(ip, exp);
    }
    return out;
  }

  override async listUnlimitedServers(): Promise<UnlimitedServer[]> {
    const data = await this.call({ path: PATHS.serverList });
    const now = this.clock();
    return this.parse('unlimited servers', () => mapServers(data, now));
  }

  override async getTraffic(q: TrafficQuery): Promise<TrafficSeries[]> {
    if (!DATE.test(q.from) || !DATE.test(q.to) || q.from > q.to) {
      throw this.invalid('Dates must be YYYY-MM-DD, with the start on or before the end.');
    }
    if (!q.subUserId) {
      if (q.granularity === 'hour') {
        throw this.http.error('not_supported', { detail: 'Thordata reports hourly usage per sub-user only.' });
      }
      return [await this.accountDaily(q.from, q.to)];
    }
    const { product, username } = parseSubUserId(q.subUserId);
    const proxyType = PRODUCTS[product].userType;
    const hourly = q.granularity === 'hour';
    const ranges = hourly ? [[q.from, q.to] as const] : splitRange(q.from, q.to);
    const points = [];
    for (const [from, to] of ranges) {
      const data = await this.call({
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
      const data = await this.call({ path: PATHS.usageStatistics, params: { from_date: f, to_date: t } });
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

  override async listWhitelist(): Promise<WhitelistEntry[]> {
    const lists = await Promise.all(PRODUCT_NAMES.map((p) => this.whitelistOf(p)));
    return lists.flat();
  }

  /** W1 `remaining_limit` of the residential list (where a bare IP goes); null when the answer lacks it. */
  async whitelistRoom(): Promise<number | null> {
    const data = await this.call({
      path: PATHS.whitelistList,
      params: { proxy_type: PRODUCTS.residential.whitelistType },
    });
    const left = data && typeof data === 'object' ? (data as Record<string, unknown>).remaining_limit : undefined;
    return typeof left === 'number' && Number.isInteger(left) && left >= 0 ? left : null;
  }

  private async whitelistOf(product: Product): Promise<WhitelistEntry[]> {
    const data = await this.call({
      path: PATHS.whitelistList,
      params: { proxy_type: PRODUCTS[product].whitelistType },
    });
    return this.parse('whitelist', () => mapWhitelist(data, product));
  }

  override async listSubUsers(): Promise<SubUser[]> {
    const lists = await Promise.all(PRODUCT_NAMES.map((p) => this.subUsersOf(p)));
    return lists.flat();
  }

  protected async userListData(product: Product): Promise<unknown> {
    return this.call({ path: PATHS.userList, params: { proxy_type: PRODUCTS[product].userType } });
  }

  protected async subUsersOf(product: Product): Promise<SubUser[]> {
    const data = await this.userListData(product);
    return this.parse('sub-users', () => mapSubUsers(data, product));
  }
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
