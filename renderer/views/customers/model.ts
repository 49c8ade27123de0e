/**
 * Pure derivations for the customers UI (issue 16): item refs of the views' rows, the Customer filter,
 * a customer's lines resolved against the snapshots, list summaries, the handoff sheet. No React.
 */

import type { Customer, ItemKind, ItemRef } from '../../../preload/contract/business';
import { itemKey } from '../../../preload/contract/business';
import type { AccountSummary, VendorSummary } from '../../../preload/contract/channels';
import type { Money, VendorId } from '../../../preload/contract/model';
import { type AccountRef, accountRef, type IpRow, type OrderRow, sumMoney } from '../../lib/inventory';
import type { BusinessIndex, ItemEntry } from '../../stores/business';
import type { HeldSnapshot } from '../../stores/proxy-table';

/** 'all', 'none' (no customer) or a customer id. */
export type CustomerFilter = 'all' | 'none' | (string & {});

/**
 * The itemKey of an IPs-view row without splitting its key (`${accountId}|p|${id}` / `|s|`): cheap
 * enough to run on each of 100,000 rows when filtering.
 */
export function ipItemKey(r: Pick<IpRow, 'key' | 'accountId' | 'source'>): string {
  const at = r.accountId.length;
  return `${r.accountId}|${r.source === 'server' ? 'server' : 'ip'}|${r.key.slice(at + 3)}`;
}

export function ipItemRef(r: Pick<IpRow, 'key' | 'accountId' | 'source'>): ItemRef {
  return {
    accountId: r.accountId,
    kind: r.source === 'server' ? 'server' : 'ip',
    id: r.key.slice(r.accountId.length + 3),
  };
}

export const orderItemRef = (r: Pick<OrderRow, 'accountId' | 'order'>): ItemRef => ({
  accountId: r.accountId,
  kind: 'order',
  id: r.order.id,
});

export const ref = (accountId: string, kind: ItemKind, id: string): ItemRef => ({ accountId, kind, id });

/** The customer of an item, by its itemKey (one Map read). */
export function customerOf(index: BusinessIndex, key: string): Customer | null {
  const id = index.byItem.get(key)?.customerId;
  return id ? (index.customers.get(id) ?? null) : null;
}

/** A test for the Customer filter on an itemKey; undefined when it keeps everything. */
export function customerTest(index: BusinessIndex, filter: CustomerFilter): ((key: string) => boolean) | undefined {
  if (filter === 'all') return undefined;
  if (filter === 'none') return (key) => !index.byItem.get(key)?.customerId;
  return (key) => index.byItem.get(key)?.customerId === filter;
}

/** The sell price per month of an item: its own, else its customer's default. */
export function priceOf(entry: ItemEntry, customers: BusinessIndex['customers']): Money | null {
  if (entry.price) return entry.price;
  const c = entry.customerId ? customers.get(entry.customerId) : undefined;
  return c?.defaultPrice ?? null;
}

/** One line of a customer's page. */
export interface CustomerLine extends AccountRef {
  key: string;
  entry: ItemEntry;
  kind: ItemKind;
  label: string;
  expiresAt: string | null;
  price: Money | null;
  /** The IPs-view row when the item is an IP or a server (for renew and export). */
  ipRow: IpRow | null;
  /** The Orders-view row when the item is an order. */
  orderRow: OrderRow | null;
  /** The vendor no longer lists it: shown "no longer at <vendor>" until cleared. */
  missing: boolean;
}

const unknownRef = (e: ItemEntry, vendors: VendorSummary[]): AccountRef => ({
  accountId: e.item.accountId,
  accountLabel: '—',
  vendor: e.vendor,
  vendorName: vendors.find((v) => v.id === e.vendor)?.name ?? e.vendor,
});

/**
 * The lines of the given records, resolved against the snapshots. IP rows come from one pass over
 * `ipRows` (a Map by itemKey of only the wanted keys), never a search per item.
 */
