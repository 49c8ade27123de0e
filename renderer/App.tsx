import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Banners } from './components/Banners';
import { SearchPalette } from './components/SearchPalette';
import { NAV_ITEMS, Sidebar } from './components/Sidebar';
import { applyLanguage } from './i18n';
import { useTheme } from './lib/theme';
import { useAccountsStore } from './stores/accounts';
import { useAppStore, type ViewId } from './stores/app';
import { startSync } from './stores/events';
import { useSettingsStore } from './stores/settings';
import { PlaceholderView } from './views/PlaceholderView';
import { FollowIpWatcher } from './views/whitelist/FollowIpPrompt';

/**
 * Each view is its own chunk, loaded when first shown (the initial bundle holds only the shell), and
 * all of them are fetched in idle time once the first view is on screen, so switching stays instant.
 * The imports are same-origin module files: the CSP's script-src 'self' allows them.
 */
const IMPORTS: Record<ViewId, () => Promise<ComponentType>> = {
  dashboard: () => import('./views/DashboardView').then((m) => m.DashboardView),
  orders: () => import('./views/OrdersView').then((m) => m.OrdersView),
  ips: () => import('./views/IpsView').then((m) => m.IpsView),
  traffic: () => import('./views/TrafficView').then((m) => m.TrafficView),
  whitelists: () => import('./views/WhitelistsView').then((m) => m.WhitelistsView),
  subUsers: () => import('./views/SubUsersView').then((m) => m.SubUsersView),
  servers: () => import('./views/ServersView').then((m) => m.ServersView),
  residential: () => import('./views/ResidentialView').then((m) => m.ResidentialView),
  customers: () => import('./views/CustomersView').then((m) => m.CustomersView),
  reports: () => import('./views/ReportsView').then((m) => m.ReportsView),
  activity: () => import('./views/ActivityView').then((m) => m.ActivityView),
  accounts: () => import('./views/AccountsView').then((m) => m.AccountsView),
  settings: () => import('./views/SettingsView').then((m) => m.SettingsView),
};
const VIEW_IDS = Object.keys(IMPORTS) as ViewId[];

/** Views whose chunk has arrived: shown at once, without a loading line in between. */
const LOADED: Partial<Record<ViewId, ComponentType>> = {};
const loadView = (id: ViewId): Promise<ComponentType> =>
  IMPORTS[id]().then((c) => {
    LOADED[id] = c;
    return c;
  });
const LAZY = {} as Record<ViewId, LazyExoticComponent<ComponentType>>;
for (const id of VIEW_IDS) LAZY[id] = lazy(() => loadView(id).then((c) => ({ default: c })));

// The first view is Dashboard (or Accounts when there are none): fetch both while the accounts load.
for (const first of ['dashboard', 'accounts'] as const) loadView(first).catch(() => undefined);

let prefetched = false;
/** Fetches every other view's chunk in idle time, once the first view is on screen. */
function prefetchViews(): void {
  if (prefetched) return;
  prefetched = true;
  const idle = (fn: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 200);
  idle(() => {
    for (const id of VIEW_IDS) if (!LOADED[id]) loadView(id).catch(() => undefined);
  });
}

/** Moves focus to the view's heading once the view (maybe just loaded) is on screen. */
function FocusHeading({ view }: { view: ViewId }) {
  useEffect(() => {
    if (!view) return;
    document.querySelector<HTMLElement>('#main h1')?.focus({ preventScroll: true });
    prefetchViews();
  }, [view]);
  return null;
}

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

  const item = NAV_ITEMS.find((i) => i.id === view);
  // Chosen once per view shown (a view that finishes loading while shown keeps its state).
  const View = useMemo(() => (view ? (LOADED[view] ?? LAZY[view]) : undefined), [view]);
  const loading = (
    <p role="status" className="progress">
      <span className="spinner" aria-hidden="true" /> {t('app.loading')}
    </p>
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Sidebar />
      {/* The one search: Ctrl+K (⌘K on macOS) or the sidebar's Search button. */}
      <SearchPalette />
      {/* "Follow my IP" (issue 15 §2): asks once per change of the public IP, from any view. */}
      <FollowIpWatcher />
      <div className="content">
        <Banners />
        <main id="main" className="main" tabIndex={-1}>
          {view === null ? (
            loading
          ) : (
            <Suspense fallback={loading}>
              {View ? <View /> : <PlaceholderView titleKey={item?.key ?? 'nav.dashboard'} />}
              {/* Move focus to the new view's heading so keyboard and screen-reader users land in it. */}
              <FocusHeading view={view} />
            </Suspense>
          )}
        </main>
      </div>
    </div>
  );
}
