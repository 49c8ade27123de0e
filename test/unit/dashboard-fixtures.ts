/** Small hand-made accounts, vendors and snapshots for the Dashboard's pure logic tests. */
import type { AccountSummary, VendorSummary } from '../../preload/contract/channels';
import type { AccountSnapshot, Order, ProxyEndpoint } from '../../preload/contract/model';

export const NOW = Date.parse('2026-06-10T12:00:00.000Z');
export const DAY = 86_400_000;
export const iso = (daysFromNow: number) => new Date(NOW + daysFromNow * DAY).toISOString();

export function vendor(id: VendorSummary['id'], over: Partial<VendorSummary> = {}): VendorSummary {
  return {
    id,
    name: id.toUpperCase(),
    website: 'https://example.test',
    fields: [],
    capabilities: ['balance', 'renew', 'autoRenew', 'orders', 'staticIps'],
    naiveTime: 'utc',
    renewal: { order: 'here', ip: 'here', server: 'here' },
    pages: ['dashboard', 'topup'],
    ...over,
  };
}

export function account(id: string, v: VendorSummary['id'], over: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id,
    vendor: v,
    label: `Shop ${id}`,
    createdAt: iso(-100),
    lastRefreshAt: iso(0),
    demo: false,
    credentialHint: null,
    lastError: null,
    ...over,
  };
}

export function order(id: string, days: number, over: Partial<Order> = {}): Order {
  return {
    id,
    kind: 'datacenter',
    product: 'DC',
    status: days < 0 ? 'expired' : 'active',
    vendorStatus: null,
    createdAt: null,
    expiresAt: iso(days),
    autoRenew: null,
    quantity: null,
    price: null,
    tag: null,
    country: null,
    details: {},
    ...over,
  };
}

export function proxy(id: string, days: number, over: Partial<ProxyEndpoint> = {}): ProxyEndpoint {
  return {
    id,
    ip: `10.0.0.${id}`,
    host: null,
    httpPort: 8000,
    socksPort: null,
    protocol: 'http',
    username: null,
    password: null,
    country: null,
    kind: 'isp',
    expiresAt: iso(days),
    orderId: null,
    status: days < 0 ? 'expired' : 'active',
    autoRenew: null,
    ...over,
  };
}

export function snapshot(accountId: string, over: Partial<AccountSnapshot> = {}): AccountSnapshot {
  return {
    accountId,
    fetchedAt: iso(0),
    balance: null,
    orders: [],
    proxies: [],
    whitelist: [],
    subUsers: [],
    servers: [],
    traffic: [],
    errors: {},
    ...over,
  };
}
