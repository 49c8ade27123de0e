import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type MouseEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyStatus } from '../../preload/contract/model';
import { FilterField } from '../components/FilterField';
import { RefreshStrip } from '../components/RefreshStrip';
import { type Scope, ScopeFilter } from '../components/ScopeFilter';
import { EMPTY_IP_FILTER, filterIps, type IpFilter, type IpRow, ipRows } from '../lib/inventory';
import {
  DEFAULT_TEMPLATE,
  EXPORT_FORMATS,
  type ExportFormat,
  exportFileName,
  formatProxies,
  TEMPLATE_TOKENS,
} from '../lib/proxy-format';
import { formatVendorTime, useNow } from '../lib/time';
import { useAccountsStore } from '../stores/accounts';
import { useAppStore } from '../stores/app';
import { useRenewalsStore } from '../stores/renewals';
import { useSnapshotsStore } from '../stores/snapshots';
import { naiveTimeOf, useVendorsStore } from '../stores/vendors';
import '../styles/inventory.css';
import { ipPicks } from './renew/picks';
import { RenewDialog } from './renew/RenewDialog';

const ROW_HEIGHT = 36;
const STATUSES: ProxyStatus[] = ['active', 'pending', 'expired', 'disabled', 'unknown'];
const MASK = '••••••';
const PREVIEW_LINES = 200;

const FORMAT_LABEL: Record<ExportFormat, string> = {
  'ip:port:user:pass': 'colon',
  'user:pass@ip:port': 'at',
  http: 'http',
  socks5: 'socks5',
  csv: 'csv',
  template: 'template',
};

const toCsvRow = (r: IpRow) => ({ ...r, vendor: r.vendorName, account: r.accountLabel });

