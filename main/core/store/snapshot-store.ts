import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { AccountSnapshot } from '../../../preload/contract/model';
import { type BackendCtor, moveAside, readJsonFile } from './open-file';

/**
 * The last known snapshot of each account, one file per account under `<dir>/snapshots/`, so the app
 * opens instantly and offline. Files are written by the same backend (atomic writes). Reading is
 * lenient about the sections' contents (they were produced by our own clients) but strict about the
 * frame: a file that is not a snapshot is moved aside and reported.
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

  constructor(
    root: string,
    private readonly Backend: BackendCtor,
  ) {
    this.dir = join(root, 'snapshots');
    mkdirSync(this.dir, { recursive: true });
  }

  get(accountId: string): AccountSnapshot | null {
    if (!ID_RE.test(accountId)) return null;
    const { data, problem } = readJsonFile(this.dir, accountId);
    if (problem) {
      this.notices.push(
        `The saved data of one account was damaged and set aside (${basename(problem.movedTo)}). It will be fetched again.`,
      );
      return null;
    }
    if (!data) return null;
    const frame = SnapshotFrame.safeParse(data.snapshot);
    if (!frame.success || frame.data.accountId !== accountId) {
      const moved = moveAside(join(this.dir, `${accountId}.json`), 'invalid');
      this.notices.push(
        `The saved data of one account was not readable and was set aside (${basename(moved)}). It will be fetched again.`,
      );
      return null;
    }
    return frame.data as AccountSnapshot;
  }

  put(snapshot: AccountSnapshot): void {
    if (!ID_RE.test(snapshot.accountId)) throw new Error('invalid account id');
    const b = new this.Backend({ cwd: this.dir, configName: snapshot.accountId, name: snapshot.accountId });
    b.set('snapshot', snapshot);
  }

  delete(accountId: string): void {
    if (!ID_RE.test(accountId)) return;
    const path = join(this.dir, `${accountId}.json`);
    if (existsSync(path)) rmSync(path);
  }

  ids(): string[] {
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.json') && ID_RE.test(f.slice(0, -5)))
      .map((f) => f.slice(0, -5));
  }
}
