import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../preload/contract/channels';
import type { AppError } from '../../preload/contract/errors';
import type { TrafficPoint, TrafficSeries } from '../../preload/contract/model';
import { getApi } from '../api';
import { DataAge } from '../components/DataAge';
import { useErrorText } from '../lib/error-text';
import { formatBytes } from '../lib/format';
import { isStale, useSnapshotsStore } from '../stores/snapshots';
import { useVendorsStore } from '../stores/vendors';
import { AccountPicker, hasCapability, pickValid, UnsupportedNote, useCapableAccounts } from './manage/common';
import '../styles/manage.css';

/** The chart and recharts load only when a chart is first shown. */
const TrafficChart = lazy(() => import('./TrafficChart'));

const DAY_MS = 86_400_000;
const PRESETS = [7, 30, 90] as const;
/** The snapshot holds this many days of daily usage per account. */
const SNAPSHOT_DAYS = 90;
const MAX_HOURLY_DAYS = 7;
const MAX_DAYS = 366;
const COLOURS = ['#2f5fd0', '#e07b39', '#1c9a6c', '#9b51e0', '#d64562', '#2aa3b8', '#b58b00', '#6b7a90'];
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

type Granularity = 'day' | 'hour';

interface AccountTraffic {
  account: AccountSummary;
  points: TrafficPoint[];
  notes: string[];
}

interface Loaded {
  key: string;
  pending: boolean;
  data: AccountTraffic[];
  errors: { label: string; error: AppError }[];
}

/** Sums the series into one point per bucket (several main-account series, e.g. per product, add up). */
function mergeSeries(series: TrafficSeries[], from: string, to: string): TrafficPoint[] {
  const byAt = new Map<string, number>();
  for (const s of series) {
    for (const p of s.points) {
      const day = p.at.slice(0, 10);
      if (day < from || day > to) continue;
      byAt.set(p.at, (byAt.get(p.at) ?? 0) + p.bytes);
    }
  }
  return [...byAt.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([at, bytes]) => ({ at, bytes }));
}

/** Round tick values (0, 2, 4… in the axis unit) so the axis reads "4 GB", not "3.7 GB". */
function niceTicks(max: number, unitSize: number): number[] {
  const top = max / unitSize;
  if (top <= 0) return [0];
  const raw = top / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * mag).find((x) => x >= raw) ?? 10 * mag) * unitSize;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

/** The unit for the axis: KB/MB/GB/TB by the largest bar. */
function axisUnit(max: number): { size: number; name: string } {
  const names = ['B', 'KB', 'MB', 'GB', 'TB'];
  let k = max > 0 ? Math.floor(Math.log(max) / Math.log(1024)) : 2;
  k = Math.min(4, Math.max(1, k));
  return { size: 1024 ** k, name: names[k] ?? 'GB' };
}

