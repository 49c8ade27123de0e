/** Keeps the stores in step with main: reload on the events that say something changed. */
import type { AppEvent } from '../../preload/contract/channels';
import { getApi } from '../api';
import { useAccountsStore } from './accounts';
import { useAppStore } from './app';
import { useBusinessStore } from './business';
import { useHealthStore } from './health';
import { usePurchasesStore } from './purchases';
import { useRenewalsStore } from './renewals';
import { useSettingsStore } from './settings';
import { useSnapshotsStore } from './snapshots';
import { useVendorsStore } from './vendors';

export function handleEvent(event: AppEvent): void {
  switch (event.type) {
    case 'accounts-changed':
      void useAccountsStore.getState().fetch();
      void useSnapshotsStore.getState().fetch();
      // The demo flag in AppInfo follows the accounts.
      void useAppStore.getState().loadInfo();
      break;
    case 'settings-changed':
      void useSettingsStore.getState().fetch();
      break;
    case 'notices-changed':
      // e.g. the disk filled up, or saving works again: the banners come from AppInfo.notices.
      void useAppStore.getState().loadInfo();
      break;
    case 'snapshot-updated':
      // lastRefreshAt moved on, and the account's data changed.
      void useAccountsStore.getState().fetch();
      void useSnapshotsStore.getState().updated(event.accountId, event.version);
      break;
    case 'refresh-progress':
      useSnapshotsStore.getState().setProgress(event.accountId, event.state, event.message, event.code);
      if (event.state !== 'running') void useAccountsStore.getState().fetch();
      break;
    case 'renewal-progress':
      useRenewalsStore.getState().onProgress(event.progress);
      break;
    case 'purchase-progress':
      usePurchasesStore.getState().onProgress(event.record);
      break;
    case 'open-view':
      // A reminder notification was clicked: show the IPs view (where the expiring items are).
      if (event.itemIds.length > 0) useAppStore.getState().showItems(event.accountId, event.itemIds);
      else useAppStore.getState().setView('ips'); // a test reminder with nothing expiring
      break;
    case 'business-changed':
      void useBusinessStore.getState().fetch();
      break;
    case 'health-progress':
      useHealthStore.getState().onProgress(event.progress);
      break;
    case 'reminder':
      // Shown by the main process as a desktop notification; nothing to do in the window.
      break;
  }
}

/** Loads everything once and subscribes to events. Returns the unsubscribe function. */
export function startSync(): () => void {
  const unsubscribe = getApi().events.subscribe(handleEvent);
  void useAppStore.getState().loadInfo();
  void useVendorsStore.getState().fetch();
  void useSettingsStore.getState().fetch();
  void useAccountsStore.getState().fetch();
  void useSnapshotsStore.getState().fetch();
  void useBusinessStore.getState().fetch();
  void useHealthStore.getState().fetch();
  return unsubscribe;
}
