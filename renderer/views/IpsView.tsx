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
import { RefreshStrip } from '../components/RefreshStrip';
import { countryOptions } from '../lib/country-name';
import type { RowIndex } from '../lib/filter-index';
import {
  EMPTY_IP_FILTER,
  filterIps,
  type IpFilter,
  type IpRow,
  ipIndex,
  ipRows,
  visibleSelection,
} from '../lib/inventory';
import { useNow } from '../lib/time';
import { useAccountsStore } from '../stores/accounts';
import { useAppStore } from '../stores/app';
import { useBusinessStore } from '../stores/business';
import { useHealthStore } from '../stores/health';
import { useRenewalsStore } from '../stores/renewals';
import { useSnapshotsStore } from '../stores/snapshots';
import { useVendorsStore } from '../stores/vendors';
import '../styles/inventory.css';
import { BuyButton } from './buy/BuyButton';
import { AssignDialog } from './customers/AssignDialog';
import { CustomerFilterField } from './customers/CustomerFilterField';
import { type CustomerFilter, customerTest, ipItemKey, ipItemRef } from './customers/model';
import { ReminderRenew } from './dashboard/ReminderRenew';
import { CheckButton } from './health/CheckButton';
import { HealthBar } from './health/HealthBar';
import { HealthFilterField } from './health/HealthFilterField';
import { type HealthFilter, healthTest } from './health/model';
import { ExportPanel } from './ips/ExportPanel';
import { IpFilters } from './ips/IpFilters';
import { IpsTable } from './ips/IpsTable';
import { useIpExport } from './ips/useIpExport';
import { ipPicks } from './renew/picks';
import { RenewDialog } from './renew/RenewDialog';

/**
 * The search index of `all`, built just after the rows are first shown (the first rows do not wait
 * for it: an empty search needs none); a search typed before then builds it at once.
 */
function useIpIndex(all: IpRow[], searching: boolean): RowIndex | undefined {
  const [built, setBuilt] = useState<{ rows: IpRow[]; index: RowIndex } | null>(null);
  useEffect(() => {
    // When the window is idle (after the rows are painted), or within half a second at the latest.
    const build = () => setBuilt({ rows: all, index: ipIndex(all) });
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(build, { timeout: 500 });
      return () => cancelIdleCallback(idle);
    }
    const timer = setTimeout(build, 50);
    return () => clearTimeout(timer);
  }, [all]);
  const ready = built?.rows === all ? built.index : undefined;
  return useMemo(() => ready ?? (searching ? ipIndex(all) : undefined), [ready, searching, all]);
}

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
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [reveal, setReveal] = useState(false);
  const [customer, setCustomer] = useState<CustomerFilter>('all');
  const [assigning, setAssigning] = useState(false);
  const business = useBusinessStore((s) => s.index);
  const [healthFilter, setHealthFilter] = useState<HealthFilter>('all');
  // Read only while the Health filter is on: results streaming in do not re-filter 100,000 rows otherwise.
  const health = useHealthStore((s) => (healthFilter === 'all' ? null : s.byKey));
  const searchRef = useRef<HTMLInputElement>(null);

  const all = useMemo(() => ipRows(accounts, vendors, byAccount), [accounts, vendors, byAccount]);
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
  // The Customer and Health filters read their Maps by each row's itemKey (no search per row).
  const keepShown = useMemo(() => {
    const test = customerTest(business, customer);
    const healthy = health ? healthTest(health, healthFilter) : undefined;
    if (!test && !healthy) return keep;
    return (r: IpRow) => {
      if (keep !== undefined && !keep(r)) return false;
      const k = ipItemKey(r);
      return (!test || test(k)) && (!healthy || healthy(k));
    };
  }, [keep, business, customer, health, healthFilter]);
  const focusedCount = useMemo(() => (keep ? all.filter(keep).length : all.length), [all, keep]);
  // The filter boxes answer at once; the table follows in a deferred render that the next key interrupts.
  const shownFilter = useDeferredValue(filter);
  // Built once per snapshot change; each keystroke then searches one string (see filter-index.ts).
  const index = useIpIndex(all, shownFilter.text.trim() !== '');
  const rows = useMemo(
    () => filterIps(all, shownFilter, now, index, keepShown),
    [all, shownFilter, now, index, keepShown],
  );
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

  const checkItems = useMemo(() => selectedRows.map(ipItemRef), [selectedRows]);
  const exp = useIpExport(selectedRows, reveal);
  const { copy } = exp;

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

  return (
    <section className="view view-wide inventory-view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('ips.title')}
          </h1>
          <p className="muted">{t('ips.intro')}</p>
        </div>
        <div className="input-with-button">
          <button type="button" className="btn" aria-pressed={reveal} onClick={() => setReveal((r) => !r)}>
            {reveal ? t('ips.hidePasswords') : t('ips.revealPasswords')}
          </button>
          <BuyButton />
        </div>
      </header>
      <RefreshStrip />

      <IpFilters
        filter={filter}
        setFilter={setFilter}
        daysText={daysText}
        setDaysText={setDaysText}
        countries={countries}
        searchRef={searchRef}
      >
        <CustomerFilterField value={customer} onChange={setCustomer} />
        <HealthFilterField value={healthFilter} onChange={setHealthFilter} />
      </IpFilters>

      {focus ? (
        <div className="flash" role="status">
          {focus.from === 'search'
            ? t('search.focused', { count: focusedCount })
            : t('ips.focus.text', { count: focusedCount })}{' '}
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
          <CheckButton items={checkItems} />
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setAssigning(true)}
            disabled={selectedRows.length === 0}
          >
            {selectedRows.length > 0
              ? t('customers.assign.buttonCount', { count: selectedRows.length })
              : t('customers.assign.button')}
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

      <HealthBar />
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

      <ExportPanel headingId={headingId} exp={exp} count={selectedRows.length} reveal={reveal} />
      <RenewDialog />
      {assigning ? <AssignDialog items={selectedRows.map(ipItemRef)} onClose={() => setAssigning(false)} /> : null}
    </section>
  );
}
