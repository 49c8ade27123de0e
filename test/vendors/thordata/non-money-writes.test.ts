/**
 * Thordata writes that change state without money: whitelist add/remove (W2/W3), sub-user
 * create/update/delete (U2–U4), server restart (S2). Applied then answered badly → outcome_unknown
 * (never a definite failure); a documented refusal stays a plain refusal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AfterApplyAnswer } from '../../../main/simulators/sim-server';
import type { ThordataClient } from '../../../main/vendors/thordata/client';
import { AFTER_APPLY_ANSWERS, expectUnknown } from '../../helpers/post-apply';
import { makeClient, makeSim, type Sim } from './helpers';

const MB = 1024 ** 2;

/**
 * Every bad answer but `wrong_types`: these writes answer `data: {}`, which has no field to be of a
 * wrong type, so that answer is a plain success (and it was applied) — tested below.
 */
const BROKEN = AFTER_APPLY_ANSWERS.filter((a) => a !== 'wrong_types');

describe.each(BROKEN)('thordata non-money writes, applied then answered %s', (answer: AfterApplyAnswer) => {
  let sim: Sim;
  let client: ThordataClient;
  beforeEach(async () => {
    sim = makeSim();
    await sim.listen(0);
    client = makeClient(sim);
  });
  afterEach(() => sim.close());
  const fault = (path: string) => sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path });

  it('whitelist add and remove: unknown, and the state shows each applied', async () => {
    fault('/whitelisted-ips/add-ip');
    await expectUnknown(() => client.addWhitelist(['203.0.113.77']));
    expect(sim.state.whitelist[1].some((w) => w.ip === '203.0.113.77')).toBe(true);
    fault('/whitelisted-ips/delete-ip');
    await expectUnknown(() => client.removeWhitelist(['residential:203.0.113.77']));
    expect(sim.state.whitelist[1].some((w) => w.ip === '203.0.113.77')).toBe(false);
  });

  it('sub-user create, update, delete: unknown, and the state shows each applied', async () => {
    fault('/proxy-users/create-user');
    await expectUnknown(() => client.createSubUser({ username: 'unsure001', password: 'Abc12345', limitBytes: null }));
    const row = () => sim.state.subUsers[1].find((u) => u.username === 'unsure001');
    expect(row()).toBeDefined();
    fault('/proxy-users/update-user');
    await expectUnknown(() => client.updateSubUser('residential:unsure001', { limitBytes: 200 * MB }));
    expect(row()?.trafficLimitMb).toBe(200);
    fault('/proxy-users/delete-user');
    await expectUnknown(() => client.deleteSubUser('residential:unsure001'));
    expect(row()).toBeUndefined();
  });

  it('restart: unknown, and the server was restarted', async () => {
    const s = sim.state.servers[1]!;
    fault('/unlimited/restart-server');
    await expectUnknown(() => client.restartServer(s.insId));
    expect(s.lastRestart).toBeDefined();
  });
});

describe('thordata non-money writes: plain answers', () => {
  let sim: Sim;
  let client: ThordataClient;
  beforeEach(async () => {
    sim = makeSim();
    await sim.listen(0);
    client = makeClient(sim);
  });
  afterEach(() => sim.close());

  it('wrong_types on a `data: {}` answer keeps code 200: applied', async () => {
    sim.server.injectFault({
      kind: 'after_apply',
      answer: 'wrong_types',
      method: 'POST',
      path: '/whitelisted-ips/add-ip',
    });
    await client.addWhitelist(['203.0.113.78']);
    expect(sim.state.whitelist[1].some((w) => w.ip === '203.0.113.78')).toBe(true);
  });

  it('documented refusals stay plain refusals (not uncertain)', async () => {
    const dup = sim.state.whitelist[1][0]!.ip;
    await expect(client.addWhitelist([dup])).rejects.toMatchObject({ vendorCode: '10000', uncertain: false });
    const existing = sim.state.subUsers[1][0]!.username;
    await expect(
      client.createSubUser({ username: existing, password: 'Abc12345', limitBytes: null }),
    ).rejects.toMatchObject({ code: 'invalid_argument', vendorCode: '10018', uncertain: false });
    await expect(client.deleteSubUser('residential:ghostuser1')).rejects.toMatchObject({
      vendorCode: '10020',
      uncertain: false,
    });
    const s = sim.state.servers[0]!;
    await client.restartServer(s.insId);
    await expect(client.restartServer(s.insId)).rejects.toMatchObject({
      code: 'rate_limited',
      vendorCode: '10011',
      uncertain: false,
    });
  });

  it('Proxydeck refusing a value before sending is not quoted as Thordata', async () => {
    const e = (await client.addWhitelist(['not-an-ip']).catch((x: unknown) => x)) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument', uncertain: false });
    expect(e.message).not.toMatch(/Thordata said/);
    expect(e.message).toMatch(/IPv4/);
    expect(sim.server.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
