import { useTranslation } from 'react-i18next';
import { useAppStore, type ViewId } from '../stores/app';
import { searchShortcut } from './SearchPalette';

export const NAV_ITEMS: { id: ViewId; key: string }[] = [
  { id: 'dashboard', key: 'nav.dashboard' },
  { id: 'orders', key: 'nav.orders' },
  { id: 'ips', key: 'nav.ips' },
  { id: 'traffic', key: 'nav.traffic' },
  { id: 'whitelists', key: 'nav.whitelists' },
  { id: 'subUsers', key: 'nav.subUsers' },
  { id: 'servers', key: 'nav.servers' },
  { id: 'residential', key: 'nav.residential' },
  { id: 'customers', key: 'nav.customers' },
  { id: 'reports', key: 'nav.reports' },
  { id: 'activity', key: 'activity.title' },
  { id: 'accounts', key: 'nav.accounts' },
  { id: 'settings', key: 'nav.settings' },
];

export function Sidebar() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const version = useAppStore((s) => s.info?.version);

  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          P
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <button
        type="button"
        className="nav-item nav-search"
        aria-keyshortcuts={searchShortcut().aria}
        onClick={() => useAppStore.getState().setSearchOpen(true)}
      >
        <span>{t('search.button')}</span>
        <kbd>{searchShortcut().label}</kbd>
      </button>
      {/* aria-label stays "Main" in every language so tests and assistive tech find it alike. */}
      <nav aria-label="Main" className="nav">
        <ul>
          {NAV_ITEMS.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={view === item.id ? 'page' : undefined}
                onClick={() => setView(item.id)}
              >
                {t(item.key)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {version ? <div className="sidebar-foot">{t('settings.version', { version })}</div> : null}
    </aside>
  );
}
