/** Hand-made snapshots, journal operations, audit rows and business data for the money reports' tests. */

import type { BusinessData } from '../../../main/core/business/business-schema';
import type { AuditRow } from '../../../main/core/renewals/audit';
import type { Operation } from '../../../main/core/renewals/journal';
import type { ItemMeta, ItemRef } from '../../../preload/contract/business';
import type { AccountSnapshot, Money, Order, ProxyEndpoint, UnlimitedServer } from '../../../preload/contract/model';

export const DAY = 86_400_000;
export const NOW = new Date('2026-11-20T12:00:00.000Z');
export const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
export const usd = (minor: number): Money => ({ minor, currency: 'USD' });
export const cny = (minor: number): Money => ({ minor, currency: 'CNY' });

export function order(id: string, over: Partial<Order> = {}): Order {
  return {
    id,
    kind: 'datacenter',
    product: `Order ${id}`,
    status: 'active',
    vendorStatus: null,
    createdAt: null,
    expiresAt: null,
    autoRenew: null,
    quantity: null,
    price: null,
    tag: null,
    country: null,
    details: {},
    ...over,
  };
}

export function proxy(id: string, over: Partial<ProxyEndpoint> = {}): ProxyEndpoint {
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
    kind: 'datacenter',
    expiresAt: null,
    orderId: null,
    status: 'active',
    autoRenew: null,
    ...over,
  };
}

export function server(id: string, over: Partial<UnlimitedServer> = {}): UnlimitedServer {
  return {
    id,
    ip: `10.9.0.${id}`,
    status: 'active',
    expiresAt: null,
    bandwidth: null,
    spec: null,
    autoRenew: null,
    details: {},
    ...over,
  };
}

export function snapshot(accountId: string, over: Partial<AccountSnapshot> = {}): AccountSnapshot {
  return {
    accountId,
    fetchedAt: NOW.toISOString(),
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

export const ref = (accountId: string, kind: ItemRef['kind'], id: string): ItemRef => ({ accountId, kind, id });

export function meta(item: ItemRef, over: Partial<ItemMeta> = {}): ItemMeta {
  return {
    item,
    vendor: 'youproxy',
    label: item.id,
    customerId: null,
    price: null,
    keep: false,
    assignedAt: null,
    updatedAt: NOW.toISOString(),
    ...over,
  };
}

export function business(over: Partial<BusinessData> = {}): BusinessData {
  return { version: 1, customers: [], items: [], rates: null, ...over };
}

export function customer(id: string, defaultPrice: Money | null = null) {
  return {
    id,
    name: `Customer ${id.slice(0, 4)}`,
    contact: '',
    notes: '',
    exportTemplate: null,
    defaultPrice,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

let opSeq = 0;
/** A renewal operation of one item; `quoteOnly` = quoted, then it failed (nothing charged). */
export function operation(
  accountId: string,
  target: { kind: 'ip' | 'order' | 'server'; id: string },
  price: Money,
  o: { at: string; state?: 'done' | 'failed'; days?: number; periodId?: string } = { at: NOW.toISOString() },
): Operation {
  opSeq += 1;
  const id = `00000000-0000-4000-8000-${String(opSeq).padStart(12, '0')}`;
  const before = o.at;
  const after = o.days ? new Date(Date.parse(o.at) + o.days * DAY).toISOString() : null;
  const t = { ...target, label: target.id, expiresAt: before };
  const state = o.state ?? 'done';
  return {
    version: 1,
    id,
    batchId: id,
    createdAt: o.at,
    updatedAt: o.at,
    accountId,
    accountLabel: accountId,
    vendor: 'youproxy',
    request: { targets: [t], periodId: o.periodId ?? 'p' },
    quote: {
      items: [{ target: t, price, newExpiresAt: after }],
      total: price,
      vendorQuoted: true,
      balance: null,
      warnings: [],
    },
    balanceBefore: null,
    state,
    items: [
      {
        target: t,
        state,
        expiresBefore: before,
        newExpiresAt: state === 'done' ? after : null,
        price,
        message: null,
        retriedBy: null,
      },
    ],
    reference: null,
    charged: state === 'done' ? price : null,
    chargedUpTo: null,
    retryOf: null,
    history: [],
  };
}

export function auditRow(over: Partial<AuditRow> & Pick<AuditRow, 'at' | 'operationId'>): AuditRow {
  return {
    action: 'renew',
    accountId: 'a1',
    accountLabel: 'Shop A',
    vendor: 'youproxy',
    items: [],
    quoteTotal: usd(0),
    vendorQuoted: true,
    charged: null,
    result: 'done',
    reference: null,
    message: null,
    ...over,
  };
}
