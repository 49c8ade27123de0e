/**
 * The monthly money bar chart of the Reports view (margin, spending), themed like the traffic chart
 * (CSS variables, so dark mode follows). Loaded with recharts only when Reports first shows a chart.
 * Negative margins go below the axis (stackOffset "sign").
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { currencyDigits, formatMoney } from '../../lib/format';

export interface MoneyChartSeries {
  id: string;
  label: string;
  colour: string;
}

export interface MoneyChartProps {
  /** `label` (the month as shown) plus one value per series id, in major units. */
  rows: Record<string, string | number>[];
  series: MoneyChartSeries[];
  currency: string;
  lang: string;
}

export default function MoneyChart({ rows, series, currency, lang }: MoneyChartProps) {
  const digits = currencyDigits(currency);
  const money = (v: unknown) => formatMoney({ minor: Math.round(Number(v) * 10 ** digits), currency }, lang);
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} stackOffset="sign">
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} stroke="var(--border-strong)" />
        <YAxis
          tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
          stroke="var(--border-strong)"
          width={80}
          tickFormatter={(v: number) =>
            new Intl.NumberFormat(lang, {
              style: 'currency',
              currency,
              notation: 'compact',
              maximumFractionDigits: 1,
            }).format(v)
          }
        />
        <ReferenceLine y={0} stroke="var(--border-strong)" />
        <Tooltip
          formatter={(v) => money(v)}
          contentStyle={{
            background: 'var(--surface)',
            border: '1px solid var(--border)',
            borderRadius: 6,
            color: 'var(--text)',
          }}
          labelStyle={{ color: 'var(--text)' }}
          cursor={{ fill: 'var(--surface-2)' }}
        />
        {series.length > 1 ? <Legend wrapperStyle={{ color: 'var(--text)', fontSize: 12 }} /> : null}
        {series.map((s) => (
          <Bar key={s.id} dataKey={s.id} name={s.label} stackId="money" fill={s.colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
