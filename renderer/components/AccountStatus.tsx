import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../preload/contract/channels';
import { type ErrorLike, useErrorText } from '../lib/error-text';
import { formatDateTime, formatRelative, useNow } from '../lib/time';
import { accountStatus, useSnapshotsStore } from '../stores/snapshots';

/** Codes with a short reason of their own ("Failed: no connection"); others say main's words. */
const SHORT_REASONS = new Set([
  'network',
  'invalid_credentials',
  'keychain_unavailable',
  'rate_limited',
  'vendor_unavailable',
  'bad_response',
  'storage',
]);

/** "Failed: <reason>" in the UI language; the full explanation goes in the tooltip. */
export function useFailureText(): (failure: ErrorLike) => { short: string; full: string } {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return useCallback(
    (failure) => {
      const full = failure.message ? errorText(failure) : t('dashboard.attention.refreshFailed');
      const reason =
        failure.code && SHORT_REASONS.has(failure.code) ? t(`dashboardPlus.status.reasons.${failure.code}`) : full;
      return { short: t('dashboardPlus.status.failed', { reason }), full };
    },
    [t, errorText],
  );
}

/** One account's refresh status: "Refreshing…", "5 minutes ago", "Failed: no connection", or "Never". */
export function AccountStatusText({ account }: { account: AccountSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  useNow(30_000);
  const refresh = useSnapshotsStore((s) => s.refresh[account.id]);
  const failureText = useFailureText();
  const status = accountStatus(account, refresh);
  if (status.kind === 'refreshing') {
    return (
      <span className="progress account-status">
        <span className="spinner" aria-hidden="true" /> {t('dashboardPlus.status.refreshing')}
      </span>
    );
  }
  if (status.kind === 'failed') {
    const { short, full } = failureText(status);
    return (
      <span className="account-status">
        <span className="danger-text" title={full} data-testid="account-failed">
          {short}
        </span>
        {account.lastRefreshAt ? (
          <span className="muted small account-status-last">
            {' '}
            {t('dashboardPlus.status.lastGood', { age: formatRelative(account.lastRefreshAt, lang) })}
          </span>
        ) : null}
      </span>
    );
  }
  if (status.kind === 'ok' && status.at) {
    return (
      <time dateTime={status.at} title={formatDateTime(status.at, lang)}>
        {formatRelative(status.at, lang)}
      </time>
    );
  }
  return <span className="muted">{t('common.never')}</span>;
}
