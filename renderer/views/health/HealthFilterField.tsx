import { useTranslation } from 'react-i18next';
import { FilterField } from '../../components/FilterField';
import { HEALTH_FILTERS, type HealthFilter } from './model';

/** The health filter of a table: any, dead, slow, country mismatch, not checked. */
export function HealthFilterField({ value, onChange }: { value: HealthFilter; onChange: (v: HealthFilter) => void }) {
  const { t } = useTranslation();
  return (
    <FilterField label={t('health.filter.label')}>
      {(fid) => (
        <select
          id={fid}
          className="input"
          value={value}
          onChange={(e) => onChange(e.target.value as HealthFilter)}
          data-testid="health-filter"
        >
          {HEALTH_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`health.filter.${f}`)}
            </option>
          ))}
        </select>
      )}
    </FilterField>
  );
}
