/**
 * Health check runs (issue 15 §3): a bounded number of checks at once (settings.health.concurrency,
 * p-limit), progress pushed as 'health-progress' events batched to at most ~10 a second (a run of
 * 100,000 items does not send 100,000 events), Cancel aborts the checks in flight (AbortSignal) and
 * marks the rest 'cancelled', and an item is in at most one run at a time. The last result of each
 * item is kept on disk (results-store.ts); cancelled ones do not replace an earlier real result.
 */
import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import { type ItemRef, itemKey } from '../../../preload/contract/business';
import type { HealthProgress, HealthResult } from '../../../preload/contract/health';
import type { AccountSnapshot, Capability, ProxyEndpoint, VendorId } from '../../../preload/contract/model';
import type { HealthSettings } from '../../../preload/contract/schemas';
import { AppFailure } from '../errors';
import { type ProbeOutcome, type ProbeTarget, probe } from './checker';
import { type IndexedSnapshot, type ItemPlan, indexSnapshot, planItem } from './items';
import type { HealthResultsStore } from './results-store';

/** Demo accounts' IPs point at local proxies and a local check target (main/core/demo/demo-health.ts). */
export type DemoRoute = (proxy: ProxyEndpoint, index: number) => { target: ProbeTarget; checkUrl: string } | null;

export interface HealthDeps {
  store: HealthResultsStore;
  emit: (progress: HealthProgress) => void;
  settings: () => HealthSettings;
  /** The account's vendor and whether it is a demo account; throws for an unknown account. */
  account: (accountId: string) => { vendor: VendorId; demo: boolean };
  snapshot: (accountId: string) => AccountSnapshot | null;
  capabilities: (vendor: VendorId) => ReadonlySet<Capability>;
  demoRoute?: DemoRoute;
  now?: () => Date;
  /** Milliseconds between progress events (100 = at most ~10 a second). */
  batchMs?: number;
}

interface AccountView {
  vendor: VendorId;
  demo: boolean;
  indexed: IndexedSnapshot | null;
}

interface Run {
  id: string;
  controller: AbortController;
  keys: string[];
}

export class HealthRunService {
  private readonly runs = new Map<string, Run>();
  /** itemKey → runId of the run checking it. */
  private readonly busy = new Map<string, string>();
  private readonly now: () => Date;

  constructor(private readonly deps: HealthDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  results(): HealthResult[] {
    return this.deps.store.list();
  }

  /** Starts a run of the items not already being checked; answers at once, results come as events. */
  run(items: ItemRef[]): { runId: string } {
    const seen = new Set<string>();
    const todo: ItemRef[] = [];
    for (const item of items) {
      const key = itemKey(item);
      if (seen.has(key) || this.busy.has(key)) continue;
      seen.add(key);
      todo.push(item);
    }
    for (const id of new Set(todo.map((i) => i.accountId))) this.deps.account(id); // an unknown account fails plainly
    if (todo.length === 0) {
      throw new AppFailure('invalid_argument', 'These items are being checked already. Wait for that check to finish.');
    }
    const run: Run = { id: randomUUID(), controller: new AbortController(), keys: [...seen] };
    this.runs.set(run.id, run);
    for (const key of run.keys) this.busy.set(key, run.id);
    void this.execute(run, todo);
    return { runId: run.id };
  }

  cancel(runId: string): { ok: true } {
    this.runs.get(runId)?.controller.abort();
    return { ok: true };
  }

  /** Cancels every run (shutdown). */
  stop(): void {
    for (const run of this.runs.values()) run.controller.abort();
    this.deps.store.flush();
  }

  private async execute(run: Run, items: ItemRef[]): Promise<void> {
    const settings = this.deps.settings();
    const limit = pLimit(Math.max(1, settings.concurrency));
    const signal = run.controller.signal;
    const progress: HealthProgress = {
      runId: run.id,
      total: items.length,
      done: 0,
      ok: 0,
      failed: 0,
      state: 'running',
      results: [],
    };
    let pending: HealthResult[] = [];
    const send = () => {
      this.deps.emit({ ...progress, results: pending });
      pending = [];
    };
    send();
    const timer = setInterval(() => {
      if (pending.length > 0) send();
    }, this.deps.batchMs ?? 100);
    // Each account is looked up once per run (its snapshot indexed by id).
    const accounts = new Map<string, AccountView | null>();
    const lookup = (accountId: string): AccountView | null => {
      if (!accounts.has(accountId)) {
        let view: AccountView | null = null;
        try {
          view = { ...this.deps.account(accountId), indexed: indexSnapshot(this.deps.snapshot(accountId)) };
        } catch {
          view = null; // removed since the run started
        }
        accounts.set(accountId, view);
      }
      return accounts.get(accountId) ?? null;
    };
    try {
      await Promise.all(
        items.map((item) =>
          limit(async () => {
            const result = await this.checkOne(item, settings, signal, lookup(item.accountId));
            progress.done++;
            if (result.ok) progress.ok++;
            else progress.failed++;
            pending.push(result);
            if (result.failure !== 'cancelled') this.deps.store.put([result]);
          }),
        ),
      );
    } finally {
      clearInterval(timer);
      for (const key of run.keys) if (this.busy.get(key) === run.id) this.busy.delete(key);
      this.runs.delete(run.id);
      progress.state = signal.aborted ? 'cancelled' : 'done';
      send();
      this.deps.store.flush();
    }
  }

  private async checkOne(
    item: ItemRef,
    settings: HealthSettings,
    signal: AbortSignal,
    account: AccountView | null,
  ): Promise<HealthResult> {
    const checkedAt = this.now().toISOString();
    let plan: ItemPlan = account
      ? planItem(item, account.indexed)
      : { kind: 'skip', detail: 'This account is no longer in Proxydeck.', advertisedCountry: null };
    let checkUrl = settings.checkUrl;
    const vendor = account?.vendor ?? null;
    if (account?.demo && plan.kind === 'probe' && this.deps.demoRoute) {
      const routed = this.deps.demoRoute(plan.endpoint, plan.index);
      if (routed) {
        plan = { ...plan, target: routed.target };
        checkUrl = routed.checkUrl;
      }
    }
    const outcome: ProbeOutcome =
      plan.kind === 'skip'
        ? signal.aborted
          ? { ok: false, failure: 'cancelled', detail: 'Cancelled before the check started.', latencyMs: null }
          : { ok: false, failure: 'no_credentials', detail: plan.detail, latencyMs: null }
        : await probe(plan.target, { checkUrl, timeoutMs: settings.timeoutMs, signal });
    const advertisedCountry = plan.advertisedCountry;
    const exitCountry = outcome.ok ? outcome.exitCountry : null;
    const failing = !outcome.ok && outcome.failure !== 'cancelled' && outcome.failure !== 'no_credentials';
    const canRestart = vendor !== null && this.deps.capabilities(vendor).has('serverMonitor');
    return {
      item,
      checkedAt,
      ok: outcome.ok,
      failure: outcome.ok ? null : outcome.failure,
      detail: outcome.ok ? null : outcome.detail,
      latencyMs: outcome.latencyMs,
      exitIp: outcome.ok ? outcome.exitIp : null,
      exitCountry,
      advertisedCountry,
      countryMatches: exitCountry && advertisedCountry ? exitCountry === advertisedCountry : null,
      slow: outcome.ok && outcome.latencyMs > settings.slowMs,
      // No vendor offers an IP replacement (see the vendor docs), so 'replaceIp' is never suggested.
      nextStep: failing && item.kind === 'server' && canRestart ? 'restartServer' : null,
    };
  }
}
