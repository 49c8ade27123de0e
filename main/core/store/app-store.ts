import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Settings } from '../../../preload/contract/schemas';
import { migrate } from './migrations';
import { type BackendCtor, type BackendStore, moveAside, readJsonFile } from './open-file';
import { type AccountMeta, confSchema, DEFAULT_STORE, type StoreData, StoreDataSchema } from './schema';

export const STORE_NAME = 'proxydeck';

/**
 * Settings and account metadata (never secrets), in `<dir>/proxydeck.json`.
 *
 * Opening: a damaged file, or one that fails the schema, is moved aside with a timestamp and
 * reported in `notices` (shown by the app); an older file is migrated. Writing: every change is
 * validated by the backend's JSON schema (derived from the zod schema) before it reaches disk.
 */
export class AppStore {
  readonly notices: string[] = [];
  private readonly backend: BackendStore;

  constructor(dir: string, Backend: BackendCtor, now: () => Date = () => new Date()) {
    const { data, problem } = readJsonFile(dir, STORE_NAME);
    if (problem) this.notices.push(movedNotice(problem.movedTo, problem.reason));
    if (data) this.prepare(dir, data, now);
    this.backend = new Backend({
      cwd: dir,
      configName: STORE_NAME,
      name: STORE_NAME,
      schema: confSchema(),
      defaults: DEFAULT_STORE as unknown as Record<string, unknown>,
    });
  }

  /** Migrates and validates an existing file in place, or moves it aside. */
  private prepare(dir: string, data: Record<string, unknown>, now: () => Date): void {
    const path = join(dir, `${STORE_NAME}.json`);
    try {
      const outcome = migrate(data);
      const parsed = StoreDataSchema.safeParse(outcome.data);
      if (!parsed.success) {
        const movedTo = moveAside(path, 'invalid', now());
        this.notices.push(movedNotice(movedTo, 'some of its values are not valid'));
        return;
      }
      if (outcome.migrated) {
        // Keep the old file next to the new one: a migration must never be the only copy.
        const backup = moveAside(path, `v${outcome.from}-backup`, now());
        writeFileSync(path, JSON.stringify(parsed.data, null, '\t'));
        this.notices.push(
          `Your settings were updated from an older version of Proxydeck. A copy of the old file is kept as ${basename(backup)}.`,
        );
      }
    } catch {
      const movedTo = moveAside(path, 'unsupported', now());
      this.notices.push(movedNotice(movedTo, 'it was written by a newer version of Proxydeck'));
    }
  }

  get path(): string {
    return this.backend.path;
  }

  private read(): StoreData {
    // The backend validated on open and validates every write; parse once more so a file edited
    // while the app runs cannot hand the app an unexpected shape.
    const parsed = StoreDataSchema.safeParse(this.backend.store);
    return parsed.success ? parsed.data : DEFAULT_STORE;
  }

  settings(): Settings {
    return this.read().settings;
  }

  setSettings(settings: Settings): void {
    this.backend.set('settings', settings);
  }

  accounts(): AccountMeta[] {
    return this.read().accounts;
  }

  setAccounts(accounts: AccountMeta[]): void {
    this.backend.set('accounts', accounts);
  }

  demoDismissed(): boolean {
    return this.read().demoDismissed;
  }

  setDemoDismissed(v: boolean): void {
    this.backend.set('demoDismissed', v);
  }
}

function movedNotice(movedTo: string, reason: string): string {
  return `Proxydeck could not use its settings file because ${reason}. It was kept as ${basename(movedTo)} and fresh settings were started. Your API keys are safe in the system keychain; re-add your accounts if they are missing.`;
}
