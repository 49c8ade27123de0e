import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text';
import { formatMoney } from '../../lib/format';
import { useAccountsStore } from '../../stores/accounts';
import { useAppStore } from '../../stores/app';
import { useSnapshotsStore } from '../../stores/snapshots';
import { openVendorPage } from '../renew/vendor-page';
import type { AttentionEntry } from './attention';
import { renewItems } from './RenewAction';

/** "Needs attention": one row per problem, each with the action that fixes it (all reachable with Tab). */
export function AttentionPanel({ entries, headingId }: { entries: AttentionEntry[]; headingId: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby={`${headingId}-att`}>
      <h2 id={`${headingId}-att`} className="panel-title">
        {t('dashboard.attention.title')}{' '}
        {entries.length > 0 ? (
          <span className="badge badge-attention" data-testid="attention-count">
            {entries.length}
          </span>
        ) : null}
      </h2>
      {entries.length === 0 ? (
        <p className="muted">{t('dashboard.attention.none')}</p>
      ) : (
        <ul className="attention-list" aria-label={t('dashboard.attention.title')}>
          {entries.map((x) => (
            <AttentionRow key={x.key} entry={x} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AttentionRow({ entry: x }: { entry: AttentionEntry }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const test = useAccountsStore((s) => s.test[x.accountId]);
  const testAccount = useAccountsStore((s) => s.testAccount);
  const refreshNow = useSnapshotsStore((s) => s.refreshNow);
  const setView = useAppStore((s) => s.setView);

  let text: string;
  let actions: React.ReactNode = null;
  const goAccounts = (primary: boolean) => (
    <button
      type="button"
      className={primary ? 'btn btn-small' : 'btn btn-small btn-ghost'}
      onClick={() => setView('accounts')}
    >
      {t('dashboard.goAccounts')}
    </button>
  );
  switch (x.type) {
    case 'failed':
      text =
        x.message === null ? t('dashboard.attention.refreshFailed') : errorText({ code: x.code, message: x.message });
      actions = x.keyProblem ? (
        goAccounts(true)
      ) : (
        <>
          <button
            type="button"
            className="btn btn-small"
            disabled={test?.pending}
            onClick={() => void testAccount(x.accountId)}
          >
            {test?.pending ? t('dashboard.attention.testing') : t('dashboard.attention.test')}
          </button>
          {goAccounts(false)}
        </>
      );
      break;
    case 'section':
      text = t('dashboard.attention.sectionError', {
        section: t(`dashboard.sections.${x.section}`, { defaultValue: x.section }),
        message: errorText({ code: x.code, message: x.message }),
      });
      actions = (
        <button type="button" className="btn btn-small" onClick={() => void refreshNow([x.accountId])}>
          {t('dashboard.attention.refresh')}
        </button>
      );
      break;
    case 'lowBalance':
      text = t('dashboard.attention.lowBalance', { amount: formatMoney(x.money, lang) });
      actions = (
        <button type="button" className="btn btn-small" onClick={() => void openVendorPage(x.vendor, 'topup')}>
          {t('dashboardPlus.attention.topUp', { vendor: x.vendorName })}
        </button>
      );
      break;
    case 'expired':
      text =
        x.way === 'here'
          ? t('dashboardPlus.attention.expiredHere', { count: x.items.length })
          : t('dashboardPlus.attention.expiredDashboard', { count: x.items.length, vendor: x.vendorName });
      actions =
        x.way === 'here' ? (
          <button type="button" className="btn btn-small" onClick={() => renewItems(x.items)}>
            {t('dashboardPlus.attention.renewThem', { count: x.items.length })}
          </button>
        ) : (
          <button type="button" className="btn btn-small" onClick={() => void openVendorPage(x.vendor, 'dashboard')}>
            {t('dashboardPlus.action.dashboard', { vendor: x.vendorName })}
          </button>
        );
      break;
    case 'shortFunds':
      text = `${t('dashboardPlus.attention.shortFunds', {
        count: x.items.length,
        need: formatMoney(x.need, lang),
        balance: formatMoney(x.balance, lang),
      })}${x.unpriced > 0 ? ` ${t('dashboardPlus.attention.unpriced', { count: x.unpriced })}` : ''}`;
      actions = (
        <button type="button" className="btn btn-small" onClick={() => void openVendorPage(x.vendor, 'topup')}>
          {t('dashboardPlus.attention.topUp', { vendor: x.vendorName })}
        </button>
      );
      break;
  }

  return (
    <li className="attention-item" data-type={x.type}>
      <div>
        <strong>{x.accountLabel}</strong> <span className="muted small">· {x.vendorName}</span>
        <p>{text}</p>
        {x.type === 'failed' && !x.keyProblem && test && !test.pending ? (
          <p className={test.result?.ok ? 'ok-text' : 'danger-text'} role="status">
            {test.result?.message ?? (test.error ? errorText(test.error) : undefined)}
          </p>
        ) : null}
      </div>
      <div className="attention-actions">{actions}</div>
    </li>
  );
}
