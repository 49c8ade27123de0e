/**
 * The rolling backups of `business.json` in `<dataDir>/backups/`: `business-YYYY-MM-DD.json` holds the
 * file as it was before the first change of that day (local day of the injected clock);
 * `business-YYYY-MM-DD-HHMMSS.json` holds it as it was before a replace (import, restore) later that
 * day. Files of the 7 most recent days are kept. Plain text order is wrong here ('-' sorts before '.', so
 * `business-D-HHMMSS.json` would come before `business-D.json` although it is newer): every list of
 * backups is ordered with `compareBackupNames` (by day, then time; a day's first copy counts as 000000).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../renewals/atomic-file';
import { ensurePrivateDir } from '../store/private-files';
import { type BusinessData, parseBusiness } from './business-schema';

export const KEEP_DAYS = 7;
export const BACKUP_NAME = /^business-(\d{4}-\d{2}-\d{2})(?:-(\d{2})(\d{2})(\d{2}))?\.json$/;

const pad = (n: number) => String(n).padStart(2, '0');
/** The day of a backup name (`YYYY-MM-DD`). */
export const dayOf = (name: string): string => BACKUP_NAME.exec(name)?.[1] ?? '';
export const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** Sort key of a backup name: `YYYY-MM-DDTHHMMSS`, the day's first copy at 000000. */
const backupKey = (name: string): string => {
  const [, day = '', h = '00', mi = '00', se = '00'] = BACKUP_NAME.exec(name) ?? [];
  return `${day}T${h}${mi}${se}`;
};
/** The one order of backups, oldest first: by day, then time (the day's first copy before its timed ones). */
export const compareBackupNames = (a: string, b: string): number => {
  const ka = backupKey(a);
  const kb = backupKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};
const localTime = (d: Date) => `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

export interface BackupInfo {
  name: string;
  /** Local time the backup stands for: `YYYY-MM-DD` (start of that day) or `YYYY-MM-DDTHH:MM:SS`. */
  at: string;
  customers: number;
  items: number;
}

export class BusinessBackups {
  readonly dir: string;
  constructor(dataDir: string) {
    this.dir = join(dataDir, 'backups');
  }

  /** Backup file names, oldest first (the folder may not exist yet). Throws nothing. */
  names(): string[] {
    try {
      return readdirSync(this.dir)
        .filter((n) => BACKUP_NAME.test(n))
        .sort(compareBackupNames);
    } catch {
      return [];
    }
  }

  /** The data of one backup, or null when it is absent, unreadable or damaged. */
  read(name: string): BusinessData | null {
    if (!BACKUP_NAME.test(name)) return null;
    try {
      const r = parseBusiness(JSON.parse(readFileSync(join(this.dir, name), 'utf8')));
      return 'data' in r ? r.data : null;
    } catch {
      return null;
    }
  }

  /** Newest good backup first. */
  newestGood(): { name: string; day: string; data: BusinessData } | null {
    for (const name of this.names().reverse()) {
      const data = this.read(name);
      if (data) return { name, day: dayOf(name), data };
    }
    return null;
  }

  list(): BackupInfo[] {
    return this.names()
      .reverse()
      .flatMap((name) => {
        const data = this.read(name);
        if (!data) return [];
        const [, day = '', h, mi, se] = BACKUP_NAME.exec(name) ?? [];
        const at = h ? `${day}T${h}:${mi}:${se}` : day;
        return [{ name, at, customers: data.customers.length, items: data.items.length }];
      });
  }

  /**
   * Copies the current file (its bytes, unchanged) before a change: as the day's backup when that day
   * has none yet; with `always` (replace) under a timed name when it has. Throws disk errors.
   */
  save(current: string, now: Date, always: boolean): void {
    if (!existsSync(current)) return;
    const day = localDay(now);
    const daily = `business-${day}.json`;
    let name: string | null = null;
    if (!existsSync(join(this.dir, daily))) name = daily;
    else if (always) name = `business-${day}-${localTime(now)}.json`;
    if (!name) return;
    ensurePrivateDir(this.dir);
    writeFileAtomic(join(this.dir, name), readFileSync(current, 'utf8'));
    this.prune();
  }

  /** Removes the files of all but the KEEP_DAYS most recent days (best effort). */
  prune(): void {
    const names = this.names();
    const days = [...new Set(names.map(dayOf))].sort();
    const keep = new Set(days.slice(-KEEP_DAYS));
    for (const n of names) {
      if (keep.has(dayOf(n))) continue;
      try {
        rmSync(join(this.dir, n), { force: true });
      } catch {
        // best effort: an old backup left behind does no harm
      }
    }
  }
}
