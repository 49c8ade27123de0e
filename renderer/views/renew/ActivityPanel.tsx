import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../preload/contract/errors';
import type { AuditRowView } from '../../../preload/contract/renewals';
import { getApi } from '../../api';
import { useErrorText } from '../../lib/error-text';
import { formatMoney } from '../../lib/format';
import { formatDateTime } from '../../lib/time';
import { useVendorsStore, vendorName } from '../../stores/vendors';
import '../../styles/renew.css';
import { HoldsNotice } from './HoldsNotice';

/** "Activity": every money action (renew, retry, check again) from main's audit log, with CSV export. */
export function ActivityPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const headingId = useId();
  const vendors = useVendorsStore((s) => s.list);
  const [rows, setRows] = useState<AuditRowView[] | null>(null);
  /** Lines of the audit log main could not read (damaged on disk): said, never hidden. */
  const [damaged, setDamaged] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [flash, setFlash] = useState<string | null>(null);

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

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once when the panel opens.
  useEffect(() => {
    void load();
  }, []);

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

  return (
    <section className="panel activity-panel" aria-labelledby={headingId}>
      <div className="activity-head">
        <h2 id={headingId} className="panel-title">
          {t('activity.title')}
        </h2>
        <div>
          <button type="button" className="btn btn-small" disabled={loading} onClick={() => void load()}>
            {loading ? t('activity.loading') : rows ? t('activity.reload') : t('activity.load')}
          </button>{' '}
          <button type="button" className="btn btn-small" onClick={() => void exportCsv()}>
            {t('activity.export')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('activity.intro')}</p>
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
      {rows && rows.length === 0 ? <p className="muted">{t('activity.empty')}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="table-wrap activity-scroll">
          <table className="table table-compact" aria-label={t('activity.title')}>
            <thead>
              <tr>
                <th scope="col">{t('activity.col.when')}</th>
                <th scope="col">{t('activity.col.action')}</th>
                <th scope="col">{t('activity.col.account')}</th>
                <th scope="col">{t('activity.col.items')}</th>
                <th scope="col">{t('activity.col.quoted')}</th>
                <th scope="col">{t('activity.col.charged')}</th>
                <th scope="col">{t('activity.col.result')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.operationId}-${r.action}-${r.at}`}>
                  <td>{formatDateTime(r.at, lang)}</td>
                  <td>{t(`activity.action.${r.action}`)}</td>
                  <td>
                    {r.accountLabel} <span className="muted small">· {vendorName(vendors, r.vendor)}</span>
                  </td>
                  <td className="small">{r.items.map((x) => x.label || x.id).join(', ')}</td>
                  <td>
                    {formatMoney(r.quoteTotal, lang)}
                    {r.vendorQuoted ? null : <span className="muted small"> ({t('activity.estimate')})</span>}
                  </td>
                  <td>{r.charged ? formatMoney(r.charged, lang) : '—'}</td>
                  <td className="small">
                    {r.result}
                    {r.message ? <div className="muted">{r.message}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
