/**
 * Pure rules of the renew flow (no React, no store): which picked items the vendor renews here (from
 * the vendor descriptor's `renewal` rule, never from a vendor name), which periods fit each item's type,
 * and what an account's balance covers. Unit-tested in test/unit/renew-flow-*.test.ts.
 */
import type { VendorSummary } from '../../../preload/contract/channels';
import type { Money, ProductKind, RenewPeriod, RenewTarget, VendorId } from '../../../preload/contract/model';
import type { AccountQuoteView, RenewalQuoteView, RenewalSelection } from '../../../preload/contract/renewals';
import type { RenewRule } from '../../../preload/contract/vendors';

export interface RenewPick {
  accountId: string;
  accountLabel: string;
  vendor: VendorId;
  vendorName: string;
  target: RenewTarget;
  /** The item's product type (periods can depend on it); null = unknown. */
  itemKind?: ProductKind | null;
  /** Order or proxy status as last read ('on-hold', 'active', …); null = unknown. */
  status?: string | null;
  /** The order's auto-renew as last read (orders only). */
  autoRenew?: boolean | null;
}

/** Why an item is left out; each has its plain rule and a next step in the dialog. */
export type LeftOutReason = Exclude<RenewRule, 'here'>;

export interface LeftOut {
  pick: RenewPick;
  reason: LeftOutReason;
}

export function ruleOf(vendors: VendorSummary[], pick: RenewPick): RenewRule {
  const v = vendors.find((x) => x.id === pick.vendor);
  if (!v?.capabilities.includes('renew')) return 'none';
  return v.renewal?.[pick.target.kind] ?? 'here';
}

const keyOf = (p: RenewPick) => `${p.accountId}|${p.target.kind}|${p.target.id}`;

/**
 * Splits picks into what will be renewed here and what is left out (with the vendor's rule). An
 * 'onHold' item renews here only while it is on hold. Duplicates are dropped.
 */
export function sortPicks(picks: RenewPick[], vendors: VendorSummary[]): { renew: RenewPick[]; leftOut: LeftOut[] } {
  const renew: RenewPick[] = [];
  const leftOut: LeftOut[] = [];
  const seen = new Set<string>();
  for (const p of picks) {
    const k = keyOf(p);
    if (seen.has(k)) continue;
    seen.add(k);
    const rule = ruleOf(vendors, p);
    if (rule === 'here' || (rule === 'onHold' && p.status === 'on-hold')) renew.push(p);
    else leftOut.push({ pick: p, reason: rule });
  }
  return { renew, leftOut };
}

/** The periods that fit an item's type: a period with `fits` only for those types. */
export function periodsFor(periods: RenewPeriod[], kind: ProductKind | null | undefined): RenewPeriod[] {
  return periods.filter((p) => !p.fits || (kind != null && p.fits.includes(kind)));
}

export interface PeriodSplit {
  /** Period ids the targets of this part all accept, in the vendor's order. */
  periods: RenewPeriod[];
  targets: RenewTarget[];
  kinds: (ProductKind | null)[];
}

/**
 * Groups targets by the periods their types allow: a mixed selection (e.g. YouProxy IPv4 and ISP)
 * becomes one part per set of allowed periods, each with only periods every item in it accepts.
 */
export function splitByPeriods(
  targets: RenewTarget[],
  kinds: (ProductKind | null)[],
  periods: RenewPeriod[],
): PeriodSplit[] {
  const parts = new Map<string, PeriodSplit>();
  targets.forEach((t, i) => {
    const kind = kinds[i] ?? null;
    const fit = periodsFor(periods, kind);
    const sig = fit.map((p) => p.id).join(',');
    const part = parts.get(sig) ?? { periods: fit, targets: [], kinds: [] };
    part.targets.push(t);
    part.kinds.push(kind);
    parts.set(sig, part);
  });
  return [...parts.values()];
}

/* ---------- money: balance, cost, what is left ---------- */

export interface AccountFunds {
  accountId: string;
  accountLabel: string;
  vendor: VendorId;
  /** Null = the vendor does not report a balance. */
  balance: Money | null;
  /** What this renewal costs from this account, per currency. */
  cost: Money[];
  /** Balance minus the cost in the balance's currency; null when there is no balance to compare. */
  left: Money | null;
  /** True when the known cost is above the balance. */
  short: boolean;
}

