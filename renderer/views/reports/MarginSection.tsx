/** Margin per customer or per vendor: chart, table (revenue, cost, margin, where the cost came from), CSV. */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostSource, Customer } from '../../../preload/contract/business';
import { useErrorText } from '../../lib/error-text';
import { formatMoney } from '../../lib/format';
import { useAppStore } from '../../stores/app';
import { useBusinessStore } from '../../stores/business';
import { useReportsStore } from '../../stores/reports';
import { useVendorsStore, vendorName } from '../../stores/vendors';
import { currenciesOf, type MarginGroup, type MarginLine, marginChart, marginLines, OTHERS } from './aggregate';
import { ChartFigure } from './ChartFigure';
import { ConvertNote } from './ConvertNote';
import { CsvButton } from './CsvButton';
import { Segmented } from './Segmented';

const SOURCES: CostSource[] = ['vendor', 'journal', 'quote', 'none'];
const NO_CUSTOMERS: Customer[] = [];

/** "12 from the vendor’s price, 3 from the last renewal charge" */
export function useSourcesText(): (sources: Record<CostSource, number>) => string {
  const { t } = useTranslation();
  return (sources) => {
    const parts = SOURCES.filter((s) => sources[s] > 0).map((s) => t(`reports.sources.${s}`, { count: sources[s] }));
    return parts.length > 0 ? parts.join(t('reports.sources.sep')) : '—';
  };
}

export function MarginSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const errorText = useErrorText();
  const margin = useReportsStore((s) => s.margin);
  const customers = useBusinessStore((s) => s.view?.customers ?? NO_CUSTOMERS);
  const businessLoaded = useBusinessStore((s) => s.loaded);
  const vendors = useVendorsStore((s) => s.list);
  const setView = useAppStore((s) => s.setView);
  const sourcesText = useSourcesText();
  const [by, setBy] = useState<MarginGroup>('customer');
  const [chosen, setChosen] = useState<string | null>(null);

  const report = margin.data;
  const rows = report?.rows ?? [];
  const { lines, totals } = useMemo(() => marginLines(rows, by), [rows, by]);
  const currencies = useMemo(() => currenciesOf(rows.map((r) => r.margin)), [rows]);
  const currency = chosen && currencies.includes(chosen) ? chosen : (currencies[0] ?? 'USD');
  const chart = useMemo(
    () => marginChart(rows, report?.months ?? [], currency, by),
    [rows, report?.months, currency, by],
  );
  const hasRevenue = rows.some((r) => r.revenue.minor !== 0);

  const nameOf = (key: string): string => {
    if (key === OTHERS) return t('reports.chart.others');
    if (by === 'vendor') return vendorName(vendors, key);
    if (key === '') return t('reports.margin.noCustomer');
    return customers.find((c) => c.id === key)?.name ?? t('reports.margin.removedCustomer');
  };

  const cells = (l: MarginLine) => (
    <>
      <td className="num">{formatMoney(l.revenue, lang)}</td>
      <td className="num">{formatMoney(l.cost, lang)}</td>
      <td className={`num${l.margin.minor < 0 ? ' reports-negative' : ''}`}>{formatMoney(l.margin, lang)}</td>
      <td className="small">{sourcesText(l.sources)}</td>
    </>
  );

  return (
    <section className="card reports-section" aria-labelledby={`${id}-title`} data-testid="margin-section">
      <div className="reports-section-head">
        <h2 id={`${id}-title`}>{t('reports.margin.title')}</h2>
        <div className="reports-tools">
          <Segmented
            label={t('reports.margin.groupLabel')}
            value={by}
            onChange={setBy}
            options={[
              { value: 'customer', label: t('reports.margin.byCustomer') },
              { value: 'vendor', label: t('reports.margin.byVendor') },
            ]}
          />
          <CsvButton kind="margin" label={t('reports.margin.csv')} disabled={!hasRevenue} />
        </div>
      </div>
      <p className="muted">{t('reports.margin.intro')}</p>
      <ConvertNote report={report} currencies={currencies} />

      {margin.error ? (
        <div className="inline-error" role="alert">
          {t('reports.failed', { message: errorText(margin.error) })}
        </div>
      ) : null}
      {margin.pending && !report ? (
        <p role="status" className="progress">
          <span className="spinner" aria-hidden="true" /> {t('reports.loading')}
        </p>
      ) : null}

      {report && !hasRevenue ? (
        <div className="empty reports-empty" data-testid="margin-empty">
          <p>
            {businessLoaded && customers.length === 0
              ? t('reports.margin.emptyNoCustomers')
              : t('reports.margin.emptyNoPrices')}
          </p>
          <p>
            <button type="button" className="btn btn-primary btn-small" onClick={() => setView('customers')}>
              {t('reports.margin.goCustomers')}
            </button>
          </p>
        </div>
      ) : null}

      {report && hasRevenue ? (
        <>
          <ChartFigure
            chart={chart}
            currency={currency}
            currencies={currencies}
            onCurrency={setChosen}
            label={t('reports.margin.chartLabel', { currency })}
            nameOf={nameOf}
            testId="margin-chart"
          />
          <div className="table-wrap">
            <table className="table table-compact reports-table" aria-label={t('reports.margin.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">
                    {t(by === 'customer' ? 'reports.margin.colCustomer' : 'reports.margin.colVendor')}
                  </th>
                  <th scope="col" className="num">
                    {t('reports.margin.colRevenue')}
                  </th>
                  <th scope="col" className="num">
                    {t('reports.margin.colCost')}
                  </th>
                  <th scope="col" className="num">
                    {t('reports.margin.colMargin')}
                  </th>
                  <th scope="col">{t('reports.margin.colSources')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={`${l.key}|${l.currency}`} data-testid="margin-row">
                    <th scope="row">{nameOf(l.key)}</th>
                    {cells(l)}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                {totals.map((l) => (
                  <tr key={l.currency} data-testid="margin-total">
                    <th scope="row">
                      {totals.length > 1 ? t('reports.totalIn', { currency: l.currency }) : t('reports.total')}
                    </th>
                    {cells(l)}
                  </tr>
                ))}
              </tfoot>
            </table>
          </div>
          <p className="muted small">{t('reports.margin.countsHint')}</p>
        </>
      ) : null}
    </section>
  );
}
