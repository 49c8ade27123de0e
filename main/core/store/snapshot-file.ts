import { rmSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AccountSnapshot } from '../../../preload/contract/model';
import { writeFileAtomic } from '../renewals/atomic-file';
import type { SealedSnapshot, SnapshotCodec } from '../secrets/snapshot-codec';
import { PRIVATE_FILE } from './private-files';

/**
 * The snapshot file format and its writers. One file per account, `<id>.json`:
 *
 *   {"v":2,"snapshot":{...sealed snapshot, its first PART_SIZE IPs},"more":[{"proxies":[...],"secrets":"..."}]}
 *
 * Compact JSON (no indentation). `snapshot` is what conf used to write (`{ "snapshot": {...} }`, read
 * the same way); `more` carries the rest of a large account's IPs, each part sealed on its own so no
 * single seal (or serialisation step) holds the event loop for long.
 *
 * Writing streams the JSON in slices of at most SLICE_MS of work, yielding to the event loop between
 * slices, into a temp file (0600) that is fsynced and renamed over the old one: a crash leaves the old
 * file or the new one. JSON.stringify of the whole 36 MB object would itself block for ~100 ms, and a
 * worker thread would pay the same again in structured clone on the main side, so neither is used.
 */

export const FORMAT_VERSION = 2;
/** IPs per sealed part: one seal of 5,000 IPs costs ~8 ms here. */
export const PART_SIZE = 5_000;
/** Work done between two yields to the event loop. */
export const SLICE_MS = 8;
/** Bytes gathered before each write to the temp file. */
const WRITE_CHUNK = 1 << 20;
/** Array items serialised per step (each step then checks the clock). */
const STEP_ITEMS = 500;

export interface SnapshotPart {
  proxies: unknown[];
  secrets?: string;
}

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/** True when the codec seals with a key (then parts can be sealed one by one). */
function sealsInParts(codec: SnapshotCodec): boolean {
  return (codec as { sealing?: unknown }).sealing === true;
}

/** A snapshot split for writing: the head (every section, the first part's IPs) and the other parts. */
function split(s: AccountSnapshot, codec: SnapshotCodec): { head: AccountSnapshot; rest: AccountSnapshot[] } {
  if (!sealsInParts(codec) || s.proxies.length <= PART_SIZE) return { head: s, rest: [] };
  const rest: AccountSnapshot[] = [];
  for (let i = PART_SIZE; i < s.proxies.length; i += PART_SIZE) {
    rest.push({ ...emptyLike(s), proxies: s.proxies.slice(i, i + PART_SIZE) });
  }
  return { head: { ...s, proxies: s.proxies.slice(0, PART_SIZE) }, rest };
}

function emptyLike(s: AccountSnapshot): AccountSnapshot {
  return {
    accountId: s.accountId,
    fetchedAt: s.fetchedAt,
    balance: null,
    orders: [],
    proxies: [],
    whitelist: [],
    subUsers: [],
    servers: [],
    traffic: [],
    errors: {},
  };
}

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

/** The whole file's text, in pieces: sealing each part only when its turn comes. */
export function* filePieces(s: AccountSnapshot, codec: SnapshotCodec): Generator<string> {
  const { head, rest } = split(s, codec);
  yield `{"v":${FORMAT_VERSION},"snapshot":`;
  yield* pieces(codec.seal(head));
  if (rest.length > 0) {
    yield ',"more":[';
    for (let i = 0; i < rest.length; i++) {
      const sealed = codec.seal(rest[i]!) as SealedSnapshot;
      const part: SnapshotPart = { proxies: sealed.proxies, ...(sealed.secrets ? { secrets: sealed.secrets } : {}) };
      yield i === 0 ? '' : ',';
      yield* pieces(part);
    }
    yield ']';
  }
  yield '}';
}

/** The whole file's text at once (the synchronous retry path). */
export function fileText(s: AccountSnapshot, codec: SnapshotCodec): string {
  return [...filePieces(s, codec)].join('');
}

/** Writes synchronously, atomically (temp + fsync + rename + folder fsync). Throws disk errors. */
export function writeSnapshotSync(path: string, s: AccountSnapshot, codec: SnapshotCodec): void {
  writeFileAtomic(path, fileText(s, codec));
}

/**
 * Writes without holding the event loop: serialises in slices, writes to a temp file, fsyncs it and
 * renames it over `path` unless `stillWanted()` says otherwise by then (a newer save or a delete came
 * in: the temp file is dropped). Resolves true when renamed. Rejects with the disk error, leaving the
 * old file and no temp file.
 */
export async function writeSnapshotAsync(
  path: string,
  s: AccountSnapshot,
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
      for (const piece of filePieces(s, codec)) {
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
const PLAIN_SECRET = /"[^"]*(?:pass|pwd|secret|token)[^"]*"\s*:\s*"(?!enc:)/i;
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
