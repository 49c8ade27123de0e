import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderStatus, ProductKind } from '../../preload/contract/model';
import { FilterField } from '../components/FilterField';
import { RefreshStrip } from '../components/RefreshStrip';
import { ALL_SCOPE, type Scope, ScopeFilter } from '../components/ScopeFilter';
import { formatMoney } from '../lib/format';
import { DAY_MS, hasCap, type OrderRow, orderRows } from '../lib/inventory';
import { formatDateTime, formatVendorTime } from '../lib/time';
import { useAccountsStore } from '../stores/accounts';
import { useRenewalsStore } from '../stores/renewals';
import { useSnapshotsStore } from '../stores/snapshots';
import { naiveTimeOf, useVendorsStore } from '../stores/vendors';
import '../styles/inventory.css';
import { ActivityPanel } from './renew/ActivityPanel';
import { AutoRenewSwitch } from './renew/AutoRenewSwitch';
import { orderPick } from './renew/picks';
import { RenewDialog } from './renew/RenewDialog';

type SortKey = 'account' | 'product' | 'kind' | 'status' | 'expires' | 'created' | 'price';
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
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
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
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'expires', dir: 1 });
  const [selected, setSelected] = useState<string | null>(null);

  const all = useMemo(() => orderRows(accounts, vendors, byAccount), [accounts, vendors, byAccount]);
  const rows = useMemo(() => {
    const q = text.trim().toLowerCase();
    const fromMs = from ? Date.parse(`${from}T00:00:00Z`) : null;
    const toMs = to ? Date.parse(`${to}T00:00:00Z`) + DAY_MS - 1 : null;
    const out = all.filter(
      (r) =>
        (scope.vendor === 'all' || r.vendor === scope.vendor) &&
        (scope.accountId === 'all' || r.accountId === scope.accountId) &&
        (status === 'all' || r.order.status === status) &&
        (kind === 'all' || r.order.kind === kind) &&
        (fromMs == null || (r.expiresMs != null && r.expiresMs >= fromMs)) &&
        (toMs == null || (r.expiresMs != null && r.expiresMs <= toMs)) &&
        (q === '' || r.haystack.includes(q)),
    );
    return out.sort((a, b) => compare(a, b, sort.key) * sort.dir || a.key.localeCompare(b.key));
  }, [all, scope, status, kind, from, to, text, sort]);

  const detail = all.find((r) => r.key === selected) ?? null;
  const filtered =
    scope.vendor !== 'all' || scope.accountId !== 'all' || status !== 'all' || kind !== 'all' || from || to || text;

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="sort-btn"
          onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))}
        >
          {label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (sort.dir === 1 ? '▲' : '▼') : ''}
          </span>
        </button>
      </th>
    );
  };

  return (
    <section className="view view-wide inventory-view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('orders.title')}
          </h1>
          <p className="muted">{t('orders.intro')}</p>
        </div>
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

      <p className="muted count" role="status">
        {filtered
          ? t('orders.countFiltered', { count: rows.length, total: all.length })
          : t('orders.count', { count: all.length })}
      </p>

      <div className={detail ? 'orders-layout with-detail' : 'orders-layout'}>
        {rows.length === 0 ? (
          <div className="empty">
            <p className="empty-title">{all.length === 0 ? t('orders.emptyTitle') : t('orders.noMatch')}</p>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="table table-compact" aria-label={t('orders.tableLabel')}>
              <thead>
                <tr>
                  {header('account', t('orders.col.account'))}
                  {header('product', t('orders.col.product'))}
                  {header('kind', t('orders.col.kind'))}
                  {header('status', t('orders.col.status'))}
                  {header('expires', t('orders.col.expires'))}
                  {header('price', t('orders.col.price'))}
                  <th scope="col">
                    <span className="visually-hidden">{t('orders.col.details')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} className={r.key === selected ? 'row-selected' : undefined}>
                    <td>
                      {r.accountLabel}
                      <div className="muted small">{r.vendorName}</div>
                    </td>
                    <td>
                      {r.order.product}
                      <div className="muted small mono">#{r.order.id}</div>
                    </td>
                    <td>{t(`orders.kind.${r.order.kind}`)}</td>
                    <td>
                      <span className={`pill pill-${r.order.status}`}>{t(`orders.status.${r.order.status}`)}</span>
                    </td>
                    <td>
                      {r.order.expiresAt
                        ? formatVendorTime(r.order.expiresAt, lang, naiveTimeOf(vendors, r.vendor), t)
                        : '—'}
                    </td>
                    <td>{r.order.price ? formatMoney(r.order.price, lang) : '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-small btn-ghost"
                        aria-label={t('orders.showDetails', { id: r.order.id })}
                        aria-expanded={r.key === selected}
                        onClick={() => setSelected(r.key === selected ? null : r.key)}
                      >
                        {t('orders.details')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        {detail ? (
          <section className="panel detail-panel" aria-label={t('orders.detailLabel', { id: detail.order.id })}>
            <div className="detail-head">
              <h2 className="panel-title">{detail.order.product}</h2>
              {hasCap(vendors, detail.vendor, 'renew') ? (
                <button
                  type="button"
                  className="btn btn-small btn-primary"
                  onClick={() => useRenewalsStore.getState().start([orderPick(detail)])}
                >
                  {t('renew.button')}
                </button>
              ) : null}
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setSelected(null)}>
                {t('common.close')}
              </button>
            </div>
            <dl className="detail-list">
              <dt>{t('orders.col.account')}</dt>
              <dd>
                {detail.accountLabel} · {detail.vendorName}
              </dd>
              <dt>{t('orders.field.id')}</dt>
              <dd className="mono">{detail.order.id}</dd>
              <dt>{t('orders.col.status')}</dt>
              <dd>
                {t(`orders.status.${detail.order.status}`)}
                {detail.order.vendorStatus ? <span className="muted"> ({detail.order.vendorStatus})</span> : null}
              </dd>
              <dt>{t('orders.col.kind')}</dt>
              <dd>{t(`orders.kind.${detail.order.kind}`)}</dd>
              <dt>{t('orders.field.created')}</dt>
              <dd>{detail.order.createdAt ? formatDateTime(detail.order.createdAt, lang) : '—'}</dd>
              <dt>{t('orders.col.expires')}</dt>
              <dd>
                {detail.order.expiresAt
                  ? formatVendorTime(detail.order.expiresAt, lang, naiveTimeOf(vendors, detail.vendor), t, true)
                  : '—'}
              </dd>
              <dt>{t('orders.field.quantity')}</dt>
              <dd>{detail.order.quantity ?? '—'}</dd>
              <dt>{t('orders.col.price')}</dt>
              <dd>{detail.order.price ? formatMoney(detail.order.price, lang) : '—'}</dd>
              <dt>{t('orders.field.country')}</dt>
              <dd>{detail.order.country ?? '—'}</dd>
              {hasCap(vendors, detail.vendor, 'autoRenew') ? (
                <>
                  <dt>{t('orders.field.autoRenew')}</dt>
                  <dd>
                    <AutoRenewSwitch
                      key={detail.key}
                      accountId={detail.accountId}
                      vendor={detail.vendor}
                      vendorName={detail.vendorName}
                      orderId={detail.order.id}
                      value={detail.order.autoRenew ?? null}
                    />
                  </dd>
                </>
              ) : null}
              {hasCap(vendors, detail.vendor, 'orderTags') ? (
                <>
                  <dt>{t('orders.field.tag')}</dt>
                  <dd>{detail.order.tag || t('orders.noTag')}</dd>
                </>
              ) : null}
              {Object.entries(detail.order.details).map(([k, v]) => (
                <div key={k} className="detail-extra">
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            <p className="muted small">
              {hasCap(vendors, detail.vendor, 'autoRenew')
                ? null
                : hasCap(vendors, detail.vendor, 'orderTags')
                  ? t('orders.readOnly')
                  : t('orders.noAutoRenew', { vendor: detail.vendorName })}
            </p>
          </section>
        ) : null}
      </div>
      <ActivityPanel />
      <RenewDialog />
    </section>
  );
}
