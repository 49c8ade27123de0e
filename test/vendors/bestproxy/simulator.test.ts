import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BestproxySimulator, createBestproxySimulator } from '../../../main/simulators/bestproxy';
import { DAY_MS } from '../../../main/simulators/bestproxy/state';
import { NOW, startSim } from './helpers';

let sim: BestproxySimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.close());

const get = async (path: string, key = sim.credentials.appKey!) => {
  const r = await fetch(`${sim.baseUrl()}${path}${path.includes('?') ? '&' : '?'}app_key=${key}`);
  return (await r.json()) as { code: number; msg?: string; message?: string; data: unknown };
};
const post = async (path: string, body: Record<string, unknown>, query = '') => {
  const r = await fetch(`${sim.baseUrl()}${path}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await r.json()) as { code: number; msg?: string; message?: string; data: unknown };
};

describe('bestproxy simulator', () => {
  it('is deterministic for a seed and looks alive relative to now', () => {
    const a = createBestproxySimulator({ seed: 9, now: () => NOW });
    const b = createBestproxySimulator({ seed: 9, now: () => NOW });
    expect(a.state.ips.map((i) => [i.ip, i.expiredAt.getTime()])).toEqual(
      b.state.ips.map((i) => [i.ip, i.expiredAt.getTime()]),
    );
    const t = NOW.getTime();
    expect(a.state.ips.some((i) => i.expiredAt.getTime() < t)).toBe(true);
    expect(a.state.ips.some((i) => i.expiredAt.getTime() > t && i.expiredAt.getTime() - t < 7 * DAY_MS)).toBe(true);
    expect(a.state.accounts[0]!.daily.size).toBeGreaterThan(90);
    expect(createBestproxySimulator({ ipCount: 3000, now: () => NOW }).state.ips).toHaveLength(3000);
  });

  it('uses both envelope dialects', async () => {
    expect(await get('/gateway/proxy-ip/list')).toMatchObject({ code: 200, msg: 'success' });
    expect(await get('/gateway/payment/list')).toMatchObject({ code: 0, message: '操作成功' });
    expect(Array.isArray((await get('/gateway/product?type=19')).data)).toBe(true);
  });

  it('app_key: GET needs it in the query; POST accepts query or body; wrong key → code 3 with HTTP 200', async () => {
    expect((await get('/gateway/proxy-ip/list', 'nope')).code).toBe(3);
    expect((await get('/gateway/order/list', 'nope')).code).toBe(3);
    const key = sim.credentials.appKey!;
    expect((await post('/gateway/proxy-ip/add', { app_key: key, ips: '192.0.2.1', product_type: 9 })).code).toBe(200);
    expect((await post('/gateway/proxy-ip/add', { ips: '192.0.2.2', product_type: 9 }, `?app_key=${key}`)).code).toBe(
      200,
    );
    expect((await post('/gateway/proxy-ip/add', { ips: '192.0.2.3', product_type: 9 })).code).toBe(3);
  });

  it('wrong_units: KB fields come back as bytes, GB caps as MB, money as cents', async () => {
    const normal = (await get('/gateway/whitelist-account/list')).data as {
      list: { usage_flow: number; limit_flow: number }[];
    };
    sim.server.injectFault({ kind: 'wrong_units', path: 'whitelist-account/list' });
    const wrong = (await get('/gateway/whitelist-account/list')).data as typeof normal;
    expect(wrong.list[0]!.usage_flow).toBe(normal.list[0]!.usage_flow * 1024);
    expect(wrong.list[0]!.limit_flow).toBe(normal.list[0]!.limit_flow * 1024);
    sim.server.injectFault({ kind: 'wrong_units', path: '/gateway/product' });
    const products = (await get('/gateway/product?type=19')).data as { usd_price: number }[];
    expect(products[0]!.usd_price).toBe(200);
  });

  it('order/create renew_duration: integer accepted, string refused (default form)', async () => {
    const key = sim.credentials.appKey!;
    const ip = sim.state.ips.find((i) => i.productType === 14)!;
    const base = { app_key: key, pid: 1901, pm_id: 2, upids: String(ip.id) };
    const refused = await post('/gateway/order/create', { ...base, renew_duration: '1m' });
    expect(refused.code).toBe(400);
    const ok = await post('/gateway/order/create', { ...base, renew_duration: 1 });
    expect(ok.code).toBe(0);
    expect((ok.data as { status: number }).status).toBe(0); // Alipay: waits for payment
  });
});
