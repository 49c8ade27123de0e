import {
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyStatus } from '../../preload/contract/model';
import { FilterField } from '../components/FilterField';
import { RefreshStrip } from '../components/RefreshStrip';
import { type Scope, ScopeFilter } from '../components/ScopeFilter';
import { countryOptions } from '../lib/country-name';
import { saveText } from '../lib/download';
import {
  EMPTY_IP_FILTER,
  filterIps,
  type IpFilter,
  type IpRow,
  ipIndex,
  ipRows,
  parseDays,
  visibleSelection,
} from '../lib/inventory';
import {
  type CsvRow,
  DEFAULT_TEMPLATE,
  EXPORT_FORMATS,
  type ExportFormat,
  exportFileName,
  formatProxies,
  TEMPLATE_TOKENS,
} from '../lib/proxy-format';
import { useNow } from '../lib/time';
import { useAccountsStore } from '../stores/accounts';
import { useAppStore } from '../stores/app';
import { useRenewalsStore } from '../stores/renewals';
import { useSnapshotsStore } from '../stores/snapshots';
import { useVendorsStore } from '../stores/vendors';
import '../styles/inventory.css';
import { ReminderRenew } from './dashboard/ReminderRenew';
import { IpsTable, MASK } from './ips/IpsTable';
import { ipPicks } from './renew/picks';
import { RenewDialog } from './renew/RenewDialog';

const STATUSES: ProxyStatus[] = ['active', 'pending', 'expired', 'disabled', 'unknown'];
const PREVIEW_LINES = 200;

const FORMAT_LABEL: Record<ExportFormat, string> = {
  'ip:port:user:pass': 'colon',
  'user:pass@ip:port': 'at',
  http: 'http',
  socks5: 'socks5',
  csv: 'csv',
  template: 'template',
};

/** Rows are views with getters (see ip-rows.ts): what an export reads, picked field by field. */
const toCsvRow = (r: IpRow, reveal = true): CsvRow => ({
  ip: r.ip,
  port: r.port,
  socksPort: r.socksPort,
  user: r.user,
  pass: reveal || !r.pass ? r.pass : MASK,
  country: r.country,
  expiresAt: r.expiresAt,
  status: r.status,
  vendor: r.vendorName,
  account: r.accountLabel,
});

