/**
 * Shared pieces of the Traffic, Whitelists and Sub-users views: capability filtering, the account
 * picker, and the status lines shown above one account's data.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary, VendorSummary } from '../../../preload/contract/channels';
import type { Capability, SectionError, VendorId } from '../../../preload/contract/model';
import { useErrorText } from '../../lib/error-text';
import { useAccountsStore } from '../../stores/accounts';
import { useSnapshotsStore } from '../../stores/snapshots';
import { useVendorsStore, vendorName } from '../../stores/vendors';

export function hasCapability(vendors: VendorSummary[], vendor: VendorId, capability: Capability): boolean {
  return vendors.find((v) => v.id === vendor)?.capabilities.includes(capability) ?? false;
}

/** Accounts whose vendor has the capability, and the names of the vendors (of the user's accounts) that lack it. */
export function useCapableAccounts(capability: Capability): {
  capable: AccountSummary[];
  missing: string[];
  loaded: boolean;
  total: number;
} {
  const accounts = useAccountsStore((s) => s.items);
  const accountsLoaded = useAccountsStore((s) => s.loaded);
  const vendors = useVendorsStore((s) => s.list);
  const vendorsLoaded = useVendorsStore((s) => s.loaded);
  const capable = accounts.filter((a) => hasCapability(vendors, a.vendor, capability));
  const missing: string[] = [];
  for (const a of accounts) {
    if (hasCapability(vendors, a.vendor, capability)) continue;
    const name = vendors.find((v) => v.id === a.vendor)?.name ?? a.vendor;
    if (!missing.includes(name)) missing.push(name);
  }
  return { capable, missing, loaded: accountsLoaded && vendorsLoaded, total: accounts.length };
}

export function listNames(names: string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** One plain sentence naming the vendors that do not offer this: "YouProxy and ProxyShard do not offer whitelists…". */
export function UnsupportedNote({ names, what }: { names: string[]; what: 'traffic' | 'whitelist' | 'subUsers' }) {
  const { t, i18n } = useTranslation();
  if (names.length === 0) return null;
  return (
    <p className="manage-unsupported muted">
      {t(`manage.unsupported.${what}`, { count: names.length, names: listNames(names, i18n.language) })}
    </p>
  );
}

export function AccountPicker({
  accounts,
  value,
  onChange,
  allowAll = false,
}: {
  accounts: AccountSummary[];
  value: string;
  onChange: (id: string) => void;
  allowAll?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <label className="manage-field" htmlFor={id}>
      <span className="field-label">{t('manage.account')}</span>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {allowAll ? <option value="all">{t('manage.allAccounts')}</option> : null}
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Keeps a picked account id valid as the list changes: falls back to the first account. */
export function pickValid(value: string | null, accounts: AccountSummary[], allowAll = false): string {
  if (value && (accounts.some((a) => a.id === value) || (allowAll && value === 'all'))) return value;
  return allowAll ? 'all' : (accounts[0]?.id ?? '');
}

/**
 * What sits between the account picker and the account's data: the last action's result, a failed
 * refresh, a section the vendor did not answer, loading, and "read-only" for vendors without writes.
 */
export function AccountNotices({
  account,
  flash,
  sectionError,
  hasSnapshot,
  editable,
}: {
  account: AccountSummary;
  flash: string | null;
  sectionError: SectionError | null | undefined;
  hasSnapshot: boolean;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const vendors = useVendorsStore((s) => s.list);
  const refresh = useSnapshotsStore((s) => s.refresh[account.id]);
  const snapsLoaded = useSnapshotsStore((s) => s.loaded);
  return (
    <>
      <div role="status" className={flash ? 'flash' : 'flash flash-empty'}>
        {flash}
      </div>
      {refresh?.state === 'failed' && refresh.message ? (
        <p className="muted">{t('manage.refreshFailed', { message: errorText(refresh) })}</p>
      ) : null}
      {sectionError ? (
        <div className="inline-error" role="alert">
          {errorText(sectionError)}
        </div>
      ) : null}
      {!hasSnapshot && !snapsLoaded ? (
        <p role="status" className="progress">
          <span className="spinner" aria-hidden="true" /> {t('manage.loadingSnapshots')}
        </p>
      ) : null}
      {!hasSnapshot && snapsLoaded ? <p className="muted">{t('manage.notLoaded')}</p> : null}
      {!editable ? (
        <p className="muted">{t('manage.unsupported.readOnly', { vendor: vendorName(vendors, account.vendor) })}</p>
      ) : null}
    </>
  );
}
