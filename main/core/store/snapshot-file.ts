import { rmSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AccountSnapshot, ProxyEndpoint } from '../../../preload/contract/model';
import { ColumnsEncoder, type ProxyColumns } from '../../../preload/contract/proxy-columns';
import { writeFileAtomic } from '../renewals/atomic-file';
import type { SnapshotCodec } from '../secrets/snapshot-codec';
import { PRIVATE_FILE } from './private-files';
import { diskColumns } from './snapshot-columns';

/**
 * The snapshot file format and its writers. One file per account, `<id>.json`, compact JSON:
 *
 *   {"v":3,"snapshot":{...every section but the IPs, sealed; "proxies":[]},"columns":{...},"passwords":{...}}
 *
 * The IPs are columns (./snapshot-columns.ts): ~8 MB for 100,000 instead of ~36 MB of objects, and
 * read back in ~25 ms. Older files (v2: the IPs as objects in sealed parts, `more`; v1: what conf
 * wrote, `{ "snapshot": {...} }`) are still read; the next save writes v3.
 *
 * Writing streams the JSON in slices of at most SLICE_MS of work (the columns are built PART_SIZE IPs
 * at a time), yielding to the event loop between slices, into a temp file (0600) that is fsynced and
 * renamed over the old one: a crash leaves the old file or the new one.
 */

export const FORMAT_VERSION = 3;
/** IPs turned into columns per step (then the writer checks the clock). */
export const PART_SIZE = 5_000;
/** Work done between two yields to the event loop. */
export const SLICE_MS = 8;
/** Bytes gathered before each write to the temp file. */
const WRITE_CHUNK = 1 << 20;
/** Array items serialised per step (each step then checks the clock). */
const STEP_ITEMS = 2_000;

/** More IPs of a large account in a v2 file, each part sealed on its own. */
export interface SnapshotPart {
  proxies: unknown[];
  secrets?: string;
}

/** What a writer saves: every section but the IPs, and the IPs as objects and/or columns. */
export interface SnapshotToWrite {
  head: Omit<AccountSnapshot, 'proxies'>;
  proxies?: readonly ProxyEndpoint[];
  columns?: ProxyColumns;
  /** Called with the columns once built (so they are built once: 'snapshots:get' sends them). */
  onColumns?: (c: ProxyColumns) => void;
}

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/** The JSON text of a value, in pieces; arrays are cut into steps so the caller can yield between them. */
function* pieces(value: unknown): Generator<string> {
  if (Array.isArray(value)) {
    if (value.length <= STEP_ITEMS) {
      yield JSON.stringify(value);
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i += STEP_ITEMS) {
      const step = JSON.stringify(value.slice(i, i + STEP_ITEMS));
      yield (i === 0 ? '' : ',') + step.slice(1, -1);
    }
    yield ']';
    return;
  }
  if (value && typeof value === 'object' && !('toJSON' in value)) {
    yield '{';
    let first = true;
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      yield `${first ? '' : ','}${JSON.stringify(k)}:`;
      first = false;
      yield* pieces(v);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

/** The whole file's text, in pieces: the columns built a part at a time, the passwords sealed at the end. */
export function* filePieces(w: SnapshotToWrite, codec: SnapshotCodec): Generator<string> {
  yield `{"v":${FORMAT_VERSION},"snapshot":`;
  yield* pieces(codec.seal({ ...w.head, proxies: [] }));
  let cols = w.columns;
  if (!cols) {
    const proxies = w.proxies ?? [];
    const enc = new ColumnsEncoder();
    for (let i = 0; i < proxies.length; i += PART_SIZE) {
      enc.add(proxies, i, Math.min(i + PART_SIZE, proxies.length));
      yield '';
    }
    const steps = enc.finishing();
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) {
        cols = r.value;
        break;
      }
      yield '';
    }
    w.onColumns?.(cols);
  }
  yield '';
  const disk = diskColumns(w.head.accountId, cols, codec);
  yield ',"columns":';
  yield* pieces(disk.columns);
  yield ',"passwords":';
  yield* pieces(disk.passwords);
  yield '}';
}

/** The whole file's text at once (the synchronous retry path). */
export function fileText(w: SnapshotToWrite, codec: SnapshotCodec): string {
  return [...filePieces(w, codec)].join('');
}

/** Writes synchronously, atomically (temp + fsync + rename + folder fsync). Throws disk errors. */
export function writeSnapshotSync(path: string, w: SnapshotToWrite, codec: SnapshotCodec): void {
  writeFileAtomic(path, fileText(w, codec));
}

/**
 * Writes without holding the event loop: serialises in slices, writes to a temp file, fsyncs it and
 * renames it over `path` unless `stillWanted()` says otherwise by then (a newer save or a delete came
 * in: the temp file is dropped). Resolves true when renamed. Rejects with the disk error, leaving the
 * old file and no temp file.
 */
export async function writeSnapshotAsync(
  path: string,
  w: SnapshotToWrite,
  codec: SnapshotCodec,
  stillWanted: () => boolean,
): Promise<boolean> {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  let renamed = false;
  try {
    const fh = await open(tmp, 'w', PRIVATE_FILE);
    try {
      let buf: string[] = [];
      let size = 0;
      let sliceStart = performance.now();
      for (const piece of filePieces(w, codec)) {
        buf.push(piece);
        size += piece.length;
        if (size >= WRITE_CHUNK) {
          await fh.write(buf.join(''));
          buf = [];
          size = 0;
          sliceStart = performance.now();
        } else if (performance.now() - sliceStart > SLICE_MS) {
          await yieldNow();
          sliceStart = performance.now();
        }
      }
      if (size > 0) await fh.write(buf.join(''));
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (!stillWanted()) return false;
    await rename(tmp, path);
    renamed = true;
  } finally {
    if (!renamed) await rm(tmp, { force: true }).catch(() => {});
  }
  await fsyncDirAsync(dirname(path));
  return true;
}

async function fsyncDirAsync(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // best effort: some file systems refuse fsync on folders
  }
}

/** Removes a file if present (sync; throws disk errors other than "absent"). */
export function removeFile(path: string): void {
  rmSync(path, { force: true });
}

/**
 * A cheap look for proxy passwords (or secret detail fields) in plain text, without parsing: a value
 * of a "...pass.../pwd/secret/token" key that is a string not starting with "enc:" (sealed values are
 * "enc:ref", blobs "enc:v1:..."). False = surely none; true = parse and check for real. Reads the file
 * asynchronously and scans it in slices, yielding between them.
 */
const PLAIN_SECRET = /"[^"]*(?:pass|pwd|secret|token)[^"]*"\s*:\s*"(?!enc:)|"plain":\{"text":/i;
const SCAN_SLICE = 1 << 20;

export async function mayHoldPlainSecrets(path: string): Promise<boolean> {
  const text = await readFile(path, 'utf8');
  for (let at = 0; at < text.length; at += SCAN_SLICE) {
    // Overlap by a little so a key cut by the slice edge is still seen whole.
    if (PLAIN_SECRET.test(text.slice(Math.max(0, at - 256), at + SCAN_SLICE))) return true;
    await yieldNow();
  }
  return false;
}
