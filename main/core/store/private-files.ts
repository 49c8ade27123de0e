import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Everything under the data folder is private to the user: files 0600, folders 0700 (Linux, macOS).
 * The settings, snapshots (proxy passwords), logs, journal and audit log are nobody else's business.
 * Windows: skipped — POSIX modes mean nothing there; the profile folder's NTFS ACLs already limit
 * access to the user.
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

const posix = (platform: NodeJS.Platform) => platform !== 'win32';

/** Creates a folder (and its parents) if needed, and makes it 0700. Throws disk errors. */
export function ensurePrivateDir(dir: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (posix(platform)) chmodSync(dir, PRIVATE_DIR);
}

/** Makes one file 0600 (best effort: a file that vanished or a read-only disk is left as it is). */
export function makePrivate(path: string, platform: NodeJS.Platform = process.platform): void {
  if (!posix(platform)) return;
  try {
    chmodSync(path, PRIVATE_FILE);
  } catch {
    // best effort
  }
}

/**
 * Tightens a whole folder once (start-up): files written by older versions were 0644 in 0755 folders.
 * Symbolic links are not followed. Returns how many entries were changed; errors are skipped (a
 * read-only disk is reported by the first failed save, not here).
 */
export function tightenTree(root: string, platform: NodeJS.Platform = process.platform): number {
  if (!posix(platform)) return 0;
  let changed = 0;
  const visit = (path: string, depth: number) => {
    let st: ReturnType<typeof lstatSync>;
    try {
      st = lstatSync(path);
    } catch {
      return;
    }
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? PRIVATE_DIR : PRIVATE_FILE;
    if (st.isDirectory() || st.isFile()) {
      if ((st.mode & 0o777) !== want) {
        try {
          chmodSync(path, want);
          changed += 1;
        } catch {
          // best effort
        }
      }
    }
    if (!st.isDirectory() || depth > 32) return;
    let names: string[] = [];
    try {
      names = readdirSync(path);
    } catch {
      return;
    }
    for (const name of names) visit(join(path, name), depth + 1);
  };
  visit(root, 0);
  return changed;
}
