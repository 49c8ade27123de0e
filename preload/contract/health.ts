/**
 * Proxy health check (issue 15 §3): Proxydeck connects THROUGH each selected IP or server, with its own
 * protocol and credentials, to a check URL, and records whether it works, how fast, which exit IP and
 * country it shows, and whether that country matches what the vendor advertises. Types shared by main
 * (main/core/health) and the renderer; zod schemas for the channels.
 */
import { z } from 'zod';
import { type ItemRef, ItemRefSchema } from './business';

/** Why a proxy did not work, in words the window translates (`health.reason.<code>`). */
export const HEALTH_FAILURES = [
  'refused', // the proxy's port refused the connection
  'auth_failed', // the proxy refused the login (407 / SOCKS auth failure)
  'timeout', // no answer within the time limit
  'unreachable', // DNS / network unreachable / reset before an answer
  'bad_answer', // the check URL answered something unreadable through the proxy
  'no_credentials', // the item has no address or no password Proxydeck can use (e.g. withheld)
  'cancelled', // the user pressed Cancel before this one ran
] as const;
export type HealthFailure = (typeof HEALTH_FAILURES)[number];

export interface HealthResult {
  item: ItemRef;
  /** ISO time of this check. */
  checkedAt: string;
  ok: boolean;
  failure: HealthFailure | null;
  /** Plain English detail for support (never a password); the window shows `failure` in its language. */
  detail: string | null;
  /** Time to the check URL's answer through the proxy, ms; null when it failed. */
  latencyMs: number | null;
  exitIp: string | null;
  /** Alpha-2 country the check URL reports for the exit; null when unknown. */
  exitCountry: string | null;
  /** Alpha-2 country the vendor lists for the item; null when the vendor does not say. */
  advertisedCountry: string | null;
  /** false = the exit country differs from the advertised one; null = cannot tell. */
  countryMatches: boolean | null;
  /** Slower than the "slow" line of the settings. */
  slow: boolean;
  /** The vendor's next step for a failing item, where one exists (Thordata server restart, …). */
  nextStep: 'restartServer' | 'replaceIp' | null;
}

export const HealthRunInputSchema = z
  .object({
    items: z.array(ItemRefSchema).min(1).max(100_000),
  })
  .strict();

export const HealthRunRefSchema = z.object({ runId: z.string().uuid() }).strict();

/** Progress of one run, pushed as the event `{ type: 'health-progress', progress }`. */
export interface HealthProgress {
  runId: string;
  total: number;
  done: number;
  ok: number;
  failed: number;
  state: 'running' | 'done' | 'cancelled';
  /** The results that finished since the last event. */
  results: HealthResult[];
}

/** Settings of the check live with the other settings (schemas.ts). */
export { DEFAULT_HEALTH_SETTINGS, type HealthSettings, HealthSettingsSchema } from './schemas';
