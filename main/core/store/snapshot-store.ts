import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { AccountSnapshot } from '../../../preload/contract/model';
import { holdsPlainSecrets, identityCodec, type SealedSnapshot, type SnapshotCodec } from '../secrets/snapshot-codec';
import { type DiskHealth, diskHealth, isDiskError } from './disk-health';
import { type BackendCtor, readJsonFile, tryMoveAside } from './open-file';
import { ensurePrivateDir, makePrivate, PRIVATE_FILE } from './private-files';

/**
 * The last known snapshot of each account, one file per account under `<dir>/snapshots/` (0600 in a
 * 0700 folder: they hold proxy passwords), so the app opens instantly and offline. Files are written
 * by the same backend (atomic writes). Reading is lenient about the sections' contents (they were
 * produced by our own clients) but strict about the frame: a file that is not a snapshot is moved
 * aside and reported.
 *
 * When the disk refuses a write, the snapshot is kept in memory (and served from there) and written
 * when the disk accepts it again (DiskHealth retries).
 */
const SnapshotFrame = z.object({
  accountId: z.string(),
  fetchedAt: z.string(),
  balance: z.unknown(),
  orders: z.array(z.unknown()),
  proxies: z.array(z.unknown()),
  whitelist: z.array(z.unknown()),
  subUsers: z.array(z.unknown()),
  servers: z.array(z.unknown()),
  traffic: z.array(z.unknown()),
  /** The snapshot's proxy passwords, sealed in one blob (main/core/secrets/snapshot-codec.ts). */
  secrets: z.string().optional(),
  // Snapshots written before error codes were kept hold plain strings: read them as message-only.
  errors: z.record(
    z.string(),
    z.union([
      z.string().transform((message) => ({ message })),
      z.object({ code: z.string().optional(), message: z.string() }),
    ]),
  ),
});

const ID_RE = /^[0-9a-f-]{36}$/;

export class SnapshotStore {
  readonly notices: string[] = [];
  private readonly dir: string;
  private readonly disk: DiskHealth;
  /** Snapshots the disk has not accepted yet (newest per account). */
  private readonly unsaved = new Map<string, AccountSnapshot>();

  constructor(
    root: string,
    private readonly Backend: BackendCtor,
    disk?: DiskHealth,
    /** Seals proxy passwords for the disk and opens them back (main/core/secrets/snapshot-codec.ts). */
    private readonly codec: SnapshotCodec = identityCodec,
  ) {
    this.dir = join(root, 'snapshots');
    this.disk = disk ?? diskHealth(root);
    try {
      ensurePrivateDir(this.dir);
    } catch (e) {
      if (!isDiskError(e)) throw e; // a read-only or vanished folder: the first save reports it
    }
  }

  get(accountId: string): AccountSnapshot | null {
    if (!ID_RE.test(accountId)) return null;
    const pending = this.unsaved.get(accountId);
    if (pending) return structuredClone(pending);
    const { data, problem } = readJsonFile(this.dir, accountId);
    if (problem) {
      this.notice(`The saved data of one account was damaged and ${aside(problem.movedTo)}. It will be fetched again.`);
      return null;
    }
    if (!data) return null;
    const frame = SnapshotFrame.safeParse(data.snapshot);
    if (!frame.success || frame.data.accountId !== accountId) {
      const moved = tryMoveAside(join(this.dir, `${accountId}.json`), 'invalid');
      this.notice(`The saved data of one account was not readable and ${aside(moved)}. It will be fetched again.`);
      return null;
    }
    return this.codec.open(frame.data as SealedSnapshot);
  }

  /**
   * Files written before passwords were encrypted still hold them in plain text: read and save each
   * such snapshot again, sealed (start-up). Returns how many were rewritten.
   */
  sealPlaintext(): number {
    let n = 0;
    for (const id of this.ids()) {
      const { data } = readJsonFile(this.dir, id);
      const frame = SnapshotFrame.safeParse(data?.snapshot);
      if (!frame.success) continue;
      const plain = holdsPlainSecrets(frame.data as AccountSnapshot);
      if (!plain) continue;
      const snap = this.get(id);
      if (snap) {
        this.put(snap);
        n += 1;
      }
    }
    return n;
  }

  /** Saves a snapshot; when the disk refuses, it is kept in memory and saved later. Never throws a disk error. */
  put(snapshot: AccountSnapshot): void {
    const id = snapshot.accountId;
    if (!ID_RE.test(id)) throw new Error('invalid account id');
    this.unsaved.set(id, snapshot);
    this.disk.write(`snapshot:${id}`, () => this.flush(id));
  }

  private flush(id: string): void {
    const snapshot = this.unsaved.get(id);
    if (!snapshot) return;
    ensurePrivateDir(this.dir);
    const b = new this.Backend({ cwd: this.dir, configName: id, name: id, configFileMode: PRIVATE_FILE });
    b.set('snapshot', this.codec.seal(snapshot));
    makePrivate(join(this.dir, `${id}.json`));
    if (this.unsaved.get(id) === snapshot) this.unsaved.delete(id);
  }

  delete(accountId: string): void {
    if (!ID_RE.test(accountId)) return;
    this.unsaved.delete(accountId);
    const path = join(this.dir, `${accountId}.json`);
    // A removed account's proxy passwords must not stay behind: a refused delete is retried too.
    this.disk.write(`snapshot:${accountId}`, () => {
      if (existsSync(path)) rmSync(path);
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
    return [...new Set([...onDisk, ...this.unsaved.keys()])];
  }

  private notice(text: string): void {
    if (!this.notices.includes(text)) this.notices.push(text);
  }
}

function aside(movedTo: string | null): string {
  return movedTo
    ? `was set aside (${basename(movedTo)})`
    : 'is not used (it could not be set aside: the folder is not writable)';
}
