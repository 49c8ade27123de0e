/**
 * The order of the business backups (issue 16 §5): a copy made before a restore or import later in a day
 * (`business-D-HHMMSS.json`) is newer than that day's first copy (`business-D.json`), although plain text
 * order puts it first. The restore after a damaged file and the list in the window use the one order.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupService } from '../../../main/core/business/backup-service';
import { BusinessBackups, compareBackupNames } from '../../../main/core/business/business-backups';
import type { BusinessStore } from '../../../main/core/business/business-store';
import { sample, tempDir } from './store-fixtures';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function backupsWith(files: Record<string, string>): BusinessBackups {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const b = new BusinessBackups(t.dir);
  mkdirSync(b.dir, { recursive: true });
  for (const [name, who] of Object.entries(files)) writeFileSync(join(b.dir, name), JSON.stringify(sample(who)));
  return b;
}

describe('backup order', () => {
  it('orders by day, then time, the day’s first copy before its timed ones', () => {
    const names = [
      'business-2026-03-03-101500.json',
      'business-2026-03-02.json',
      'business-2026-03-03.json',
      'business-2026-03-03-090000.json',
      'business-2026-03-02-235959.json',
    ];
    expect([...names].sort(compareBackupNames)).toEqual([
      'business-2026-03-02.json',
      'business-2026-03-02-235959.json',
      'business-2026-03-03.json',
      'business-2026-03-03-090000.json',
      'business-2026-03-03-101500.json',
    ]);
  });

  it('restores the copy made before an import later that day, not the day’s first copy', () => {
    const b = backupsWith({
      'business-2026-03-02.json': 'Old',
      'business-2026-03-03.json': 'Morning',
      'business-2026-03-03-141500.json': 'BeforeImport',
    });
    const newest = b.newestGood();
    expect(newest?.name).toBe('business-2026-03-03-141500.json');
    expect(newest?.data.customers[0]?.name).toBe('BeforeImport');
    expect(b.list().map((x) => x.name)).toEqual([
      'business-2026-03-03-141500.json',
      'business-2026-03-03.json',
      'business-2026-03-02.json',
    ]);
  });

  it('the window’s list uses the same order as the restore', () => {
    const b = backupsWith({
      'business-2026-03-03.json': 'Morning',
      'business-2026-03-03-141500.json': 'BeforeImport',
      'business-2026-03-01-080000.json': 'Older',
    });
    const store = { backups: () => b.list() } as unknown as BusinessStore;
    const listed = new BackupService(store).list().map((x) => x.name);
    expect(listed).toEqual([...b.names()].reverse());
    expect(listed[0]).toBe(b.newestGood()?.name);
  });
});
