import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadPort } from '../../../main/core/demo/local-proxies';
import { HealthResultsStore } from '../../../main/core/health/results-store';
import { HealthRunService } from '../../../main/core/health/run-service';
import type { ItemRef } from '../../../preload/contract/business';
import type { HealthProgress } from '../../../preload/contract/health';
import type { AccountSnapshot, ProxyEndpoint } from '../../../preload/contract/model';
import { DEFAULT_HEALTH_SETTINGS, type HealthSettings } from '../../../preload/contract/schemas';
import { leaksIn } from '../../helpers/key-spellings';
import { tempDir } from '../../helpers/tmp';
import { ACCOUNT, endpoint, Lab, snapshotOf } from './fixtures';

const PASSWORD = 'Sëcret pass/word%99';

interface Setup {
  service: HealthRunService;
  store: HealthResultsStore;
  events: HealthProgress[];
  finished: Promise<HealthProgress>;
}

describe('health run service', () => {
  let lab: Lab;
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(async () => {
    await lab?.close();
    tmp.cleanup();
  });

  function setup(snapshot: AccountSnapshot, settings: Partial<HealthSettings> = {}): Setup {
    const store = new HealthResultsStore(tmp.dir, () => new Date('2026-03-01T10:00:00Z'));
    const events: HealthProgress[] = [];
    let done: (p: HealthProgress) => void = () => {};
    const finished = new Promise<HealthProgress>((r) => {
      done = r;
    });
    const service = new HealthRunService({
      store,
      emit: (p) => {
        events.push(p);
        if (p.state !== 'running') done(p);
      },
      settings: () => ({ ...DEFAULT_HEALTH_SETTINGS, checkUrl: lab.target.url, timeoutMs: 2000, ...settings }),
      account: () => ({ vendor: 'thordata', demo: false }),
      snapshot: () => snapshot,
      capabilities: () => new Set(['serverMonitor']),
      now: () => new Date('2026-03-01T10:00:00Z'),
    });
    return { service, store, events, finished };
  }

  const refs = (ps: ProxyEndpoint[]): ItemRef[] => ps.map((p) => ({ accountId: ACCOUNT, kind: 'ip', id: p.id }));
  const allResults = (events: HealthProgress[]) => events.flatMap((e) => e.results);
  const byId = (events: HealthProgress[]) => new Map(allResults(events).map((r) => [r.item.id, r]));

  it('checks each IP with its own protocol and login, and says what came of it', async () => {
    lab = await new Lab().start();
    const de = { ip: '203.0.113.1', country: 'DE' };
    const http = await lab.proxy('http', de, { login: { username: 'bob', password: PASSWORD } });
    const socks = await lab.proxy('socks5', de);
    const wrong = await lab.proxy('http', { ip: '203.0.113.3', country: 'US' });
    const slow = await lab.proxy('socks5', de, { delayMs: 300 });
    const dead = await deadPort();
    const proxies = [
      endpoint('good-http', { httpPort: http.port, username: 'bob', password: PASSWORD, country: 'DEU' }),
      endpoint('bad-login', { httpPort: http.port, username: 'bob', password: `${PASSWORD}x`, country: 'DE' }),
      endpoint('good-socks', { protocol: 'socks5', socksPort: socks.port, country: 'Germany' }),
      endpoint('wrong-country', { httpPort: wrong.port, country: 'DE' }),
      endpoint('slow', { protocol: 'http+socks5', socksPort: slow.port, country: 'DE' }),
      endpoint('dead', { httpPort: dead, country: 'DE' }),
      endpoint('withheld', { httpPort: http.port, passwordWithheld: true, username: 'bob' }),
    ];
    const servers = [
      {
        id: 'ins-1',
        ip: 'm1.proxy.thordata.net',
        status: 'active' as const,
        expiresAt: null,
        bandwidth: null,
        spec: null,
        autoRenew: null,
        details: {},
      },
    ];
    const s = setup(snapshotOf(proxies, servers), { slowMs: 200 });
    s.service.run([...refs(proxies), { accountId: ACCOUNT, kind: 'server', id: 'ins-1' }]);
    const last = await s.finished;
    expect(last).toMatchObject({ state: 'done', total: 8, done: 8, ok: 4, failed: 4 });
    const r = byId(s.events);
    expect(r.get('good-http')).toMatchObject({
      ok: true,
      exitIp: '203.0.113.1',
      exitCountry: 'DE',
      advertisedCountry: 'DE',
      countryMatches: true,
      slow: false,
      nextStep: null,
      checkedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(r.get('bad-login')).toMatchObject({ ok: false, failure: 'auth_failed', latencyMs: null });
    expect(r.get('good-socks')).toMatchObject({ ok: true, countryMatches: true });
    expect(r.get('wrong-country')).toMatchObject({
      ok: true,
      exitCountry: 'US',
      advertisedCountry: 'DE',
      countryMatches: false,
    });
    expect(r.get('slow')).toMatchObject({ ok: true, slow: true });
    expect(r.get('dead')).toMatchObject({ ok: false, failure: 'refused', nextStep: null });
    expect(r.get('withheld')).toMatchObject({ ok: false, failure: 'no_credentials' });
    expect(r.get('ins-1')).toMatchObject({ ok: false, failure: 'no_credentials', nextStep: null });
    expect(r.get('ins-1')?.detail).toMatch(/port/);
    // No password in any result or event, nor in the file.
    s.store.flush();
    const text = JSON.stringify(s.events) + readFileSync(s.store.path, 'utf8');
    expect(leaksIn(text, [PASSWORD, `${PASSWORD}x`])).toEqual([]);
  });

  it('never runs more than `concurrency` checks at once, and batches its progress events', async () => {
    lab = await new Lab().start({ delayMs: 60 });
    const p = await lab.proxy('http', { ip: '203.0.113.9', country: 'FR' });
    const proxies = Array.from({ length: 40 }, (_, i) => endpoint(`ip-${i}`, { httpPort: p.port, country: 'FR' }));
    const s = setup(snapshotOf(proxies), { concurrency: 3 });
    const started = Date.now();
    s.service.run(refs(proxies));
    const last = await s.finished;
    const elapsed = Date.now() - started;
    expect(last).toMatchObject({ state: 'done', done: 40, ok: 40 });
    expect(lab.target.maxInFlight).toBe(3);
    expect(allResults(s.events)).toHaveLength(40);
    // At most ~10 events a second (one per 100 ms), plus the first and the last.
    expect(s.events.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    expect(s.events.length).toBeLessThan(40);
  });

  it('a run of 20,000 items finishes quickly with a handful of events (each item looked up once)', async () => {
    lab = await new Lab().start();
    const proxies = Array.from({ length: 20_000 }, (_, i) => endpoint(`n-${i}`, { country: 'FR' })); // no port
    const s = setup(snapshotOf(proxies), { concurrency: 8 });
    const started = Date.now();
    s.service.run(refs(proxies));
    const last = await s.finished;
    const elapsed = Date.now() - started;
    expect(last).toMatchObject({ state: 'done', done: 20_000, failed: 20_000 });
    expect(allResults(s.events)).toHaveLength(20_000);
    expect(allResults(s.events).every((r) => r.failure === 'no_credentials' && r.advertisedCountry === 'FR')).toBe(
      true,
    );
    expect(s.events.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    expect(elapsed).toBeLessThan(8000);
  });

  it('Cancel aborts the checks in flight and marks the rest cancelled; one run at a time per item', async () => {
    lab = await new Lab().start({ delayMs: 1500 });
    const p = await lab.proxy('socks5', { ip: '203.0.113.9', country: 'FR' });
    const proxies = Array.from({ length: 10 }, (_, i) =>
      endpoint(`ip-${i}`, { protocol: 'socks5', socksPort: p.port }),
    );
    const s = setup(snapshotOf(proxies), { concurrency: 2, timeoutMs: 5000 });
    const { runId } = s.service.run(refs(proxies));
    expect(() => s.service.run(refs(proxies))).toThrow(/being checked already/);
    await new Promise((r) => setTimeout(r, 200));
    const before = Date.now();
    s.service.cancel(runId);
    const last = await s.finished;
    expect(Date.now() - before).toBeLessThan(1000);
    expect(last).toMatchObject({ state: 'cancelled', total: 10, done: 10, ok: 0, failed: 10 });
    expect(allResults(s.events).every((r) => r.failure === 'cancelled')).toBe(true);
    // Cancelled checks do not replace earlier results; the items can be checked again.
    expect(s.store.list()).toEqual([]);
    expect(() => s.service.run(refs(proxies.slice(0, 1)))).not.toThrow();
  });

  it('keeps the last result per item in health.json (0600) and reads it back after a restart', async () => {
    lab = await new Lab().start();
    const p = await lab.proxy('http', { ip: '203.0.113.9', country: 'FR' });
    const proxies = [endpoint('a', { httpPort: p.port, country: 'FR' })];
    const s = setup(snapshotOf(proxies));
    s.service.run(refs(proxies));
    await s.finished;
    const path = join(tmp.dir, 'health.json');
    expect(existsSync(path)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = new HealthResultsStore(tmp.dir);
    expect(again.notices).toEqual([]);
    expect(again.list()).toEqual([
      expect.objectContaining({
        item: { accountId: ACCOUNT, kind: 'ip', id: 'a' },
        ok: true,
        exitCountry: 'FR',
        checkedAt: '2026-03-01T10:00:00.000Z',
      }),
    ]);
    expect(s.service.results()).toHaveLength(1);
  });

  it('a damaged results file is moved aside and reported; the results start empty', () => {
    const path = join(tmp.dir, 'health.json');
    for (const bad of ['{not json', JSON.stringify({ version: 1, results: [{ item: 'x' }] })]) {
      writeFileSync(path, bad);
      const store = new HealthResultsStore(tmp.dir, () => new Date('2026-03-01T10:00:00Z'));
      expect(store.list()).toEqual([]);
      expect(store.notices[0]).toMatch(/damaged and were moved to .*health\.corrupt-/);
      expect(existsSync(path)).toBe(false);
    }
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('health.corrupt-')).length).toBeGreaterThanOrEqual(1);
  });
});
