/**
 * Thordata unlimited-server monitors and bound sub-users in the simulator (vendor file §3.6):
 *
 *  - S3 GET /unlimited/server-monitor: `ins_id`, `region` (both from S1), `start_time`, `end_time` (unix
 *    seconds), `period` (60 / 300 default / 3600 / 86400). `data` = `{CpuUsage, MemUsage, TcpCurrEstab,
 *    WanIntraffic, WanOuttraffic}`, each `{times[], values[]}` with one point per period (aligned to it).
 *    CPU/memory in percent, connections a count, bandwidth in Mbps (the docs state no unit; the
 *    simulator's choice). A server switched off answers empty arrays.
 *  - S4 GET /unlimited/balancing-monitor: same parameters, its OWN envelope `{status_code, payload}`;
 *    payload series `client_connection_count`, `client_in_traffic` (documented) and two more the docs
 *    truncated (`client_out_traffic`, `backend_count`), so a client must iterate whatever arrives.
 *  - S7/S8/S9 POST /{get,add,del}_unlimited_servers_bind_user: `ip` = the server's domain (or its IP).
 *    S7 `data[]` = `{domain, ip, sub_users: [{create_time (unix s), username}]}`; S8 needs an existing
 *    sub-user of proxy_type 2 (else 10020); S8/S9 answer `data: {}`.
 *
 * Simulator rules (not documented): at most 1440 points per call (10000 beyond), a region other than
 * the server's is 10002, an unknown server 10010, binding a user twice or removing one not bound 10000.
 * `wrong_units`: bandwidth in Kbps (×1000).
 */
import type { SimRequest, SimResponse, SimServer } from '../sim-server';
import { BANDWIDTH_MBPS } from './pricing';
import { hashSeed, prng } from './seed-data';
import type { ThordataState } from './state';
import { ThorError } from './thor-error';
import { str } from './users';

export const MONITOR_PERIODS = [60, 300, 3600, 86400] as const;
export const MAX_POINTS = 1440;
const SERVER_SERIES = ['CpuUsage', 'MemUsage', 'TcpCurrEstab', 'WanIntraffic', 'WanOuttraffic'] as const;
export const BALANCING_SERIES = [
  'client_connection_count',
  'client_in_traffic',
  'client_out_traffic',
  'backend_count',
] as const;

type Params = { get(name: string): string | null };
type Series = { times: number[]; values: number[] };

/** A stable public-looking IP of a server (from its host name). */
export function serverIp(planName: string): string {
  const h = hashSeed(planName);
  return `45.${((h >>> 24) % 200) + 20}.${(h >>> 16) & 255}.${((h & 255) % 250) + 2}`;
}

export class ServerExtras {
  /** Bound sub-users per server domain. */
  readonly bound = new Map<string, { username: string; createS: number }[]>();

  constructor(
    private readonly sim: SimServer,
    private readonly state: ThordataState,
  ) {
    const nowS = Math.floor(sim.now().getTime() / 1000);
    const first = state.subUsers[2][0]?.username;
    state.servers.forEach((s, i) => {
      this.bound.set(s.planName, first && i < 2 ? [{ username: first, createS: nowS - (i + 3) * 86_400 }] : []);
    });
  }

  private serverByHost(ip: string) {
    if (!ip) throw new ThorError(10000, 'ip is required');
    const s = this.state.servers.find((x) => x.planName === ip || serverIp(x.planName) === ip);
    if (!s) throw new ThorError(10010, 'The server does not exist');
    return s;
  }

  /** S3 / S4 window checks, then one point per `period`. */
  private window(q: Params) {
    const insId = q.get('ins_id') ?? '';
    const region = q.get('region') ?? '';
    const start = Number(q.get('start_time'));
    const end = Number(q.get('end_time'));
    const period = q.get('period') ? Number(q.get('period')) : 300;
    if (!insId || !region || !q.get('start_time') || !q.get('end_time')) {
      throw new ThorError(10000, 'ins_id, region, start_time and end_time are required');
    }
    if (!Number.isInteger(start) || !Number.isInteger(end) || start >= end) {
      throw new ThorError(10000, 'start_time must be before end_time (unix seconds)');
    }
    if (!(MONITOR_PERIODS as readonly number[]).includes(period)) throw new ThorError(10000, 'period is invalid');
    const s = this.state.servers.find((x) => x.insId === insId);
    if (!s) throw new ThorError(10010, 'The server does not exist');
    if (s.region !== region) throw new ThorError(10002, 'Region info is malformed');
    const first = Math.ceil(start / period) * period;
    const count = first > end ? 0 : Math.floor((end - first) / period) + 1;
    if (count > MAX_POINTS) throw new ThorError(10000, `At most ${MAX_POINTS} points per request`);
    const times = Array.from({ length: count }, (_, i) => first + i * period);
    return { s, times: s.status === 'Turn on' ? times : [] };
  }

