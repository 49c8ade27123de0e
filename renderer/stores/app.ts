import { create } from 'zustand';
import type { AppInfo } from '../../preload/contract/channels';
import { getApi } from '../api';
import { type ActionState, IDLE, PENDING } from './types';

export type ViewId =
  | 'dashboard'
  | 'orders'
  | 'ips'
  | 'traffic'
  | 'whitelists'
  | 'subUsers'
  | 'servers'
  | 'residential'
  | 'customers'
  | 'reports'
  | 'activity'
  | 'accounts'
  | 'settings';

/**
 * Where the one search (Ctrl+K) takes a find: its view, narrowed to it. IPs and servers narrow the IPs
 * view exactly (`focus`); other views get the account picked and their search box filled with `text`.
 */
export interface OpenItem {
  view: ViewId;
  accountId?: string;
  /** IPs view only: the items to narrow to (ids within the account). */
  itemIds?: string[];
  /** Put in the view's search box. */
  text?: string;
}

interface AppState {
  info: AppInfo | null;
  load: ActionState;
  /** Notices (from AppInfo.notices) the user dismissed this session. */
  dismissedNotices: string[];
  /** Null until the first accounts list decides where to start. */
  view: ViewId | null;
  /** A short success message shown once in the main area (e.g. "Account renamed."). */
  flash: string | null;
  /** Whether the add-account form is open (a flag only: the form's values live in the form). */
  addOpen: boolean;
  /** Items the IPs view is narrowed to (a clicked expiry reminder); null = no narrowing. */
  focus: { accountId: string; itemIds: string[]; from?: 'search' } | null;
  /** Once a real account exists: whether the Dashboard's figures include the demo accounts too. */
  showDemo: boolean;
  setShowDemo: (show: boolean) => void;
  /** The user chose "Keep for now" on the offer to remove the demo data (this session). */
  demoOfferDismissed: boolean;
  dismissDemoOffer: () => void;
  showItems: (accountId: string, itemIds: string[]) => void;
  /** Whether the one search (Ctrl+K) is open. */
  searchOpen: boolean;
  setSearchOpen: (open: boolean) => void;
  /** The last find opened, for its view to be narrowed to it (`seq` tells two openings apart). */
  opened: (OpenItem & { seq: number }) | null;
  openItem: (item: OpenItem) => void;
  clearFocus: () => void;
  loadInfo: () => Promise<void>;
  dismissNotice: (notice: string) => void;
  setView: (view: ViewId) => void;
  setFlash: (message: string | null) => void;
  openAdd: () => void;
  closeAdd: () => void;
}

let seq = 0;

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  load: IDLE,
  dismissedNotices: [],
  view: null,
  flash: null,
  addOpen: false,
  focus: null,
  showDemo: false,
  setShowDemo: (showDemo) => set({ showDemo }),
  demoOfferDismissed: false,
  dismissDemoOffer: () => set({ demoOfferDismissed: true }),
  showItems: (accountId, itemIds) => set({ view: 'ips', focus: { accountId, itemIds }, flash: null }),
  clearFocus: () => set({ focus: null }),
  searchOpen: false,
  setSearchOpen: (searchOpen) => set({ searchOpen }),
  opened: null,
  openItem: (item) =>
    set((s) => ({
      view: item.view,
      focus:
        item.view === 'ips' && item.accountId && item.itemIds
          ? { accountId: item.accountId, itemIds: item.itemIds, from: 'search' as const }
          : null,
      opened: { ...item, seq: (s.opened?.seq ?? 0) + 1 },
      searchOpen: false,
      flash: null,
    })),
  loadInfo: async () => {
    const mine = ++seq;
    set({ load: PENDING });
    const result = await getApi().app.info();
    if (mine !== seq) return;
    if (result.ok) set({ info: result.data, load: IDLE });
    else set({ load: { pending: false, error: result.error } });
  },
  dismissNotice: (notice) => set((s) => ({ dismissedNotices: [...s.dismissedNotices, notice] })),
  setView: (view) => set({ view, flash: null }),
  setFlash: (flash) => set({ flash }),
  openAdd: () => set({ view: 'accounts', addOpen: true, flash: null }),
  closeAdd: () => set({ addOpen: false }),
}));
