import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The store backend: electron-store in Electron, conf in plain Node — the same class underneath
 * (electron-store extends conf), so the core takes the constructor as a parameter and never
 * imports electron.
 */
export interface BackendStore {
  readonly store: Record<string, unknown>;
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
}) => BackendStore;

export interface FileProblem {
  /** Where the unreadable file was moved. */
  movedTo: string;
  reason: string;
}

/** `name.json` → `name.corrupt-2026-11-23T12-00-00-000Z.json`, next to it. */
export function moveAside(path: string, label = 'corrupt', now = new Date()): string {
  const target = asidePath(path, label, now);
  renameSync(path, target);
  return target;
}

/** Where moveAside will put a file (to record it before the move). */
export function asidePath(path: string, label = 'corrupt', now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return path.replace(/\.json$/, `.${label}-${stamp}.json`);
}

/**
 * Reads a JSON file before the backend opens it. Returns the parsed object (or null when absent);
 * a file that is not a JSON object is moved aside and reported instead of being lost or reset silently.
 */
export function readJsonFile(
  dir: string,
  name: string,
): { data: Record<string, unknown> | null; problem: FileProblem | null } {
  const path = join(dir, `${name}.json`);
  if (!existsSync(path)) return { data: null, problem: null };
  let reason: string;
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return { data: parsed as Record<string, unknown>, problem: null };
    }
    reason = 'it does not hold settings';
  } catch (e) {
    reason = e instanceof SyntaxError ? 'it is damaged (not valid JSON)' : 'it could not be read';
  }
  return { data: null, problem: { movedTo: moveAside(path), reason } };
}
