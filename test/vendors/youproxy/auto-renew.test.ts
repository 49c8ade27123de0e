/**
 * Non-money writes of the YouProxy client: auto-renew on/off by order (POST /extend/order/auto) and by
 * IP (POST /extend/auto). A lost answer is 'outcome_unknown', never a definite failure; a documented
 * refusal stays a plain refusal; and a subset of an IPv6 order is never widened silently.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { YouproxySimulator } from '../../../main/simulators/youproxy';
import type { YouproxyClient } from '../../../main/vendors/youproxy';
import { AFTER_APPLY_ANSWERS, expectUnknown } from '../../helpers/post-apply';
import { clientFor, hits, startSim } from './helpers';

describe('youproxy auto-renew writes', () => {
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
    sim.state.ipv6Partial = 'refuse';
  });

  const members = (orderId: string) => sim.state.ips.filter((x) => x.orderId === orderId);

  describe.each(AFTER_APPLY_ANSWERS)('after_apply %s', (answer) => {
    it('by order (/extend/order/auto): unknown, and reading the orders shows it applied', async () => {
      const order = sim.state.ips.find((x) => x.proxyType === 'ISP')!.orderId;
      const enabled = !members(order)[0]!.autoExtend;
      sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path: '/extend/order/auto' });
      await expectUnknown(() => client.setAutoRenew({ kind: 'order', ids: [order], enabled, periodId: '30' }));
      const o = (await client.listOrders()).find((x) => x.id === order);
      expect(o?.autoRenew).toBe(enabled);
    });

    it('by IP (/extend/auto): unknown, and reading the IPs shows it applied', async () => {
      const ip = sim.state.ips.find((x) => x.proxyType === 'IPv4')!;
      const enabled = !ip.autoExtend;
      sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path: '/extend/auto' });
      await expectUnknown(() => client.setAutoRenew({ kind: 'ip', ids: [ip.id], enabled, periodId: '30' }));
      const p = (await client.listProxies()).find((x) => x.id === ip.id);
      expect(p?.autoRenew).toBe(enabled);
    });
  });

  it('a documented refusal stays a plain refusal (code 11: MOBILE has no 60-day period)', async () => {
    const order = sim.state.ips.find((x) => x.proxyType === 'MOBILE')!.orderId;
    const e = await client
      .setAutoRenew({ kind: 'order', ids: [order], enabled: true, periodId: '60' })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'invalid_argument', vendorCode: '11', uncertain: false });
  });

  it('two proxy types: one part unknown, the other applied → outcome_unknown naming the unknown part', async () => {
    const v4 = sim.state.ips.find((x) => x.proxyType === 'IPv4')!;
    const isp = sim.state.ips.find((x) => x.proxyType === 'ISP')!;
    sim.server.injectFault({ kind: 'after_apply', answer: '5xx_html', method: 'POST', path: '/extend/auto' });
    // The first by-IP request (IPv4) takes the fault: ISP is still sent and applied.
    const e = await expectUnknown(() =>
      client.setAutoRenew({ kind: 'ip', ids: [v4.id, isp.id], enabled: true, periodId: '30' }),
    );
    expect(e.message).toMatch(/^Auto-renew of 1 IPv4 IP: YouProxy may have carried this out/);
    expect(isp.autoExtend).toBe(true);
  });

  it('two proxy types: the second refused, the first applied → the refusal says what was changed', async () => {
    const v4 = sim.state.ips.find((x) => x.proxyType === 'IPv4')!;
    const mobile = sim.state.ips.find((x) => x.proxyType === 'MOBILE')!;
    const e = (await client
      .setAutoRenew({ kind: 'ip', ids: [v4.id, mobile.id], enabled: true, periodId: '60' })
      .catch((x: unknown) => x)) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument', vendorCode: '11', uncertain: false });
    expect(e.message).toMatch(/Auto-renew was changed for 1 IPv4 IP; it was not changed for 1 MOBILE IP\.$/);
    expect(v4.autoExtend).toBe(true);
  });

  it('requires a period', async () => {
    const ip = sim.state.ips.find((x) => x.proxyType === 'IPv4')!;
    await expect(client.setAutoRenew({ kind: 'ip', ids: [ip.id], enabled: true })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/Choose the renewal period/),
    });
  });
});

describe('youproxy auto-renew never widens an IPv6 selection silently', () => {
  let sim: YouproxySimulator;
  let client: YouproxyClient;
  beforeAll(async () => {
    sim = startSim();
    await sim.listen(0);
    client = clientFor(sim);
  });
  afterAll(() => sim.close());

  const v6order = () => {
    const first = sim.state.ips.find((x) => x.proxyType === 'IPv6')!;
    return sim.state.ips.filter((x) => x.orderId === first.orderId);
  };

  it('the simulator models the vendor widening: a by-IP toggle on one IPv6 IP changes its whole order', async () => {
    sim.state.ipv6Partial = 'widen';
    const order = v6order();
    const res = await fetch(`${sim.baseUrl()}/client/api/v1/${sim.credentials.apiKey}/extend/auto`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ proxyType: 'IPv6', ipAddressIds: [order[0]!.id], rentPeriodDays: 90, autoExtend: true }),
    });
    const body = (await res.json()) as { quantity: number; ipAddressIds: string[] };
    expect(body.quantity).toBe(order.length);
    expect(body.ipAddressIds.map(String).sort()).toEqual(order.map((m) => m.id).sort());
    expect(order.every((m) => m.autoExtend && m.autoExtendPeriod === 90)).toBe(true);
  });

  it.each(['widen', 'refuse'] as const)(
    'vendor mode %s: a subset is refused before sending, naming every other IP of the order',
    async (mode) => {
      sim.state.ipv6Partial = mode;
      const order = v6order();
      for (const m of order) m.autoExtend = false;
      const picked = order.slice(0, 1);
      const others = order.slice(1);
      const before = sim.server.requests.filter((r) => r.method === 'POST').length;
      const e = (await client
        .setAutoRenew({ kind: 'ip', ids: picked.map((m) => m.id), enabled: true, periodId: '90' })
        .catch((x: unknown) => x)) as Error;
      expect(e).toMatchObject({ code: 'invalid_argument', uncertain: false });
      expect(e.message).toMatch(/only by whole order, so this would also change IPs you did not select/);
      expect(e.message).toContain(`order ${order[0]!.orderId}: ${others.length} more IP`);
      for (const o of others) expect(e.message).toContain(`${o.ip} (id ${o.id})`);
      expect(e.message).toMatch(/Select those IPs too, or choose the whole order\. Nothing was sent\.$/);
      expect(sim.server.requests.filter((r) => r.method === 'POST').length).toBe(before);
      expect(order.some((m) => m.autoExtend)).toBe(false);
    },
  );

  it('every IP of the order named explicitly → applied to exactly those IPs (by IP ids)', async () => {
    sim.state.ipv6Partial = 'refuse';
    const order = v6order();
    const before = hits(sim, 'POST', '/extend/auto');
    await client.setAutoRenew({ kind: 'ip', ids: order.map((m) => m.id), enabled: true, periodId: '180' });
    expect(hits(sim, 'POST', '/extend/auto')).toBe(before + 1);
    expect(order.every((m) => m.autoExtend && m.autoExtendPeriod === 180)).toBe(true);
  });

  it('the whole order chosen as an order → /extend/order/auto', async () => {
    const order = v6order();
    const before = hits(sim, 'POST', '/extend/order/auto');
    await client.setAutoRenew({ kind: 'order', ids: [order[0]!.orderId], enabled: false, periodId: '90' });
    expect(hits(sim, 'POST', '/extend/order/auto')).toBe(before + 1);
    expect(order.every((m) => !m.autoExtend)).toBe(true);
  });
});
