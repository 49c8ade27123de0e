import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { AccountSnapshot } from '../../../preload/contract/model';
import type { WireSnapshot } from '../../../preload/contract/proxy-columns';
import { identityCodec, type SnapshotCodec } from '../secrets/snapshot-codec';
import { type DiskHealth, diskHealth, isDiskError } from './disk-health';
import { type BackendCtor, readJsonFile, tryMoveAside } from './open-file';
import { ensurePrivateDir } from './private-files';
import { mayHoldPlainSecrets, removeFile, writeSnapshotAsync, writeSnapshotSync } from './snapshot-file';
import {
  fileHoldsPlainSecrets,
  type Held,
  knownWire,
  parseFile,
  rememberColumns,
  snapOf,
  wireOf,
} from './snapshot-read';

/**
 * The last known snapshot of each account, one file per account under `<dir>/snapshots/` (0600 in a
 * 0700 folder: they hold proxy passwords), so the app opens instantly and offline. Format and writers:
 * ./snapshot-file.ts (compact JSON, written in slices off the event loop, temp file + fsync + rename).
 *
 * Each file is read and validated once (./snapshot-read.ts); from then on the snapshot is served from
 * memory (the opened copy; the sealed copy only goes to disk). At start-up `ready()` reads every file
 * asynchronously (a v3 file of 100,000 IPs: ~8 MB, ~25 ms of parsing), and the window is sent the IPs
 * as columns, built once per snapshot. A file that is not a snapshot (or whose columns do not pass) is
 * moved aside, kept for recovery, and reported; other accounts are not affected. Every change gets a
 * new per-account `version`, so the window fetches only what changed.
 *
 * When the disk refuses a write, the snapshot is kept in memory (and served from there) and written
 * when the disk accepts it again (DiskHealth retries, synchronously like every other writer's retry).
 * Snapshots returned by `get` are shared: never mutate them, save a changed copy with `put`.
 */
const ID_RE = /^[0-9a-f-]{36}$/;

/**
 * Per file, shared by every SnapshotStore of this process (the app has one; tests and tools open
 * more): the newest snapshot not on disk yet, the write under way, and a stamp that moves on each
 * change so another instance's memory knows its copy is stale.
 */
interface FileState {
  stamp: number;
  pending: { snap: AccountSnapshot; codec: SnapshotCodec } | null;
  writing: Promise<void> | null;
}
const files = new Map<string, FileState>();
const fileState = (path: string): FileState => {
  let f = files.get(path);
  if (!f) {
    f = { stamp: 0, pending: null, writing: null };
    files.set(path, f);
  }
  return f;
};

interface Cached {
  held: Held | null;
  stamp: number;
  version: number;
}

/** Versions grow across restarts too (a window kept open over a restart of the browser host). */
let lastVersion = Date.now() * 1000;

export class SnapshotStore {
  readonly notices: string[] = [];
  private readonly dir: string;
  private readonly disk: DiskHealth;
  private readonly cache = new Map<string, Cached>();
  private readonly background = new Set<Promise<unknown>>();
  private loading: Promise<void> | null = null;

  constructor(
    root: string,
    /** No longer used for snapshots (conf stays for settings); kept so callers need not change. */
    _Backend?: BackendCtor,
    disk?: DiskHealth,
    /** Seals proxy passwords for the disk and opens them back (main/core/secrets/snapshot-codec.ts). */
    private readonly codec: SnapshotCodec = identityCodec,
  ) {
    this.dir = resolve(join(root, 'snapshots'));
    this.disk = disk ?? diskHealth(root);
    try {
      ensurePrivateDir(this.dir);
    } catch (e) {
      if (!isDiskError(e)) throw e; // a read-only or vanished folder: the first save reports it
    }
  }

