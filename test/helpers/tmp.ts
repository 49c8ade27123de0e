import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder and its cleanup. */
export function tempDir(prefix = 'proxydeck-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // Snapshot writes are streamed in the background: one may still add a file while the folder is being
  // removed (ENOTEMPTY), so the removal retries a few times.
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 }) };
}
