import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderStatus, ProductKind } from '../../preload/contract/model';
import { FilterField } from '../components/FilterField';
import { RefreshStrip } from '../components/RefreshStrip';
import { ALL_SCOPE, type Scope, ScopeFilter } from '../components/ScopeFilter';
import { saveText } from '../lib/download';
import { matchRows } from '../lib/filter-index';
import { currencyDigits } from '../lib/format';
import { DAY_MS, type OrderRow, orderIndex, orderRows, rowSearchText, visibleSelection } from '../lib/inventory';
import { exportFileName, ordersToCsv } from '../lib/proxy-format';
import { useAccountsStore } from '../stores/accounts';
import { useBusinessStore } from '../stores/business';
import { useSnapshotsStore } from '../stores/snapshots';
import { useVendorsStore } from '../stores/vendors';
import '../styles/inventory.css';
import { BuyButton } from './buy/BuyButton';
import { AssignDialog } from './customers/AssignDialog';
import { CustomerFilterField } from './customers/CustomerFilterField';
import { type CustomerFilter, customerTest, orderItemRef } from './customers/model';
import { OrderDetail } from './orders/OrderDetail';
import { OrdersTable, type Sort, type SortKey } from './orders/OrdersTable';
import { RenewDialog } from './renew/RenewDialog';

const STATUSES: OrderStatus[] = ['active', 'pending', 'expired', 'cancelled', 'on-hold', 'unknown'];
const KINDS: ProductKind[] = [
  'residential',
  'isp',
  'datacenter',
  'mobile',
  'ipv6',
  'unlimited',
  'static-residential',
  'other',
];

function compare(a: OrderRow, b: OrderRow, key: SortKey): number {
  const nulls = (x: number | null, y: number | null) => (x == null ? (y == null ? 0 : 1) : y == null ? -1 : x - y);
  switch (key) {
    case 'account':
      return a.accountLabel.localeCompare(b.accountLabel);
    case 'product':
      return a.order.product.localeCompare(b.order.product);
    case 'kind':
      return a.order.kind.localeCompare(b.order.kind);
    case 'status':
      return a.order.status.localeCompare(b.order.status);
    case 'expires':
      return nulls(a.expiresMs, b.expiresMs);
    case 'created':
      return nulls(a.createdMs, b.createdMs);
    case 'price':
      return nulls(a.order.price?.minor ?? null, b.order.price?.minor ?? null);
  }
}

