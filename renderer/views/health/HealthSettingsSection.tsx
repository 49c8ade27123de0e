/**
 * Proxy check settings (issue 15 §3): the check address, how many at once, the time limit and the slow
 * line (settings.health). Bounds are the schema's own; the time limit is typed in seconds.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HealthSettingsSchema, type Settings } from '../../../preload/contract/schemas';
import { describedBy, Field, leavingToSubmit } from '../../components/Field';
import { useErrorText } from '../../lib/error-text';
import { parseWholeNumber } from '../../lib/validation';
import { useSettingsStore } from '../../stores/settings';
import { type SaveStatus, SaveStatusLine } from '../settings/SaveStatusLine';

type HField = 'checkUrl' | 'concurrency' | 'timeoutS' | 'slowMs';
const FIELDS: HField[] = ['checkUrl', 'concurrency', 'timeoutS', 'slowMs'];
type Draft = Record<HField, string>;
const toDraft = (s: Settings): Draft => ({
  checkUrl: s.health.checkUrl,
  concurrency: String(s.health.concurrency),
  timeoutS: String(Math.round(s.health.timeoutMs / 1000)),
  slowMs: String(s.health.slowMs),
});
const shape = HealthSettingsSchema.shape;

export function HealthSettingsSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const update = useSettingsStore((s) => s.update);
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<HField, string | null>>>({});
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });

  useEffect(() => {
    if (!dirty) setDraft(toDraft(settings));
  }, [settings, dirty]);

  const check = (field: HField, raw: string): { value: string | number | null; error: string | null } => {
    if (field === 'checkUrl') {
      const v = raw.trim();
      const ok = /^https?:\/\//i.test(v) && shape.checkUrl.safeParse(v).success;
      return ok ? { value: v, error: null } : { value: null, error: t('health.settings.urlInvalid') };
    }
    if (field === 'timeoutS') {
      const min = Math.ceil((shape.timeoutMs.minValue ?? 1000) / 1000);
      const max = Math.floor((shape.timeoutMs.maxValue ?? 60_000) / 1000);
      return parseWholeNumber(raw, min, max, t);
    }
    const s = shape[field];
    return parseWholeNumber(raw, s.minValue ?? 0, s.maxValue ?? Number.MAX_SAFE_INTEGER, t);
  };

  const onChange = (field: HField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setDirty(true);
    if (status.state !== 'saving') setStatus({ state: 'idle' });
    if (errors[field]) setErrors((e) => ({ ...e, [field]: check(field, value).error }));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = Object.fromEntries(FIELDS.map((f) => [f, check(f, draft[f])])) as Record<
      HField,
      ReturnType<typeof check>
    >;
    setErrors(Object.fromEntries(FIELDS.map((f) => [f, checked[f].error])));
    const firstInvalid = FIELDS.find((f) => checked[f].error);
    if (firstInvalid) {
      document.getElementById(`${id}-${firstInvalid}`)?.focus();
      return;
    }
    setStatus({ state: 'saving' });
    const result = await update({
      health: {
        checkUrl: checked.checkUrl.value as string,
        concurrency: checked.concurrency.value as number,
        timeoutMs: (checked.timeoutS.value as number) * 1000,
        slowMs: checked.slowMs.value as number,
      },
    });
    if (result.ok) {
      setDirty(false);
      setDraft(toDraft(result.data));
      setStatus({ state: 'saved' });
    } else {
      setStatus({ state: 'error', error: result.error });
      if (result.error.field) setErrors((e) => ({ ...e, checkUrl: errorText(result.error) }));
    }
  };

  const input = (field: HField, label: string, help: string, wide = false) => {
    const inputId = `${id}-${field}`;
    const error = errors[field];
    return (
      <Field id={inputId} label={label} help={help} error={error}>
        <input
          id={inputId}
          className={wide ? 'input' : 'input input-narrow'}
          type="text"
          inputMode={wide ? 'url' : 'numeric'}
          value={draft[field]}
          autoComplete="off"
          spellCheck={false}
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
    <section className="card" aria-labelledby={`${id}-title`} data-testid="health-settings">
      <h2 id={`${id}-title`}>{t('health.settings.title')}</h2>
      <p className="muted">{t('health.settings.intro')}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        {input('checkUrl', t('health.settings.url'), t('health.settings.urlHelp'), true)}
        {input('concurrency', t('health.settings.concurrency'), t('health.settings.concurrencyHelp'))}
        {input('timeoutS', t('health.settings.timeout'), t('health.settings.timeoutHelp'))}
        {input('slowMs', t('health.settings.slow'), t('health.settings.slowHelp'))}
        <div className="section-status">
          <button type="submit" className="btn btn-primary" disabled={saving} aria-busy={saving || undefined}>
            {t('health.settings.save')}
          </button>
          <SaveStatusLine status={status} />
        </div>
      </form>
    </section>
  );
}
