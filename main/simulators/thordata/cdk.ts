/**
 * Thordata CDK (traffic redeem codes, vendor file §3.8) in the simulator, on the `api.` host paths
 * `/cdk/create`, `/cdk/list`, `/cdk/revoke`, `/cdk/info`. Units as the docs suggest: `flow`/`traffic`
 * in GB (low confidence, §6.2), times in unix seconds, `traffic_duration` in seconds (7776000 = 90 days).
 * No paging is documented (§6.4 #11): the list answers every code. Statuses: 1 unused, 2 used, 3 revoked.
 *
 * Errors use the documented §5.1 codes (the CDK pages list none of their own): 10000 for a missing or
 * unknown code / a code that is no longer unused, 10003 for a bad quantity, 10012 above the simulator's
 * single-call limit, 10017 when the account's traffic cannot cover the codes.
 * Simulator rules (not documented): revoking gives the traffic back; `wrong_units` answers MB (×1024).
 */
import type { SimServer } from '../sim-server';
import { alnum, DAY_MS, prng } from './seed-data';
import { ThorError } from './thor-error';

export const CDK_MAX_PER_CALL = 100;
export const CDK_DURATION_S = 7_776_000;
const GB_MB = 1024;

export type CdkStatus = 1 | 2 | 3;

export interface SeedCdk {
  cdk: string;
  status: CdkStatus;
  trafficGb: number;
  createdS: number;
  usedBy: string;
  usedS: number;
}

type Params = { get(name: string): string | null };

/** The account's traffic balance the codes draw on (ThordataState.trafficBalanceMb). */
export interface TrafficPool {
  trafficBalanceMb: number;
}

export class CdkStore {
  readonly codes: SeedCdk[] = [];
  private readonly rand: () => number;

  constructor(
    private readonly sim: SimServer,
    private readonly pool: TrafficPool,
    seed: number,
  ) {
    this.rand = prng(seed + 14);
    const nowS = Math.floor(sim.now().getTime() / 1000);
    const seedRows: [CdkStatus, number, number][] = [
      [1, 2, 1],
      [1, 3, 2],
      [1, 5, 4],
      [2, 2, 9],
      [2, 3, 15],
      [3, 2, 21],
    ];
    for (const [status, gb, daysAgo] of seedRows) {
      const createdS = nowS - daysAgo * (DAY_MS / 1000) - 3600;
      this.codes.push({
        cdk: this.newCode(),
        status,
        trafficGb: gb,
        createdS,
        usedBy: status === 2 ? `buyer${alnum(this.rand, 5)}` : '',
        usedS: status === 2 ? createdS + 86_400 : 0,
      });
    }
  }

  private newCode(): string {
    return alnum(this.rand, 16).toUpperCase();
  }

  private gb(v: number): number {
    return this.sim.wrongUnits ? v * GB_MB : v;
  }

  private row(c: SeedCdk) {
    return {
      cdk: c.cdk,
      create_time: c.createdS,
      status: c.status,
      traffic: this.gb(c.trafficGb),
      traffic_duration: CDK_DURATION_S,
    };
  }

  /** C1: `flow` GB per code, `num` codes; the traffic leaves the account's balance. */
  create(b: Record<string, unknown>) {
    const flow = Number(b.flow);
    const num = Number(b.num);
    if (!Number.isFinite(flow) || flow <= 0) throw new ThorError(10000, 'flow must be a positive number');
    if (!Number.isInteger(num) || num <= 0) throw new ThorError(10003, 'num must be a positive whole number');
    if (num > CDK_MAX_PER_CALL) throw new ThorError(10012, `At most ${CDK_MAX_PER_CALL} codes per call`);
    const needMb = flow * num * GB_MB;
    if (needMb > this.pool.trafficBalanceMb) throw new ThorError(10017, 'Not enough traffic, please top up first');
    this.pool.trafficBalanceMb -= needMb;
    const createdS = Math.floor(this.sim.now().getTime() / 1000);
    const made = Array.from({ length: num }, () => {
      const c: SeedCdk = { cdk: this.newCode(), status: 1, trafficGb: flow, createdS, usedBy: '', usedS: 0 };
      this.codes.push(c);
      return c.cdk;
    });
    return { cdk: made };
  }

  /** C2: every code, newest first; `status` filters (1/2/3). */
  list(q: Params) {
    const s = q.get('status');
    if (s !== null && s !== '' && !['1', '2', '3'].includes(s)) throw new ThorError(10000, 'status must be 1, 2 or 3');
    const rows = s ? this.codes.filter((c) => String(c.status) === s) : this.codes;
    return [...rows].sort((a, b) => b.createdS - a.createdS).map((c) => this.row(c));
  }

  /** C3: only an unused code can be revoked; its traffic returns to the balance (simulator rule). */
  revoke(b: Record<string, unknown>) {
    const c = this.find(b.cdk);
    if (c.status !== 1)
      throw new ThorError(10000, c.status === 2 ? 'The CDK has been used' : 'The CDK has been revoked');
    c.status = 3;
    this.pool.trafficBalanceMb += c.trafficGb * GB_MB;
    return {};
  }

  /** C4: one code's details. */
  info(q: Params) {
    const c = this.find(q.get('cdk'));
    return { ...this.row(c), use_username: c.usedBy, use_time: c.usedS };
  }

  private find(v: unknown): SeedCdk {
    const code = typeof v === 'string' ? v.trim() : '';
    if (!code) throw new ThorError(10000, 'cdk is required');
    const c = this.codes.find((x) => x.cdk === code);
    if (!c) throw new ThorError(10000, 'The CDK does not exist');
    return c;
  }
}
