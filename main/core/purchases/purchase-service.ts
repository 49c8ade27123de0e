import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import { VENDOR_IDS } from '../../../preload/contract/model';
import {
  type PurchaseBatchView,
  type PurchaseConfirmation,
  PurchaseConfirmationSchema,
  PurchaseQuoteInputSchema,
  type PurchaseQuotePart,
  type PurchaseQuoteView,
  type PurchaseRecordView,
  type PurchaseSelection,
} from '../../../preload/contract/purchases';
import { VENDOR_NAMES } from '../../vendors/errors';
import { AppFailure } from '../errors';
import type { RefreshService } from '../refresh/refresh-service';
import type { AuditLog } from '../renewals/audit';
import { confirmable } from '../renewals/confirm-gate';
import { formatTotals, sumByCurrency } from '../renewals/format';
import { accountName } from '../renewals/price-check';
import { purchaseAuditRow } from './purchase-audit';
import type { Hold } from './purchase-holds';
import { PurchaseJournal } from './purchase-journal';
import { buyingClient, notOffered, type PurchaseAccounts, priceCheck, sameMoney } from './purchase-quote';
import { chargedWhenBought, type PurchaseRecord, signatureOf, toView } from './purchase-record';
import { judgeByReading, type SettleDeps, settlePurchase } from './purchase-settle';

/**
 * Buying (issue 14 §1 and the paid tools): price check → the user confirms the exact totals → each
 * part sent once with its journal record on disk first (purchase-settle.ts decides the outcome).
 *
 * Never twice, three layers (as renewals):
 *  - a quote id is used once (a double click sends the same id twice);
 *  - an in-memory lock per (account, request signature) while a purchase runs;
 *  - the journal: an earlier purchase with the same signature on that account still 'sending' /
 *    'uncertain' is refused until it is settled (survives restarts).
 * One purchase at a time per account (a serial queue): balance checks and "balance unchanged" mean
 * something. One PurchaseService per main process (the locks live in it).
 */

export interface PurchaseDeps {
  dataDir: string;
  accounts: PurchaseAccounts;
  /** The audit log shared with renewals (one file, one writer). */
  audit: AuditLog;
  /** After a purchase is known to be made, the account is refreshed so the new items appear. */
  refresh?: Pick<RefreshService, 'start'>;
  now?: () => Date;
  /** How long a price check may be confirmed (default 10 minutes). */
  quoteTtlMs?: number;
  afterSend?: SettleDeps['afterSend'];
}

export type OnPurchaseProgress = (record: PurchaseRecordView) => void;

interface StoredQuote {
  view: PurchaseQuoteView;
  selections: PurchaseSelection[];
  used: boolean;
}

