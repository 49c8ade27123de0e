import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type DiskProblem, diskNotice } from '../../../preload/contract/notices';

/**
 * What happens when the data folder cannot be written (full disk, read-only, no permission, a folder
 * that vanished): every writer of the core goes through `DiskHealth.write`. A disk error does not
 * propagate: the writer keeps its data in memory, the failed write is retried later (with backoff, and
 * whenever `retryNow` is called, e.g. before each refresh), and a plain notice says what is wrong
 * until every pending write has reached the disk. Any other error (a bug, a schema violation) is thrown.
 *
 * One DiskHealth per data folder (`diskHealth(dir)`), so the stores, the journal, the audit log and
 * the reminders share it without being wired to each other.
 */

const DISK_CODES: Record<string, DiskProblem> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EFBIG: 'full',
  EROFS: 'read_only',
  EACCES: 'no_permission',
  EPERM: 'no_permission',
  ENOENT: 'missing',
  ENOTDIR: 'missing',
  EEXIST: 'missing',
  EISDIR: 'missing',
  ENODEV: 'missing',
  ENXIO: 'missing',
  EIO: 'other',
  EBUSY: 'other',
  EMFILE: 'other',
  ENFILE: 'other',
  EAGAIN: 'other',
  ELOOP: 'other',
  ENAMETOOLONG: 'other',
  EXDEV: 'other',
  ESTALE: 'other',
};

export interface DiskError extends Error {
  code: string;
  path?: string;
}

export function isDiskError(e: unknown): e is DiskError {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && Object.hasOwn(DISK_CODES, code);
}

/**
 * The kind of problem behind a disk error. `mkdir -p` on a read-only disk reports ENOENT, so a
 * "missing" path is checked once more: the nearest folder that exists tells read-only / no permission.
 */
export function classify(e: DiskError): { kind: DiskProblem; code: string } {
  const kind = DISK_CODES[e.code] ?? 'other';
  if (kind === 'missing' && e.code === 'ENOENT' && e.path) {
    let dir = dirname(resolve(e.path));
    while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
    try {
      accessSync(dir, constants.W_OK);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code === 'EROFS') return { kind: 'read_only', code };
      if (code === 'EACCES' || code === 'EPERM') return { kind: 'no_permission', code };
    }
  }
  return { kind, code: e.code };
}

export interface DiskLog {
  warn(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
}

export interface RetryTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: RetryTimers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.(); // a retry never keeps the process alive
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** First retry after 5 s, doubling up to 5 minutes while the problem lasts. */
export const RETRY_FIRST_MS = 5_000;
export const RETRY_MAX_MS = 5 * 60_000;

interface Pending {
  flush: () => void;
  kind: DiskProblem;
  code: string;
}

export class DiskHealth {
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<() => void>();
  private timer: unknown = null;
  private delay = RETRY_FIRST_MS;
  private shown = '';
  log: DiskLog | undefined;

  constructor(
    /** The folder named in the notice (the data folder). */
    readonly folder: string,
    private readonly timers: RetryTimers = realTimers,
  ) {}

  /**
   * Runs a write. True when it reached the disk; on a disk error false, and `retry` (default: the
   * same write) is run again later until it succeeds. A later write under the same key replaces the
   * pending retry, so the newest data is what gets written.
   */
  write(key: string, write: () => void, retry: () => void = write): boolean {
    try {
      write();
    } catch (e) {
      if (!isDiskError(e)) throw e;
      this.failed(key, e, retry);
      return false;
    }
    this.resolved(key);
    return true;
  }

  /** Records a failed write (the caller keeps its data in memory) and schedules the retry. */
  failed(key: string, e: DiskError, flush: () => void): void {
    const { kind, code } = classify(e);
    this.pending.set(key, { flush, kind, code });
    this.schedule();
    this.changed({ key, code, kind });
  }

  /** A write under this key reached the disk: nothing left to retry for it. */
  resolved(key: string): void {
    if (this.pending.delete(key)) this.changed({ key });
  }

  /** The problem that keeps this key's write pending, or null when it reached the disk. */
  problem(key: string): { kind: DiskProblem; code: string } | null {
    const p = this.pending.get(key);
    return p ? { kind: p.kind, code: p.code } : null;
  }

  /** Keys whose data is only in memory. */
  unsaved(): string[] {
    return [...this.pending.keys()];
  }

  /** One notice per kind of problem while any write is pending, in plain words. */
  notices(): string[] {
    const seen = new Map<DiskProblem, string>();
    for (const p of this.pending.values()) if (!seen.has(p.kind)) seen.set(p.kind, p.code);
    return [...seen].map(([kind, code]) => diskNotice(kind, this.folder, code));
  }

  /** Called whenever the notices change (a problem appears, or every write got through). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tries every pending write now, oldest first. */
  retryNow(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    for (const [key, p] of [...this.pending]) {
      if (this.pending.get(key) !== p) continue; // replaced by a newer write meanwhile
      try {
        p.flush();
        if (this.pending.get(key) === p) this.pending.delete(key);
      } catch (e) {
        if (isDiskError(e)) {
          const { kind, code } = classify(e);
          if (this.pending.get(key) === p) this.pending.set(key, { ...p, kind, code });
          continue;
        }
        // Not a disk problem: retrying will not help; keep the app running and say so in the log.
        this.pending.delete(key);
        this.log?.warn({ key, err: e instanceof Error ? e.message : String(e) }, 'dropped a pending save');
      }
    }
    if (this.pending.size > 0) {
      this.delay = Math.min(this.delay * 2, RETRY_MAX_MS);
      this.schedule();
    } else {
      this.delay = RETRY_FIRST_MS;
    }
    this.changed({});
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.retryNow();
    }, this.delay);
  }

  private changed(detail: { key?: string; code?: string; kind?: DiskProblem }): void {
    const now = this.notices().join('\n');
    if (now === this.shown) return;
    const was = this.shown;
    this.shown = now;
    if (now) this.log?.warn({ folder: this.folder, ...detail }, 'cannot save to the data folder');
    else if (was) this.log?.info({ folder: this.folder }, 'saving works again');
    for (const l of this.listeners) {
      try {
        l();
      } catch {
        // a broken listener must not stop saving
      }
    }
  }
}

const byFolder = new Map<string, DiskHealth>();

/** The DiskHealth of a data folder (created on first use). */
export function diskHealth(folder: string): DiskHealth {
  const key = resolve(folder);
  let h = byFolder.get(key);
  if (!h) {
    h = new DiskHealth(key);
    byFolder.set(key, h);
  }
  return h;
}

/** Forgets a folder's DiskHealth (shutdown, tests). */
export function releaseDiskHealth(folder: string): void {
  const key = resolve(folder);
  byFolder.get(key)?.stop();
  byFolder.delete(key);
}
