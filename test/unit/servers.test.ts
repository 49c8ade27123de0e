/**
 * Unlimited servers through IPC (main/core/operations/servers.ts): gated by the `serverMonitor`
 * capability, the time range turned into a window on the core's clock (period 60 / 300 / 3600), restart
 * answered 'restarted' or honestly 'unconfirmed', bind/unbind sent once and answered with the list read
 * afterwards (an unknown outcome settled by that read); and the view's words in en and zh-CN.
 */
import { describe, expect, it } from 'vitest';
import { serversEn } from '../../renderer/i18n/servers.en';
import { serversZhCN } from '../../renderer/i18n/servers.zh-CN';
import { coreWithThordata } from '../helpers/core-with-sims';

const NOW = new Date('2026-06-10T08:17:30.000Z');
const now = () => NOW;

const { env, call } = coreWithThordata({ now });
const posts = (suffix: string) => env.th.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith(suffix));

describe('servers channels', () => {
  const server = () => env.th.state.servers[0]!;

  it('monitor: hour / 24 hours / 7 days → period 60 / 300 / 3600, ending on the last whole period', async () => {
    for (const [range, period, points] of [
      ['hour', 60, 61],
      ['day', 300, 289],
      ['week', 3600, 169],
    ] as const) {
      const r = await call('servers:monitor', { accountId: env.thId, serverId: server().insId, range });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.data.period).toBe(period);
      const end = Math.floor(NOW.getTime() / 1000 / period) * period * 1000;
      expect(r.data.to).toBe(new Date(end).toISOString());
      const cpu = r.data.series.find((s) => s.key === 'CpuUsage')!;
      expect(cpu.times).toHaveLength(points);
      expect(cpu.times.at(-1)).toBe(end);
    }
  });

  it('balancing: the load balancer series through its own envelope', async () => {
    const r = await call('servers:balancing', { accountId: env.thId, serverId: server().insId, range: 'day' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.series.map((s) => s.key)).toContain('client_connection_count');
  });

  it('a vendor without the capability is refused before anything is sent; bad input fails the schema', async () => {
    const r = await call('servers:monitor', { accountId: env.bpId, serverId: 'x1', range: 'day' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_supported' } });
    const bad = await call('servers:monitor', {
      accountId: env.thId,
      serverId: server().insId,
      range: 'year' as never,
    });
    expect(bad.ok).toBe(false);
    const name = await call('servers:bind', { accountId: env.thId, serverId: server().insId, username: 'a b' });
    expect(name.ok).toBe(false);
  });

  it('restart: restarted; applied then answered 502 → unconfirmed, sent once, never "nothing changed"', async () => {
    const a = env.th.state.servers[1]!;
    const r = await call('servers:restart', { accountId: env.thId, serverId: a.insId });
    expect(r).toMatchObject({ ok: true, data: { outcome: 'restarted' } });
    const b = env.th.state.servers[2]!;
    const before = posts('/unlimited/restart-server').length;
    env.th.server.injectFault({
      kind: 'after_apply',
      answer: '5xx_html',
      method: 'POST',
      path: '/unlimited/restart-server',
    });
    const u = await call('servers:restart', { accountId: env.thId, serverId: b.insId });
    expect(u).toMatchObject({ ok: true, data: { serverId: b.insId, outcome: 'unconfirmed' } });
    expect(posts('/unlimited/restart-server').length - before).toBe(1);
    expect(b.lastRestart).toBe(NOW.getTime());
    // A second restart within the minute is Thordata's documented refusal (10011), shown as such.
    const again = await call('servers:restart', { accountId: env.thId, serverId: a.insId });
    expect(again).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('subUsers → bind → unbind: each change one POST, answered with the list read afterwards', async () => {
    const s = server();
    const list = await call('servers:subUsers', { accountId: env.thId, serverId: s.insId });
    if (!list.ok) throw new Error(list.error.message);
    const name = list.data.candidates![0]!;
    const bound = await call('servers:bind', { accountId: env.thId, serverId: s.insId, username: name });
    if (!bound.ok) throw new Error(bound.error.message);
    expect(bound.data.users.map((u) => u.username)).toContain(name);
    expect(bound.data.candidates).not.toContain(name);
    const unbound = await call('servers:unbind', { accountId: env.thId, serverId: s.insId, username: name });
    if (!unbound.ok) throw new Error(unbound.error.message);
    expect(unbound.data.users.map((u) => u.username)).not.toContain(name);
    expect(posts('/add_unlimited_servers_bind_user')).toHaveLength(1);
    expect(posts('/del_unlimited_servers_bind_user')).toHaveLength(1);
  });

  it('bind applied then the connection reset: settled as applied by reading S7, not sent again', async () => {
    const s = env.th.state.servers[1]!;
    const name = env.th.state.subUsers[2][1]!.username;
    const before = posts('/add_unlimited_servers_bind_user').length;
    env.th.server.injectFault({
      kind: 'after_apply',
      answer: 'reset',
      method: 'POST',
      path: '/add_unlimited_servers_bind_user',
    });
    const r = await call('servers:bind', { accountId: env.thId, serverId: s.insId, username: name });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.users.map((u) => u.username)).toContain(name);
    expect(posts('/add_unlimited_servers_bind_user').length - before).toBe(1);
  });

  it('unbind of a sub-user not on the server: the vendor’s documented refusal, plainly', async () => {
    const r = await call('servers:unbind', {
      accountId: env.thId,
      serverId: env.th.state.servers[3]!.insId,
      username: 'nobody01',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});

describe('servers words', () => {
  const flat = (o: object, p = ''): [string, string][] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${p}${k}`, v] as [string, string]] : flat(v as object, `${p}${k}.`),
    );
  const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it('en and zh-CN have the same keys and placeholders; restart says what it drops and what it costs', () => {
    const en = Object.fromEntries(flat(serversEn));
    const zh = Object.fromEntries(flat(serversZhCN));
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) expect(names(zh[k]!), k).toEqual(names(en[k]!));
    expect(en['servers.restart.body']).toMatch(/drops every open connection for about a minute\. Nothing is charged/);
    expect(en['servers.restart.unconfirmed']).toMatch(/did not confirm.*in a minute/);
    expect(en['servers.restart.unconfirmed']).not.toMatch(/nothing was changed/i);
    expect(en['servers.monitor.unitNote']).toMatch(/look like Mbps/);
  });
});
