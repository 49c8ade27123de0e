import {
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { PRIVATE_FILE } from '../store/private-files';

/**
 * Replaces a file so that a crash leaves either the old or the new content, never half of each:
 * write a temp file next to it, fsync it, rename over the target, then fsync the folder so the
 * rename itself survives a power cut. Synchronous on purpose: the journal entry must be on disk
 * before the vendor request leaves, and sync calls keep that ordering obvious.
 * A failed write (full disk, read-only folder...) throws and leaves the old file and no temp file.
 * Files are private (0600).
 */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  const fd = openSync(tmp, 'w', PRIVATE_FILE);
  try {
    try {
      writeAll(fd, Buffer.from(content, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDir(dirname(path));
}

/**
 * Appends one line and fsyncs it (audit log). If the file ends mid-line (a write cut short by a power
 * loss), a line break goes first, so the torn line stays alone and this one stays readable. A write
 * that fails half-way (disk full) is cut back off, so the file never keeps half a line from us.
 */
export function appendLineDurable(path: string, line: string): void {
  const fd = openSync(path, 'a+', PRIVATE_FILE);
  let size = -1;
  try {
    size = fstatSync(fd).size;
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    writeAll(fd, Buffer.from(`${prefix}${line.endsWith('\n') ? line : `${line}\n`}`, 'utf8'));
    fsyncSync(fd);
  } catch (e) {
    if (size >= 0) {
      try {
        ftruncateSync(fd, size);
      } catch {
        // nothing more can be done; the torn line is counted as damaged when read
      }
    }
    throw e;
  } finally {
    closeSync(fd);
  }
}

/** writeSync may write less than asked (a disk filling up): keep going until all is written or it throws. */
function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) {
    const n = writeSync(fd, buf, off, buf.length - off);
    if (n <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    off += n;
  }
}

function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: some file systems refuse fsync on folders.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
