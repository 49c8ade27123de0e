/**
 * Pure derivations over account snapshots for the Dashboard, Orders and IPs views: flattened rows,
 * per-currency sums, expiring items. No React here; the views memoize these on store changes.
 */
import type { AccountSummary, VendorSummary } from '../../preload/contract/channels';
import type {
  Capability,
  Money,
  Order,
  OrderStatus,
  ProductKind,
  ProxyStatus,
  VendorId,
} from '../../preload/contract/model';
import type { HeldSnapshot } from '../stores/proxy-table';
import { nameBesideVendor } from './account-name';
import { buildIndex, matchRows, type RowIndex } from './filter-index';
import { currencyDigits } from './format';
import { epochMs as ms, ProxyIpRow, type ProxySegment, ServerIpRow } from './ip-rows';

export const DAY_MS = 86_400_000;

export interface AccountRef {
  accountId: string;
  accountLabel: string;
  vendor: VendorId;
  vendorName: string;
}

export function accountRef(a: AccountSummary, vendors: VendorSummary[]): AccountRef {
  return {
    accountId: a.id,
    accountLabel: nameBesideVendor(a), // rows show it next to the vendor: "Demo · Thordata", not twice
    vendor: a.vendor,
    vendorName: vendors.find((v) => v.id === a.vendor)?.name ?? a.vendor,
  };
}

export function hasCap(vendors: VendorSummary[], vendor: VendorId, cap: Capability): boolean {
  return vendors.find((v) => v.id === vendor)?.capabilities.includes(cap) ?? false;
}

/* ---------- IPs ---------- */

/**
 * One row of the IPs view. Rows are views over the snapshot: every field is read from the account's
 * proxy columns (or the server) when asked, so 100,000 rows hold no copies of their strings (their
 * search text lives once, in the view's index: see filter-index.ts).
 */
export interface IpRow extends AccountRef {
  /** Unique across accounts: `${accountId}|p|${id}` or `${accountId}|s|${id}`. */
  readonly key: string;
  readonly source: 'proxy' | 'server';
  readonly ip: string;
  readonly port: number | null;
  readonly socksPort: number | null;
  readonly user: string | null;
  readonly pass: string | null;
  /** A password exists but is not available until the next refresh (saved without a keychain key). */
  readonly passWithheld: boolean;
  readonly country: string | null;
  readonly kind: ProductKind;
  readonly status: ProxyStatus;
  readonly expiresAt: string | null;
  /** Epoch ms of expiresAt, or null. */
  readonly expiresMs: number | null;
  /** The proxy's order (null for servers and IPs without one). */
  readonly orderId: string | null;
}

/** What the search box matches in a row (never the password), before lower-casing. */
export interface Searchable {
  searchText(): string;
}

export function ipRows(
  accounts: AccountSummary[],
  vendors: VendorSummary[],
  snaps: Record<string, HeldSnapshot>,
): IpRow[] {
  const rows: IpRow[] = [];
  for (const a of accounts) {
    const snap = snaps[a.id];
    if (!snap) continue;
    const ref = accountRef(a, vendors);
    const seg = { ref, table: snap.proxies };
    for (let i = 0; i < snap.proxies.length; i++) rows.push(new ProxyIpRow(seg, i));
    for (const s of snap.servers) rows.push(new ServerIpRow(ref, s));
  }
  return rows;
}

/** The search text of a row: its own when it has one (rows of ipRows / orderRows), else what every row has. */
export function rowSearchText(r: IpRow | OrderRow): string {
  const own = (r as Partial<Searchable>).searchText;
  if (typeof own === 'function') return own.call(r);
  if ('order' in r) return orderText(r.order, r);
  return `${r.ip} ${r.user ?? ''} ${r.country ?? ''} ${r.accountLabel} ${r.vendorName}`;
}

export interface IpFilter {
  vendor: VendorId | 'all';
  accountId: string | 'all';
  country: string | 'all';
  status: ProxyStatus | 'all';
  /** Expiring within N days (already expired included); null = any. */
  expiresWithinDays: number | null;
  text: string;
}

export const EMPTY_IP_FILTER: IpFilter = {
  vendor: 'all',
  accountId: 'all',
  country: 'all',
  status: 'all',
  expiresWithinDays: null,
  text: '',
};

