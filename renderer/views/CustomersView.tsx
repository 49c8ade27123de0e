import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../preload/contract/business';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FilterField } from '../components/FilterField';
import { useErrorText } from '../lib/error-text';
import { formatMoney } from '../lib/format';
import { ipRows, orderRows } from '../lib/inventory';
import { formatDate } from '../lib/time';
import { useAccountsStore } from '../stores/accounts';
import { useBusinessStore } from '../stores/business';
import { useSnapshotsStore } from '../stores/snapshots';
import { useVendorsStore } from '../stores/vendors';
import '../styles/inventory.css';
import './customers/customers.css';
import { CustomerEditor } from './customers/CustomerEditor';
import { CustomerPage } from './customers/CustomerPage';
import { ImportDialog } from './customers/ImportDialog';
import { resolveLines, summarize } from './customers/model';
import { RenewDialog } from './renew/RenewDialog';

/** Customers (issue 16): the list, a customer's page, New / Edit / Delete and the CSV import. */
export function CustomersView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const errorText = useErrorText();
  const accounts = useAccountsStore((s) => s.items);
  const vendors = useVendorsStore((s) => s.list);
  const byAccount = useSnapshotsStore((s) => s.byAccount);
  const view = useBusinessStore((s) => s.view);
  const index = useBusinessStore((s) => s.index);
  const loaded = useBusinessStore((s) => s.loaded);
  const loadError = useBusinessStore((s) => s.error);
  const remove = useBusinessStore((s) => s.deleteCustomer);
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Customer | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Customer | null>(null);
  const [importing, setImporting] = useState(false);
  const [text, setText] = useState('');

  useEffect(() => {
    if (!useBusinessStore.getState().loaded) void useBusinessStore.getState().fetch();
  }, []);

  const customers = view?.customers ?? [];
  // Every assigned item resolved once (one pass over the IP rows), for the list and the page.
  const lines = useMemo(() => {
    const assigned = (view?.items ?? []).filter((e) => e.customerId);
    if (assigned.length === 0) return [];
    const ips = ipRows(accounts, vendors, byAccount);
    const orders = orderRows(accounts, vendors, byAccount);
    return resolveLines(assigned, index, accounts, vendors, byAccount, ips, orders);
  }, [view, index, accounts, vendors, byAccount]);
  const summaries = useMemo(() => {
    const q = text.trim().toLowerCase();
    const shown = customers.filter(
      (c) => q === '' || c.name.toLowerCase().includes(q) || c.contact.toLowerCase().includes(q),
    );
    return summarize(shown, lines).sort((a, b) => a.customer.name.localeCompare(b.customer.name));
  }, [customers, lines, text]);

  const open = customers.find((c) => c.id === openId) ?? null;
  const openLines = useMemo(() => lines.filter((l) => l.entry.customerId === openId), [lines, openId]);

  return (
    <section className="view view-wide customers-view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('customers.title')}
          </h1>
          <p className="muted">{t('customers.intro')}</p>
        </div>
        <div className="input-with-button">
          <button type="button" className="btn" onClick={() => setImporting(true)}>
            {t('customers.import.button')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('customers.list.new')}
          </button>
        </div>
      </header>
      {/* Notices about the business file (restored from a backup…) are the app's banners (AppInfo.notices). */}
      {loadError ? (
        <div className="inline-error" role="alert">
          {errorText(loadError)}
        </div>
      ) : null}

      {open ? (
        <CustomerPage
          customer={open}
          lines={openLines}
          onBack={() => setOpenId(null)}
          onEdit={() => setEditing(open)}
        />
      ) : !loaded && !loadError ? (
        <p className="muted">{t('customers.loading')}</p>
      ) : customers.length === 0 ? (
        <div className="empty">
          <p className="empty-title">{t('customers.emptyTitle')}</p>
          <p>{t('customers.emptyBody')}</p>
        </div>
      ) : (
        <>
          <fieldset className="filters">
            <legend className="visually-hidden">{t('customers.list.filters')}</legend>
            <FilterField label={t('customers.list.search')} className="scope-grow">
              {(fid) => (
                <input
                  id={fid}
                  className="input"
                  type="search"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                />
              )}
            </FilterField>
          </fieldset>
          <p className="muted count" role="status">
            {t('customers.list.count', { count: summaries.length })}
          </p>
          <div className="table-wrap">
            <table className="table table-compact customers-table" aria-label={t('customers.list.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('customers.list.col.name')}</th>
                  <th scope="col" className="prio-3">
                    {t('customers.list.col.contact')}
                  </th>
                  <th scope="col">{t('customers.list.col.items')}</th>
                  <th scope="col">{t('customers.list.col.revenue')}</th>
                  <th scope="col" className="prio-2">
                    {t('customers.list.col.nextExpiry')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('customers.list.col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {summaries.map((s) => (
                  <tr key={s.customer.id} data-testid="customer-row">
                    <td>
                      <button type="button" className="link-button" onClick={() => setOpenId(s.customer.id)}>
                        {s.customer.name}
                      </button>
                    </td>
                    <td className="prio-3 ellipsis" title={s.customer.contact}>
                      {s.customer.contact || '—'}
                    </td>
                    <td>
                      {s.items}
                      {s.missing > 0 ? (
                        <div className="warning-text small">{t('customers.list.missing', { count: s.missing })}</div>
                      ) : null}
                    </td>
                    <td>{s.revenue.length > 0 ? s.revenue.map((m) => formatMoney(m, lang)).join(' + ') : '—'}</td>
                    <td className="prio-2">{s.nextExpiry ? formatDate(s.nextExpiry, lang) : '—'}</td>
                    <td className="customers-row-actions">
                      <button type="button" className="btn btn-small" onClick={() => setOpenId(s.customer.id)}>
                        {t('customers.list.open')}
                      </button>
                      <button type="button" className="btn btn-small btn-ghost" onClick={() => setEditing(s.customer)}>
                        {t('customers.list.edit')}
                      </button>
                      <button type="button" className="btn btn-small btn-ghost" onClick={() => setDeleting(s.customer)}>
                        {t('customers.list.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {summaries.length === 0 ? <p className="muted">{t('customers.list.noMatch')}</p> : null}
          </div>
        </>
      )}

      {editing ? (
        <CustomerEditor customer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={t('customers.delete.title', { name: deleting.name })}
          confirmLabel={t('customers.delete.confirm')}
          busyLabel={t('customers.delete.deleting')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            const r = await remove(deleting.id);
            if (!r.ok) return errorText(r.error);
            if (openId === deleting.id) setOpenId(null);
            setDeleting(null);
            return null;
          }}
        >
          <p>{t('customers.delete.body', { name: deleting.name })}</p>
        </ConfirmDialog>
      ) : null}
      <RenewDialog />
    </section>
  );
}
