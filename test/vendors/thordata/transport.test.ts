import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ThordataClient } from '../../../main/vendors/thordata/client';
import { makeClient, makeSim, type Sim, seen } from './helpers';

describe('thordata transport behaviour', () => {
  let sim: Sim;
  let client: ThordataClient;
  const server0 = () => {
    const s = sim.state.servers[0]!;
    return { kind: 'server' as const, id: s.insId, label: s.planName, expiresAt: null };
  };

  beforeAll(async () => {
    sim = makeSim();
    await sim.listen(0);
    client = makeClient(sim);
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.server.clearFaults();
    sim.server.requests.length = 0;
  });

  it('reads are retried on 5xx', async () => {
    sim.server.injectFault({ kind: 'status', status: 503, path: '/account/wallet-balance', times: 2 });
    const b = await client.testConnection();
    expect(b.ok).toBe(true);
    expect(seen(sim, 'GET', '/account/wallet-balance').map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('reads are retried on 429 and honour Retry-After', async () => {
    sim.server.injectFault({ kind: 'rate_limit', retryAfterSec: 0.2, path: '/unlimited/server-list' });
    const t0 = Date.now();
    const servers = await client.listUnlimitedServers();
    expect(servers.length).toBe(5);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(180);
    expect(seen(sim, 'GET', '/unlimited/server-list').map((r) => r.status)).toEqual([429, 200]);
  });

  it('persistent 5xx on a read → vendor_unavailable; persistent 429 → rate_limited', async () => {
    sim.server.injectFault({ kind: 'status', status: 502, path: '/proxy/proxy-list', times: 0 });
    await expect(client.listProxies()).rejects.toMatchObject({ code: 'vendor_unavailable' });
    sim.server.clearFaults();
    sim.server.injectFault({ kind: 'rate_limit', retryAfterSec: 0, path: '/whitelisted-ips/ip-list', times: 0 });
    await expect(client.listWhitelist()).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('writes are not retried: one request; a 503 is unknown (Thordata may have applied it), no charge here', async () => {
    const ledger = sim.server.ledger.length;
    sim.server.injectFault({ kind: 'status', status: 503, path: '/unlimited/renew' });
    await expect(client.renew({ targets: [server0()], periodId: '6' }, { requestId: 'w1' })).rejects.toMatchObject({
      code: 'outcome_unknown',
      uncertain: true,
      httpStatus: 503,
    });
    expect(seen(sim, 'POST', '/unlimited/renew')).toHaveLength(1);
    expect(sim.server.ledger.length - ledger).toBeLessThanOrEqual(1);
    expect(sim.server.ledger.length).toBe(ledger);
  });

  it('writes are not retried on 429 either', async () => {
    sim.server.injectFault({ kind: 'rate_limit', retryAfterSec: 0, path: '/unlimited/upgrade' });
    const ledger = sim.server.ledger.length;
    await expect(client.upgradeServer(server0().id, '2:5', { requestId: 'w2' })).rejects.toMatchObject({
      code: 'rate_limited',
    });
    expect(seen(sim, 'POST', '/unlimited/upgrade')).toHaveLength(1);
    expect(sim.server.ledger.length).toBe(ledger);
  });

  it('a renew whose answer is dropped is uncertain, and exactly one charge happened', async () => {
    const ledger = sim.server.ledger.length;
    sim.server.injectFault({ kind: 'drop_after_apply', path: '/unlimited/renew' });
    const e = await client
      .renew({ targets: [server0()], periodId: '27' }, { requestId: 'w3' })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'outcome_unknown', uncertain: true });
    expect(sim.server.ledger.length - ledger).toBe(1);
    expect(seen(sim, 'POST', '/unlimited/renew')).toHaveLength(1);
  });

  it('a hang surfaces as network within the deadline', async () => {
    const c = makeClient(sim, { transport: { timeouts: { deadlineMs: 300 }, retry: { baseMs: 1, capMs: 5 } } });
    sim.server.injectFault({ kind: 'hang', path: '/account/wallet-balance', times: 0 });
    const t0 = Date.now();
    await expect(c.getBalance()).rejects.toMatchObject({ code: 'network' });
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('malformed JSON → bad_response', async () => {
    sim.server.injectFault({ kind: 'malformed', path: '/proxy-users/user-list', times: 0 });
    await expect(client.listSubUsers()).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('no secret in thrown error messages', async () => {
    const { token, key } = sim.credentials;
    const errors: unknown[] = [];
    const bad = makeClient(sim, { credentials: { token, key: `${key}X` } });
    errors.push(await bad.getBalance().catch((e: unknown) => e));
    sim.server.injectFault({ kind: 'malformed', path: '/account/wallet-balance' });
    errors.push(await client.getBalance().catch((e: unknown) => e));
    sim.server.injectFault({ kind: 'drop_after_apply', path: '/unlimited/restart-server' });
    errors.push(await client.restartServer(sim.state.servers[2]!.planName).catch((e: unknown) => e));
    expect(errors.every((e) => e instanceof Error)).toBe(true);
    for (const e of errors) {
      const text = `${(e as Error).message} ${JSON.stringify(e)}`;
      expect(text).not.toContain(token);
      expect(text).not.toContain(key);
    }
  });

  it('a vendor message echoing the key is redacted', async () => {
    const { key } = sim.credentials;
    sim.server.route('GET', '/api/echo', () => ({ json: { code: 10000, data: {}, msg: `bad key ${key}` } }));
    const c = makeClient(sim) as unknown as { call(c: { method: 'GET'; path: string }): Promise<unknown> };
    const e = (await c.call({ method: 'GET', path: '/echo' }).catch((x: unknown) => x)) as Error;
    expect(e.message).toContain('***');
    expect(e.message).not.toContain(key);
  });
});