export function TrafficView() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const fieldId = useId();
  const lang = i18n.language;
  const { capable, missing, loaded, total } = useCapableAccounts('traffic');
  const vendors = useVendorsStore((s) => s.list);
  const snapshots = useSnapshotsStore((s) => s.byAccount);
  const refresh = useSnapshotsStore((s) => s.refresh);
  const snapsLoaded = useSnapshotsStore((s) => s.loaded);

  const [picked, setPicked] = useState<string>('all');
  const [subUserId, setSubUserId] = useState('');
  const [preset, setPreset] = useState<number | 'custom'>(30);
  const [range, setRange] = useState(() => ({ from: addDays(todayUtc(), -29), to: todayUtc() }));
  const [granularity, setGranularity] = useState<Granularity>('day');

  const accountId = pickValid(picked, capable, true);
  const single = accountId === 'all' ? null : (capable.find((a) => a.id === accountId) ?? null);
  const shown = single ? [single] : capable;
  const snap = single ? snapshots[single.id] : undefined;
  const subUsers = single && hasCapability(vendors, single.vendor, 'subUsers') ? (snap?.subUsers ?? []) : [];
  const subUser = subUsers.some((u) => u.id === subUserId) ? subUserId : '';
  const hourlyOk = !!single && hasCapability(vendors, single.vendor, 'trafficHourly');
  const gran: Granularity = hourlyOk ? granularity : 'day';

  // Validate the custom range before asking anyone.
  const rangeError =
    !DAY_RE.test(range.from) || !DAY_RE.test(range.to)
      ? t('traffic.badDate')
      : range.from > range.to
        ? t('traffic.badRange')
        : daysBetween(range.from, range.to) > MAX_DAYS
          ? t('traffic.tooLong')
          : null;
  const from =
    gran === 'hour' && !rangeError ? maxDay(range.from, addDays(range.to, -(MAX_HOURLY_DAYS - 1))) : range.from;
  const to = range.to;

  // Daily, whole-account figures within the last 90 days come from the saved snapshot; the rest is asked for.
  const fromSnapshot = gran === 'day' && !subUser && from >= addDays(todayUtc(), -(SNAPSHOT_DAYS - 1));
  const queryKey = JSON.stringify({ accounts: shown, from, to, gran, subUser } satisfies Query);
  const [loadedData, setLoadedData] = useState<Loaded | null>(null);

  useEffect(() => {
    if (fromSnapshot || rangeError) return;
    const q = JSON.parse(queryKey) as Query;
    if (q.accounts.length === 0) return;
    let cancelled = false;
    setLoadedData({ key: queryKey, pending: true, data: [], errors: [] });
    void loadTraffic(q).then((result) => {
      if (!cancelled) setLoadedData({ key: queryKey, pending: false, ...result });
    });
    return () => {
      cancelled = true;
    };
  }, [queryKey, fromSnapshot, rangeError]);

  const current: Loaded = useMemo(() => {
    if (!fromSnapshot) {
      return loadedData?.key === queryKey ? loadedData : { key: queryKey, pending: true, data: [], errors: [] };
    }
    const data: AccountTraffic[] = [];
    for (const account of shown) {
      const s = snapshots[account.id];
      if (!s) continue;
      const series = s.traffic.filter((x) => x.granularity === 'day' && x.subUserId === null);
      data.push({ account, points: mergeSeries(series, from, to), notes: notesOf(series) });
    }
    return { key: queryKey, pending: false, data, errors: [] };
  }, [fromSnapshot, loadedData, queryKey, shown, snapshots, from, to]);

  const { rows, max } = useMemo(() => buildRows(current.data, from, to, gran), [current.data, from, to, gran]);
  const unit = axisUnit(max);
  const ticks = niceTicks(max, unit.size);
  const totals = current.data.map((d) => ({ account: d.account, bytes: d.points.reduce((n, p) => n + p.bytes, 0) }));
  const grandTotal = totals.reduce((n, x) => n + x.bytes, 0);
  const notes = current.data.flatMap((d) => d.notes.map((n) => ({ label: d.account.label, note: n })));
  const colourOf = (id: string) => COLOURS[capable.findIndex((a) => a.id === id) % COLOURS.length] ?? COLOURS[0];

  const fetchedTimes = shown.map((a) => snapshots[a.id]?.fetchedAt).filter((x): x is string => !!x);
  const oldest = fetchedTimes.length ? fetchedTimes.reduce((a, b) => (a < b ? a : b)) : null;
  const stale = shown.some((a) => isStale(refresh[a.id]));

  const choosePreset = (days: number) => {
    setPreset(days);
    setRange({ from: addDays(todayUtc(), -(days - 1)), to: todayUtc() });
  };

  return (
    <section className="view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('traffic.title')}
          </h1>
          <p className="muted">{t('traffic.intro')}</p>
        </div>
        {shown.length > 0 ? <DataAge fetchedAt={oldest} stale={stale} /> : null}
      </header>

      {loaded && total === 0 ? <p className="empty">{t('manage.noAccounts')}</p> : null}
      {loaded && total > 0 && capable.length === 0 ? <p className="empty">{t('manage.noneCapable')}</p> : null}
      <UnsupportedNote names={missing} what="traffic" />

      {capable.length > 0 ? (
        <>
          <div className="manage-toolbar">
            <AccountPicker accounts={capable} value={accountId} onChange={setPicked} allowAll />
            {subUsers.length > 0 ? (
              <label className="manage-field" htmlFor={`${fieldId}-sub`}>
                <span className="field-label">{t('traffic.subUser')}</span>
                <select
                  id={`${fieldId}-sub`}
                  className="input"
                  value={subUser}
                  onChange={(e) => setSubUserId(e.target.value)}
                >
                  <option value="">{t('traffic.mainAccount')}</option>
                  {subUsers.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.username}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {hourlyOk ? (
              <fieldset className="manage-segmented">
                <legend className="field-label manage-legend">{t('traffic.granularity')}</legend>
                <div className="segmented">
                  {(['day', 'hour'] as const).map((g) => (
                    <button
                      key={g}
                      type="button"
                      className="segment"
                      aria-pressed={gran === g}
                      onClick={() => setGranularity(g)}
                    >
                      {g === 'day' ? t('traffic.daily') : t('traffic.hourly')}
                    </button>
                  ))}
                </div>
              </fieldset>
            ) : null}
          </div>

          <fieldset className="manage-toolbar manage-range">
            <legend className="field-label manage-legend">{t('traffic.range')}</legend>
            <div className="segmented">
              {PRESETS.map((days) => (
                <button
                  key={days}
                  type="button"
                  className="segment"
                  aria-pressed={preset === days}
                  onClick={() => choosePreset(days)}
                >
                  {t('traffic.lastDays', { count: days })}
                </button>
              ))}
            </div>
            <label className="manage-field manage-date" htmlFor={`${fieldId}-from`}>
              <span className="field-label">{t('traffic.from')}</span>
              <input
                id={`${fieldId}-from`}
                className="input"
                type="date"
                value={range.from}
                max={range.to}
                aria-invalid={rangeError ? true : undefined}
                onChange={(e) => {
                  setPreset('custom');
                  setRange((r) => ({ ...r, from: e.target.value }));
                }}
              />
            </label>
            <label className="manage-field manage-date" htmlFor={`${fieldId}-to`}>
              <span className="field-label">{t('traffic.to')}</span>
              <input
                id={`${fieldId}-to`}
                className="input"
                type="date"
                value={range.to}
                min={range.from}
                aria-invalid={rangeError ? true : undefined}
                onChange={(e) => {
                  setPreset('custom');
                  setRange((r) => ({ ...r, to: e.target.value }));
                }}
              />
            </label>
          </fieldset>
          {rangeError ? (
            <p className="field-error" role="alert">
              {rangeError}
            </p>
          ) : null}
          {gran === 'hour' ? <p className="field-help">{t('traffic.hourlyHelp')}</p> : null}
          {single && !snap && snapsLoaded ? <p className="muted">{t('manage.notLoaded')}</p> : null}

          {!rangeError ? (
            <div className="card manage-chart-card">
              <div className="manage-total-row">
                <div>
                  <span className="muted">{t('traffic.total')}</span>
                  <output className="manage-total" aria-label={t('traffic.total')}>
                    {current.pending ? '…' : formatBytes(grandTotal)}
                  </output>
                </div>
                {totals.length > 1 && !current.pending ? (
                  <ul className="manage-total-list" aria-label={t('traffic.total')}>
                    {totals.map((x) => (
                      <li key={x.account.id}>
                        <span className="swatch" style={{ background: colourOf(x.account.id) }} aria-hidden="true" />
                        {t('traffic.totalOf', { label: x.account.label, value: formatBytes(x.bytes) })}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>

              {current.pending ? (
                <p role="status" className="progress">
                  <span className="spinner" aria-hidden="true" /> {t('traffic.loading')}
                </p>
              ) : null}
              {current.errors.map((e) => (
                <div key={e.label} className="inline-error" role="alert">
                  {t('traffic.failed', { label: e.label, message: errorText(e.error) })}
                </div>
              ))}
              {!current.pending && current.data.length > 0 && grandTotal === 0 ? (
                <p className="muted">{t('traffic.empty')}</p>
              ) : null}
              {!current.pending && current.data.length > 0 ? (
                <figure
                  className="manage-chart"
                  aria-label={t('traffic.chartLabel', {
                    unit: gran === 'hour' ? t('traffic.unitHour') : t('traffic.unitDay'),
                  })}
                >
                  <Suspense
                    fallback={
                      <p role="status" className="progress">
                        <span className="spinner" aria-hidden="true" /> {t('app.loading')}
                      </p>
                    }
                  >
                    <TrafficChart
                      rows={rows}
                      series={current.data.map((d) => ({
                        id: d.account.id,
                        label: d.account.label,
                        colour: colourOf(d.account.id),
                      }))}
                      ticks={ticks}
                      unit={unit}
                      lang={lang}
                      legend={current.data.length > 1 || !single}
                    />
                  </Suspense>
                </figure>
              ) : null}

              {notes.length > 0 ? (
                <div className="manage-notes">
                  <p className="field-label">{t('traffic.notes')}</p>
                  <ul>
                    {notes.map((n) => (
                      <li key={`${n.label}:${n.note}`} className="muted">
                        {t('traffic.failed', { label: n.label, message: n.note })}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

interface Query {
  accounts: AccountSummary[];
  from: string;
  to: string;
  gran: Granularity;
  subUser: string;
}

/** Asks main for each account's usage (ranges beyond the snapshot, hourly, or one sub-user). */
async function loadTraffic(q: Query): Promise<Pick<Loaded, 'data' | 'errors'>> {
  const results = await Promise.all(
    q.accounts.map(async (account) => ({
      account,
      r: await getApi().traffic.get({
        accountId: account.id,
        from: q.from,
        to: q.to,
        granularity: q.gran,
        subUserId: q.subUser || null,
      }),
    })),
  );
  const data: AccountTraffic[] = [];
  const errors: Loaded['errors'] = [];
  for (const { account, r } of results) {
    if (!r.ok) {
      errors.push({ label: account.label, error: r.error });
      continue;
    }
    const wanted = r.data.filter((s) => s.granularity === q.gran && (s.subUserId ?? '') === q.subUser);
    const series = wanted.length > 0 ? wanted : r.data;
    data.push({ account, points: mergeSeries(series, q.from, q.to), notes: notesOf(series) });
  }
  return { data, errors };
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

function notesOf(series: TrafficSeries[]): string[] {
  return [...new Set(series.map((s) => s.note).filter((n): n is string => !!n))];
}

/** One row per bucket (every day of the range; every reported hour), one column per account. */
function buildRows(
  data: AccountTraffic[],
  from: string,
  to: string,
  gran: Granularity,
): { rows: Record<string, string | number>[]; max: number } {
  const keys: string[] = [];
  if (gran === 'day') {
    for (let d = from; d <= to; d = addDays(d, 1)) keys.push(`${d}T00:00:00.000Z`);
  } else {
    const all = new Set<string>();
    for (const d of data) for (const p of d.points) all.add(p.at);
    keys.push(...[...all].sort());
  }
  const byKey = new Map<string, Record<string, string | number>>();
  for (const k of keys) {
    byKey.set(k, { at: k, label: gran === 'day' ? k.slice(5, 10) : `${k.slice(5, 10)} ${k.slice(11, 16)}` });
  }
  for (const d of data) {
    for (const k of keys) {
      const row = byKey.get(k);
      if (row) row[d.account.id] = 0;
    }
    for (const p of d.points) {
      const key = gran === 'day' ? `${p.at.slice(0, 10)}T00:00:00.000Z` : p.at;
      const row = byKey.get(key);
      if (row) row[d.account.id] = Number(row[d.account.id] ?? 0) + p.bytes;
    }
  }
  let max = 0;
  const rows = [...byKey.values()];
  for (const row of rows) {
    let sum = 0;
    for (const d of data) sum += Number(row[d.account.id] ?? 0);
    max = Math.max(max, sum);
  }
  return { rows, max };
}