export function OrdersView() {
  const { t } = useTranslation();
  const headingId = useId();
  const accounts = useAccountsStore((s) => s.items);
  const vendors = useVendorsStore((s) => s.list);
  const byAccount = useSnapshotsStore((s) => s.byAccount);
  const [scope, setScope] = useState<Scope>(ALL_SCOPE);
  const [status, setStatus] = useState<OrderStatus | 'all'>('all');
  const [kind, setKind] = useState<ProductKind | 'all'>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'expires', dir: 1 });
  const [selected, setSelected] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<string>>(() => new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [customer, setCustomer] = useState<CustomerFilter>('all');
  const [assigning, setAssigning] = useState(false);
  const business = useBusinessStore((s) => s.index);

  const all = useMemo(() => orderRows(accounts, vendors, byAccount), [accounts, vendors, byAccount]);
  const index = useMemo(() => orderIndex(all), [all]);
  // The box answers at once; the table follows in a deferred render (interrupted by the next key).
  const query = useDeferredValue(text);
  const rows = useMemo(() => {
    const fromMs = from ? Date.parse(`${from}T00:00:00Z`) : null;
    const toMs = to ? Date.parse(`${to}T00:00:00Z`) + DAY_MS - 1 : null;
    const byCustomer = customerTest(business, customer);
    const out = matchRows(
      all,
      query,
      (r) =>
        (scope.vendor === 'all' || r.vendor === scope.vendor) &&
        (scope.accountId === 'all' || r.accountId === scope.accountId) &&
        (status === 'all' || r.order.status === status) &&
        (kind === 'all' || r.order.kind === kind) &&
        (fromMs == null || (r.expiresMs != null && r.expiresMs >= fromMs)) &&
        (toMs == null || (r.expiresMs != null && r.expiresMs <= toMs)) &&
        (byCustomer === undefined || byCustomer(`${r.accountId}|order|${r.order.id}`)),
      index,
      rowSearchText,
    );
    return out.sort((a, b) => compare(a, b, sort.key) * sort.dir || a.key.localeCompare(b.key));
  }, [all, index, scope, status, kind, from, to, query, sort, business, customer]);

  // Selections follow what is shown: the detail panel and every action use only shown orders.
  const detail = rows.find((r) => r.key === selected) ?? null;
  const detailHidden = selected !== null && !detail && all.some((r) => r.key === selected);
  const { visible: checkedRows, hidden: hiddenChecked } = useMemo(
    () => visibleSelection(all, rows, checked),
    [all, rows, checked],
  );
  const allShownChecked = rows.length > 0 && checkedRows.length === rows.length;
  const exportCsv = () => {
    const csv = ordersToCsv(
      checkedRows.map((r) => ({
        id: r.order.id,
        product: r.order.product,
        kind: r.order.kind,
        status: r.order.status,
        vendorStatus: r.order.vendorStatus,
        country: r.order.country,
        quantity: r.order.quantity,
        price: r.order.price
          ? (r.order.price.minor / 10 ** currencyDigits(r.order.price.currency)).toFixed(
              currencyDigits(r.order.price.currency),
            )
          : null,
        currency: r.order.price?.currency ?? null,
        createdAt: r.order.createdAt,
        expiresAt: r.order.expiresAt,
        autoRenew: r.order.autoRenew,
        tag: r.order.tag,
        vendor: r.vendorName,
        account: r.accountLabel,
      })),
    );
    const file = exportFileName(
      'csv',
      checkedRows.map((r) => ({ vendor: r.vendor, account: r.accountLabel })),
      new Date(),
      'orders',
    );
    saveText(csv, file, 'text/csv');
    setMessage(t('tablesPlus.orders.exported', { count: checkedRows.length, file }));
  };
  const filtered =
    scope.vendor !== 'all' ||
    scope.accountId !== 'all' ||
    status !== 'all' ||
    kind !== 'all' ||
    customer !== 'all' ||
    from ||
    to ||
    text;

  return (
    <section className="view view-wide inventory-view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('orders.title')}
          </h1>
          <p className="muted">{t('orders.intro')}</p>
        </div>
        <BuyButton />
      </header>
      <RefreshStrip />

      <fieldset className="filters">
        <legend className="visually-hidden">{t('orders.filters.label')}</legend>
        <ScopeFilter value={scope} onChange={setScope} />
        <FilterField label={t('orders.filters.status')}>
          {(fid) => (
            <select
              id={fid}
              className="input"
              value={status}
              onChange={(e) => setStatus(e.target.value as OrderStatus | 'all')}
            >
              <option value="all">{t('orders.filters.allStatuses')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`orders.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField label={t('orders.filters.kind')}>
          {(fid) => (
            <select
              id={fid}
              className="input"
              value={kind}
              onChange={(e) => setKind(e.target.value as ProductKind | 'all')}
            >
              <option value="all">{t('orders.filters.allKinds')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`orders.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField label={t('orders.filters.expiresFrom')}>
          {(fid) => (
            <input id={fid} className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          )}
        </FilterField>
        <FilterField label={t('orders.filters.expiresTo')}>
          {(fid) => <input id={fid} className="input" type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
        </FilterField>
        <CustomerFilterField value={customer} onChange={setCustomer} />
        <FilterField label={t('orders.filters.search')} className="scope-grow">
          {(fid) => (
            <input
              id={fid}
              className="input"
              type="search"
              value={text}
              placeholder={t('orders.filters.searchHint')}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </FilterField>
      </fieldset>

      <div className="ips-toolbar">
        <p className="muted count" role="status">
          {filtered
            ? t('orders.countFiltered', { count: rows.length, total: all.length })
            : t('orders.count', { count: all.length })}
          {hiddenChecked > 0
            ? ` · ${t('tablesPlus.selection.hidden', { count: checkedRows.length + hiddenChecked, hidden: hiddenChecked })}`
            : checkedRows.length > 0
              ? ` · ${t('tablesPlus.orders.selectedCount', { count: checkedRows.length })}`
              : ''}
        </p>
        <div className="ips-actions">
          {hiddenChecked > 0 ? (
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => setChecked(new Set(checkedRows.map((r) => r.key)))}
            >
              {t('tablesPlus.selection.unselectHidden')}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => setChecked(new Set())}
            disabled={checked.size === 0}
          >
            {t('tablesPlus.orders.clearSelection')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setAssigning(true)}
            disabled={checkedRows.length === 0}
          >
            {t('customers.assign.buttonCount', { count: checkedRows.length })}
          </button>
          <button type="button" className="btn btn-small" onClick={exportCsv} disabled={checkedRows.length === 0}>
            {t('tablesPlus.orders.exportCsv', { count: checkedRows.length })}
          </button>
        </div>
      </div>
      {hiddenChecked > 0 ? (
        <p className="muted small selection-note">{t('tablesPlus.selection.leftOut', { count: checkedRows.length })}</p>
      ) : null}
      {message ? (
        <div className="flash" role="status">
          {message}
        </div>
      ) : null}
      {detailHidden ? (
        <div className="flash" role="status">
          {t('tablesPlus.orders.detailHidden')}{' '}
          <button type="button" className="btn btn-small" onClick={() => setSelected(null)}>
            {t('common.close')}
          </button>
        </div>
      ) : null}

      <div className={detail ? 'orders-layout with-detail' : 'orders-layout'}>
        <OrdersTable
          rows={rows}
          total={all.length}
          checked={checked}
          allShownChecked={allShownChecked}
          selected={selected}
          sort={sort}
          busy={query !== text}
          setSort={setSort}
          setChecked={setChecked}
          setSelected={setSelected}
        />

        {detail ? <OrderDetail detail={detail} vendors={vendors} onClose={() => setSelected(null)} /> : null}
      </div>
      <RenewDialog />
      {assigning ? (
        <AssignDialog items={checkedRows.map(orderItemRef)} onClose={() => setAssigning(false)} onDone={setMessage} />
      ) : null}
    </section>
  );
}
