import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thordataModule } from '../../../main/vendors/thordata';
import { ThordataClient } from '../../../main/vendors/thordata/client';
import { ISO, makeClient, makeSim, NOW, type Sim, seen } from './helpers';

const MB = 1024 ** 2;
const KB = 1024;

describe('thordata client against the simulator', () => {
  let sim: Sim;
  let client: ThordataClient;

  beforeAll(async () => {
    sim = makeSim();
    await sim.listen(0);
    client = makeClient(sim);
  });
  afterAll(() => sim.close());

  it('module declares the capabilities Thordata offers and no orders', () => {
    expect(thordataModule.vendor).toBe('thordata');
    expect([...thordataModule.capabilities].sort()).toEqual(
      [
        'balance',
        'renew',
        'residential',
        'serverMonitor',
        'serverUpgrade',
        'staticIps',
        'subUsers',
        'subUsersEdit',
        'traffic',
        'trafficBalance',
        'trafficCodes',
        'trafficCodesCreate',
        'trafficHourly',
        'unlimitedServers',
        'whitelist',
        'whitelistEdit',
      ].sort(),
    );
    expect(thordataModule.capabilities.has('orders')).toBe(false);
    expect(thordataModule.capabilities.has('renewQuote')).toBe(false);
    expect(thordataModule.checkCredentials({ token: '', key: 'x' })).toMatch(/token/);
    expect(thordataModule.checkCredentials({ token: 'abcdefgh12', key: '' })).toMatch(/key/);
    expect(thordataModule.checkCredentials(sim.credentials)).toBeNull();
    expect(thordataModule.create({ credentials: sim.credentials })).toBeInstanceOf(ThordataClient);
  });

  it('testConnection reads the wallet', async () => {
    const r = await client.testConnection();
    expect(r).toEqual({
      ok: true,
      message: 'Connected. Balance $1,842.50.',
      balance: { minor: 184250, currency: 'USD' },
    });
    const bad = makeClient(sim, { credentials: { token: sim.credentials.token, key: 'wrong-key-123' } });
    const r2 = await bad.testConnection();
    expect(r2.ok).toBe(false);
    expect(r2.code).toBe('invalid_credentials');
    expect(r2.message).toMatch(/did not accept/);
  });

  it('getBalance: cents, MB → bytes, expiry ISO, unit caveat', async () => {
    const b = await client.getBalance();
    expect(b.money).toEqual({ minor: 184_250, currency: 'USD' });
    expect(b.trafficRemainingBytes).toBe(386_540 * MB);
    expect(b.trafficExpiresAt).toBe('2027-02-05T00:00:00.000Z');
    expect(b.note).toMatch(/MB/);
    // auth travels in the query for GET
    expect(seen(sim, 'GET', '/account/wallet-balance').length).toBeGreaterThan(0);
  });

  it('getBalance under a wrong_units fault changes the figures (the unit is not silently fixed)', async () => {
    sim.server.injectFault({ kind: 'wrong_units', path: '/account/traffic-balance' });
    const b = await client.getBalance();
    expect(b.trafficRemainingBytes).toBe(386_540 * 1024 * MB);
  });

  it('listProxies: ISP and DC IPs with credentials, expiry and status', async () => {
    const ips = await client.listProxies();
    expect(ips.length).toBe(40);
    const kinds = new Set(ips.map((p) => p.kind));
    expect(kinds).toEqual(new Set(['isp', 'datacenter']));
    for (const p of ips) {
      expect(typeof p.id).toBe('string');
      expect(p.id).toBe(`${p.ip}:${p.httpPort}`);
      expect(p.httpPort).toBe(p.kind === 'isp' ? 6666 : 7777);
      expect(p.expiresAt).toMatch(ISO);
      expect(p.username).toBeTruthy();
      expect(p.status).toBe(Date.parse(p.expiresAt as string) <= NOW.getTime() ? 'expired' : 'active');
    }
    expect(ips.some((p) => p.status === 'expired')).toBe(true);
    const soon = ips.filter(
      (p) => p.status === 'active' && Date.parse(p.expiresAt as string) < NOW.getTime() + 7 * 86_400_000,
    );
    expect(soon.length).toBeGreaterThan(0);
  });

  it('listProxies asks P2 for expiries when P1 rows come without them', async () => {
    const old = makeSim({ omitIpExpiry: true, ipCount: 250 });
    await old.listen(0);
    try {
      const c = makeClient(old);
      const ips = await c.listProxies();
      expect(ips.length).toBe(250);
      expect(ips.every((p) => ISO.test(p.expiresAt ?? ''))).toBe(true);
      // batched by 100 IPs per call
      expect(seen(old, 'GET', '/proxy/expiration-time').length).toBeGreaterThanOrEqual(3);
      const one = ips[0]!;
      const exp = await c.expirations([one.ip], one.kind === 'isp' ? 1 : 2);
      expect(exp.get(one.ip)).toBe(one.expiresAt);
    } finally {
      await old.close();
    }
  });

  it('scales to thousands of IPs', async () => {
    const big = makeSim({ ipCount: 3000 });
    await big.listen(0);
    try {
      expect((await makeClient(big).listProxies()).length).toBe(3000);
    } finally {
      await big.close();
    }
  });

  it('listUnlimitedServers: ins_id ids, hostname, spec, bandwidth, statuses', async () => {
    const servers = await client.listUnlimitedServers();
    expect(servers).toHaveLength(5);
    const s = servers[0]!;
    expect(s.id).toMatch(/^ins-\d{9}$/);
    expect(s.ip).toMatch(/\.proxy\.thordata\.net$/);
    expect(s.spec).toBe('8vCPU 16GiB');
    expect(s.bandwidth).toBe('200Mbps');
    expect(s.status).toBe('active');
    expect(s.expiresAt).toMatch(ISO);
    expect(s.details.order_id).toMatch(/^Thor\d+/);
    expect(s.details.region).toBe('na-siliconvalley');
    expect(s.renewPeriods?.map((p) => p.id)).toEqual(['27', '6', '8', '7']);
    expect(servers.filter((x) => x.status === 'expired')).toHaveLength(2);
  });

  it('getTraffic main account daily: KB → bytes, ISO days, >180 days split', async () => {
    const [series] = await client.getTraffic({ from: '2026-11-01', to: '2026-11-10', granularity: 'day' });
    expect(series!.subUserId).toBeNull();
    expect(series!.granularity).toBe('day');
    expect(series!.points).toHaveLength(10);
    expect(series!.points[0]!.at).toBe('2026-11-01T00:00:00.000Z');
    expect(series!.note).toMatch(/KB/);
    const { dailyUsageKb } = await import('../../../main/simulators/thordata/seed-data');
    expect(series!.points[0]!.bytes).toBe(Math.round(dailyUsageKb(7, '2026-11-01') * KB));

    const before = seen(sim, 'GET', '/account/usage-statistics').length;
    const [long] = await client.getTraffic({ from: '2026-01-01', to: '2026-11-20', granularity: 'day' });
    expect(long!.points).toHaveLength(324);
    expect(seen(sim, 'GET', '/account/usage-statistics').length - before).toBe(2);
  });

  it('getTraffic hourly for the main account is not supported', async () => {
    await expect(
      client.getTraffic({ from: '2026-11-01', to: '2026-11-01', granularity: 'hour' }),
    ).rejects.toMatchObject({
      code: 'not_supported',
    });
  });

  it('sub-users: list both products with ids, MB → bytes, unlimited flag', async () => {
    const users = await client.listSubUsers();
    expect(users).toHaveLength(8);
    expect(users.filter((u) => u.id.startsWith('residential:'))).toHaveLength(6);
    expect(users.filter((u) => u.id.startsWith('unlimited:'))).toHaveLength(2);
    const raw = sim.state.subUsers[1][0]!;
    const u = users.find((x) => x.id === `residential:${raw.username}`)!;
    expect(u.usedBytes).toBe(raw.usageMb * MB);
    expect(u.limitUnlimited).toBe(raw.trafficLimitMb === 0);
    expect(u.limitBytes).toBe(raw.trafficLimitMb === 0 ? null : raw.trafficLimitMb * MB);
    expect(u.createdAt).toMatch(ISO);
  });

  it('sub-user traffic daily and hourly', async () => {
    const raw = sim.state.subUsers[1][0]!;
    const id = `residential:${raw.username}`;
    const [day] = await client.getTraffic({ from: '2026-11-20', to: '2026-11-22', granularity: 'day', subUserId: id });
    expect(day!.subUserId).toBe(id);
    expect(day!.points.map((p) => p.at)).toEqual([
      '2026-11-20T00:00:00.000Z',
      '2026-11-21T00:00:00.000Z',
      '2026-11-22T00:00:00.000Z',
    ]);
    const [hour] = await client.getTraffic({
      from: '2026-11-22',
      to: '2026-11-22',
      granularity: 'hour',
      subUserId: id,
    });
    expect(hour!.granularity).toBe('hour');
    expect(hour!.points).toHaveLength(24);
    expect(hour!.points[5]!.at).toBe('2026-11-22T05:00:00.000Z');
    expect(hour!.points.every((p) => Number.isInteger(p.bytes) && p.bytes >= 0)).toBe(true);
  });

  it('sub-user create, update, delete change the simulator state', async () => {
    const created = await client.createSubUser({ username: 'resell042', password: 'Abc12345', limitBytes: 150 * MB });
    expect(created).toMatchObject({ id: 'residential:resell042', limitBytes: 150 * MB, status: 'active' });
    await client.updateSubUser('residential:resell042', { status: 'disabled', limitBytes: null });
    const row = sim.state.subUsers[1].find((u) => u.username === 'resell042')!;
    expect(row).toMatchObject({ status: false, trafficLimitMb: 0, password: 'Abc12345' });
    await client.updateSubUser('residential:resell042', { password: 'Newpass99' });
    expect(row.password).toBe('Newpass99');
    expect(row.status).toBe(false);
    await client.deleteSubUser('residential:resell042');
    expect(sim.state.subUsers[1].some((u) => u.username === 'resell042')).toBe(false);
    await expect(client.createSubUser({ username: 'x1', password: 'Abc12345', limitBytes: 1 })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });

  it('whitelist list, add (bare → residential, prefixed → that product), remove', async () => {
    const before = await client.listWhitelist();
    expect(before).toHaveLength(6);
    expect(before[0]!.id).toMatch(/^residential:/);
    expect(before[0]!.createdAt).toMatch(ISO);
    await client.addWhitelist(['203.0.113.7', 'unlimited:198.51.100.9']);
    expect(sim.state.whitelist[1].some((w) => w.ip === '203.0.113.7')).toBe(true);
    expect(sim.state.whitelist[2].some((w) => w.ip === '198.51.100.9')).toBe(true);
    await client.removeWhitelist(['203.0.113.7', '198.51.100.9']);
    expect((await client.listWhitelist()).map((w) => w.ip)).toEqual(before.map((w) => w.ip));
    await expect(client.addWhitelist(['not-an-ip'])).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('renewalPeriods: servers only', async () => {
    expect((await client.renewalPeriods('server')).map((p) => p.days)).toEqual([1, 7, 30, 60]);
    await expect(client.renewalPeriods('ip')).rejects.toMatchObject({ code: 'not_supported' });
  });

  it('quoteRenewal is an estimate; renew moves money once and expiry forward; later quotes know the price', async () => {
    const s = (await client.listUnlimitedServers())[0]!;
    const target = { kind: 'server' as const, id: s.id, label: s.ip, expiresAt: s.expiresAt };
    const req = { targets: [target], periodId: '8' };
    const q = await client.quoteRenewal(req);
    expect(q.vendorQuoted).toBe(false);
    expect(q.balance).toEqual({ minor: sim.balance(), currency: 'USD' });
    expect(q.items[0]!.newExpiresAt).toBe(new Date(Date.parse(s.expiresAt!) + 30 * 86_400_000).toISOString());
    expect(q.items[0]!.price).toBeNull();
    expect(q.warnings.map((w) => w.code)).toContain('estimate');
    expect(q.warnings.some((w) => w.blocking)).toBe(false);

    const wallet = sim.balance();
    const ledger = sim.server.ledger.length;
    const r = await client.renew(req, { requestId: 'req-1' });
    const price = sim.state.renewPriceCents(sim.state.servers[0]!, 8);
    expect(sim.server.ledger.length).toBe(ledger + 1);
    expect(sim.balance()).toBe(wallet - price);
    expect(r.charged).toEqual({ minor: price, currency: 'USD' });
    expect(r.reference).toMatch(/^Thor\d{9}$/);
    expect(r.items[0]).toMatchObject({ outcome: 'applied', newExpiresAt: q.items[0]!.newExpiresAt });
    expect(seen(sim, 'POST', '/unlimited/renew')).toHaveLength(1);

    const q2 = await client.quoteRenewal(req);
    expect(q2.items[0]!.price).toEqual({ minor: price, currency: 'USD' });
    expect(q2.total.minor).toBe(price);
  });

  it('renew an expired server restarts it from now', async () => {
    const s = sim.state.servers[3]!;
    await client.renew(
      { targets: [{ kind: 'server', id: s.insId, label: s.planName, expiresAt: null }], periodId: '27' },
      { requestId: 'req-2' },
    );
    expect(s.expires.toISOString()).toBe(new Date(NOW.getTime() + 86_400_000).toISOString());
    expect((await client.listUnlimitedServers())[3]!.status).toBe('active');
  });

  it('renew rejects non-server targets and unknown periods before any request', async () => {
    const t = { kind: 'ip' as const, id: '1.2.3.4', label: 'x', expiresAt: null };
    await expect(client.renew({ targets: [t], periodId: '8' }, { requestId: 'r' })).rejects.toMatchObject({
      code: 'not_supported',
    });
    const s = { kind: 'server' as const, id: 'ins-1', label: 'x', expiresAt: null };
    await expect(client.renew({ targets: [s], periodId: '30' }, { requestId: 'r' })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });

  it('upgradeServer charges once and changes bandwidth/spec', async () => {
    const s = sim.state.servers[2]!;
    const ledger = sim.server.ledger.length;
    await client.upgradeServer(s.insId, '4:2', { requestId: 'up-1' });
    expect(sim.server.ledger.length).toBe(ledger + 1);
    const after = (await client.listUnlimitedServers()).find((x) => x.id === s.insId)!;
    expect(after.bandwidth).toBe('500Mbps');
    expect(after.spec).toBe('16vCPU 32GiB');
    await expect(client.upgradeServer(s.insId, 'big', { requestId: 'up-2' })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });

  it('restartServer maps ins_id to the hostname; a second restart is too frequent (10011)', async () => {
    const s = sim.state.servers[1]!;
    await client.restartServer(s.insId);
    expect(s.lastRestart).toBe(NOW.getTime());
    await expect(client.restartServer(s.planName)).rejects.toMatchObject({ code: 'rate_limited', vendorCode: '10011' });
  });

  it('falls back to the older host on a JSON 404 without envelope', async () => {
    const c = makeClient(sim, {}, { publicBase: `${sim.server.url}/moved/api`, legacyBase: sim.baseUrl() });
    const b = await c.getBalance();
    expect(b.money?.minor).toBe(sim.balance());
  });
});
