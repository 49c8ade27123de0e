/**
 * Activity: every money action (renew, retry, check again) from main's audit log, as its own view.
 * It loads by itself, filters by provider, account, action, date range and text, and exports the
 * whole log as CSV. Damaged log lines are counted (never hidden), and damaged renewal records that
 * still block items are shown above the list (HoldsNotice).
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../preload/contract/errors';
import type { AuditRowView } from '../../preload/contract/renewals';
import { getApi } from '../api';
import { FilterField } from '../components/FilterField';
import { ScopeFilter } from '../components/ScopeFilter';
import { type ActivityFilter, filterActivity, NO_ACTIVITY_FILTER, rangeBackwards } from '../lib/activity-filter';
import { useErrorText } from '../lib/error-text';
import { ActivityTable } from './activity/ActivityTable';
import { HoldsNotice } from './renew/HoldsNotice';
import '../styles/renew.css';
import '../styles/inventory.css';

export function ActivityView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const [rows, setRows] = useState<AuditRowView[] | null>(null);
  /** Lines of the audit log main could not read (damaged on disk): said, never hidden. */
  const [damaged, setDamaged] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [filter, setFilter] = useState<ActivityFilter>(NO_ACTIVITY_FILTER);

  const load = async () => {
    setLoading(true);
    setError(null);
    const r = await getApi().audit.list();
    setLoading(false);
    if (r.ok) {
      setRows([...r.data.rows].reverse());
      setDamaged(r.data.damagedLines);
    } else setError(r.error);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once when the view opens.
  useEffect(() => {
    void load();
  }, []);

  const backwards = rangeBackwards(filter);
  const shown = useMemo(
    () => (rows ? filterActivity(rows, backwards ? { ...filter, from: '', to: '' } : filter) : []),
    [rows, filter, backwards],
  );
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_ACTIVITY_FILTER);

  const exportCsv = async () => {
    setError(null);
    const r = await getApi().audit.csv();
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const file = `proxydeck-activity-${new Date().toISOString().slice(0, 10)}.csv`;
    const url = URL.createObjectURL(new Blob([r.data], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setFlash(t('activity.exported', { file }));
  };

  const set = (patch: Partial<ActivityFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <section className="view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('activity.title')}
          </h1>
          <p className="muted">{t('activity.intro')}</p>
        </div>
        <div className="row-actions">
          <button type="button" className="btn" disabled={loading} onClick={() => void load()}>
            {loading ? t('activity.loading') : t('activity.reload')}
          </button>
          <button type="button" className="btn" onClick={() => void exportCsv()} aria-describedby={`${headingId}-csv`}>
            {t('activity.export')}
          </button>
        </div>
      </header>
      <p id={`${headingId}-csv`} className="muted small">
        {t('formsPlus.activity.csvNote')}
      </p>
      <HoldsNotice />
      {error ? (
        <p className="inline-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
      {flash ? (
        <p className="flash" role="status">
          {flash}
        </p>
      ) : null}
      {rows && damaged > 0 ? (
        <div className="banner banner-warning" role="status">
          <div className="banner-text">{t('activity.damaged', { count: damaged })}</div>
        </div>
      ) : null}

      <fieldset className="filters">
        <legend className="visually-hidden">{t('formsPlus.activity.filters')}</legend>
        <ScopeFilter
          value={{ vendor: filter.vendor, accountId: filter.accountId }}
          onChange={(v) => set({ vendor: v.vendor, accountId: v.accountId })}
        />
        <FilterField label={t('activity.col.action')} className="scope-narrow">
          {(id) => (
            <select
              id={id}
              className="input"
              value={filter.action}
              onChange={(e) => set({ action: e.target.value as ActivityFilter['action'] })}
            >
              <option value="all">{t('formsPlus.activity.allActions')}</option>
              {(['renew', 'retry', 'reconcile', 'buy'] as const).map((a) => (
                <option key={a} value={a}>
                  {t(`activity.action.${a}`)}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField label={t('formsPlus.activity.from')} className="scope-narrow">
          {(id) => (
            <input
              id={id}
              className="input"
              type="date"
              value={filter.from}
              onChange={(e) => set({ from: e.target.value })}
            />
          )}
        </FilterField>
        <FilterField
          label={t('formsPlus.activity.to')}
          className="scope-narrow"
          error={backwards ? t('formsPlus.activity.backwards') : null}
        >
          {(id, errorId) => (
            <input
              id={id}
              className="input"
              type="date"
              value={filter.to}
              aria-invalid={backwards || undefined}
              aria-describedby={errorId}
              onChange={(e) => set({ to: e.target.value })}
            />
          )}
        </FilterField>
        <FilterField label={t('formsPlus.activity.search')} className="scope-grow">
          {(id) => (
            <input
              id={id}
              className="input"
              type="search"
              value={filter.text}
              placeholder={t('formsPlus.activity.searchPlaceholder')}
              onChange={(e) => set({ text: e.target.value })}
            />
          )}
        </FilterField>
        {filtered ? (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setFilter(NO_ACTIVITY_FILTER)}>
            {t('formsPlus.activity.clear')}
          </button>
        ) : null}
      </fieldset>

      {rows === null && loading ? (
        <p role="status" className="progress">
          <span className="spinner" aria-hidden="true" /> {t('activity.loading')}
        </p>
      ) : null}
      {rows ? (
        <p className="muted count" role="status">
          {t('formsPlus.activity.count', { count: shown.length, total: rows.length })}
        </p>
      ) : null}
      {rows && rows.length === 0 ? <p className="empty">{t('activity.empty')}</p> : null}
      {rows && rows.length > 0 && shown.length === 0 ? (
        <p className="empty">{t('formsPlus.activity.noMatch')}</p>
      ) : null}
      {shown.length > 0 ? <ActivityTable rows={shown} /> : null}
    </section>
  );
}
