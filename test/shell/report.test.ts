/**
 * The fake's command-line interface (used by the packaging dry run): `node --import register.mjs <main>`
 * with FAKE_ELECTRON_REPORT writes a JSON summary of the start and exits 0, or non-zero with the error.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../preload/contract/channels';
import { tempDir } from '../helpers/tmp';
import { MAIN } from './harness';

const REGISTER = pathToFileURL(join(import.meta.dirname, '../helpers/fake-electron/register.mjs')).href;
const tmp = tempDir('proxydeck-report-');
afterAll(() => tmp.cleanup());

async function run(main: string, name: string, extra: Record<string, string> = {}) {
  const report = join(tmp.dir, `${name}.json`);
  const env = {
    ...process.env,
    PROXYDECK_USER_DATA: join(tmp.dir, `${name}-data`),
    FAKE_ELECTRON_REPORT: report,
    ...extra,
  };
  const done = await promisify(execFile)(process.execPath, ['--import', REGISTER, main], { env, timeout: 30_000 })
    .then(() => ({ code: 0, stderr: '' }))
    .catch((e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }));
  return { ...done, report: JSON.parse(readFileSync(report, 'utf8')) as Record<string, unknown> };
}

describe('FAKE_ELECTRON_REPORT', () => {
  it('the built main starts: exit 0, with its window, load and channels', async () => {
    const { code, report } = await run(MAIN, 'ok');
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, started: true, errors: [], exit: { code: 0, reason: 'quit' } });
    expect(report.loadURL).toEqual([{ window: 'BrowserWindow#1', url: 'app://proxydeck/index.html' }]);
    expect(
      (report.windows as { options: { webPreferences: { sandbox: boolean } } }[])[0]!.options.webPreferences.sandbox,
    ).toBe(true);
    expect(report.channels).toEqual([...CHANNELS].sort());
    expect(report.protocols).toEqual(['app']);
  });

  it('a main that throws while loading: non-zero, and the error is in the report', async () => {
    const bad = join(tmp.dir, 'bad-main.mjs');
    writeFileSync(bad, "import { app } from 'electron';\napp.whenReady();\nthrow new Error('broken at load');\n");
    const { code, report, stderr } = await run(bad, 'bad');
    expect(code).not.toBe(0);
    expect(report.ok).toBe(false);
    expect(String(report.errors)).toContain('broken at load');
    expect(stderr).toContain('broken at load');
  });

  it('a main whose dependency is missing: non-zero, with the module named', async () => {
    const bad = join(tmp.dir, 'missing-dep.mjs');
    writeFileSync(bad, "import 'electron';\nimport 'no-such-package-for-the-fake';\n");
    const { code, report } = await run(bad, 'missing');
    expect(code).not.toBe(0);
    expect(String(report.errors)).toContain('no-such-package-for-the-fake');
  });

  it('a main that never opens a window: non-zero after the start timeout', async () => {
    const idle = join(tmp.dir, 'idle-main.mjs');
    writeFileSync(idle, "import { app } from 'electron';\nawait app.whenReady();\nsetInterval(() => {}, 1000);\n");
    const { code, report } = await run(idle, 'idle', { FAKE_ELECTRON_START_TIMEOUT_MS: '300' });
    expect(code).not.toBe(0);
    expect(String(report.errors)).toContain('no window loaded');
  });

  it('a main that just ends: non-zero, said in the report', async () => {
    const empty = join(tmp.dir, 'empty-main.mjs');
    writeFileSync(empty, "import 'electron';\n");
    const { code, report } = await run(empty, 'empty');
    expect(code).not.toBe(0);
    expect(report).toMatchObject({ ok: false, started: false, exit: { reason: 'process ended' } });
  });
});
