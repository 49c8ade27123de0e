/**
 * Issue #9 "never pays twice" for Thordata: Thordata APPLIES a paid write and then answers badly.
 * Paid writes: S5 renew (`renew`), S6 upgrade (`upgradeServer`). Each must leave exactly ONE charge,
 * say "unknown", and be settled by reading state — on one host, and with two hosts (no resend to the
 * other host, whatever the bad answer, HTML 404 included).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AfterApplyAnswer } from '../../../main/simulators/sim-server';
import { ThorError } from '../../../main/simulators/thordata/state';
import type { ThordataClient } from '../../../main/vendors/thordata/client';
import { AFTER_APPLY_ANSWERS, expectUnknown, expectUnknownThenRenewed, renewOutcomes } from '../../helpers/post-apply';
import { makeClient, makeSim, type Sim, twoHosts } from './helpers';

const RENEW = '/unlimited/renew';
const UPGRADE = '/unlimited/upgrade';
const opts = { requestId: '00000000-0000-4000-8000-0000000000aa' };

function target(sim: Sim, i: number) {
  const s = sim.state.servers[i]!;
  return { kind: 'server' as const, id: s.insId, label: s.planName, expiresAt: null };
}

const fault = (answer: AfterApplyAnswer, path: string, times = 1) =>
  ({ kind: 'after_apply', answer, method: 'POST', path, times }) as const;

describe.each(AFTER_APPLY_ANSWERS)('thordata paid writes, applied then answered %s', (answer) => {
  let sim: Sim;
  let client: ThordataClient;
  beforeEach(async () => {
    sim = makeSim();
    await sim.listen(0);
    client = makeClient(sim);
  });
  afterEach(() => sim.close());

  it('renew one server: exactly one charge, unknown, then read back as renewed', async () => {
    const ledger = sim.server.ledger.length;
    sim.server.injectFault(fault(answer, RENEW));
    await expectUnknownThenRenewed(client, { targets: [target(sim, 0)], periodId: '8' });
    expect(sim.server.ledger.length - ledger).toBe(1);
  });

  it('renew two servers, both answered badly: two charges (one each), both unknown, both read back renewed', async () => {
    const ledger = sim.server.ledger.length;
    sim.server.injectFault(fault(answer, RENEW, 2));
    await expectUnknownThenRenewed(client, { targets: [target(sim, 0), target(sim, 1)], periodId: '6' });
    expect(sim.server.ledger.slice(ledger).map((e) => e.items)).toEqual([
      [sim.state.servers[0]!.insId],
      [sim.state.servers[1]!.insId],
    ]);
  });

  it('renew two servers, the second answered badly: applied then unknown; charged = the first one only', async () => {
    const ledger = sim.server.ledger.length;
    // The first renew request passes (a zero latency fault takes it), the second is faulted.
    sim.server.injectFault({ kind: 'latency', ms: 0, method: 'POST', path: RENEW });
    sim.server.injectFault(fault(answer, RENEW));
    const r = await client.renew({ targets: [target(sim, 0), target(sim, 1)], periodId: '27' }, opts);
    expect(r.items.map((i) => i.outcome)).toEqual(['applied', 'unknown']);
    expect(r.items[0]!.newExpiresAt).toBe(sim.state.servers[0]!.expires.toISOString());
    expect(r.items[1]!.newExpiresAt).toBeNull();
    expect(r.items[1]!.message).toMatch(/checking with Thordata/);
    const charges = sim.server.ledger.slice(ledger);
    expect(charges).toHaveLength(2);
    expect(r.charged).toEqual({ minor: charges[0]!.amountMinor, currency: 'USD' });
  });

  it('upgrade: exactly one charge, unknown, then the server list shows the new plan', async () => {
    const s = sim.state.servers[2]!;
    const ledger = sim.server.ledger.length;
    sim.server.injectFault(fault(answer, UPGRADE));
    await expectUnknown(() => client.upgradeServer(s.insId, '4:2', opts));
    expect(sim.server.ledger.length - ledger).toBe(1);
    const after = (await client.listUnlimitedServers()).find((x) => x.id === s.insId)!;
    expect({ bandwidth: after.bandwidth, spec: after.spec }).toEqual({ bandwidth: '500Mbps', spec: '16vCPU 32GiB' });
  });

  it('two hosts: renew and upgrade are never resent to the other host (one charge each in both ledgers)', async () => {
    const h = await twoHosts();
    try {
      for (const s of [h.pub, h.legacy]) {
        s.server.injectFault(fault(answer, RENEW));
        s.server.injectFault(fault(answer, UPGRADE));
      }
      const outcomes = await renewOutcomes(h.client, { targets: [target(h.pub, 0)], periodId: '8' });
      expect([...outcomes.values()]).toEqual(['unknown']);
      expect(h.charges()).toBe(1);
      // Renew goes to the seed's host (api., "legacy"), resolved by a read first.
      expect(h.legacy.server.ledger).toHaveLength(1);
      await expectUnknown(() => h.client.upgradeServer(h.pub.state.servers[2]!.insId, '4:2', opts));
      expect(h.charges()).toBe(2);
      expect(h.pub.server.ledger).toHaveLength(1);
      const posts = [...h.pub.server.requests, ...h.legacy.server.requests].filter((r) => r.method === 'POST');
      expect(posts).toHaveLength(2);
    } finally {
      await h.close();
    }
  });
});

describe('thordata paid writes: charged and per-item outcomes of several servers', () => {
  let sim: Sim;
  let client: ThordataClient;
  beforeEach(async () => {
    sim = makeSim();
    await sim.listen(0);
    client = makeClient(sim);
  });
  afterEach(() => sim.close());

  it('two servers renewed: charged is what Thordata took for BOTH (issue: $7.00 taken, $3.50 reported)', async () => {
    const ledger = sim.server.ledger.length;
    const wallet = sim.balance();
    const r = await client.renew({ targets: [target(sim, 0), target(sim, 1)], periodId: '27' }, opts);
    expect(r.items.map((i) => i.outcome)).toEqual(['applied', 'applied']);
    const taken = sim.server.ledger.slice(ledger).reduce((s, e) => s + e.amountMinor, 0);
    expect(sim.server.ledger.length - ledger).toBe(2);
    expect(r.charged).toEqual({ minor: taken, currency: 'USD' });
    expect(wallet - sim.balance()).toBe(taken);
    expect(r.reference?.split(', ')).toHaveLength(2);
  });

  it('the same two servers in two calls: each call reports its own charge', async () => {
    const a = await client.renew({ targets: [target(sim, 0)], periodId: '27' }, opts);
    const b = await client.renew({ targets: [target(sim, 1)], periodId: '27' }, opts);
    const [ea, eb] = sim.server.ledger.slice(-2);
    expect(a.charged?.minor).toBe(ea!.amountMinor);
    expect(b.charged?.minor).toBe(eb!.amountMinor);
  });

  it('a documented refusal on a later server (10007 offline) is refused for that one only', async () => {
    const ledger = sim.server.ledger.length;
    const r = await client.renew({ targets: [target(sim, 0), target(sim, 4), target(sim, 1)], periodId: '27' }, opts);
    expect(r.items.map((i) => i.outcome)).toEqual(['applied', 'refused', 'applied']);
    expect(r.items[1]!.message).toMatch(/offline/);
    const charges = sim.server.ledger.slice(ledger);
    expect(charges).toHaveLength(2);
    expect(r.charged?.minor).toBe(charges[0]!.amountMinor + charges[1]!.amountMinor);
  });

  it('cancelled while the first server is in flight: that one unknown, the rest never sent (refused)', async () => {
    const ledger = sim.server.ledger.length;
    sim.server.injectFault({ kind: 'latency', ms: 150, method: 'POST', path: RENEW });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    const r = await client.renew(
      { targets: [target(sim, 0), target(sim, 1)], periodId: '27' },
      { ...opts, signal: ac.signal },
    );
    expect(r.items.map((i) => i.outcome)).toEqual(['unknown', 'refused']);
    expect(r.charged).toBeNull();
    await new Promise((done) => setTimeout(done, 200));
    expect(sim.server.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
    expect(sim.server.ledger.length - ledger).toBe(1); // the vendor applied the first one anyway
  });

  it('an undocumented envelope code after apply is unknown, not a refusal', async () => {
    const ledger = sim.server.ledger.length;
    sim.state.patches.set(RENEW, () => {
      throw new ThorError(19999, 'order state abnormal');
    });
    await expectUnknownThenRenewed(client, { targets: [target(sim, 0)], periodId: '6' });
    expect(sim.server.ledger.length - ledger).toBe(1);
  });

  it('documented refusals: wallet too low (10008) and empty (10017) → refused, nothing in the ledger', async () => {
    sim.setBalance(300);
    const e = await client.renew({ targets: [target(sim, 0), target(sim, 1)], periodId: '7' }, opts).catch((x) => x);
    expect(e).toMatchObject({ code: 'insufficient_funds', vendorCode: '10008', uncertain: false });
    sim.setBalance(0);
    await expect(client.upgradeServer(target(sim, 0).id, '9:4', opts)).rejects.toMatchObject({
      code: 'insufficient_funds',
      vendorCode: '10017',
      uncertain: false,
    });
    expect(sim.server.ledger).toHaveLength(0);
  });

  it('a 429 on a write is a refusal (not processed), one request, nothing charged', async () => {
    sim.server.injectFault({ kind: 'rate_limit', retryAfterSec: 0, method: 'POST', path: RENEW });
    await expect(client.renew({ targets: [target(sim, 0)], periodId: '6' }, opts)).rejects.toMatchObject({
      code: 'rate_limited',
      uncertain: false,
    });
    expect(sim.server.ledger).toHaveLength(0);
  });
});
