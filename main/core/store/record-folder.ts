import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from '../renewals/atomic-file';
import { type DiskError, type DiskHealth, isDiskError } from './disk-health';
import { ensurePrivateDir } from './private-files';

/**
 * A folder of money records, one JSON file per record (`<id>.json`), shared by the renewal journal and
 * the purchase journal: what they must do alike to survive crashes and full disks lives here once.
 *
 *  - Loading: a temp file never renamed (`.tmp-`) is removed — its write did not complete, so the request
 *    it preceded was never sent; a file that does not parse or validate goes to the caller's `damaged`
 *    handler (which decides what it may have paid for); a folder that cannot be listed is reported.
 *  - Saving: memory changes only after the disk has the record. When the disk refuses, the caller's
 *    `refused` rule decides what memory shows meanwhile (a still-blocking view) and what is written
 *    later (DiskHealth retries), or throws (a record needed before sending: nothing is sent).
 *  - A folder that vanished while running is recreated with every record known to be on disk first.
 */

export interface Refusal<T> {
  /** What the app works with until the disk accepts the record; absent = memory unchanged. */
  memory?: T;
  /** What to write when the disk accepts it again (with `memory`). */
  pending?: T;
  /** Thrown after memory is set: the caller must not go on (e.g. not send). */
  fail?: Error;
}

export class RecordFolder<T extends { id: string }> {
  /** What the app works with (for a record not on disk yet: the caller's blocking view). */
  private readonly records = new Map<string, T>();
  /** The last version of each record known to be on disk. */
  private readonly written = new Map<string, T>();
  /** Records the disk has not accepted yet, to be written as soon as it does. */
  private readonly unsaved = new Map<string, T>();

  constructor(
    readonly dir: string,
    private readonly disk: DiskHealth,
    private readonly schema: z.ZodType<T>,
    /** Prefix of the DiskHealth keys ("journal", "purchase"). */
    private readonly keyPrefix: string,
  ) {}

  /**
   * Reads every record. Returns the error code when the folder exists but cannot be listed (its records
   * may exist, so the caller blocks everything), null otherwise.
   */
  load(damaged: (path: string, name: string, raw: string, reason: string) => void, skip?: (name: string) => boolean) {
    let names: string[] = [];
    try {
      names = readdirSync(this.dir);
    } catch (e) {
      if (!isDiskError(e)) throw e;
      // Missing (and not creatable): there are no records. Anything else: they may exist.
      if (e.code !== 'ENOENT') return e.code ?? 'EIO';
    }
    for (const name of names) {
      const path = join(this.dir, name);
      if (name.includes('.tmp-')) {
        try {
          rmSync(path, { force: true });
        } catch (e) {
          if (!isDiskError(e)) throw e;
        }
        continue;
      }
      if (!name.endsWith('.json') || name.includes('.damaged-') || skip?.(name)) continue;
      let reason: string;
      let raw = '';
      try {
        raw = readFileSync(path, 'utf8');
        const parsed = this.schema.safeParse(JSON.parse(raw));
        if (parsed.success) {
          this.remember(parsed.data);
          continue;
        }
        reason = 'its content does not have the expected shape';
      } catch (e) {
        reason = e instanceof SyntaxError ? 'it is damaged (not valid JSON)' : 'it could not be read';
      }
      damaged(path, name, raw, reason);
    }
    return null;
  }

  /** A record known to be on disk as it is (loaded, or written by the caller itself). */
  remember(record: T): void {
    this.records.set(record.id, record);
    this.written.set(record.id, record);
  }

  /** A record shown from memory only (not on disk). */
  hold(record: T): void {
    this.records.set(record.id, record);
  }

  forget(id: string): void {
    this.records.delete(id);
    this.written.delete(id);
    this.unsaved.delete(id);
  }

  get(id: string): T | undefined {
    const r = this.records.get(id);
    return r ? structuredClone(r) : undefined;
  }

  onDisk(id: string): T | undefined {
    return this.written.get(id);
  }

  /** The records as the app works with them (not copies: callers must not change them). */
  values(): IterableIterator<T> {
    return this.records.values();
  }

  /** Writes a validated record; on a disk refusal applies the caller's rule (see the class comment). */
  save(valid: T, refused: (e: DiskError, onDisk: T | undefined) => Refusal<T>): T {
    const onDisk = this.written.get(valid.id);
    const key = `${this.keyPrefix}:${valid.id}`;
    try {
      this.writeEntry(valid);
    } catch (e) {
      if (!isDiskError(e)) throw e;
      const r = refused(e, onDisk);
      if (r.memory) {
        this.records.set(valid.id, r.memory);
        this.unsaved.set(valid.id, r.pending ?? r.memory);
        this.disk.failed(key, e, () => this.flush(valid.id));
      }
      if (r.fail) throw r.fail;
      return structuredClone(r.memory ?? valid);
    }
    this.remember(valid);
    this.unsaved.delete(valid.id);
    this.disk.resolved(key);
    return structuredClone(valid);
  }

  /** Writes a record kept in memory (DiskHealth retries this). */
  private flush(id: string): void {
    const r = this.unsaved.get(id);
    if (!r) return;
    this.writeEntry(r);
    this.remember(r);
    this.unsaved.delete(id);
  }

  private writeEntry(r: T): void {
    if (!existsSync(this.dir)) {
      // The folder vanished while running (deleted, a drive re-mounted empty): write back every record
      // first, so no unresolved one is lost at the next start.
      ensurePrivateDir(this.dir);
      for (const w of this.written.values()) writeFileAtomic(join(this.dir, `${w.id}.json`), recordJson(w));
    }
    writeFileAtomic(join(this.dir, `${r.id}.json`), recordJson(r));
  }
}

export const recordJson = (r: unknown): string => `${JSON.stringify(r, null, 2)}\n`;
