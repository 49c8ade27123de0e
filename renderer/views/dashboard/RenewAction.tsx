import { useTranslation } from 'react-i18next';
import { useRenewalsStore } from '../../stores/renewals';
import { AutoRenewSwitch } from '../renew/AutoRenewSwitch';
import { openVendorPage } from '../renew/vendor-page';
import type { DashItem } from './expiry';

type Pick = Parameters<ReturnType<typeof useRenewalsStore.getState>['start']>[0][number];

/** Renewal picks of Dashboard items (the renew dialog's input), soonest expiry first. */
export function picksOf(items: DashItem[]): Pick[] {
  return [...items]
    .sort((a, b) => a.expiresMs - b.expiresMs)
    .map((x) => {
      // Built apart from the typed list: the flow reads status/kind/auto-renew where its pick type has them.
      const pick = {
        accountId: x.accountId,
        accountLabel: x.accountLabel,
        vendor: x.vendor,
        vendorName: x.vendorName,
        target: { kind: x.what, id: x.id, label: x.label, expiresAt: x.expiresAt },
        itemKind: x.kind,
        status: x.status,
        autoRenew: x.autoRenew,
      };
      return pick;
    });
}

/** Opens the renew dialog with these items (price check first; nothing is paid without confirming). */
export function renewItems(items: DashItem[]): void {
  useRenewalsStore.getState().start(picksOf(items));
}

/** The action of one Expired / Expiring row: Renew, the auto-renew switch, or the vendor's dashboard. */
export function RowRenewAction({ item }: { item: DashItem }) {
  const { t } = useTranslation();
  if (item.way === 'here') {
    return (
      <button
        type="button"
        className="btn btn-small"
        aria-label={t('dashboardPlus.action.renewLabel', { label: item.label })}
        onClick={() => renewItems([item])}
      >
        {t('dashboardPlus.action.renew')}
      </button>
    );
  }
  if (item.way === 'dashboard') {
    return (
      <button
        type="button"
        className="btn btn-small"
        aria-label={t('dashboardPlus.action.dashboardLabel', { label: item.label, vendor: item.vendorName })}
        title={t('dashboardPlus.action.dashboardWhy', { vendor: item.vendorName })}
        onClick={() => void openVendorPage(item.vendor, 'dashboard')}
      >
        {t('dashboardPlus.action.dashboard', { vendor: item.vendorName })}
      </button>
    );
  }
  if (item.way === 'autoRenew' && item.what === 'order') {
    return (
      <div className="dash-autorenew">
        <p className="muted small">{t('dashboardPlus.action.onHoldRule', { vendor: item.vendorName })}</p>
        <AutoRenewSwitch
          accountId={item.accountId}
          vendor={item.vendor}
          vendorName={item.vendorName}
          orderId={item.id}
          value={item.autoRenew}
        />
      </div>
    );
  }
  return <span className="muted small">{t('dashboardPlus.action.none')}</span>;
}
