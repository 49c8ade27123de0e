/**
 * The health check UI (issue 15 §3): the words of a result cell and its hover, the dead / slow /
 * country-mismatch filters read by itemKey, the health store (start, progress events, Cancel, a
 * cancelled item not hiding an earlier finding, results from disk), and the en / zh-CN key sets.
 */
import i18next, { type TFunction } from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApi, type Invoke } from '../../preload/contract/api';
import { type ItemRef, itemKey } from '../../preload/contract/business';
import type { HealthProgress, HealthResult } from '../../preload/contract/health';
import { HEALTH_FAILURES } from '../../preload/contract/health';
import { setApiForTests } from '../../renderer/api';
import { healthEn } from '../../renderer/i18n/health.en';
import { healthZhCN } from '../../renderer/i18n/health.zh-CN';
import { handleEvent } from '../../renderer/stores/events';
import { mergeResults, useHealthStore } from '../../renderer/stores/health';
import { healthCell, healthTest, healthTitle, isDead, offersRestart } from '../../renderer/views/health/model';

const A = '0b7f2c1e-5d4a-4e8b-9c3d-2a1f0e9d8c7a';
const RUN = '5a0c3a5e-1f7b-4c55-9d0e-7a4b2c1d0e9f';
const AT = '2026-01-01T10:00:00.000Z';
const LATER = '2026-01-01T11:00:00.000Z';

const ref = (id: string, kind: ItemRef['kind'] = 'ip'): ItemRef => ({ accountId: A, kind, id });
const okResult = (id: string, over: Partial<HealthResult> = {}): HealthResult => ({
  item: ref(id),
  checkedAt: AT,
  ok: true,
  failure: null,
  detail: null,
  latencyMs: 230,
  exitIp: '203.0.113.7',
  exitCountry: 'DE',
  advertisedCountry: 'DE',
  countryMatches: true,
  slow: false,
  nextStep: null,
  ...over,
});
const dead = (id: string, failure: HealthResult['failure'], over: Partial<HealthResult> = {}): HealthResult =>
  okResult(id, { ok: false, failure, latencyMs: null, exitIp: null, exitCountry: null, countryMatches: null, ...over });

