/**
 * Proxy health check (issue 15 §3) in the window: the last result per item (itemKey → result, one Map
 * the big tables read per shown row), and the run in progress (from 'health-progress' events).
 */
import { create } from 'zustand';
import { type ItemRef, itemKey } from '../../preload/contract/business';
import type { AppError } from '../../preload/contract/errors';
import type { HealthProgress, HealthResult } from '../../preload/contract/health';
import { getApi } from '../api';
import { isDead } from '../views/health/model';

export interface HealthRun {
  runId: string;
  total: number;
  done: number;
  ok: number;
  failed: number;
  /** Failed ones that were really tried (not cancelled, not without a login): "· 3 dead". */
  dead: number;
  state: HealthProgress['state'];
  /** Cancel was pressed; the run ends with state 'cancelled'. */
  cancelling: boolean;
}

interface HealthState {
  /** itemKey → the last real result of that item. */
  byKey: ReadonlyMap<string, HealthResult>;
  run: HealthRun | null;
  loaded: boolean;
  error: AppError | null;
  fetch: () => Promise<void>;
  start: (items: ItemRef[]) => Promise<AppError | null>;
  cancel: () => Promise<void>;
  dismiss: () => void;
  onProgress: (p: HealthProgress) => void;
}

/**
 * The results merged into a new Map (so React sees a change). A result 'cancelled' (the item never ran)
 * does not hide what an earlier check found; the others replace it. Unchanged entries keep their
 * identity, so memoized rows of the table do not render again.
 */
export function mergeResults(
  prev: ReadonlyMap<string, HealthResult>,
  results: readonly HealthResult[],
): ReadonlyMap<string, HealthResult> {
  if (results.length === 0) return prev;
  const next = new Map(prev);
  for (const r of results) {
    const key = itemKey(r.item);
    if (r.failure === 'cancelled' && next.has(key)) continue;
    next.set(key, r);
  }
  return next;
}

export const useHealthStore = create<HealthState>()((set, get) => ({
  byKey: new Map(),
  run: null,
  loaded: false,
  error: null,
  fetch: async () => {
    const r = await getApi().health.results();
    if (!r.ok) {
      set({ error: r.error });
      return;
    }
    // Results that came as events meanwhile are newer: they win.
    const fromDisk = mergeResults(new Map(), r.data);
    const merged = new Map(fromDisk);
    for (const [k, v] of get().byKey) {
      const old = merged.get(k);
      if (!old || old.checkedAt <= v.checkedAt) merged.set(k, v);
    }
    set({ byKey: merged, loaded: true, error: null });
  },
  start: async (items) => {
    const current = get().run;
    if (current && current.state === 'running') return null;
    const r = await getApi().health.run({ items });
    if (!r.ok) return r.error;
    // Events may have come before the answer: keep what they said.
    const now = get().run;
    if (now?.runId !== r.data.runId) {
      set({
        run: {
          runId: r.data.runId,
          total: items.length,
          done: 0,
          ok: 0,
          failed: 0,
          dead: 0,
          state: 'running',
          cancelling: false,
        },
      });
    }
    return null;
  },
  cancel: async () => {
    const run = get().run;
    if (run?.state !== 'running') return;
    set({ run: { ...run, cancelling: true } });
    await getApi().health.cancel({ runId: run.runId });
  },
  dismiss: () => {
    const run = get().run;
    if (run && run.state !== 'running') set({ run: null });
  },
  onProgress: (p) => {
    const prev = get().run;
    const same = prev?.runId === p.runId;
    const cancelling = same ? prev.cancelling && p.state === 'running' : false;
    const dead = (same ? prev.dead : 0) + p.results.filter(isDead).length;
    set({
      byKey: mergeResults(get().byKey, p.results),
      run: {
        runId: p.runId,
        total: p.total,
        done: p.done,
        ok: p.ok,
        failed: p.failed,
        dead,
        state: p.state,
        cancelling,
      },
    });
  },
}));