export function IpsView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const now = useNow(60_000);
  const accounts = useAccountsStore((s) => s.items);
  const vendors = useVendorsStore((s) => s.list);
  const byAccount = useSnapshotsStore((s) => s.byAccount);

  const [filter, setFilter] = useState<IpFilter>(EMPTY_IP_FILTER);
  const [daysText, setDaysText] = useState('');
  const daysInvalid = parseDays(daysText).invalid;
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [reveal, setReveal] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('ip:port:user:pass');
  const [template, setTemplate] = useState(DEFAULT_TEMPLATE);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const all = useMemo(() => ipRows(accounts, vendors, byAccount), [accounts, vendors, byAccount]);
  // Built once per snapshot change; each keystroke then searches one string (see filter-index.ts).
  const index = useMemo(() => ipIndex(all), [all]);
  const focus = useAppStore((s) => s.focus);
  const clearFocus = useAppStore((s) => s.clearFocus);
  // A clicked reminder narrows the table to its items (row key = `${accountId}|p|${id}` or `|s|`).
  const keep = useMemo(() => {
    if (!focus) return undefined;
    const ids = new Set(focus.itemIds);
    // A summary over several accounts has no accountId and ids `${accountId}|${id}`.
    return (r: IpRow) => {
      const id = r.key.split('|').slice(2).join('|');
      return focus.accountId ? r.accountId === focus.accountId && ids.has(id) : ids.has(`${r.accountId}|${id}`);
    };
  }, [focus]);
  const focusedCount = useMemo(() => (keep ? all.filter(keep).length : all.length), [all, keep]);
  // The filter boxes answer at once; the table follows in a deferred render that the next key interrupts.
  const shownFilter = useDeferredValue(filter);
  const rows = useMemo(() => filterIps(all, shownFilter, now, index, keep), [all, shownFilter, now, index, keep]);
  const countries = useMemo(
    () =>
      countryOptions(
        all.map((r) => r.country),
        lang,
      ),
    [all, lang],
  );
  // Selections follow what is shown: every action below uses the selected rows the filter shows.
  const { visible: selectedRows, hidden: hiddenSelected } = useMemo(
    () => visibleSelection(all, rows, selected),
    [all, rows, selected],
  );
  const unselectHidden = () => setSelected(new Set(selectedRows.map((r) => r.key)));
  // The count covers only what will be renewed; items left out by their vendor's rule are explained in the dialog.
  const renewable = useMemo(() => ipPicks(selectedRows, vendors, byAccount), [selectedRows, vendors, byAccount]);
  const startRenew = () => useRenewalsStore.getState().start(renewable.picks, renewable.leftOut);
  const renewWhy =
    selectedRows.length === 0
      ? t('renewFlow.button.noneSelected')
      : renewable.picks.length === 0
        ? t('renewFlow.button.noneHere')
        : renewable.leftOut.length > 0
          ? t('renewFlow.button.leftOut', { count: renewable.leftOut.length })
          : '';
  const allFilteredSelected = rows.length > 0 && selectedRows.length === rows.length;

  const set = <K extends keyof IpFilter>(k: K, v: IpFilter[K]) => setFilter((f) => ({ ...f, [k]: v }));

  const selectAllFiltered = useCallback(() => {
    setSelected(new Set(rows.map((r) => r.key)));
  }, [rows]);

  const toggle = useCallback(
    (index: number, e: MouseEvent<HTMLInputElement>) => {
      const row = rows[index];
      if (!row) return;
      const on = !selected.has(row.key);
      const next = new Set(selected);
      if (e.shiftKey && anchor !== null) {
        const [a, b] = anchor < index ? [anchor, index] : [index, anchor];
        for (let i = a; i <= b; i++) {
          const k = rows[i]?.key;
          if (k) on ? next.add(k) : next.delete(k);
        }
      } else if (on) next.add(row.key);
      else next.delete(row.key);
      setSelected(next);
      setAnchor(index);
    },
    [rows, selected, anchor],
  );

  const text = useCallback(
    (list: IpRow[], revealed = true) =>
      formatProxies(
        list.map((r) => toCsvRow(r, revealed)),
        format,
        template,
      ),
    [format, template],
  );

  const copy = useCallback(async () => {
    if (selectedRows.length === 0) {
      setMessage({ ok: false, text: t('ips.nothingSelected') });
      return;
    }
    try {
      await navigator.clipboard.writeText(text(selectedRows));
      setMessage({ ok: true, text: t('ips.copied', { count: selectedRows.length }) });
    } catch {
      setMessage({ ok: false, text: t('ips.copyFailed') });
    }
  }, [selectedRows, text, t]);

  const exportFile = () => {
    if (selectedRows.length === 0) {
      setMessage({ ok: false, text: t('ips.nothingSelected') });
      return;
    }
    const file = exportFileName(
      format,
      selectedRows.map((r) => ({ vendor: r.vendor, account: r.accountLabel })),
    );
    saveText(text(selectedRows), file, format === 'csv' ? 'text/csv' : 'text/plain');
    setMessage({ ok: true, text: t('ips.exported', { count: selectedRows.length, file }) });
  };

  // Ctrl/Cmd+F focuses the search box while this view is open.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onTableKey = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k === 'a') {
        e.preventDefault();
        selectAllFiltered();
      } else if (k === 'c') {
        e.preventDefault();
        void copy();
      }
    },
    [selectAllFiltered, copy],
  );
  const onToggleAll = useCallback(
    () => (allFilteredSelected ? setSelected(new Set()) : selectAllFiltered()),
    [allFilteredSelected, selectAllFiltered],
  );

  const preview = useMemo(() => text(selectedRows.slice(0, PREVIEW_LINES), reveal), [selectedRows, reveal, text]);

  const scope: Scope = { vendor: filter.vendor, accountId: filter.accountId };

  return (
    <section className="view view-wide inventory-view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('ips.title')}
          </h1>
          <p className="muted">{t('ips.intro')}</p>
        </div>
        <button type="button" className="btn" aria-pressed={reveal} onClick={() => setReveal((r) => !r)}>
          {reveal ? t('ips.hidePasswords') : t('ips.revealPasswords')}
        </button>
      </header>
      <RefreshStrip />

      <fieldset className="filters">
        <legend className="visually-hidden">{t('ips.filters.label')}</legend>
        <ScopeFilter value={scope} onChange={(v) => setFilter((f) => ({ ...f, ...v }))} />
        <FilterField label={t('ips.filters.country')}>
          {(fid) => (
            <select id={fid} className="input" value={filter.country} onChange={(e) => set('country', e.target.value)}>
              <option value="all">{t('ips.filters.allCountries')}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField label={t('ips.filters.status')}>
          {(fid) => (
            <select
              id={fid}
              className="input"
              value={filter.status}
              onChange={(e) => set('status', e.target.value as IpFilter['status'])}
            >
              <option value="all">{t('ips.filters.allStatuses')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`ips.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField
          label={t('ips.filters.expiresWithin')}
          className="scope-narrow"
          error={daysInvalid ? t('tablesPlus.days.negative') : null}
        >
          {(fid, errorId) => (
            <input
              id={fid}
              className="input"
              type="number"
              min={0}
              max={3650}
              placeholder={t('ips.filters.anyDays')}
              value={daysText}
              aria-invalid={daysInvalid}
              aria-describedby={errorId}
              onChange={(e) => {
                // A negative number is refused (the box says why) and the filter stays off.
                setDaysText(e.target.value);
                set('expiresWithinDays', parseDays(e.target.value).days);
              }}
            />
          )}
        </FilterField>
        <FilterField label={t('ips.filters.search')} className="scope-grow">
          {(fid) => (
            <input
              id={fid}
              ref={searchRef}
              className="input"
              type="search"
              value={filter.text}
              placeholder={t('ips.filters.searchHint')}
              onChange={(e) => set('text', e.target.value)}
            />
          )}
        </FilterField>
      </fieldset>

      {focus ? (
        <div className="flash" role="status">
          {t('ips.focus.text', { count: focusedCount })}{' '}
          <ReminderRenew accountId={focus.accountId} itemIds={focus.itemIds} />{' '}
          <button type="button" className="btn btn-small" onClick={clearFocus}>
            {t('ips.focus.showAll')}
          </button>
        </div>
      ) : null}
      <div className="ips-toolbar">
        <p className="muted count" role="status">
          {t('ips.count', { count: rows.length, total: all.length })}
          {hiddenSelected > 0
            ? ` · ${t('tablesPlus.selection.hidden', { count: selectedRows.length + hiddenSelected, hidden: hiddenSelected })}`
            : selectedRows.length > 0
              ? ` · ${t('ips.selectedCount', { count: selectedRows.length })}`
              : ''}
        </p>
        <div className="ips-actions">
          <button type="button" className="btn btn-small" onClick={selectAllFiltered} disabled={rows.length === 0}>
            {t('ips.selectAllFiltered')}
          </button>
          {hiddenSelected > 0 ? (
            <button type="button" className="btn btn-small btn-ghost" onClick={unselectHidden}>
              {t('tablesPlus.selection.unselectHidden')}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => setSelected(new Set())}
            disabled={selected.size === 0}
          >
            {t('ips.clearSelection')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-primary"
            onClick={startRenew}
            disabled={selectedRows.length === 0}
            title={renewWhy || undefined}
            aria-describedby={renewWhy ? 'ips-renew-why' : undefined}
          >
            {renewable.picks.length > 0 ? t('renew.buttonCount', { count: renewable.picks.length }) : t('renew.button')}
          </button>
          <span id="ips-renew-why" className="visually-hidden">
            {renewWhy}
          </span>
        </div>
      </div>

      {hiddenSelected > 0 ? (
        <p className="muted small selection-note">
          {t('tablesPlus.selection.leftOut', { count: selectedRows.length })}
        </p>
      ) : null}
      {all.length === 0 ? (
        <div className="empty">
          <p className="empty-title">{t('ips.emptyTitle')}</p>
          <p>{t('ips.emptyBody')}</p>
        </div>
      ) : (
        <IpsTable
          rows={rows}
          selected={selected}
          allSelected={allFilteredSelected}
          onToggleAll={onToggleAll}
          onToggle={toggle}
          reveal={reveal}
          now={now}
          busy={shownFilter !== filter}
          onKeyDown={onTableKey}
        />
      )}

      <section className="panel export-panel" aria-labelledby={`${headingId}-exp`}>
        <h2 id={`${headingId}-exp`} className="panel-title">
          {t('ips.export.title')}
        </h2>
        <div className="export-row">
          <FilterField label={t('ips.export.format')}>
            {(fid) => (
              <select
                id={fid}
                className="input"
                value={format}
                onChange={(e) => setFormat(e.target.value as ExportFormat)}
              >
                {EXPORT_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(`ips.export.formats.${FORMAT_LABEL[f]}`)}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          {format === 'template' ? (
            <FilterField label={t('ips.export.template')} className="scope-grow">
              {(fid) => (
                <>
                  <input
                    id={fid}
                    className="input input-mono"
                    value={template}
                    onChange={(e) => setTemplate(e.target.value)}
                    aria-describedby={`${headingId}-tokens`}
                  />
                  <span id={`${headingId}-tokens`} className="field-help">
                    {t('ips.export.tokens', { tokens: TEMPLATE_TOKENS.join(' ') })}
                  </span>
                </>
              )}
            </FilterField>
          ) : null}
          <div className="export-buttons">
            <button type="button" className="btn" onClick={() => void copy()} disabled={selectedRows.length === 0}>
              {t('ips.export.copy', { count: selectedRows.length })}
            </button>
            <button type="button" className="btn btn-primary" onClick={exportFile} disabled={selectedRows.length === 0}>
              {t('ips.export.export', { count: selectedRows.length })}
            </button>
          </div>
        </div>
        <div role="status" className={message ? (message.ok ? 'flash' : 'inline-error') : 'flash flash-empty'}>
          {message?.text}
        </div>
        <FilterField label={t('ips.export.preview')}>
          {(fid) => (
            <textarea
              id={fid}
              className="input input-mono preview"
              readOnly
              rows={4}
              value={preview}
              placeholder={t('ips.export.previewEmpty')}
            />
          )}
        </FilterField>
        {selectedRows.length > PREVIEW_LINES ? (
          <p className="muted small">{t('ips.export.previewCut', { count: PREVIEW_LINES })}</p>
        ) : null}
        {!reveal ? <p className="muted small">{t('ips.export.maskedNote')}</p> : null}
      </section>
      <RenewDialog />
    </section>
  );
}
