import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../preload/contract/errors';
import type { UserDataImportPreview, UserDataImportSummary } from '../../../preload/contract/userdata';
import { getApi } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { importFailureText } from '../../lib/business-notices';
import { useErrorText } from '../../lib/error-text';
import { knownErrorKey } from './userdata-text';

const KEYS_TEXT: Record<UserDataImportPreview['keys'], string> = {
  none: 'userdata.import.keysNone',
  locked: 'userdata.import.keysLocked',
  opened: 'userdata.import.keysOpened',
};

/**
 * "Import from a file": pick the file (read here as text), optionally type its passphrase, check it → the
 * preview main made (nothing changed yet) → Replace, confirmed → what was done, in plain words.
 */
export function ImportData({ onImported }: { onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [content, setContent] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<UserDataImportPreview | null>(null);
  const [summary, setSummary] = useState<UserDataImportSummary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const words = (e: AppError) => {
    const key = knownErrorKey(e);
    return key ? t(key) : errorText(e);
  };

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setPreview(null);
    setSummary(null);
    setFailure(null);
    if (!file) return;
    try {
      setContent(await file.text());
      setFileName(file.name);
    } catch {
      setContent(null);
      setFailure(t('userdata.import.unreadable'));
    }
  };

  const check = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setSummary(null);
    if (content === null) {
      setFailure(t('userdata.import.chooseFirst'));
      return;
    }
    setPending(true);
    const r = await getApi().userData.importPreview({ content, passphrase: passphrase ? passphrase : null });
    setPending(false);
    if (r.ok) setPreview(r.data);
    else {
      setPreview(null);
      setFailure(words(r.error));
    }
  };

  const apply = async (): Promise<string | null> => {
    if (!preview) return null;
    const r = await getApi().userData.importApply({ previewId: preview.previewId });
    if (!r.ok) return words(r.error);
    setConfirming(false);
    setPreview(null);
    setPassphrase('');
    setSummary(r.data);
    onImported();
    return null;
  };

  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <section className="userdata-part" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('userdata.import.title')}</h3>
      <p className="muted">{t('userdata.import.intro')}</p>
      <form onSubmit={(e) => void check(e)} noValidate>
        <Field id={`${id}-file`} label={t('userdata.import.file')}>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            onChange={(e) => void pick(e)}
          />
        </Field>
        <Field id={`${id}-pass`} label={t('userdata.import.passphrase')}>
          <input
            id={`${id}-pass`}
            className="input"
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </Field>
        <div className="row-actions">
          <button type="submit" className="btn" disabled={pending} aria-busy={pending || undefined}>
            {pending ? t('userdata.import.checking') : t('userdata.import.check')}
          </button>
        </div>
      </form>
      {failure ? (
        <p className="inline-error" role="alert">
          {failure}
        </p>
      ) : null}
      {preview ? (
        <section className="userdata-preview" aria-labelledby={`${id}-preview`} data-testid="import-preview">
          <h4 id={`${id}-preview`}>{t('userdata.import.previewTitle')}</h4>
          <p className="muted small">
            {fileName} ·{' '}
            {t('userdata.import.fileFrom', { date: date(preview.exportedAt), version: preview.appVersion })}
          </p>
          <ul>
            {preview.migrated ? <li>{t('userdata.import.migrated')}</li> : null}
            <li>{t(preview.settingsChanged ? 'userdata.import.settingsChanged' : 'userdata.import.settingsSame')}</li>
            <li>{t('userdata.import.customers', { ...preview.customers })}</li>
            <li>{t('userdata.import.items', { ...preview.items })}</li>
            {preview.customers.removed + preview.items.removed > 0 ? <li>{t('userdata.import.removedNote')}</li> : null}
            <li data-testid="import-keys">{t(KEYS_TEXT[preview.keys])}</li>
            {preview.proxyPassword ? <li>{t('userdata.import.proxyPassword')}</li> : null}
          </ul>
          {preview.accounts.length ? (
            <>
              <h5>{t('userdata.import.accountsTitle')}</h5>
              <ul>
                {preview.accounts.map((a) => (
                  <li key={`${a.vendor}|${a.label}`} data-testid="import-account">
                    <strong>{a.label}</strong> ({t('userdata.import.itemsOf', { count: a.items })}):{' '}
                    {t(`userdata.import.status.${a.status}`, { label: a.localLabel ?? a.label })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="row-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setPreview(null)}>
              {t('userdata.import.back')}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)}>
              {t('userdata.import.replace')}
            </button>
          </div>
        </section>
      ) : null}
      <div role="status">
        {summary ? (
          <div className="flash">
            <p>{t('userdata.import.done', { customers: summary.customers, items: summary.items })}</p>
            {summary.accountsAdded.length ? (
              <p>{t('userdata.import.added', { names: summary.accountsAdded.join(', ') })}</p>
            ) : null}
            {summary.accountsMissing.length ? (
              <p>{t('userdata.import.missing', { names: summary.accountsMissing.join(', ') })}</p>
            ) : null}
            {summary.accountsFailed.map((f) => (
              <p key={f.label}>
                {t('userdata.import.failed', {
                  label: f.label,
                  message: importFailureText(f.message, t) ?? errorText({ message: f.message }),
                })}
              </p>
            ))}
          </div>
        ) : null}
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t('userdata.import.confirmTitle')}
          confirmLabel={t('userdata.import.confirm')}
          busyLabel={t('userdata.import.replacing')}
          onClose={() => setConfirming(false)}
          onConfirm={apply}
        >
          <p>{t('userdata.import.confirmBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
