import { type KeyboardEvent, type MouseEvent, memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthResult } from '../../../preload/contract/health';
import { DEFAULT_HEALTH_SETTINGS } from '../../../preload/contract/schemas';
import { SpacerRow, useFixedRows } from '../../components/VirtualRows';
import { countryName } from '../../lib/country-name';
import type { IpRow } from '../../lib/inventory';
import { formatVendorTime, vendorTimeTitle } from '../../lib/time';
import { useBusinessStore } from '../../stores/business';
import { useHealthStore } from '../../stores/health';
import { useSettingsStore } from '../../stores/settings';
import { naiveTimeOf, useVendorsStore } from '../../stores/vendors';
import { customerOf, ipItemKey } from '../customers/model';
import { HealthText } from '../health/HealthCell';

const ROW_HEIGHT = 36;
export const MASK = '••••••';

/** Per-column priority (see inventory.css): 1 always shown, higher ones hide first in narrow windows. */
const COLS = [
  ['sel', 1],
  ['ip', 1],
  ['port', 1],
  ['user', 3],
  ['pass', 3],
  ['country', 4],
  ['account', 2],
  ['customer', 4],
  ['status', 2],
  ['expires', 1],
  ['health', 2],
] as const;
const col = (i: number) => `c-${COLS[i]?.[0]} prio-${COLS[i]?.[1]}`;

/**
 * The virtualized IPs table. Columns carry a priority: in narrow windows the lower ones hide
 * (container queries in inventory.css), so IP, port and expiry never overlap or get cut.
 */
