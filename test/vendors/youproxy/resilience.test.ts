/** Transport behaviour through the YouProxy client: retries, writes once, uncertain, deadlines, secrets. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SimServer } from '../../../main/simulators/sim-server';
import type { YouproxySimulator } from '../../../main/simulators/youproxy';
import { VendorError } from '../../../main/vendors/errors';
import { type YouproxyClient, youproxyModule } from '../../../main/vendors/youproxy';
import { clientFor, hits, startSim } from './helpers';

const write = { requestId: 'req-r' };

describe('youproxy resilience', () => {
  let sim: YouproxySimulator;
  let client: YouproxyClient;
  let target: { kind: 'ip'; id: string; label: string; expiresAt: null };

  beforeAll(async () => {
    sim = startSim();
    await sim.listen(0);
    client = clientFor(sim);
    const ip = sim.state.ips.find((x) => x.proxyType === 'IPv4')!;
    target = { kind: 'ip', id: ip.id, label: ip.ip, expiresAt: null };
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.server.clearFaults();
    sim.setBalance(100_000);
  });

  it('reads are retried on 5xx', async () => {
    sim.server.injectFault({ kind: 'status', status: 503, path: '/balance', times: 2 });
    const before = hits(sim, 'GET', '/balance');
    expect((await client.getBalance()).money?.minor).toBe(100_000);
    expect(hits(sim, 'GET', '/balance') - before).toBe(3);
  });

  it('reads are retried on 429 and honour Retry-After', async () => {
    const waits: number[] = [];
    const c = clientFor(sim, {
      transport: { retry: { baseMs: 1, capMs: 5 }, sleep: async (ms) => void waits.push(ms) },
    });
    sim.server.injectFault({ kind: 'rate_limit', retryAfterSec: 2, path: '/ipAddress' });
    expect((await c.listProxies()).length).toBe(48);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
  });

  it('persistent 429 → rate_limited', async () => {
    sim.server.injectFault({ kind: 'rate_limit', retryAfterSec: 0, path: '/balance', times: 0 });
    await expect(client.getBalance()).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('a write answered 503 is not retried; its outcome is unknown (a 5xx is no documented refusal)', async () => {
    sim.server.injectFault({ kind: 'status', status: 503, method: 'POST', path: '/extend' });
    const posts = hits(sim, 'POST', '/extend');
    const ledger = sim.server.ledger.length;
    await expect(client.renew({ targets: [target], periodId: '30' }, write)).rejects.toMatchObject({
      code: 'outcome_unknown',
      uncertain: true,
      httpStatus: 503,
    });
    expect(hits(sim, 'POST', '/extend') - posts).toBe(1);
    expect(sim.server.ledger.length - ledger).toBe(0);
  });

  it('a write answered 429 is not retried and stays unknown (YouProxy documents no rate limit)', async () => {
    sim.server.injectFault({ kind: 'rate_limit', retryAfterSec: 30, method: 'POST', path: '/extend$' });
    const posts = hits(sim, 'POST', '/extend');
    await expect(client.renew({ targets: [target], periodId: '30' }, write)).rejects.toMatchObject({
      code: 'outcome_unknown',
      uncertain: true,
    });
    expect(hits(sim, 'POST', '/extend') - posts).toBe(1);
  });

  it('a write whose answer is dropped is uncertain and charged exactly once', async () => {
    sim.server.injectFault({ kind: 'drop_after_apply', method: 'POST', path: '/extend' });
    const posts = hits(sim, 'POST', '/extend');
    const ledger = sim.server.ledger.length;
    const err = await client.renew({ targets: [target], periodId: '30' }, write).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorError);
    expect(err).toMatchObject({ code: 'outcome_unknown', uncertain: true });
    expect(hits(sim, 'POST', '/extend') - posts).toBe(1);
    expect(sim.server.ledger.length - ledger).toBe(1);
  });

  it('a hang surfaces as a network error within the deadline', async () => {
    const c = clientFor(sim, { transport: { timeouts: { deadlineMs: 300 }, retry: { baseMs: 1, capMs: 5 } } });
    sim.server.injectFault({ kind: 'hang', path: '/balance' });
    const started = Date.now();
    await expect(c.getBalance()).rejects.toMatchObject({ code: 'network' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('malformed JSON → bad_response', async () => {
    sim.server.injectFault({ kind: 'malformed', path: '/ipAddress' });
    await expect(client.listOrders()).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('wrong_units: the simulator answers money in cents (documented trap)', async () => {
    sim.setBalance(2503);
    sim.server.injectFault({ kind: 'wrong_units', path: '/balance' });
    expect((await client.getBalance()).money?.minor).toBe(250_300);
    expect((await client.getBalance()).money?.minor).toBe(2503);
  });
});

describe('youproxy never leaks the API key (it is a URL path segment)', () => {
  const KEY = 'secret-key-5f0c2d9e8a71';
  let echo: SimServer;
  beforeAll(async () => {
    echo = new SimServer('echo');
    // A hostile/buggy vendor answer that repeats the request URL (with the key) in its error text.
    echo.route('GET', '/client/api/v1/:key/balance', (req) => ({
      json: { success: false, balance: null, error: { code: 99, message: `bad request ${req.path}` } },
    }));
    echo.route('GET', '/client/api/v1/:key/ipAddress', () => ({
      json: { success: true, ipAddresses: [], error: null },
    }));
    echo.route('POST', '/client/api/v1/:key/extend', (req) => ({
      status: 500,
      raw: `<html>crash at ${req.path} key=${req.params.key}</html>`,
    }));
    await echo.listen(0);
  });
  afterAll(() => echo.close());

  it('not in thrown errors, their messages, nor in log lines', async () => {
    const lines: string[] = [];
    const log = {
      debug: (o: Record<string, unknown>, m: string) => void lines.push(JSON.stringify(o) + m),
      warn: (o: Record<string, unknown>, m: string) => void lines.push(JSON.stringify(o) + m),
    };
    const c = youproxyModule.create({
      credentials: { apiKey: KEY },
      baseUrl: echo.url,
      log,
      transport: { retry: { max: 0 } },
    });
    const e1 = (await c.getBalance().catch((e: unknown) => e)) as VendorError;
    expect(e1).toBeInstanceOf(VendorError);
    expect(e1.message).toContain('bad request /client/api/v1/***/balance');
    const e2 = (await c
      .renew(
        {
          targets: [{ kind: 'ip', id: '1', label: 'x', expiresAt: null }],
          periodId: '30',
          options: { proxyType: 'IPv4' },
        },
        write,
      )
      .catch((e: unknown) => e)) as VendorError;
    expect(e2).toMatchObject({ code: 'outcome_unknown', httpStatus: 500 });
    expect(echo.requests.some((r) => r.method === 'POST' && r.path.endsWith('/extend'))).toBe(true);
    const check = await c.testConnection();
    // A network failure against a closed port, too.
    const dead = youproxyModule.create({
      credentials: { apiKey: KEY },
      baseUrl: 'http://127.0.0.1:9',
      log,
      transport: { retry: { baseMs: 1, capMs: 5 } },
    });
    const e3 = (await dead.getBalance().catch((e: unknown) => e)) as VendorError;
    expect(e3.code).toBe('network');
    for (const text of [e1.message, e2.message, e3.message, check.message, String(e1.stack), ...lines]) {
      expect(text).not.toContain(KEY);
    }
    expect(lines.some((l) => l.includes('/client/api/v1/***/balance'))).toBe(true);
  });
});
