import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS } from '../../preload/contract/schemas';
import { AccountStatusText } from '../components/AccountStatus';
import { DataAge } from '../components/DataAge';
import { RefreshStrip } from '../components/RefreshStrip';
import { ALL_SCOPE, inScope, type Scope, ScopeFilter } from '../components/ScopeFilter';
import { useNow } from '../lib/time';
import { useAccountsStore } from '../stores/accounts';
import { useAppStore } from '../stores/app';
import { watchReports } from '../stores/reports';
import { useSettingsStore } from '../stores/settings';
import { accountStatus, useSnapshotsStore } from '../stores/snapshots';
import { useVendorsStore } from '../stores/vendors';
import { AttentionPanel } from './dashboard/AttentionPanel';
import { needsAttention } from './dashboard/attention';
import { ExpiryPanels } from './dashboard/ExpiryPanels';
import { expiryLists } from './dashboard/expiry';
import { Figures } from './dashboard/Figures';
import { RunwayCard } from './dashboard/RunwayCard';
import { SpendLine } from './dashboard/SpendLine';
import { RenewDialog } from './renew/RenewDialog';
import '../styles/inventory.css';

export function DashboardView() {
  const { t } = useTranslation();
  const headingId = useId();
  const now = useNow(60_000);
  const [scope, setScope] = useState<Scope>(ALL_SCOPE);
  const allAccounts = useAccountsStore((s) => s.items);
  const vendors = useVendorsStore((s) => s.list);
  const byAccount = useSnapshotsStore((s) => s.byAccount);
  const refresh = useSnapshotsStore((s) => s.refresh);
  const snapsLoaded = useSnapshotsStore((s) => s.loaded);
  const windowDays = useSettingsStore((s) => s.settings?.expiryWindowDays ?? DEFAULT_SETTINGS.expiryWindowDays);
  const lowBalanceUsd = useSettingsStore((s) => s.settings?.lowBalanceUsd ?? DEFAULT_SETTINGS.lowBalanceUsd);
  const setView = useAppStore((s) => s.setView);
  const showDemo = useAppStore((s) => s.showDemo);
  const setShowDemo = useAppStore((s) => s.setShowDemo);
  useEffect(() => watchReports('dashboard'), []);

  // Once a real account exists, demo accounts feed nothing here unless the user asks to see them.
  const demoCount = allAccounts.filter((a) => a.demo).length;
  const mixed = demoCount > 0 && demoCount < allAccounts.length;
  const accounts = useMemo(
    () => allAccounts.filter((a) => inScope(scope, a) && (!mixed || showDemo || !a.demo)),
    [allAccounts, scope, mixed, showDemo],
  );

  const lists = useMemo(
    () => expiryLists(accounts, vendors, byAccount, windowDays, now),
    [accounts, vendors, byAccount, windowDays, now],
  );
  const attention = useMemo(
    () => needsAttention({ accounts, vendors, snaps: byAccount, refresh, lists, lowBalanceUsd }),
    [accounts, vendors, byAccount, refresh, lists, lowBalanceUsd],
  );

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
        <div className="dash-header-tools">
          <ScopeFilter value={scope} onChange={setScope} />
          {mixed ? (
            <label className="dash-demo-toggle">
              <input type="checkbox" checked={showDemo} onChange={(e) => setShowDemo(e.target.checked)} />{' '}
              {t('dashboardPlus.demo.toggle', { count: demoCount })}
            </label>
          ) : null}
        </div>
      </header>
      <RefreshStrip />
      {mixed && !showDemo ? (
        <p className="muted small dash-demo-note" data-testid="demo-left-out">
          {t('dashboardPlus.demo.leftOut', { count: demoCount })}
        </p>
      ) : null}

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

      <Figures accounts={accounts} headingId={headingId} />
      <SpendLine accounts={accounts} />

      <AttentionPanel entries={attention} headingId={headingId} />
      <RunwayCard accounts={accounts} headingId={headingId} />
      <ExpiryPanels lists={lists} windowDays={windowDays} now={now} headingId={headingId} />

      {accounts.length > 0 ? (
        <section className="panel" aria-labelledby={`${headingId}-acc`}>
          <h2 id={`${headingId}-acc`} className="panel-title">
            {t('dashboard.perAccount')}
          </h2>
          <ul className="age-list" aria-label={t('dashboard.perAccount')}>
            {accounts.map((a) => {
              const status = accountStatus(a, refresh[a.id]);
              const snap = byAccount[a.id];
              return (
                <li key={a.id}>
                  <span>{a.label}</span>{' '}
                  {status.kind === 'failed' ? (
                    <>
                      <AccountStatusText account={a} />
                      {snap ? (
                        <>
                          {' · '}
                          <DataAge fetchedAt={snap.fetchedAt} stale />
                        </>
                      ) : null}
                    </>
                  ) : (
                    <DataAge fetchedAt={snap?.fetchedAt ?? null} />
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <RenewDialog />
    </section>
  );
}
