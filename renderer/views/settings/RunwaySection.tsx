/**
 * Balance runway settings (issue 16 §3): how many days ahead renewals count against each balance, and
 * below how many days of runway a reminder is shown (0 = off). Bounds are the schema's own.
 */
import { useTranslation } from 'react-i18next';
import { type Settings, SettingsSchema } from '../../../preload/contract/schemas';
import { parseWholeNumber } from '../../lib/validation';
import { SaveStatusLine } from './SaveStatusLine';
import { SettingsInput } from './SettingsInput';
import { useSettingsForm } from './useSettingsForm';

type RunwayField = 'runwayDays' | 'runwayAlertDays';
const FIELDS: RunwayField[] = ['runwayDays', 'runwayAlertDays'];
const toDraft = (s: Settings): Record<RunwayField, string> => ({
  runwayDays: String(s.runwayDays),
  runwayAlertDays: String(s.runwayAlertDays),
});

export function RunwaySection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const form = useSettingsForm(settings, {
    fields: FIELDS,
    toDraft,
    check: (field: RunwayField, raw: string) => {
      const schema = SettingsSchema.shape[field].unwrap();
      return parseWholeNumber(raw, schema.minValue ?? 0, schema.maxValue ?? Number.MAX_SAFE_INTEGER, t);
    },
    toPatch: (v) => ({ runwayDays: v.runwayDays, runwayAlertDays: v.runwayAlertDays }),
  });
  const { id, saving } = form;

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="runway-settings">
      <h2 id={`${id}-title`}>{t('reports.settings.title')}</h2>
      <p className="muted">{t('reports.settings.intro')}</p>
      <form onSubmit={form.onSubmit} noValidate className="form">
        <SettingsInput
          form={form}
          field="runwayDays"
          label={t('reports.settings.days')}
          help={t('reports.settings.daysHelp')}
        />
        <SettingsInput
          form={form}
          field="runwayAlertDays"
          label={t('reports.settings.alert')}
          help={t('reports.settings.alertHelp')}
        />
        <div className="section-status">
          <button type="submit" className="btn btn-primary" disabled={saving} aria-busy={saving || undefined}>
            {t('reports.settings.save')}
          </button>
          <SaveStatusLine status={form.status} />
        </div>
      </form>
    </section>
  );
}
