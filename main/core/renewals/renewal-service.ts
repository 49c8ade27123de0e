import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import { z } from 'zod';
import type { Money, RenewResult } from '../../../preload/contract/model';
import {
  type Confirmation,
  ConfirmationSchema,
  type RenewalSelection,
  RenewalSelectionSchema,
} from '../../../preload/contract/renewals';
import { isVendorError } from '../../vendors/errors';
import type { VendorClient } from '../../vendors/vendor-client';
import { AppFailure } from '../errors';
import { AuditLog } from './audit';
import { confirmable } from './confirm-gate';
import { formatMoney, formatTotals, sameTotals, sumByCurrency } from './format';
import { itemKey, Journal, type JournalItem, type Operation } from './journal';
import { type Hold, holdRefusal } from './journal-holds';
import { plain, priceCheck } from './price-check';
import { auditRowOf, emitProgress } from './progress-audit';
import { readExpiries, reconcileItems, settleHolds } from './reconcile';
import { newOperation, recordAnswer, withCharges } from './record-outcome';
import type { AccountQuote, ExecuteResult, OnProgress, RenewalDeps, RenewalQuote } from './renewal-types';

/**
 * Renewals across accounts: price check → user confirms → execute, with a journal written before
 * every vendor write, and a hard rule: an item is never renewed twice by accident.
 *
 * Never twice, three layers:
 *  - a quote id is used once (a double click on "Confirm" sends the same id twice);
 *  - an in-memory lock per (account, item) while an operation runs (a second window, same process);
 *  - the journal: an item whose last renewal is 'sending' or 'uncertain' is refused until reconciled
 *    (survives restarts).
 * One RenewalService per main process (the locks live in it).
 */

export type {
  AccountQuote,
  ExecuteResult,
  OnProgress,
  RenewalAccounts,
  RenewalDeps,
  RenewalProgress,
  RenewalQuote,
} from './renewal-types';
export { type Confirmation, ConfirmationSchema, type RenewalSelection, RenewalSelectionSchema };

interface StoredQuote {
  quote: RenewalQuote;
  selections: RenewalSelection[];
  used: boolean;
  retryOf: string | null;
}

