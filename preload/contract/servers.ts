/**
 * Unlimited servers (Thordata "Unlimited Residential Proxy", vendor file §3.6): the monitors (S3 server,
 * S4 load balancer), restart (S2) and the sub-users allowed on a server (S7–S9). Shapes shown in the
 * window and the request schemas of the `servers:*` channels (capability 'serverMonitor').
 * Monitors are read when asked and not kept in the snapshot.
 */
import { z } from 'zod';
import { AccountIdSchema } from './schemas';

/** Time ranges the window offers, and the seconds per point each asks for (S3 `period`). */
export const MONITOR_RANGES = ['hour', 'day', 'week'] as const;
export type MonitorRange = (typeof MONITOR_RANGES)[number];
export const MONITOR_RANGE_SPEC: Readonly<Record<MonitorRange, { seconds: number; period: number }>> = {
  hour: { seconds: 3600, period: 60 },
  day: { seconds: 86_400, period: 300 },
  week: { seconds: 7 * 86_400, period: 3600 },
};
/** S3 `period` values (seconds per point). */
export const MONITOR_PERIODS = [60, 300, 3600, 86400] as const;

/** What a series measures: percent (CPU, memory), a count (open connections), bandwidth, or not said. */
export type MonitorUnit = 'percent' | 'count' | 'mbps' | 'unknown';

export interface MonitorSeries {
  /** The vendor's series name, e.g. `CpuUsage`, `client_connection_count`. */
  key: string;
  unit: MonitorUnit;
  /** Epoch milliseconds, one per value (same length as `values`). */
  times: number[];
  values: number[];
}

export interface ServerMonitor {
  serverId: string;
  from: string;
  to: string;
  /** Seconds per point. */
  period: number;
  series: MonitorSeries[];
  /** Caveat about units (the bandwidth unit is not stated by the vendor); null = none. */
  note: string | null;
}

export interface BoundSubUser {
  username: string;
  /** When it was allowed on the server; null when not given. */
  boundAt: string | null;
}

export interface ServerSubUsers {
  serverId: string;
  /** The server's host name and IP as the vendor lists them. */
  domain: string | null;
  ip: string | null;
  users: BoundSubUser[];
  /**
   * The account's sub-users of the unlimited product not yet on this server (what "Add" offers);
   * null when that list could not be read.
   */
  candidates: string[] | null;
}

export type RestartOutcome = 'restarted' | 'unconfirmed';

export interface RestartResult {
  serverId: string;
  /** 'unconfirmed': the request may have reached the vendor but its answer was unreadable. */
  outcome: RestartOutcome;
}

const ServerId = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9._:-]+$/);
const Username = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const ServerMonitorInputSchema = z
  .object({ accountId: AccountIdSchema, serverId: ServerId, range: z.enum(MONITOR_RANGES) })
  .strict();
export const ServerRefSchema = z.object({ accountId: AccountIdSchema, serverId: ServerId }).strict();
export const ServerSubUserChangeSchema = z
  .object({ accountId: AccountIdSchema, serverId: ServerId, username: Username })
  .strict();
