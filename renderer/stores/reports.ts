/**
 * Reports (issue 16): margin and spending for the Reports view, the runway and the spend line for the
 * Dashboard, and the user's currency rates. Everything is computed in main; this store holds the last
 * answer of each report, refetches what was shown when something it depends on changes, and drops
 * answers that arrive after a newer request.
 */
import { create } from 'zustand';
import type { CurrencyRates, MarginReport, RunwayReport, SpendReport } from '../../preload/contract/business';
import type { AppEvent } from '../../preload/contract/channels';
import type { AppError, Result } from '../../preload/contract/errors';
import { getApi } from '../api';
import { addMonths, lastMonths, type MonthRange, monthOf } from '../views/reports/months';
import { useBusinessStore } from './business';

export interface Loaded<T> {
  data: T | null;
  pending: boolean;
  error: AppError | null;
}

const EMPTY = { data: null, pending: false, error: null };

export type CsvKind = 'margin' | 'spend' | 'runway';

interface ReportsState {
  range: MonthRange;
  /** Convert margin into the rates' base currency. */
  convert: boolean;
  margin: Loaded<MarginReport>;
  spend: Loaded<SpendReport>;
  runway: Loaded<RunwayReport>;
  /** Last month and this month, for the Dashboard. */
  spendLine: Loaded<SpendReport> & { thisMonth: string; lastMonth: string };
  setRange: (range: MonthRange) => void;
  setConvert: (convert: boolean) => void;
  loadReports: () => Promise<void>;
  loadDashboard: () => Promise<void>;
  saveRates: (rates: CurrencyRates | null) => Promise<Result<unknown>>;
  csv: (kind: CsvKind) => Promise<Result<{ fileName: string; content: string }>>;
}

/** False until the user picks a range: until then it follows the clock (the last 6 months). */
let rangeChosen = false;
/** Which parts a view is showing, so an event refetches only those. */
const watching = { reports: 0, dashboard: 0 };
const seq = { margin: 0, spend: 0, runway: 0, spendLine: 0 };

export const useReportsStore = create<ReportsState>()((set, get) => ({
  range: lastMonths(6, Date.now()),
  convert: false,
  margin: EMPTY,
  spend: EMPTY,
  runway: EMPTY,
  spendLine: { ...EMPTY, thisMonth: monthOf(Date.now()), lastMonth: addMonths(monthOf(Date.now()), -1) },

  setRange: (range) => {
    rangeChosen = true;
    set({ range });
    void get().loadReports();
  },
  setConvert: (convert) => {
    set({ convert });
    void loadMargin(set, get);
  },

  loadReports: async () => {
    await Promise.all([loadMargin(set, get), loadSpend(set, get)]);
  },

  loadDashboard: async () => {
    const thisMonth = monthOf(Date.now());
    const lastMonth = addMonths(thisMonth, -1);
    const runwayMine = ++seq.runway;
    const lineMine = ++seq.spendLine;
    set((s) => ({
      runway: { ...s.runway, pending: true },
      spendLine: { ...s.spendLine, pending: true, thisMonth, lastMonth },
    }));
    const api = getApi();
    const [runway, line] = await Promise.all([
      api.reports.runway(),
      api.reports.spend({ from: lastMonth, to: thisMonth }),
    ]);
    if (runwayMine === seq.runway) set({ runway: settle(runway, get().runway.data) });
    if (lineMine === seq.spendLine) set({ spendLine: { ...settle(line, get().spendLine.data), thisMonth, lastMonth } });
  },

  saveRates: async (rates) => {
    const result = await getApi().business.setRates(rates);
    if (result.ok) {
      // The editor shows the saved rates as soon as this returns.
      await useBusinessStore.getState().fetch();
      if (get().convert || get().margin.data?.converted) void loadMargin(set, get);
    }
    return result;
  },

  csv: async (kind) => {
    const { range, convert } = get();
    if (kind === 'margin') return getApi().reports.csv({ kind, query: { ...range, convert } });
    if (kind === 'spend') return getApi().reports.csv({ kind, query: range });
    return getApi().reports.csv({ kind: 'runway', query: {} });
  },
}));

type Set = (fn: Partial<ReportsState> | ((s: ReportsState) => Partial<ReportsState>)) => void;
type Get = () => ReportsState;

/** A failed refetch keeps the last figures (shown with the error), never blanks them. */
function settle<T>(result: Result<T>, previous: T | null): Loaded<T> {
  return result.ok
    ? { data: result.data, pending: false, error: null }
    : { data: previous, pending: false, error: result.error };
}

async function loadMargin(set: Set, get: Get): Promise<void> {
  const mine = ++seq.margin;
  const { range, convert } = get();
  set((s) => ({ margin: { ...s.margin, pending: true } }));
  const result = await getApi().reports.margin({ ...range, convert });
  if (mine === seq.margin) set({ margin: settle(result, get().margin.data) });
}

async function loadSpend(set: Set, get: Get): Promise<void> {
  const mine = ++seq.spend;
  set((s) => ({ spend: { ...s.spend, pending: true } }));
  const result = await getApi().reports.spend(get().range);
  if (mine === seq.spend) set({ spend: settle(result, get().spend.data) });
}

// ── Following main ─────────────────────────────────────────────────────────────────────────────

/** Events after which the reports may read differently. */
const RELOAD_ON = new Set<string>([
  'business-changed',
  'snapshot-updated',
  'settings-changed',
  'accounts-changed',
  'renewal-progress',
  'purchase-progress',
]);
let timer: ReturnType<typeof setTimeout> | null = null;
let unsubscribe: (() => void) | null = null;

function onEvent(event: AppEvent): void {
  if (!RELOAD_ON.has(event.type as string)) return;
  if (timer) clearTimeout(timer);
  // Many events come in bursts (a refresh of every account, a renewal's progress): one reload after.
  timer = setTimeout(() => {
    timer = null;
    const s = useReportsStore.getState();
    if (watching.reports > 0) void s.loadReports();
    if (watching.dashboard > 0) void s.loadDashboard();
  }, 400);
}

/** A view showing `part` calls this on mount; the returned function on unmount. */
export function watchReports(part: 'reports' | 'dashboard'): () => void {
  watching[part]++;
  if (!unsubscribe) unsubscribe = getApi().events.subscribe(onEvent);
  if (part === 'reports' && !rangeChosen) useReportsStore.setState({ range: lastMonths(6, Date.now()) });
  const s = useReportsStore.getState();
  void (part === 'reports' ? s.loadReports() : s.loadDashboard());
  return () => {
    watching[part]--;
    if (watching.reports + watching.dashboard === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}
