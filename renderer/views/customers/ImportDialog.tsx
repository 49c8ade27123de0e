import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentImportPreview } from '../../../preload/contract/business';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useErrorText } from '../../lib/error-text';
import { formatMoney } from '../../lib/format';
import { useBusinessStore } from '../../stores/business';

const SHOWN = 500;

/**
 * CSV import of assignments: paste or pick a file → a preview of every line (errors in plain words,
 * new customers listed) → Apply (only the good lines) → the result. Nothing changes before Apply.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const importPreview = useBusinessStore((s) => s.importPreview);
  const importApply = useBusinessStore((s) => s.importApply);
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<AssignmentImportPreview | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setCsv(await file.text());
    setPreview(null);
  };
  const check = async () => {
    setPending(true);
    setError(null);
    const r = await importPreview(csv);
    setPending(false);
    if (r.ok) setPreview(r.data);
    else setError(errorText(r.error));
  };
  const apply = async () => {
    if (!preview) return;
    setPending(true);
    setError(null);
    const r = await importApply(preview.previewId);
    setPending(false);
    if (!r.ok) setError(errorText(r.error));
    else setDone(t('customers.import.applied', { count: preview.ok, skipped: preview.errors }));
  };

  return (
    <Dialog title={t('customers.import.title')} onClose={onClose} busy={pending} wide>
      {done ? (
        <p className="flash" role="status">
          {done}
        </p>
      ) : preview ? (
        <div className="dialog-body">
          <p role="status">
            {t('customers.import.summaryOk', { count: preview.ok })}{' '}
            {t('customers.import.summaryErrors', { count: preview.errors })}
          </p>
          {preview.newCustomers.length > 0 ? (
            <p>
              {t('customers.import.newCustomers', {
                names: preview.newCustomers.join(', '),
                count: preview.newCustomers.length,
              })}
            </p>
          ) : null}
          <div className="table-wrap customers-import-scroll">
            <table className="table table-compact" aria-label={t('customers.import.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('customers.import.col.line')}</th>
                  <th scope="col">{t('customers.import.col.item')}</th>
                  <th scope="col">{t('customers.import.col.customer')}</th>
                  <th scope="col">{t('customers.import.col.price')}</th>
                  <th scope="col">{t('customers.import.col.result')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.lines.slice(0, SHOWN).map((l) => (
                  <tr key={l.line} className={l.error ? 'customers-bad-line' : undefined} data-testid="import-line">
                    <td>{l.line}</td>
                    <td className="mono" title={l.text}>
                      {l.itemLabel ?? l.text}
                    </td>
                    <td>
                      {l.customerName}
                      {l.customerId === null && l.customerName && !l.error ? (
                        <span className="muted small"> · {t('customers.import.new')}</span>
                      ) : null}
                    </td>
                    <td>{l.price ? formatMoney(l.price, i18n.language) : '—'}</td>
                    <td className={l.error ? 'danger-text' : undefined}>{l.error ?? t('customers.import.ok')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.lines.length > SHOWN ? (
            <p className="muted small">{t('customers.import.cut', { count: SHOWN, total: preview.lines.length })}</p>
          ) : null}
        </div>
      ) : (
        <div className="dialog-body">
          <p className="muted">{t('customers.import.intro')}</p>
          <pre className="customers-example mono">{t('customers.import.example')}</pre>
          <Field id={`${id}-csv`} label={t('customers.import.paste')}>
            <textarea
              id={`${id}-csv`}
              className="input input-mono"
              rows={8}
              value={csv}
              onChange={(e) => setCsv(e.target.value)}
            />
          </Field>
          <Field id={`${id}-file`} label={t('customers.import.file')}>
            <input id={`${id}-file`} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void pick(e)} />
          </Field>
        </div>
      )}
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="dialog-actions">
        {preview && !done ? (
          <button type="button" className="btn btn-ghost" onClick={() => setPreview(null)} disabled={pending}>
            {t('customers.import.back')}
          </button>
        ) : null}
        <span className="spacer" />
        <button type="button" className="btn btn-ghost" onClick={onClose} disabled={pending}>
          {done ? t('common.close') : t('common.cancel')}
        </button>
        {done ? null : preview ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void apply()}
            disabled={pending || preview.ok === 0}
            aria-busy={pending || undefined}
          >
            {t('customers.import.apply', { count: preview.ok })}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void check()}
            disabled={pending || csv.trim() === ''}
            aria-busy={pending || undefined}
          >
            {t('customers.import.check')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
