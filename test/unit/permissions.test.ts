/**
 * Private files: on Linux and macOS everything under the data folder is 0600 in 0700 folders —
 * settings, snapshots (proxy passwords), the log, the journal, the audit log, reminders — and what an
 * older version wrote (0644 / 0755) is tightened at start-up. Windows has no POSIX modes (NTFS ACLs
 * on the profile folder keep it to the user), so these tests do not run there.
 */
import { chmodSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logFile } from '../../main/core/app-core';
import { createLogger } from '../../main/core/logging/logger';
import { Reminders } from '../../main/core/renewals/reminders';
import { RenewalService } from '../../main/core/renewals/renewal-service';
import { tightenTree } from '../../main/core/store/private-files';
import { tempDir } from '../helpers/tmp';
import { type DiskEnv, liveIps, ok, startCore } from './disk-env';

const windows = process.platform === 'win32';
let dir: string;
let cleanup: () => void;
let env: DiskEnv | null = null;
beforeEach(() => ({ dir, cleanup } = tempDir('proxydeck-perm-')));
afterEach(async () => {
  await env?.close();
  env = null;
  cleanup();
});

/** Every entry under a folder with its permission bits, e.g. ['snapshots', 0o700]. */
function modes(root: string, base = root): [string, number][] {
  return readdirSync(root, { withFileTypes: true }).flatMap((d): [string, number][] => {
    const path = join(root, d.name);
    const entry: [string, number] = [path.slice(base.length + 1), statSync(path).mode & 0o777];
    return d.isDirectory() ? [entry, ...modes(path, base)] : [entry];
  });
}

const loose = (list: [string, number][]) =>
  list.filter(([name, mode]) => mode !== (statSync(join(dir, name)).isDirectory() ? 0o700 : 0o600));

describe.skipIf(windows)(`private files${windows ? ' — skipped on Windows: NTFS ACLs, not POSIX modes' : ''}`, () => {
  it('everything Proxydeck writes is 0600 in 0700 folders, whatever the umask', async () => {
    const umask = process.umask(0o002); // a permissive umask must not loosen anything
    try {
      env = await startCore(dir, { log: createLogger({ file: logFile(dir) }) });
      const { id } = ok(
        await env.call('accounts:add', { vendor: 'youproxy', label: 'Shop', credentials: env.sim.credentials }),
      );
      await env.core.refresh.idle();
      env.sim.setBalance(100_000);
      const svc = new RenewalService({ dataDir: dir, accounts: env.core.accounts });
      const q = await svc.quote([{ accountId: id, targets: liveIps(env.sim), periodId: '30' }]);
      await svc.execute({ quoteId: q.quoteId, totals: q.totals });
      const now = Date.now();
      new Reminders(dir, { now: () => new Date(now) }).check([
        {
          accountId: id,
          accountLabel: 'Shop',
          vendor: 'youproxy',
          kind: 'ip',
          id: 'x',
          label: '10.0.0.1',
          expiresAt: new Date(now + 86_400_000 / 2).toISOString(),
        },
      ]);
      const all = modes(dir);
      const names = all.map(([n]) => n);
      for (const expected of [
        'proxydeck.json',
        join('snapshots', `${id}.json`),
        join('logs', 'main.log'),
        'audit.jsonl',
        'reminders.json',
        'journal',
      ]) {
        expect(names).toContain(expected);
      }
      expect(names.some((n) => n.startsWith(join('journal', '')) && n.endsWith('.json'))).toBe(true);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(loose(all)).toEqual([]);
    } finally {
      process.umask(umask);
    }
  });

  it('files and folders written before this version (0644 in 0755) are tightened at start-up', async () => {
    const old = (path: string, content: string) => {
      writeFileSync(path, content);
      chmodSync(path, 0o644);
    };
    chmodSync(dir, 0o755);
    for (const sub of ['snapshots', 'logs', 'journal', join('journal', 'archive')]) {
      mkdirSync(join(dir, sub), { recursive: true });
      chmodSync(join(dir, sub), 0o755);
    }
    old(join(dir, 'logs', 'main.log'), '');
    old(join(dir, 'audit.jsonl'), '');
    old(join(dir, 'journal', 'archive', '2025.jsonl'), '');
    old(join(dir, 'snapshots', '0b7f2c1e-5d4a-4e8b-9c3d-2a1f0e9d8c7b.json'), '{"snapshot":null}');
    expect(loose(modes(dir)).length).toBeGreaterThan(5);

    env = await startCore(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(loose(modes(dir))).toEqual([]);
  });

  it('tightenTree does not follow symbolic links out of the data folder', () => {
    const { dir: outside, cleanup: done } = tempDir('proxydeck-outside-');
    try {
      writeFileSync(join(outside, 'theirs.txt'), 'x');
      chmodSync(join(outside, 'theirs.txt'), 0o644);
      symlinkSync(outside, join(dir, 'link'));
      tightenTree(dir);
      expect(statSync(join(outside, 'theirs.txt')).mode & 0o777).toBe(0o644);
    } finally {
      done();
    }
  });
});
