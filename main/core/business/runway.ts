import {
  type AccountRunway,
  type ItemMeta,
  type ItemRef,
  itemKey,
  type RunwayItem,
  type RunwayReport,
} from '../../../preload/contract/business';
import type { AccountSnapshot, Capability, Money, VendorId } from '../../../preload/contract/model';
import { sumByCurrency } from '../renewals/format';
import type { Operation } from '../renewals/journal';
import { type CostContext, indexJournal, renewalPrice, snapshotMap } from './cost-basis';

/**
 * Balance runway per account (issue 16 §3).
 *
 * Committed spend: items with auto-renew on, plus items the user marked "keep", whose expiry falls in the
 * next `windowDays` days, each at its known price for one renewal period (cost-basis.ts renewalPrice);
 * items without a known price are counted in `unpriced`, not added. An IP whose own auto-renew is unknown
 * follows its order; an order is listed itself only when none of its IPs are (the IPs are its parts,
 * each at order price ÷ quantity), so nothing is counted twice.
 *
 * Against the money balance (the last snapshot's), the renewals are walked by expiry: while the balance
 * covers them, `coversUntil` is the last covered expiry; at the first one it cannot cover, `shortBy` says
 * how much is missing then (everything due up to that renewal − the balance) and on which date. Prices in
 * another currency than the balance cannot be compared: they are in `committed` but not in the walk.
 * Vendors without a balance API: balance null, committed only. Demo accounts are in the report (the
 * reminder leaves them out).
 */

const DAY = 86_400_000;

export interface RunwayAccount {
  id: string;
  label: string;
  vendor: VendorId;
  demo?: boolean;
}

export interface RunwayInput {
  accounts: readonly RunwayAccount[];
  snapshots: readonly AccountSnapshot[];
  items: readonly ItemMeta[];
  operations: readonly Operation[];
  capabilities: (vendor: VendorId) => ReadonlySet<Capability>;
  windowDays: number;
  now: Date;
}

interface Candidate {
  item: ItemRef;
  label: string;
  expiresAt: string | null;
  autoRenew: boolean | null;
}

/** Renewable things of a snapshot: IPs (following their order when their own flag is unknown), orders without listed IPs, servers. */
function candidates(s: AccountSnapshot, keep: (r: ItemRef) => boolean): (Candidate & { keep: boolean })[] {
  const ref = (kind: ItemRef['kind'], id: string): ItemRef => ({ accountId: s.accountId, kind, id });
  const orders = new Map(s.orders.map((o) => [o.id, o]));
  const withIps = new Set(s.proxies.map((p) => p.orderId).filter(Boolean));
  const out: (Candidate & { keep: boolean })[] = [];
  for (const p of s.proxies) {
    const o = p.orderId ? orders.get(p.orderId) : undefined;
    const r = ref('ip', p.id);
    out.push({
      item: r,
      label: p.ip,
      expiresAt: p.expiresAt ?? o?.expiresAt ?? null,
      autoRenew: p.autoRenew ?? o?.autoRenew ?? null,
      keep: keep(r) || (o ? keep(ref('order', o.id)) : false),
    });
  }
  for (const o of s.orders) {
    if (withIps.has(o.id) || o.status === 'cancelled') continue;
    const r = ref('order', o.id);
    out.push({ item: r, label: o.product, expiresAt: o.expiresAt, autoRenew: o.autoRenew, keep: keep(r) });
  }
  for (const v of s.servers) {
    const r = ref('server', v.id);
    out.push({ item: r, label: v.ip, expiresAt: v.expiresAt, autoRenew: v.autoRenew, keep: keep(r) });
  }
  return out;
}

/** Walks the priced renewals (sorted by expiry) against the balance. */
export function walkBalance(
  balance: Money | null,
  items: readonly RunwayItem[],
): Pick<AccountRunway, 'coversUntil' | 'shortBy'> {
  if (!balance) return { coversUntil: null, shortBy: null };
  let left = balance.minor;
  let coversUntil: string | null = null;
  for (const i of items) {
    if (!i.price || i.price.currency !== balance.currency) continue;
    if (left >= i.price.minor) {
      left -= i.price.minor;
      coversUntil = i.expiresAt;
      continue;
    }
    return {
      coversUntil,
      shortBy: { amount: { minor: i.price.minor - left, currency: balance.currency }, on: i.expiresAt },
    };
  }
  return { coversUntil, shortBy: null };
}

export function accountRunway(
  a: RunwayAccount,
  snap: AccountSnapshot | undefined,
  ctx: CostContext,
  keep: (r: ItemRef) => boolean,
  hasBalanceApi: boolean,
  windowDays: number,
  now: Date,
): AccountRunway {
  const start = now.getTime();
  const end = start + windowDays * DAY;
  const items: RunwayItem[] = [];
  for (const c of snap ? candidates(snap, keep) : []) {
    if (!c.expiresAt) continue;
    const t = Date.parse(c.expiresAt);
    if (!Number.isFinite(t) || t < start || t > end) continue;
    if (c.autoRenew !== true && !c.keep) continue;
    const price = renewalPrice(ctx, c.item);
    items.push({
      item: c.item,
      label: c.label,
      expiresAt: c.expiresAt,
      price: price.perPeriod,
      costSource: price.source,
      reason: c.autoRenew === true ? 'autoRenew' : 'keep',
    });
  }
  items.sort((x, y) => Date.parse(x.expiresAt) - Date.parse(y.expiresAt) || x.label.localeCompare(y.label));
  const balance = hasBalanceApi ? (snap?.balance?.money ?? null) : null;
  return {
    accountId: a.id,
    accountLabel: a.label,
    vendor: a.vendor,
    balance,
    hasBalanceApi,
    committed: sumByCurrency(items.flatMap((i) => (i.price ? [i.price] : []))),
    items,
    unpriced: items.filter((i) => !i.price).length,
    ...walkBalance(balance, items),
  };
}

export function runwayReport(input: RunwayInput): RunwayReport {
  const snapshots = snapshotMap(input.snapshots);
  const ctx: CostContext = { snapshots, journal: indexJournal(input.operations, snapshots) };
  const kept = new Set(input.items.filter((m) => m.keep).map((m) => itemKey(m.item)));
  const keep = (r: ItemRef) => kept.has(itemKey(r));
  return {
    windowDays: input.windowDays,
    accounts: input.accounts.map((a) =>
      accountRunway(
        a,
        snapshots.get(a.id),
        ctx,
        keep,
        input.capabilities(a.vendor).has('balance'),
        input.windowDays,
        input.now,
      ),
    ),
  };
}

/** Whether the runway is "low": a renewal the balance cannot cover falls within `alertDays` from now. */
export function runwayLow(r: AccountRunway, alertDays: number, now: Date): boolean {
  if (alertDays <= 0 || !r.shortBy) return false;
  return Date.parse(r.shortBy.on) - now.getTime() <= alertDays * DAY;
}
