import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { VENDOR_IDS } from '../../../preload/contract/model';
import { type DiskHealth, diskHealth, isDiskError } from '../store/disk-health';
import { asidePath, tryMoveAside } from '../store/open-file';
import { ensurePrivateDir, PRIVATE_FILE } from '../store/private-files';
import { RecordFolder } from '../store/record-folder';
import { blockedView, mustReachDisk, notSentFailure, notSentView } from './journal-disk';
import { type Hold, Holds, salvage } from './journal-holds';

/**
 * The journal of money operations: one JSON file per operation in `<dataDir>/journal/`.
 *
 * Why: a renewal is a write that moves money and is never retried. If Proxydeck stops (crash, power
 * cut, killed) between sending a renewal and recording its answer, the journal is the only thing
 * that says "this may have been paid". So every operation is written to disk BEFORE the vendor
 * request leaves ('sending'), and updated after. At start-up, 'sending' entries are reconciled by
 * reading vendor state, never by resending.
 *
 * Item states:   intent → sending → done | failed | uncertain → (reconcile) done | failed
 * Overall state: the same, plus 'partial' (some done, some failed, none unknown).
 *
 * When the disk refuses a record (full, read-only...), see journal-disk.ts: before sending → refused,
 * nothing is sent; after sending → kept in memory, still blocking, and written later.
 */

export const ITEM_STATES = ['intent', 'sending', 'done', 'failed', 'uncertain'] as const;
export type ItemState = (typeof ITEM_STATES)[number];
export const OP_STATES = [...ITEM_STATES, 'partial'] as const;
export type OpState = (typeof OP_STATES)[number];

/** States in which an item may already have been paid for: it must not be renewed again yet. */
export const UNRESOLVED: ReadonlySet<ItemState> = new Set(['intent', 'sending', 'uncertain']);

const MoneySchema = z.object({ minor: z.number().int(), currency: z.string().min(1) });
const TargetSchema = z.object({
  kind: z.enum(['order', 'ip', 'server']),
  id: z.string().min(1),
  label: z.string(),
  expiresAt: z.string().nullable(),
});
const RequestSchema = z.object({
  targets: z.array(TargetSchema).min(1),
  periodId: z.string().min(1),
  options: z.record(z.string(), z.string()).optional(),
});
const QuoteSchema = z.object({
  items: z.array(
    z.object({ target: TargetSchema, price: MoneySchema.nullable(), newExpiresAt: z.string().nullable() }),
  ),
  total: MoneySchema,
  vendorQuoted: z.boolean(),
  balance: MoneySchema.nullable(),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), blocking: z.boolean() })),
});

export const JournalItemSchema = z.object({
  target: TargetSchema,
  state: z.enum(ITEM_STATES),
  /** Expiry read from the vendor just before sending: reconcile compares against it. */
  expiresBefore: z.string().nullable(),
  newExpiresAt: z.string().nullable(),
  price: MoneySchema.nullable(),
  message: z.string().nullable(),
  /** Set when a later operation retried this (failed) item, so it is never retried twice. */
  retriedBy: z.string().nullable().default(null),
});
export type JournalItem = z.infer<typeof JournalItemSchema>;

export const OperationSchema = z.object({
  version: z.literal(1),
  /** UUID; also the client request id sent with the renewal. */
  id: z.uuid(),
  /** Operations started by one confirmation share a batch id. */
  batchId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  accountId: z.string(),
  accountLabel: z.string(),
  vendor: z.enum(VENDOR_IDS),
  request: RequestSchema,
  /** The quote the user confirmed (the fresh one it was checked against). */
  quote: QuoteSchema,
  /** Money balance read just before sending: a fallback signal for reconcile. */
  balanceBefore: MoneySchema.nullable(),
  state: z.enum(OP_STATES),
  items: z.array(JournalItemSchema).min(1),
  reference: z.string().nullable(),
  /** Known charges (charges.ts): the vendor's figure or the quoted prices of renewed items. */
  charged: MoneySchema.nullable(),
  /** While items are unknown: the most this may have cost (known + their quoted prices). */
  chargedUpTo: MoneySchema.nullable().default(null),
  /** The operation whose failed items this one retries. */
  retryOf: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), state: z.enum(OP_STATES), note: z.string().nullable() })),
});
export type Operation = z.infer<typeof OperationSchema>;

