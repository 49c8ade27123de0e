import { useTranslation } from 'react-i18next';
import type { OperationView } from '../../../preload/contract/renewals';
import { nameBesideVendor } from '../../lib/account-name';
import { useErrorText } from '../../lib/error-text';
import { formatMoney } from '../../lib/format';
import { formatDate } from '../../lib/time';
import { itemKey, latestItems, retryable, useRenewalsStore } from '../../stores/renewals';
import { useVendorsStore } from '../../stores/vendors';

/**
 * The last step of the renew dialog: one row per item (renewed / failed / unknown), what it cost ("up
 * to" while items are unknown), Check again for unknown outcomes, the user's own answer after checking
 * the vendor dashboard, and Retry for failed items only.
 */
export function ResultsStep() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const operations = useRenewalsStore((s) => s.operations);
  const retried = useRenewalsStore((s) => s.retried);
  const sending = useRenewalsStore((s) => s.sending);
  const checking = useRenewalsStore((s) => s.checking);
  const error = useRenewalsStore((s) => s.error);
  const retry = useRenewalsStore((s) => s.retryFailed);
  const reconcile = useRenewalsStore((s) => s.reconcile);
  const resolve = useRenewalsStore((s) => s.resolve);
  const close = useRenewalsStore((s) => s.close);
  const rows = latestItems(operations);
  const count = (state: string) => rows.filter((r) => r.item.state === state).length;
  const canRetry = retryable(operations, retried).length > 0;
  // Only the latest operation of an item can be checked again.
  const uncertainOps = [...new Set(rows.filter((r) => r.item.state === 'uncertain').map((r) => r.operation.id))];

  // While items are unknown the charge is "up to": known charges plus the quoted price of each unknown item.
  const chargedText = (o: (typeof operations)[number]) => {
    if (o.chargedUpTo) {
      return t(o.charged ? 'renew.results.chargedUpTo' : 'renew.results.upTo', {
        amount: o.charged ? formatMoney(o.charged, lang) : '',
        upTo: formatMoney(o.chargedUpTo, lang),
      });
    }
    return o.charged ? t('renew.results.charged', { amount: formatMoney(o.charged, lang) }) : null;
  };

  const text = (r: (typeof rows)[number]) => {
    const { item } = r;
    switch (item.state) {
      case 'done':
        return item.newExpiresAt
          ? t('renew.results.renewedUntil', { date: formatDate(item.newExpiresAt, lang) })
          : t('renew.results.renewed');
      case 'failed':
        return t('renew.results.failed', { message: item.message ?? '' });
      case 'uncertain':
        return t('renew.results.unknown', { message: item.message ?? '' });
      default:
        return t(`renew.sending.state.${item.state}`);
    }
  };

  return (
    <>
      <p role="status" className="renew-summary">
        {t('renew.results.summary', { done: count('done'), failed: count('failed'), unknown: count('uncertain') })}
      </p>
      {error ? (
        <div className="renew-alert" role="alert">
          <p>{errorText(error)}</p>
        </div>
      ) : null}
      <table className="table table-compact renew-table" aria-label={t('renew.results.title')}>
        <tbody>
          {rows.map((r) => (
            <tr
              key={itemKey(r.operation.accountId, r.item.target)}
              className={`renew-result renew-result-${r.item.state}`}
              data-testid="renew-result"
            >
              <td className="mono">{r.item.target.label || r.item.target.id}</td>
              <td className="muted small">
                {nameBesideVendor({ label: r.operation.accountLabel, vendor: r.operation.vendor })} ·{' '}
                {vendorLabel(r.operation)}
              </td>
              <td>
                {text(r)}
                {r.item.state === 'uncertain' ? (
                  <div className="renew-resolve">
                    <span className="muted small">{t('renew.results.resolveAsk')}</span>{' '}
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={checking !== null || sending}
                      onClick={() => void resolve(r.operation.id, r.item.target, true)}
                    >
                      {t('renew.results.resolveRenewed')}
                    </button>{' '}
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={checking !== null || sending}
                      onClick={() => void resolve(r.operation.id, r.item.target, false)}
                    >
                      {t('renew.results.resolveNotRenewed')}
                    </button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {operations
        .filter((o) => o.charged || o.chargedUpTo || o.reference)
        .map((o) => (
          <p key={o.id} className="muted small" data-testid="renew-charged">
            {o.accountLabel}: {chargedText(o)}
            {(o.charged || o.chargedUpTo) && o.reference ? ' · ' : null}
            {o.reference ? t('renew.results.reference', { reference: o.reference }) : null}
          </p>
        ))}
      {uncertainOps.length > 0 ? (
        <div className="renew-alert renew-alert-warn">
          <p>{t('renew.results.unknownHelp')}</p>
          {uncertainOps.map((id) => (
            <button
              key={id}
              type="button"
              className="btn btn-small"
              disabled={checking !== null || sending}
              onClick={() => void reconcile(id)}
            >
              {checking === id ? t('renew.results.checking') : t('renew.results.checkAgain')}
            </button>
          ))}
        </div>
      ) : null}
      {count('done') > 0 ? <p className="muted small">{t('renew.results.updating')}</p> : null}
      <div className="dialog-actions">
        {canRetry ? (
          <button type="button" className="btn" disabled={sending} onClick={() => void retry()}>
            {sending ? t('renew.results.retrying') : t('renew.results.retry')}
          </button>
        ) : null}
        <button type="button" className="btn btn-primary" disabled={sending} onClick={close}>
          {t('renew.close')}
        </button>
      </div>
    </>
  );
}

function vendorLabel(op: OperationView): string {
  return useVendorsStore.getState().list.find((v) => v.id === op.vendor)?.name ?? op.vendor;
}
