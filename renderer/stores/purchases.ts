/**
 * Buying (issue 14 §1): the price check of the selections, the one confirmation, live progress and the
 * per-part results. Money moves here, so the rules are strict:
 *  - `confirm` sends `purchases.confirm` at most once per price check (a synchronous guard set before
 *    anything is awaited, so a double click cannot send twice; main also refuses a used quote id);
 *  - a refusal from main before sending drops the price check: the user checks the price again;
 *  - an unknown outcome is only ever settled by reading (Check again) or by the user's own answer.
 */
import { create } from 'zustand';
import type { AppError } from '../../preload/contract/errors';
import type {
  PurchaseBatchView,
  PurchaseQuoteView,
  PurchaseRecordView,
  PurchaseSelection,
} from '../../preload/contract/purchases';
import { getApi } from '../api';
import { useSnapshotsStore } from './snapshots';

export type PurchaseStep = 'quote' | 'sending' | 'results';

interface PurchasesState {
  /** True while a purchase dialog is open (progress events are taken only then). */
  open: boolean;
  step: PurchaseStep;
  selections: PurchaseSelection[];
  quote: PurchaseQuoteView | null;
  quoting: boolean;
  /** Error of the last call (price check, confirm, check again, resolve), plain words from main. */
  error: AppError | null;
  /** True from the click on Pay until main answers. */
  sending: boolean;
  /** The user accepted parts whose price the vendor does not tell in advance. */
  acceptUnknown: boolean;
  /** When Pay was clicked (progress records of this batch are newer). */
  sentAt: string | null;
  batchId: string | null;
  /** The records of this purchase, latest version of each. */
  records: PurchaseRecordView[];
  /** Record id being checked again / resolved. */
  checking: string | null;
  start: (selections: PurchaseSelection[]) => void;
  close: () => void;
  checkPrice: () => Promise<void>;
  setAcceptUnknown: (v: boolean) => void;
  confirm: () => Promise<PurchaseBatchView | null>;
  reconcile: (id: string) => Promise<void>;
  resolve: (id: string, bought: boolean) => Promise<void>;
  onProgress: (record: PurchaseRecordView) => void;
}

/** Module-level guard: set synchronously on the first click, before anything is awaited. */
let executing = false;
/** Bumps on every start/close so answers for an older dialog are ignored. */
let generation = 0;

export function mergeRecords(list: PurchaseRecordView[], next: PurchaseRecordView[]): PurchaseRecordView[] {
  const out = [...list];
  for (const r of next) {
    const at = out.findIndex((o) => o.id === r.id);
    if (at === -1) out.push(r);
    else if (out[at] && Date.parse(out[at].updatedAt) <= Date.parse(r.updatedAt)) out[at] = r;
  }
  return out;
}

/** True once the price check's time is over (the core refuses it then). */
export function quoteExpired(quote: PurchaseQuoteView, now: number = Date.now()): boolean {
  return Date.parse(quote.expiresAt) <= now;
}

/** Whether a progress record belongs to the purchase this dialog sent. */
function belongs(s: PurchasesState, r: PurchaseRecordView): boolean {
  if (s.batchId) return r.batchId === s.batchId;
  if (!s.sentAt) return false;
  if (Date.parse(r.createdAt) < Date.parse(s.sentAt) - 60_000) return false;
  return s.selections.some((sel) => sel.accountId === r.accountId && sel.request.kind === r.request.kind);
}

function refreshBought(records: PurchaseRecordView[]): void {
  const ids = [...new Set(records.filter((r) => r.state === 'done').map((r) => r.accountId))];
  if (ids.length) void useSnapshotsStore.getState().refreshNow(ids);
}

const CLEAN = {
  step: 'quote' as PurchaseStep,
  quote: null,
  quoting: false,
  error: null,
  sending: false,
  acceptUnknown: false,
  sentAt: null,
  batchId: null,
  records: [],
  checking: null,
};

export const usePurchasesStore = create<PurchasesState>()((set, get) => ({
  open: false,
  selections: [],
  ...CLEAN,
  start: (selections) => {
    if (executing) return;
    generation++;
    set({ open: true, selections, ...CLEAN });
    void get().checkPrice();
  },
  close: () => {
    if (get().sending) return;
    generation++;
    set({ open: false, selections: [], ...CLEAN });
  },
  setAcceptUnknown: (v) => set({ acceptUnknown: v }),
  checkPrice: async () => {
    const { selections, quoting } = get();
    if (quoting || executing || selections.length === 0) return;
    const gen = generation;
    set({ quoting: true, error: null, quote: null, acceptUnknown: false, step: 'quote' });
    const r = await getApi().purchases.quote({ selections });
    if (gen !== generation) return;
    if (r.ok) set({ quote: r.data, quoting: false });
    else set({ error: r.error, quoting: false });
  },
  confirm: async () => {
    const { quote, acceptUnknown, step } = get();
    // Once sent, this price check is used up (main refuses it too): only a new one can be confirmed.
    if (executing || step !== 'quote' || !quote || quote.blocked.length > 0 || quoteExpired(quote)) return null;
    if (quote.unpriced > 0 && !acceptUnknown) return null;
    executing = true;
    const gen = generation;
    const sentAt = new Date().toISOString();
    set({ sending: true, step: 'sending', error: null, sentAt, records: [] });
    try {
      const r = await getApi().purchases.confirm({
        quoteId: quote.quoteId,
        totals: quote.totals,
        ...(quote.unpriced > 0 ? { acceptUnknownPrices: true } : {}),
      });
      if (gen !== generation) return null;
      if (r.ok) {
        set((s) => ({ batchId: r.data.batchId, records: mergeRecords(s.records, r.data.records), step: 'results' }));
        refreshBought(r.data.records);
        return { batchId: r.data.batchId, records: get().records };
      }
      if (r.error.code === 'invalid_argument') {
        // Refused before anything was sent (price check used up, changed, expired or blocked).
        set({ error: r.error, quote: null, step: 'quote' });
        return null;
      }
      // Anything else says nothing about what reached the vendor: show what the journal holds.
      const list = await getApi().purchases.list();
      if (gen !== generation) return null;
      const mine = list.ok ? list.data.filter((rec) => belongs({ ...get(), batchId: null }, rec)) : [];
      set((s) => ({ error: r.error, quote: null, records: mergeRecords(s.records, mine), step: 'results' }));
      return null;
    } finally {
      executing = false;
      set({ sending: false });
    }
  },
  reconcile: async (id) => {
    if (get().checking) return;
    const gen = generation;
    set({ checking: id, error: null });
    const r = await getApi().purchases.reconcile({ id });
    if (gen !== generation) return;
    if (r.ok) {
      set((s) => ({ records: mergeRecords(s.records, [r.data]), checking: null }));
      refreshBought([r.data]);
    } else set({ error: r.error, checking: null });
  },
  resolve: async (id, bought) => {
    if (get().checking) return;
    const gen = generation;
    set({ checking: id, error: null });
    const r = await getApi().purchases.resolve({ id, bought });
    if (gen !== generation) return;
    if (r.ok) {
      set((s) => ({ records: mergeRecords(s.records, [r.data]), checking: null }));
      refreshBought([r.data]);
    } else set({ error: r.error, checking: null });
  },
  onProgress: (record) => {
    const s = get();
    if (!s.open || !belongs(s, record)) return;
    set({ records: mergeRecords(s.records, [record]) });
  },
}));
