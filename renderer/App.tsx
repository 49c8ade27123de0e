import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Banners } from './components/Banners';
import { NAV_ITEMS, Sidebar } from './components/Sidebar';
import { applyLanguage } from './i18n';
import { useTheme } from './lib/theme';
import { useAccountsStore } from './stores/accounts';
import { useAppStore } from './stores/app';
import { startSync } from './stores/events';
import { useSettingsStore } from './stores/settings';
import { AccountsView } from './views/AccountsView';
import { ActivityView } from './views/ActivityView';
import { DashboardView } from './views/DashboardView';
import { IpsView } from './views/IpsView';
import { OrdersView } from './views/OrdersView';
import { PlaceholderView } from './views/PlaceholderView';
import { SettingsView } from './views/SettingsView';
import { SubUsersView } from './views/SubUsersView';
import { TrafficView } from './views/TrafficView';
import { WhitelistsView } from './views/WhitelistsView';

export function App() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const accountsLoaded = useAccountsStore((s) => s.loaded);
  const accountCount = useAccountsStore((s) => s.items.length);
  const accountsError = useAccountsStore((s) => s.list.error);
  const theme = useSettingsStore((s) => s.settings?.theme ?? 'system');
  const language = useSettingsStore((s) => s.settings?.language);

  useEffect(() => startSync(), []);
  useTheme(theme);
  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);

  // Start on Accounts when there are none (or they could not be loaded), else on the Dashboard.
  useEffect(() => {
    if (view !== null) return;
    if (accountsLoaded) setView(accountCount === 0 ? 'accounts' : 'dashboard');
    else if (accountsError) setView('accounts');
  }, [view, accountsLoaded, accountCount, accountsError, setView]);

  // Move focus to the new view's heading so keyboard and screen-reader users land in it.
  useEffect(() => {
    if (view) document.querySelector<HTMLElement>('#main h1')?.focus({ preventScroll: true });
  }, [view]);

  const item = NAV_ITEMS.find((i) => i.id === view);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Sidebar />
      <div className="content">
        <Banners />
        <main id="main" className="main" tabIndex={-1}>
          {view === null ? (
            <p role="status" className="progress">
              <span className="spinner" aria-hidden="true" /> {t('app.loading')}
            </p>
          ) : view === 'accounts' ? (
            <AccountsView />
          ) : view === 'settings' ? (
            <SettingsView />
          ) : view === 'dashboard' ? (
            <DashboardView />
          ) : view === 'orders' ? (
            <OrdersView />
          ) : view === 'ips' ? (
            <IpsView />
          ) : view === 'traffic' ? (
            <TrafficView />
          ) : view === 'whitelists' ? (
            <WhitelistsView />
          ) : view === 'subUsers' ? (
            <SubUsersView />
          ) : view === 'activity' ? (
            <ActivityView />
          ) : (
            <PlaceholderView titleKey={item?.key ?? 'nav.dashboard'} />
          )}
        </main>
      </div>
    </div>
  );
}
