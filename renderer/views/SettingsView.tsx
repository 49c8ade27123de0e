import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Settings, SettingsSchema, THEMES } from '../../preload/contract/schemas';
import { Field } from '../components/Field';
import { useErrorText } from '../lib/error-text';
import { parseWholeNumber } from '../lib/validation';
import { useAppStore } from '../stores/app';
import { useSettingsStore } from '../stores/settings';
import { HealthSettingsSection } from './health/HealthSettingsSection';
import { ConnectionSection } from './settings/ConnectionSection';
import { RunwaySection } from './settings/RunwaySection';
import { type SaveStatus, SaveStatusLine } from './settings/SaveStatusLine';
import { SettingsInput } from './settings/SettingsInput';
import { TestReminderSection } from './settings/TestReminderSection';
import { useSettingsForm } from './settings/useSettingsForm';
import { YourDataSection } from './settings/YourDataSection';
import { FollowIpSection } from './whitelist/FollowIpSwitch';

const THEME_KEYS: Record<Settings['theme'], string> = {
  system: 'settings.themeSystem',
  light: 'settings.themeLight',
  dark: 'settings.themeDark',
};
const LANGUAGE_KEYS: Record<Settings['language'], string> = { en: 'settings.langEn', 'zh-CN': 'settings.langZh' };

type NumberField = 'refreshIntervalMin' | 'expiryWindowDays' | 'reminderDays' | 'lowBalanceUsd';
const FIELDS: NumberField[] = ['refreshIntervalMin', 'expiryWindowDays', 'reminderDays', 'lowBalanceUsd'];

const toDraft = (s: Settings): Record<NumberField, string> => ({
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
  const form = useSettingsForm(settings, {
    fields: FIELDS,
    toDraft,
    check,
    toPatch: (v) => ({
      refreshIntervalMin: v.refreshIntervalMin as number,
      expiryWindowDays: v.expiryWindowDays as number,
      reminderDays: v.reminderDays as number[],
      lowBalanceUsd: v.lowBalanceUsd as number,
    }),
  });
  const { id } = form;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.data')}</h2>
      <form onSubmit={form.onSubmit} noValidate className="form">
        <SettingsInput
          form={form}
          field="refreshIntervalMin"
          label={t('settings.refreshInterval')}
          help={t('settings.refreshIntervalHelp')}
        />
        <SettingsInput
          form={form}
          field="expiryWindowDays"
          label={t('settings.expiryWindow')}
          help={t('settings.expiryWindowHelp')}
        />
        <SettingsInput
          form={form}
          field="reminderDays"
          label={t('settings.reminderDays')}
          help={t('settings.reminderDaysHelp')}
          inputMode="text"
        />
        <SettingsInput
          form={form}
          field="lowBalanceUsd"
          label={t('settings.lowBalance')}
          help={t('settings.lowBalanceHelp')}
        />
        <div className="section-status">
          <button type="submit" className="btn btn-primary" disabled={form.saving} aria-busy={form.saving || undefined}>
            {t('settings.save')}
          </button>
          <SaveStatusLine status={form.status} />
        </div>
      </form>
    </section>
  );
}
