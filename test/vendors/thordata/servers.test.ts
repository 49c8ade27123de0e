/**
 * Thordata unlimited servers beyond the list (vendor file §3.6): S3 server monitor (series shaped per
 * period, strict on times/values), S4 balancing monitor (its own `{status_code, payload}` envelope, any
 * series), S7 bound sub-users, S8/S9 bind/unbind (documented refusals plain; applied then answered
 * badly → unknown, settled by re-reading S7, never resent), S2 restart (status reads "Restarting").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeBindingAndSettle, restartOnce } from '../../../main/core/operations/servers';
import { serverExtras } from '../../../main/simulators/thordata/servers';
import type { ThordataClient } from '../../../main/vendors/thordata/client';
import { AFTER_APPLY_ANSWERS, expectUnknown } from '../../helpers/post-apply';
import { makeClient, makeSim, NOW, type Sim, seen } from './helpers';

const S3 = '/unlimited/server-monitor';
const S4 = '/unlimited/balancing-monitor';
const S7 = '/get_unlimited_servers_bind_user';
const S8 = '/add_unlimited_servers_bind_user';
const S9 = '/del_unlimited_servers_bind_user';
const END = Math.floor(NOW.getTime() / 3_600_000) * 3600;
const win = (seconds: number, period: number) => ({
  from: new Date((END - seconds) * 1000).toISOString(),
  to: new Date(END * 1000).toISOString(),
  period,
});

describe('thordata unlimited servers: monitors, bound sub-users, restart', () => {
  let sim: Sim;
  let client: ThordataClient;
  beforeEach(async () => {
    sim = makeSim();
    await sim.listen(0);
    client = makeClient(sim);
  });
  afterEach(() => sim.close());
  const on = () => sim.state.servers[0]!;
  const unl = () => sim.state.subUsers[2].map((u) => u.username);

  it('S3: five series, one point per period (hour/60, day/300, week/3600), units and the Mbps caveat', async () => {
    for (const [seconds, period, points] of [
      [3600, 60, 61],
      [86_400, 300, 289],
      [7 * 86_400, 3600, 169],
    ] as const) {
      const m = await client.serverMonitor(on().insId, win(seconds, period));
      expect(m.period).toBe(period);
      expect(m.series.map((s) => [s.key, s.unit])).toEqual([
        ['CpuUsage', 'percent'],
        ['MemUsage', 'percent'],
        ['TcpCurrEstab', 'count'],
        ['WanIntraffic', 'mbps'],
        ['WanOuttraffic', 'mbps'],
      ]);
      for (const s of m.series) {
        expect(s.times).toHaveLength(points);
        expect(s.values).toHaveLength(points);
        expect(s.times[1]! - s.times[0]!).toBe(period * 1000);
        expect(s.times[points - 1]).toBe(END * 1000);
      }
      const cpu = m.series[0]!.values;
      expect(cpu.every((v) => v >= 0 && v <= 100)).toBe(true);
    }
    expect(seen(sim, 'GET', S3)).toHaveLength(3);
    const m = await client.serverMonitor(on().planName, win(3600, 60));
    expect(m.serverId).toBe(on().insId);
    expect(m.note).toMatch(/look like Mbps/);
  });

  it('S3 under wrong_units: bandwidth 1000× larger, shown as sent (the unit is not silently fixed; the note says why)', async () => {
    const plain = await client.serverMonitor(on().insId, win(3600, 60));
    sim.server.injectFault({ kind: 'wrong_units', path: S3 });
    const wrong = await client.serverMonitor(on().insId, win(3600, 60));
    const avg = (m: typeof plain) => {
      const v = m.series.find((x) => x.key === 'WanIntraffic')!.values;
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    expect(avg(wrong) / avg(plain)).toBeCloseTo(1000, -1);
    expect(wrong.note).toMatch(/does not say which unit/);
  });

  it('S3: a switched-off server answers empty series', async () => {
    const off = sim.state.servers.find((s) => s.status !== 'Turn on')!;
    const m = await client.serverMonitor(off.insId, win(3600, 60));
    expect(m.series).toHaveLength(5);
    expect(m.series.every((s) => s.times.length === 0 && s.values.length === 0)).toBe(true);
  });

  it('S3 strict: unequal arrays, unreadable values, millisecond times, a non-object → bad_response', async () => {
    const bad: ((d: Record<string, { times: number[]; values: number[] }>) => unknown)[] = [
      (d) => ({ ...d, CpuUsage: { times: d.CpuUsage!.times, values: d.CpuUsage!.values.slice(1) } }),
      (d) => ({ ...d, MemUsage: { times: d.MemUsage!.times, values: d.MemUsage!.values.map(() => 'n/a') } }),
      (d) => ({
        ...d,
        TcpCurrEstab: { times: d.TcpCurrEstab!.times.map((t) => t * 1000), values: d.TcpCurrEstab!.values },
      }),
      (d) => ({ ...d, WanIntraffic: 'oops' }),
      (d) => Object.values(d),
    ];
    for (const patch of bad) {
      sim.state.patches.set(S3, (d) => patch(d as Record<string, { times: number[]; values: number[] }>));
      await expect(client.serverMonitor(on().insId, win(3600, 60))).rejects.toMatchObject({ code: 'bad_response' });
    }
    // Numeric strings (§6.4 #9) are read; an absent data is no series.
    sim.state.patches.set(S3, (d) => ({
      CpuUsage: {
        times: (d as { CpuUsage: { times: number[] } }).CpuUsage.times.map(String),
        values: (d as { CpuUsage: { values: number[] } }).CpuUsage.values.map(String),
      },
    }));
    const m = await client.serverMonitor(on().insId, win(3600, 60));
    expect(m.series[0]!.values.every((v) => typeof v === 'number')).toBe(true);
    sim.state.patches.set(S3, () => null);
    expect((await client.serverMonitor(on().insId, win(3600, 60))).series).toEqual([]);
  });

  it('S3 needs ins_id + region from S1: wrong region 10002, no region / unknown server / bad window not sent', async () => {
    const rows = (d: unknown) => d as Record<string, unknown>[];
    sim.state.patches.set('/unlimited/server-list', (d) => rows(d).map((r) => ({ ...r, region: 'xx-nowhere' })));
    await expect(client.serverMonitor(on().insId, win(3600, 60))).rejects.toMatchObject({
      code: 'invalid_argument',
      vendorCode: '10002',
      uncertain: false,
    });
    expect(seen(sim, 'GET', S3)).toHaveLength(1);
    sim.state.patches.set('/unlimited/server-list', (d) => rows(d).map(({ region: _r, ...r }) => r));
    await expect(client.serverMonitor(on().insId, win(3600, 60))).rejects.toMatchObject({ code: 'not_supported' });
    sim.state.patches.clear();
    await expect(client.serverMonitor('ins-000000000', win(3600, 60))).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(client.serverMonitor(on().insId, win(3600, 120))).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(client.serverMonitor(on().insId, { ...win(3600, 60), from: win(0, 60).to })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    expect(seen(sim, 'GET', S3)).toHaveLength(1);
  });

  it('S4: its own envelope; every series that arrives is shown, documented or not', async () => {
    const m = await client.balancingMonitor(on().insId, win(86_400, 300));
    expect(m.series.map((s) => s.key)).toEqual([
      'client_connection_count',
      'client_in_traffic',
      'client_out_traffic',
      'backend_count',
    ]);
    expect(m.series[0]!.unit).toBe('count');
    expect(m.series[1]!.unit).toBe('unknown');
    for (const s of m.series) expect(s.times).toHaveLength(289);
    expect(m.note).toMatch(/units/);
  });

  it('S4 errors: status_code ≠ 200 is the vendor’s error; wrong key stays an auth error; broken payload bad_response', async () => {
    sim.state.patches.set('/unlimited/server-list', (d) =>
      (d as Record<string, unknown>[]).map((r) => ({ ...r, region: 'xx-nowhere' })),
    );
    await expect(client.balancingMonitor(on().insId, win(3600, 60))).rejects.toMatchObject({
      code: 'invalid_argument',
      vendorCode: '10002',
    });
    sim.state.patches.clear();
    sim.state.patches.set(S4, (p) => ({ ...(p as object), client_in_traffic: { times: [1], values: [] } }));
    await expect(client.balancingMonitor(on().insId, win(3600, 60))).rejects.toMatchObject({ code: 'bad_response' });
    sim.state.patches.clear();
    sim.server.injectFault({ kind: 'malformed', path: S4 });
    await expect(client.balancingMonitor(on().insId, win(3600, 60))).rejects.toMatchObject({ code: 'bad_response' });
    const wrong = makeClient(sim, { credentials: { ...sim.credentials, key: 'not-the-key' } });
    await expect(wrong.balancingMonitor(on().insId, win(3600, 60))).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
  });

  it('S7: bound sub-users of a server with their time, and the unlimited sub-users that could be added', async () => {
    const r = await client.serverSubUsers(on().insId);
    expect(r.domain).toBe(on().planName);
    expect(r.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(r.users.map((u) => u.username)).toEqual([unl()[0]]);
    expect(r.users[0]!.boundAt).toBe(new Date((Math.floor(NOW.getTime() / 1000) - 3 * 86_400) * 1000).toISOString());
    expect(r.candidates).toEqual(unl().slice(1));
    const none = await client.serverSubUsers(sim.state.servers[3]!.insId);
    expect(none.users).toEqual([]);
    sim.state.patches.set(S7, () => [{ domain: on().planName, ip: '1.2.3.4', sub_users: 'x' }]);
    await expect(client.serverSubUsers(on().insId)).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('S8 / S9: one POST each, read back by S7; documented refusals are plain; bad names not sent', async () => {
    const name = unl()[1]!;
    await client.bindServerSubUser(on().insId, name);
    expect(seen(sim, 'POST', S8)).toHaveLength(1);
    expect((await client.serverSubUsers(on().insId)).users.map((u) => u.username)).toContain(name);
    await expect(client.bindServerSubUser(on().insId, name)).rejects.toMatchObject({
      code: 'invalid_argument',
      vendorCode: '10000',
      uncertain: false,
    });
    await client.unbindServerSubUser(on().insId, name);
    expect(seen(sim, 'POST', S9)).toHaveLength(1);
    expect(
      serverExtras(sim.server, sim.state)
        .bound.get(on().planName)
        ?.map((u) => u.username),
    ).not.toContain(name);
    await expect(client.unbindServerSubUser(on().insId, name)).rejects.toMatchObject({
      vendorCode: '10000',
      uncertain: false,
    });
    // A residential sub-user cannot be bound (only proxy_type 2): refused before sending.
    const resi = sim.state.subUsers[1][0]!.username;
    await expect(client.bindServerSubUser(on().insId, resi)).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(client.bindServerSubUser(on().insId, 'a b')).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(seen(sim, 'POST', S8)).toHaveLength(2);
  });

  it('S2 restart: the server reads "Restarting" (pending) for a minute; a second restart is 10011', async () => {
    const r = await restartOnce(client, on().insId);
    expect(r).toEqual({ serverId: on().insId, outcome: 'restarted' });
    const s = (await client.listUnlimitedServers()).find((x) => x.id === on().insId)!;
    expect(s.status).toBe('pending');
    await expect(restartOnce(client, on().insId)).rejects.toMatchObject({ code: 'rate_limited', uncertain: false });
  });
});

const BROKEN = AFTER_APPLY_ANSWERS.filter((a) => a !== 'wrong_types');

describe.each(BROKEN)('thordata server writes, applied then answered %s', (answer) => {
  let sim: Sim;
  let client: ThordataClient;
  beforeEach(async () => {
    sim = makeSim();
    await sim.listen(0);
    client = makeClient(sim);
  });
  afterEach(() => sim.close());
  const fault = (path: string) => sim.server.injectFault({ kind: 'after_apply', answer, method: 'POST', path });

  it('bind / unbind: unknown from the client, settled by re-reading S7 (one POST each, never resent)', async () => {
    const s = sim.state.servers[1]!;
    const name = sim.state.subUsers[2][1]!.username;
    fault(S8);
    await expectUnknown(() => client.bindServerSubUser(s.insId, name));
    fault(S9);
    await expectUnknown(() => client.unbindServerSubUser(s.insId, name));
    fault(S8);
    const bound = await changeBindingAndSettle(client as never, s.insId, name, true);
    expect(bound.users.map((u) => u.username)).toContain(name);
    fault(S9);
    const unbound = await changeBindingAndSettle(client as never, s.insId, name, false);
    expect(unbound.users.map((u) => u.username)).not.toContain(name);
    expect(seen(sim, 'POST', S8)).toHaveLength(2);
    expect(seen(sim, 'POST', S9)).toHaveLength(2);
  });

  it('restart: unconfirmed (there is no restart state to read), sent once', async () => {
    const s = sim.state.servers[1]!;
    fault('/unlimited/restart-server');
    expect(await restartOnce(client as never, s.insId)).toEqual({ serverId: s.insId, outcome: 'unconfirmed' });
    expect(seen(sim, 'POST', '/unlimited/restart-server')).toHaveLength(1);
    expect(s.lastRestart).toBe(NOW.getTime());
  });
});

describe('thordata server writes: not applied, then an unreadable answer', () => {
  it('bind answered 503 before it ran: settled by S7 as not made (never resent)', async () => {
    const sim = makeSim();
    await sim.listen(0);
    try {
      const client = makeClient(sim);
      const s = sim.state.servers[2]!;
      const name = sim.state.subUsers[2][1]!.username;
      sim.server.injectFault({ kind: 'status', status: 503, method: 'POST', path: S8 });
      await expect(changeBindingAndSettle(client as never, s.insId, name, true)).rejects.toMatchObject({
        code: 'vendor_rejected',
        message: expect.stringMatching(/not made/),
      });
      expect(seen(sim, 'POST', S8)).toHaveLength(1);
    } finally {
      await sim.close();
    }
  });
});
