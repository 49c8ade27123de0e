/**
 * The backups of the business data as the window sees them (issue 16 §5): the good ones, newest first
 * (a damaged backup is left out, so the list never offers one that cannot be restored), and a restore
 * that backs the current file up first (BusinessStore.restore → replace), so a restore can be undone.
 */
import type { BackupInfo } from '../../../preload/contract/userdata';
import { AppFailure } from '../errors';
import { compareBackupNames } from './business-backups';
import type { BusinessStore } from './business-store';

export class BackupService {
  constructor(private readonly store: BusinessStore) {}

  /** Newest first, in the one backup order (business-backups.ts compareBackupNames). */
  list(): BackupInfo[] {
    return this.store
      .backups()
      .map((b) => ({ name: b.name, at: b.at, customers: b.customers, items: b.items }))
      .sort((a, b) => compareBackupNames(b.name, a.name));
  }

  restore(name: string): void {
    if (!this.store.backups().some((b) => b.name === name))
      throw new AppFailure('not_found', 'That backup is missing or damaged. Choose another one from the list.');
    this.store.restore(name);
  }
}
