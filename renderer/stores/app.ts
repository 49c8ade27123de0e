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
  focus: { accountId: string; itemIds: string[] } | null;
  /** Once a real account exists: whether the Dashboard's figures include the demo accounts too. */
  showDemo: boolean;
  setShowDemo: (show: boolean) => void;
  /** The user chose "Keep for now" on the offer to remove the demo data (this session). */
  demoOfferDismissed: boolean;
  dismissDemoOffer: () => void;
  showItems: (accountId: string, itemIds: string[]) => void;
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
