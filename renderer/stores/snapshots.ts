/**
 * The last known data of every account (from main's snapshot store) plus the live state of each
 * background refresh. Views read from here: the app opens on the saved data at once, and each figure
 * can say how old it is. Shared by every data view (dashboard, orders, IPs, traffic, whitelists, sub-users).
 */
import { create } from 'zustand';
import type { AppError, ErrorCode } from '../../preload/contract/errors';
import type { WireSnapshot } from '../../preload/contract/proxy-columns';
import { getApi } from '../api';
import { type HeldSnapshot, ProxyTable } from './proxy-table';

export type { HeldSnapshot };

/** The held form of what 'snapshots:get' sent. */
export const holdSnapshot = (w: WireSnapshot): HeldSnapshot => ({ ...w, proxies: ProxyTable.fromColumns(w.proxies) });

export type RefreshState = 'idle' | 'running' | 'done' | 'failed';

export interface AccountRefresh {
  state: RefreshState;
  /** Plain words from main when the last refresh failed (offline, key refused...). */
  message: string | null;
  code?: ErrorCode | undefined;
}

interface SnapshotsState {
  /** By account id. */
  byAccount: Record<string, HeldSnapshot>;
  /** Main's version of each account's snapshot we hold (see 'snapshots:get'). */
  versions: Record<string, number>;
  refresh: Record<string, AccountRefresh>;
  loaded: boolean;
  error: AppError | null;
  /** Brings every account up to date; only accounts whose version changed travel. */
  fetch: () => Promise<void>;
  /** One account's snapshot changed in main (snapshot-updated): fetch it unless that version is here. */
  updated: (accountId: string, version: number) => Promise<void>;
  /** Starts a background refresh of some or all accounts. */
  refreshNow: (ids?: string[]) => Promise<void>;
  setProgress: (accountId: string, state: RefreshState, message?: string, code?: ErrorCode) => void;
  /** Replaces one section of an account's snapshot after a write answered with the vendor's list. */
  patch: <K extends Exclude<keyof HeldSnapshot, 'proxies'>>(accountId: string, key: K, value: HeldSnapshot[K]) => void;
}

let inflight: Promise<void> | null = null;
/** What the next round asks for: every account, and/or some that changed. */
let wantAll = false;
const wanted = new Set<string>();

export const useSnapshotsStore = create<SnapshotsState>()((set, get) => {
  /**
   * One request at a time. Bursts of events (one per account) are gathered into the next round, and
   * an event that arrives while a round is in flight may describe data it already missed: one more
   * round follows. Each round sends the versions held, so unchanged accounts do not travel.
   */
  const pull = (): Promise<void> => {
    if (inflight) return inflight;
    inflight = (async () => {
      while (wantAll || wanted.size > 0) {
        const all = wantAll;
        const ids = [...wanted];
        wantAll = false;
        wanted.clear();
        const held = get().versions;
        const known = Object.fromEntries(
          (all ? Object.keys(held) : ids.filter((id) => id in held)).map((id) => [id, held[id]!]),
        );
        const r = await getApi().snapshots.get(all ? { known } : { ids, known });
        if (!r.ok) {
          set({ error: r.error, loaded: true });
          continue;
        }
        set((s) => {
          const byAccount = all ? {} : { ...s.byAccount };
          const versions = all ? {} : { ...s.versions };
          for (const v of r.data) {
            const snap = v.snapshot === undefined ? s.byAccount[v.accountId] : v.snapshot && holdSnapshot(v.snapshot);
            if (snap) {
              byAccount[v.accountId] = snap;
              versions[v.accountId] = v.version;
            } else {
              delete byAccount[v.accountId];
              delete versions[v.accountId];
            }
          }
          return { byAccount, versions, loaded: true, error: null };
        });
      }
    })().finally(() => {
      inflight = null;
    });
    return inflight;
  };
  return {
    byAccount: {},
    versions: {},
    refresh: {},
    loaded: false,
    error: null,
    fetch: () => {
      wantAll = true;
      return inflight ? inflight.then(pull) : pull();
    },
    updated: (accountId, version) => {
      if (get().versions[accountId] === version) return inflight ?? Promise.resolve();
      wanted.add(accountId);
      return inflight ? inflight.then(pull) : pull();
    },
    refreshNow: async (ids) => {
      const before = useSnapshotsStore.getState().refresh;
      const r = await getApi().accounts.refresh(ids ? { ids } : {});
      if (r.ok) {
        // Progress events can arrive before this answer (a quick refresh is already done): never
        // overwrite a state that changed while the call was in flight, or it would stay "running".
        set((s) => ({
          refresh: {
            ...s.refresh,
            ...Object.fromEntries(
              r.data.started
                .filter((id) => s.refresh[id] === before[id])
                .map((id) => [id, { state: 'running' as const, message: null }]),
            ),
          },
        }));
      } else {
        set({ error: r.error });
      }
    },
    setProgress: (accountId, state, message, code) =>
      set((s) => ({ refresh: { ...s.refresh, [accountId]: { state, message: message ?? null, code } } })),
    patch: (accountId, key, value) =>
      set((s) => {
        const snap = s.byAccount[accountId];
        return snap ? { byAccount: { ...s.byAccount, [accountId]: { ...snap, [key]: value } } } : {};
      }),
  };
});

/** True when the last refresh of an account failed: its figures are the saved ones. */
export const isStale = (r: AccountRefresh | undefined): boolean => r?.state === 'failed';

/**
 * The status of one account: the live refresh state of this session first, then main's record of the
 * last refresh (AccountSummary.lastError / lastRefreshAt).
 */
export type AccountStatus =
  | { kind: 'refreshing' }
  | { kind: 'ok'; at: string | null }
  | { kind: 'failed'; code: ErrorCode | undefined; message: string | null }
  | { kind: 'never' };

export function accountStatus(
  account: { lastRefreshAt: string | null; lastError: { code: ErrorCode; message: string } | null },
  r: AccountRefresh | undefined,
): AccountStatus {
  if (r?.state === 'running') return { kind: 'refreshing' };
  if (r?.state === 'failed') return { kind: 'failed', code: r.code, message: r.message };
  if (r?.state !== 'done' && account.lastError)
    return { kind: 'failed', code: account.lastError.code, message: account.lastError.message };
  return account.lastRefreshAt || r?.state === 'done' ? { kind: 'ok', at: account.lastRefreshAt } : { kind: 'never' };
}

/**
 * True only when every account failed because of the network (the computer is offline): then, and only
 * then, the app says "Offline". One unreachable account is that account's problem, shown on its row.
 */
export function everyAccountOffline(
  accounts: { id: string; lastRefreshAt: string | null; lastError: { code: ErrorCode; message: string } | null }[],
  refresh: Record<string, AccountRefresh>,
): boolean {
  if (accounts.length === 0) return false;
  return accounts.every((a) => {
    const s = accountStatus(a, refresh[a.id]);
    return s.kind === 'failed' && s.code === 'network';
  });
}

/** everyAccountOffline over the stores, for components (DataAge) that show one account's age. */
export function useEveryAccountOffline(accounts: Parameters<typeof everyAccountOffline>[0]): boolean {
  const refresh = useSnapshotsStore((s) => s.refresh);
  return everyAccountOffline(accounts, refresh);
}
