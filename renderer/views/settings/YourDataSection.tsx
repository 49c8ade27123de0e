import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../preload/contract/errors';
import type { BackupInfo } from '../../../preload/contract/userdata';
import { getApi } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useErrorText } from '../../lib/error-text';
import { useAppStore } from '../../stores/app';
import { useBusinessStore } from '../../stores/business';
import { ExportData } from './ExportData';
import { ImportData } from './ImportData';
import { backupWhen } from './userdata-text';
import './userdata.css';

/**
 * Settings → "Your data" (issue 16 §5): the daily copies of the customers and prices with Restore, the
 * export of everything to one file, and the import of such a file (preview first).
 */
export function YourDataSection() {
  const { t } = useTranslation();
  const id = useId();
  const loadInfo = useAppStore((s) => s.loadInfo);
  const fetchBusiness = useBusinessStore((s) => s.fetch);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const errorText = useErrorText();

  const reload = useCallback(async () => {
    const r = await getApi().backups.list();
    if (r.ok) {
      setBackups(r.data);
      setLoadError(null);
    } else setLoadError(r.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** After a restore or an import: the copies, the business data and the notices are new. */
  const changed = useCallback(() => {
    void reload();
    void fetchBusiness();
    void loadInfo();
  }, [reload, fetchBusiness, loadInfo]);

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="your-data">
      <h2 id={`${id}-title`}>{t('userdata.title')}</h2>
      <p className="muted">{t('userdata.intro')}</p>
      <h3>{t('userdata.backups.title')}</h3>
      {loadError ? (
        <div className="inline-error" role="alert">
          <span>{errorText(loadError)}</span>
          <button type="button" className="btn btn-small" onClick={() => void reload()}>
            {t('app.tryAgain')}
          </button>
        </div>
      ) : null}
      {backups === null && !loadError ? <p className="muted">{t('userdata.backups.loading')}</p> : null}
      {backups?.length === 0 ? <p className="muted">{t('userdata.backups.empty')}</p> : null}
      {backups?.length ? (
        <BackupTable
          backups={backups}
          onRestored={(label) => {
            setRestored(t('userdata.backups.restored', { day: label }));
            changed();
          }}
        />
      ) : null}
      <div role="status">{restored ? <p className="flash">{restored}</p> : null}</div>
      <ExportData />
      <ImportData onImported={changed} />
    </section>
  );
}

function BackupTable({ backups, onRestored }: { backups: BackupInfo[]; onRestored: (label: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [asking, setAsking] = useState<BackupInfo | null>(null);
  const label = (b: BackupInfo) => {
    const { day, time } = backupWhen(b.at);
    return time ? `${day} ${time}` : t('userdata.backups.startOfDay', { day });
  };

  const restore = async (): Promise<string | null> => {
    if (!asking) return null;
    const r = await getApi().backups.restore({ name: asking.name });
    if (!r.ok) return errorText(r.error);
    const done = label(asking);
    setAsking(null);
    onRestored(done);
    return null;
  };

  return (
    <div className="table-wrap">
      <table className="table table-compact" aria-label={t('userdata.backups.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('userdata.backups.day')}</th>
            <th scope="col">{t('userdata.backups.customers')}</th>
            <th scope="col">{t('userdata.backups.items')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('userdata.backups.restore')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.name} data-testid="backup-row">
              <td>{label(b)}</td>
              <td>{b.customers}</td>
              <td>{b.items}</td>
              <td>
                <button type="button" className="btn btn-small" onClick={() => setAsking(b)}>
                  {t('userdata.backups.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {asking ? (
        <ConfirmDialog
          title={t('userdata.backups.confirmTitle')}
          confirmLabel={t('userdata.backups.confirm')}
          busyLabel={t('userdata.backups.restoring')}
          onClose={() => setAsking(null)}
          onConfirm={restore}
        >
          <p>
            {t('userdata.backups.confirmBody', {
              day: label(asking),
              customers: asking.customers,
              items: asking.items,
            })}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