export function resolveLines(
  entries: ItemEntry[],
  index: BusinessIndex,
  accounts: AccountSummary[],
  vendors: VendorSummary[],
  snaps: Record<string, HeldSnapshot>,
  ipRows: IpRow[],
  orderRows: OrderRow[],
): CustomerLine[] {
  const wanted = new Set(entries.map((e) => itemKey(e.item)));
  const ips = new Map<string, IpRow>();
  if (entries.some((e) => e.item.kind === 'ip' || e.item.kind === 'server')) {
    for (const r of ipRows) {
      const k = ipItemKey(r);
      if (wanted.has(k)) ips.set(k, r);
    }
  }
  const orders = new Map<string, OrderRow>();
  for (const r of orderRows) {
    const k = itemKey(orderItemRef(r));
    if (wanted.has(k)) orders.set(k, r);
  }
  const refs = new Map(accounts.map((a) => [a.id, accountRef(a, vendors)]));
  return entries.map((entry) => {
    const key = itemKey(entry.item);
    const base = refs.get(entry.item.accountId) ?? unknownRef(entry, vendors);
    const ipRow = ips.get(key) ?? null;
    const orderRow = orders.get(key) ?? null;
    let label = entry.label || entry.item.id;
    let expiresAt: string | null = null;
    if (ipRow) {
      label = ipRow.port == null ? ipRow.ip : `${ipRow.ip}:${ipRow.port}`;
      expiresAt = ipRow.expiresAt;
    } else if (orderRow) {
      label = `${orderRow.order.product} #${orderRow.order.id}`;
      expiresAt = orderRow.order.expiresAt;
    } else if (entry.item.kind === 'subUser') {
      const u = snaps[entry.item.accountId]?.subUsers.find((s) => s.id === entry.item.id);
      if (u) label = u.username;
    }
    return {
      ...base,
      key,
      entry,
      kind: entry.item.kind,
      label,
      expiresAt,
      price: priceOf(entry, index.customers),
      ipRow,
      orderRow,
      missing: entry.presence === 'missing',
    };
  });
}

export interface CustomerSummary {
  customer: Customer;
  items: number;
  missing: number;
  /** Per currency, never added across currencies. */
  revenue: Money[];
  nextExpiry: string | null;
}

/** The list's figures per customer: items, monthly revenue per currency (of items still there), next expiry. */
export function summarize(customers: Customer[], lines: CustomerLine[]): CustomerSummary[] {
  const by = new Map<string, CustomerLine[]>();
  for (const l of lines) {
    const id = l.entry.customerId;
    if (!id) continue;
    const list = by.get(id);
    list ? list.push(l) : by.set(id, [l]);
  }
  return customers.map((customer) => {
    const own = by.get(customer.id) ?? [];
    const present = own.filter((l) => !l.missing);
    const revenue = sumMoney(present.flatMap((l) => (l.price ? [l.price] : [])));
    let next: string | null = null;
    let nextMs = Number.POSITIVE_INFINITY;
    for (const l of present) {
      const t = l.expiresAt ? Date.parse(l.expiresAt) : Number.NaN;
      if (!Number.isNaN(t) && t < nextMs) {
        nextMs = t;
        next = l.expiresAt;
      }
    }
    return { customer, items: own.length, missing: own.length - present.length, revenue, nextExpiry: next };
  });
}

/** A price typed by the user ("12", "12.5") in a currency's minor units; null = empty; 'invalid' otherwise. */
export function parsePrice(text: string, currency: string, digits: number): Money | null | 'invalid' {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  if (!/^\d+(\.\d+)?$/.test(s) || !/^[A-Z]{3}$/.test(currency)) return 'invalid';
  const [whole, frac = ''] = s.split('.') as [string, string?];
  if (frac.length > digits) return 'invalid';
  const minor = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > 100_000_000_00) return 'invalid';
  return { minor, currency };
}

/** The text of a price for an input box ("12.50"). */
export function priceText(m: Money | null, digits: number): string {
  return m ? (m.minor / 10 ** digits).toFixed(digits) : '';
}

/**
 * The handoff sheet: plain text for the customer (name, each proxy as the export line, expiry dates).
 * Only what the export shows: never an API key, an account or a vendor.
 */
export function handoffSheet(
  name: string,
  lines: { line: string; expires: string | null }[],
  words: { title: string; expires: string; none: string },
): string {
  const out = [`${words.title}: ${name}`, ''];
  for (const l of lines) out.push(l.expires ? `${l.line}    ${words.expires} ${l.expires}` : l.line);
  if (lines.length === 0) out.push(words.none);
  return `${out.join('\n')}\n`;
}

/**
 * Where and how to show a failed save of a customer. A name already used comes back as `duplicate_label`
 * with field `name`: its own sentence under the name (the generic duplicate_label sentence speaks of an
 * ACCOUNT); anything else is the form's error, worded by error-text.
 */
export function customerSaveError(
  error: { code: string; message: string; field?: string },
  name: string,
  t: (key: string, options?: Record<string, unknown>) => string,
  errorText: (e: { code: string; message: string }) => string,
): { field: 'name' | null; text: string } {
  if (error.code === 'duplicate_label' && error.field === 'name')
    return { field: 'name', text: t('customers.editor.duplicateName', { name }) };
  return { field: null, text: errorText(error) };
}

export type { VendorId };
