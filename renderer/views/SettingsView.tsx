import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Settings, SettingsSchema, THEMES } from '../../preload/contract/schemas';
import { describedBy, Field, leavingToSubmit } from '../components/Field';
import { useErrorText } from '../lib/error-text';
import { parseWholeNumber } from '../lib/validation';
import { useAppStore } from '../stores/app';
import { useSettingsStore } from '../stores/settings';
import { HealthSettingsSection } from './health/HealthSettingsSection';
import { ConnectionSection } from './settings/ConnectionSection';
import { RunwaySection } from './settings/RunwaySection';
import { type SaveStatus, SaveStatusLine } from './settings/SaveStatusLine';
import { TestReminderSection } from './settings/TestReminderSection';
import { YourDataSection } from './settings/YourDataSection';
import { FollowIpSection } from './whitelist/FollowIpSwitch';

const THEME_KEYS: Record<Settings['theme'], string> = {
  system: 'settings.themeSystem',
  light: 'settings.themeLight',
  dark: 'settings.themeDark',
};
const LANGUAGE_KEYS: Record<Settings['language'], string> = { en: 'settings.langEn', 'zh-CN': 'settings.langZh' };

type NumberField = 'refreshIntervalMin' | 'expiryWindowDays' | 'reminderDays' | 'lowBalanceUsd';
type Draft = Record<NumberField, string>;

const toDraft = (s: Settings): Draft => ({
  refreshIntervalMin: String(s.refreshIntervalMin),
  expiryWindowDays: String(s.expiryWindowDays),
  reminderDays: s.reminderDays.join(', '),
  lowBalanceUsd: String(s.lowBalanceUsd),
});

export function SettingsView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const settings = useSettingsStore((s) => s.settings);
  const load = useSettingsStore((s) => s.load);
  const fetch = useSettingsStore((s) => s.fetch);
  const version = useAppStore((s) => s.info?.version);

  return (
    <section className="view" aria-labelledby={headingId}>
      <header className="view-header">
        <h1 id={headingId} tabIndex={-1}>
          {t('settings.title')}
        </h1>
      </header>
      {load.error && !settings ? (
        <div className="inline-error" role="alert">
          <span>{errorText(load.error)}</span>
          <button type="button" className="btn btn-small" onClick={() => void fetch()}>
            {t('app.tryAgain')}
          </button>
        </div>
      ) : null}
      {!settings && !load.error ? (
        <p role="status" className="progress">
          <span className="spinner" aria-hidden="true" /> {t('settings.loading')}
        </p>
      ) : null}
      {settings ? (
        <>
          <AppearanceSection settings={settings} />
          <DataSection settings={settings} />
          <RunwaySection settings={settings} />
          <ConnectionSection settings={settings} />
          <HealthSettingsSection settings={settings} />
          <FollowIpSection />
          <TestReminderSection days={settings.reminderDays} />
          <YourDataSection />
        </>
      ) : null}
      {version ? (
        <section className="card" aria-labelledby={`${headingId}-about`}>
          <h2 id={`${headingId}-about`}>{t('settings.about')}</h2>
          <p className="muted">
            {t('app.name')} · {t('settings.version', { version })}
          </p>
        </section>
      ) : null}
    </section>
  );
}

