import { useTranslation } from 'react-i18next';
import type { AuditRowView } from '../../../preload/contract/renewals';
import { nameBesideVendor } from '../../lib/account-name';
import { resultCounts } from '../../lib/activity-filter';
import { knownNote } from '../../lib/error-sentences';
import { formatMoney } from '../../lib/format';
import { formatDateTime } from '../../lib/time';
import { useVendorsStore, vendorName } from '../../stores/vendors';

/** The result column in the UI language: counts from the items; "up to … may have been charged" kept. */
function ResultText({ row }: { row: AuditRowView }) {
  const { t } = useTranslation();
  const c = resultCounts(row);
  const upTo = /\(up to (.+) may have been charged\)/.exec(row.result)?.[1];
  return (
    <>
      {t('formsPlus.activity.result', c)}
      {c.unknown > 0 ? `${t('formsPlus.activity.resultUnknown', { count: c.unknown })}` : ''}
      {upTo ? ` ${t('formsPlus.activity.upTo', { amount: upTo })}` : ''}
    </>
  );
}

export function ActivityTable({ rows }: { rows: AuditRowView[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vendors = useVendorsStore((s) => s.list);
  return (
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
                {nameBesideVendor({ label: r.accountLabel, vendor: r.vendor })}{' '}
                <span className="muted small">· {vendorName(vendors, r.vendor)}</span>
              </td>
              <td className="small">{r.items.map((x) => x.label || x.id).join(', ')}</td>
              <td>
                {formatMoney(r.quoteTotal, lang)}
                {r.vendorQuoted ? null : <span className="muted small"> ({t('activity.estimate')})</span>}
              </td>
              <td>{r.charged ? formatMoney(r.charged, lang) : '—'}</td>
              <td className="small">
                <ResultText row={r} />
                {r.message ? <div className="muted">{knownNote(r.message, lang, t)}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
