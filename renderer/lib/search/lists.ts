/**
 * The smaller kinds of the one search: orders, products, sub-users, whitelist entries, servers (per
 * account), accounts and customers. A list's search index is built once per list object (snapshots
 * and the business data are replaced, never changed, on refresh), so a keystroke over 10,000 orders
 * is one string search, as for IPs.
 */
import type { Customer } from '../../../preload/contract/business';
import type { Order, SubUser, WhitelistEntry } from '../../../preload/contract/model';
import { buildIndex, type RowIndex } from '../filter-index';
import type { AccountRef } from '../inventory';
import { scanIndex } from './ips';
import type { SearchHit } from './types';

const indexes = new WeakMap<object, RowIndex>();

/** Rows of `list` whose text (lower-cased, built once per list) holds `q`: the first `cap`, and the count. */
export function scanList<T>(
  list: readonly T[],
  textOf: (item: T) => string,
  q: string,
  cap: number,
  take: (item: T) => void,
): number {
  if (list.length === 0) return 0;
  let index = indexes.get(list);
  if (!index) {
    index = buildIndex(list, textOf);
    indexes.set(list, index);
  }
  return scanIndex(index, q, cap, (i) => take(list[i] as T));
}

const where = (ref: AccountRef) => `${ref.accountLabel} · ${ref.vendorName}`;

export const orderText = (o: Order): string => `${o.id} ${o.product} ${o.tag ?? ''}`;
export const orderHit = (ref: AccountRef, o: Order): SearchHit => ({
  kind: 'order',
  key: `order|${ref.accountId}|${o.id}`,
  title: o.id,
  detail: [o.product, o.tag].filter(Boolean).join(' · '),
  where: where(ref),
  open: { view: 'orders', text: o.id },
});

export const subUserText = (u: SubUser): string => `${u.username} ${u.note ?? ''}`;
export const subUserHit = (ref: AccountRef, u: SubUser): SearchHit => ({
  kind: 'subUser',
  key: `subUser|${ref.accountId}|${u.id}`,
  title: u.username,
  detail: u.note ?? '',
  where: where(ref),
  open: { view: 'subUsers', accountId: ref.accountId, text: u.username },
});

export const whitelistText = (w: WhitelistEntry): string => `${w.ip} ${w.note ?? ''}`;
export const whitelistHit = (ref: AccountRef, w: WhitelistEntry): SearchHit => ({
  kind: 'whitelist',
  key: `whitelist|${ref.accountId}|${w.id ?? w.ip}`,
  title: w.ip,
  detail: w.note ?? '',
  where: where(ref),
  open: { view: 'whitelists', accountId: ref.accountId },
});

export interface ProductFind {
  name: string;
  orders: number;
  vendors: string[];
}

const productLists = new WeakMap<readonly Order[], Map<string, number>>();
/** Each distinct product name of an account's orders, with how many orders have it (once per list). */
function productsOf(orders: readonly Order[]): Map<string, number> {
  let out = productLists.get(orders);
  if (!out) {
    out = new Map();
    for (const o of orders) if (o.product) out.set(o.product, (out.get(o.product) ?? 0) + 1);
    productLists.set(orders, out);
  }
  return out;
}

/** Products (by name, across accounts) whose name holds `q`, in first-seen order. */
export function searchProducts(
  accounts: readonly { ref: AccountRef; orders: readonly Order[] }[],
  q: string,
): ProductFind[] {
  const found = new Map<string, ProductFind>();
  for (const { ref, orders } of accounts) {
    for (const [name, count] of productsOf(orders)) {
      if (!name.toLowerCase().includes(q)) continue;
      const f = found.get(name) ?? { name, orders: 0, vendors: [] };
      f.orders += count;
      if (!f.vendors.includes(ref.vendorName)) f.vendors.push(ref.vendorName);
      found.set(name, f);
    }
  }
  return [...found.values()];
}

export const productHit = (p: ProductFind): SearchHit => ({
  kind: 'product',
  key: `product|${p.name}`,
  title: p.name,
  detail: String(p.orders),
  where: p.vendors.join(', '),
  open: { view: 'orders', text: p.name },
});

export interface AccountFind {
  id: string;
  label: string;
  vendorName: string;
  demo: boolean;
}
export const accountText = (a: AccountFind): string => `${a.label} ${a.vendorName}`;
export const accountHit = (a: AccountFind): SearchHit => ({
  kind: 'account',
  key: `account|${a.id}`,
  title: a.label,
  detail: '',
  where: a.vendorName,
  open: { view: 'accounts', accountId: a.id },
});

export const customerText = (c: Customer): string => `${c.name} ${c.contact}`;
export const customerHit = (c: Customer): SearchHit => ({
  kind: 'customer',
  key: `customer|${c.id}`,
  title: c.name,
  detail: c.contact,
  where: '',
  open: { view: 'customers', text: c.name },
});
