/** The Dashboard's spend line (issue 16 §4): this month and last month, per currency, for the accounts shown. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import { formatMoney } from '../../lib/format';
import { useAppStore } from '../../stores/app';
import { useReportsStore } from '../../stores/reports';
import { spendByMonth } from '../reports/aggregate';
import '../reports/reports.css';

export function SpendLine({ accounts }: { accounts: AccountSummary[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const line = useReportsStore((s) => s.spendLine);
  const setView = useAppStore((s) => s.setView);
  const ids = useMemo(() => new Set(accounts.map((a) => a.id)), [accounts]);
  const figures = useMemo(() => spendByMonth(line.data?.rows ?? [], line.thisMonth, line.lastMonth, ids), [line, ids]);
  if (accounts.length === 0 || (!line.data && !line.error)) return null;

  return (
    <div className="panel spend-line" data-testid="spend-line">
      <strong>{t('reports.spendLine.title')}</strong>
      {line.error && !line.data ? <span className="muted">{t('reports.spendLine.failed')}</span> : null}
      {line.data && figures.length === 0 ? <span className="muted">{t('reports.spendLine.none')}</span> : null}
      {figures.map((f) => (
        <span key={f.currency} data-testid={`spend-line-${f.currency}`}>
          {t('reports.spendLine.figures', {
            thisMonth: formatMoney(f.thisMonth, lang),
            lastMonth: formatMoney(f.lastMonth, lang),
          })}
        </span>
      ))}
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setView('reports')}>
        {t('reports.spendLine.open')}
      </button>
    </div>
  );
}
