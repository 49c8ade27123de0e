/** Spending per month per account or per vendor: chart, table (with where each figure came from), CSV. */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nameBesideVendor } from '../../lib/account-name';
import { useErrorText } from '../../lib/error-text';
import { formatMoney } from '../../lib/format';
import { useAccountsStore } from '../../stores/accounts';
import { useReportsStore } from '../../stores/reports';
import { useVendorsStore, vendorName } from '../../stores/vendors';
import {
  currenciesOf,
  OTHERS,
  type SpendGroup,
  type SpendLine,
  spendChart,
  spendLines,
  spendTotals,
} from './aggregate';
import { ChartFigure } from './ChartFigure';
import { CsvButton } from './CsvButton';
import { monthLabel } from './months';
import { Segmented } from './Segmented';

export function SpendSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const errorText = useErrorText();
  const spend = useReportsStore((s) => s.spend);
  const accounts = useAccountsStore((s) => s.items);
  const vendors = useVendorsStore((s) => s.list);
  const [by, setBy] = useState<SpendGroup>('account');
  const [chosen, setChosen] = useState<string | null>(null);

  const report = spend.data;
  const rows = report?.rows ?? [];
  const months = report?.months ?? [];
  const lines = useMemo(() => spendLines(rows, by), [rows, by]);
  const totals = useMemo(() => spendTotals(rows), [rows]);
  const currencies = useMemo(() => currenciesOf(rows.map((r) => r.spent)), [rows]);
  const currency = chosen && currencies.includes(chosen) ? chosen : (currencies[0] ?? 'USD');
  const chart = useMemo(() => spendChart(rows, months, currency, by), [rows, months, currency, by]);
  const hasSpend = rows.some((r) => r.spent.minor !== 0);

  const accountName = (accountId: string, fallback: string) =>
    accounts.find((a) => a.id === accountId)?.label ?? fallback;
  const nameOf = (key: string): string => {
    if (key === OTHERS) return t('reports.chart.others');
    if (by === 'vendor') return vendorName(vendors, key);
    const line = lines.find((l) => l.key === key);
    return accountName(key, line?.accountLabel ?? key);
  };
  const sourceText = (l: SpendLine) =>
    l.sources
      .map((s) =>
        s === 'audit'
          ? t('reports.spend.fromAudit')
          : t('reports.spend.fromVendor', { vendor: vendorName(vendors, l.vendor) }),
      )
      .join(t('reports.sources.sep'));
  const money = (minor: number | undefined, c: string) => (minor ? formatMoney({ minor, currency: c }, lang) : '—');

  return (
    <section className="card reports-section" aria-labelledby={`${id}-title`} data-testid="spend-section">
      <div className="reports-section-head">
        <h2 id={`${id}-title`}>{t('reports.spend.title')}</h2>
        <div className="reports-tools">
          <Segmented
            label={t('reports.spend.groupLabel')}
            value={by}
            onChange={setBy}
            options={[
              { value: 'account', label: t('reports.spend.byAccount') },
              { value: 'vendor', label: t('reports.spend.byVendor') },
            ]}
          />
          <CsvButton kind="spend" label={t('reports.spend.csv')} disabled={!hasSpend} />
        </div>
      </div>
      <p className="muted">{t('reports.spend.intro')}</p>

      {spend.error ? (
        <div className="inline-error" role="alert">
          {t('reports.failed', { message: errorText(spend.error) })}
        </div>
      ) : null}
      {spend.pending && !report ? (
        <p role="status" className="progress">
          <span className="spinner" aria-hidden="true" /> {t('reports.loading')}
        </p>
      ) : null}
      {report && !hasSpend ? (
        <div className="empty reports-empty" data-testid="spend-empty">
          <p>{t('reports.spend.empty')}</p>
        </div>
      ) : null}

      {report && hasSpend ? (
        <>
          {currencies.length > 1 ? (
            <p className="muted small">{t('reports.convert.perCurrency', { list: currencies.join(', ') })}</p>
          ) : null}
          <ChartFigure
            chart={chart}
            currency={currency}
            currencies={currencies}
            onCurrency={setChosen}
            label={t('reports.spend.chartLabel', { currency })}
            nameOf={nameOf}
            testId="spend-chart"
          />
          <div className="table-wrap">
            <table className="table table-compact reports-table" aria-label={t('reports.spend.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t(by === 'account' ? 'reports.spend.colAccount' : 'reports.spend.colVendor')}</th>
                  {months.map((m) => (
                    <th key={m} scope="col" className="num">
                      {monthLabel(m, lang)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('reports.spend.colTotal')}
                  </th>
                  <th scope="col">{t('reports.spend.colSource')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={`${l.key}|${l.currency}`} data-testid="spend-row">
                    <th scope="row">
                      {by === 'account' ? (
                        <>
                          {nameBesideVendor({ label: accountName(l.key, l.accountLabel), vendor: l.vendor })}{' '}
                          <span className="muted small">· {vendorName(vendors, l.vendor)}</span>
                        </>
                      ) : (
                        vendorName(vendors, l.vendor)
                      )}
                    </th>
                    {months.map((m) => (
                      <td key={m} className="num">
                        {money(l.byMonth[m], l.currency)}
                      </td>
                    ))}
                    <td className="num">{formatMoney(l.total, lang)}</td>
                    <td className="small">{sourceText(l)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                {totals.map((x) => (
                  <tr key={x.currency} data-testid="spend-total">
                    <th scope="row">
                      {totals.length > 1 ? t('reports.totalIn', { currency: x.currency }) : t('reports.total')}
                    </th>
                    {months.map((m) => (
                      <td key={m} className="num">
                        {money(x.byMonth[m], x.currency)}
                      </td>
                    ))}
                    <td className="num">{formatMoney(x.total, lang)}</td>
                    <td />
                  </tr>
                ))}
              </tfoot>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