/**
 * The rows of `rows` the filter keeps, in order. `index` (built over exactly `rows`, see
 * filter-index.ts) answers the text part without touching each row; without it, each row's text
 * is derived (small lists). `keep` narrows further (a reminder's items).
 */
export function filterIps(
  rows: IpRow[],
  f: IpFilter,
  now: number,
  index?: RowIndex,
  keep?: (r: IpRow) => boolean,
): IpRow[] {
  const until = f.expiresWithinDays == null ? null : now + f.expiresWithinDays * DAY_MS;
  const test = (r: IpRow, i: number) =>
    (keep === undefined || keep(r)) &&
    (f.vendor === 'all' || r.vendor === f.vendor) &&
    (f.accountId === 'all' || r.accountId === f.accountId) &&
    (f.country === 'all' || r.country === f.country) &&
    (f.status === 'all' || r.status === f.status) &&
    (until == null || expiresWithin(index ? index.expires[i] : r.expiresMs, until));
  return matchRows(rows, f.text, test, index, rowSearchText);
}

const expiresWithin = (t: number | null | undefined, until: number) => t != null && !Number.isNaN(t) && t <= until;

/**
 * The index the IPs view filters with: every row's search text, and its expiry. A proxy row's text
 * comes straight from its account's columns (ProxyTable.searcher), the same text rowSearchText gives.
 */
export function ipIndex(rows: IpRow[]): RowIndex {
  const segs = new Map<ProxySegment, { text: (i: number) => string; expires: (i: number) => number }>();
  const located = rows.map((r) => ProxyIpRow.locate(r));
  const text = (r: IpRow, k: number): string => {
    const at = located[k];
    if (!at) return rowSearchText(r).toLowerCase();
    let seg = segs.get(at.seg);
    if (!seg) {
      const { table, ref } = at.seg;
      seg = { text: table.searcher(ref.accountLabel, ref.vendorName), expires: table.expiresMsOf() };
      segs.set(at.seg, seg);
    }
    return seg.text(at.i);
  };
  const expires = (r: IpRow, k: number): number | null => {
    const at = located[k];
    if (!at) return r.expiresMs;
    const t = segs.get(at.seg)?.expires(at.i) ?? Number.NaN;
    return Number.isNaN(t) ? null : t;
  };
  return buildIndex(rows, text, expires, true);
}

/**
 * The "Expires within (days)" box: '' = any, a whole or decimal number of 0 or more = that many days,
 * anything else (a negative number) = invalid, so the filter is not applied and the box says why.
 */
export function parseDays(text: string): { days: number | null; invalid: boolean } {
  const s = text.trim();
  if (s === '') return { days: null, invalid: false };
  const n = Number(s);
  if (!Number.isFinite(n) || n < 0) return { days: null, invalid: true };
  return { days: n, invalid: false };
}

/* ---------- Selection ---------- */

/**
 * Selections follow what is shown: actions (copy, export, renew) use the selected rows the filter
 * shows, in the shown order; `hidden` counts selected rows of `all` the filter hides (kept, so clearing
 * the filter brings them back, and the toolbar says they are left out).
 */
export function visibleSelection<R extends { key: string }>(
  all: R[],
  shown: R[],
  selected: ReadonlySet<string>,
): { visible: R[]; hidden: number } {
  if (selected.size === 0) return { visible: [], hidden: 0 };
  const visible = shown.filter((r) => selected.has(r.key));
  // Keys of rows gone since the last refresh count as neither.
  let existing = 0;
  for (const r of all) if (selected.has(r.key)) existing++;
  return { visible, hidden: existing - visible.length };
}

/* ---------- Orders ---------- */

export interface OrderRow extends AccountRef {
  key: string;
  order: Order;
  expiresMs: number | null;
  createdMs: number | null;
}

/** The index the Orders view filters with. */
export function orderIndex(rows: OrderRow[]): RowIndex {
  return buildIndex(rows, rowSearchText);
}

/** What the Orders search box matches, before lower-casing. */
export function orderText(o: Order, ref: AccountRef): string {
  return `${o.id} ${o.product} ${o.country ?? ''} ${o.tag ?? ''} ${o.vendorStatus ?? ''} ${ref.accountLabel} ${ref.vendorName}`;
}