export class PurchaseService {
  readonly journal: PurchaseJournal;
  private readonly now: () => Date;
  private readonly quotes = new Map<string, StoredQuote>();
  private readonly locks = new Set<string>();
  private readonly accountQueues = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: PurchaseDeps) {
    this.now = deps.now ?? (() => new Date());
    this.journal = new PurchaseJournal(deps.dataDir, this.now);
    this.recoverAfterStart();
  }

  /** 'sending' left by a previous run: the request may be at the vendor → uncertain, settled by reads. */
  private recoverAfterStart(): void {
    for (const r of this.journal.list()) {
      if (r.state === 'intent') {
        this.journal.save({ ...r, state: 'failed', message: 'Not sent: Proxydeck stopped before sending it.' });
      } else if (r.state === 'sending') {
        this.journal.save(
          { ...r, state: 'uncertain', message: 'Proxydeck stopped while this purchase was being sent.' },
          'found unfinished at start-up',
        );
      }
    }
  }

  notices(): string[] {
    const open = this.journal.list().filter((r) => r.state === 'uncertain').length;
    const label = (id: string) => {
      try {
        const m = this.deps.accounts.get(id);
        return accountName(m.label, m.vendor);
      } catch {
        return 'a removed account';
      }
    };
    return [
      ...this.journal.notices(label),
      ...(open
        ? [
            `${open} purchase(s) have an unknown outcome. Proxydeck is checking them with the vendors; do not buy them again until it says.`,
          ]
        : []),
    ];
  }

  /** Every purchase in the journal, then the damaged records still blocking (to check and release). */
  list(): PurchaseRecordView[] {
    return [...this.journal.list().map(toView), ...this.journal.holds.list().map((h) => this.holdView(h, null))];
  }

  // ── Quote ────────────────────────────────────────────────────────────────────────────────────

  async quote(input: { selections: PurchaseSelection[] }): Promise<PurchaseQuoteView> {
    const { selections } = PurchaseQuoteInputSchema.parse(input);
    const seen = new Set<string>();
    for (const s of selections) {
      const sig = signatureOf(s.accountId, s.request);
      if (seen.has(sig)) throw refuse('The same purchase is selected twice. Change the quantity instead.');
      seen.add(sig);
    }
    const parts = await priceCheck(this.deps.accounts, selections);
    const createdAt = this.now();
    const view: PurchaseQuoteView = {
      quoteId: randomUUID(),
      createdAt: createdAt.toISOString(),
      expiresAt: new Date(createdAt.getTime() + (this.deps.quoteTtlMs ?? 600_000)).toISOString(),
      parts,
      totals: totalsOf(parts),
      unpriced: unpricedOf(parts),
      blocked: parts.flatMap((p) => p.blocked),
    };
    for (const [id, q] of this.quotes) if (Date.parse(q.view.expiresAt) < createdAt.getTime()) this.quotes.delete(id);
    this.quotes.set(view.quoteId, { view, selections, used: false });
    return structuredClone(view);
  }

  // ── Confirm ──────────────────────────────────────────────────────────────────────────────────

  async confirm(confirmation: PurchaseConfirmation, onProgress?: OnPurchaseProgress): Promise<PurchaseBatchView> {
    const conf = PurchaseConfirmationSchema.parse(confirmation);
    // Everything up to taking the locks is synchronous: two calls in the same tick cannot both pass.
    const stored = confirmable(
      this.quotes.get(conf.quoteId),
      (s) => ({ used: s.used, quote: s.view }),
      conf.totals,
      this.now(),
      'purchase',
    );
    if (stored.view.unpriced > 0 && conf.acceptUnknownPrices !== true) {
      throw refuse(
        `${stored.view.unpriced} purchase(s) have no price in advance, so they are not in the total. ` +
          'Confirm that you accept an unknown price for them, or leave them out.',
      );
    }
    const keys: string[] = [];
    for (const p of stored.view.parts) {
      const sig = signatureOf(p.accountId, p.request);
      const name = p.quote?.summary || p.request.kind;
      if (this.locks.has(sig)) throw refuse(`${name} is already being bought. Wait for that purchase to finish.`);
      const hold = this.journal.holdFor(p.accountId);
      if (hold) throw refuse(holdRefusal(hold));
      if (this.journal.openWith(sig)) {
        throw refuse(
          `An earlier purchase of ${name} on ${accountName(p.accountLabel, p.vendor)} may have been made: ` +
            'its outcome is not known yet. Check it first (Proxydeck checks with the vendor, or mark it after ' +
            'looking at your vendor dashboard), then buy again if it was not bought.',
        );
      }
      keys.push(sig);
    }
    stored.used = true;
    for (const k of keys) this.locks.add(k);
    try {
      // Prices may have moved since the user looked: only the exact confirmed totals are paid.
      const fresh = await priceCheck(this.deps.accounts, stored.selections);
      const freshBlocked = fresh.flatMap((p) => p.blocked);
      if (freshBlocked.length) throw refuse(`${freshBlocked.join(' ')} Nothing was bought.`);
      const moved = fresh.some(
        (p, i) => !sameMoney(p.quote?.total ?? null, stored.view.parts[i]?.quote?.total ?? null),
      );
      if (moved) {
        throw refuse(
          `Prices changed: ${formatTotals(stored.view.totals)} then, ${formatTotals(totalsOf(fresh))} now` +
            `${unpricedOf(fresh) !== stored.view.unpriced ? ' (and which parts have a price in advance changed)' : ''}. ` +
            'Nothing was bought. Check the new prices and confirm again.',
        );
      }
      const batchId = randomUUID();
      const limit = pLimit(4);
      const records = await Promise.all(
        fresh.map((part) =>
          limit(() => this.serialPerAccount(part.accountId, () => this.buyOne(part, batchId, onProgress))),
        ),
      );
      return { batchId, records: records.map(toView) };
    } finally {
      for (const k of keys) this.locks.delete(k);
    }
  }

  private async buyOne(part: PurchaseQuotePart, batchId: string, onProgress?: OnPurchaseProgress) {
    const client = buyingClient(await this.deps.accounts.client(part.accountId), part.request.kind);
    if (!client) throw new AppFailure('not_supported', notOffered(part.vendor));
    const record = await settlePurchase(part, client, batchId, this.settleDeps(onProgress));
    if (record.state === 'done') this.refreshAccount(record.accountId);
    return record;
  }

  private settleDeps(onProgress?: OnPurchaseProgress): SettleDeps {
    return {
      journal: this.journal,
      now: this.now,
      ...(this.deps.afterSend ? { afterSend: this.deps.afterSend } : {}),
      emit: (r) => {
        try {
          onProgress?.(toView(r));
        } catch {
          // a closed window must never interrupt recording a payment
        }
      },
      audit: (r, action) => this.deps.audit.append(purchaseAuditRow(r, action, this.now())),
    };
  }

  /** The new items appear in every view; a refresh that fails changes nothing about the purchase. */
  private refreshAccount(accountId: string): void {
    try {
      this.deps.refresh?.start([accountId]);
    } catch {
      // the purchase is recorded; the next refresh shows the items
    }
  }

  /** Settles when no purchase is being sent any more (quitting waits for it, so its result is saved). */
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

  // ── Reconcile and resolve (uncertain records only) ───────────────────────────────────────────

  /** Settles an uncertain purchase by reading vendor state. Never resends. */
  async reconcile(id: string): Promise<PurchaseRecordView> {
    const record = this.uncertain(id);
    const key = `reconcile:${id}`;
    if (this.locks.has(key)) throw refuse('This purchase is already being checked.');
    this.locks.add(key);
    try {
      const client = buyingClient(await this.deps.accounts.client(record.accountId), record.request.kind);
      if (!client) throw new AppFailure('not_supported', notOffered(record.vendor));
      const claimed = new Set(
        this.journal.list().flatMap((o) => (o.accountId === record.accountId && o.id !== record.id ? o.created : [])),
      );
      const judged = await judgeByReading(record, client, this.isLatest(record), claimed);
      const saved = this.journal.save(judged, 'reconciled by reading vendor state');
      if (saved.state !== 'uncertain') this.deps.audit.append(purchaseAuditRow(saved, 'reconcile', this.now()));
      if (saved.state === 'done') this.refreshAccount(saved.accountId);
      return toView(saved);
    } finally {
      this.locks.delete(key);
    }
  }

  /**
   * The user checked the vendor dashboard: bought or not. The only way to settle what reading could
   * not; also releases a damaged record's hold (its id is the damaged file's).
   */
  resolve(id: string, bought: boolean): PurchaseRecordView {
    const hold = this.journal.get(id) ? null : this.journal.holds.release(id);
    if (hold) return this.holdView(hold, bought);
    const record = this.uncertain(id);
    const v = VENDOR_NAMES[record.vendor];
    const saved = this.journal.save(
      {
        ...record,
        state: bought ? 'done' : 'failed',
        charged: bought ? chargedWhenBought(record, record.charged) : null,
        message: bought
          ? `Marked as bought after checking the ${v} dashboard.`
          : `Marked as not bought after checking the ${v} dashboard.`,
      },
      'resolved by the user',
    );
    this.deps.audit.append(purchaseAuditRow(saved, 'reconcile', this.now()));
    if (bought) this.refreshAccount(saved.accountId);
    return toView(saved);
  }

  /** Start-up: every uncertain purchase is checked by reading (never resent). */
  async reconcilePending(): Promise<PurchaseRecordView[]> {
    const out: PurchaseRecordView[] = [];
    for (const r of this.journal.list().filter((x) => x.state === 'uncertain')) {
      try {
        out.push(await this.reconcile(r.id));
      } catch {
        out.push(toView(this.journal.get(r.id)!)); // e.g. the account was removed: stays uncertain
      }
    }
    return out;
  }

  private uncertain(id: string): PurchaseRecord {
    const record = this.journal.get(id);
    if (!record) throw new AppFailure('not_found', 'That purchase is not in the journal.');
    if (record.state !== 'uncertain') {
      throw refuse('That purchase is already settled; only purchases whose outcome is not known can be checked.');
    }
    return record;
  }

  private isLatest(r: PurchaseRecord): boolean {
    // The same instant counts as later: the safe side.
    return !this.journal.list().some((o) => o.accountId === r.accountId && o.id !== r.id && o.createdAt >= r.createdAt);
  }

  private holdView(hold: Hold, bought: boolean | null): PurchaseRecordView {
    let meta: { label: string; vendor: (typeof VENDOR_IDS)[number] } | null = null;
    try {
      meta = hold.accountId ? this.deps.accounts.get(hold.accountId) : null;
    } catch {
      meta = null;
    }
    const at = this.now().toISOString();
    return {
      id: hold.id,
      batchId: hold.id,
      accountId: hold.accountId ?? '',
      accountLabel: meta?.label ?? '',
      // Cosmetic only: a hold whose account could not be read names no vendor.
      vendor: meta?.vendor ?? VENDOR_IDS[0],
      request: {
        kind: 'order',
        productId: 'unknown',
        location: null,
        cycleId: null,
        quantity: 1,
        promoCode: null,
        options: {},
      },
      summary: `Damaged record ${hold.file}`,
      state: bought === null ? 'uncertain' : bought ? 'done' : 'failed',
      quotedTotal: null,
      charged: null,
      reference: null,
      created: [],
      spends: 'money',
      message:
        bought === null
          ? `${holdRefusal(hold)} Mark it as bought or not bought once you have checked.`
          : 'Released after checking the vendor dashboard. Purchases are no longer blocked by it.',
      createdAt: hold.createdAt || at,
      updatedAt: at,
    };
  }
}

/** Totals per currency of the parts with a price in advance (never mixed). */
const totalsOf = (parts: readonly PurchaseQuotePart[]) =>
  sumByCurrency(parts.flatMap((p) => (p.quote?.total ? [p.quote.total] : [])));

/** Parts with no price in advance that spend money (a traffic part's cost is its traffic). */
const unpricedOf = (parts: readonly PurchaseQuotePart[]) =>
  parts.filter((p) => p.quote && p.quote.total === null && p.quote.spends !== 'traffic').length;

function holdRefusal(hold: Hold): string {
  const when = hold.operationAt ? ` from ${hold.operationAt.slice(0, 16).replace('T', ' ')} UTC` : '';
  const scope = hold.accountId ? 'on this account' : 'on any account';
  return (
    `A record of an earlier purchase${when} is damaged and may have bought something, so purchases ${scope} are ` +
    'blocked. Check your vendor dashboard, then release the damaged record.'
  );
}

function refuse(message: string): AppFailure {
  return new AppFailure('invalid_argument', message);
}
