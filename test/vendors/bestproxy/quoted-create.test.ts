/**
 * "What is charged is what was quoted": every /order/create carries exactly the parameters a
 * /order/check priced just before it (the same renew_duration form and every other field). When
 * create refuses a form (documented parameter error), the other form is quoted before it is tried,
 * and only created at the same price. The simulator records every check/create body.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BestproxySimulator } from '../../../main/simulators/bestproxy';
import type { SimOrderCall } from '../../../main/simulators/bestproxy/state';
import type { RenewTarget } from '../../../preload/contract/model';
import { clientFor, NOW, startSim, vendorError } from './helpers';

let sim: BestproxySimulator;
beforeEach(async () => {
  sim = await startSim();
});
afterEach(() => sim.close());

const target = (type: 14 | 25): RenewTarget => {
  const ip = sim.state.ips.find((i) => i.productType === type && i.expiredAt > NOW)!;
  return { kind: 'ip', id: String(ip.id), label: ip.ip, expiresAt: null };
};

/** Each create's body equals the body of the check right before it; returns the creates. */
function expectEveryCreateQuoted(calls: SimOrderCall[]): SimOrderCall[] {
  const made = calls.filter((c) => c.path === '/gateway/order/create');
  calls.forEach((call, i) => {
    if (call.path !== '/gateway/order/create') return;
    const prev = calls[i - 1];
    expect(prev?.path, `call ${i} follows a check`).toBe('/gateway/order/check');
    expect(call.body, `call ${i} is what was quoted`).toEqual(prev!.body);
  });
  return made;
}

describe('order/create carries exactly what order/check priced', () => {
  it('a create that takes the quoted string form: one check, one identical create', async () => {
    sim.setCreateDurationForm('string');
    const r = await clientFor(sim).renew({ targets: [target(14)], periodId: '2m' }, { requestId: 'q1' });
    expect(r.items[0]!.outcome).toBe('applied');
    const made = expectEveryCreateQuoted(sim.state.orderCalls);
    expect(made.map((c) => c.body.renew_duration)).toEqual(['2m']);
    expect(sim.state.orderCalls).toHaveLength(2);
  });

  it('create refuses the string form: the integer form is quoted, then created; charge = that quote', async () => {
    const r = await clientFor(sim).renew({ targets: [target(25)], periodId: '1m' }, { requestId: 'q2' });
    expect(r.items[0]!.outcome).toBe('applied');
    expect(sim.state.orderCalls.map((c) => [c.path.split('/').at(-1), c.body.renew_duration])).toEqual([
      ['check', '1m'],
      ['create', '1m'],
      ['check', 1],
      ['create', 1],
    ]);
    expectEveryCreateQuoted(sim.state.orderCalls);
    expect(sim.server.ledger).toHaveLength(1);
    expect(r.charged).toEqual({ minor: sim.server.ledger[0]!.amountMinor, currency: 'USD' });
  });

  it('the quote shown to the user is the first check renew sends (same body)', async () => {
    sim.setCreateDurationForm('string');
    const c = clientFor(sim);
    const req = { targets: [target(14), target(25)], periodId: '1m', options: { pm_id: '1' } };
    const q = await c.quoteRenewal(req);
    const quoted = sim.state.orderCalls.splice(0).map((x) => x.body);
    await c.renew(req, { requestId: 'q3' });
    const checks = sim.state.orderCalls.filter((x) => x.path.endsWith('/check')).map((x) => x.body);
    expect(checks).toEqual(quoted);
    expectEveryCreateQuoted(sim.state.orderCalls);
    expect(sim.server.ledger.reduce((s, l) => s + l.amountMinor, 0)).toBe(q.total.minor);
  });

  it('the other form priced differently: nothing is created with it, nothing charged', async () => {
    sim.state.integerFormExtraCents = 50;
    const e = await vendorError(() =>
      clientFor(sim).renew({ targets: [target(14)], periodId: '1m' }, { requestId: 'q4' }),
    );
    expect(e.code).toBe('vendor_rejected');
    expect(e.uncertain).toBe(false);
    expect(e.message).toMatch(/priced the other form differently \(\$2\.50 instead of \$2\.00\)/);
    expect(sim.state.orderCalls.map((c) => [c.path.split('/').at(-1), c.body.renew_duration])).toEqual([
      ['check', '1m'],
      ['create', '1m'],
      ['check', 1],
    ]);
    expect(sim.server.ledger).toHaveLength(0);
  });

  it('"em" has no other form: refused as it is, never created in a form that was not quoted', async () => {
    const e = await vendorError(() =>
      clientFor(sim).renew({ targets: [target(14)], periodId: 'em' }, { requestId: 'q5' }),
    );
    expect([e.code, e.vendorCode]).toEqual(['invalid_argument', '400']);
    expect(e.message).toMatch(/renew_duration/);
    expectEveryCreateQuoted(sim.state.orderCalls);
    expect(sim.state.orderCalls.map((c) => c.body.renew_duration)).toEqual(['em', 'em']);
    expect(sim.server.ledger).toHaveLength(0);
  });

  it('several product lines: each order is the body its own check priced', async () => {
    const r = await clientFor(sim).renew({ targets: [target(14), target(25)], periodId: '2m' }, { requestId: 'q6' });
    expect(r.items.map((i) => i.outcome)).toEqual(['applied', 'applied']);
    const made = expectEveryCreateQuoted(sim.state.orderCalls);
    expect(new Set(made.map((c) => c.body.pid))).toEqual(new Set([1901, 1902]));
    expect(sim.server.ledger).toHaveLength(2);
  });

  it('a failing price check stops that order before any create', async () => {
    sim.refuseNext('/gateway/order/check', 400, '参数错误');
    const e = await vendorError(() =>
      clientFor(sim).renew({ targets: [target(14)], periodId: '1m' }, { requestId: 'q7' }),
    );
    expect([e.code, e.uncertain]).toEqual(['invalid_argument', false]);
    expect(sim.state.orderCalls.every((c) => c.path.endsWith('/check'))).toBe(true);
    expect(sim.server.ledger).toHaveLength(0);
  });
});
