/**
 * "Never pays twice": YouProxy APPLIES a paid write (the simulator extends and charges) and then
 * answers badly. Every paid write of the client × every bad answer must come back 'unknown' — never
 * a definite failure that invites paying again — with exactly one charge, and reading the IP list
 * afterwards must show it was renewed.
 *
 * Paid writes of the YouProxy client: renew by IP ids (POST /extend) and renew by order ids
 * (POST /extend/order, also used for every IPv6 IP target). Buying (POST /order) has its own
 * post-apply tests in purchase.test.ts; the client has no add-on and no upgrade.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { judgeByExpiry, readExpiries } from '../../../main/core/renewals/reconcile';
import type { YouproxySimulator } from '../../../main/simulators/youproxy';
import type { YouproxyClient } from '../../../main/vendors/youproxy';
import type { RenewTarget } from '../../../preload/contract/model';
import { AFTER_APPLY_ANSWERS, expectUnknownThenRenewed, expectUnknownWords } from '../../helpers/post-apply';
import { clientFor, hits, NOW, startSim } from './helpers';

const write = { requestId: '00000000-0000-4000-8000-0000000000a1' };

describe('youproxy post-apply faults', () => {
  let sim: YouproxySimulator;
  let client: YouproxyClient;

  beforeAll(async () => {
    sim = startSim();
    await sim.listen(0);
    client = clientFor(sim);
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.server.clearFaults();
    sim.setBalance(1_000_000);
  });

  const live = (type: string) => sim.state.ips.filter((x) => x.proxyType === type && x.dateEnd > NOW);
  const ipTarget = (type: string): RenewTarget => {
    const ip = live(type)[0]!;
    return { kind: 'ip', id: ip.id, label: ip.ip, expiresAt: null };
  };
  const orderTarget = (type: string): RenewTarget => {
    const id = live(type)[0]!.orderId;
    return { kind: 'order', id, label: id, expiresAt: null };
  };

  const PAID_WRITES = [
    { name: 'renew by IP (POST /extend)', path: '/extend$', periodId: '30', target: () => ipTarget('IPv4') },
    {
      name: 'renew by order (POST /extend/order)',
      path: '/extend/order$',
      periodId: '30',
      target: () => orderTarget('ISP'),
    },
    {
      name: 'renew an IPv6 IP (its whole order, POST /extend/order)',
      path: '/extend/order$',
      periodId: '90',
      target: () => ipTarget('IPv6'),
    },
  ];

  describe.each(AFTER_APPLY_ANSWERS)('after_apply %s', (answer) => {
    it.each(PAID_WRITES)('$name: one charge, unknown, then reconciled as renewed', async (w) => {
      sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path: w.path });
      const ledger = sim.server.ledger.length;
      const posts = sim.server.requests.filter((r) => r.method === 'POST').length;
      await expectUnknownThenRenewed(client, { targets: [w.target()], periodId: w.periodId });
      expect(sim.server.ledger.length).toBe(ledger + 1);
      // Sent once: no retry, no second request of any kind.
      expect(sim.server.requests.filter((r) => r.method === 'POST').length).toBe(posts + 1);
    });
  });

  it('several groups: applied, then a post-apply fault → applied + unknown, charged only the applied one', async () => {
    const v4 = ipTarget('IPv4');
    const mobile = orderTarget('MOBILE');
    const req = { targets: [v4, mobile], periodId: '30' };
    const before = await readExpiries(client, req.targets);
    sim.server.injectFault({ kind: 'after_apply', answer: '5xx_html', method: 'POST', path: '/extend/order$' });
    const ledger = sim.server.ledger.length;
    const r = await client.renew(req, write);
    expect(sim.server.ledger.length).toBe(ledger + 2);
    expect(r.items.map((i) => [i.target.id, i.outcome])).toEqual([
      [v4.id, 'applied'],
      [mobile.id, 'unknown'],
    ]);
    expect(r.items[0]?.newExpiresAt).toBe(sim.state.ips.find((x) => x.id === v4.id)!.dateEnd.toISOString());
    expect(r.items[1]?.newExpiresAt).toBeNull();
    expect(r.items[1]?.message).toMatch(/checking with YouProxy; paying again is blocked/);
    expect(r.charged).toEqual({ minor: 175, currency: 'USD' });
    // The unknown one is settled by reading: it was renewed.
    const after = await readExpiries(client, [mobile]);
    const k = `order:${mobile.id}`;
    expect(judgeByExpiry(before.get(k) ?? null, after.get(k))?.state).toBe('done');
  });

  it('several groups: unknown first, applied after → unknown + applied; charged unknown (null)', async () => {
    const v4 = ipTarget('IPv4');
    const mobile = orderTarget('MOBILE');
    sim.server.injectFault({ kind: 'after_apply', answer: 'reset', method: 'POST', path: '/extend$' });
    const r = await client.renew({ targets: [v4, mobile], periodId: '30' }, write);
    expect(r.items.map((i) => i.outcome)).toEqual(['unknown', 'applied']);
    // The unknown request may have charged too, so the balance drop of the applied one cannot be told.
    expect(r.charged).toBeNull();
  });

  it('several groups: a documented refusal (16) on the later one → applied + refused, one charge', async () => {
    const v4 = ipTarget('IPv4');
    const mobile = orderTarget('MOBILE');
    sim.setBalance(200);
    const ledger = sim.server.ledger.length;
    const r = await client.renew({ targets: [v4, mobile], periodId: '30' }, write);
    expect(r.items.map((i) => i.outcome)).toEqual(['applied', 'refused']);
    expect(r.items[1]?.message).toMatch(/balance is too low.*Insufficient funds on balance/);
    expect(r.charged).toEqual({ minor: 175, currency: 'USD' });
    expect(sim.server.ledger.length).toBe(ledger + 1);
  });

  it('charged counts every applied group (IPv4 by IP + ISP by order)', async () => {
    const v4 = ipTarget('IPv4');
    const isp = orderTarget('ISP');
    const size = sim.state.ips.filter((x) => x.orderId === isp.id).length;
    const r = await client.renew({ targets: [v4, isp], periodId: '30' }, write);
    expect(r.items.map((i) => i.outcome)).toEqual(['applied', 'applied']);
    expect(r.charged).toEqual({ minor: 175 + 290 * size, currency: 'USD' });
  });

  it('a documented refusal (16, insufficient funds) → refused, nothing in the ledger', async () => {
    sim.setBalance(5);
    const ledger = sim.server.ledger.length;
    const e = await client.renew({ targets: [ipTarget('IPv4')], periodId: '30' }, write).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'insufficient_funds', vendorCode: '16', uncertain: false });
    expect(sim.server.ledger.length).toBe(ledger);
  });

  it('IPv6 widening with an unknown outcome: the other IPs of the order are reported unknown too', async () => {
    const v6 = ipTarget('IPv6');
    const mobile = ipTarget('MOBILE');
    const order = sim.state.ips.find((x) => x.id === v6.id)!.orderId;
    const others = sim.state.ips.filter((x) => x.orderId === order && x.id !== v6.id);
    sim.server.injectFault({ kind: 'after_apply', answer: 'truncated', method: 'POST', path: '/extend/order$' });
    const r = await client.renew({ targets: [mobile, v6], periodId: '90' }, write);
    // 90 days is not a MOBILE period: that part is refused by the vendor (11), the IPv6 part is unknown.
    expect(r.items.slice(0, 2).map((i) => [i.target.id, i.outcome])).toEqual([
      [mobile.id, 'refused'],
      [v6.id, 'unknown'],
    ]);
    expect(r.items[1]?.message).toMatch(/It may also have extended with it/);
    const extra = r.items.slice(2);
    expect(extra.map((i) => i.target.id).sort()).toEqual(others.map((o) => o.id).sort());
    expect(extra.every((i) => i.outcome === 'unknown' && /may have been extended/.test(i.message ?? ''))).toBe(true);
  });

  it('unknown words: no "try again", says paying again is blocked', async () => {
    sim.server.injectFault({ kind: 'after_apply', answer: 'non_json', method: 'POST', path: '/extend$' });
    const e = await client.renew({ targets: [ipTarget('IPv4')], periodId: '30' }, write).catch((x: unknown) => x);
    expectUnknownWords(e as never);
    expect(hits(sim, 'POST', '/extend')).toBeGreaterThan(0);
  });
});