/** Overall state from the items: unknown wins, then all-done / all-failed / partial. */
export function overallState(items: readonly JournalItem[]): OpState {
  const s = new Set(items.map((i) => i.state));
  if (s.has('uncertain')) return 'uncertain';
  if (s.has('sending')) return 'sending';
  if (s.has('intent')) return 'intent';
  if (s.size === 1 && s.has('done')) return 'done';
  if (s.size === 1 && s.has('failed')) return 'failed';
  return 'partial';
}

/**
 * Settled operations (nothing left that may have moved money unseen) older than this leave the live
 * journal at start-up for `journal/archive/<year>.jsonl`. Every start reads and validates each live
 * entry, so without this a busy reseller's start-up would slow down year after year. The Activity view
 * (the audit log) keeps the whole history; the archive keeps the full records for support.
 */
export const ARCHIVE_AFTER_DAYS = 90;
const DAY_MS = 86_400_000;

export const itemKey = (accountId: string, t: { kind: string; id: string }) => `${accountId}\u0000${t.kind}:${t.id}`;

export interface JournalProblem {
  file: string;
  /** Where it was moved; the file's own name when the disk did not allow moving it (it stays in place). */
  movedTo: string;
  reason: string;
}

/** Blocks every renewal while the journal folder itself cannot be read: what it holds is unknown. */
const UNREADABLE_HOLD: Hold = {
  file: 'journal',
  movedTo: 'journal',
  createdAt: '',
  accountId: null,
  targets: null,
  operationAt: null,
};

export class Journal {
  readonly dir: string;
  /** The records, on disk and in memory (for a record not on disk yet: its blocked view, journal-disk.ts). */
  private readonly folder: RecordFolder<Operation>;
  /** Files that could not be read at start-up; moved aside, shown to the user. */
  readonly problems: JournalProblem[] = [];
  /** Blocks left by damaged entries that may have moved money (journal-holds.ts). */
  readonly holds: Holds;
  /** Why the journal folder could not be listed at start-up (every renewal is then blocked). */
  private unreadable: string | null = null;
  private readonly disk: DiskHealth;

  constructor(
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
    disk?: DiskHealth,
  ) {
    this.dir = join(dataDir, 'journal');
    this.disk = disk ?? diskHealth(dataDir);
    this.folder = new RecordFolder(this.dir, this.disk, OperationSchema, 'journal');
    try {
      ensurePrivateDir(this.dir);
    } catch (e) {
      if (!isDiskError(e)) throw e; // read-only or vanished: records are refused (nothing sent) until it works
    }
    this.holds = new Holds(this.dir, this.disk);
    this.load();
    this.archiveSettled();
  }

  /**
   * Moves old settled operations to the yearly archive: appended first, then the live file removed.
   * A stop between the two leaves the entry in both places; it is archived again (a duplicate line in
   * the archive, never a lost record).
   */
  private archiveSettled(): void {
    const cutoff = this.now().getTime() - ARCHIVE_AFTER_DAYS * DAY_MS;
    const old = [...this.folder.values()].filter(
      (op) => !op.items.some((i) => UNRESOLVED.has(i.state)) && Date.parse(op.updatedAt) < cutoff,
    );
    if (old.length === 0) return;
    const archive = join(this.dir, 'archive');
    try {
      ensurePrivateDir(archive);
      for (const op of old) {
        appendFileSync(join(archive, `${op.createdAt.slice(0, 4)}.jsonl`), `${JSON.stringify(op)}\n`, {
          mode: PRIVATE_FILE,
        });
        rmSync(join(this.dir, `${op.id}.json`), { force: true });
        this.folder.forget(op.id);
      }
    } catch (e) {
      // A full or read-only disk: what was not archived stays live and is archived at a later start.
      if (!isDiskError(e)) throw e;
    }
  }

