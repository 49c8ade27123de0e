/** The simulator itself: deterministic data, lossless ids on the wire, realistic spread, scale. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createYouproxySimulator, type YouproxySimulator } from '../../../main/simulators/youproxy';
import { NOW, startSim } from './helpers';

const DAY = 86_400_000;

describe('youproxy simulator', () => {
  let sim: YouproxySimulator;
  beforeAll(async () => {
    sim = startSim();
    await sim.listen(0);
  });
  afterAll(() => sim.close());

  it('is deterministic for a seed', () => {
    const a = createYouproxySimulator({ seed: 7, now: () => NOW }).state.ips;
    const b = createYouproxySimulator({ seed: 7, now: () => NOW }).state.ips;
    const c = createYouproxySimulator({ seed: 8, now: () => NOW }).state.ips;
    expect(a).toEqual(b);
    expect(a.map((x) => x.id)).not.toEqual(c.map((x) => x.id));
  });

  it('writes some IP ids as bare JSON integers beyond 2^53 and some quoted', async () => {
    const text = await (await fetch(`${sim.baseUrl()}/client/api/v1/${sim.credentials.apiKey}/ipAddress`)).text();
    const bare = [...text.matchAll(/"ipAddressId":(\d{19})[,}]/g)].map((m) => m[1]!);
    const quoted = [...text.matchAll(/"ipAddressId":"(\d{19})"/g)].map((m) => m[1]!);
    expect(bare.length).toBeGreaterThan(10);
    expect(quoted.length).toBeGreaterThan(10);
    for (const id of bare) expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    // A plain JSON.parse would corrupt them: that is the point.
    expect(bare.some((id) => String(Number(id)) !== id)).toBe(true);
  });

  it('looks like a live reseller account: every type, some expired, some expiring this week', () => {
    const ips = sim.state.ips;
    expect(new Set(ips.map((x) => x.proxyType))).toEqual(new Set(['IPv4', 'IPv6', 'MOBILE', 'ISP']));
    expect(new Set(ips.map((x) => x.orderId)).size).toBeGreaterThan(5);
    const left = ips.map((x) => (x.dateEnd.getTime() - NOW.getTime()) / DAY);
    expect(left.some((d) => d < 0)).toBe(true);
    expect(left.some((d) => d >= 0 && d <= 7)).toBe(true);
    expect(left.some((d) => d > 30)).toBe(true);
  });

  it('per-type list is flat with orderId; bad type → code 4', async () => {
    const base = `${sim.baseUrl()}/client/api/v1/${sim.credentials.apiKey}/ipAddress`;
    const text = await (await fetch(`${base}?proxyType=ISP`)).text();
    expect(text).toContain('"proxyType":"ISP"');
    expect(text).toContain('"orderId"');
    expect(await (await fetch(`${base}?proxyType=SOCKS`)).json()).toMatchObject({ success: false, error: { code: 4 } });
  });

  it('scales to thousands of IPs', () => {
    const big = createYouproxySimulator({ ipCount: 3000, now: () => NOW });
    expect(big.state.ips).toHaveLength(3000);
    expect(new Set(big.state.ips.map((x) => x.id)).size).toBe(3000);
  });

  it('auto-extend toggles are free; price check spends nothing', async () => {
    const url = `${sim.baseUrl()}/client/api/v1/${sim.credentials.apiKey}`;
    const order = sim.state.ips.find((x) => x.proxyType === 'IPv4')!.orderId;
    const before = sim.balance();
    const post = (path: string, body: unknown) =>
      fetch(`${url}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    const auto = await post('extend/order/auto', {
      proxyType: 'IPv4',
      orderIds: [order],
      rentPeriodDays: 30,
      autoExtend: true,
    });
    expect(auto).toMatchObject({ success: true, proxyType: 'IPv4', rentPeriodDays: 30, currency: 'USD', error: null });
    const calc = await post('calculate/extend/order', {
      proxyType: 'IPv4',
      orderIds: [order],
      rentPeriodDays: 30,
      promoCode: 'CLIENT-PROMO',
    });
    expect(calc).toMatchObject({ success: true, discount: 10, promoCodeStatus: 'VALID', warnings: null });
    expect(sim.balance()).toBe(before);
    expect(sim.server.ledger).toHaveLength(0);
  });
});
