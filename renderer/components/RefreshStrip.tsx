import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../lib/error-text';
import { useAccountsStore } from '../stores/accounts';
import { accountStatus, everyAccountOffline, useSnapshotsStore } from '../stores/snapshots';
import { useFailureText } from './AccountStatus';
import { DataAge } from './DataAge';
import '../styles/inventory.css';

// Refresh states live only in this window's memory: after a (re)load nothing says whether the
// providers answered, so the first view with this strip asks once for a background refresh.
let askedOnce = false;

/**
 * The strip above the data views: how old the data is, "Refresh all" with per-account progress.
 * When every account failed because of the network, an offline notice lists them (their saved data
 * stays shown); when only some failed, one short line names them and why ("Failed: …").
 */
export function RefreshStrip() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const failureText = useFailureText();
  const accounts = useAccountsStore((s) => s.items);
  const byAccount = useSnapshotsStore((s) => s.byAccount);
  const refresh = useSnapshotsStore((s) => s.refresh);
  const refreshNow = useSnapshotsStore((s) => s.refreshNow);
  const loaded = useAccountsStore((s) => s.loaded);

  useEffect(() => {
    if (askedOnce || !loaded || accounts.length === 0) return;
    askedOnce = true;
    if (Object.keys(useSnapshotsStore.getState().refresh).length === 0) void refreshNow();
  }, [loaded, accounts.length, refreshNow]);

  const { running, total, done, failed, oldest, offline, allFailed } = useMemo(() => {
    const states = accounts.map((a) => refresh[a.id]?.state ?? 'idle');
    const runningCount = states.filter((s) => s === 'running').length;
    const touched = states.filter((s) => s !== 'idle').length;
    const failedAccounts = accounts.filter((a) => accountStatus(a, refresh[a.id]).kind === 'failed');
    // The strip's age is that of the accounts that are up to date; the failed ones are named below it.
    const upToDate = accounts.filter((a) => !failedAccounts.includes(a));
    let oldestAt: string | null = null;
    for (const a of upToDate.length > 0 ? upToDate : accounts) {
      const at = byAccount[a.id]?.fetchedAt;
      if (at && (oldestAt === null || at < oldestAt)) oldestAt = at;
    }
    return {
      running: runningCount,
      total: touched,
      done: touched - runningCount,
      failed: failedAccounts,
      oldest: oldestAt,
      offline: everyAccountOffline(accounts, refresh),
      allFailed: upToDate.length === 0,
    };
  }, [accounts, refresh, byAccount]);

  if (accounts.length === 0) return null;

  return (
    <div className="refresh-strip-wrap">
      <div className="refresh-strip">
        <DataAge fetchedAt={oldest} stale={allFailed && failed.length > 0 && running === 0} />
        <span className="refresh-progress" role="status" aria-live="polite">
          {running > 0 ? (
            <>
              <span className="spinner" aria-hidden="true" />{' '}
              {t('inventory.strip.refreshing', { done: Math.min(done + 1, total), total })}
            </>
          ) : null}
        </span>
        <button type="button" className="btn btn-small" onClick={() => void refreshNow()} disabled={running > 0}>
          {t('inventory.strip.refreshAll')}
        </button>
      </div>
      {failed.length > 0 && running === 0 && !offline ? (
        <p className="refresh-failed-note" role="status">
          {t('dashboardPlus.status.someFailed', { count: failed.length })}{' '}
          {failed.map((a, i) => {
            const status = accountStatus(a, refresh[a.id]);
            const { short, full } = failureText(status.kind === 'failed' ? status : { message: null });
            return (
              <span key={a.id} title={full}>
                {i > 0 ? ', ' : ''}
                <strong>{a.label}</strong> ({short})
              </span>
            );
          })}
          . {t('dashboardPlus.status.someFailedHint', { count: failed.length })}
        </p>
      ) : null}
      {offline && running === 0 ? (
        <div className="offline-notice" role="status">
          <p className="offline-title">{t('inventory.strip.offlineTitle')}</p>
          <p>{t('inventory.strip.offlineBody', { count: failed.length })}</p>
          <ul className="offline-list">
            {failed.map((a) => (
              <li key={a.id}>
                <strong>{a.label}</strong> — <DataAge fetchedAt={byAccount[a.id]?.fetchedAt ?? null} stale />
                {a.lastError || refresh[a.id]?.message ? (
                  <span className="muted"> · {errorText(refresh[a.id]?.message ? refresh[a.id] : a.lastError)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