function addMoney(list: Money[], m: Money): Money[] {
  const at = list.findIndex((x) => x.currency === m.currency);
  if (at === -1) return [...list, { ...m }];
  return list.map((x, i) => (i === at ? { ...x, minor: x.minor + m.minor } : x));
}

/** One row per account (its selections together share one balance), in the quote's order. */
export function fundsOf(accounts: AccountQuoteView[]): AccountFunds[] {
  const out = new Map<string, AccountFunds>();
  for (const a of accounts) {
    const row = out.get(a.accountId) ?? {
      accountId: a.accountId,
      accountLabel: a.accountLabel,
      vendor: a.vendor,
      balance: null,
      cost: [],
      left: null,
      short: false,
    };
    row.balance ??= a.balance;
    if (a.quote) row.cost = addMoney(row.cost, a.quote.total);
    out.set(a.accountId, row);
  }
  for (const row of out.values()) {
    if (!row.balance) continue;
    const cost = row.cost.find((c) => c.currency === row.balance?.currency)?.minor ?? 0;
    row.left = { minor: row.balance.minor - cost, currency: row.balance.currency };
    row.short = row.left.minor < 0 || hasFundsWarning(accounts, row.accountId);
  }
  return [...out.values()];
}

function hasFundsWarning(accounts: AccountQuoteView[], accountId: string): boolean {
  return accounts.some(
    (a) => a.accountId === accountId && !!a.quote?.warnings.some((w) => w.blocking && w.code === 'insufficient_funds'),
  );
}

interface Unit {
  part: AccountQuoteView;
  targets: RenewTarget[];
  cost: number;
  expiresMs: number;
}

const expiryMs = (t: RenewTarget) => {
  const n = t.expiresAt ? Date.parse(t.expiresAt) : Number.NaN;
  return Number.isNaN(n) ? Number.POSITIVE_INFINITY : n;
};

/**
 * What the balance covers: for an account short of funds, its items by soonest expiry, each taken
 * while the running cost stays within the balance (an item that does not fit is skipped, a cheaper
 * later one may still fit). Items priced only as a whole request count as equal shares. Accounts that are
 * not short keep everything. Returns the selections to price again, and how many items they hold.
 */
export function coveredSelections(quote: RenewalQuoteView): { selections: RenewalSelection[]; count: number } {
  const funds = new Map(fundsOf(quote.accounts).map((f) => [f.accountId, f]));
  const keep = new Map<AccountQuoteView, RenewTarget[]>();
  for (const a of quote.accounts) {
    const f = funds.get(a.accountId);
    if (a.quote && f && !f.short) keep.set(a, a.request.targets);
  }
  for (const f of funds.values()) {
    if (!f.short || !f.balance) continue;
    const balance = f.balance;
    const units: Unit[] = [];
    for (const part of quote.accounts) {
      const q = part.quote;
      if (part.accountId !== f.accountId || !q || q.total.currency !== balance.currency) continue;
      // The vendor may price a request only as a whole (YouProxy, several IPs of one type): each item
      // then counts as an equal share; the new price check gives the exact total before anything is paid.
      const unpriced = q.items.filter((i) => !i.price).length;
      const priced = q.items.reduce((n, i) => n + (i.price?.minor ?? 0), 0);
      const share = q.vendorQuoted && unpriced ? Math.ceil((q.total.minor - priced) / unpriced) : null;
      for (const i of q.items) {
        const cost = i.price ? (i.price.currency === balance.currency ? i.price.minor : null) : share;
        if (cost === null) continue; // no price known in advance: not counted as covered
        units.push({ part, targets: [i.target], cost, expiresMs: expiryMs(i.target) });
      }
    }
    units.sort((x, y) => x.expiresMs - y.expiresMs);
    let spent = 0;
    for (const u of units) {
      if (spent + u.cost > balance.minor) continue;
      spent += u.cost;
      keep.set(u.part, [...(keep.get(u.part) ?? []), ...u.targets]);
    }
  }
  const selections: RenewalSelection[] = [];
  let count = 0;
  for (const a of quote.accounts) {
    const targets = keep.get(a);
    if (!targets?.length) continue;
    count += targets.length;
    selections.push({
      accountId: a.accountId,
      targets,
      periodId: a.request.periodId,
      ...(a.request.options ? { options: a.request.options } : {}),
    });
  }
  return { selections, count };
}
