/**
 * Accounts: the list and the state of each action. Credentials pass through `add` and
 * `testCredentials` to main and are never stored here.
 */
import { create } from 'zustand';
import type { AccountSummary } from '../../preload/contract/channels';
import type { AppError, Result } from '../../preload/contract/errors';
import type { ConnectionCheck } from '../../preload/contract/model';
import type { AddAccountInput } from '../../preload/contract/schemas';
import { getApi } from '../api';
import { i18n } from '../i18n';
import { localizeAccounts } from '../lib/account-name';
import { type ActionState, IDLE, PENDING } from './types';

export interface TestState {
  pending: boolean;
  result: ConnectionCheck | null;
  error: AppError | null;
}

interface AccountsState {
  items: AccountSummary[];
  /** True once the list has loaded at least once. */
  loaded: boolean;
  list: ActionState;
  add: ActionState;
  rename: Record<string, ActionState>;
  remove: Record<string, ActionState>;
  test: Record<string, TestState>;
  fetch: () => Promise<void>;
  addAccount: (input: AddAccountInput) => Promise<Result<AccountSummary>>;
  renameAccount: (id: string, label: string) => Promise<Result<AccountSummary>>;
  removeAccount: (id: string) => Promise<Result<{ id: string }>>;
  testAccount: (id: string) => Promise<void>;
  /** Removes every demo account and its data in one go; the error of the first that failed, if any. */
  removeDemo: () => Promise<AppError | null>;
  removingDemo: boolean;
  clearActionError: (kind: 'rename' | 'remove' | 'add', id?: string) => void;
}

// Coalesce reloads: events can arrive in bursts (one per refreshed account).
let inflight: Promise<void> | null = null;
let again = false;

export const useAccountsStore = create<AccountsState>()((set, get) => {
  const loadOnce = async () => {
    set((s) => ({ list: { pending: true, error: s.list.error } }));
    const result = await getApi().accounts.list();
    if (result.ok) set({ items: localizeAccounts(result.data), loaded: true, list: IDLE });
    else set({ list: { pending: false, error: result.error } });
  };

  const upsert = (added: AccountSummary) =>
    set((s) => {
      const [account] = localizeAccounts([added]) as [AccountSummary];
      const at = s.items.findIndex((a) => a.id === account.id);
      const items = at === -1 ? [...s.items, account] : s.items.map((a) => (a.id === account.id ? account : a));
      return { items };
    });

  // Demo accounts are named in the UI language: a new language reloads the list from main to rename them.
  i18n.on('languageChanged', () => {
    if (get().loaded) void get().fetch();
  });

  return {
    items: [],
    loaded: false,
    list: IDLE,
    add: IDLE,
    rename: {},
    remove: {},
    test: {},
    fetch: async () => {
      if (inflight) {
        again = true;
        return inflight;
      }
      inflight = (async () => {
        do {
          again = false;
          await loadOnce();
        } while (again);
      })().finally(() => {
        inflight = null;
      });
      return inflight;
    },
    addAccount: async (input) => {
      set({ add: PENDING });
      const result = await getApi().accounts.add(input);
      if (result.ok) {
        upsert(result.data);
        set({ add: IDLE });
      } else {
        set({ add: { pending: false, error: result.error } });
      }
      return result;
    },
    renameAccount: async (id, label) => {
      set((s) => ({ rename: { ...s.rename, [id]: PENDING } }));
      const result = await getApi().accounts.rename({ id, label });
      if (result.ok) upsert(result.data);
      set((s) => ({ rename: { ...s.rename, [id]: result.ok ? IDLE : { pending: false, error: result.error } } }));
      return result;
    },
    removeAccount: async (id) => {
      set((s) => ({ remove: { ...s.remove, [id]: PENDING } }));
      const result = await getApi().accounts.remove({ id });
      if (result.ok) {
        set((s) => {
          const { [id]: _r, ...remove } = s.remove;
          const { [id]: _t, ...test } = s.test;
          const { [id]: _n, ...rename } = s.rename;
          return { items: s.items.filter((a) => a.id !== id), remove, test, rename };
        });
      } else {
        set((s) => ({ remove: { ...s.remove, [id]: { pending: false, error: result.error } } }));
      }
      return result;
    },
    removingDemo: false,
    removeDemo: async () => {
      if (get().removingDemo) return null;
      set({ removingDemo: true });
      let error: AppError | null = null;
      try {
        // Demo accounts have no keychain entry: removing them deletes only their saved sample data.
        for (const a of get().items.filter((x) => x.demo)) {
          const r = await get().removeAccount(a.id);
          if (!r.ok) error ??= r.error;
        }
      } finally {
        set({ removingDemo: false });
      }
      return error;
    },
    testAccount: async (id) => {
      if (get().test[id]?.pending) return;
      set((s) => ({ test: { ...s.test, [id]: { pending: true, result: null, error: null } } }));
      const result = await getApi().accounts.test({ id });
      set((s) => ({
        test: {
          ...s.test,
          [id]: result.ok
            ? { pending: false, result: result.data, error: null }
            : { pending: false, result: null, error: result.error },
        },
      }));
    },
    clearActionError: (kind, id) => {
      if (kind === 'add') set({ add: IDLE });
      else if (id) set((s) => ({ [kind]: { ...s[kind], [id]: IDLE } }) as Partial<AccountsState>);
    },
  };
});
