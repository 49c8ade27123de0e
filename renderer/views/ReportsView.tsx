/**
 * Reports (issue 16 §2, §4): margin per customer and per vendor, spending per account and per vendor,
 * over a month range (the last 6 months by default), with the user's currency rates.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportsStore, watchReports } from '../stores/reports';
import { MarginSection } from './reports/MarginSection';
import {
  addMonths,
  isMonth,
  lastMonths,
  MAX_RANGE_MONTHS,
  type MonthRange,
  monthLabel,
  monthOf,
  monthsBetween,
  rangeProblem,
} from './reports/months';
import { RatesEditor } from './reports/RatesEditor';
import { Segmented } from './reports/Segmented';
import { SpendSection } from './reports/SpendSection';
import '../styles/manage.css';
import './reports/reports.css';

const PRESETS = [3, 6, 12] as const;
/** How far back the month pickers go. */
const PICK_MONTHS = 60;

export function ReportsView() {
  const { t } = useTranslation();
  const headingId = useId();
  useEffect(() => watchReports('reports'), []);

  return (
    <section className="view reports-view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('reports.title')}
          </h1>
          <p className="muted">{t('reports.intro')}</p>
        </div>
      </header>
      <RangePicker />
      <MarginSection />
      <SpendSection />
      <RatesEditor />
    </section>
  );
}

function RangePicker() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const range = useReportsStore((s) => s.range);
  const setRange = useReportsStore((s) => s.setRange);
  const [draft, setDraft] = useState<MonthRange>(range);
  useEffect(() => setDraft(range), [range]);
  const problem = rangeProblem(draft);

  const change = (next: MonthRange) => {
    setDraft(next);
    if (!rangeProblem(next)) setRange(next);
  };
  const now = Date.now();
  // The last five years, newest first (and the range's own months, should it reach further).
  const choices = [
    ...new Set([...monthsBetween(addMonths(monthOf(now), -(PICK_MONTHS - 1)), monthOf(now)), range.from, range.to]),
  ]
    .filter(isMonth)
    .sort()
    .reverse();
  const presets: Record<string, MonthRange> = {
    ...Object.fromEntries(PRESETS.map((n) => [`last${n}`, lastMonths(n, now)])),
    year: { from: `${new Date(now).getFullYear()}-01`, to: monthOf(now) },
  };
  const preset = Object.entries(presets).find(([, r]) => r.from === range.from && r.to === range.to)?.[0] ?? null;

  return (
    <fieldset className="card reports-range">
      <legend className="reports-legend-hidden">{t('reports.range.label')}</legend>
      <div className="reports-tools">
        <label htmlFor={`${id}-from`} className="reports-month">
          {t('reports.range.from')}
          <select
            id={`${id}-from`}
            className="input"
            value={draft.from}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => change({ ...draft, from: e.target.value })}
          >
            {choices.map((m) => (
              <option key={m} value={m}>
                {monthLabel(m, lang)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-to`} className="reports-month">
          {t('reports.range.to')}
          <select
            id={`${id}-to`}
            className="input"
            value={draft.to}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => change({ ...draft, to: e.target.value })}
          >
            {choices.map((m) => (
              <option key={m} value={m}>
                {monthLabel(m, lang)}
              </option>
            ))}
          </select>
        </label>
        <Segmented
          label={t('reports.range.presets')}
          value={preset}
          onChange={(k) => {
            const r = presets[k];
            if (r) change(r);
          }}
          options={[
            ...PRESETS.map((n) => ({ value: `last${n}`, label: t('reports.range.last', { count: n }) })),
            { value: 'year', label: t('reports.range.thisYear') },
          ]}
        />
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {t(`reports.range.${problem}`, { max: MAX_RANGE_MONTHS })}
        </p>
      ) : null}
    </fieldset>
  );
}
