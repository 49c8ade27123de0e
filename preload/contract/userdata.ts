/**
 * Backups and the export / import of all local user data (issue 16 §5): the channel schemas and the
 * answers the window sees. Keys never appear here: an export carries them only sealed with the user's
 * passphrase, and a preview only says whether they are in the file and whether the passphrase opened them.
 */
import { z } from 'zod';
import type { BusinessView } from './business';
import type { VendorId } from './model';

/** The shortest passphrase an export with keys accepts. */
export const MIN_PASSPHRASE = 10;

export const PASSPHRASE_TEXT = {
  short: `Use a passphrase of at least ${MIN_PASSPHRASE} characters.`,
  wrong: 'That passphrase does not open this file. Nothing was imported.',
} as const;

export const BackupRefSchema = z
  .object({ name: z.string().regex(/^business-\d{4}-\d{2}-\d{2}(?:-\d{6})?\.json$/, { message: 'Unknown backup.' }) })
  .strict();

export const UserDataExportSchema = z
  .object({
    includeKeys: z.boolean(),
    passphrase: z.string().max(1000).nullable(),
  })
  .strict()
  .refine((v) => !v.includeKeys || (v.passphrase !== null && [...v.passphrase].length >= MIN_PASSPHRASE), {
    message: PASSPHRASE_TEXT.short,
    path: ['passphrase'],
  });

export const UserDataImportPreviewSchema = z
  .object({ content: z.string().max(200_000_000), passphrase: z.string().max(1000).nullable() })
  .strict();

export const UserDataImportApplySchema = z.object({ previewId: z.string().uuid() }).strict();

/** What a restore answers: the business data as it is now. */
export type RestoredBusiness = BusinessView;

export interface BackupInfo {
  name: string;
  /** The day (and time) the backup was written. */
  at: string;
  customers: number;
  items: number;
}

export interface UserDataExportResult {
  fileName: string;
  content: string;
  /** How many accounts' keys are in the file (sealed); accounts whose key the keychain lacks are left out. */
  keys: number;
}

/**
 * How an account of the file meets this computer: the same account here ('matched', by id, else by
 * vendor + name), added with its key from the file ('new'), or not here and no key to add it ('missing':
 * its items are kept, shown as not known, until the account is added and the file imported again).
 * 'conflict': another vendor's account here has that name (the file's account cannot be added).
 */
export type ImportAccountStatus = 'matched' | 'new' | 'missing' | 'conflict';

export interface ImportAccountLine {
  label: string;
  vendor: VendorId;
  demo: boolean;
  status: ImportAccountStatus;
  /** The name of the matching account here (may differ in case or after a rename). */
  localLabel: string | null;
  /** How many item records (customer, price, keep) of the file belong to it. */
  items: number;
}

export interface ImportCounts {
  /** In the file. */
  total: number;
  /** Not here yet. */
  added: number;
  /** Here, and different in the file. */
  replaced: number;
  /** Here and the same. */
  unchanged: number;
  /** Here and not in the file: gone after the import (kept in the backup made first). */
  removed: number;
}

export interface UserDataImportPreview {
  previewId: string;
  /** Until when Replace works with this preview. */
  expiresAt: string;
  exportedAt: string;
  appVersion: string;
  /** The file's format version; older ones are brought up to date first (`migrated`). */
  fileVersion: number;
  migrated: boolean;
  settingsChanged: boolean;
  accounts: ImportAccountLine[];
  customers: ImportCounts;
  items: ImportCounts;
  /** 'none': the file has no keys; 'locked': it has, and no passphrase was typed; 'opened': the passphrase opened them. */
  keys: 'none' | 'locked' | 'opened';
  /** The connection proxy password is in the file and will be kept in the keychain. */
  proxyPassword: boolean;
}

export interface UserDataImportSummary {
  customers: number;
  items: number;
  settingsApplied: boolean;
  proxyPassword: boolean;
  accountsAdded: string[];
  /** Accounts of the file not on this computer: their items are kept, not linked, until added. */
  accountsMissing: string[];
  accountsFailed: { label: string; message: string }[];
  /** The backup of the business data made just before the import replaced it. */
  backup: string | null;
}
