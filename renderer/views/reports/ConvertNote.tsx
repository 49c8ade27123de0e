/**
 * Per currency or converted: the switch, and what the figures are. A converted report says into which
 * currency, at which rates, and which currencies were left out for want of a rate.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarginReport } from '../../../preload/contract/business';
import { useBusinessStore } from '../../stores/business';
import { useReportsStore } from '../../stores/reports';
import { ratesText } from './rates-text';

export function ConvertNote({ report, currencies }: { report: MarginReport | null; currencies: string[] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const rates = useBusinessStore((s) => s.view?.rates ?? null);
  const convert = useReportsStore((s) => s.convert);
  const setConvert = useReportsStore((s) => s.setConvert);
  const usable = rates !== null && rates.rates.length > 0;

  return (
    <div className="reports-convert" data-testid="convert-note">
      <label htmlFor={`${id}-convert`} className="reports-check">
        <input
          id={`${id}-convert`}
          type="checkbox"
          checked={convert && usable}
          disabled={!usable}
          onChange={(e) => setConvert(e.target.checked)}
        />{' '}
        {usable ? t('reports.convert.label', { base: rates.base }) : t('reports.convert.labelNoRates')}
      </label>
      {!usable ? <p className="muted small">{t('reports.convert.noRates')}</p> : null}
      {report?.converted && rates ? (
        <p className="small" data-testid="converted-note">
          {t('reports.convert.converted', { base: rates.base, rates: ratesText(rates, i18n.language) })}
        </p>
      ) : null}
      {report?.converted && report.missingRates.length > 0 ? (
        <p className="small reports-warn" data-testid="left-out-note">
          {t('reports.convert.leftOut', { list: report.missingRates.join(', ') })}
        </p>
      ) : null}
      {report && !report.converted && currencies.length > 1 ? (
        <p className="muted small">{t('reports.convert.perCurrency', { list: currencies.join(', ') })}</p>
      ) : null}
    </div>
  );
}
