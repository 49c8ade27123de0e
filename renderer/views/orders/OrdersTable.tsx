import { type Dispatch, memo, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import type { OrderRow } from '../../lib/inventory';
import { formatVendorTime, vendorTimeTitle } from '../../lib/time';
import { naiveTimeOf, useVendorsStore } from '../../stores/vendors';

export type SortKey = 'account' | 'product' | 'kind' | 'status' | 'expires' | 'created' | 'price';
export interface Sort {
  key: SortKey;
  dir: 1 | -1;
}

/**
 * The Orders table (or its empty state). Memoized, so a keystroke in the search box renders only the
 * box: the rows follow in the view's deferred render, when `rows` changes.
 */
export const OrdersTable = memo(function OrdersTable({
  rows,
  total,
  checked,
  allShownChecked,
  selected,
  sort,
  busy,
  setSort,
  setChecked,
  setSelected,
}: {
  rows: OrderRow[];
  total: number;
  checked: ReadonlySet<string>;
  allShownChecked: boolean;
  selected: string | null;
  sort: Sort;
  /** The rows shown are of the previous search; the new ones follow. */
  busy: boolean;
  setSort: Dispatch<SetStateAction<Sort>>;
  setChecked: Dispatch<SetStateAction<Set<string>>>;
  setSelected: Dispatch<SetStateAction<string | null>>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vendors = useVendorsStore((s) => s.list);
  const toggle = (key: string) =>
    setChecked((c) => {
      const next = new Set(c);
      next.has(key) ? next.delete(key) : next.add(key);
      return next;
    });
  const header = (key: SortKey, label: string, prio = 1) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={`prio-${prio}`}
        aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
      >
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

  return rows.length === 0 ? (
    <div className="empty">
      <p className="empty-title">{total === 0 ? t('orders.emptyTitle') : t('orders.noMatch')}</p>
    </div>
  ) : (
    <div className="table-wrap">
      <table className="table table-compact orders-table" aria-label={t('orders.tableLabel')} aria-busy={busy}>
        <thead>
          <tr>
            <th scope="col" className="c-sel">
              <input
                type="checkbox"
                aria-label={t('tablesPlus.orders.selectAll')}
                checked={allShownChecked}
                onChange={() => setChecked(allShownChecked ? new Set() : new Set(rows.map((r) => r.key)))}
              />
            </th>
            {header('account', t('orders.col.account'))}
            {header('product', t('orders.col.product'))}
            {header('kind', t('orders.col.kind'), 3)}
            {header('status', t('orders.col.status'))}
            {header('expires', t('orders.col.expires'))}
            {header('price', t('orders.col.price'), 2)}
            <th scope="col">
              <span className="visually-hidden">{t('orders.col.details')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.key === selected || checked.has(r.key) ? 'row-selected' : undefined}>
              <td className="c-sel">
                <input
                  type="checkbox"
                  aria-label={t('tablesPlus.orders.selectRow', { id: r.order.id })}
                  checked={checked.has(r.key)}
                  onChange={() => toggle(r.key)}
                />
              </td>
              <td>
                {r.accountLabel}
                <div className="muted small">{r.vendorName}</div>
              </td>
              <td>
                {r.order.product}
                <div className="muted small mono">#{r.order.id}</div>
              </td>
              <td className="prio-3">{t(`orders.kind.${r.order.kind}`)}</td>
              <td>
                <span className={`pill pill-${r.order.status}`}>{t(`orders.status.${r.order.status}`)}</span>
              </td>
              <td title={vendorTimeTitle(naiveTimeOf(vendors, r.vendor), t)}>
                {r.order.expiresAt
                  ? formatVendorTime(r.order.expiresAt, lang, naiveTimeOf(vendors, r.vendor), t, false, false)
                  : '—'}
              </td>
              <td className="prio-2">{r.order.price ? formatMoney(r.order.price, lang) : '—'}</td>
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
  );
});
