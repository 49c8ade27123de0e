import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { diskFix, diskReason } from '../../../preload/contract/notices';
import { AppFailure } from '../errors';
import { writeFileAtomic } from '../renewals/atomic-file';
import { classify, type DiskError, type DiskHealth, diskHealth, isDiskError } from '../store/disk-health';
import { asidePath, tryMoveAside } from '../store/open-file';
import { ensurePrivateDir } from '../store/private-files';
import { RecordFolder, recordJson } from '../store/record-folder';
import { type Damage, type Hold, HoldsFile, salvageRecord } from './purchase-holds';
import { OPEN_STATES, type PurchaseRecord, PurchaseRecordSchema } from './purchase-record';

/**
 * The purchase journal: one JSON file per purchase in `<dataDir>/purchases/`, written atomically
 * (writeFileAtomic) BEFORE the request leaves ('sending') and after each step. It is what makes
 * "never bought twice" survive a crash: a 'sending' record found at start-up means the request may
 * have reached the vendor, so it becomes 'uncertain' and is settled by reading, never by resending.
 *
 * When the disk refuses a record (the rules of renewals/journal-disk.ts):
 *  - before sending (a new 'sending' record) → a plain storage error; the purchase is not sent;
 *  - after sending (the answer, a reconcile, the user's check) → kept in memory and written when the
 *    disk accepts it again (DiskHealth retries). Until then a record whose disk copy still says
 *    'sending' / 'uncertain' stays 'uncertain' in memory, so the same purchase stays blocked exactly
 *    as it would after a restart.
 * A damaged file is never dropped silently: see purchase-holds.ts.
 */

const UUID_JSON = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/i;

export class PurchaseJournal {
  readonly dir: string;
  private readonly folder: RecordFolder<PurchaseRecord>;
  private readonly damage: Damage[] = [];
  readonly holds: HoldsFile;
  /** Why the folder could not be listed at start-up: every purchase is blocked (what it holds is unknown). */
  private unreadable: string | null = null;
  private readonly disk: DiskHealth;

  constructor(
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
    disk?: DiskHealth,
  ) {
    this.dir = join(dataDir, 'purchases');
    this.disk = disk ?? diskHealth(dataDir);
    this.folder = new RecordFolder(this.dir, this.disk, PurchaseRecordSchema, 'purchase');
    try {
      ensurePrivateDir(this.dir);
    } catch (e) {
      if (!isDiskError(e)) throw e; // read-only or vanished: new records are refused (nothing sent)
    }
    this.holds = new HoldsFile(this.dir, this.disk);
    this.load();
  }

  private load(): void {
    this.unreadable = this.folder.load(
      (path, name, raw, reason) => this.damaged(path, name, raw, reason),
      (name) => name === 'holds.json',
    );
  }

  /**
   * A damaged record: what it may have bought stays blocked. Readable enough (account, vendor,
   * request) → rebuilt as an 'uncertain' record (the user settles it like any other); otherwise a
   * hold blocks every purchase on its account (every account when even that is unreadable) until the
   * user releases it. The block is on disk before the damaged file is moved aside.
   */
  private damaged(path: string, name: string, raw: string, reason: string): void {
    const at = this.now();
    const id = UUID_JSON.exec(name)?.[1]?.toLowerCase() ?? randomUUID();
    const found = salvageRecord(raw, id, at.toISOString());
    let movedTo: string | null = null;
    if (found.kind === 'record') {
      // It blocks from memory at once; on disk: a copy of the damaged text first, then the rebuilt
      // record over it. A refusal on the way leaves the damaged file in place for the next start.
      this.folder.hold(found.record);
      const aside = asidePath(path, 'damaged', at);
      try {
        writeFileAtomic(aside, raw);
        movedTo = aside;
        writeFileAtomic(path, recordJson(found.record));
        this.folder.remember(found.record);
      } catch (e) {
        if (!isDiskError(e)) throw e;
      }
    } else if (found.kind === 'hold') {
      const hold: Hold = {
        id,
        file: name,
        accountId: found.accountId,
        operationAt: found.operationAt,
        createdAt: at.toISOString(),
      };
      if (this.holds.add(hold)) movedTo = tryMoveAside(path, 'damaged', at);
    } else {
      movedTo = tryMoveAside(path, 'damaged', at);
    }
    this.damage.push({ file: name, movedTo: movedTo ?? name, reason, kind: found.kind, accountId: found.accountId });
  }

