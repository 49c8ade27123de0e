import { useTranslation } from 'react-i18next';
import type { ErrorLike } from '../lib/error-text';
import { formatDateTime, formatRelative, useNow } from '../lib/time';
import { useAccountsStore } from '../stores/accounts';
import { useEveryAccountOffline } from '../stores/snapshots';
import { useFailureText } from './AccountStatus';

export interface DataAgeProps {
  /** When the data was fetched (ISO UTC), or null when there is none yet. */
  fetchedAt: string | null;
  /** True when the last refresh failed and this is the saved data. */
  stale?: boolean;
  /** Why the last refresh failed, when known: said instead of "Not loaded yet" when there is no data. */
  failure?: ErrorLike | null;
}

/**
 * "Updated 5 minutes ago" / "Refresh failed — showing data from 2 hours ago", the exact time in a
 * tooltip. "Offline" only when every account failed because of the network.
 */
export function DataAge({ fetchedAt, stale = false, failure = null }: DataAgeProps) {
  const { t, i18n } = useTranslation();
  useNow(30_000);
  const accounts = useAccountsStore((s) => s.items);
  const offline = useEveryAccountOffline(accounts);
  const failureText = useFailureText();
  if (!fetchedAt) {
    if (failure) {
      const { short, full } = failureText(failure);
      return (
        <span className="data-age data-age-stale" title={full}>
          {short}
        </span>
      );
    }
    return <span className="data-age muted">{t('inventory.dataAge.none')}</span>;
  }
  const age = formatRelative(fetchedAt, i18n.language);
  const exact = formatDateTime(fetchedAt, i18n.language);
  const text = !stale
    ? t('inventory.dataAge.updated', { age })
    : offline
      ? t('inventory.dataAge.offline', { age })
      : t('dashboardPlus.status.staleAge', { age });
  return (
    <span className={stale ? 'data-age data-age-stale' : 'data-age muted'} title={exact}>
      {text}
    </span>
  );
}
