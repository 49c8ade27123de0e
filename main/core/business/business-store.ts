/**
 * The reseller's own business data (issue 16): customers, what each item is sold for and to whom, "keep"
 * marks, currency rates. No vendor can give any of it back, so it lives in one private file
 * (`<dataDir>/business.json`, 0600 in a 0700 folder), is checked on every read, written atomically (a
 * crash leaves the old or the new file, never half of one), and copied to a rolling daily backup before
 * the first change of each day (business-backups.ts).
 *
 * A damaged or unreadable file is never used half-way and never lost: it is moved aside unchanged, the
 * newest good backup is restored, and a notice says so (and from which day). Without a backup the store
 * starts empty and the notice says where the damaged file was kept.
 *
 * A disk that refuses a write: the call fails with a plain `storage` error and the data in memory stays
 * as it was (unlike the snapshots, nothing is held back to retry: the user sees their change did not
 * happen and can try again).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BusinessFileProblem, businessNotice } from '../../../preload/contract/business';
import { AppFailure } from '../errors';
import { writeFileAtomic } from '../renewals/atomic-file';
import { classify, isDiskError } from '../store/disk-health';
import { asidePath, moveAside, tryMoveAside } from '../store/open-file';
import { ensurePrivateDir, makePrivate } from '../store/private-files';
import { BACKUP_NAME, type BackupInfo, BusinessBackups } from './business-backups';
import { type BusinessData, BusinessDataSchema, emptyBusiness, parseBusiness } from './business-schema';

export type { BackupInfo } from './business-backups';
export type { BusinessData } from './business-schema';

export const BUSINESS_FILE = 'business.json';

const DISK_WORDS: Record<string, string> = {
  full: 'the disk is full',
  read_only: 'the disk is read-only',
  no_permission: 'Proxydeck is not allowed to write to its data folder',
  missing: 'the data folder is missing',
  other: 'the disk refused the write',
};

export class BusinessStore {
  readonly path: string;
  private readonly dataDir: string;
  private readonly now: () => Date;
  private readonly backupStore: BusinessBackups;
  private data: BusinessData;
  private loadNotices: string[] = [];
  private readonly listeners = new Set<() => void>();
  /** Why the file could not be used at start-up (technical, for support; the notice has plain words). */
  lastProblem: string | null = null;
  /** The damaged file could not be moved aside when loading: it must be before anything is written. */
  private asidePending = false;

  constructor(opts: { dataDir: string; now?: () => Date }) {
    this.dataDir = opts.dataDir;
    this.path = join(opts.dataDir, BUSINESS_FILE);
    this.now = opts.now ?? (() => new Date());
    this.backupStore = new BusinessBackups(opts.dataDir);
    this.data = this.load();
  }

  /** A checked copy of everything (changing it changes nothing). */
  get(): BusinessData {
    return structuredClone(this.data);
  }

  /**
   * Applies `fn` to a copy, checks the result, writes it atomically (after the day's backup), then tells
   * the listeners. On a disk error: AppFailure('storage'), the data unchanged.
   */
  update(fn: (d: BusinessData) => BusinessData, _note?: string): BusinessData {
    const result = fn(this.get());
    // The checked data is zod's own new copy: the caller keeps `result`, which the store does not hold.
    const next = this.check(result);
    this.write(next, false);
    this.data = next;
    this.emit();
    return result;
  }

  /** Puts other data in place (import, restore); the current file is backed up first, whatever the day. */
  replace(d: BusinessData, _note: string): void {
    const next = this.check(d);
    this.write(next, true);
    this.data = next;
    // The notices were about the file being replaced now.
    this.loadNotices = [];
    this.emit();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Plain notices about the file: damaged and moved aside, restored from a backup of which day. */
  notices(): string[] {
    return [...this.loadNotices];
  }

  /** Good backups, newest first. */
  backups(): BackupInfo[] {
    return this.backupStore.list();
  }

  /** Replaces the data with a backup's (the current file is backed up first). */
  restore(name: string): BusinessData {
    const data = BACKUP_NAME.test(name) ? this.backupStore.read(name) : null;
    if (!data) {
      throw new AppFailure('not_found', 'That backup is missing or damaged. Choose another one from the list.');
    }
    this.replace(data, `restored from ${name}`);
    return this.get();
  }

  // ── inside ──────────────────────────────────────────────────────────────────────────────────

  private check(d: BusinessData): BusinessData {
    const r = BusinessDataSchema.safeParse(d);
    if (!r.success) {
      const i = r.error.issues[0];
      throw new Error(`business data would not be valid: ${i?.path.join('.')}: ${i?.message}`);
    }
    return r.data;
  }

  private load(): BusinessData {
    try {
      ensurePrivateDir(this.dataDir);
    } catch {
      // a read-only or missing folder is reported by the first save
    }
    if (!existsSync(this.path)) return emptyBusiness();
    let problem: BusinessFileProblem = 'damaged';
    try {
      const r = parseBusiness(JSON.parse(readFileSync(this.path, 'utf8')));
      if ('data' in r) {
        makePrivate(this.path);
        return r.data;
      }
      this.lastProblem = r.reason;
    } catch (e) {
      if (!(e instanceof SyntaxError)) problem = 'unreadable';
      this.lastProblem = e instanceof Error ? e.message : String(e);
    }
    return this.recover(problem);
  }

  /** The file is damaged: move it aside unchanged, restore the newest good backup, say so. */
  private recover(problem: BusinessFileProblem): BusinessData {
    const movedTo = tryMoveAside(this.path, 'damaged', this.now());
    if (movedTo === null) this.asidePending = true;
    const kept = movedTo ?? this.path;
    const backup = this.backupStore.newestGood();
    this.loadNotices.push(businessNotice({ problem, kept, restoredDay: backup?.day ?? null }));
    if (!backup) return emptyBusiness();
    if (movedTo !== null) {
      try {
        writeFileAtomic(this.path, `${JSON.stringify(backup.data, null, 2)}\n`);
      } catch {
        // kept in memory; the next change writes it
      }
    }
    return backup.data;
  }

  private write(next: BusinessData, always: boolean): void {
    const now = this.now();
    try {
      ensurePrivateDir(this.dataDir);
      if (this.asidePending) {
        if (existsSync(this.path)) moveAside(this.path, 'damaged', now);
        this.asidePending = false;
      }
      this.backupStore.save(this.path, now, always);
      writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
    } catch (e) {
      if (!isDiskError(e)) throw e;
      const words = DISK_WORDS[classify(e).kind] ?? DISK_WORDS.other;
      throw new AppFailure(
        'storage',
        `Your customers and prices could not be saved: ${words} (${e.code}). Nothing was changed. Free some space or check the data folder ${this.dataDir}, then try again.`,
      );
    }
  }

  private emit(): void {
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch {
        // a listener's bug must not undo a saved change
      }
    }
  }
}

/** Where a damaged business file would be moved at `now` (for tests and messages). */
export const damagedPath = (dataDir: string, now: Date) => asidePath(join(dataDir, BUSINESS_FILE), 'damaged', now);
