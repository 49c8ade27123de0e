/**
 * How many requests Proxydeck has in flight at once, per vendor account (its key) and per vendor host,
 * and the per-account pause a 429 / Retry-After asks for. Shared by every transport of the process, so
 * a refresh and a renewal of the same account, each with its own client, keep to one account limit.
 *
 * Sizes, from what each vendor documents (/work/shared/vendors/*.md):
 * - YouProxy §1.5: "No rate limit is documented in any retrieved page. Use modest concurrency (≤ 2–3
 *   parallel calls per key) and back off on HTTP 429/5xx." → 3 per account.
 * - ProxyShard §2.6: "Rate limits: none documented … Throttle on the client side anyway (a small
 *   concurrency limit, plus backoff on 429/5xx)." → 4 per account (chosen: "small").
 * - Thordata §1.6: "No numeric limits are published … HTTP 429 possible. SDK-py retries on HTTP
 *   429/500/502/503/504 …" → 4 per account (chosen).
 * - BestProxy §1 / §"Notes": "No rate limits are documented." / "No rate limits published" → 4 (chosen).
 * - Per host: no vendor documents a per-client or per-IP limit. Chosen: 256 requests in flight per vendor
 *   host, shared by all accounts of that vendor — a bound on sockets to one host (undici's Agent has none),
 *   above what 50 accounts of one vendor ask at their own limits (50 × 4 = 200), so up to there each
 *   account's documented limit decides and the refresh takes about as long as its slowest account.
 *   (At 128, 200 accounts measured 2.0–2.2× the slowest account, at 256 1.4–1.7×: bench/refresh.ts.)
 */
import { createHash } from 'node:crypto';
import pLimit, { type LimitFunction } from 'p-limit';
import type { VendorId } from '../../../preload/contract/model';

export const ACCOUNT_CONCURRENCY: Record<VendorId, number> = {
  youproxy: 3,
  proxyshard: 4,
  thordata: 4,
  bestproxy: 4,
};
export const HOST_CONCURRENCY: Record<VendorId, number> = {
  youproxy: 256,
  proxyshard: 256,
  thordata: 256,
  bestproxy: 256,
};
/** One vendor account (one key at one base URL): its limit and its Retry-After pause. */
export interface AccountGate {
  readonly limit: LimitFunction;
  /**
   * Set while a request of this account waits out a 429's Retry-After before trying again: the account's
   * other requests send nothing until it ends (other accounts are not concerned).
   */
  pause: Promise<void> | null;
}

const accounts = new Map<string, AccountGate>();
const hosts = new Map<string, LimitFunction>();

/** A key that names the account without keeping its secret in memory: a hash of vendor, origin and key. */
function accountKey(vendor: VendorId, origin: string, secrets: readonly string[]): string {
  const h = createHash('sha256');
  for (const part of [vendor, origin, ...[...secrets].sort()]) h.update(part).update('\u0000');
  return h.digest('base64url');
}

export function accountGate(
  vendor: VendorId,
  origin: string,
  secrets: readonly string[],
  concurrency = ACCOUNT_CONCURRENCY[vendor],
): AccountGate {
  const key = accountKey(vendor, origin, secrets);
  let gate = accounts.get(key);
  if (!gate) {
    gate = { limit: pLimit(concurrency), pause: null };
    accounts.set(key, gate);
  } else if (gate.limit.concurrency !== concurrency) {
    gate.limit.concurrency = concurrency;
  }
  return gate;
}

/**
 * The limit of one vendor host, shared by all its accounts. Keyed by vendor and host name (not port):
 * in production that is the vendor's origin; local simulators of one vendor share it like real accounts.
 */
export function hostLimit(vendor: VendorId, hostname: string, concurrency = HOST_CONCURRENCY[vendor]): LimitFunction {
  const key = `${vendor}|${hostname}`;
  let limit = hosts.get(key);
  if (!limit) {
    limit = pLimit(concurrency);
    hosts.set(key, limit);
  }
  return limit;
}

/** The account sends nothing until `wait` (one of its requests waiting out a Retry-After) is over. */
export function pauseAccount(gate: AccountGate, wait: Promise<void>): void {
  const pause = wait.then(
    () => {},
    () => {},
  );
  gate.pause = pause;
  void pause.then(() => {
    if (gate.pause === pause) gate.pause = null;
  });
}

/** Waits until the account's pause (if any) is over; false when `signal` aborts first. */
export async function waitOutPause(gate: AccountGate, signal: AbortSignal): Promise<boolean> {
  const pause = gate.pause;
  if (!pause) return true;
  if (signal.aborted) return false;
  let onAbort = () => {};
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const end = await Promise.race([pause, aborted]);
  signal.removeEventListener('abort', onAbort);
  return end !== 'aborted';
}

/** Forgets every gate (tests). Requests in flight keep the gates they hold. */
export function resetLimits(): void {
  accounts.clear();
  hosts.clear();
}
