/**
 * "Two-step writes say where they stopped": a sub-user with a cap is created by #2 (account) then #8
 * (cap). When the second step is refused or its outcome is unknown, the user learns in plain words
 * that the account exists without its cap, the error carries the username, and updateSubUser with
 * limitBytes retries only the cap.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BestproxySimulator } from '../../../main/simulators/bestproxy';
import { SubUserCapError } from '../../../main/vendors/bestproxy/accounts';
import { PATHS } from '../../../main/vendors/bestproxy/constants';
import { clientFor, GiB, startSim, vendorError } from './helpers';

let sim: BestproxySimulator;
beforeEach(async () => {
  sim = await startSim();
});
afterEach(() => sim.close());

const account = (u: string) => sim.state.accounts.find((a) => a.username === u);
const sent = (from: number) => sim.server.requests.slice(from).filter((r) => r.path !== PATHS.accountList);

describe('createSubUser: account, then its cap', () => {
  it('both steps applied: the created sub-user with its cap', async () => {
    const u = await clientFor(sim).createSubUser({ username: 'two1', password: 'abc123', limitBytes: 3 * GiB });
    expect(u).toMatchObject({ id: 'two1', limitBytes: 3 * GiB });
  });

  it('cap refused (documented code 400): the account exists without a cap; the error says so and carries the id', async () => {
    sim.refuseNext(PATHS.accountLimit, 400, 'limit 必须是 0-102400 的整数 (GB)');
    const c = clientFor(sim);
    const e = await vendorError(() => c.createSubUser({ username: 'two2', password: 'abc123', limitBytes: 2 * GiB }));
    expect(e).toBeInstanceOf(SubUserCapError);
    const step = e as SubUserCapError;
    expect([step.subUserId, step.pendingStep, step.stepOutcome, step.limitGb]).toEqual(['two2', 'limit', 'refused', 2]);
    expect(e.code).toBe('invalid_argument');
    expect(e.uncertain).toBe(false);
    expect(e.message).toMatch(/created the proxy account "two2" but did not set its traffic cap of 2 GB/);
    expect(e.message).toMatch(/works without one/);
    expect(e.message).toContain('limit 必须是');
    expect(account('two2')).toMatchObject({ limitGb: 0 });

    // Retry only the cap.
    const seen = sim.server.requests.length;
    await c.updateSubUser(step.subUserId, { limitBytes: 2 * GiB });
    expect(sent(seen).map((r) => r.path)).toEqual([PATHS.accountLimit]);
    expect(account('two2')!.limitGb).toBe(2);
  });

  it('cap applied but answered badly: unknown (uncertain), the account exists; reading shows the cap', async () => {
    sim.server.injectFault({ kind: 'after_apply', answer: '5xx_html', path: PATHS.accountLimit });
    const c = clientFor(sim);
    const e = await vendorError(() => c.createSubUser({ username: 'two3', password: 'abc123', limitBytes: 4 * GiB }));
    expect(e).toBeInstanceOf(SubUserCapError);
    expect((e as SubUserCapError).stepOutcome).toBe('unknown');
    expect([e.code, e.uncertain, e.httpStatus]).toEqual(['outcome_unknown', true, 502]);
    expect(e.message).toMatch(
      /created the proxy account "two3", but Proxydeck cannot tell whether it also set its traffic cap of 4 GB/,
    );
    expect(e.message).toMatch(/Check the cap in the account list/);
    const listed = (await c.listSubUsers()).find((u) => u.id === 'two3');
    expect(listed?.limitBytes).toBe(4 * GiB);
    // Setting it again is harmless (idempotent cap) and is the only request.
    const seen = sim.server.requests.length;
    await c.updateSubUser('two3', { limitBytes: 4 * GiB });
    expect(sent(seen).map((r) => r.path)).toEqual([PATHS.accountLimit]);
  });

  it('cap step reset after apply: unknown, never a plain failure', async () => {
    sim.server.injectFault({ kind: 'after_apply', answer: 'reset', path: PATHS.accountLimit });
    const e = await vendorError(() =>
      clientFor(sim).createSubUser({ username: 'two4', password: 'abc123', limitBytes: 1 * GiB }),
    );
    expect([e.code, e.uncertain, (e as SubUserCapError).subUserId]).toEqual(['outcome_unknown', true, 'two4']);
    expect(account('two4')).toBeDefined();
  });

  it('first step refused: nothing exists, a plain refusal, the cap is never sent', async () => {
    sim.refuseNext(PATHS.accountAdd, 400, '账号 two5 已存在 (account exists)');
    const seen = sim.server.requests.length;
    const e = await vendorError(() =>
      clientFor(sim).createSubUser({ username: 'two5', password: 'abc123', limitBytes: 1 * GiB }),
    );
    expect(e).not.toBeInstanceOf(SubUserCapError);
    expect([e.code, e.uncertain]).toEqual(['invalid_argument', false]);
    expect(sent(seen).map((r) => r.path)).toEqual([PATHS.accountAdd]);
  });

  it('a failing re-read after both steps does not turn the creation into a failure', async () => {
    sim.server.injectFault({ kind: 'status', status: 500, path: PATHS.accountList, times: 0 });
    const u = await clientFor(sim).createSubUser({ username: 'two6', password: 'abc123', limitBytes: 1 * GiB });
    expect(u).toBeNull();
    expect(account('two6')!.limitGb).toBe(1);
  });
});
