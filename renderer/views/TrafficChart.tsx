/**
 * The traffic bar chart. It is the only user of recharts, and is loaded (with recharts) only when the
 * Traffic view first shows a chart: recharts stays out of the initial bundle.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBytes } from '../lib/format';

export interface ChartSeries {
  id: string;
  label: string;
  colour: string | undefined;
}

export interface TrafficChartProps {
  rows: Record<string, string | number>[];
  series: ChartSeries[];
  ticks: number[];
  unit: { size: number; name: string };
  lang: string;
  legend: boolean;
}

export default function TrafficChart({ rows, series, ticks, unit, lang, legend }: TrafficChartProps) {
  return (
    <ResponsiveContainer width="100%" height={320}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="label"
          tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
          stroke="var(--border-strong)"
          minTickGap={16}
        />
        <YAxis
          tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
          stroke="var(--border-strong)"
          width={72}
          ticks={ticks}
          domain={[0, ticks[ticks.length - 1] ?? 'auto']}
          tickFormatter={(v: number) =>
            `${(v / unit.size).toLocaleString(lang, { maximumFractionDigits: 1 })} ${unit.name}`
          }
        />
        <Tooltip
          formatter={(v) => formatBytes(Number(v))}
          contentStyle={{
            background: 'var(--surface)',
            border: '1px solid var(--border)',
            borderRadius: 6,
            color: 'var(--text)',
          }}
          cursor={{ fill: 'var(--surface-2)' }}
        />
        {legend ? <Legend /> : null}
        {series.map((s) => (
          <Bar key={s.id} dataKey={s.id} name={s.label} stackId="traffic" fill={s.colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
