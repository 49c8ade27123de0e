import { differenceInCalendarDays } from 'date-fns';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS } from '../../preload/contract/schemas';
import { DataAge } from '../components/DataAge';
import { RefreshStrip } from '../components/RefreshStrip';
import { ALL_SCOPE, inScope, type Scope, ScopeFilter } from '../components/ScopeFilter';
import { useErrorText } from '../lib/error-text';
import { formatBytes, formatMoney } from '../lib/format';
import { expiringSoon, hasCap, isLowBalance, sumMoney } from '../lib/inventory';
import { formatDate, useNow } from '../lib/time';
import { useAccountsStore } from '../stores/accounts';
import { useAppStore } from '../stores/app';
import { useSettingsStore } from '../stores/settings';
import { useSnapshotsStore } from '../stores/snapshots';
import { useVendorsStore } from '../stores/vendors';
import '../styles/inventory.css';

const EXPIRING_SHOWN = 50;

interface Attention {
  key: string;
  accountId: string;
  accountLabel: string;
  text: string;
  action: 'test' | 'accounts' | 'refresh' | 'website';
  website?: string;
}

export function DashboardView() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const lang = i18n.language;
  const now = useNow(60_000);
  const [scope, setScope] = useState<Scope>(ALL_SCOPE);
  const allAccounts = useAccountsStore((s) => s.items);
  const testState = useAccountsStore((s) => s.test);
  const testAccount = useAccountsStore((s) => s.testAccount);
  const vendors = useVendorsStore((s) => s.list);
  const byAccount = useSnapshotsStore((s) => s.byAccount);
  const refresh = useSnapshotsStore((s) => s.refresh);
  const refreshNow = useSnapshotsStore((s) => s.refreshNow);
  const snapsLoaded = useSnapshotsStore((s) => s.loaded);
  const windowDays = useSettingsStore((s) => s.settings?.expiryWindowDays ?? DEFAULT_SETTINGS.expiryWindowDays);
  const lowBalanceUsd = useSettingsStore((s) => s.settings?.lowBalanceUsd ?? DEFAULT_SETTINGS.lowBalanceUsd);
  const setView = useAppStore((s) => s.setView);

  const accounts = useMemo(() => allAccounts.filter((a) => inScope(scope, a)), [allAccounts, scope]);

  const figures = useMemo(() => {
    const money: Array<{ minor: number; currency: string }> = [];
    const notReported: string[] = [];
    let trafficBytes = 0;
    let trafficAccounts = 0;
    let activeOrders = 0;
    let orders = 0;
    let activeIps = 0;
    let ips = 0;
    for (const a of accounts) {
      const snap = byAccount[a.id];
      const m = snap?.balance?.money;
      if (hasCap(vendors, a.vendor, 'balance') && m) money.push(m);
      else notReported.push(a.label);
      const tr = snap?.balance?.trafficRemainingBytes;
      if (tr != null) {
        trafficBytes += tr;
        trafficAccounts++;
      }
      if (!snap) continue;
      orders += snap.orders.length;
      activeOrders += snap.orders.filter((o) => o.status === 'active').length;
      ips += snap.proxies.length + snap.servers.length;
      activeIps +=
        snap.proxies.filter((p) => p.status === 'active').length +
        snap.servers.filter((s) => s.status === 'active').length;
    }
    return {
      balances: sumMoney(money),
      notReported,
      trafficBytes,
      trafficAccounts,
      activeOrders,
      orders,
      activeIps,
      ips,
    };
  }, [accounts, byAccount, vendors]);

  const expiring = useMemo(
    () => expiringSoon(accounts, vendors, byAccount, windowDays, now),
    [accounts, vendors, byAccount, windowDays, now],
  );

  const attention = useMemo(() => {
    const out: Attention[] = [];
    for (const a of accounts) {
      const r = refresh[a.id];
      const snap = byAccount[a.id];
      const vendor = vendors.find((v) => v.id === a.vendor);
      // The live refresh state wins; before any refresh of this session, main's record of the last one.
      const failure =
        r?.state === 'failed'
          ? { code: r.code, message: r.message }
          : r?.state === 'running' || r?.state === 'done'
            ? null
            : a.lastError;
      if (failure) {
        // A refused or missing key is fixed on the Accounts view; anything else starts with a connection test.
        const keyProblem = failure.code === 'invalid_credentials' || failure.code === 'keychain_unavailable';
        out.push({
          key: `${a.id}|failed`,
          accountId: a.id,
          accountLabel: a.label,
          text: failure.message === null ? t('dashboard.attention.refreshFailed') : errorText(failure),
          action: keyProblem ? 'accounts' : 'test',
        });
      } else if (snap) {
        for (const [section, error] of Object.entries(snap.errors)) {
          out.push({
            key: `${a.id}|err|${section}`,
            accountId: a.id,
            accountLabel: a.label,
            text: t('dashboard.attention.sectionError', {
              section: t(`dashboard.sections.${section}`, { defaultValue: section }),
              message: errorText(error),
            }),
            action: 'refresh',
          });
        }
      }
      const m = snap?.balance?.money;
      if (m && isLowBalance(m, lowBalanceUsd)) {
        out.push({
          key: `${a.id}|low`,
          accountId: a.id,
          accountLabel: a.label,
          text: t('dashboard.attention.lowBalance', { amount: formatMoney(m, lang) }),
          action: 'website',
          ...(vendor?.website ? { website: vendor.website } : {}),
        });
      }
    }
    return out;
  }, [accounts, refresh, byAccount, vendors, t, lang, errorText, lowBalanceUsd]);

  const when = (ms: number) => {
    const d = differenceInCalendarDays(ms, now);
    if (ms < now) return t('dashboard.expiring.expired');
    if (d <= 0) return t('dashboard.expiring.today');
    return t('dashboard.expiring.inDays', { count: d });
  };

  const noSnapshots = snapsLoaded && accounts.length > 0 && accounts.every((a) => !byAccount[a.id]);

  return (
    <section className="view inventory-view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('dashboard.title')}
          </h1>
          <p className="muted">{t('dashboard.intro')}</p>
        </div>
        <ScopeFilter value={scope} onChange={setScope} />
      </header>
      <RefreshStrip />

      {allAccounts.length === 0 ? (
        <div className="empty">
          <p className="empty-title">{t('dashboard.noAccountsTitle')}</p>
          <p>{t('dashboard.noAccountsBody')}</p>
          <p>
            <button type="button" className="btn btn-primary" onClick={() => setView('accounts')}>
              {t('dashboard.goAccounts')}
            </button>
          </p>
        </div>
      ) : null}
      {noSnapshots ? <p className="muted">{t('inventory.strip.noData')}</p> : null}

      <div className="cards">
        <article className="card" aria-labelledby={`${headingId}-bal`}>
          <h2 id={`${headingId}-bal`} className="card-title">
            {t('dashboard.balance')}
          </h2>
          {figures.balances.length === 0 ? (
            <p className="card-figure muted">—</p>
          ) : (
            <ul className="card-list">
              {figures.balances.map((b) => (
                <li key={b.currency} className="card-figure" data-testid={`balance-${b.currency}`}>
                  {formatMoney(b, lang)}
                </li>
              ))}
            </ul>
          )}
          {figures.notReported.length > 0 ? (
            <p className="card-note muted" title={figures.notReported.join(', ')}>
              {t('dashboard.notReported', { count: figures.notReported.length })}
            </p>
          ) : null}
        </article>
        <article className="card" aria-labelledby={`${headingId}-tr`}>
          <h2 id={`${headingId}-tr`} className="card-title">
            {t('dashboard.traffic')}
          </h2>
          <p className="card-figure" data-testid="traffic-remaining">
            {figures.trafficAccounts > 0 ? formatBytes(figures.trafficBytes) : '—'}
          </p>
          <p className="card-note muted">{t('dashboard.trafficAccounts', { count: figures.trafficAccounts })}</p>
        </article>
        <article className="card" aria-labelledby={`${headingId}-or`}>
          <h2 id={`${headingId}-or`} className="card-title">
            {t('dashboard.activeOrders')}
          </h2>
          <p className="card-figure" data-testid="active-orders">
            {figures.activeOrders.toLocaleString(lang)}
          </p>
          <p className="card-note muted">{t('dashboard.ofTotal', { count: figures.orders })}</p>
          <button type="button" className="btn btn-small btn-ghost card-link" onClick={() => setView('orders')}>
            {t('dashboard.openOrders')}
          </button>
        </article>
        <article className="card" aria-labelledby={`${headingId}-ip`}>
          <h2 id={`${headingId}-ip`} className="card-title">
            {t('dashboard.activeIps')}
          </h2>
          <p className="card-figure" data-testid="active-ips">
            {figures.activeIps.toLocaleString(lang)}
          </p>
          <p className="card-note muted">{t('dashboard.ofTotal', { count: figures.ips })}</p>
          <button type="button" className="btn btn-small btn-ghost card-link" onClick={() => setView('ips')}>
            {t('dashboard.openIps')}
          </button>
        </article>
      </div>

      <div className="dash-columns">
        <section className="panel" aria-labelledby={`${headingId}-att`}>
          <h2 id={`${headingId}-att`} className="panel-title">
            {t('dashboard.attention.title')}
          </h2>
          {attention.length === 0 ? (
            <p className="muted">{t('dashboard.attention.none')}</p>
          ) : (
            <ul className="attention-list" aria-label={t('dashboard.attention.title')}>
              {attention.map((x) => {
                const test = testState[x.accountId];
                return (
                  <li key={x.key} className="attention-item">
                    <div>
                      <strong>{x.accountLabel}</strong>
                      <p>{x.text}</p>
                      {x.action === 'test' && test && !test.pending ? (
                        <p className={test.result?.ok ? 'ok-text' : 'danger-text'} role="status">
                          {test.result?.message ?? (test.error ? errorText(test.error) : undefined)}
                        </p>
                      ) : null}
                    </div>
                    <div className="attention-actions">
                      {x.action === 'test' ? (
                        <>
                          <button
                            type="button"
                            className="btn btn-small"
                            disabled={test?.pending}
                            onClick={() => void testAccount(x.accountId)}
                          >
                            {test?.pending ? t('dashboard.attention.testing') : t('dashboard.attention.test')}
                          </button>
                          <button type="button" className="btn btn-small btn-ghost" onClick={() => setView('accounts')}>
                            {t('dashboard.goAccounts')}
                          </button>
                        </>
                      ) : x.action === 'accounts' ? (
                        <button type="button" className="btn btn-small" onClick={() => setView('accounts')}>
                          {t('dashboard.goAccounts')}
                        </button>
                      ) : x.action === 'refresh' ? (
                        <button type="button" className="btn btn-small" onClick={() => void refreshNow([x.accountId])}>
                          {t('dashboard.attention.refresh')}
                        </button>
                      ) : x.website ? (
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => window.open(x.website, '_blank', 'noopener,noreferrer')}
                        >
                          {t('dashboard.attention.addFunds')}
                        </button>
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section className="panel" aria-labelledby={`${headingId}-exp`}>
          <h2 id={`${headingId}-exp`} className="panel-title">
            {t('dashboard.expiring.title')}
          </h2>
          <p className="muted small">{t('dashboard.expiring.window', { count: windowDays })}</p>
          {expiring.length === 0 ? (
            <p className="muted">{t('dashboard.expiring.none')}</p>
          ) : (
            <>
              <table className="table table-compact" aria-label={t('dashboard.expiring.title')}>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.expiring.colAccount')}</th>
                    <th scope="col">{t('dashboard.expiring.colItem')}</th>
                    <th scope="col">{t('dashboard.expiring.colDate')}</th>
                    <th scope="col">{t('dashboard.expiring.colWhen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {expiring.slice(0, EXPIRING_SHOWN).map((x) => (
                    <tr key={x.key}>
                      <td>
                        {x.accountLabel}
                        <div className="muted small">{x.vendorName}</div>
                      </td>
                      <td>
                        {x.label}
                        <div className="muted small">{t(`dashboard.expiring.what.${x.what}`)}</div>
                      </td>
                      <td>
                        <time dateTime={x.expiresAt}>{formatDate(x.expiresAt, lang)}</time>
                      </td>
                      <td className={x.expiresMs < now ? 'danger-text' : ''}>{when(x.expiresMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {expiring.length > EXPIRING_SHOWN ? (
                <p className="muted small">
                  {t('dashboard.expiring.more', { count: expiring.length - EXPIRING_SHOWN })}
                </p>
              ) : null}
            </>
          )}
        </section>
      </div>

      {accounts.length > 0 ? (
        <section className="panel" aria-labelledby={`${headingId}-acc`}>
          <h2 id={`${headingId}-acc`} className="panel-title">
            {t('dashboard.perAccount')}
          </h2>
          <ul className="age-list">
            {accounts.map((a) => (
              <li key={a.id}>
                <span>{a.label}</span>{' '}
                <DataAge fetchedAt={byAccount[a.id]?.fetchedAt ?? null} stale={refresh[a.id]?.state === 'failed'} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
