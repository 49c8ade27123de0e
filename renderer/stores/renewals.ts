/**
 * The renew / extend flow: what the user picked (grouped per account and kind), the period per group,
 * the price check, the one confirmation, live progress and the per-item results.
 *
 * Money moves here, so the rules are strict:
 *  - `confirm` sends `renewals.execute` at most once per price check (a synchronous guard, before any
 *    await, so a double click cannot send twice; main also refuses a used quote id);
 *  - any refusal from main drops the price check: the user checks the price again before confirming;
 *  - retry only sends operations that have failed items and were not retried from here already.
 */
import { create } from 'zustand';
import type { AppError } from '../../preload/contract/errors';
import type { ProductKind, RenewPeriod, RenewTarget, VendorId } from '../../preload/contract/model';
import type {
  OperationView,
  RenewalProgressView,
  RenewalQuoteView,
  RenewalSelection,
} from '../../preload/contract/renewals';
import { getApi } from '../api';
import { coveredSelections, type LeftOut, type RenewPick, sortPicks, splitByPeriods } from '../views/renew/plan';
import { useSnapshotsStore } from './snapshots';
import { useVendorsStore } from './vendors';

export type { LeftOut, RenewPick };

export interface RenewGroup {
  /** `${accountId}|${kind}` */
  key: string;
  accountId: string;
  accountLabel: string;
  vendor: VendorId;
  vendorName: string;
  kind: RenewTarget['kind'];
  targets: RenewTarget[];
  /** Product type of each target (same order): periods can depend on it. */
  kinds: (ProductKind | null)[];
  /** True when the account's items were split by the periods their types allow. */
  split: boolean;
  periods: RenewPeriod[] | null;
  periodsError: AppError | null;
  periodId: string | null;
}

export type RenewStep = 'period' | 'quote' | 'sending' | 'results';

interface RenewalsState {
  open: boolean;
  step: RenewStep;
  groups: RenewGroup[];
  /** Items left out by their vendor's rule (explained once, with the next step). */
  leftOut: LeftOut[];
  /** Set while the price check covers only what the balances cover: items in it, of how many. */
  subset: { count: number; of: number } | null;
  quote: RenewalQuoteView | null;
  quoting: boolean;
  /** Error of the last call (price check, confirm, retry, check again), plain words from main. */
  error: AppError | null;
  /** True from the click on Confirm until main answers. */
  sending: boolean;
  /** The user ticked that they accept items whose price the vendor does not tell in advance. */
  acceptUnknown: boolean;
  setAcceptUnknown: (v: boolean) => void;
  /** Live states by `${accountId}|${kind}|${id}`. */
  progress: Record<string, RenewalProgressView>;
  /** Operations of this flow, latest version of each (execute, retries, checks). */
  operations: OperationView[];
  /** Operation ids already retried from this dialog (never retried twice). */
  retried: string[];
  /** Operation id being checked again. */
  checking: string | null;
  start: (picks: RenewPick[], leftOut?: LeftOut[]) => void;
  close: () => void;
  setPeriod: (groupKey: string, periodId: string) => void;
  removeGroup: (groupKey: string) => void;
  checkPrice: () => Promise<void>;
  /** Funds short: price again only what each balance covers, soonest expiry first. */
  renewCovered: () => Promise<void>;
  backToPeriods: () => void;
  confirm: () => Promise<void>;
  retryFailed: () => Promise<void>;
  reconcile: (operationId: string) => Promise<void>;
  /** The user checked the vendor dashboard: the unknown item was (or was not) renewed. */
  resolve: (operationId: string, target: { kind: string; id: string }, renewed: boolean) => Promise<void>;
  onProgress: (p: RenewalProgressView) => void;
}

export const itemKey = (accountId: string, t: { kind: string; id: string }) => `${accountId}|${t.kind}|${t.id}`;

/** Module-level guard: set synchronously on the first click, before anything is awaited. */
let executing = false;
/** Bumps on every start/close so answers for an older dialog are ignored. */
let generation = 0;