  private wave(seed: string, times: number[], base: number, swing: number, round = 2): Series {
    const r = prng(hashSeed(seed));
    const f = 10 ** round;
    return {
      times,
      values: times.map((t) => {
        const day = Math.sin((t / 86_400) * 2 * Math.PI);
        const v = Math.max(0, base + swing * day + swing * 0.4 * (r() - 0.5));
        return Math.round(v * f) / f;
      }),
    };
  }

  serverMonitor(q: Params): Record<string, Series> {
    const { s, times } = this.window(q);
    const bw = (BANDWIDTH_MBPS[s.bwId] ?? 200) * (this.sim.wrongUnits ? 1000 : 1);
    const seed = (k: string) => `${s.insId}|${k}|${times[0] ?? 0}`;
    const out: Record<string, Series> = {
      CpuUsage: this.wave(seed('cpu'), times, 32, 18),
      MemUsage: this.wave(seed('mem'), times, 48, 8),
      TcpCurrEstab: this.wave(seed('tcp'), times, 1400, 600, 0),
      WanIntraffic: this.wave(seed('in'), times, bw * 0.45, bw * 0.25),
      WanOuttraffic: this.wave(seed('out'), times, bw * 0.3, bw * 0.2),
    };
    return Object.fromEntries(SERVER_SERIES.map((k) => [k, out[k] as Series]));
  }

  balancingMonitor(q: Params): Record<string, Series> {
    const { s, times } = this.window(q);
    const seed = (k: string) => `${s.insId}|lb|${k}|${times[0] ?? 0}`;
    const bw = (BANDWIDTH_MBPS[s.bwId] ?? 200) * (this.sim.wrongUnits ? 1000 : 1);
    return {
      client_connection_count: this.wave(seed('cc'), times, 900, 400, 0),
      client_in_traffic: this.wave(seed('in'), times, bw * 0.4, bw * 0.2),
      client_out_traffic: this.wave(seed('out'), times, bw * 0.25, bw * 0.15),
      backend_count: { times, values: times.map(() => 2) },
    };
  }

  /** S7: the server's row (one row per asked server). */
  list(b: Record<string, unknown>) {
    const s = this.serverByHost(str(b.ip));
    const users = this.bound.get(s.planName) ?? [];
    return [
      {
        domain: s.planName,
        ip: serverIp(s.planName),
        sub_users: users.map((u) => ({ create_time: u.createS, username: u.username })),
      },
    ];
  }

  /** S8: only an existing unlimited sub-user (proxy_type 2). */
  add(b: Record<string, unknown>) {
    const s = this.serverByHost(str(b.ip));
    const username = str(b.username);
    if (!username) throw new ThorError(10000, 'username is required');
    if (!this.state.subUsers[2].some((u) => u.username === username)) {
      throw new ThorError(10020, 'The sub-user does not exist');
    }
    const users = this.bound.get(s.planName) ?? [];
    if (users.some((u) => u.username === username)) throw new ThorError(10000, 'The sub-user is already bound');
    users.push({ username, createS: Math.floor(this.sim.now().getTime() / 1000) });
    this.bound.set(s.planName, users);
    return {};
  }

  /** S9. */
  remove(b: Record<string, unknown>) {
    const s = this.serverByHost(str(b.ip));
    const username = str(b.username);
    if (!username) throw new ThorError(10000, 'username is required');
    const users = this.bound.get(s.planName) ?? [];
    const i = users.findIndex((u) => u.username === username);
    if (i < 0) throw new ThorError(10000, 'The sub-user is not bound to this server');
    users.splice(i, 1);
    return {};
  }
}

const EXTRAS = new WeakMap<ThordataState, ServerExtras>();

/** The monitors and bindings of one simulator (created once; tests reach the same instance). */
export function serverExtras(sim: SimServer, state: ThordataState): ServerExtras {
  let x = EXTRAS.get(state);
  if (!x) {
    x = new ServerExtras(sim, state);
    EXTRAS.set(state, x);
  }
  return x;
}

/**
 * S4 with its own envelope: `{status_code: 200, payload}`; a business error `{status_code: <code>,
 * payload: null, msg}`. Credentials are checked like every route (a wrong one: the usual `{code}` error).
 */
export function balancingRoute(
  extras: ServerExtras,
  state: ThordataState,
  creds: { token: string; key: string },
): (req: SimRequest) => SimResponse {
  return (req) => {
    if ((req.query.get('token') ?? '') !== creds.token) return { json: { code: 10013, data: {}, msg: 'token error' } };
    if ((req.query.get('key') ?? '') !== creds.key) return { json: { code: 10014, data: {}, msg: 'key error' } };
    try {
      const payload = extras.balancingMonitor(req.query);
      const patch = state.patches.get('/unlimited/balancing-monitor');
      return { json: { status_code: 200, payload: patch ? patch(payload) : payload } };
    } catch (e) {
      if (e instanceof ThorError) return { json: { status_code: e.code, payload: null, msg: e.message } };
      throw e;
    }
  };
}
