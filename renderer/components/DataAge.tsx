import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative, useNow } from '../lib/time';

export interface DataAgeProps {
  /** When the data was fetched (ISO UTC), or null when there is none yet. */
  fetchedAt: string | null;
  /** True when the last refresh failed and this is the saved data. */
  stale?: boolean;
}

/** "Updated 5 minutes ago" / "Offline — showing data from 2 hours ago", the exact time in a tooltip. */
export function DataAge({ fetchedAt, stale = false }: DataAgeProps) {
  const { t, i18n } = useTranslation();
  useNow(30_000);
  if (!fetchedAt) {
    return <span className="data-age muted">{t('inventory.dataAge.none')}</span>;
  }
  const age = formatRelative(fetchedAt, i18n.language);
  const exact = formatDateTime(fetchedAt, i18n.language);
  return (
    <span className={stale ? 'data-age data-age-stale' : 'data-age muted'} title={exact}>
      {stale ? t('inventory.dataAge.offline', { age }) : t('inventory.dataAge.updated', { age })}
    </span>
  );
}