export function orderRows(
  accounts: AccountSummary[],
  vendors: VendorSummary[],
  snaps: Record<string, HeldSnapshot>,
): OrderRow[] {
  const rows: OrderRow[] = [];
  for (const a of accounts) {
    const snap = snaps[a.id];
    if (!snap) continue;
    const ref = accountRef(a, vendors);
    for (const o of snap.orders) {
      rows.push({
        ...ref,
        key: `${a.id}|${o.id}`,
        order: o,
        expiresMs: ms(o.expiresAt),
        createdMs: ms(o.createdAt),
      });
    }
  }
  return rows;
}

const SAME_STATUS: Record<OrderStatus, string[]> = {
  active: ['active'],
  pending: ['pending'],
  expired: ['expired'],
  cancelled: ['cancelled', 'canceled'],
  'on-hold': ['onhold', 'hold'],
  unknown: [],
};

/**
 * The vendor's own status word, when it says more than ours ("refunded" for Cancelled, "unpaid" for
 * Pending); null when it only repeats it ("active" for Active, "on_hold" for On hold) or is empty.
 */
export function vendorStatusNote(status: OrderStatus, vendorStatus: string | null | undefined): string | null {
  const raw = vendorStatus?.trim();
  if (!raw) return null;
  const word = raw.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return SAME_STATUS[status].includes(word) ? null : raw;
}

/* ---------- Dashboard ---------- */

/** Per-currency totals in minor units; currencies are never mixed. */
export function sumMoney(
  items: Array<{ minor: number; currency: string }>,
): Array<{ currency: string; minor: number }> {
  const by = new Map<string, number>();
  for (const m of items) {
    const c = m.currency.toUpperCase();
    by.set(c, (by.get(c) ?? 0) + m.minor);
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ currency, minor }));
}

/**
 * Roughly one US dollar in each currency. There are no exchange rates offline, so this is a fixed,
 * rounded table; other currencies count one unit per dollar. Only used for the low-balance warning.
 */
const UNITS_PER_USD: Record<string, number> = {
  USD: 1,
  EUR: 1,
  GBP: 0.8,
  CNY: 7,
  HKD: 8,
  JPY: 150,
  RUB: 90,
  INR: 84,
};

/** Below the user's low-balance line (whole US dollars, converted at the table's rate); 0 = never low. */
export function isLowBalance(money: Money, usd: number): boolean {
  if (usd <= 0) return false;
  const c = money.currency.toUpperCase();
  return money.minor < Math.round(usd * (UNITS_PER_USD[c] ?? 1) * 10 ** currencyDigits(c));
}

export interface ExpiringItem extends AccountRef {
  key: string;
  what: 'order' | 'ip' | 'server';
  label: string;
  expiresAt: string;
  expiresMs: number;
}

/** Orders, IPs and servers expiring within `days` (or expired in the last `days`), soonest first. */
export function expiringSoon(
  accounts: AccountSummary[],
  vendors: VendorSummary[],
  snaps: Record<string, HeldSnapshot>,
  days: number,
  now: number,
): ExpiringItem[] {
  const from = now - days * DAY_MS;
  const until = now + days * DAY_MS;
  const out: ExpiringItem[] = [];
  const add = (
    ref: AccountRef,
    key: string,
    what: ExpiringItem['what'],
    label: string,
    iso: string | null,
    skip: boolean,
  ) => {
    const t = ms(iso);
    if (skip || t == null || t < from || t > until || !iso) return;
    out.push({ ...ref, key: `${ref.accountId}|${what}|${key}`, what, label, expiresAt: iso, expiresMs: t });
  };
  for (const a of accounts) {
    const snap = snaps[a.id];
    if (!snap) continue;
    const ref = accountRef(a, vendors);
    for (const o of snap.orders) add(ref, o.id, 'order', o.product, o.expiresAt, o.status === 'cancelled');
    const t = snap.proxies;
    for (let i = 0; i < t.length; i++) add(ref, t.id(i), 'ip', t.ip(i), t.expiresAt(i), t.status(i) === 'disabled');
    for (const s of snap.servers) add(ref, s.id, 'server', s.ip, s.expiresAt, s.status === 'disabled');
  }
  return out.sort((x, y) => x.expiresMs - y.expiresMs || x.label.localeCompare(y.label));
}
