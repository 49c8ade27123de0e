/**
 * Balance runway per account (issue 16 §3): what auto-renew and "keep" will spend in the next N days,
 * against each balance — "covers renewals until <date>" or "short by $X on <date>". A vendor without
 * a balance API says so and shows the committed spend only; items without a known price are counted.
 */
import { useTranslation } from 'react-i18next';
import type { AccountRunway } from '../../../preload/contract/business';
import type { AccountSummary } from '../../../preload/contract/channels';
import { nameBesideVendor } from '../../lib/account-name';
import { useErrorText } from '../../lib/error-text';
import { formatMoney } from '../../lib/format';
import { formatDate } from '../../lib/time';
import { useAppStore } from '../../stores/app';
import { useReportsStore } from '../../stores/reports';
import { useVendorsStore, vendorName } from '../../stores/vendors';
import { CsvButton } from '../reports/CsvButton';
import '../reports/reports.css';

function Status({ a, days }: { a: AccountRunway; days: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vendors = useVendorsStore((s) => s.list);
  const committed = a.committed.filter((m) => m.minor > 0).map((m) => formatMoney(m, lang));
  if (!a.hasBalanceApi) {
    return (
      <span className="runway-status" data-state="noBalanceApi">
        {committed.length > 0
          ? t('reports.runway.noBalanceApi', {
              vendor: vendorName(vendors, a.vendor),
              amount: committed.join(' + '),
              count: days,
            })
          : t('reports.runway.noBalanceApiNone', { vendor: vendorName(vendors, a.vendor), count: days })}
      </span>
    );
  }
  if (a.shortBy) {
    return (
      <span className="runway-status runway-short" data-state="short">
        {t('reports.runway.short', {
          amount: formatMoney(a.shortBy.amount, lang),
          date: formatDate(a.shortBy.on, lang),
        })}
      </span>
    );
  }
  if (a.balance === null) {
    return (
      <span className="runway-status" data-state="noBalance">
        {t('reports.runway.noBalanceYet')}
      </span>
    );
  }
  if (a.coversUntil) {
    return (
      <span className="runway-status runway-ok" data-state="covers">
        {t('reports.runway.covers', { date: formatDate(a.coversUntil, lang) })}
      </span>
    );
  }
  return (
    <span className="runway-status" data-state="none">
      {t('reports.runway.nothingDue', { count: days })}
    </span>
  );
}

function AccountLine({ a, label, days }: { a: AccountRunway; label: string; days: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vendors = useVendorsStore((s) => s.list);
  const committed = a.committed.filter((m) => m.minor > 0);
  // Everything due in the window beyond the balance (same currency): what to add to cover it all.
  const due = a.balance ? committed.find((m) => m.currency === a.balance?.currency) : undefined;
  const topUp =
    a.balance && due && due.minor > a.balance.minor
      ? { minor: due.minor - a.balance.minor, currency: due.currency }
      : null;
  return (
    <li className="runway-item" data-testid="runway-account" data-account={a.accountId}>
      <div>
        <div>
          {nameBesideVendor({ label, vendor: a.vendor })}{' '}
          <span className="muted">· {vendorName(vendors, a.vendor)}</span>
        </div>
        <Status a={a} days={days} />
      </div>
      <div className="muted">
        {a.hasBalanceApi && a.balance ? (
          <div>{t('reports.runway.balance', { amount: formatMoney(a.balance, lang) })}</div>
        ) : null}
        {a.hasBalanceApi && committed.length > 0 ? (
          <div>{t('reports.runway.committed', { amount: committed.map((m) => formatMoney(m, lang)).join(' + ') })}</div>
        ) : null}
        {topUp ? (
          <div className="reports-warn">
            {t('reports.runway.topUp', { amount: formatMoney(topUp, lang), count: days })}
          </div>
        ) : null}
        {a.unpriced > 0 ? (
          <div className="reports-warn">{t('reports.runway.unpriced', { count: a.unpriced })}</div>
        ) : null}
      </div>
      {a.items.length > 0 ? (
        <details>
          <summary>{t('reports.runway.details', { count: a.items.length })}</summary>
          <ul>
            {a.items.map((x) => (
              <li key={`${x.item.kind}|${x.item.id}`}>
                {x.label || x.item.id} · {formatDate(x.expiresAt, lang)} ·{' '}
                {x.price ? formatMoney(x.price, lang) : t('reports.runway.noPrice')} ·{' '}
                {t(x.reason === 'keep' ? 'reports.runway.reasonKeep' : 'reports.runway.reasonAuto')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

export function RunwayCard({ accounts, headingId }: { accounts: AccountSummary[]; headingId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const runway = useReportsStore((s) => s.runway);
  const setView = useAppStore((s) => s.setView);
  const report = runway.data;
  if (accounts.length === 0) return null;
  const labels = new Map(accounts.map((a) => [a.id, a.label]));
  const shown = (report?.accounts ?? []).filter((a) => labels.has(a.accountId));
  const days = report?.windowDays ?? 30;
  const anything = shown.some((a) => a.items.length > 0 || a.unpriced > 0);
  const short = shown.filter((a) => a.shortBy).length;

  return (
    <section className="panel" aria-labelledby={`${headingId}-runway`} data-testid="runway-card">
      <div className="reports-section-head">
        <h2 id={`${headingId}-runway`} className="panel-title">
          {t('reports.runway.title', { count: days })}
          {short > 0 ? (
            <span className="badge badge-attention">{t('reports.runway.shortCount', { count: short })}</span>
          ) : null}
        </h2>
        <div className="reports-tools">
          {anything ? <CsvButton kind="runway" label={t('reports.runway.csv')} /> : null}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setView('settings')}>
            {t('reports.runway.change')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('reports.runway.intro')}</p>
      {runway.error ? (
        <div className="inline-error" role="alert">
          {t('reports.failed', { message: errorText(runway.error) })}
        </div>
      ) : null}
      {runway.pending && !report ? (
        <p role="status" className="progress">
          <span className="spinner" aria-hidden="true" /> {t('reports.loading')}
        </p>
      ) : null}
      {report && !anything ? <p className="muted">{t('reports.runway.empty', { count: days })}</p> : null}
      {report && anything ? (
        <ul className="runway-list" aria-label={t('reports.runway.title', { count: days })}>
          {shown.map((a) => (
            <AccountLine key={a.accountId} a={a} label={labels.get(a.accountId) ?? a.accountLabel} days={days} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
