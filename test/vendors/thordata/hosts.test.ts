/**
 * The two Thordata hosts (vendor file §1.1): openapi. ("public") and api. ("legacy"). Reads retry a
 * 404 without envelope — a real HTML 404 included — on the other host. Writes are never resent: their
 * host is resolved by a harmless read first, so a dead host never costs a second charge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html404Origin, makeClient, makeSim, type Sim, twoHosts } from './helpers';

const opts = { requestId: '00000000-0000-4000-8000-0000000000bb' };

describe('thordata host fallback', () => {
  let sim: Sim;
  let dead: Awaited<ReturnType<typeof html404Origin>>;
  beforeAll(async () => {
    sim = makeSim();
    await sim.listen(0);
    dead = await html404Origin();
  });
  afterAll(async () => {
    await sim.close();
    await dead.close();
  });
  const server = (i: number) => {
    const s = sim.state.servers[i]!;
    return { kind: 'server' as const, id: s.insId, label: s.planName, expiresAt: null };
  };

  it('a read answered with a real HTML 404 goes to the other host', async () => {
    dead.hits.length = 0;
    const c = makeClient(sim, {}, { publicBase: dead.url, legacyBase: sim.baseUrl() });
    expect((await c.getBalance()).money?.minor).toBe(sim.balance());
    expect((await c.listUnlimitedServers()).length).toBe(5);
    expect(dead.hits).toContain('GET /api/account/wallet-balance');
  });

  it('with one baseUrl for both hosts there is nothing to fall back to: the HTML 404 is an error', async () => {
    const c = makeClient(sim, { baseUrl: dead.url });
    await expect(c.getBalance()).rejects.toMatchObject({ code: 'bad_response', httpStatus: 404 });
  });

  it('writes on a dead preferred host: resolved by a read, sent ONCE to the live host, never to the dead one', async () => {
    dead.hits.length = 0;
    const ledger = sim.server.ledger.length;
    // Upgrade prefers openapi. (dead here), renew prefers api. (the seed's URL).
    const c = makeClient(sim, {}, { publicBase: dead.url, legacyBase: sim.baseUrl() });
    await c.upgradeServer(server(2).id, '3:5', opts);
    const r = await c.renew({ targets: [server(0)], periodId: '27' }, opts);
    expect(r.items[0]!.outcome).toBe('applied');
    await c.addWhitelist(['203.0.113.90']);
    expect(sim.server.ledger.length - ledger).toBe(2);
    expect(dead.hits.filter((h) => h.startsWith('POST'))).toEqual([]);
    expect(dead.hits).toEqual(['GET /api/account/wallet-balance']);
  });

  it('renew with its preferred host (api.) dead goes to openapi. after a read', async () => {
    dead.hits.length = 0;
    const ledger = sim.server.ledger.length;
    const c = makeClient(sim, {}, { publicBase: sim.baseUrl(), legacyBase: dead.url });
    const r = await c.renew({ targets: [server(1)], periodId: '27' }, opts);
    expect(r.items[0]!.outcome).toBe('applied');
    expect(sim.server.ledger.length - ledger).toBe(1);
    expect(dead.hits).toEqual(['GET /api/account/wallet-balance']);
  });

  it('both hosts dead: the write is not sent at all (a plain error, not unknown)', async () => {
    dead.hits.length = 0;
    const c = makeClient(sim, {}, { publicBase: dead.url, legacyBase: `${dead.url.replace(/\/api$/, '')}/old/api` });
    const e = await c.renew({ targets: [server(0)], periodId: '27' }, opts).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'bad_response', httpStatus: 404, uncertain: false });
    expect(dead.hits.every((h) => h.startsWith('GET'))).toBe(true);
  });

  it('a read answered HTML 404 by the first of two live simulators is answered by the second', async () => {
    const h = await twoHosts();
    try {
      h.pub.server.injectFault({
        kind: 'after_apply',
        answer: 'html_404',
        method: 'GET',
        path: '/account/wallet-balance',
      });
      h.legacy.setBalance(4242);
      expect((await h.client.testConnection()).balance).toEqual({ minor: 4242, currency: 'USD' });
    } finally {
      await h.close();
    }
  });
});
