/**
 * Proxy check settings (issue 15 §3): the check address, how many at once, the time limit and the slow
 * line (settings.health). Bounds are the schema's own; the time limit is typed in seconds.
 */
import { useTranslation } from 'react-i18next';
import { HealthSettingsSchema, type Settings } from '../../../preload/contract/schemas';
import { parseWholeNumber } from '../../lib/validation';
import { SaveStatusLine } from '../settings/SaveStatusLine';
import { SettingsInput } from '../settings/SettingsInput';
import { useSettingsForm } from '../settings/useSettingsForm';

type HField = 'checkUrl' | 'concurrency' | 'timeoutS' | 'slowMs';
const FIELDS: HField[] = ['checkUrl', 'concurrency', 'timeoutS', 'slowMs'];
const toDraft = (s: Settings): Record<HField, string> => ({
  checkUrl: s.health.checkUrl,
  concurrency: String(s.health.concurrency),
  timeoutS: String(Math.round(s.health.timeoutMs / 1000)),
  slowMs: String(s.health.slowMs),
});
const shape = HealthSettingsSchema.shape;

export function HealthSettingsSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
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
  const form = useSettingsForm(settings, {
    fields: FIELDS,
    toDraft,
    check,
    toPatch: (v) => ({
      health: {
        checkUrl: v.checkUrl as string,
        concurrency: v.concurrency as number,
        timeoutMs: (v.timeoutS as number) * 1000,
        slowMs: v.slowMs as number,
      },
    }),
    // Main names a field only when it refuses the check address; the status line stays as well.
    errorField: (error) => (error.field ? 'checkUrl' : undefined),
    keepErrorStatus: true,
  });
  const { id, saving } = form;
  const input = (field: HField, label: string, help: string) => (
    <SettingsInput form={form} field={field} label={label} help={help} spellCheck={false} />
  );

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="health-settings">
      <h2 id={`${id}-title`}>{t('health.settings.title')}</h2>
      <p className="muted">{t('health.settings.intro')}</p>
      <form onSubmit={form.onSubmit} noValidate className="form">
        <SettingsInput
          form={form}
          field="checkUrl"
          label={t('health.settings.url')}
          help={t('health.settings.urlHelp')}
          inputMode="url"
          wide
          spellCheck={false}
        />
        {input('concurrency', t('health.settings.concurrency'), t('health.settings.concurrencyHelp'))}
        {input('timeoutS', t('health.settings.timeout'), t('health.settings.timeoutHelp'))}
        {input('slowMs', t('health.settings.slow'), t('health.settings.slowHelp'))}
        <div className="section-status">
          <button type="submit" className="btn btn-primary" disabled={saving} aria-busy={saving || undefined}>
            {t('health.settings.save')}
          </button>
          <SaveStatusLine status={form.status} />
        </div>
      </form>
    </section>
  );
}
