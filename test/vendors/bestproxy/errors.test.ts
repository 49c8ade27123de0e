import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BestproxySimulator } from '../../../main/simulators/bestproxy';
import { PATHS } from '../../../main/vendors/bestproxy/constants';
import { clientFor, startSim, vendorError } from './helpers';

let sim: BestproxySimulator;
const WRONG_KEY = 'wrongkey0123456789abcdefWRONGKEY';

beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.close());

describe('vendor codes → typed errors', () => {
  it('code 3 (dialect A, GET) → invalid_credentials, key not in the message', async () => {
    const c = clientFor(sim, undefined, WRONG_KEY);
    const e = await vendorError(() => c.listSubUsers());
    expect(e.code).toBe('invalid_credentials');
    expect(e.vendorCode).toBe('3');
    expect(e.message).not.toContain(WRONG_KEY);
  });

  it('code 3 (dialect B, GET /order/list) → invalid_credentials', async () => {
    const e = await vendorError(() => clientFor(sim, undefined, WRONG_KEY).listOrders());
    expect(e.code).toBe('invalid_credentials');
    expect(e.vendorCode).toBe('3');
  });

  it('code 3 on a POST → invalid_credentials', async () => {
    const e = await vendorError(() => clientFor(sim, undefined, WRONG_KEY).addWhitelist(['203.0.113.5']));
    expect(e.code).toBe('invalid_credentials');
  });

  it('testConnection never throws; says the key was refused', async () => {
    const r = await clientFor(sim, undefined, WRONG_KEY).testConnection();
    expect(r.ok).toBe(false);
    expect(r.code).toBe('invalid_credentials');
    expect(r.message).toMatch(/did not accept the API key/);
    expect(r.message).not.toContain(WRONG_KEY);
  });

  it('code 156 (account not verified) → vendor_rejected with advice', async () => {
    sim.setVerified(false);
    try {
      const c = clientFor(sim);
      const e = await vendorError(() => c.createSubUser({ username: 'abc123', password: 'abc123', limitBytes: null }));
      expect(e.code).toBe('vendor_rejected');
      expect(e.vendorCode).toBe('156');
      expect(e.message).toMatch(/not verified/);
      const t = await vendorError(() => c.getTraffic({ from: '2026-11-01', to: '2026-11-02', granularity: 'day' }));
      expect(t.vendorCode).toBe('156');
    } finally {
      sim.setVerified(true);
    }
  });

  it('code 400 with `errors` (dialect B) → invalid_argument with field text', async () => {
    const c = clientFor(sim);
    const e = await vendorError(() => c.post(PATHS.orderCheck, { pm_id: 1 }));
    expect(e.code).toBe('invalid_argument');
    expect(e.vendorCode).toBe('400');
    expect(e.message).toMatch(/pid: The pid field is required/);
  });

  it('code 400 (dialect A, Chinese msg) → invalid_argument keeping the vendor text', async () => {
    const e = await vendorError(() => clientFor(sim).updateSubUser('nosuchuser', { note: 'x' }));
    expect(e.code).toBe('invalid_argument');
    expect(e.message).toContain('账号不存在');
  });

  it('insufficient balance → insufficient_funds, nothing charged, expiry unchanged', async () => {
    sim.setBalance(100);
    try {
      const ip = sim.state.ips.find((i) => i.productType === 25)!;
      const before = ip.expiredAt.getTime();
      const e = await vendorError(() =>
        clientFor(sim).renew(
          { targets: [{ kind: 'ip', id: String(ip.id), label: ip.ip, expiresAt: null }], periodId: '1m' },
          { requestId: 'x' },
        ),
      );
      expect(e.code).toBe('insufficient_funds');
      expect(e.vendorCode).toBe('400');
      expect(sim.server.ledger).toHaveLength(0);
      expect(ip.expiredAt.getTime()).toBe(before);
      expect(sim.balance()).toBe(100);
    } finally {
      sim.setBalance(18_650);
    }
  });

  it('a vendor message echoing the key is redacted', async () => {
    const c = clientFor(sim);
    const key = sim.credentials.appKey!;
    const e = await vendorError(() => c.post(PATHS.ipAdd, { ips: key, product_type: 9 }));
    expect(e.code).toBe('invalid_argument');
    expect(e.message).toContain('***');
    expect(e.message).not.toContain(key);
  });

  it('a disabled payment method is refused before any write', async () => {
    const ip = sim.state.ips[0]!;
    const seen = sim.server.requests.length;
    const e = await vendorError(() =>
      clientFor(sim).quoteRenewal({
        targets: [{ kind: 'ip', id: String(ip.id), label: ip.ip, expiresAt: null }],
        periodId: '1m',
        options: { pm_id: '5' },
      }),
    );
    expect(e.code).toBe('invalid_argument');
    expect(sim.server.requests.slice(seen).some((r) => r.path === '/gateway/order/check')).toBe(false);
  });
});
