/**
 * Strict reads: a list of the wrong shape is an error (never a silent []), every timestamp form the
 * docs allow reads to the simulator's true instant, impossible dates are errors, and nothing is dropped
 * (Thordata does not page: vendor file §1.6, "every list returns everything in one data array").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ThordataClient } from '../../../main/vendors/thordata/client';
import { VENDOR_ZONE } from '../../../main/vendors/thordata/constants';
import { mapServers, parseBucket } from '../../../main/vendors/thordata/mappers';
import { makeClient, makeSim, NOW, type Sim } from './helpers';

type Rows = Record<string, unknown>[];

describe('thordata strict reads', () => {
  let sim: Sim;
  let client: ThordataClient;
  beforeEach(async () => {
    sim = makeSim({ ipCount: 60 });
    await sim.listen(0);
    client = makeClient(sim);
  });
  afterEach(() => sim.close());

  const bad = { code: 'bad_response' };

  it('a list field of the wrong shape is bad_response, not an empty list', async () => {
    sim.state.patches.set('/unlimited/server-list', () => ({ rows: [] }));
    await expect(client.listUnlimitedServers()).rejects.toMatchObject(bad);
    sim.state.patches.set('/unlimited/server-list', () => 'none');
    await expect(client.listUnlimitedServers()).rejects.toMatchObject(bad);
    sim.state.patches.set('/proxy/proxy-list', () => ({ list: 'none' }));
    await expect(client.listProxies()).rejects.toMatchObject(bad);
    sim.state.patches.set('/proxy-users/user-list', (d) => ({ ...(d as object), list: { alice: 1 } }));
    await expect(client.listSubUsers()).rejects.toMatchObject(bad);
    sim.state.patches.set('/whitelisted-ips/ip-list', (d) => ({ ...(d as object), lists: 7 }));
    await expect(client.listWhitelist()).rejects.toMatchObject(bad);
    sim.state.patches.set('/account/usage-statistics', (d) => ({ ...(d as object), data: 'n/a' }));
    await expect(client.getTraffic({ from: '2026-11-01', to: '2026-11-03', granularity: 'day' })).rejects.toMatchObject(
      bad,
    );
  });

  it('a row of the wrong type is bad_response; absent or null lists are empty', async () => {
    sim.state.patches.set('/unlimited/server-list', (d) => [...(d as Rows), 'ins-1']);
    await expect(client.listUnlimitedServers()).rejects.toMatchObject(bad);
    sim.state.patches.set('/unlimited/server-list', () => null);
    expect(await client.listUnlimitedServers()).toEqual([]);
    sim.state.patches.set('/proxy-users/user-list', () => ({ limit: 20, remaining_limit: 20, user_count: 0 }));
    expect(await client.listSubUsers()).toEqual([]);
  });

  it('wrong types in a read answer (envelope kept) are bad_response', async () => {
    for (const path of ['/unlimited/server-list', '/proxy-users/user-list', '/whitelisted-ips/ip-list']) {
      sim.server.injectFault({ kind: 'after_apply', answer: 'wrong_types', method: 'GET', path, times: 0 });
    }
    await expect(client.listUnlimitedServers()).rejects.toMatchObject(bad);
    await expect(client.listSubUsers()).rejects.toMatchObject(bad);
    await expect(client.listWhitelist()).rejects.toMatchObject(bad);
  });

  it('both documented expiry forms (naive "YYYY-MM-DD HH:mm", legacy unix expireTime) read to the same instant', async () => {
    const raw = [
      ...(sim.state.proxyList(new URLSearchParams('proxy_type=1')) as Rows),
      ...(sim.state.proxyList(new URLSearchParams('proxy_type=2')) as Rows),
    ];
    expect(raw.some((r) => typeof r.expiration_time === 'string')).toBe(true);
    expect(raw.some((r) => typeof r.expireTime === 'number')).toBe(true);
    const truth = new Map(
      [...sim.state.staticIps[1], ...sim.state.staticIps[2]].map((p) => [`${p.ip}:${p.port}`, p.expires.toISOString()]),
    );
    const ips = await client.listProxies();
    expect(ips).toHaveLength(60);
    for (const p of ips) expect(p.expiresAt, p.id).toBe(truth.get(p.id));
    const servers = await client.listUnlimitedServers();
    expect(servers.map((s) => s.expiresAt)).toEqual(sim.state.servers.map((s) => s.expires.toISOString()));
  });

  it('impossible dates are bad_response (expiry) and never shifted into another day', async () => {
    for (const when of ['2026-02-30 10:00', '2026-13-01 00:00', '2026-11-23 99:00', 'soon']) {
      sim.state.patches.set('/unlimited/server-list', (d) => (d as Rows).map((r) => ({ ...r, expiration_time: when })));
      await expect(client.listUnlimitedServers(), when).rejects.toMatchObject(bad);
    }
    sim.state.patches.set('/proxy/proxy-list', (d) =>
      (d as Rows).map((r) => ({ ...r, expiration_time: '2026-04-31 08:00', expireTime: undefined })),
    );
    await expect(client.listProxies()).rejects.toMatchObject(bad);
    sim.state.patches.set('/account/usage-statistics', (d) => {
      const o = d as { data: Rows };
      return { ...o, data: [{ date: '2026-02-29', usage_traffic: 5 }] };
    });
    await expect(client.getTraffic({ from: '2026-11-01', to: '2026-11-01', granularity: 'day' })).rejects.toMatchObject(
      bad,
    );
    expect(parseBucket('2026-11-22 24')).toBeNull();
  });

  it('zone: naive vendor times are read as UTC wall-clock digits ("vendor time"), never the machine zone', () => {
    expect(VENDOR_ZONE).toBe('UTC');
    const prev = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const [s] = mapServers([{ ins_id: 'ins-1', expiration_time: '2026-11-24 10:00' }], NOW);
      expect(s!.expiresAt).toBe('2026-11-24T10:00:00.000Z');
      expect(parseBucket('2026-11-22 05')).toBe('2026-11-22T05:00:00.000Z');
    } finally {
      if (prev === undefined) delete process.env.TZ;
      else process.env.TZ = prev;
    }
  });

  it('no paging to lose rows: thousands of IPs and every sub-user come back', async () => {
    const big = makeSim({ ipCount: 2500 });
    await big.listen(0);
    try {
      const ips = await makeClient(big).listProxies();
      expect(ips).toHaveLength(2500);
      expect(new Set(ips.map((p) => p.id)).size).toBe(2500);
    } finally {
      await big.close();
    }
  });
});
