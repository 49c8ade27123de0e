/**
 * The process guard: an unhandled rejection or uncaught exception is logged (redacted), shown once
 * as a plain notice, and does not end the process. Tested on a stand-in process object: the real
 * one belongs to Vitest, which itself fails the run on any unhandled rejection (checked by hand: a
 * deliberate `Promise.reject()` in a scratch test made `vitest run` exit 1 with "Unhandled Errors").
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileDestination, REDACT_PATHS } from '../../main/core/logging/logger';
import { ProcessGuard } from '../../main/core/process-guard';
import { UNEXPECTED_NOTICE } from '../../preload/contract/notices';
import { errorsEn } from '../../renderer/i18n/errors.en';
import { errorsZhCN } from '../../renderer/i18n/errors.zh-CN';
import { noticeText } from '../../renderer/lib/error-text';
import { tempDir } from '../helpers/tmp';
import { type DiskEnv, ok, startCore } from './disk-env';

let dir: string;
let cleanup: () => void;
let env: DiskEnv | null = null;
beforeEach(() => ({ dir, cleanup } = tempDir('proxydeck-guard-')));
afterEach(async () => {
  await env?.close();
  env = null;
  cleanup();
});

describe('ProcessGuard', () => {
  it('logs an unhandled rejection through the redacted log, shows one plain notice, and keeps running', () => {
    const file = join(dir, 'main.log');
    const dest = new FileDestination(file);
    const guard = new ProcessGuard(pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, dest));
    const proc = new EventEmitter(); // stands in for `process`
    const stop = guard.install(proc as unknown as NodeJS.Process);
    let changes = 0;
    guard.onChange(() => changes++);
    const secretish = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      password: 'never-logged',
    });
    proc.emit('unhandledRejection', secretish, Promise.resolve());
    proc.emit('uncaughtException', new TypeError('x is undefined'), 'uncaughtException');
    dest.close();
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.kind, l.err.code ?? null, l.err.message])).toEqual([
      ['unhandledRejection', 'ENOSPC', 'ENOSPC: no space left on device, write'],
      ['uncaughtException', null, 'x is undefined'],
    ]);
    expect(readFileSync(file, 'utf8')).not.toContain('never-logged');
    expect(guard.notices()).toEqual([UNEXPECTED_NOTICE]);
    expect(changes).toBe(1);
    expect(guard.caught).toBe(2);
    stop();
    expect(proc.listenerCount('unhandledRejection')).toBe(0);
    expect(proc.listenerCount('uncaughtException')).toBe(0);
  });

  it('its notice reaches the window while running (app:info + notices-changed), in English and Chinese', async () => {
    const guard = new ProcessGuard();
    env = await startCore(dir, { guard });
    guard.report('unhandledRejection', new Error('late failure'));
    expect(env.events).toContainEqual({ type: 'notices-changed' });
    expect(ok(await env.call('app:info')).notices).toContain(UNEXPECTED_NOTICE);
    const t = (key: string) => (key === 'errorText.unexpected' ? errorsZhCN.errorText.unexpected : key);
    expect(noticeText(UNEXPECTED_NOTICE, 'zh-CN', t)).toBe(errorsZhCN.errorText.unexpected);
    expect(errorsEn.errorText.unexpected).toBe(UNEXPECTED_NOTICE);
  });
});
