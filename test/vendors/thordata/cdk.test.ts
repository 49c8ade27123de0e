/**
 * Thordata CDK — traffic redeem codes (vendor file §3.8, C1–C4) against the simulator: the documented
 * shapes and units (GB, unix seconds), the status filter, documented refusals, the `api.` host, strict
 * reads, and revoke/create applied then answered badly (unknown, settled by reading, never resent).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revokeAndSettle } from '../../../main/core/operations/traffic-codes';
import type { ThordataClient } from '../../../main/vendors/thordata/client';
import { AFTER_APPLY_ANSWERS, expectUnknown } from '../../helpers/post-apply';
import { html404Origin, ISO, makeClient, makeSim, NOW, type Sim, seen, twoHosts } from './helpers';

const GB = 1024 ** 3;

describe('thordata CDK contract', () => {
  let sim: Sim;
  let client: ThordataClient;
  beforeEach(async () => {
    sim = makeSim();
    await sim.listen(0);
    client = makeClient(sim);
  });
  afterEach(() => sim.close());

  it('C2 list: every code newest first, GB → bytes, unix seconds → ISO, statuses in words', async () => {
    const codes = (await client.listCdks()).codes;
    expect(codes).toHaveLength(sim.cdk.codes.length);
    expect(codes.map((c) => c.status).sort()).toEqual(['revoked', 'unused', 'unused', 'unused', 'used', 'used']);
    const first = sim.cdk.codes.find((c) => c.cdk === codes[0]!.code)!;
    expect(codes[0]).toMatchObject({
      trafficBytes: first.trafficGb * GB,
      validForSeconds: 7_776_000,
      createdAt: new Date(first.createdS * 1000).toISOString(),
    });
    for (const c of codes) expect(c.createdAt).toMatch(ISO);
    const times = codes.map((c) => Date.parse(c.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times.every((t) => t < NOW.getTime())).toBe(true);
  });

  it('C2 list filters by status (sent as query 1/2/3)', async () => {
    const used = (await client.listCdks({ status: 'used' })).codes;
    expect(used.map((c) => c.status)).toEqual(['used', 'used']);
    const revoked = (await client.listCdks({ status: 'revoked' })).codes;
    expect(revoked).toHaveLength(1);
    expect(seen(sim, 'GET', '/cdk/list')).toHaveLength(2);
  });

  it('C4 info: who redeemed a used code and when; an unused code has none', async () => {
    const used = sim.cdk.codes.find((c) => c.status === 2)!;
    const info = await client.cdkInfo(used.cdk);
    expect(info).toMatchObject({
      code: used.cdk,
      status: 'used',
      usedBy: used.usedBy,
      usedAt: new Date(used.usedS * 1000).toISOString(),
    });
    const unused = sim.cdk.codes.find((c) => c.status === 1)!;
    expect(await client.cdkInfo(unused.cdk)).toMatchObject({ status: 'unused', usedBy: null, usedAt: null });
  });

  it('C3 revoke: one POST, the code reads revoked, its traffic is back in the simulator balance', async () => {
    const c = sim.cdk.codes.find((x) => x.status === 1)!;
    const before = sim.state.trafficBalanceMb;
    await client.revokeCdk(c.cdk);
    expect(seen(sim, 'POST', '/cdk/revoke')).toHaveLength(1);
    expect((await client.cdkInfo(c.cdk)).status).toBe('revoked');
    expect(sim.state.trafficBalanceMb - before).toBe(c.trafficGb * 1024);
  });

  it('documented refusals stay plain (not uncertain): used, revoked, unknown code; bad input is not sent', async () => {
    const used = sim.cdk.codes.find((x) => x.status === 2)!.cdk;
    const revoked = sim.cdk.codes.find((x) => x.status === 3)!.cdk;
    for (const code of [used, revoked, 'NOSUCHCODE000000']) {
      await expect(client.revokeCdk(code)).rejects.toMatchObject({
        code: 'invalid_argument',
        vendorCode: '10000',
        uncertain: false,
      });
    }
    await expect(client.cdkInfo('NOSUCHCODE000000')).rejects.toMatchObject({ vendorCode: '10000' });
    const posts = seen(sim, 'POST', '/cdk/revoke').length;
    await expect(client.revokeCdk('not a code')).rejects.toMatchObject({ code: 'invalid_argument', uncertain: false });
    expect(seen(sim, 'POST', '/cdk/revoke')).toHaveLength(posts);
  });

  it('C1 create: `num` codes of `flow` GB, listed unused, the traffic leaves the balance', async () => {
    const before = sim.state.trafficBalanceMb;
    const made = await client.createCdks({ num: 3, trafficGb: 2 });
    expect(made).toHaveLength(3);
    expect(new Set(made).size).toBe(3);
    const listed = (await client.listCdks({ status: 'unused' })).codes;
    for (const m of made) expect(listed.find((c) => c.code === m)).toMatchObject({ trafficBytes: 2 * GB });
    expect(before - sim.state.trafficBalanceMb).toBe(3 * 2 * 1024);
  });

  it('C1 refusals: above the per-call limit (10012), not enough traffic (10017); bad input not sent', async () => {
    await expect(client.createCdks({ num: 101, trafficGb: 1 })).rejects.toMatchObject({
      vendorCode: '10012',
      uncertain: false,
    });
    sim.state.trafficBalanceMb = 1024;
    await expect(client.createCdks({ num: 2, trafficGb: 1 })).rejects.toMatchObject({
      code: 'insufficient_funds',
      vendorCode: '10017',
      uncertain: false,
    });
    const posts = seen(sim, 'POST', '/cdk/create').length;
    await expect(client.createCdks({ num: 0, trafficGb: 1 })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(client.createCdks({ num: 1, trafficGb: -1 })).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(seen(sim, 'POST', '/cdk/create')).toHaveLength(posts);
    expect(sim.state.trafficBalanceMb).toBe(1024);
  });

  it('strict on ids, status, traffic and times; lenient on validity and redeemer', async () => {
    const base = () => ({ cdk: 'ABC123', create_time: 1_790_000_000, status: 1, traffic: 2 });
    sim.state.patches.set('/cdk/list', () => [{ ...base(), traffic_duration: 'soon', use_username: 7 }]);
    expect((await client.listCdks()).codes[0]).toMatchObject({ code: 'ABC123', validForSeconds: null, usedBy: '7' });
    sim.state.patches.set('/cdk/list', () => [{ ...base(), status: '2', traffic: '3', create_time: '1790000000' }]);
    expect((await client.listCdks()).codes[0]).toMatchObject({ status: 'used', trafficBytes: 3 * GB });
    const bad: Record<string, unknown>[] = [
      { ...base(), status: 4 },
      { ...base(), cdk: '' },
      { ...base(), create_time: '2026-11-20 10:00' },
      { ...base(), create_time: 1_790_000_000_000 },
      { ...base(), traffic: 'lots' },
    ];
    for (const row of bad) {
      sim.state.patches.set('/cdk/list', () => [row]);
      await expect(client.listCdks()).rejects.toMatchObject({ code: 'bad_response' });
    }
    sim.state.patches.set('/cdk/list', () => ({ rows: [] }));
    await expect(client.listCdks()).rejects.toMatchObject({ code: 'bad_response' });
    sim.state.patches.set('/cdk/list', () => null);
    expect((await client.listCdks()).codes).toEqual([]);
  });

  it('wrong_units: the traffic comes back as MB (×1024) and reads 1024 times larger — the caveat note exists for this', async () => {
    const c = sim.cdk.codes[0]!;
    sim.server.injectFault({ kind: 'wrong_units', method: 'GET', path: '/cdk/info' });
    expect((await client.cdkInfo(c.cdk)).trafficBytes).toBe(c.trafficGb * 1024 * GB);
    expect((await client.cdkInfo(c.cdk)).trafficBytes).toBe(c.trafficGb * GB);
  });

  it('CDK calls go to the api. host; a dead api. host falls back for reads only', async () => {
    const dead = await html404Origin();
    try {
      const other = makeClient(sim, {}, { publicBase: dead.url, legacyBase: sim.baseUrl() });
      expect((await other.listCdks()).codes.length).toBeGreaterThan(0);
      expect(dead.hits).toEqual([]);
      const flipped = makeClient(sim, {}, { publicBase: sim.baseUrl(), legacyBase: dead.url });
      expect((await flipped.listCdks()).codes.length).toBeGreaterThan(0);
      expect(dead.hits).toEqual(['GET /api/cdk/list']);
    } finally {
      await dead.close();
    }
  });
});

describe.each(AFTER_APPLY_ANSWERS.filter((a) => a !== 'wrong_types'))(
  'thordata CDK, applied then answered %s',
  (answer) => {
    let sim: Sim;
    let client: ThordataClient;
    beforeEach(async () => {
      sim = makeSim();
      await sim.listen(0);
      client = makeClient(sim);
    });
    afterEach(() => sim.close());
    const fault = (path: string) => sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path });

    it('revoke: unknown from the client, settled as applied by reading the code (one POST)', async () => {
      const c = sim.cdk.codes.find((x) => x.status === 1)!;
      fault('/cdk/revoke');
      await expectUnknown(() => client.revokeCdk(c.cdk));
      expect(c.status).toBe(3);
      fault('/cdk/revoke');
      const other = sim.cdk.codes.find((x) => x.status === 1)!;
      const settled = await revokeAndSettle(client, other.cdk);
      expect(settled).toMatchObject({ code: other.cdk, status: 'revoked' });
      expect(seen(sim, 'POST', '/cdk/revoke')).toHaveLength(2);
    });

    it('create: unknown, never resent (the codes were made once)', async () => {
      const before = sim.cdk.codes.length;
      fault('/cdk/create');
      await expectUnknown(() => client.createCdks({ num: 2, trafficGb: 1 }));
      expect(seen(sim, 'POST', '/cdk/create')).toHaveLength(1);
      expect(sim.cdk.codes.length - before).toBe(2);
    });
  },
);

describe('thordata CDK on two hosts', () => {
  it('revoke applied then answered with an HTML 404 on api.: unknown, never resent to openapi.', async () => {
    const h = await twoHosts();
    try {
      const c = h.legacy.cdk.codes.find((x) => x.status === 1)!;
      h.legacy.server.injectFault({ kind: 'after_apply', answer: 'html_404', method: 'POST', path: '/cdk/revoke' });
      await expectUnknown(() => h.client.revokeCdk(c.cdk));
      expect(seen(h.legacy, 'POST', '/cdk/revoke')).toHaveLength(1);
      expect(seen(h.pub, 'POST', '/cdk/revoke')).toHaveLength(0);
      expect(h.legacy.cdk.codes.find((x) => x.cdk === c.cdk)?.status).toBe(3);
      expect(h.pub.cdk.codes.find((x) => x.cdk === c.cdk)?.status).toBe(1);
    } finally {
      await h.close();
    }
  });
});

describe('thordata CDK revoke settled by reading', () => {
  let sim: Sim;
  let client: ThordataClient;
  beforeEach(async () => {
    sim = makeSim();
    await sim.listen(0);
    client = makeClient(sim);
  });
  afterEach(() => sim.close());

  it('a 5xx before applying: the code still reads unused → "not made", sent once', async () => {
    const c = sim.cdk.codes.find((x) => x.status === 1)!;
    sim.server.injectFault({ kind: 'status', status: 502, method: 'POST', path: '/cdk/revoke' });
    await expect(revokeAndSettle(client, c.cdk)).rejects.toMatchObject({ message: /was not made/ });
    expect(c.status).toBe(1);
    expect(seen(sim, 'POST', '/cdk/revoke')).toHaveLength(1);
  });

  it('wrong_types: revoke answers `data: {}` (nothing to mistype) → applied; create → unknown, made once', async () => {
    const c = sim.cdk.codes.find((x) => x.status === 1)!;
    sim.server.injectFault({ kind: 'after_apply', answer: 'wrong_types', method: 'POST', path: '/cdk/revoke' });
    await client.revokeCdk(c.cdk);
    expect(c.status).toBe(3);
    const before = sim.cdk.codes.length;
    sim.server.injectFault({ kind: 'after_apply', answer: 'wrong_types', method: 'POST', path: '/cdk/create' });
    await expectUnknown(() => client.createCdks({ num: 1, trafficGb: 1 }));
    expect(sim.cdk.codes.length - before).toBe(1);
  });
});