/** Theme and language apply and save at once. */
function AppearanceSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useSettingsStore((s) => s.update);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });

  const save = async (patch: Partial<Settings>) => {
    setStatus({ state: 'saving' });
    const result = await update(patch);
    setStatus(result.ok ? { state: 'saved' } : { state: 'error', error: result.error });
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.appearance')}</h2>
      <p className="muted">{t('settings.appearanceHint')}</p>
      <div className="form-grid">
        <Field id={`${id}-theme`} label={t('settings.theme')}>
          <select
            id={`${id}-theme`}
            className="input"
            value={settings.theme}
            onChange={(e) => void save({ theme: e.target.value as Settings['theme'] })}
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(THEME_KEYS[theme])}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-language`} label={t('settings.language')}>
          <select
            id={`${id}-language`}
            className="input"
            value={settings.language}
            onChange={(e) => void save({ language: e.target.value as Settings['language'] })}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(LANGUAGE_KEYS[language])}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="section-status">
        <SaveStatusLine status={status} />
      </div>
    </section>
  );
}

function DataSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const update = useSettingsStore((s) => s.update);
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<NumberField, string | null>>>({});
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });

  // Follow changes made elsewhere (settings-changed) unless the user is editing.
  useEffect(() => {
    if (!dirty) setDraft(toDraft(settings));
  }, [settings, dirty]);

  const check = (field: NumberField, raw: string): { value: number | number[] | null; error: string | null } => {
    if (field !== 'reminderDays') {
      // The bounds are the schema's own, so the form and main can never disagree.
      const schema = SettingsSchema.shape[field];
      return parseWholeNumber(raw, schema.minValue ?? 0, schema.maxValue ?? Number.MAX_SAFE_INTEGER, t);
    }
    const parts = raw
      .split(/[,，\s]+/)
      .map((p) => p.trim())
      .filter(Boolean);
    const numbers = parts.map(Number);
    const valid = parts.every((p) => /^\d+$/.test(p)) && SettingsSchema.shape.reminderDays.safeParse(numbers).success;
    return valid
      ? { value: [...new Set(numbers)].sort((a, b) => b - a), error: null }
      : { value: null, error: t('validation.reminderDays') };
  };

  const onBlur = (field: NumberField) => setErrors((e) => ({ ...e, [field]: check(field, draft[field]).error }));

  const onChange = (field: NumberField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setDirty(true);
    if (status.state !== 'saving') setStatus({ state: 'idle' });
    if (errors[field]) setErrors((e) => ({ ...e, [field]: check(field, value).error }));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fields: NumberField[] = ['refreshIntervalMin', 'expiryWindowDays', 'reminderDays', 'lowBalanceUsd'];
    const checked = Object.fromEntries(fields.map((f) => [f, check(f, draft[f])])) as Record<
      NumberField,
      ReturnType<typeof check>
    >;
    setErrors(Object.fromEntries(fields.map((f) => [f, checked[f].error])));
    const firstInvalid = fields.find((f) => checked[f].error);
    if (firstInvalid) {
      document.getElementById(`${id}-${firstInvalid}`)?.focus();
      return;
    }
    setStatus({ state: 'saving' });
    const result = await update({
      refreshIntervalMin: checked.refreshIntervalMin.value as number,
      expiryWindowDays: checked.expiryWindowDays.value as number,
      reminderDays: checked.reminderDays.value as number[],
      lowBalanceUsd: checked.lowBalanceUsd.value as number,
    });
    if (result.ok) {
      setDirty(false);
      setDraft(toDraft(result.data));
      setStatus({ state: 'saved' });
    } else {
      const field = result.error.field as NumberField | undefined;
      if (field && fields.includes(field)) {
        setErrors((e) => ({ ...e, [field]: errorText(result.error) }));
        setStatus({ state: 'idle' });
      } else {
        setStatus({ state: 'error', error: result.error });
      }
    }
  };

  const input = (field: NumberField, label: string, help: string, inputMode: 'numeric' | 'text') => {
    const inputId = `${id}-${field}`;
    const error = errors[field];
    return (
      <Field id={inputId} label={label} help={help} error={error}>
        <input
          id={inputId}
          className="input input-narrow"
          type="text"
          inputMode={inputMode}
          value={draft[field]}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(inputId, true, error)}
          onChange={(e) => onChange(field, e.target.value)}
          onBlur={(e) => {
            if (!leavingToSubmit(e)) onBlur(field);
          }}
        />
      </Field>
    );
  };

  const saving = status.state === 'saving';

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.data')}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        {input('refreshIntervalMin', t('settings.refreshInterval'), t('settings.refreshIntervalHelp'), 'numeric')}
        {input('expiryWindowDays', t('settings.expiryWindow'), t('settings.expiryWindowHelp'), 'numeric')}
        {input('reminderDays', t('settings.reminderDays'), t('settings.reminderDaysHelp'), 'text')}
        {input('lowBalanceUsd', t('settings.lowBalance'), t('settings.lowBalanceHelp'), 'numeric')}
        <div className="section-status">
          <button type="submit" className="btn btn-primary" disabled={saving} aria-busy={saving || undefined}>
            {t('settings.save')}
          </button>
          <SaveStatusLine status={status} />
        </div>
      </form>
    </section>
  );
}