export const IpsTable = memo(function IpsTable({
  rows,
  selected,
  allSelected,
  onToggleAll,
  onToggle,
  reveal,
  now,
  busy = false,
  onKeyDown,
}: {
  rows: IpRow[];
  selected: ReadonlySet<string>;
  allSelected: boolean;
  onToggleAll: () => void;
  onToggle: (index: number, e: MouseEvent<HTMLInputElement>) => void;
  reveal: boolean;
  now: number;
  /** The rows shown are of the previous filter; the new ones follow (a deferred render). */
  busy?: boolean;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vendors = useVendorsStore((s) => s.list);
  const business = useBusinessStore((s) => s.index);
  // The column shows once the user has customers: without any it would only narrow the others.
  const withCustomer = business.customers.size > 0;
  const health = useHealthStore((s) => s.byKey);
  const timeoutMs = useSettingsStore((s) => s.settings?.health.timeoutMs ?? DEFAULT_HEALTH_SETTINGS.timeoutMs);
  const { scrollRef, items, padTop, padBottom } = useFixedRows<HTMLElement>(rows.length, ROW_HEIGHT, 6);

  return (
    <section
      ref={scrollRef}
      className="table-wrap ips-scroll"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the scroll area takes focus for Ctrl+A / Ctrl+C.
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={t('ips.tableHint')}
    >
      <table
        className="table table-compact ips-table"
        aria-label={t('ips.tableLabel')}
        aria-rowcount={rows.length + 1}
        aria-busy={busy}
      >
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className={col(0)}>
              <input
                type="checkbox"
                aria-label={t('ips.selectAllFiltered')}
                checked={allSelected}
                onChange={onToggleAll}
              />
            </th>
            <th scope="col" className={col(1)}>
              {t('ips.col.ip')}
            </th>
            <th scope="col" className={col(2)}>
              {t('ips.col.port')}
            </th>
            <th scope="col" className={col(3)}>
              {t('ips.col.user')}
            </th>
            <th scope="col" className={col(4)}>
              {t('ips.col.pass')}
            </th>
            <th scope="col" className={col(5)}>
              {t('ips.col.country')}
            </th>
            <th scope="col" className={col(6)}>
              {t('ips.col.account')}
            </th>
            {withCustomer ? (
              <th scope="col" className={col(7)} style={{ width: '10%' }}>
                {t('customers.col.customer')}
              </th>
            ) : null}
            <th scope="col" className={col(8)}>
              {t('ips.col.status')}
            </th>
            <th scope="col" className={col(9)}>
              {t('ips.col.expires')}
            </th>
            <th scope="col" className={col(10)}>
              {t('health.col')}
            </th>
          </tr>
        </thead>
        <tbody>
          {/* Spacer rows have one cell (no colSpan), so columns hidden in narrow windows leave no gap. */}
          <SpacerRow height={padTop} />
          {items.map((v) => {
            const r = rows[v.index];
            if (!r) return null;
            const k = ipItemKey(r);
            return (
              <IpRowView
                key={r.key}
                row={r}
                index={v.index}
                on={selected.has(r.key)}
                reveal={reveal}
                expired={r.expiresMs != null && r.expiresMs < now}
                naiveTime={naiveTimeOf(vendors, r.vendor)}
                lang={lang}
                onToggle={onToggle}
                customer={withCustomer ? (customerOf(business, k)?.name ?? '—') : null}
                health={health.get(k)}
                timeoutMs={timeoutMs}
              />
            );
          })}
          <SpacerRow height={padBottom} />
        </tbody>
      </table>
      {rows.length === 0 ? <p className="muted ips-nomatch">{t('ips.noMatch')}</p> : null}
    </section>
  );
});

/**
 * One table row. Memoized: while scrolling only the rows entering the window render; the ones that
 * stay keep their DOM (fixed height, so nothing is measured).
 */
const IpRowView = memo(function IpRowView({
  row: r,
  index,
  on,
  reveal,
  expired,
  naiveTime,
  lang,
  onToggle,
  customer,
  health,
  timeoutMs,
}: {
  row: IpRow;
  index: number;
  on: boolean;
  reveal: boolean;
  expired: boolean;
  naiveTime: 'utc' | 'vendor' | undefined;
  lang: string;
  onToggle: (index: number, e: MouseEvent<HTMLInputElement>) => void;
  /** The item's customer (one Map read by itemKey; '—' for none), or null when the column is not shown. */
  customer: string | null;
  /** The item's last health result (one Map read by itemKey), if it was ever checked. */
  health: HealthResult | undefined;
  timeoutMs: number;
}) {
  const { t } = useTranslation();
  return (
    <tr
      aria-rowindex={index + 2}
      aria-selected={on}
      className={on ? 'row-selected' : undefined}
      style={{ height: ROW_HEIGHT }}
    >
      <td className={col(0)}>
        <input
          type="checkbox"
          aria-label={t('ips.selectRow', { ip: r.port == null ? r.ip : `${r.ip}:${r.port}` })}
          checked={on}
          onChange={() => {}}
          onClick={(e) => onToggle(index, e)}
        />
      </td>
      <td className={`${col(1)} mono`} title={r.ip}>
        {r.ip}
      </td>
      <td className={`${col(2)} mono`}>{r.port ?? '—'}</td>
      <td className={`${col(3)} mono`} title={r.user ?? undefined}>
        {r.user ?? '—'}
      </td>
      <td className={`${col(4)} mono`} data-testid="ip-pass">
        {r.passWithheld ? (
          <span className="muted small" title={t('ips.passWithheldHelp')}>
            {t('ips.passWithheld')}
          </span>
        ) : r.pass == null ? (
          '—'
        ) : reveal ? (
          r.pass
        ) : (
          MASK
        )}
      </td>
      <td className={col(5)} title={r.country ?? undefined} data-testid="ip-country">
        {countryName(r.country, lang) ?? '—'}
      </td>
      <td className={col(6)} title={`${r.accountLabel} · ${r.vendorName}`}>
        {r.accountLabel} <span className="muted small">· {r.vendorName}</span>
      </td>
      {customer === null ? null : (
        <td className={col(7)} data-testid="ip-customer" title={customer}>
          {customer}
        </td>
      )}
      <td className={col(8)}>
        <span className={`pill pill-${r.status}`}>{t(`ips.status.${r.status}`)}</span>
      </td>
      <td className={`${col(9)}${expired ? ' danger-text' : ''}`} title={vendorTimeTitle(naiveTime, t)}>
        {r.expiresAt ? formatVendorTime(r.expiresAt, lang, naiveTime, t, false, false) : '—'}
      </td>
      <td className={col(10)}>
        <HealthText result={health} timeoutMs={timeoutMs} />
      </td>
    </tr>
  );
});
