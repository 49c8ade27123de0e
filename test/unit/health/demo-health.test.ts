import { afterEach, describe, expect, it } from 'vitest';
import { DemoHealth } from '../../../main/core/demo/demo-health';
import { probe } from '../../../main/core/health/checker';
import { endpoint } from './fixtures';

describe('demo mode health check: local proxies behind demo IPs, offline', () => {
  const demo = new DemoHealth();
  afterEach(() => demo.stop());

  it('good HTTP, good SOCKS5, wrong country, dead port, slow — by the IP place in its list', async () => {
    expect(demo.route(endpoint('x', {}), 0)).toBeNull(); // not running: real addresses are used
    await demo.start();
    const ip = (i: number) => endpoint(`ip-${i}`, { ip: `45.0.0.${i}`, country: 'USA', httpPort: 8000 });
    const check = async (i: number, timeoutMs = 5000) => {
      const r = demo.route(ip(i), i);
      if (!r) throw new Error('no route');
      return { route: r, out: await probe(r.target, { checkUrl: r.checkUrl, timeoutMs }) };
    };
    const http = await check(0);
    expect(http.route.target.protocol).toBe('http');
    expect(http.route.checkUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/json$/);
    expect(http.out).toMatchObject({ ok: true, exitIp: '45.0.0.0', exitCountry: 'US' });
    const socks = await check(1);
    expect(socks.route.target.protocol).toBe('socks5');
    expect(socks.out).toMatchObject({ ok: true, exitCountry: 'US' });
    expect((await check(2)).out).toMatchObject({ ok: true, exitCountry: 'DE' });
    expect((await check(3)).out).toMatchObject({ ok: false, failure: 'refused' });
    const slow = await check(4);
    expect(slow.out.ok).toBe(true);
    expect(slow.out.latencyMs).toBeGreaterThan(1500);
    expect((await check(7)).out).toMatchObject({ ok: true, exitCountry: 'US' });
  });
});
