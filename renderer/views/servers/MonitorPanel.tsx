import { lazy, Suspense, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MONITOR_RANGES,
  type MonitorRange,
  type MonitorSeries,
  type ServerMonitor,
} from '../../../preload/contract/servers';
import { getApi } from '../../api';
import { FilterField } from '../../components/FilterField';
import { useErrorText } from '../../lib/error-text';
import type { MonitorLine } from './MonitorChart';

const MonitorChart = lazy(() => import('./MonitorChart'));

const COLOURS = ['#2f5fd0', '#e07b39', '#1c9a6c', '#9b51e0', '#d64562', '#2aa3b8'];

/** Series merged by time into chart rows `{t, <key>: value}`. */
export function chartRows(series: MonitorSeries[]): Record<string, number>[] {
  const byTime = new Map<number, Record<string, number>>();
  for (const s of series) {
    s.times.forEach((t, i) => {
      let row = byTime.get(t);
      if (!row) {
        row = { t };
        byTime.set(t, row);
      }
      row[s.key] = s.values[i] as number;
    });
  }
  return [...byTime.values()].sort((a, b) => (a.t as number) - (b.t as number));
}

interface Loaded {
  monitor: ServerMonitor | null;
  balancing: ServerMonitor | null;
  monitorError: string | null;
  balancingError: string | null;
}

/** The server monitor (S3) and the load balancer's monitor (S4) of one server, for a chosen time range. */
export function MonitorPanel({ accountId, serverId }: { accountId: string; serverId: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const [range, setRange] = useState<MonitorRange>('day');
  const [data, setData] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    const input = { accountId, serverId, range };
    const [m, b] = await Promise.all([getApi().servers.monitor(input), getApi().servers.balancing(input)]);
    setLoading(false);
    setData({
      monitor: m.ok ? m.data : null,
      balancing: b.ok ? b.data : null,
      monitorError: m.ok ? null : errorText(m.error),
      balancingError: b.ok ? null : errorText(b.error),
    });
  }, [accountId, serverId, range, errorText]);

  useEffect(() => {
    setData(null);
    void load();
  }, [load]);

  const rangeLabel = t(`servers.monitor.ranges.${range}`);
  const label = (key: string) => t(`servers.monitor.series.${key}`, { defaultValue: key.replaceAll('_', ' ') });
  const chart = (what: string, series: MonitorSeries[], suffix: string, max?: number) => {
    if (series.length === 0) return null;
    const lines: MonitorLine[] = series.map((s, i) => ({
      id: s.key,
      label: label(s.key),
      colour: COLOURS[i % COLOURS.length] as string,
    }));
    return (
      <figure className="servers-chart" aria-label={t('servers.monitor.chartLabel', { what, range: rangeLabel })}>
        <figcaption>{what}</figcaption>
        <Suspense
          fallback={
            <p role="status" className="progress">
              <span className="spinner" aria-hidden="true" /> {t('app.loading')}
            </p>
          }
        >
          <MonitorChart
            rows={chartRows(series)}
            lines={lines}
            suffix={suffix}
            lang={i18n.language}
            dates={range === 'week'}
            {...(max !== undefined ? { max } : {})}
          />
        </Suspense>
      </figure>
    );
  };

  const m = data?.monitor;
  const pick = (keys: string[]) => (m?.series ?? []).filter((s) => keys.includes(s.key) && s.times.length > 0);
  const known = ['CpuUsage', 'MemUsage', 'TcpCurrEstab', 'WanIntraffic', 'WanOuttraffic'];
  const other = (m?.series ?? []).filter((s) => !known.includes(s.key) && s.times.length > 0);
  const monitorEmpty = m ? m.series.every((s) => s.times.length === 0) : false;
  const lb = (data?.balancing?.series ?? []).filter((s) => s.times.length > 0);

  return (
    <section className="servers-monitor" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('servers.monitor.title')}</h3>
      <div className="manage-toolbar">
        <FilterField label={t('servers.monitor.range')}>
          {(fid) => (
            <select id={fid} className="input" value={range} onChange={(e) => setRange(e.target.value as MonitorRange)}>
              {MONITOR_RANGES.map((r) => (
                <option key={r} value={r}>
                  {t(`servers.monitor.ranges.${r}`)}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <button type="button" className="btn btn-ghost" onClick={() => void load()} disabled={loading}>
          {t('servers.monitor.reload')}
        </button>
      </div>
      {loading && !data ? <p className="muted">{t('servers.monitor.loading')}</p> : null}
      {data?.monitorError ? (
        <div className="form-error" role="alert">
          {data.monitorError}
        </div>
      ) : null}
      {monitorEmpty ? <p className="empty">{t('servers.monitor.empty')}</p> : null}
      {m ? (
        <div className="servers-charts">
          {chart(t('servers.monitor.cpuMem'), pick(['CpuUsage', 'MemUsage']), '%', 100)}
          {chart(t('servers.monitor.tcp'), pick(['TcpCurrEstab']), '')}
          {chart(t('servers.monitor.bandwidth'), pick(['WanIntraffic', 'WanOuttraffic']), ' Mbps')}
          {other.map((s) => chart(label(s.key), [s], ''))}
        </div>
      ) : null}
      {m && !monitorEmpty ? <p className="muted">{t('servers.monitor.unitNote')}</p> : null}

      <h3>{t('servers.balancing.title')}</h3>
      <p className="muted">{t('servers.balancing.intro')}</p>
      {data?.balancingError ? (
        <div className="form-error" role="alert">
          {data.balancingError}
        </div>
      ) : null}
      {data?.balancing && lb.length === 0 ? <p className="empty">{t('servers.balancing.empty')}</p> : null}
      {lb.length > 0 ? (
        <div className="servers-charts">
          {chart(
            t('servers.balancing.counts'),
            lb.filter((s) => s.unit === 'count'),
            '',
          )}
          {chart(
            t('servers.balancing.other'),
            lb.filter((s) => s.unit !== 'count'),
            '',
          )}
        </div>
      ) : null}
    </section>
  );
}
