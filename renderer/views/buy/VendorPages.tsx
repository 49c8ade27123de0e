import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { VendorId } from '../../../preload/contract/model';
import { useVendorsStore, vendorName } from '../../stores/vendors';
import { openVendorPage } from '../renew/vendor-page';
import { useCatalog } from './catalog';

/**
 * Vendors of the user's accounts that Proxydeck cannot buy from (no 'purchase' capability, e.g. Thordata):
 * the reason in plain words and a button that opens the vendor's website.
 */
export function VendorPages({ accounts }: { accounts: AccountSummary[] }) {
  const firstPerVendor = new Map<VendorId, AccountSummary>();
  for (const a of accounts) if (!firstPerVendor.has(a.vendor)) firstPerVendor.set(a.vendor, a);
  if (firstPerVendor.size === 0) return null;
  return (
    <>
      {[...firstPerVendor.values()].map((a) => (
        <VendorPage key={a.vendor} account={a} />
      ))}
    </>
  );
}

function VendorPage({ account }: { account: AccountSummary }) {
  const { t, i18n } = useTranslation();
  const vendors = useVendorsStore((s) => s.list);
  const vendor = vendorName(vendors, account.vendor);
  // The catalog says why (Thordata: its API cannot buy plans); without one the plain sentence says it.
  const { catalog } = useCatalog(account.id);
  const [opened, setOpened] = useState<boolean | null>(null);
  const reason =
    catalog?.vendorPage && !i18n.language.startsWith('zh')
      ? catalog.vendorPage.reason
      : t('buy.vendorPage.reason', { vendor });
  const open = async () => setOpened(await openVendorPage(account.vendor, 'dashboard'));
  return (
    <div className="renew-alert renew-alert-warn" data-testid="buy-vendor-page" data-vendor={account.vendor}>
      <p>{reason}</p>
      <p className="small">{t('buy.vendorPage.after', { vendor })}</p>
      <button type="button" className="btn btn-small" onClick={() => void open()}>
        {t('buy.vendorPage.open', { vendor })}
      </button>
      {opened === true ? (
        <span className="muted small" role="status">
          {' '}
          {t('buy.vendorPage.opened', { vendor })}
        </span>
      ) : null}
      {opened === false ? (
        <span className="field-error small" role="alert">
          {' '}
          {t('buy.vendorPage.failed', { vendor })}
        </span>
      ) : null}
    </div>
  );
}