function groupPicks(picks: RenewPick[]): RenewGroup[] {
  const groups = new Map<string, RenewGroup>();
  const seen = new Set<string>();
  for (const p of picks) {
    const k = itemKey(p.accountId, p.target);
    if (seen.has(k)) continue;
    seen.add(k);
    const key = `${p.accountId}|${p.target.kind}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        accountId: p.accountId,
        accountLabel: p.accountLabel,
        vendor: p.vendor,
        vendorName: p.vendorName,
        kind: p.target.kind,
        targets: [],
        kinds: [],
        split: false,
        periods: null,
        periodsError: null,
        periodId: null,
      };
      groups.set(key, g);
    }
    g.targets.push(p.target);
    g.kinds.push(p.itemKind ?? null);
  }
  return [...groups.values()];
}

/** A group with the periods its vendor offers, split when its items' types allow different periods. */
function withPeriods(g: RenewGroup, periods: RenewPeriod[]): RenewGroup[] {
  const parts = splitByPeriods(g.targets, g.kinds, periods);
  return parts.map((part, i) => ({
    ...g,
    key: parts.length > 1 ? `${g.key}|${i}` : g.key,
    targets: part.targets,
    kinds: part.kinds,
    split: parts.length > 1,
    periods: part.periods,
    periodsError: part.periods.length ? null : { code: 'not_supported', message: '' },
    periodId: part.periods[0]?.id ?? null,
  }));
}

function selections(groups: RenewGroup[]): RenewalSelection[] {
  return groups
    .filter((g) => g.periodId && !g.periodsError && g.targets.length > 0)
    .map((g) => ({ accountId: g.accountId, targets: g.targets, periodId: g.periodId as string }));
}

/** Replace operations by id, add new ones at the end. */
function mergeOps(list: OperationView[], next: OperationView[]): OperationView[] {
  const out = [...list];
  for (const op of next) {
    const at = out.findIndex((o) => o.id === op.id);
    if (at === -1) out.push(op);
    else out[at] = op;
  }
  return out;
}

/** Accounts with at least one item renewed in these operations: their snapshots are refreshed. */
/** Journal operations started for this price check's items at or after `since` (a minute's slack). */
function operationsOf(ops: OperationView[], quote: RenewalQuoteView, since: string): OperationView[] {
  const from = Date.parse(since) - 60_000;
  const wanted = new Set(
    quote.accounts.flatMap((a) => a.request.targets.map((t) => `${a.accountId}|${t.kind}:${t.id}`)),
  );
  return ops.filter(
    (o) =>
      Date.parse(o.createdAt) >= from &&
      o.items.some((i) => wanted.has(`${o.accountId}|${i.target.kind}:${i.target.id}`)),
  );
}

function renewedAccounts(ops: OperationView[]): string[] {
  return [...new Set(ops.filter((o) => o.items.some((i) => i.state === 'done')).map((o) => o.accountId))];
}

/** Operations with failed items that this dialog has not retried yet. */
export function retryable(ops: OperationView[], retried: string[]): OperationView[] {
  return ops.filter((o) => !retried.includes(o.id) && o.items.some((i) => i.state === 'failed'));
}

/**
 * The latest word on each item: an item retried later shows the retry's result.
 * Returns items grouped per account in the order they were first seen.
 */
export function latestItems(
  ops: OperationView[],
): { operation: OperationView; item: OperationView['items'][number] }[] {
  const byKey = new Map<string, { operation: OperationView; item: OperationView['items'][number] }>();
  for (const op of ops) {
    for (const item of op.items) byKey.set(itemKey(op.accountId, item.target), { operation: op, item });
  }
  return [...byKey.values()];
}

/** Asks main for the price of these selections (a new price check replaces the last one). */
async function quoteOf(sel: RenewalSelection[], subset: RenewalsState['subset']): Promise<void> {
  const set = useRenewalsStore.setState;
  if (sel.length === 0) return;
  const gen = generation;
  set({ quoting: true, error: null, quote: null, step: 'quote', acceptUnknown: false, subset });
  const r = await getApi().renewals.quote(sel);
  if (gen !== generation) return;
  if (r.ok) set({ quote: r.data, quoting: false });
  else set({ error: r.error, quoting: false });
}

export const useRenewalsStore = create<RenewalsState>()((set, get) => ({
  open: false,
  step: 'period',
  groups: [],
  leftOut: [],
  subset: null,
  quote: null,
  quoting: false,
  error: null,
  sending: false,
  acceptUnknown: false,
  setAcceptUnknown: (v) => set({ acceptUnknown: v }),
  progress: {},
  operations: [],
  retried: [],
  checking: null,
  start: (picked, leftOutBefore = []) => {
    if (executing) return;
    const gen = ++generation;
    // Whatever the caller picked, items the vendor does not renew here are left out by its rule.
    const sorted = sortPicks(picked, useVendorsStore.getState().list);
    const groups = groupPicks(sorted.renew);
    set({
      open: true,
      step: 'period',
      groups,
      leftOut: [...leftOutBefore, ...sorted.leftOut],
      subset: null,
      quote: null,
      quoting: false,
      error: null,
      sending: false,
      progress: {},
      operations: [],
      retried: [],
      checking: null,
    });
    for (const g of groups) {
      void getApi()
        .renewals.periods({ accountId: g.accountId, kind: g.kind })
        .then((r) => {
          if (gen !== generation) return;
          set((s) => ({
            groups: s.groups.flatMap((x) =>
              x.key !== g.key ? [x] : r.ok ? withPeriods(x, r.data) : [{ ...x, periods: [], periodsError: r.error }],
            ),
          }));
        });
    }
  },
  close: () => {
    if (get().sending) return;
    generation++;
    set({
      open: false,
      quote: null,
      error: null,
      progress: {},
      operations: [],
      retried: [],
      groups: [],
      leftOut: [],
      subset: null,
    });
  },
  setPeriod: (groupKey, periodId) =>
    set((s) => ({ groups: s.groups.map((g) => (g.key === groupKey ? { ...g, periodId } : g)), quote: null })),
  removeGroup: (groupKey) => set((s) => ({ groups: s.groups.filter((g) => g.key !== groupKey), quote: null })),
  backToPeriods: () => set({ step: 'period', quote: null, error: null, subset: null }),
  checkPrice: async () => {
    if (get().quoting) return;
    await quoteOf(selections(get().groups), null);
  },
  renewCovered: async () => {
    const { quote, quoting } = get();
    if (!quote || quoting || executing) return;
    const of = quote.accounts.reduce((n, a) => n + a.request.targets.length, 0);
    const covered = coveredSelections(quote);
    await quoteOf(covered.selections, { count: covered.count, of });
  },
  confirm: async () => {
    const { quote } = get();
    if (executing || !quote || quote.blocked.length > 0 || quote.totals.length === 0) return;
    executing = true;
    const gen = generation;
    const sentAt = new Date().toISOString();
    set({ sending: true, step: 'sending', error: null, progress: {} });
    try {
      const r = await getApi().renewals.execute({
        quoteId: quote.quoteId,
        totals: quote.totals,
        acceptUnknownPrices: get().acceptUnknown,
      });
      if (gen !== generation) return;
      if (r.ok) {
        set({ operations: r.data.operations, step: 'results' });
        const ids = renewedAccounts(r.data.operations);
        if (ids.length) void useSnapshotsStore.getState().refreshNow(ids);
      } else if (r.error.code === 'invalid_argument') {
        // Proxydeck refused before sending anything (price check used up, changed or blocked): a new
        // price check is needed before anything else.
        set({ error: r.error, quote: null, step: 'quote' });
      } else {
        // Anything else (the connection to Proxydeck's own main process dropped, an internal error)
        // says nothing about what reached the vendor: show what the journal holds for this selection.
        const ops = await getApi().renewals.operations();
        if (gen !== generation) return;
        const mine = ops.ok ? operationsOf(ops.data, quote, sentAt) : [];
        set({ error: r.error, quote: null, operations: mine, step: 'results' });
      }
    } finally {
      executing = false;
      set({ sending: false });
    }
  },
  retryFailed: async () => {
    const todo = retryable(get().operations, get().retried);
    if (executing || todo.length === 0) return;
    executing = true;
    const gen = generation;
    set({ sending: true, error: null });
    try {
      const done: OperationView[] = [];
      for (const op of todo) {
        const r = await getApi().renewals.retry({ operationId: op.id });
        if (gen !== generation) return;
        if (r.ok) {
          done.push(...r.data.operations);
          set((s) => ({ operations: mergeOps(s.operations, r.data.operations), retried: [...s.retried, op.id] }));
        } else {
          set({ error: r.error });
        }
      }
      const ids = renewedAccounts(done);
      if (ids.length) void useSnapshotsStore.getState().refreshNow(ids);
    } finally {
      executing = false;
      set({ sending: false });
    }
  },
  reconcile: async (operationId) => {
    if (get().checking) return;
    const gen = generation;
    set({ checking: operationId, error: null });
    const r = await getApi().renewals.reconcile({ operationId });
    if (gen !== generation) return;
    if (r.ok) {
      set((s) => ({ operations: mergeOps(s.operations, [r.data]), checking: null }));
      if (r.data.items.some((i) => i.state === 'done'))
        void useSnapshotsStore.getState().refreshNow([r.data.accountId]);
    } else {
      set({ error: r.error, checking: null });
    }
  },
  resolve: async (operationId, target, renewed) => {
    if (get().checking) return;
    const gen = generation;
    set({ checking: operationId, error: null });
    const kind = target.kind as 'order' | 'ip' | 'server';
    const r = await getApi().renewals.resolve({ operationId, kind, id: target.id, renewed });
    if (gen !== generation) return;
    if (r.ok) set((s) => ({ operations: mergeOps(s.operations, [r.data]), checking: null }));
    else set({ error: r.error, checking: null });
  },
  onProgress: (p) => {
    if (!get().open) return;
    set((s) => ({ progress: { ...s.progress, [itemKey(p.accountId, p.target)]: p } }));
  },
}));