export function IpsView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const now = useNow(60_000);
  const accounts = useAccountsStore((s) => s.items);
  const vendors = useVendorsStore((s) => s.list);
  const byAccount = useSnapshotsStore((s) => s.byAccount);

  const [filter, setFilter] = useState<IpFilter>(EMPTY_IP_FILTER);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [reveal, setReveal] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('ip:port:user:pass');
  const [template, setTemplate] = useState(DEFAULT_TEMPLATE);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLElement>(null);

  const all = useMemo(() => ipRows(accounts, vendors, byAccount), [accounts, vendors, byAccount]);
  const focus = useAppStore((s) => s.focus);
  const clearFocus = useAppStore((s) => s.clearFocus);
  // A clicked reminder narrows the table to its items (row key = `${accountId}|p|${id}` or `|s|`).
  const focused = useMemo(() => {
    if (!focus) return all;
    const ids = new Set(focus.itemIds);
    return all.filter((r) => r.accountId === focus.accountId && ids.has(r.key.split('|').slice(2).join('|')));
  }, [all, focus]);
  const rows = useMemo(() => filterIps(focused, filter, now), [focused, filter, now]);
  const countries = useMemo(
    () => [...new Set(all.map((r) => r.country).filter((c): c is string => !!c))].sort(),
    [all],
  );
  const selectedRows = useMemo(
    () => (selected.size === 0 ? [] : all.filter((r) => selected.has(r.key))),
    [all, selected],
  );
  const renewable = useMemo(() => ipPicks(selectedRows, vendors), [selectedRows, vendors]);
  const startRenew = () => {
    if (renewable.skipped > 0) setMessage({ ok: false, text: t('renew.notRenewable', { count: renewable.skipped }) });
    useRenewalsStore.getState().start(renewable.picks);
  };
  const allFilteredSelected =
    rows.length > 0 && selectedRows.length >= rows.length && rows.every((r) => selected.has(r.key));

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const set = <K extends keyof IpFilter>(k: K, v: IpFilter[K]) => setFilter((f) => ({ ...f, [k]: v }));

  const selectAllFiltered = useCallback(() => {
    setSelected(new Set(rows.map((r) => r.key)));
  }, [rows]);

  const toggle = (index: number, e: MouseEvent<HTMLInputElement>) => {
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
  };

  const text = useCallback((list: IpRow[]) => formatProxies(list.map(toCsvRow), format, template), [format, template]);

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
    const blob = new Blob([text(selectedRows)], { type: format === 'csv' ? 'text/csv' : 'text/plain' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(format);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ ok: true, text: t('ips.exported', { count: selectedRows.length, file: a.download }) });
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

  const onTableKey = (e: KeyboardEvent<HTMLElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === 'a') {
      e.preventDefault();
      selectAllFiltered();
    } else if (k === 'c') {
      e.preventDefault();
      void copy();
    }
  };

  const preview = useMemo(() => {
    const shown = selectedRows
      .slice(0, PREVIEW_LINES)
      .map((r) => (reveal ? r : { ...r, pass: r.pass ? MASK : r.pass }));
    return text(shown);
  }, [selectedRows, reveal, text]);

  const scope: Scope = { vendor: filter.vendor, accountId: filter.accountId };
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

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
                <option key={c} value={c}>
                  {c}
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
        <FilterField label={t('ips.filters.expiresWithin')} className="scope-narrow">
          {(fid) => (
            <input
              id={fid}
              className="input"
              type="number"
              min={0}
              max={3650}
              placeholder={t('ips.filters.anyDays')}
              value={filter.expiresWithinDays ?? ''}
              onChange={(e) =>
                set('expiresWithinDays', e.target.value === '' ? null : Math.max(0, Number(e.target.value)))
              }
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
          {t('ips.focus.text', { count: focused.length })}{' '}
          <button type="button" className="btn btn-small" onClick={clearFocus}>
            {t('ips.focus.showAll')}
          </button>
        </div>
      ) : null}
      <div className="ips-toolbar">
        <p className="muted count" role="status">
          {t('ips.count', { count: rows.length, total: all.length })}
          {selected.size > 0 ? ` · ${t('ips.selectedCount', { count: selectedRows.length })}` : ''}
        </p>
        <div className="ips-actions">
          <button type="button" className="btn btn-small" onClick={selectAllFiltered} disabled={rows.length === 0}>
            {t('ips.selectAllFiltered')}
          </button>
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
            disabled={renewable.picks.length === 0}
          >
            {renewable.picks.length > 0 ? t('renew.buttonCount', { count: renewable.picks.length }) : t('renew.button')}
          </button>
        </div>
      </div>

      {all.length === 0 ? (
        <div className="empty">
          <p className="empty-title">{t('ips.emptyTitle')}</p>
          <p>{t('ips.emptyBody')}</p>
        </div>
      ) : (
        <section
          ref={scrollRef}
          className="table-wrap ips-scroll"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the scroll area takes focus for Ctrl+A / Ctrl+C.
          tabIndex={0}
          onKeyDown={onTableKey}
          aria-label={t('ips.tableHint')}
        >
          <table
            className="table table-compact ips-table"
            aria-label={t('ips.tableLabel')}
            aria-rowcount={rows.length + 1}
          >
            <colgroup>
              <col style={{ width: 40 }} />
              <col style={{ width: '17%' }} />
              <col style={{ width: 72 }} />
              <col style={{ width: '13%' }} />
              <col style={{ width: '13%' }} />
              <col style={{ width: 70 }} />
              <col style={{ width: '19%' }} />
              <col style={{ width: 90 }} />
              <col style={{ width: 110 }} />
            </colgroup>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('ips.selectAllFiltered')}
                    checked={allFilteredSelected}
                    onChange={() => (allFilteredSelected ? setSelected(new Set()) : selectAllFiltered())}
                  />
                </th>
                <th scope="col">{t('ips.col.ip')}</th>
                <th scope="col">{t('ips.col.port')}</th>
                <th scope="col">{t('ips.col.user')}</th>
                <th scope="col">{t('ips.col.pass')}</th>
                <th scope="col">{t('ips.col.country')}</th>
                <th scope="col">{t('ips.col.account')}</th>
                <th scope="col">{t('ips.col.status')}</th>
                <th scope="col">{t('ips.col.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {padTop > 0 ? (
                <tr className="spacer">
                  <td colSpan={9} style={{ height: padTop }} />
                </tr>
              ) : null}
              {items.map((v) => {
                const r = rows[v.index];
                if (!r) return null;
                const on = selected.has(r.key);
                return (
                  <tr
                    key={r.key}
                    aria-rowindex={v.index + 2}
                    aria-selected={on}
                    className={on ? 'row-selected' : undefined}
                    style={{ height: ROW_HEIGHT }}
                  >
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('ips.selectRow', { ip: r.port == null ? r.ip : `${r.ip}:${r.port}` })}
                        checked={on}
                        onChange={() => {}}
                        onClick={(e) => toggle(v.index, e)}
                      />
                    </td>
                    <td className="mono">{r.ip}</td>
                    <td className="mono">{r.port ?? '—'}</td>
                    <td className="mono ellipsis">{r.user ?? '—'}</td>
                    <td className="mono ellipsis" data-testid="ip-pass">
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
                    <td>{r.country ?? '—'}</td>
                    <td className="ellipsis" title={`${r.accountLabel} · ${r.vendorName}`}>
                      {r.accountLabel} <span className="muted small">· {r.vendorName}</span>
                    </td>
                    <td>
                      <span className={`pill pill-${r.status}`}>{t(`ips.status.${r.status}`)}</span>
                    </td>
                    <td className={r.expiresMs != null && r.expiresMs < now ? 'danger-text' : undefined}>
                      {r.expiresAt ? formatVendorTime(r.expiresAt, lang, naiveTimeOf(vendors, r.vendor), t) : '—'}
                    </td>
                  </tr>
                );
              })}
              {padBottom > 0 ? (
                <tr className="spacer">
                  <td colSpan={9} style={{ height: padBottom }} />
                </tr>
              ) : null}
            </tbody>
          </table>
          {rows.length === 0 ? <p className="muted ips-nomatch">{t('ips.noMatch')}</p> : null}
        </section>
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
