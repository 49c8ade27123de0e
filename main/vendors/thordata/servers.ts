/**
 * Thordata unlimited servers beyond the list (vendor file §3.6): the server monitor (S3), the load
 * balancer's monitor (S4, its own `{status_code, payload}` envelope), and the sub-users allowed on a
 * server (S7 list, S8 add, S9 remove). Restart (S2) and renew (S5) are in client.ts, upgrade (S6) in purchase.ts.
 *
 *  - S3/S4 take `ins_id` AND `region`, both from S1: the server is looked up first (a read).
 *  - S7–S9 take `ip` = the server's domain (S1 `plan_name`) and sit directly under /api (§6.4 #7).
 *  - S8/S9 change state without money: one POST each under the write outcome rule; an unknown outcome
 *    is settled by the caller re-reading S7 (core/operations/servers.ts).
 */
import type { UnlimitedServer } from '../../../preload/contract/model';
import { MONITOR_PERIODS, type ServerMonitor, type ServerSubUsers } from '../../../preload/contract/servers';
import type { MonitorQuery } from '../vendor-client';
import { PATHS } from './constants';
import { classifyBusinessCode } from './errors';
import { ThordataPurchases } from './purchase';
import {
  BALANCING_MONITOR_NOTE,
  balancingEnvelope,
  boundRowOf,
  mapBalancingSeries,
  mapBoundUsers,
  mapServerMonitor,
  SERVER_MONITOR_NOTE,
} from './servers-mappers';

const USERNAME = /^[A-Za-z0-9_-]{1,64}$/;
/** The longest window asked for at once (the docs state no limit; a week of hourly points is 168). */
const MAX_WINDOW_S = 31 * 86_400;

export abstract class ThordataServers extends ThordataPurchases {
  /** S3 GET /unlimited/server-monitor for one server of this account. */
  async serverMonitor(serverId: string, q: MonitorQuery): Promise<ServerMonitor> {
    const w = this.window(q);
    const s = await this.findServer(serverId);
    const data = await this.call({ path: PATHS.serverMonitor, params: this.monitorParams(s, w) });
    const series = this.parse('server monitor', () => mapServerMonitor(data));
    return { serverId: s.id, from: q.from, to: q.to, period: w.period, series, note: SERVER_MONITOR_NOTE };
  }

  /** S4 GET /unlimited/balancing-monitor: same parameters, answered `{status_code, payload}`. */
  async balancingMonitor(serverId: string, q: MonitorQuery): Promise<ServerMonitor> {
    const w = this.window(q);
    const s = await this.findServer(serverId);
    const answer = await this.callRaw({ path: PATHS.balancingMonitor, params: this.monitorParams(s, w) });
    let payload: unknown;
    if (answer.raw) {
      const env = this.parse('balancing monitor', () => balancingEnvelope(answer.json));
      if (!env.ok) {
        const info = classifyBusinessCode(env.code);
        throw this.http.error(info.code, {
          ...(env.msg ? { message: env.msg } : { detail: `Thordata's error ${env.code} means: ${info.meaning}.` }),
          vendorCode: env.code,
        });
      }
      payload = env.payload;
    } else {
      // The usual `{code: 200, data}` envelope (another doc generation): its data holds the series.
      payload = answer.data;
    }
    const series = this.parse('balancing monitor', () => mapBalancingSeries(payload));
    return { serverId: s.id, from: q.from, to: q.to, period: w.period, series, note: BALANCING_MONITOR_NOTE };
  }

  /** S7 POST /get_unlimited_servers_bind_user (a read over POST), with the unlimited sub-users not on it. */
  async serverSubUsers(serverId: string): Promise<ServerSubUsers> {
    const s = await this.findServer(serverId);
    const [bound, all] = await Promise.all([
      this.boundOf(s.ip),
      this.subUsersOf('unlimited').then(
        (u) => u.map((x) => x.username),
        () => null,
      ),
    ]);
    const names = new Set(bound.users.map((u) => u.username));
    return {
      serverId: s.id,
      domain: bound.domain ?? s.ip,
      ip: bound.ip,
      users: bound.users,
      candidates: all ? all.filter((n) => !names.has(n)) : null,
    };
  }

  /** S8: allow an existing sub-user of the unlimited product (proxy_type 2) on the server. Sent once. */
  async bindServerSubUser(serverId: string, username: string): Promise<void> {
    const name = this.checkUsername(username);
    const s = await this.findServer(serverId);
    const known = await this.subUsersOf('unlimited');
    if (!known.some((u) => u.username === name)) {
      throw this.invalid(`"${name}" is not a sub-user of your Thordata unlimited servers; create it first.`);
    }
    await this.changeBinding(PATHS.serverBindUser, s.ip, name);
  }

  /** S9: remove a sub-user from the server. Sent once. */
  async unbindServerSubUser(serverId: string, username: string): Promise<void> {
    const name = this.checkUsername(username);
    const s = await this.findServer(serverId);
    await this.changeBinding(PATHS.serverUnbindUser, s.ip, name);
  }

  private async changeBinding(path: string, ip: string, username: string): Promise<void> {
    await this.serialWrite(async () => {
      const base = await this.writeBase('public');
      await this.write(() => this.post({ path, params: { ip, username } }, base));
    });
  }

  /** S7 for one host: the row naming it (no row = nobody bound yet). */
  protected async boundOf(host: string) {
    const data = await this.readBound(host);
    const rows = this.parse('server sub-users', () => mapBoundUsers(data));
    return boundRowOf(rows, host) ?? { domain: null, ip: null, users: [] };
  }

  /** S7 is a POST that changes nothing: sent to the resolved public host, read as a read (no outcome rule). */
  private async readBound(host: string): Promise<unknown> {
    const base = await this.writeBase('public');
    return this.post({ path: PATHS.serverBoundUsers, params: { ip: host } }, base);
  }

  /** The S1 row of a server, by `ins_id` or by host name. */
  protected async findServer(serverId: string): Promise<UnlimitedServer> {
    const id = serverId.trim();
    const servers = await this.listUnlimitedServers();
    const s = servers.find((x) => x.id === id) ?? servers.find((x) => x.ip.toLowerCase() === id.toLowerCase());
    if (!s) throw this.invalid(`There is no unlimited server "${serverId}" on this account.`);
    return s;
  }

  private monitorParams(s: UnlimitedServer, w: { start: number; end: number; period: number }) {
    const insId = s.details.ins_id ?? s.id;
    const region = s.details.region;
    if (!region) {
      throw this.http.error('not_supported', {
        detail: 'Thordata did not give this server’s region, which its monitor needs. Try again later.',
      });
    }
    return { ins_id: insId, region, start_time: w.start, end_time: w.end, period: w.period };
  }

  private window(q: MonitorQuery): { start: number; end: number; period: number } {
    const start = Math.floor(Date.parse(q.from) / 1000);
    const end = Math.floor(Date.parse(q.to) / 1000);
    if (!Number.isFinite(start) || !Number.isFinite(end) || start >= end) {
      throw this.invalid('The monitor needs a start time before its end time.');
    }
    if (end - start > MAX_WINDOW_S) throw this.invalid('The monitor shows at most 31 days at once.');
    if (!(MONITOR_PERIODS as readonly number[]).includes(q.period)) {
      throw this.invalid('The monitor step must be 60, 300, 3600 or 86400 seconds.');
    }
    return { start, end, period: q.period };
  }

  private checkUsername(username: string): string {
    const u = username.trim();
    if (!USERNAME.test(u)) throw this.invalid(`"${username}" is not a Thordata sub-user name.`);
    return u;
  }
}
