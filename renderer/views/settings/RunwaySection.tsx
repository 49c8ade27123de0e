/**
 * Balance runway settings (issue 16 §3): how many days ahead renewals count against each balance, and
 * below how many days of runway a reminder is shown (0 = off). Bounds are the schema's own.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Settings, SettingsSchema } from '../../../preload/contract/schemas';
import { describedBy, Field, leavingToSubmit } from '../../components/Field';
import { useErrorText } from '../../lib/error-text';
import { parseWholeNumber } from '../../lib/validation';
import { useSettingsStore } from '../../stores/settings';
import { type SaveStatus, SaveStatusLine } from './SaveStatusLine';

type RunwayField = 'runwayDays' | 'runwayAlertDays';
const FIELDS: RunwayField[] = ['runwayDays', 'runwayAlertDays'];
type Draft = Record<RunwayField, string>;
const toDraft = (s: Settings): Draft => ({
  runwayDays: String(s.runwayDays),
  runwayAlertDays: String(s.runwayAlertDays),
});

export function RunwaySection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const update = useSettingsStore((s) => s.update);
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<RunwayField, string | null>>>({});
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });

  useEffect(() => {
    if (!dirty) setDraft(toDraft(settings));
  }, [settings, dirty]);

  const check = (field: RunwayField, raw: string) => {
    const schema = SettingsSchema.shape[field].unwrap();
    return parseWholeNumber(raw, schema.minValue ?? 0, schema.maxValue ?? Number.MAX_SAFE_INTEGER, t);
  };

  const onChange = (field: RunwayField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setDirty(true);
    if (status.state !== 'saving') setStatus({ state: 'idle' });
    if (errors[field]) setErrors((e) => ({ ...e, [field]: check(field, value).error }));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = {
      runwayDays: check('runwayDays', draft.runwayDays),
      runwayAlertDays: check('runwayAlertDays', draft.runwayAlertDays),
    };
    setErrors({ runwayDays: checked.runwayDays.error, runwayAlertDays: checked.runwayAlertDays.error });
    const firstInvalid = FIELDS.find((f) => checked[f].error);
    if (firstInvalid) {
      document.getElementById(`${id}-${firstInvalid}`)?.focus();
      return;
    }
    setStatus({ state: 'saving' });
    const result = await update({
      runwayDays: checked.runwayDays.value as number,
      runwayAlertDays: checked.runwayAlertDays.value as number,
    });
    if (result.ok) {
      setDirty(false);
      setDraft(toDraft(result.data));
      setStatus({ state: 'saved' });
    } else {
      const field = result.error.field as RunwayField | undefined;
      if (field && FIELDS.includes(field)) {
        setErrors((e) => ({ ...e, [field]: errorText(result.error) }));
        setStatus({ state: 'idle' });
      } else {
        setStatus({ state: 'error', error: result.error });
      }
    }
  };

  const input = (field: RunwayField, label: string, help: string) => {
    const inputId = `${id}-${field}`;
    const error = errors[field];
    return (
      <Field id={inputId} label={label} help={help} error={error}>
        <input
          id={inputId}
          className="input input-narrow"
          type="text"
          inputMode="numeric"
          value={draft[field]}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(inputId, true, error)}
          onChange={(e) => onChange(field, e.target.value)}
          onBlur={(e) => {
            if (!leavingToSubmit(e)) setErrors((x) => ({ ...x, [field]: check(field, draft[field]).error }));
          }}
        />
      </Field>
    );
  };

  const saving = status.state === 'saving';
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="runway-settings">
      <h2 id={`${id}-title`}>{t('reports.settings.title')}</h2>
      <p className="muted">{t('reports.settings.intro')}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        {input('runwayDays', t('reports.settings.days'), t('reports.settings.daysHelp'))}
        {input('runwayAlertDays', t('reports.settings.alert'), t('reports.settings.alertHelp'))}
        <div className="section-status">
          <button type="submit" className="btn btn-primary" disabled={saving} aria-busy={saving || undefined}>
            {t('reports.settings.save')}
          </button>
          <SaveStatusLine status={status} />
        </div>
      </form>
    </section>
  );
}
