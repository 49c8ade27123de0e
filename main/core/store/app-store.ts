import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { diskFix, diskReason } from '../../../preload/contract/notices';
import type { Settings } from '../../../preload/contract/schemas';
import { AppFailure } from '../errors';
import { type DiskHealth, diskHealth } from './disk-health';
import { migrate, NewerVersionError, UnknownVersionError } from './migrations';
import { asidePath, type BackendCtor, type BackendStore, moveAside, readJson, UNREADABLE } from './open-file';
import { ensurePrivateDir, makePrivate, PRIVATE_FILE } from './private-files';
import { describeKept, salvageStore } from './salvage';
import { type AccountMeta, confSchema, DEFAULT_STORE, type StoreData, StoreDataSchema } from './schema';

export const STORE_NAME = 'proxydeck';

/**
 * Settings and account metadata (never secrets), in `<dir>/proxydeck.json` (0600).
 *
 * Opening: a file of a known older version is migrated (the old file kept as a backup); a file that
 * is not JSON, has no or an unknown version, or fails the schema is DAMAGED, not old: it is set aside
 * and what still validates (accounts, single settings) is kept and reported; a file of a newer
 * version is set aside untouched.
 *
 * The app works on the copy in memory. Every change is validated (zod, and conf's JSON schema) and
 * then written; when the disk refuses (full, read-only, vanished...) the change stays in memory, the
 * write is retried later (DiskHealth) and the app says so — a setting or a refresh result never
 * crashes the app. Adding an account (`mustSave`) is the exception: it is refused instead, so a key
 * in the keychain never ends up without its account.
 */
export class AppStore {
  readonly notices: string[] = [];
  readonly path: string;
  readonly disk: DiskHealth;
  private data: StoreData = DEFAULT_STORE;
  private backend: BackendStore | null = null;
  /** The file on disk to set aside before the next write (a damaged file, or a migration's backup). */
  private aside: { label: string; at: Date } | null = null;

  constructor(
    private readonly dir: string,
    private readonly Backend: BackendCtor,
    now: () => Date = () => new Date(),
    disk?: DiskHealth,
  ) {
    this.disk = disk ?? diskHealth(dir);
    this.path = join(dir, `${STORE_NAME}.json`);
    if (this.open(now())) this.persist();
  }

  /** Reads the file into memory; true when it must be written (new, migrated or set aside). */
  private open(at: Date): boolean {
    const { data, reason } = readJson(this.path);
    if (!data && !reason) return true; // first start
    if (!data) {
      this.setAside('corrupt', at);
      this.notices.push(this.damagedNotice(reason!, 'nothing could be read from it', true));
      return true;
    }
    try {
      const outcome = migrate(data);
      const parsed = StoreDataSchema.safeParse(outcome.data);
      if (!parsed.success) return this.salvage(outcome.data, 'some of its values are not valid', at);
      this.data = parsed.data;
      if (!outcome.migrated) return false;
      // Keep the old file next to the new one: a migration must never be the only copy.
      const backup = this.setAside(`v${outcome.from}-backup`, at);
      this.notices.push(
        `Your settings were updated from an older version of Proxydeck. A copy of the old file is kept as ${basename(backup)}.`,
      );
      return true;
    } catch (e) {
      if (e instanceof UnknownVersionError) return this.salvage(data, e.reason, at);
      if (!(e instanceof NewerVersionError)) throw e;
      const moved = this.setAside('unsupported', at);
      this.notices.push(
        `Your settings file was written by a newer version of Proxydeck (file version ${e.version}), so this version cannot use it. ` +
          `It was kept as ${basename(moved)} and fresh settings were started; open the newer Proxydeck to use it again. ` +
          'Your API keys are safe in the system keychain.',
      );
      return true;
    }
  }

  /** A damaged file: set aside, and start from what still validates. */
  private salvage(raw: Record<string, unknown>, reason: string, at: Date): true {
    const s = salvageStore(raw);
    this.data = s.data;
    this.setAside('invalid', at);
    this.notices.push(this.damagedNotice(reason, describeKept(s), s.accountsKept < s.accountsFound));
    return true;
  }

  private setAside(label: string, at: Date): string {
    this.aside = { label, at };
    return asidePath(this.path, label, at);
  }

  private damagedNotice(reason: string, kept: string, accountsLost: boolean): string {
    const moved = basename(asidePath(this.path, this.aside!.label, this.aside!.at));
    const what = reason.startsWith(UNREADABLE) ? 'could not be used' : 'is damaged';
    return (
      `Your settings file ${what} (${reason}), so it was not used as it was. It is kept as ${moved}. ` +
      `Proxydeck started from what could still be read: ${kept}. ` +
      (accountsLost
        ? 'Your API keys are safe in the system keychain; add the missing accounts again.'
        : 'Check your settings.')
    );
  }

  /** Writes memory to disk now, or leaves it for DiskHealth to retry. True when it reached the disk. */
  private persist(): boolean {
    return this.disk.write('settings', () => this.writeNow());
  }

  private writeNow(): void {
    ensurePrivateDir(this.dir);
    if (this.aside) {
      if (existsSync(this.path)) moveAside(this.path, this.aside.label, this.aside.at);
      this.aside = null;
    }
    this.backend ??= new this.Backend({
      cwd: this.dir,
      configName: STORE_NAME,
      name: STORE_NAME,
      schema: confSchema(),
      configFileMode: PRIVATE_FILE,
    });
    this.backend.store = structuredClone(this.data) as unknown as Record<string, unknown>;
    makePrivate(this.path); // a file written before files were private keeps its old mode otherwise
  }

  private commit(next: StoreData, mustSave = false): void {
    const parsed = StoreDataSchema.safeParse(next);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `\`${i.path.join('/')}\` ${i.message}`).join('; ');
      throw new Error(`Config schema violation: ${issues}`);
    }
    const before = this.data;
    this.data = parsed.data;
    if (this.persist() || !mustSave) return;
    this.data = before;
    const p = this.disk.problem('settings');
    throw new AppFailure(
      'storage',
      `Proxydeck could not save this to ${this.dir}: ${diskReason(p?.kind ?? 'other', p?.code)}. ` +
        `${diskFix(p?.kind ?? 'other')}, then try again.`,
    );
  }

  settings(): Settings {
    return structuredClone(this.data.settings);
  }

  setSettings(settings: Settings): void {
    this.commit({ ...this.data, settings });
  }

  accounts(): AccountMeta[] {
    return structuredClone(this.data.accounts);
  }

  /** `mustSave`: refuse (AppFailure 'storage') rather than keep the change only in memory. */
  setAccounts(accounts: AccountMeta[], opts: { mustSave?: boolean } = {}): void {
    this.commit({ ...this.data, accounts }, opts.mustSave);
  }

  demoDismissed(): boolean {
    return this.data.demoDismissed;
  }

  setDemoDismissed(v: boolean): void {
    this.commit({ ...this.data, demoDismissed: v });
  }
}
