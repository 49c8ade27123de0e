import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../preload/contract/channels';
import type { UnlimitedServer } from '../../preload/contract/model';
import { DEFAULT_HEALTH_SETTINGS } from '../../preload/contract/schemas';
import { formatVendorTime, vendorTimeTitle } from '../lib/time';
import { useBusinessStore } from '../stores/business';
import { useHealthStore } from '../stores/health';
import { useSettingsStore } from '../stores/settings';
import { useSnapshotsStore } from '../stores/snapshots';
import { naiveTimeOf, useVendorsStore } from '../stores/vendors';
import { AssignDialog } from './customers/AssignDialog';
import { CustomerFilterField } from './customers/CustomerFilterField';
import { type CustomerFilter, customerOf, customerTest, ref } from './customers/model';
import { CheckButton } from './health/CheckButton';
import { HealthBar } from './health/HealthBar';
import { HealthText } from './health/HealthCell';
import { offersRestart } from './health/model';
import { useCapableAccounts } from './manage/common';
import { RenewDialog } from './renew/RenewDialog';
import { ServerDetail } from './servers/ServerDetail';
import '../styles/manage.css';
import '../styles/inventory.css';
import './servers/servers.css';

interface ServerRow {
  key: string;
  account: AccountSummary;
  server: UnlimitedServer;
}

/**
 * Unlimited servers of every account whose vendor has them (capability 'serverMonitor'), from the saved
 * snapshots; picking one shows its monitors, restart, renew, upgrade and the sub-users allowed on it.
 */
export function ServersView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const { capable, loaded, total } = useCapableAccounts('serverMonitor');
  const snapshots = useSnapshotsStore((s) => s.byAccount);
  const vendors = useVendorsStore((s) => s.list);
  const [picked, setPicked] = useState<string | null>(null);
  const [customer, setCustomer] = useState<CustomerFilter>('all');
  const [assigning, setAssigning] = useState<ServerRow | null>(null);
  const business = useBusinessStore((s) => s.index);
  const itemOf = (r: ServerRow) => `${r.account.id}|server|${r.server.id}`;
  const health = useHealthStore((s) => s.byKey);
  const timeoutMs = useSettingsStore((s) => s.settings?.health.timeoutMs ?? DEFAULT_HEALTH_SETTINGS.timeoutMs);
  // "Restart server" on a failing row: pick it and ask (the detail's own restart confirm).
  const [restartKey, setRestartKey] = useState<string | null>(null);

  const rows = useMemo<ServerRow[]>(
    () =>
      capable.flatMap((account) =>
        (snapshots[account.id]?.servers ?? []).map((server) => ({
          key: `${account.id}|${server.id}`,
          account,
          server,
        })),
      ),
    [capable, snapshots],
  );
  const shown = useMemo(() => {
    const test = customerTest(business, customer);
    return test ? rows.filter((r) => test(`${r.account.id}|server|${r.server.id}`)) : rows;
  }, [rows, business, customer]);
  const current = shown.find((r) => r.key === picked) ?? null;
  const checkItems = useMemo(() => shown.map((r) => ref(r.account.id, 'server', r.server.id)), [shown]);

  return (
    <section className="view servers-view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('servers.title')}
          </h1>
          <p className="muted">{t('servers.intro')}</p>
        </div>
      </header>

      {loaded && total === 0 ? <p className="empty">{t('servers.noAccounts')}</p> : null}
      {loaded && total > 0 && capable.length === 0 ? <p className="empty">{t('servers.noneCapable')}</p> : null}
      {loaded && capable.length > 0 && rows.length === 0 ? <p className="empty">{t('servers.empty')}</p> : null}

      {rows.length > 0 ? (
        <>
          <fieldset className="filters">
            <legend className="visually-hidden">{t('customers.filter.label')}</legend>
            <CustomerFilterField value={customer} onChange={setCustomer} />
          </fieldset>
          <div className="ips-toolbar">
            <p className="muted count">{t('servers.count', { count: shown.length })}</p>
            <CheckButton items={checkItems} label={t('health.checkShown', { count: checkItems.length })} />
          </div>
          <HealthBar />
          <div className="table-wrap servers-list">
            <table className="table manage-table" aria-label={t('servers.listLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('servers.col.host')}</th>
                  <th scope="col">{t('servers.col.size')}</th>
                  <th scope="col">{t('servers.col.bandwidth')}</th>
                  <th scope="col">{t('servers.col.status')}</th>
                  <th scope="col">{t('servers.col.expires')}</th>
                  <th scope="col">{t('servers.col.account')}</th>
                  <th scope="col">{t('customers.col.customer')}</th>
                  <th scope="col">{t('health.col')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => {
                  const naive = naiveTimeOf(vendors, r.account.vendor);
                  const result = health.get(itemOf(r));
                  return (
                    <tr
                      key={r.key}
                      data-server={r.server.id}
                      aria-selected={r.key === picked}
                      className={r.key === picked ? 'selected' : undefined}
                    >
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          aria-label={t('servers.select', { host: r.server.ip })}
                          aria-pressed={r.key === picked}
                          onClick={() => setPicked(r.key)}
                        >
                          {r.server.ip}
                        </button>
                      </td>
                      <td>{r.server.spec ?? '—'}</td>
                      <td>{r.server.bandwidth ?? '—'}</td>
                      <td>
                        <span className={`pill pill-${r.server.status}`}>{t(`servers.status.${r.server.status}`)}</span>
                      </td>
                      <td title={vendorTimeTitle(naive, t)}>
                        {r.server.expiresAt ? formatVendorTime(r.server.expiresAt, lang, naive, t, false, false) : '—'}
                      </td>
                      <td>{r.account.label}</td>
                      <td>
                        <span data-testid="server-customer">{customerOf(business, itemOf(r))?.name ?? '—'}</span>{' '}
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          onClick={() => setAssigning(r)}
                          aria-label={t('customers.assign.rowLabel', { item: r.server.ip })}
                        >
                          {t('customers.page.change')}
                        </button>
                      </td>
                      <td>
                        <HealthText result={result} timeoutMs={timeoutMs} />
                        {offersRestart(result) ? (
                          <>
                            {' '}
                            <button
                              type="button"
                              className="btn btn-small"
                              onClick={() => {
                                setPicked(r.key);
                                setRestartKey(r.key);
                              }}
                            >
                              {t('health.server.restart')}
                            </button>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {current ? (
            <ServerDetail
              key={current.key}
              account={current.account}
              server={current.server}
              askRestart={restartKey === current.key}
              onRestartAsked={() => setRestartKey(null)}
            />
          ) : (
            <p className="muted">{t('servers.pickOne')}</p>
          )}
        </>
      ) : null}
      <RenewDialog />
      {assigning ? (
        <AssignDialog
          items={[ref(assigning.account.id, 'server', assigning.server.id)]}
          onClose={() => setAssigning(null)}
        />
      ) : null}
    </section>
  );
}
