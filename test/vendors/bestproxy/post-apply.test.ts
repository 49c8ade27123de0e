/**
 * Issue #9 "never pays twice" for BestProxy: a write BestProxy APPLIED and then answered badly is
 * 'unknown' (never "not applied"), and is settled by reading vendor state. Paid write: renew
 * (#28 order/create, after its #30 check). Non-money writes: allowlist add/remove, sub-user
 * create/update/delete, order close.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { judgeByExpiry, readExpiries } from '../../../main/core/renewals/reconcile';
import type { BestproxySimulator } from '../../../main/simulators/bestproxy';
import { PATHS } from '../../../main/vendors/bestproxy/constants';
import type { RenewTarget } from '../../../preload/contract/model';
import { AFTER_APPLY_ANSWERS, expectUnknown, expectUnknownThenRenewed } from '../../helpers/post-apply';
import { clientFor, NOW, startSim, vendorError } from './helpers';

let sim: BestproxySimulator;
beforeEach(async () => {
  sim = await startSim();
  // The quoted string form of renew_duration is accepted, so the first create is the one that applies.
  sim.setCreateDurationForm('string');
});
afterEach(() => sim.close());

const liveIp = (type: 14 | 25, skip = 0) =>
  sim.state.ips.filter((i) => i.productType === type && i.expiredAt > NOW)[skip]!;
const ipTarget = (ip: { id: number; ip: string }): RenewTarget => ({
  kind: 'ip',
  id: String(ip.id),
  label: ip.ip,
  expiresAt: null,
});
const creates = () => sim.server.requests.filter((r) => r.path === PATHS.orderCreate);

describe.each(AFTER_APPLY_ANSWERS)('renew (order/create) applied, then %s', (answer) => {
  it('is unknown, charged exactly once, and reading vendor state shows it renewed', async () => {
    const c = clientFor(sim);
    const req = { targets: [ipTarget(liveIp(25))], periodId: '1m' };
    sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path: PATHS.orderCreate });
    await expectUnknownThenRenewed(c, req);
    expect(sim.server.ledger).toHaveLength(1);
    expect(sim.server.ledger[0]!.items).toEqual([req.targets[0]!.id]);
    expect(creates()).toHaveLength(1); // never sent again
  });

  it('a whole package (one order for all its IPs) is unknown, then reconciled', async () => {
    const c = clientFor(sim);
    const pkg = sim.state.packages.find((p) => p.productType === 14)!;
    const req = {
      targets: [{ kind: 'order' as const, id: String(pkg.id), label: 'DC', expiresAt: null }],
      periodId: '1m',
    };
    sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path: PATHS.orderCreate });
    await expectUnknownThenRenewed(c, req);
    expect(sim.server.ledger).toHaveLength(1);
  });
});

describe('renew of several orders (one per product line)', () => {
  const twoLines = () => [ipTarget(liveIp(14)), ipTarget(liveIp(25))];

  it('first applied, second applied then answered badly: applied / unknown, charged counts the first', async () => {
    const c = clientFor(sim);
    const targets = twoLines();
    const before = await readExpiries(c, targets);
    // The first create passes untouched (a zero-latency fault takes the first match), the second faults.
    sim.server.injectFault({ kind: 'latency', ms: 0, path: PATHS.orderCreate });
    sim.server.injectFault({ kind: 'after_apply', answer: '5xx_html', path: PATHS.orderCreate });
    const r = await c.renew({ targets, periodId: '1m' }, { requestId: 'm1' });
    expect(r.items.map((i) => [i.target.id, i.outcome])).toEqual([
      [targets[0]!.id, 'applied'],
      [targets[1]!.id, 'unknown'],
    ]);
    expect(r.items[1]!.message).toMatch(/checking with BestProxy/);
    expect(r.items[0]!.newExpiresAt).toBe(
      sim.state.ips.find((i) => String(i.id) === targets[0]!.id)!.expiredAt.toISOString(),
    );
    expect(sim.server.ledger).toHaveLength(2);
    expect(r.charged).toEqual({ minor: sim.server.ledger[0]!.amountMinor, currency: 'USD' });
    const after = await readExpiries(c, targets);
    const k = `ip:${targets[1]!.id}`;
    expect(judgeByExpiry(before.get(k) ?? null, after.get(k))?.state).toBe('done');
  });

  it('a documented refusal on the second order (insufficient balance) is refused for that one only', async () => {
    const c = clientFor(sim);
    const targets = twoLines();
    sim.setBalance(300); // the datacenter IP ($2.00) fits, the residential one ($4.50) no longer does
    const r = await c.renew({ targets, periodId: '1m' }, { requestId: 'm2' });
    expect(r.items.map((i) => i.outcome)).toEqual(['applied', 'refused']);
    expect(r.items[1]!.message).toMatch(/balance is too low/);
    expect(sim.server.ledger).toHaveLength(1);
    expect(r.charged).toEqual({ minor: 200, currency: 'USD' });
  });

  it('every order charged is counted in `charged`', async () => {
    const r = await clientFor(sim).renew({ targets: twoLines(), periodId: '1m' }, { requestId: 'm3' });
    expect(r.items.map((i) => i.outcome)).toEqual(['applied', 'applied']);
    expect(r.charged).toEqual({ minor: 200 + 450, currency: 'USD' });
    expect(r.reference?.split(',')).toHaveLength(2);
  });

  it('after an unknown first order nothing more is sent: the rest is refused (not sent, not paid)', async () => {
    const targets = twoLines();
    sim.server.injectFault({ kind: 'after_apply', answer: 'reset', path: PATHS.orderCreate });
    const r = await clientFor(sim).renew({ targets, periodId: '1m' }, { requestId: 'm4' });
    expect(r.items.map((i) => i.outcome)).toEqual(['unknown', 'refused']);
    expect(r.items[1]!.message).toMatch(/Not sent/);
    expect(creates()).toHaveLength(1);
    expect(sim.server.ledger).toHaveLength(1);
  });

  it('a documented refusal of a single order is thrown as it is, nothing charged', async () => {
    sim.setBalance(100);
    const e = await vendorError(() =>
      clientFor(sim).renew({ targets: [ipTarget(liveIp(25))], periodId: '1m' }, { requestId: 'm5' }),
    );
    expect(e.code).toBe('insufficient_funds');
    expect(e.uncertain).toBe(false);
    expect(sim.server.ledger).toHaveLength(0);
  });
});

/**
 * Non-money writes: their answers carry `data: null`, so a `wrong_types` answer is the real success
 * answer (nothing to mistype) and reads as applied; every other bad answer is unknown.
 */
