/** A money chart with its currency picker; recharts loads on first use (see MoneyChart). */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoneyChart as ChartData } from './aggregate';
import { monthLabel } from './months';
import { Segmented } from './Segmented';

const MoneyChart = lazy(() => import('./MoneyChart'));

/** The traffic chart's colours; the last one is for "others". */
export const COLOURS = ['#2f5fd0', '#e07b39', '#1c9a6c', '#9b51e0', '#d64562', '#2aa3b8', '#b58b00', '#6b7a90'];

export function ChartFigure({
  chart,
  currency,
  currencies,
  onCurrency,
  label,
  nameOf,
  testId,
}: {
  chart: ChartData;
  currency: string;
  currencies: string[];
  onCurrency: (c: string) => void;
  /** Accessible name of the figure (already with the currency). */
  label: string;
  nameOf: (key: string) => string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rows = chart.rows.map((r) => ({ ...r, label: monthLabel(String(r.month), lang) }));
  const series = chart.series.map((s, i) => ({
    id: s.id,
    label: nameOf(s.key),
    colour: COLOURS[i % COLOURS.length] ?? '#6b7a90',
  }));
  return (
    <div className="reports-chart">
      {currencies.length > 1 ? (
        <Segmented
          label={t('reports.chart.currency')}
          value={currency}
          onChange={onCurrency}
          options={currencies.map((c) => ({ value: c, label: c }))}
          showLabel
        />
      ) : null}
      <figure className="reports-figure" aria-label={label} data-testid={testId}>
        <Suspense
          fallback={
            <p role="status" className="progress">
              <span className="spinner" aria-hidden="true" /> {t('app.loading')}
            </p>
          }
        >
          <MoneyChart rows={rows} series={series} currency={currency} lang={lang} />
        </Suspense>
      </figure>
    </div>
  );
}