  private load(): void {
    this.unreadable = this.folder.load((path, name, raw, reason) => {
      // Never drop a money record silently: keep the file for support, and report it. What it may have
      // paid for stays blocked: the hold is on disk before the file is moved. When the disk refuses
      // the hold, it blocks from memory and the damaged file stays in place, so the next start finds it again.
      const found = salvage(raw);
      const at = this.now();
      let held = true;
      if (!found.settled) {
        const { settled: _settled, ...what } = found;
        const movedTo = asidePath(path, 'damaged', at);
        held = this.holds.add({ file: name, movedTo, createdAt: at.toISOString(), ...what });
      }
      const movedTo = held ? tryMoveAside(path, 'damaged', at) : null;
      this.problems.push({ file: name, movedTo: movedTo ?? name, reason });
    });
  }

  /** Plain-language notices for damaged entries (the lead shows them with the other start-up notices). */
  notices(): string[] {
    const unreadable = this.unreadable
      ? [
          `Proxydeck could not read its renewal journal (${this.dir}, ${this.unreadable}), so it cannot tell what earlier renewals may have paid. ` +
            'Every renewal is blocked until it can. Check that your user account may read that folder, then restart Proxydeck.',
        ]
      : [];
    return [
      ...unreadable,
      ...this.problems.map(
        (p) =>
          `A record of a renewal (${p.file}) could not be read because ${p.reason}. It was kept as ${p.movedTo}. ` +
          (this.holds.list().some((h) => h.file === p.file)
            ? 'What it covers may already have been paid, so it stays blocked from renewing until it is checked (see Activity).'
            : 'Check recent renewals in your vendor dashboards.'),
      ),
    ];
  }

  get(id: string): Operation | undefined {
    return this.folder.get(id);
  }

  list(): Operation[] {
    return [...this.folder.values()]
      .map((o) => structuredClone(o))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /**
   * Persists an operation (validated, atomic). The in-memory copy changes only after the file is on
   * disk, so memory never claims more than the disk does. When the disk refuses (journal-disk.ts): a
   * record needed before sending throws a plain storage error (the caller must not send); a record of
   * what happened after sending is kept in memory, still blocking, and written later.
   */
  save(op: Operation, note: string | null = null): Operation {
    const next: Operation = { ...structuredClone(op), updatedAt: this.now().toISOString() };
    next.state = overallState(next.items);
    const last = next.history.at(-1);
    if (!last || last.state !== next.state || note) next.history.push({ at: next.updatedAt, state: next.state, note });
    const valid = OperationSchema.parse(next);
    return this.folder.save(valid, (e, onDisk) => {
      if (mustReachDisk(valid, onDisk)) {
        if (!onDisk) return { fail: notSentFailure(valid, e) };
        // Disk: intent (failed "not sent" at the next start). Memory says so now, and the disk later.
        const view = notSentView(valid, e);
        view.state = overallState(view.items);
        return { memory: view, fail: notSentFailure(valid, e) };
      }
      const view = blockedView(valid, onDisk!, e);
      view.state = overallState(view.items);
      return { memory: view, pending: valid };
    });
  }

  /** A damaged entry's hold that still blocks this item (journal-holds.ts). */
  holdFor(accountId: string, target: { kind: string; id: string }): Hold | undefined {
    if (this.unreadable) return UNREADABLE_HOLD;
    return this.holds.blocking(accountId, target);
  }

  /** The operation holding this item in a state that may have moved money (not yet resolved). */
  unresolvedFor(accountId: string, target: { kind: string; id: string }): Operation | undefined {
    const key = itemKey(accountId, target);
    for (const op of this.folder.values()) {
      if (op.accountId !== accountId) continue;
      if (op.items.some((i) => UNRESOLVED.has(i.state) && itemKey(accountId, i.target) === key)) return op;
    }
    return undefined;
  }
}
