/**
 * The one search over everything the window holds (issue 15 §1): pure, so it is unit-tested and
 * benchmarked without React. Each group keeps at most `cap` hits and counts the rest.
 */

import type { Customer } from '../../../preload/contract/business';
import type { AccountSummary, VendorSummary } from '../../../preload/contract/channels';
import type { HeldSnapshot } from '../../stores/proxy-table';
import { type AccountRef, accountRef } from '../inventory';
import { type IpSource, searchIps, serverHit, serverText, tableIndex } from './ips';
import {
  type AccountFind,
  accountHit,
  accountText,
  customerHit,
  customerText,
  orderHit,
  orderText,
  productHit,
  scanList,
  searchProducts,
  subUserHit,
  subUserText,
  whitelistHit,
  whitelistText,
} from './lists';
import { normalizeQuery, SEARCH_KINDS, type SearchGroup, type SearchHit, type SearchKind } from './types';

export interface SearchInput {
  accounts: readonly AccountSummary[];
  vendors: readonly VendorSummary[];
  snaps: Readonly<Record<string, HeldSnapshot>>;
  customers: readonly Customer[];
}

/** What the search reads, derived once per change of its input (not per keystroke). */
export interface SearchSources {
  accounts: AccountFind[];
  held: { ref: AccountRef; snap: HeldSnapshot }[];
  ips: IpSource[];
  customers: readonly Customer[];
}

export function searchSources(input: SearchInput): SearchSources {
  const vendors = input.vendors as VendorSummary[];
  const held: SearchSources['held'] = [];
  const accounts: AccountFind[] = [];
  for (const a of input.accounts) {
    const ref = accountRef(a, vendors);
    accounts.push({ id: a.id, label: a.label, vendorName: ref.vendorName, demo: a.demo });
    const snap = input.snaps[a.id];
    if (snap) held.push({ ref, snap });
  }
  return {
    accounts,
    held,
    ips: held.map(({ ref, snap }) => ({ ref, table: snap.proxies })),
    customers: input.customers,
  };
}

/** Builds the IP search text of every table not built yet (call in idle time: the first key then waits for none). */
export function warmUp(src: SearchSources): void {
  for (const s of src.ips) tableIndex(s.table);
}

export interface SearchResult {
  query: string;
  groups: SearchGroup[];
}

/** Every group with at least one match, in SEARCH_KINDS order. An empty query finds nothing. */
export function searchAll(src: SearchSources, query: string, cap = 5): SearchResult {
  const q = normalizeQuery(query);
  if (q === '') return { query: q, groups: [] };
  const groups = new Map<SearchKind, SearchGroup>();
  const group = (kind: SearchKind, hits: SearchHit[], total: number, more?: SearchGroup['more']) => {
    if (total > 0) groups.set(kind, { kind, hits, total, more: total > hits.length ? more : undefined });
  };

  const byAccount = <T>(
    list: (s: HeldSnapshot) => readonly T[],
    text: (t: T) => string,
    hit: (r: AccountRef, t: T) => SearchHit,
  ) => {
    const hits: SearchHit[] = [];
    let total = 0;
    for (const { ref, snap } of src.held)
      total += scanList(list(snap), text, q, cap - hits.length, (t) => hits.push(hit(ref, t)));
    return { hits, total };
  };
  const typed = query.trim();

  const accounts: SearchHit[] = [];
  group(
    'account',
    accounts,
    scanList(src.accounts, accountText, q, cap, (a) => accounts.push(accountHit(a))),
    { view: 'accounts' },
  );
  const customers: SearchHit[] = [];
  group(
    'customer',
    customers,
    scanList(src.customers, customerText, q, cap, (c) => customers.push(customerHit(c))),
    {
      view: 'customers',
      text: typed,
    },
  );
  const ips = searchIps(src.ips, q, cap);
  group('ip', ips.hits, ips.total, { view: 'ips', text: typed });
  const servers = byAccount((s) => s.servers, serverText, serverHit);
  group('server', servers.hits, servers.total, { view: 'servers' });
  const orders = byAccount((s) => s.orders, orderText, orderHit);
  group('order', orders.hits, orders.total, { view: 'orders', text: typed });
  const products = searchProducts(
    src.held.map(({ ref, snap }) => ({ ref, orders: snap.orders })),
    q,
  );
  group('product', products.slice(0, cap).map(productHit), products.length, { view: 'orders', text: typed });
  const subUsers = byAccount((s) => s.subUsers, subUserText, subUserHit);
  group('subUser', subUsers.hits, subUsers.total, { view: 'subUsers' });
  const whitelist = byAccount((s) => s.whitelist, whitelistText, whitelistHit);
  group('whitelist', whitelist.hits, whitelist.total, { view: 'whitelists' });

  return { query: q, groups: SEARCH_KINDS.flatMap((k) => groups.get(k) ?? []) };
}
