import { type Dispatch, memo, type SetStateAction, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { SpacerRow, useFixedRows } from '../../components/VirtualRows';
import { formatMoney } from '../../lib/format';
import type { OrderRow } from '../../lib/inventory';
import { formatVendorTime, vendorTimeTitle } from '../../lib/time';
import { useBusinessStore } from '../../stores/business';
import { naiveTimeOf, useVendorsStore } from '../../stores/vendors';
import { customerOf } from '../customers/model';

/** Fixed: two lines (account / vendor, product / order id); cells do not wrap (ips-table styles). */
const ROW_HEIGHT = 52;
/**
 * Rows are tall, so a window shows few; a generous overscan keeps short lists (the demo's few dozen
 * orders) fully rendered while 10,000 orders still render only a screenful and a bit.
 */
const OVERSCAN = 30;
/** Column widths (px) for the fixed layout, set on the header cells; Account and Product share the rest. */
const W = { sel: 40, kind: 120, customer: 120, status: 96, expires: 112, price: 84, details: 100 } as const;

export type SortKey = 'account' | 'product' | 'kind' | 'status' | 'expires' | 'created' | 'price';
export interface Sort {
  key: SortKey;
  dir: 1 | -1;
}

/**
 * The Orders table (or its empty state), virtualized like the IPs table: a fixed row height, spacer
 * rows of one cell, memoized rows. Memoized itself, so a keystroke in the search box renders only the
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
  const business = useBusinessStore((s) => s.index);
  const { scrollRef, items, padTop, padBottom } = useFixedRows<HTMLDivElement>(rows.length, ROW_HEIGHT, OVERSCAN);

  const toggle = useCallback(
    (key: string) =>
      setChecked((c) => {
        const next = new Set(c);
        next.has(key) ? next.delete(key) : next.add(key);
        return next;
      }),
    [setChecked],
  );
  const open = useCallback((key: string) => setSelected((s) => (s === key ? null : key)), [setSelected]);
  const header = (key: SortKey, label: string, prio = 1, width?: number) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={`prio-${prio}`}
        style={width ? { width } : undefined}
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
    <div ref={scrollRef} className="table-wrap orders-scroll">
      <table
        className="table table-compact ips-table orders-table"
        aria-label={t('orders.tableLabel')}
        aria-rowcount={rows.length + 1}
        aria-busy={busy}
      >
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="c-sel" style={{ width: W.sel }}>
              <input
                type="checkbox"
                aria-label={t('tablesPlus.orders.selectAll')}
                checked={allShownChecked}
                onChange={() => setChecked(allShownChecked ? new Set() : new Set(rows.map((r) => r.key)))}
              />
            </th>
            {header('account', t('orders.col.account'))}
            {header('product', t('orders.col.product'))}
            {header('kind', t('orders.col.kind'), 3, W.kind)}
            <th scope="col" className="prio-3" style={{ width: W.customer }}>
              {t('customers.col.customer')}
            </th>
            {header('status', t('orders.col.status'), 1, W.status)}
            {header('expires', t('orders.col.expires'), 1, W.expires)}
            {header('price', t('orders.col.price'), 2, W.price)}
            <th scope="col" style={{ width: W.details }}>
              <span className="visually-hidden">{t('orders.col.details')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {/* Spacer rows have one cell (no colSpan), so columns hidden in narrow windows leave no gap. */}
          <SpacerRow height={padTop} />
          {items.map((v) => {
            const r = rows[v.index];
            if (!r) return null;
            return (
              <OrderRowView
                key={r.key}
                row={r}
                index={v.index}
                on={checked.has(r.key)}
                open={r.key === selected}
                naiveTime={naiveTimeOf(vendors, r.vendor)}
                lang={lang}
                onToggle={toggle}
                onOpen={open}
                customer={customerOf(business, `${r.accountId}|order|${r.order.id}`)?.name ?? null}
              />
            );
          })}
          <SpacerRow height={padBottom} />
        </tbody>
      </table>
    </div>
  );
});

/** One order row. Memoized: while scrolling only the rows entering the window render. */
const OrderRowView = memo(function OrderRowView({
  row: r,
  index,
  on,
  open,
  naiveTime,
  lang,
  onToggle,
  onOpen,
  customer,
}: {
  row: OrderRow;
  index: number;
  on: boolean;
  open: boolean;
  naiveTime: 'utc' | 'vendor' | undefined;
  lang: string;
  onToggle: (key: string) => void;
  onOpen: (key: string) => void;
  /** The order's customer (one Map read by itemKey), or null. */
  customer: string | null;
}) {
  const { t } = useTranslation();
  return (
    <tr aria-rowindex={index + 2} className={open || on ? 'row-selected' : undefined} style={{ height: ROW_HEIGHT }}>
      <td className="c-sel">
        <input
          type="checkbox"
          aria-label={t('tablesPlus.orders.selectRow', { id: r.order.id })}
          checked={on}
          onChange={() => onToggle(r.key)}
        />
      </td>
      <td title={`${r.accountLabel} · ${r.vendorName}`}>
        {r.accountLabel}
        <div className="muted small ellipsis">{r.vendorName}</div>
      </td>
      <td title={r.order.product}>
        {r.order.product}
        <div className="muted small mono ellipsis">#{r.order.id}</div>
      </td>
      <td className="prio-3">{t(`orders.kind.${r.order.kind}`)}</td>
      <td className="prio-3 ellipsis" data-testid="order-customer" title={customer ?? undefined}>
        {customer ?? '—'}
      </td>
      <td>
        <span className={`pill pill-${r.order.status}`}>{t(`orders.status.${r.order.status}`)}</span>
      </td>
      <td title={vendorTimeTitle(naiveTime, t)}>
        {r.order.expiresAt ? formatVendorTime(r.order.expiresAt, lang, naiveTime, t, false, false) : '—'}
      </td>
      <td className="prio-2">{r.order.price ? formatMoney(r.order.price, lang) : '—'}</td>
      <td>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          aria-label={t('orders.showDetails', { id: r.order.id })}
          aria-expanded={open}
          onClick={() => onOpen(r.key)}
        >
          {t('orders.details')}
        </button>
      </td>
    </tr>
  );
});
