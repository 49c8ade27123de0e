import { useTranslation } from 'react-i18next';
import { FilterField } from '../../components/FilterField';
import { useBusinessStore } from '../../stores/business';
import type { CustomerFilter } from './model';

/** The Customer filter of the item views: all, no customer, or each customer. */
export function CustomerFilterField({
  value,
  onChange,
}: {
  value: CustomerFilter;
  onChange: (v: CustomerFilter) => void;
}) {
  const { t } = useTranslation();
  const customers = useBusinessStore((s) => s.view?.customers);
  const list = [...(customers ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  // A customer deleted meanwhile falls back to "all".
  const shown = value === 'all' || value === 'none' || list.some((c) => c.id === value) ? value : 'all';
  return (
    <FilterField label={t('customers.filter.label')}>
      {(fid) => (
        <select id={fid} className="input" value={shown} onChange={(e) => onChange(e.target.value)}>
          <option value="all">{t('customers.filter.all')}</option>
          <option value="none">{t('customers.filter.none')}</option>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </FilterField>
  );
}
