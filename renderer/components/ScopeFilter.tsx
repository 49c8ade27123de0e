import { useTranslation } from 'react-i18next';
import type { VendorId } from '../../preload/contract/model';
import { useAccountsStore } from '../stores/accounts';
import { useVendorsStore } from '../stores/vendors';
import { FilterField } from './FilterField';

export interface Scope {
  vendor: VendorId | 'all';
  accountId: string | 'all';
}

export const ALL_SCOPE: Scope = { vendor: 'all', accountId: 'all' };

export interface ScopeFilterProps {
  value: Scope;
  onChange: (value: Scope) => void;
}

/** Provider + account selects. Picking a provider narrows the accounts; an account outside it resets. */
export function ScopeFilter({ value, onChange }: ScopeFilterProps) {
  const { t } = useTranslation();
  const vendors = useVendorsStore((s) => s.list);
  const accounts = useAccountsStore((s) => s.items);
  const shown = value.vendor === 'all' ? accounts : accounts.filter((a) => a.vendor === value.vendor);

  return (
    <div className="scope-filter">
      <FilterField label={t('inventory.scope.provider')}>
        {(fid) => (
          <select
            id={fid}
            className="input"
            value={value.vendor}
            onChange={(e) => {
              const vendor = e.target.value as Scope['vendor'];
              const keep = vendor === 'all' || accounts.find((a) => a.id === value.accountId)?.vendor === vendor;
              onChange({ vendor, accountId: keep ? value.accountId : 'all' });
            }}
          >
            <option value="all">{t('inventory.scope.allProviders')}</option>
            {vendors.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('inventory.scope.account')}>
        {(fid) => (
          <select
            id={fid}
            className="input"
            value={value.accountId}
            onChange={(e) => onChange({ ...value, accountId: e.target.value })}
          >
            <option value="all">{t('inventory.scope.allAccounts')}</option>
            {shown.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        )}
      </FilterField>
    </div>
  );
}

/** True when an account falls inside the scope. */
export function inScope(scope: Scope, account: { id: string; vendor: VendorId }): boolean {
  return (
    (scope.vendor === 'all' || account.vendor === scope.vendor) &&
    (scope.accountId === 'all' || account.id === scope.accountId)
  );
}
