import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { isDiskError } from './disk-health';

/**
 * The store backend: electron-store in Electron, conf in plain Node — the same class underneath
 * (electron-store extends conf), so the core takes the constructor as a parameter and never
 * imports electron.
 */
export interface BackendStore {
  store: Record<string, unknown>;
  set(key: string, value: unknown): void;
  get(key: string): unknown;
  readonly path: string;
}
export type BackendCtor = new (options: {
  cwd: string;
  configName: string;
  /** electron-store's name for configName. */
  name: string;
  schema?: Record<string, unknown>;
  defaults?: Record<string, unknown>;
  clearInvalidConfig?: boolean;
  projectName?: string;
  /** conf's mode for the file it writes (0o666 before the umask by default). */
  configFileMode?: number;
}) => BackendStore;

export interface FileProblem {
  /** Where the unreadable file was moved; null when it could not be moved (read-only disk...). */
  movedTo: string | null;
  reason: string;
}

/** `name.json` → `name.corrupt-2026-11-23T12-00-00-000Z.json`, next to it. */
export function moveAside(path: string, label = 'corrupt', now = new Date()): string {
  const target = asidePath(path, label, now);
  renameSync(path, target);
  return target;
}

/** moveAside, or null when the disk refuses (the file then stays where it is). */
export function tryMoveAside(path: string, label = 'corrupt', now = new Date()): string | null {
  try {
    return moveAside(path, label, now);
  } catch (e) {
    if (isDiskError(e)) return null;
    throw e;
  }
}

/** Where moveAside will put a file (to record it before the move). */
export function asidePath(path: string, label = 'corrupt', now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return path.replace(/\.json$/, `.${label}-${stamp}.json`);
}

/** The start of `readJson`'s reason when the disk refused to read the file. */
export const UNREADABLE = 'it could not be read';

/** Reads a JSON object: the object, null when absent, or why it cannot be used. Moves nothing. */
export function readJson(path: string): { data: Record<string, unknown> | null; reason: string | null } {
  if (!existsSync(path)) return { data: null, reason: null };
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return { data: parsed as Record<string, unknown>, reason: null };
    }
    return { data: null, reason: 'it does not hold settings' };
  } catch (e) {
    if (e instanceof SyntaxError) return { data: null, reason: 'it is not valid JSON' };
    if (isDiskError(e)) return { data: null, reason: `${UNREADABLE} (${e.code})` };
    throw e;
  }
}

/**
 * Reads a JSON file before the backend opens it. Returns the parsed object (or null when absent);
 * a file that is not a JSON object is moved aside (when the disk allows) and reported instead of
 * being lost or reset silently.
 */
export function readJsonFile(
  dir: string,
  name: string,
): { data: Record<string, unknown> | null; problem: FileProblem | null } {
  const path = join(dir, `${name}.json`);
  const { data, reason } = readJson(path);
  if (!reason) return { data, problem: null };
  return { data: null, problem: { movedTo: tryMoveAside(path), reason } };
}
