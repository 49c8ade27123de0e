import type { CostSource, ItemRef } from '../../../preload/contract/business';
import type { AccountSnapshot, Money, Order, RenewPeriod } from '../../../preload/contract/model';
import type { Operation } from '../renewals/journal';

/**
 * What an item costs the reseller (issue 16 §2), from the first source that knows, in this order:
 *  1. 'vendor'  — the vendor's price for the item: Order.price for its period; an IP costs its order's
 *                 price ÷ the order's quantity. The period is the order's current `cycle` (its renewPeriods
 *                 days), else expiresAt − createdAt when both are known.
 *  2. 'journal' — the last renewal of the item that was charged (state done) in the renewals journal.
 *  3. 'quote'   — the last price quoted for the item in the journal (any state).
 *  4. 'none'.
 * The order lives in COST_ORDER and nowhere else. Margin needs a price per month (the first source whose
 * period is known); the runway needs the price of one renewal period (the first source with a price).
 */

export const COST_ORDER = ['vendor', 'journal', 'quote'] as const satisfies readonly CostSource[];

const DAY = 86_400_000;

/** One source's figure for an item: the price of one period, and the period's length when known. */
export interface CostCandidate {
  source: Exclude<CostSource, 'none'>;
  perPeriod: Money;
  periodDays: number | null;
}

export interface MonthlyCost {
  source: CostSource;
  /** Per 30 days: price × 30 ÷ period days, rounded to the minor unit; null with source 'none'. */
  perMonth: Money | null;
}

export interface RenewalPrice {
  source: CostSource;
  perPeriod: Money | null;
}

interface JournalFigure {
  at: string;
  price: Money;
  days: number | null;
}

/** The journal read once for a report: per item, its last charged renewal and its last quote. */
export interface JournalIndex {
  charged: Map<string, JournalFigure>;
  quoted: Map<string, JournalFigure>;
}

export interface CostContext {
  snapshots: ReadonlyMap<string, AccountSnapshot>;
  journal: JournalIndex;
}

const refKey = (accountId: string, kind: string, id: string) => `${accountId}|${kind}|${id}`;

const daysBetween = (from: string | null, to: string | null): number | null => {
  if (!from || !to) return null;
  const d = Math.round((Date.parse(to) - Date.parse(from)) / DAY);
  return Number.isFinite(d) && d > 0 ? d : null;
};

/** Days of a renewal period id: from the account's offered periods, else a plain number of days. */
function periodIdDays(snapshot: AccountSnapshot | undefined, periodId: string): number | null {
  const offered: RenewPeriod[] = [
    ...(snapshot?.orders.flatMap((o) => o.renewPeriods ?? []) ?? []),
    ...(snapshot?.servers.flatMap((s) => s.renewPeriods ?? []) ?? []),
  ];
  const hit = offered.find((p) => p.id === periodId && p.days);
  if (hit?.days) return hit.days;
  return /^\d{1,4}$/.test(periodId) && Number(periodId) > 0 ? Number(periodId) : null;
}

/** Reads the journal once: the last done charge and the last quote of every item (latest operation wins). */
export function indexJournal(
  operations: readonly Operation[],
  snapshots: ReadonlyMap<string, AccountSnapshot> = new Map(),
): JournalIndex {
  const charged = new Map<string, JournalFigure>();
  const quoted = new Map<string, JournalFigure>();
  const later = (m: Map<string, JournalFigure>, k: string, f: JournalFigure) => {
    const had = m.get(k);
    if (!had || had.at <= f.at) m.set(k, f);
  };
  for (const op of operations) {
    const snap = snapshots.get(op.accountId);
    const fallbackDays = periodIdDays(snap, op.request.periodId);
    for (const it of op.items) {
      if (it.state !== 'done' || !it.price) continue;
      const days = daysBetween(it.expiresBefore ?? it.target.expiresAt, it.newExpiresAt) ?? fallbackDays;
      later(charged, refKey(op.accountId, it.target.kind, it.target.id), { at: op.updatedAt, price: it.price, days });
    }
    for (const q of op.quote.items) {
      if (!q.price) continue;
      const days = daysBetween(q.target.expiresAt, q.newExpiresAt) ?? fallbackDays;
      later(quoted, refKey(op.accountId, q.target.kind, q.target.id), { at: op.createdAt, price: q.price, days });
    }
  }
  return { charged, quoted };
}

/** The order's period in days: its current cycle's days, else expiresAt − createdAt. */
export function orderPeriodDays(o: Order): number | null {
  const cycle = o.cycle ? o.renewPeriods?.find((p) => p.id === o.cycle) : undefined;
  if (cycle?.days) return cycle.days;
  return daysBetween(o.createdAt, o.expiresAt);
}

function vendorCandidate(ctx: CostContext, ref: ItemRef): CostCandidate | null {
  const snap = ctx.snapshots.get(ref.accountId);
  if (!snap) return null;
  if (ref.kind === 'order') {
    const o = snap.orders.find((x) => x.id === ref.id);
    return o?.price ? { source: 'vendor', perPeriod: o.price, periodDays: orderPeriodDays(o) } : null;
  }
  if (ref.kind === 'ip') {
    const ip = snap.proxies.find((p) => p.id === ref.id);
    const o = ip?.orderId ? snap.orders.find((x) => x.id === ip.orderId) : undefined;
    if (!o?.price || !o.quantity || o.quantity < 1) return null;
    const perPeriod = { minor: Math.round(o.price.minor / o.quantity), currency: o.price.currency };
    return { source: 'vendor', perPeriod, periodDays: orderPeriodDays(o) };
  }
  return null; // servers and sub-users carry no price in the snapshot
}

/** Every source that knows a price for the item, in COST_ORDER. */
export function costCandidates(ctx: CostContext, ref: ItemRef): CostCandidate[] {
  const k = refKey(ref.accountId, ref.kind, ref.id);
  const bySource: Record<(typeof COST_ORDER)[number], () => CostCandidate | null> = {
    vendor: () => vendorCandidate(ctx, ref),
    journal: () => {
      const f = ctx.journal.charged.get(k);
      return f ? { source: 'journal', perPeriod: f.price, periodDays: f.days } : null;
    },
    quote: () => {
      const f = ctx.journal.quoted.get(k);
      return f ? { source: 'quote', perPeriod: f.price, periodDays: f.days } : null;
    },
  };
  return COST_ORDER.map((s) => bySource[s]()).filter((c): c is CostCandidate => c !== null);
}

/** Cost per month (30 days) from the first source whose period is known. */
export function monthlyCost(ctx: CostContext, ref: ItemRef): MonthlyCost {
  const c = costCandidates(ctx, ref).find((x) => x.periodDays);
  if (!c?.periodDays) return { source: 'none', perMonth: null };
  const minor = Math.round((c.perPeriod.minor * 30) / c.periodDays);
  return { source: c.source, perMonth: { minor, currency: c.perPeriod.currency } };
}

/** The price of the item's next renewal period, from the first source with a price. */
export function renewalPrice(ctx: CostContext, ref: ItemRef): RenewalPrice {
  const c = costCandidates(ctx, ref)[0];
  return c ? { source: c.source, perPeriod: c.perPeriod } : { source: 'none', perPeriod: null };
}

export const snapshotMap = (snapshots: readonly AccountSnapshot[]): Map<string, AccountSnapshot> =>
  new Map(snapshots.map((s) => [s.accountId, s]));
