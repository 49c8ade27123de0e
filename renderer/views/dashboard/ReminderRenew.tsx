import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../lib/time';
import { useAccountsStore } from '../../stores/accounts';
import { useSnapshotsStore } from '../../stores/snapshots';
import { useVendorsStore } from '../../stores/vendors';
import { openVendorPage } from '../renew/vendor-page';
import { itemsOfIds } from './expiry';
import { renewItems } from './RenewAction';

/**
 * Renew straight from an expiry reminder: "Renew these 3 now" for what the vendor renews here, or its
 * dashboard where that is the only place. Shown next to the reminder's narrowed list.
 */
export function ReminderRenew({ accountId, itemIds }: { accountId: string; itemIds: string[] }) {
  const { t } = useTranslation();
  const now = useNow(60_000);
  const account = useAccountsStore((s) => s.items.find((a) => a.id === accountId));
  const snap = useSnapshotsStore((s) => s.byAccount[accountId]);
  const vendors = useVendorsStore((s) => s.list);
  const items = useMemo(
    () => (account ? itemsOfIds(account, vendors, snap, itemIds, now) : []),
    [account, vendors, snap, itemIds, now],
  );
  const here = items.filter((x) => x.way === 'here');
  const atVendor = items.filter((x) => x.way === 'dashboard');
  const other = items.length - here.length - atVendor.length;
  if (!account || items.length === 0) return null;
  return (
    <span className="reminder-renew">
      {here.length > 0 ? (
        <button type="button" className="btn btn-small btn-primary" onClick={() => renewItems(here)}>
          {t('dashboardPlus.reminder.renew', { count: here.length })}
        </button>
      ) : null}
      {atVendor.length > 0 ? (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void openVendorPage(account.vendor, 'dashboard')}
          title={t('dashboardPlus.action.dashboardWhy', { vendor: atVendor[0]?.vendorName })}
        >
          {t('dashboardPlus.reminder.dashboard', { vendor: atVendor[0]?.vendorName })}
        </button>
      ) : null}
      {other > 0 && here.length > 0 ? (
        <span className="muted small"> {t('dashboardPlus.reminder.leftOut', { count: other })}</span>
      ) : null}
    </span>
  );
}
