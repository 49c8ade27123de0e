import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BestproxySimulator } from '../../../main/simulators/bestproxy';
import type { RenewTarget } from '../../../preload/contract/model';
import { expectUnknown } from '../../helpers/post-apply';
import { clientFor, startSim, vendorError } from './helpers';

let sim: BestproxySimulator;
beforeEach(async () => {
  sim = await startSim();
});
afterEach(() => sim.close());

const target = (): RenewTarget => {
  const ip = sim.state.ips.find((i) => i.productType === 14)!;
  return { kind: 'ip', id: String(ip.id), label: ip.ip, expiresAt: null };
};
const hits = (path: string) => sim.server.requests.filter((r) => r.path === path);

describe('reads are retried', () => {
  it('on 503 and then succeed', async () => {
    sim.server.injectFault({ kind: 'status', status: 503, path: '/gateway/whitelist-account/list', times: 2 });
    const users = await clientFor(sim).listSubUsers();
    expect(users.length).toBeGreaterThan(0);
    expect(hits('/gateway/whitelist-account/list')).toHaveLength(3);
  });

  it('on 429 honouring Retry-After', async () => {
    sim.server.injectFault({ kind: 'rate_limit', retryAfterSec: 2, path: '/gateway/proxy-ip/list' });
    const waits: number[] = [];
    const c = clientFor(sim, {
      retry: { baseMs: 1, capMs: 5 },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await c.listWhitelist();
    expect(waits).toEqual([2000]);
    expect(hits('/gateway/proxy-ip/list')).toHaveLength(2);
  });

  it('429 beyond the retries → rate_limited', async () => {
    sim.server.injectFault({ kind: 'rate_limit', retryAfterSec: 0, path: '/gateway/proxy-ip/list', times: 0 });
    const e = await vendorError(() => clientFor(sim, { retry: { baseMs: 1, capMs: 5, max: 2 } }).listWhitelist());
    expect(e.code).toBe('rate_limited');
    expect(hits('/gateway/proxy-ip/list')).toHaveLength(3);
  });

  it('persistent 5xx → vendor_unavailable', async () => {
    sim.server.injectFault({ kind: 'status', status: 502, path: 'user-product/summary', times: 0 });
    const e = await vendorError(() => clientFor(sim).getBalance());
    expect(e.code).toBe('vendor_unavailable');
  });
});

describe('writes are not retried', () => {
  it('503 on order/create: one request, no charge, outcome unknown (settled by reading)', async () => {
    sim.server.injectFault({ kind: 'status', status: 503, path: '/gateway/order/create' });
    const e = await expectUnknown(() =>
      clientFor(sim).renew({ targets: [target()], periodId: '1m' }, { requestId: 'w1' }),
    );
    expect(e.httpStatus).toBe(503);
    expect(hits('/gateway/order/create')).toHaveLength(1);
    expect(sim.server.ledger).toHaveLength(0);
  });

  it('429 on a sub-user write: one request; BestProxy documents no 429, so the outcome is unknown', async () => {
    sim.server.injectFault({ kind: 'rate_limit', retryAfterSec: 0, path: '/gateway/whitelist-account/disable' });
    const e = await vendorError(() => clientFor(sim).updateSubUser('shopA01', { status: 'disabled' }));
    expect(e.code).toBe('outcome_unknown');
    expect(e.uncertain).toBe(true);
    expect(hits('/gateway/whitelist-account/disable')).toHaveLength(1);
  });

  it('dropped answer after the charge → unknown, exactly one charge', async () => {
    sim.setCreateDurationForm('string'); // the first create is accepted, so the drop follows a charge
    sim.server.injectFault({ kind: 'drop_after_apply', path: '/gateway/order/create' });
    const t = target();
    await expectUnknown(() => clientFor(sim).renew({ targets: [t], periodId: '1m' }, { requestId: 'w2' }));
    expect(sim.server.ledger).toHaveLength(1);
    expect(sim.server.ledger[0]!.items).toEqual([t.id]);
    expect(hits('/gateway/order/create')).toHaveLength(1);
  });
});

describe('timeouts and garbage', () => {
  it('a hanging read surfaces as network within the deadline', async () => {
    sim.server.injectFault({ kind: 'hang', path: '/gateway/user-product/summary', times: 0 });
    const started = Date.now();
    const e = await vendorError(() =>
      clientFor(sim, { retry: { baseMs: 1, capMs: 5 }, timeouts: { deadlineMs: 300 } }).getBalance(),
    );
    expect(e.code).toBe('network');
    expect(e.uncertain).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a hanging write has an unknown outcome (uncertain)', async () => {
    sim.server.injectFault({ kind: 'hang', path: '/gateway/proxy-ip/add' });
    const e = await vendorError(() =>
      clientFor(sim, { retry: { baseMs: 1, capMs: 5 }, timeouts: { deadlineMs: 300 } }).addWhitelist(['203.0.113.77']),
    );
    expect(e.code).toBe('outcome_unknown');
    expect(e.uncertain).toBe(true);
  });

  it('malformed JSON → bad_response', async () => {
    sim.server.injectFault({ kind: 'malformed', path: '/gateway/ip/get-static-ip' });
    const e = await vendorError(() => clientFor(sim).listProxies());
    expect(e.code).toBe('bad_response');
  });

  it('an unreadable expiry → bad_response (never shown as "no expiry")', async () => {
    sim.state.ips[0]!.expiredAt = new Date(Number.NaN);
    const e = await vendorError(() => clientFor(sim).listProxies());
    expect(e.code).toBe('bad_response');
    expect(e.message).toMatch(/expired_at/);
  });

  it('no secret in any error message', async () => {
    const key = sim.credentials.appKey!;
    sim.server.injectFault({ kind: 'status', status: 500, path: '/gateway/order/list', times: 0 });
    const errs = await Promise.all([
      vendorError(() => clientFor(sim).listOrders()),
      vendorError(() => clientFor(sim, undefined, `${key}x`).listSubUsers()),
    ]);
    for (const e of errs) expect(e.message).not.toContain(key);
  });
});