export class RenewalService {
  readonly journal: Journal;
  readonly audit: AuditLog;
  private readonly now: () => Date;
  private readonly quotes = new Map<string, StoredQuote>();
  private readonly locks = new Set<string>();
  /** Accounts with a write in flight: one money operation per account at a time keeps balance checks meaningful. */
  private readonly accountQueues = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: RenewalDeps) {
    this.now = deps.now ?? (() => new Date());
    this.journal = new Journal(deps.dataDir, this.now);
    this.audit = new AuditLog(deps.dataDir);
    this.recoverAfterStart();
  }

  /**
   * Entries left by a previous run: 'intent' was never sent (the 'sending' record comes first), so it
   * failed safely; 'sending' means Proxydeck stopped with a request possibly at the vendor → uncertain,
   * to be settled by reconcilePending() (reads only).
   */
  private recoverAfterStart(): void {
    for (const op of this.journal.list()) {
      if (!op.items.some((i) => i.state === 'intent' || i.state === 'sending')) continue;
      const items = op.items.map((i): JournalItem => {
        if (i.state === 'intent')
          return {
            ...i,
            state: 'failed',
            message: 'Not sent: Proxydeck stopped before sending it. Safe to try again.',
          };
        if (i.state === 'sending')
          return { ...i, state: 'uncertain', message: 'Proxydeck stopped while this renewal was being sent.' };
        return i;
      });
      this.journal.save({ ...op, items }, 'found unfinished at start-up');
    }
  }

  /** Start-up notices: damaged journal entries (moved aside), unresolved renewals. */
  notices(): string[] {
    const open = this.journal.list().filter((o) => o.state === 'uncertain');
    return [
      ...this.journal.notices(),
      ...(open.length
        ? [`${open.length} renewal(s) have an unknown outcome. Proxydeck is checking them with the vendors.`]
        : []),
    ];
  }

  operations(): Operation[] {
    return this.journal.list();
  }

  // ── Quote ────────────────────────────────────────────────────────────────────────────────────

  async quote(input: RenewalSelection[], retryOf: string | null = null): Promise<RenewalQuote> {
    const selections = z.array(RenewalSelectionSchema).min(1).parse(input);
    const seen = new Set<string>();
    for (const s of selections) {
      for (const t of s.targets) {
        const k = itemKey(s.accountId, t);
        if (seen.has(k)) throw new AppFailure('invalid_argument', `${t.label || t.id} is selected twice.`);
        seen.add(k);
      }
    }
    const accounts = await this.priceCheck(selections);
    const createdAt = this.now();
    const quote: RenewalQuote = {
      quoteId: randomUUID(),
      createdAt: createdAt.toISOString(),
      expiresAt: new Date(createdAt.getTime() + (this.deps.quoteTtlMs ?? 600_000)).toISOString(),
      accounts,
      totals: sumByCurrency(accounts.flatMap((a) => (a.quote ? [a.quote.total] : []))),
      blocked: accounts.flatMap((a) => a.blocked),
    };
    // Expired price checks can never be confirmed; drop them so the map stays small.
    for (const [id, q] of this.quotes) if (Date.parse(q.quote.expiresAt) < createdAt.getTime()) this.quotes.delete(id);
    this.quotes.set(quote.quoteId, { quote, selections, used: false, retryOf });
    return structuredClone(quote);
  }

  private priceCheck(selections: RenewalSelection[]): Promise<AccountQuote[]> {
    return priceCheck(this.deps.accounts, selections);
  }

  // ── Execute ──────────────────────────────────────────────────────────────────────────────────

  async execute(confirmation: Confirmation, onProgress?: OnProgress): Promise<ExecuteResult> {
    const conf = ConfirmationSchema.parse(confirmation);
    // Everything up to taking the locks is synchronous: two calls in the same tick cannot both pass.
    const stored = confirmable(this.quotes.get(conf.quoteId), (s) => s, conf.totals, this.now(), 'renewal');
    const unpriced = stored.quote.accounts.reduce(
      // A vendor that priced the request itself (vendorQuoted) may give one total for a group of items;
      // only our own estimates can leave items out of the total.
      (n, a) => n + (a.quote && !a.quote.vendorQuoted ? a.quote.items.filter((i) => i.price === null).length : 0),
      0,
    );
    if (unpriced > 0 && conf.acceptUnknownPrices !== true) {
      throw refuse(
        `${unpriced} item(s) have no price in advance, so they are not in the total. Confirm that you accept an unknown price for them, or leave them out.`,
      );
    }
    const keys: string[] = [];
    for (const s of stored.selections) {
      for (const t of s.targets) {
        const key = itemKey(s.accountId, t);
        if (this.locks.has(key)) {
          throw refuse(`${t.label || t.id} is already being renewed. Wait for that renewal to finish.`);
        }
        const hold = this.journal.holdFor(s.accountId, t);
        if (hold) throw refuse(holdRefusal(t.label || t.id, hold));
        const open = this.journal.unresolvedFor(s.accountId, t);
        if (open) {
          throw refuse(
            `${t.label || t.id} has an earlier renewal whose outcome is not known yet. ` +
              'Proxydeck must check it with the vendor before it can be renewed again.',
          );
        }
        keys.push(key);
      }
    }
    if (stored.retryOf) {
      // A retry may only renew items of the original that are still failed and not retried already.
      const orig = this.journal.get(stored.retryOf);
      const ok = stored.selections.every((s) =>
        s.targets.every((t) =>
          orig?.items.some(
            (i) => i.target.kind === t.kind && i.target.id === t.id && i.state === 'failed' && !i.retriedBy,
          ),
        ),
      );
      if (!ok) throw refuse('These items were already retried. Nothing was sent again.');
    }
    stored.used = true;
    for (const k of keys) this.locks.add(k);
    try {
      // Prices may have moved since the user looked: only the exact confirmed totals are paid.
      const fresh = await this.priceCheck(stored.selections);
      const freshBlocked = fresh.flatMap((a) => a.blocked);
      if (freshBlocked.length) throw refuse(freshBlocked.join(' '));
      const freshTotals = sumByCurrency(fresh.flatMap((a) => (a.quote ? [a.quote.total] : [])));
      const perAccountSame = fresh.every((a, i) => {
        const was = stored.quote.accounts[i]?.quote?.total;
        return a.quote && was && sameTotals([a.quote.total], [was]);
      });
      if (!sameTotals(freshTotals, conf.totals) || !perAccountSame) {
        throw refuse(
          `Prices changed since you confirmed: ${formatTotals(conf.totals)} then, ${formatTotals(freshTotals)} now. ` +
            'Nothing was renewed. Check the new prices and confirm again.',
        );
      }
      const batchId = randomUUID();
      const limit = pLimit(4);
      const operations = await Promise.all(
        fresh.map((part) =>
          limit(() =>
            this.serialPerAccount(part.accountId, () => this.runOne(part, batchId, stored.retryOf, onProgress)),
          ),
        ),
      );
      return { batchId, operations };
    } finally {
      for (const k of keys) this.locks.delete(k);
    }
  }

  /** Settles when no renewal is being sent any more (quitting waits for it, so its result is saved). */
  async idle(): Promise<void> {
    while (this.accountQueues.size) await Promise.all(this.accountQueues.values());
  }

  private serialPerAccount<T>(accountId: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.accountQueues.get(accountId) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.accountQueues.set(accountId, tail);
    void tail.then(() => {
      if (this.accountQueues.get(accountId) === tail) this.accountQueues.delete(accountId);
    });
    return run;
  }

  /** One account's operation: read state → journal intent → journal sending → renew once → record. */
  private async runOne(
    part: AccountQuote,
    batchId: string,
    retryOf: string | null,
    onProgress?: OnProgress,
  ): Promise<Operation> {
    const at = this.now().toISOString();
    // The expiries before sending are what reconcile compares against. If they cannot be read,
    // nothing is sent: an outcome we could not check later is not worth the risk.
    let client: VendorClient;
    let before: Map<string, string | null>;
    let notSent: string | null = null;
    try {
      client = await this.deps.accounts.client(part.accountId);
      before = await readExpiries(client, part.request.targets);
    } catch (e) {
      notSent = `Not sent: could not read the current expiry dates first (${plain(e)}). Nothing was paid. Try again.`;
      client = null as unknown as VendorClient;
      before = new Map();
    }
    let op = newOperation(part, { batchId, retryOf, at, before });
    try {
      if (notSent) {
        op.items = op.items.map((i) => ({ ...i, state: 'failed', message: notSent }));
        op = this.journal.save(op, 'not sent');
        this.emit(op, onProgress);
        this.auditOp(op, retryOf ? 'retry' : 'renew');
        return op;
      }
      op = this.journal.save(op, retryOf ? `retry of ${retryOf}` : null);
      if (retryOf) this.markRetried(retryOf, op);
      // On disk BEFORE the request leaves: a crash from here on is found at start-up.
      op = this.journal.save({ ...op, items: op.items.map((i) => ({ ...i, state: 'sending' })) });
    } catch (e) {
      // The journal refused a record it needs before sending (full or read-only disk): this account's
      // part is not sent and says so; the other accounts of the batch go on.
      if (!(e instanceof AppFailure) || e.code !== 'storage') throw e;
      const failed: Operation = {
        ...op,
        state: 'failed',
        items: op.items.map((i) => ({ ...i, state: 'failed', message: e.message })),
      };
      this.emit(failed, onProgress);
      this.auditOp(failed, retryOf ? 'retry' : 'renew');
      return failed;
    }
    this.emit(op, onProgress);

    let result: RenewResult | null = null;
    let error: unknown = null;
    try {
      result = await client.renew(op.request, { requestId: op.id });
    } catch (e) {
      error = e;
    }
    await this.deps.afterSend?.(op);

    op = this.journal.save(recordAnswer(op, result, error), result ? null : (plainOrNull(error) ?? null));

    if (op.items.some((i) => i.state === 'uncertain')) {
      // Settle right away by reading (never resending). Items the vendor refused stay failed.
      const items = await reconcileItems({ op, client, latestForAccount: this.isLatest(op) });
      op = this.journal.save(withCharges({ ...op, items }), 'checked by reading vendor state');
    }
    this.emit(op, onProgress);
    this.auditOp(op, retryOf ? 'retry' : 'renew');
    return op;
  }

  private markRetried(originalId: string, retry: Operation): void {
    const orig = this.journal.get(originalId);
    if (!orig) return;
    const ids = new Set(retry.items.map((i) => `${i.target.kind}:${i.target.id}`));
    orig.items = orig.items.map((i) =>
      ids.has(`${i.target.kind}:${i.target.id}`) && i.state === 'failed' ? { ...i, retriedBy: retry.id } : i,
    );
    this.journal.save(orig, `failed items retried by ${retry.id}`);
  }

  private isLatest(op: Operation): boolean {
    return !this.journal
      .list()
      .some((o) => o.accountId === op.accountId && o.id !== op.id && o.createdAt > op.createdAt);
  }

  private emit(op: Operation, onProgress?: OnProgress): void {
    emitProgress(op, onProgress);
  }

  private auditOp(op: Operation, action: 'renew' | 'reconcile' | 'retry'): void {
    this.audit.append(auditRowOf(op, action, this.now()));
  }

  // ── Reconcile and retry ──────────────────────────────────────────────────────────────────────

  /** Settles one operation's unknown items by reading vendor state. Never resends. */
  async reconcile(operationId: string): Promise<Operation> {
    const op = this.journal.get(operationId);
    if (!op) throw new AppFailure('not_found', 'That renewal is not in the journal.');
    if (!op.items.some((i) => i.state === 'uncertain' || i.state === 'sending')) return op;
    const key = `reconcile:${op.id}`;
    if (this.locks.has(key)) throw refuse('This renewal is already being checked.');
    this.locks.add(key);
    try {
      const client = await this.deps.accounts.client(op.accountId);
      const items = await reconcileItems({ op, client, latestForAccount: this.isLatest(op) });
      const saved = this.journal.save(withCharges({ ...op, items }), 'reconciled by reading vendor state');
      if (saved.state !== 'uncertain') this.auditOp(saved, 'reconcile');
      return saved;
    } finally {
      this.locks.delete(key);
    }
  }

  /** Blocks left by damaged journal entries. */
  holds(): Hold[] {
    return this.journal.holds.list();
  }

  /** The user checked the vendor dashboard for a damaged record's items: lift its block. */
  releaseHold(file: string): Hold[] {
    if (!this.journal.holds.release(file))
      throw new AppFailure('not_found', 'That damaged record is not blocking anything.');
    return this.holds();
  }

  /**
   * Settles holds by reading: an item whose expiry (read before sending, salvaged from the damaged
   * entry) has moved, or is unchanged, is no longer in doubt. Holds without that stay for the user.
   */
  async reconcileHolds(): Promise<Hold[]> {
    await settleHolds(this.journal.holds, (id) => this.deps.accounts.client(id));
    return this.holds();
  }

  /** Start-up: reconcile every unresolved operation (reads only). */
  async reconcilePending(): Promise<Operation[]> {
    await this.reconcileHolds();
    const open = this.journal
      .list()
      .filter((o) => o.items.some((i) => i.state === 'uncertain' || i.state === 'sending'));
    const out: Operation[] = [];
    for (const op of open) {
      try {
        out.push(await this.reconcile(op.id));
      } catch {
        out.push(this.journal.get(op.id)!); // e.g. the account was removed: stays uncertain
      }
    }
    return out;
  }

  /**
   * The user checked the vendor dashboard and says what happened to an item left uncertain. This is
   * the only way to unblock an item that state reading could not settle.
   */
  resolveManually(operationId: string, target: { kind: string; id: string }, renewed: boolean): Operation {
    const op = this.journal.get(operationId);
    if (!op) throw new AppFailure('not_found', 'That renewal is not in the journal.');
    const item = op.items.find((i) => i.target.kind === target.kind && i.target.id === target.id);
    if (item?.state !== 'uncertain') throw new AppFailure('invalid_argument', 'That item is not waiting for a check.');
    item.state = renewed ? 'done' : 'failed';
    item.message = renewed
      ? 'Marked as renewed after checking the vendor dashboard.'
      : 'Marked as not renewed after checking the vendor dashboard.';
    const saved = this.journal.save(withCharges(op), 'resolved by the user');
    this.auditOp(saved, 'reconcile');
    return saved;
  }

  /**
   * Retries only the items that definitely failed (never 'uncertain' ones), as a NEW operation. The
   * fresh price must not exceed what the user confirmed for those items; otherwise they are asked again.
   */
  async retryFailed(operationId: string, onProgress?: OnProgress): Promise<ExecuteResult> {
    const op = this.journal.get(operationId);
    if (!op) throw new AppFailure('not_found', 'That renewal is not in the journal.');
    const failed = op.items.filter((i) => i.state === 'failed' && !i.retriedBy);
    if (failed.length === 0)
      throw refuse('Nothing to retry: no item of this renewal failed (or it was retried already).');
    const selection: RenewalSelection = {
      accountId: op.accountId,
      targets: failed.map((i) => i.target),
      periodId: op.request.periodId,
      ...(op.request.options ? { options: op.request.options } : {}),
    };
    const q = await this.quote([selection], op.id);
    const prices = failed.map((i) => i.price);
    const agreed = prices.every((p) => p && p.currency === op.quote.total.currency)
      ? prices.reduce((s, p) => s + (p as Money).minor, 0)
      : op.quote.total.minor;
    const fresh = q.totals;
    if (fresh.length !== 1 || fresh[0]!.currency !== op.quote.total.currency || fresh[0]!.minor > agreed) {
      this.quotes.delete(q.quoteId);
      throw refuse(
        `The price for the items to retry is now ${formatTotals(fresh)} (you confirmed ` +
          `${formatMoney({ minor: agreed, currency: op.quote.total.currency })}). Select them and check the prices again.`,
      );
    }
    // The original was only sent after the user confirmed it, including any item whose price the
    // vendor does not tell in advance; retrying those same items keeps that acceptance.
    return this.execute({ quoteId: q.quoteId, totals: q.totals, acceptUnknownPrices: true }, onProgress);
  }
}

function refuse(message: string): AppFailure {
  return new AppFailure('invalid_argument', message);
}

function plainOrNull(e: unknown): string | null {
  return isVendorError(e) || e instanceof AppFailure ? e.message : null;
}
