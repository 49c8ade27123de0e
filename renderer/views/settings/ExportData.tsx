import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE } from '../../../preload/contract/userdata';
import { getApi } from '../../api';
import { describedBy, Field } from '../../components/Field';
import { saveText } from '../../lib/download';
import { useErrorText } from '../../lib/error-text';
import { knownErrorKey, passphraseStrength } from './userdata-text';

/**
 * "Export everything to a file": no keys by default; with the box ticked, a passphrase typed twice (with a
 * strength hint) locks the keys, in main. The passphrase is sent once and forgotten here after the export.
 */
export function ExportData() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [includeKeys, setIncludeKeys] = useState(false);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ pass?: string; again?: string }>({});
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const strength = pass ? passphraseStrength(pass) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setFailure(null);
    if (includeKeys) {
      const next: typeof errors = {};
      if ([...pass].length < MIN_PASSPHRASE) next.pass = t('userdata.export.tooShort');
      else if (pass !== again) next.again = t('userdata.export.mismatch');
      setErrors(next);
      if (next.pass || next.again) return;
    }
    setPending(true);
    const r = await getApi().userData.export({ includeKeys, passphrase: includeKeys ? pass : null });
    setPending(false);
    if (!r.ok) {
      const key = knownErrorKey(r.error);
      setFailure(key ? t(key) : errorText(r.error));
      return;
    }
    saveText(r.data.content, r.data.fileName, 'application/json');
    setPass('');
    setAgain('');
    setDone(
      includeKeys
        ? t('userdata.export.doneKeys', { file: r.data.fileName, count: r.data.keys })
        : t('userdata.export.done', { file: r.data.fileName }),
    );
  };

  return (
    <form className="userdata-part" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${id}-title`}>{t('userdata.export.title')}</h3>
      <p className="muted">{t('userdata.export.intro')}</p>
      <div className="field">
        <label className="userdata-check">
          <input
            type="checkbox"
            checked={includeKeys}
            aria-describedby={`${id}-keys-help`}
            onChange={(e) => {
              setIncludeKeys(e.target.checked);
              setErrors({});
            }}
          />{' '}
          {t('userdata.export.includeKeys')}
        </label>
        <p id={`${id}-keys-help`} className="field-help">
          {t('userdata.export.includeKeysHelp')}
        </p>
      </div>
      {includeKeys ? (
        <>
          <Field
            id={`${id}-pass`}
            label={t('userdata.export.passphrase')}
            help={
              <>
                {t('userdata.export.passphraseHelp')}
                {strength ? (
                  <>
                    {' '}
                    <span className={`userdata-strength userdata-strength-${strength}`} data-testid="strength">
                      {t(`userdata.export.strength.${strength}`)}
                    </span>
                  </>
                ) : null}
              </>
            }
            error={errors.pass ?? null}
          >
            <input
              id={`${id}-pass`}
              className="input"
              type="password"
              autoComplete="new-password"
              value={pass}
              aria-invalid={errors.pass ? true : undefined}
              aria-describedby={describedBy(`${id}-pass`, true, errors.pass)}
              onChange={(e) => setPass(e.target.value)}
            />
          </Field>
          <Field id={`${id}-again`} label={t('userdata.export.passphraseAgain')} error={errors.again ?? null}>
            <input
              id={`${id}-again`}
              className="input"
              type="password"
              autoComplete="new-password"
              value={again}
              aria-invalid={errors.again ? true : undefined}
              aria-describedby={describedBy(`${id}-again`, false, errors.again)}
              onChange={(e) => setAgain(e.target.value)}
            />
          </Field>
        </>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="btn" disabled={pending} aria-busy={pending || undefined}>
          {pending ? t('userdata.export.working') : t('userdata.export.button')}
        </button>
      </div>
      <div role="status">{done ? <p className="flash">{done}</p> : null}</div>
      {failure ? (
        <p className="inline-error" role="alert">
          {failure}
        </p>
      ) : null}
    </form>
  );
}
