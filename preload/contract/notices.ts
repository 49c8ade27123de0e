/**
 * Notices main shows while running, in plain English: it cannot save to its data folder (full disk,
 * read-only, no permission, a vanished folder), or something unexpected went wrong (process guard).
 * Main builds the sentences here; the renderer recognises them (`parseDiskNotice`, UNEXPECTED_NOTICE)
 * to show the same sentence in the UI language. No runtime imports: shared by both.
 */

/** Shown once when the process guard caught an unhandled rejection or an uncaught exception. */
export const UNEXPECTED_NOTICE =
  'Something went wrong inside Proxydeck (the details are in its log). It keeps running on what it has; ' +
  'if something looks wrong, restart Proxydeck. Your renewals are safe: each one is recorded before it is sent.';
export const DISK_PROBLEMS = ['full', 'read_only', 'no_permission', 'missing', 'other'] as const;
export type DiskProblem = (typeof DISK_PROBLEMS)[number];

const REASONS: Record<DiskProblem, string> = {
  full: 'the disk is full',
  read_only: 'the folder is read-only',
  no_permission: 'Proxydeck is not allowed to write there',
  missing: 'the folder is missing (a drive was removed, or the folder was moved or deleted)',
  other: 'the disk reported an error ({code})',
};

const FIXES: Record<DiskProblem, string> = {
  full: 'Free some space on that disk',
  read_only: 'Make the folder writable again (for example, mount the disk with write access)',
  no_permission: 'Give your user account write access to that folder',
  missing: 'Reconnect the drive or put the folder back',
  other: 'Check the disk',
};

/** Why a save failed, e.g. "the disk is full". */
export function diskReason(kind: DiskProblem, code = 'EIO'): string {
  return REASONS[kind].replace('{code}', code);
}

/** What the user can do about it, e.g. "Free some space on that disk" (no final period). */
export function diskFix(kind: DiskProblem): string {
  return FIXES[kind];
}

const TAIL = '; Proxydeck will try again by itself. Until then, new changes are kept only while Proxydeck stays open.';

/** The notice shown while saving fails (start-up notices and AppInfo.notices). */
export function diskNotice(kind: DiskProblem, folder: string, code = 'EIO'): string {
  return `Proxydeck cannot save to ${folder}: ${diskReason(kind, code)}. ${diskFix(kind)}${TAIL}`;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PATTERNS = DISK_PROBLEMS.map((kind) => {
  const reason = escapeRe(REASONS[kind]).replace(escapeRe('{code}'), '([A-Z0-9_]+)');
  return {
    kind,
    re: new RegExp(`^Proxydeck cannot save to (.+): ${reason}\\. ${escapeRe(FIXES[kind])}${escapeRe(TAIL)}$`, 's'),
  };
});

/** The parts of a notice made by `diskNotice`, or null for any other text. */
export function parseDiskNotice(text: string): { kind: DiskProblem; folder: string; code: string | null } | null {
  for (const { kind, re } of PATTERNS) {
    const m = re.exec(text);
    if (m) return { kind, folder: m[1]!, code: m[2] ?? null };
  }
  return null;
}
