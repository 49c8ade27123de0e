/**
 * One line chart of server figures (recharts, themed like TrafficChart). Loaded lazily with recharts by
 * the Servers view, so recharts stays out of the initial bundle.
 */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface MonitorLine {
  id: string;
  label: string;
  colour: string;
}

export interface MonitorChartProps {
  rows: Record<string, number>[];
  lines: MonitorLine[];
  /** Shown after each value ("%", " Mbps", ""). */
  suffix: string;
  lang: string;
  /** Whether the time axis shows dates (a week) or times of day. */
  dates: boolean;
  /** Upper bound of the value axis (100 for percent); undefined = from the data. */
  max?: number;
}

export default function MonitorChart({ rows, lines, suffix, lang, dates, max }: MonitorChartProps) {
  const time = (ms: number) =>
    new Date(ms).toLocaleString(
      lang,
      dates ? { month: 'short', day: 'numeric', hour: '2-digit' } : { hour: '2-digit', minute: '2-digit' },
    );
  const value = (v: number) => `${v.toLocaleString(lang, { maximumFractionDigits: 1 })}${suffix}`;
  return (
    <ResponsiveContainer width="100%" height={180}>
      <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={time}
          tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
          stroke="var(--border-strong)"
          minTickGap={24}
        />
        <YAxis
          tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
          stroke="var(--border-strong)"
          width={64}
          domain={[0, max ?? 'auto']}
          tickFormatter={value}
        />
        <Tooltip
          labelFormatter={(v) => time(Number(v))}
          formatter={(v) => value(Number(v))}
          contentStyle={{
            background: 'var(--surface)',
            border: '1px solid var(--border)',
            borderRadius: 6,
            color: 'var(--text)',
          }}
        />
        {lines.length > 1 ? <Legend /> : null}
        {lines.map((l) => (
          <Line
            key={l.id}
            dataKey={l.id}
            name={l.label}
            stroke={l.colour}
            dot={false}
            strokeWidth={2}
            type="monotone"
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