const NON_MONEY_ANSWERS = AFTER_APPLY_ANSWERS.filter((a) => a !== 'wrong_types');

describe.each(NON_MONEY_ANSWERS)(
  'non-money writes applied, then %s → outcome_unknown, state shows applied',
  (answer) => {
    const fault = (path: string) => sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path });

    it('addWhitelist', async () => {
      fault(PATHS.ipAdd);
      await expectUnknown(() => clientFor(sim).addWhitelist(['203.0.113.61']));
      expect((await clientFor(sim).listWhitelist()).map((w) => w.ip)).toContain('203.0.113.61');
    });

    it('removeWhitelist (with its verification code)', async () => {
      fault(PATHS.ipDelete);
      await expectUnknown(() => clientFor(sim).removeWhitelist(['203.0.113.24'], { verifyCode: sim.state.verifyCode }));
      expect((await clientFor(sim).listWhitelist()).map((w) => w.ip)).not.toContain('203.0.113.24');
    });

    it('createSubUser (first step, no cap)', async () => {
      fault(PATHS.accountAdd);
      await expectUnknown(() =>
        clientFor(sim).createSubUser({ username: 'late1', password: 'abc123', limitBytes: null }),
      );
      expect((await clientFor(sim).listSubUsers()).some((u) => u.id === 'late1')).toBe(true);
    });

    it('updateSubUser, one field and several', async () => {
      fault(PATHS.accountDisable);
      await expectUnknown(() => clientFor(sim).updateSubUser('shopA01', { status: 'disabled' }));
      fault(PATHS.accountChange);
      await expectUnknown(() => clientFor(sim).updateSubUser('mobile88', { note: 'x', status: 'disabled' }));
      const users = await clientFor(sim).listSubUsers();
      expect(users.find((u) => u.id === 'shopA01')!.status).toBe('disabled');
      expect(users.find((u) => u.id === 'mobile88')).toMatchObject({ status: 'disabled', note: 'x' });
    });

    it('deleteSubUser', async () => {
      fault(PATHS.accountDelete);
      await expectUnknown(() => clientFor(sim).deleteSubUser('seoteam'));
      expect((await clientFor(sim).listSubUsers()).some((u) => u.id === 'seoteam')).toBe(false);
    });

    it('closeOrder', async () => {
      const unpaid = sim.state.orders.find((o) => o.status === 0)!;
      fault(PATHS.orderClose);
      await expectUnknown(() => clientFor(sim).closeOrder(unpaid.tradeNo));
      expect(unpaid.status).toBe(2);
    });
  },
);

describe('documented refusals of non-money writes stay plain refusals', () => {
  it('wrong verification code, unknown account, unverified account', async () => {
    const wrong = await vendorError(() => clientFor(sim).removeWhitelist(['203.0.113.24'], { verifyCode: '000000' }));
    expect([wrong.code, wrong.uncertain, wrong.vendorCode]).toEqual(['invalid_argument', false, '400']);
    const missing = await vendorError(() => clientFor(sim).deleteSubUser('nosuchuser'));
    expect([missing.code, missing.uncertain]).toEqual(['invalid_argument', false]);
    sim.setVerified(false);
    const unverified = await vendorError(() =>
      clientFor(sim).createSubUser({ username: 'abc1', password: 'abc123', limitBytes: null }),
    );
    expect([unverified.code, unverified.uncertain, unverified.vendorCode]).toEqual(['vendor_rejected', false, '156']);
  });

  it('a removal without a verification code is refused before anything is sent', async () => {
    const seen = sim.server.requests.length;
    const e = await vendorError(() => clientFor(sim).removeWhitelist(['203.0.113.24']));
    expect([e.code, e.uncertain]).toEqual(['invalid_argument', false]);
    expect(e.message).toMatch(/verification code/);
    expect(sim.server.requests.length).toBe(seen);
  });

  it('an undocumented envelope code is not a refusal: unknown', async () => {
    sim.refuseNext(PATHS.ipAdd, 10086, '系统繁忙');
    await expectUnknown(() => clientFor(sim).addWhitelist(['203.0.113.62']));
  });
});