function tFor(lang: 'en' | 'zh-CN'): TFunction {
  const i = i18next.createInstance();
  void i.init({
    lng: lang,
    resources: { en: { translation: healthEn }, 'zh-CN': { translation: healthZhCN } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i.t;
}
const t = tFor('en');

describe('health cell words', () => {
  it('says OK with latency and exit country, Dead with the reason, Slow, and a wrong country', () => {
    expect(healthCell(okResult('1'), t, 10_000)).toEqual({ tone: 'ok', text: 'OK · 230 ms · DE' });
    expect(healthCell(dead('2', 'auth_failed'), t, 10_000)).toEqual({ tone: 'dead', text: 'Dead: auth failed' });
    expect(healthCell(okResult('3', { slow: true, latencyMs: 2300 }), t, 10_000).text).toBe('Slow · 2300 ms');
    expect(
      healthCell(okResult('4', { advertisedCountry: 'US', exitCountry: 'DE', countryMatches: false }), t, 10_000),
    ).toEqual({ tone: 'mismatch', text: 'Country: US, exit DE' });
    expect(healthCell(undefined, t, 10_000)).toEqual({ tone: 'never', text: 'Not checked' });
    expect(healthCell(dead('5', 'cancelled'), t, 10_000).tone).toBe('never');
  });

  it('hovers the full reason (the time limit from the settings) and "last checked"', () => {
    const when = (iso: string) => (iso === AT ? '5 minutes ago' : '?');
    expect(healthTitle(dead('1', 'timeout'), t, 10_000, when)).toBe(
      'No answer within 10 s · last checked 5 minutes ago',
    );
    expect(healthTitle(dead('1', 'auth_failed'), t, 10_000, when)).toBe(
      'The proxy refused the login — check the user name and password · last checked 5 minutes ago',
    );
    expect(healthTitle(okResult('1'), t, 10_000, when)).toBe('exit IP 203.0.113.7 · last checked 5 minutes ago');
    expect(tFor('zh-CN')('health.reason.timeout', { seconds: 10 })).toBe('10 秒内没有应答');
  });

  it('has a plain reason for every failure of the contract, in both languages', () => {
    for (const f of HEALTH_FAILURES) {
      expect(healthEn.health.reason[f], f).toBeTruthy();
      expect(healthZhCN.health.reason[f], f).toBeTruthy();
      expect(healthEn.health.reasonShort[f], f).toBeTruthy();
    }
  });
});

describe('health filters', () => {
  const results = [
    okResult('ok'),
    dead('dead', 'refused'),
    okResult('slow', { slow: true, latencyMs: 4000 }),
    okResult('mis', { advertisedCountry: 'US', countryMatches: false }),
    dead('cancelled', 'cancelled'),
  ];
  const byKey = new Map(results.map((r) => [itemKey(r.item), r]));
  const keys = ['ok', 'dead', 'slow', 'mis', 'cancelled', 'never'].map((id) => itemKey(ref(id)));
  const kept = (f: Parameters<typeof healthTest>[1]) => {
    const test = healthTest(byKey, f);
    return test ? keys.filter(test).map((k) => k.split('|')[2]) : 'everything';
  };
  it('narrows to dead, slow, country mismatch or not checked by one Map read per key', () => {
    expect(kept('all')).toBe('everything');
    expect(kept('dead')).toEqual(['dead']);
    expect(kept('slow')).toEqual(['slow']);
    expect(kept('mismatch')).toEqual(['mis']);
    expect(kept('unchecked')).toEqual(['cancelled', 'never']);
    expect(isDead(byKey.get(itemKey(ref('cancelled'))))).toBe(false);
  });
});

describe('mergeResults', () => {
  it('keeps identity of untouched entries, and a cancelled item does not hide an earlier finding', () => {
    const first = okResult('1');
    const other = okResult('2');
    const prev = new Map([
      [itemKey(first.item), first],
      [itemKey(other.item), other],
    ]);
    const next = mergeResults(prev, [dead('1', 'cancelled', { checkedAt: LATER }), dead('3', 'cancelled')]);
    expect(next).not.toBe(prev);
    expect(next.get(itemKey(first.item))).toBe(first);
    expect(next.get(itemKey(other.item))).toBe(other);
    expect(next.get(itemKey(ref('3')))?.failure).toBe('cancelled');
    const again = mergeResults(next, [dead('1', 'timeout', { checkedAt: LATER })]);
    expect(again.get(itemKey(first.item))?.failure).toBe('timeout');
    expect(mergeResults(again, [])).toBe(again);
  });
});

describe('health store', () => {
  let calls: { channel: string; input: unknown }[];
  let disk: HealthResult[];
  beforeEach(() => {
    calls = [];
    disk = [];
    const invoke = (async (channel: string, input: unknown) => {
      calls.push({ channel, input });
      if (channel === 'health:run') return { ok: true, data: { runId: RUN } };
      if (channel === 'health:cancel') return { ok: true, data: { ok: true } };
      if (channel === 'health:results') return { ok: true, data: disk };
      return { ok: false, error: { code: 'internal', message: 'no' } };
    }) as unknown as Invoke;
    setApiForTests(buildApi(invoke, () => () => {}));
    useHealthStore.setState({ byKey: new Map(), run: null, loaded: false, error: null });
  });
  afterEach(() => setApiForTests(null));

  const progress = (over: Partial<HealthProgress>): HealthProgress => ({
    runId: RUN,
    total: 3,
    done: 0,
    ok: 0,
    failed: 0,
    state: 'running',
    results: [],
    ...over,
  });

  it('starts a run, follows its events, cancels it, and refuses a second run meanwhile', async () => {
    const items = [ref('1'), ref('2'), ref('3')];
    expect(await useHealthStore.getState().start(items)).toBeNull();
    expect(calls).toEqual([{ channel: 'health:run', input: { items } }]);
    expect(useHealthStore.getState().run).toMatchObject({ runId: RUN, total: 3, done: 0, state: 'running' });

    handleEvent({
      type: 'health-progress',
      progress: progress({ done: 1, failed: 1, results: [dead('1', 'auth_failed')] }),
    });
    expect(useHealthStore.getState().run).toMatchObject({ done: 1, failed: 1, dead: 1 });
    expect(useHealthStore.getState().byKey.get(itemKey(ref('1')))?.failure).toBe('auth_failed');

    await useHealthStore.getState().start(items);
    expect(calls.filter((c) => c.channel === 'health:run')).toHaveLength(1);

    await useHealthStore.getState().cancel();
    expect(calls.at(-1)).toEqual({ channel: 'health:cancel', input: { runId: RUN } });
    expect(useHealthStore.getState().run?.cancelling).toBe(true);
    handleEvent({
      type: 'health-progress',
      progress: progress({
        done: 3,
        ok: 0,
        failed: 3,
        state: 'cancelled',
        results: [dead('2', 'cancelled'), dead('3', 'no_credentials')],
      }),
    });
    // Cancelled and not-tried items are failures of the run, not dead proxies.
    expect(useHealthStore.getState().run).toMatchObject({ state: 'cancelled', cancelling: false, dead: 1 });
    useHealthStore.getState().dismiss();
    expect(useHealthStore.getState().run).toBeNull();
  });

  it('loads the saved results ("last checked" after a restart); newer event results win', async () => {
    disk = [okResult('1'), okResult('2')];
    handleEvent({
      type: 'health-progress',
      progress: progress({ done: 1, failed: 1, results: [dead('2', 'refused', { checkedAt: LATER })] }),
    });
    await useHealthStore.getState().fetch();
    const s = useHealthStore.getState();
    expect(s.loaded).toBe(true);
    expect(s.byKey.get(itemKey(ref('1')))?.ok).toBe(true);
    expect(s.byKey.get(itemKey(ref('2')))?.failure).toBe('refused');
  });
});

describe('health strings', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
  it('has the same keys in en and zh-CN, none empty', () => {
    expect(keys(healthZhCN).sort()).toEqual(keys(healthEn).sort());
    for (const o of [healthEn, healthZhCN]) {
      for (const k of keys(o)) {
        const v = k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o);
        expect(String(v).trim(), k).not.toBe('');
      }
    }
  });
});

describe('servers and items without a login', () => {
  it('says "Can’t check" (not dead) without a login; a failing server gets Restart', () => {
    const server = dead('s1', 'no_credentials', { item: ref('s1', 'server') });
    expect(healthCell(server, t, 10_000)).toEqual({ tone: 'cannot', text: 'Can’t check: no port or password' });
    expect(healthCell(dead('p1', 'no_credentials'), t, 10_000).text).toBe('Can’t check: no login');
    expect(isDead(server)).toBe(false);
    expect(offersRestart(server)).toBe(false);
    expect(healthTest(new Map([[itemKey(server.item), server]]), 'unchecked')?.(itemKey(server.item))).toBe(true);
    expect(offersRestart(dead('s2', 'timeout', { item: ref('s2', 'server') }))).toBe(true);
    expect(offersRestart(dead('s3', 'no_credentials', { item: ref('s3', 'server'), nextStep: 'restartServer' }))).toBe(
      true,
    );
    expect(offersRestart(dead('p2', 'timeout'))).toBe(false);
  });
});
