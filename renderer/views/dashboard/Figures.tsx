import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import { formatBytes, formatMoney } from '../../lib/format';
import { hasCap, sumMoney } from '../../lib/inventory';
import { useAppStore } from '../../stores/app';
import { useSnapshotsStore } from '../../stores/snapshots';
import { useVendorsStore } from '../../stores/vendors';

/** The four total cards (balance, traffic, orders, IPs) over the accounts given. */
export function Figures({ accounts, headingId }: { accounts: AccountSummary[]; headingId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vendors = useVendorsStore((s) => s.list);
  const byAccount = useSnapshotsStore((s) => s.byAccount);
  const setView = useAppStore((s) => s.setView);

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
      activeIps += snap.proxies.countStatus('active') + snap.servers.filter((s) => s.status === 'active').length;
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

  return (
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
  );
}
