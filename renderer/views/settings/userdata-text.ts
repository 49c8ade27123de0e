/**
 * Pure helpers of Settings → "Your data": how a backup's time reads, the passphrase strength hint, and
 * the translation key of the import refusals main words in English (so zh-CN shows them in Chinese).
 */
import type { AppError } from '../../../preload/contract/errors';
import { MIN_PASSPHRASE, PASSPHRASE_TEXT } from '../../../preload/contract/userdata';

export type Strength = 'weak' | 'fair' | 'strong';

/** A rough, honest hint: length counts most, then a mix of kinds of characters. */
export function passphraseStrength(p: string): Strength {
  const n = [...p].length;
  // Kinds of characters; letters of a large script (CJK and the like) count twice, as each is one of thousands.
  const kinds =
    [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((r) => r.test(p)).length +
    (/[^\p{Script=Latin}\P{L}]/u.test(p) ? 2 : 0);
  if (n < MIN_PASSPHRASE || (kinds < 2 && n < 14)) return 'weak';
  if (n >= 16 || (n >= 12 && kinds >= 3)) return 'strong';
  return 'fair';
}

/** `YYYY-MM-DD` (a day's first copy) or `YYYY-MM-DDTHH:MM:SS` (a copy made before a restore or import). */
export function backupWhen(at: string): { day: string; time: string | null } {
  const [day = at, time] = at.split('T');
  return { day, time: time ? time.slice(0, 5) : null };
}

const KNOWN: [RegExp, string][] = [
  [new RegExp(`^${PASSPHRASE_TEXT.wrong.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), 'userdata.import.wrongPassphrase'],
  [/^This file is not a Proxydeck export/, 'userdata.import.notExport'],
  [/^This file was made by a newer version/, 'userdata.import.newer'],
  [/^This export file is damaged|^The keys in this file are damaged/, 'userdata.import.damaged'],
  [/^This preview is no longer valid/, 'userdata.import.expired'],
  [/^Use a passphrase of at least/, 'userdata.export.tooShort'],
];

/** The i18n key of a refusal of the import or export, or null (then the shared error text is used). */
export function knownErrorKey(error: AppError): string | null {
  if (error.code !== 'invalid_argument' && error.code !== 'not_found') return null;
  return KNOWN.find(([re]) => re.test(error.message))?.[1] ?? null;
}