  private path(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  get(accountId: string): AccountSnapshot | null {
    const held = this.entry(accountId)?.held;
    return held ? snapOf(held) : null;
  }

  /** The snapshot as 'snapshots:get' sends it (IPs as columns), built once per snapshot. */
  wire(accountId: string): WireSnapshot | null {
    const held = this.entry(accountId)?.held;
    return held ? wireOf(held) : null;
  }

  /**
   * Resolves once every account's file has been read into memory, asynchronously (the first call
   * starts it; 'snapshots:get' waits for it, so the window's first answer comes from memory).
   */
  ready(): Promise<void> {
    this.loading ??= this.track(
      (async () => {
        for (const id of this.ids()) {
          if (this.cache.has(id) || fileState(this.path(id)).pending) continue;
          let text: string;
          try {
            text = await readFile(this.path(id), 'utf8');
          } catch {
            continue; // absent or refused: a later get() reads (and reports) it synchronously
          }
          const f = fileState(this.path(id));
          if (this.cache.has(id) || f.pending) continue; // read or saved meanwhile
          this.cache.set(id, { held: this.parse(id, parseJson(text)), stamp: f.stamp, version: ++lastVersion });
          await yieldNow();
        }
      })(),
    );
    return this.loading;
  }

  /** The account's current version (changes whenever its snapshot does); 0 for an unknown id. */
  version(accountId: string): number {
    return this.entry(accountId)?.version ?? 0;
  }

  private entry(id: string): Cached | null {
    if (!ID_RE.test(id)) return null;
    const f = fileState(this.path(id));
    const cached = this.cache.get(id);
    if (cached && cached.stamp === f.stamp) return cached;
    const held = f.pending ? { snap: f.pending.snap } : this.read(id);
    const next = { held, stamp: f.stamp, version: ++lastVersion };
    this.cache.set(id, next);
    return next;
  }

  /** Reads, validates and opens one file (once: the result is kept in memory). */
  private read(accountId: string): Held | null {
    const { data, problem } = readJsonFile(this.dir, accountId);
    if (problem) {
      this.notice(`The saved data of one account was damaged and ${aside(problem.movedTo)}. It will be fetched again.`);
      return null;
    }
    return data ? this.parse(accountId, data) : null;
  }

  /** The held snapshot of a file's JSON (undefined = not JSON); an unusable file is set aside and reported. */
  private parse(accountId: string, data: Record<string, unknown> | undefined): Held | null {
    const parsed = data ? parseFile(accountId, data, this.codec) : { invalid: 'not JSON' };
    if ('held' in parsed) return parsed.held;
    const moved = tryMoveAside(this.path(accountId), data ? 'invalid' : 'corrupt');
    this.disk.log?.warn({ accountId, reason: parsed.invalid }, 'a saved snapshot was not usable');
    this.notice(`The saved data of one account was not readable and ${aside(moved)}. It will be fetched again.`);
    return null;
  }

  /**
   * Files written before passwords were encrypted still hold them in plain text: read and save each
   * such snapshot again, sealed (start-up, in the background: files are only scanned, not parsed,
   * unless they may hold a plain secret). Resolves to how many were rewritten.
   */
  sealPlaintext(): Promise<number> {
    return this.track(
      (async () => {
        await this.ready(); // the start-up read first (asynchronous): nothing is read twice meanwhile
        let n = 0;
        for (const id of this.ids()) {
          const f = fileState(this.path(id));
          if (f.pending || !existsSync(this.path(id))) continue;
          try {
            if (!(await mayHoldPlainSecrets(this.path(id)))) continue;
          } catch (e) {
            if (isDiskError(e)) continue;
            throw e;
          }
          if (!fileHoldsPlainSecrets(readJsonFile(this.dir, id).data)) continue;
          const snap = this.get(id);
          if (snap) {
            this.put(snap);
            n += 1;
          }
        }
        return n;
      })(),
    );
  }

  /**
   * Saves a snapshot: in memory at once (served from there), on disk in the background. When the disk
   * refuses, it stays in memory and is saved later. Never throws a disk error; the promise (which
   * never rejects) resolves once this save reached the disk or was handed to DiskHealth's retries.
   */
  put(snapshot: AccountSnapshot): Promise<void> {
    const id = snapshot.accountId;
    if (!ID_RE.test(id)) throw new Error('invalid account id');
    const path = this.path(id);
    const f = fileState(path);
    f.stamp += 1;
    f.pending = { snap: snapshot, codec: this.codec };
    this.cache.set(id, { held: { snap: snapshot }, stamp: f.stamp, version: ++lastVersion });
    if (!f.writing) {
      f.writing = this.drain(id, path, f).finally(() => {
        f.writing = null;
      });
    }
    return this.track(f.writing);
  }

  /** Writes the newest pending snapshot of a file until nothing newer is pending. */
  private async drain(id: string, path: string, f: FileState): Promise<void> {
    const key = `snapshot:${id}`;
    while (f.pending) {
      const { snap, codec } = f.pending;
      const stamp = f.stamp;
      try {
        ensurePrivateDir(this.dir);
        const renamed = await writeSnapshotAsync(path, toWrite(snap), codec, () => f.stamp === stamp);
        if (renamed && f.stamp === stamp) {
          f.pending = null;
          this.disk.resolved(key);
        }
        if (renamed && f.stamp !== stamp && !f.pending) removeFile(path); // deleted while renaming
      } catch (e) {
        if (!isDiskError(e)) {
          // A bug, not the disk: keep serving it from memory, and say so in the log.
          this.disk.log?.warn({ key, err: e instanceof Error ? e.message : String(e) }, 'could not save a snapshot');
          return;
        }
        this.disk.failed(key, e, () => this.flushSync(id));
        return;
      }
    }
  }

  /** DiskHealth's retry: the newest pending snapshot, written now (unless a background write is on it). */
  private flushSync(id: string): void {
    const path = this.path(id);
    const f = fileState(path);
    const pending = f.pending;
    if (!pending) return;
    if (f.writing) return; // the write under way takes the newest pending snapshot when it is done
    ensurePrivateDir(this.dir);
    writeSnapshotSync(path, toWrite(pending.snap), pending.codec);
    if (f.pending === pending) f.pending = null;
  }

  delete(accountId: string): void {
    if (!ID_RE.test(accountId)) return;
    const path = this.path(accountId);
    const f = fileState(path);
    f.stamp += 1;
    f.pending = null;
    this.cache.set(accountId, { held: null, stamp: f.stamp, version: ++lastVersion });
    // A removed account's proxy passwords must not stay behind: a refused delete is retried too.
    // A background write under way drops its temp file (or removes what it renamed).
    this.disk.write(`snapshot:${accountId}`, () => {
      if (existsSync(path)) removeFile(path);
    });
  }

  ids(): string[] {
    let names: string[] = [];
    try {
      names = readdirSync(this.dir);
    } catch (e) {
      if (!isDiskError(e)) throw e;
    }
    const onDisk = names.filter((f) => f.endsWith('.json') && ID_RE.test(f.slice(0, -5))).map((f) => f.slice(0, -5));
    // What this store holds in memory wins: saved but not yet on disk, or deleted but not yet removed.
    const inMemory = [...this.cache].filter(([, c]) => c.held).map(([id]) => id);
    const gone = new Set([...this.cache].filter(([, c]) => !c.held).map(([id]) => id));
    return [...new Set([...onDisk, ...inMemory])].filter((id) => !gone.has(id));
  }

  /** Resolves when every save started so far (and the start-up sealing) has finished. */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.background.add(p);
    void p.finally(() => this.background.delete(p)).catch(() => {});
    return p;
  }

  private notice(text: string): void {
    if (!this.notices.includes(text)) this.notices.push(text);
  }
}

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/** The parsed JSON object of a file's text; undefined when it is not one. */
function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** What the writer saves of a snapshot: its columns if already built, and it remembers the ones it builds. */
function toWrite(s: AccountSnapshot) {
  const { proxies, ...head } = s;
  const known = knownWire(s)?.proxies;
  return known
    ? { head, columns: known }
    : { head, proxies, onColumns: (c: WireSnapshot['proxies']) => rememberColumns(s, c) };
}

function aside(movedTo: string | null): string {
  return movedTo
    ? `was set aside (${basename(movedTo)})`
    : 'is not used (it could not be set aside: the folder is not writable)';
}