  /** Plain words for the start-up notices: damaged records, an unreadable folder. */
  notices(label: (accountId: string) => string): string[] {
    const unreadable = this.unreadable
      ? [
          `Proxydeck could not read its purchase journal (${this.dir}, ${this.unreadable}), so it cannot tell what earlier purchases may have bought. ` +
            'Every purchase is blocked until it can. Check that your user account may read that folder, then restart Proxydeck.',
        ]
      : [];
    return [
      ...unreadable,
      ...this.damage.map((d) => {
        const where = d.accountId ? label(d.accountId) : 'an unknown account';
        const head = `A record of a purchase on ${where} (${d.file}) could not be read because ${d.reason}.`;
        if (d.kind === 'settled') return `${head} It was kept as ${d.movedTo}; it had already finished.`;
        if (d.kind === 'record') {
          return `${head} It may have been bought: it is listed with your purchases as not known yet. Check your vendor dashboard, then mark it as bought or not bought.`;
        }
        return (
          `${head} It was kept as ${d.movedTo}. It may have bought something, so ` +
          (d.accountId ? 'purchases on that account' : 'all purchases') +
          ' are blocked until you check your vendor dashboard and release the damaged record.'
        );
      }),
    ];
  }

  get(id: string): PurchaseRecord | undefined {
    return this.folder.get(id);
  }

  list(): PurchaseRecord[] {
    return [...this.folder.values()]
      .map((r) => structuredClone(r))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** An earlier purchase with this signature that may have been made (sending / uncertain). */
  openWith(signature: string): PurchaseRecord | undefined {
    for (const r of this.folder.values()) if (r.signature === signature && OPEN_STATES.has(r.state)) return r;
    return undefined;
  }

  /** What blocks every purchase on this account: an unreadable folder or a damaged record's hold. */
  holdFor(accountId: string): Hold | undefined {
    if (this.unreadable) return { id: '', file: 'purchases', accountId: null, operationAt: null, createdAt: '' };
    return this.holds.list().find((h) => h.accountId === null || h.accountId === accountId);
  }

  /**
   * Persists a record (validated, atomic). Memory changes only after the disk has it, except for an
   * after-sending record the disk refused (see the class comment).
   */
  save(record: PurchaseRecord, note: string | null = null): PurchaseRecord {
    const next: PurchaseRecord = { ...structuredClone(record), updatedAt: this.now().toISOString() };
    const last = next.history.at(-1);
    if (!last || last.state !== next.state || note) next.history.push({ at: next.updatedAt, state: next.state, note });
    const valid = PurchaseRecordSchema.parse(next);
    return this.folder.save(valid, (e, onDisk) => {
      if ((valid.state === 'sending' || valid.state === 'intent') && onDisk?.state !== valid.state) {
        return { fail: notSent(valid, e) };
      }
      const settledUnsaved = onDisk && OPEN_STATES.has(onDisk.state) && !OPEN_STATES.has(valid.state);
      return { memory: settledUnsaved ? blocked(valid, e) : valid, pending: valid };
    });
  }
}

function notSent(r: PurchaseRecord, e: DiskError): AppFailure {
  const { kind, code } = classify(e);
  return new AppFailure(
    'storage',
    `Not sent: Proxydeck could not write the purchase to its journal first (${diskReason(kind, code)}), ` +
      `so nothing was sent to ${r.accountLabel} and nothing was paid. ${diskFix(kind)}, then try again.`,
  );
}

/** The in-memory copy of a settled record the disk has not accepted: still blocking. */
function blocked(r: PurchaseRecord, e: DiskError): PurchaseRecord {
  const { kind, code } = classify(e);
  const answer = r.state === 'done' ? 'It was bought' : `It was not bought (${r.message ?? 'refused'})`;
  return {
    ...r,
    state: 'uncertain',
    message:
      `${answer}, but Proxydeck could not save that in its journal yet: ${diskReason(kind, code)}. ` +
      `The same purchase stays blocked until it is saved. ${diskFix(kind)}; Proxydeck will try again by itself.`,
  };
}
