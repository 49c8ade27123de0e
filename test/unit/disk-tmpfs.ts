/**
 * A real small tmpfs for the disk tests: full disk (a filler file takes every free byte) and
 * read-only (remount). Needs root (`mount`); CI runs as root. Without it, `mountTmpfs` returns the
 * reason and the tests that need it are skipped with that reason printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Tmpfs {
  /** The mount point (empty at first). */
  root: string;
  /** Takes every free byte: the next write that needs space fails with ENOSPC. */
  fill(): void;
  /** Frees what fill() took. */
  free(): void;
  readOnly(): void;
  writable(): void;
  unmount(): void;
}

const FILLER = '.filler';

export function mountTmpfs(sizeKb = 4096): Tmpfs | string {
  if (process.platform !== 'linux') return `tmpfs mounts need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (CI runs as root)';
  const root = mkdtempSync(join(tmpdir(), 'proxydeck-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', root], { stdio: 'pipe' });
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    return `mount -t tmpfs failed: ${(e as Error).message.split('\n')[0]}`;
  }
  const mount = (opts: string) => execFileSync('mount', ['-o', `remount,${opts}`, root], { stdio: 'pipe' });
  return {
    root,
    fill() {
      try {
        writeFileSync(join(root, FILLER), Buffer.alloc(sizeKb * 1024 + 4096), { flag: 'a' });
      } catch (e) {
        if ((e as { code?: string }).code !== 'ENOSPC') throw e;
      }
    },
    free() {
      rmSync(join(root, FILLER), { force: true });
    },
    readOnly: () => mount('ro'),
    writable: () => mount('rw'),
    unmount() {
      try {
        execFileSync('umount', [root], { stdio: 'pipe' });
      } catch {
        // still busy (a file left open): detach it now, the kernel frees it when the last file closes
        execFileSync('umount', ['-l', root], { stdio: 'pipe' });
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The mount, or null after printing why the tests that need it are skipped. */
export function tmpfsOrSkip(sizeKb?: number): Tmpfs | null {
  const m = mountTmpfs(sizeKb);
  if (typeof m === 'string') {
    console.warn(`Skipping the real-disk tests: ${m}.`);
    return null;
  }
  return m;
}
