import type { AppError } from '../../../preload/contract/errors';
import type { AccountSnapshot, Capability } from '../../../preload/contract/model';
import type { VendorClient } from '../../vendors/vendor-client';
import type { AccountsService } from '../accounts/accounts-service';
import type { EventHub } from '../events';
import { toAppError } from '../ipc/dispatcher';
import type { SnapshotStore } from '../store/snapshot-store';

/*
 * No cap on how many accounts refresh at once: every account starts, and its requests are bounded where
 * the vendors' limits are, in the transport (main/vendors/http/limits.ts): per account (its key) and per
 * vendor host. A 429 pauses only the account that got it.
 */
/** Days of daily traffic fetched per refresh. */
export const TRAFFIC_DAYS = 90;

type Section = Exclude<keyof AccountSnapshot, 'accountId' | 'fetchedAt' | 'errors'>;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Which sections a vendor's capabilities allow, and how to read each one. */
function plan(client: VendorClient, now: Date): Array<[Section, Capability, () => Promise<unknown>]> {
  const from = new Date(now.getTime() - (TRAFFIC_DAYS - 1) * 86_400_000);
  return [
    ['balance', 'balance', () => client.getBalance()],
    ['orders', 'orders', () => client.listOrders()],
    ['proxies', 'staticIps', () => client.listProxies()],
    ['whitelist', 'whitelist', () => client.listWhitelist()],
    ['subUsers', 'subUsers', () => client.listSubUsers()],
    ['servers', 'unlimitedServers', () => client.listUnlimitedServers()],
    ['traffic', 'traffic', () => client.getTraffic({ from: isoDay(from), to: isoDay(now), granularity: 'day' })],
  ];
}

/**
 * Fetches every account in the background, bounded in parallel; one account's failure never blocks
 * the others. Each section that fails keeps its last known data and records a plain error.
 */
export class RefreshService {
  private readonly running = new Map<string, Promise<void>>();
  /** Accounts asked for again while their refresh was running. */
  private readonly again = new Set<string>();

  constructor(
    private readonly accounts: AccountsService,
    private readonly snapshots: SnapshotStore,
    private readonly events: EventHub,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): AccountSnapshot[] {
    return this.accounts
      .list()
      .map((a) => this.snapshots.get(a.id))
      .filter((s): s is AccountSnapshot => s !== null);
  }

  /**
   * Starts refreshing (ids or all); returns the ids asked for. A request for an account whose refresh
   * is already running is not doubled, but it is not dropped either: that refresh may have read the
   * vendor before the change the caller wants to see (a renewal just made), so exactly one more run
   * follows it.
   */
  start(ids?: string[]): string[] {
    const targets = ids ?? this.accounts.list().map((a) => a.id);
    for (const id of targets) {
      if (this.running.has(id)) {
        this.again.add(id);
        continue;
      }
      this.run(id);
    }
    return targets;
  }

  private run(id: string): void {
    // refreshOne handles its own failures; this catch is the last line, so a refresh can never end
    // in an unhandled rejection (which would stop the app), whatever goes wrong in it.
    const job: Promise<void> = Promise.resolve()
      .then(() => this.refreshOne(id))
      .catch((e) => this.failSafely(id, e))
      .finally(() => {
        this.running.delete(id);
        if (this.again.delete(id)) this.run(id);
      });
    this.running.set(id, job);
  }

  /** Resolves when every refresh started so far (and every follow-up it queued) has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
    await this.snapshots.idle(); // and their snapshots reached the disk (or DiskHealth's retries)
  }

  private async refreshOne(id: string): Promise<void> {
    this.events.emit({ type: 'refresh-progress', accountId: id, state: 'running' });
    try {
      const owner = await this.accounts.client(id);
      // Reads of this refresh share requests between sections (one IP list for orders and IPs).
      const client = owner.snapshotReader?.() ?? owner;
      const at = this.now();
      // Every section at once; the account's own limit (transport) decides how many requests are out.
      const steps = plan(client, at).filter(([, cap]) => client.capabilities.has(cap));
      const results = await Promise.allSettled(steps.map(([, , read]) => read()));
      // The saved snapshot (kept in memory once read) is needed only once the vendor answered something.
      const answered = steps.length === 0 || results.some((r) => r.status === 'fulfilled');
      const previous = answered ? this.snapshots.get(id) : null;
      const snap: AccountSnapshot = {
        accountId: id,
        fetchedAt: at.toISOString(),
        balance: previous?.balance ?? null,
        orders: previous?.orders ?? [],
        proxies: previous?.proxies ?? [],
        whitelist: previous?.whitelist ?? [],
        subUsers: previous?.subUsers ?? [],
        servers: previous?.servers ?? [],
        traffic: previous?.traffic ?? [],
        errors: {},
      };
      const failures: AppError[] = [];
      results.forEach((r, i) => {
        const section = steps[i]![0];
        if (r.status === 'fulfilled') (snap as unknown as Record<string, unknown>)[section] = r.value;
        else {
          const err = toAppError(r.reason);
          failures.push(err);
          snap.errors[section] = { code: err.code, message: err.message };
        }
      });
      if (steps.length > 0 && failures.length === steps.length) {
        this.fail(id, failures[0]!);
        return;
      }
      this.snapshots.put(snap);
      this.accounts.markRefreshed(id, snap.fetchedAt);
      this.events.emit({ type: 'snapshot-updated', accountId: id, version: this.snapshots.version(id) });
      this.events.emit({ type: 'refresh-progress', accountId: id, state: 'done' });
    } catch (e) {
      this.fail(id, toAppError(e));
    }
  }

  private failSafely(id: string, e: unknown): void {
    try {
      this.fail(id, toAppError(e));
    } catch {
      // Nothing left to record it with; the process guard logs anything that still escapes.
    }
  }

  /**
   * A refresh that got nothing: the last good snapshot stays, and the reason is kept on the account
   * (in memory if the disk refuses it: AppStore never throws a disk error here).
   */
  private fail(id: string, error: AppError): void {
    this.accounts.markRefreshFailed(id, error, this.now().toISOString());
    this.events.emit({
      type: 'refresh-progress',
      accountId: id,
      state: 'failed',
      message: error.message,
      code: error.code,
    });
  }
}
