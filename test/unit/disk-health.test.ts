/** DiskHealth (retry with backoff, notices) and the disk notices in both languages. */
import { describe, expect, it } from 'vitest';
import { classify, DiskHealth, RETRY_FIRST_MS, RETRY_MAX_MS } from '../../main/core/store/disk-health';
import { DISK_PROBLEMS, diskNotice, parseDiskNotice } from '../../preload/contract/notices';
import { errorsEn } from '../../renderer/i18n/errors.en';
import { errorsZhCN } from '../../renderer/i18n/errors.zh-CN';
import { noticeText, type Translate } from '../../renderer/lib/error-text';

const err = (code: string, path?: string) =>
  Object.assign(new Error(`${code}: failed`), { code, ...(path ? { path } : {}) });

/** Timers the test fires by hand, recording each delay asked for. */
function manualTimers() {
  const delays: number[] = [];
  let pending: (() => void) | null = null;
  return {
    delays,
    fire: () => {
      const fn = pending;
      pending = null;
      fn?.();
    },
    api: {
      setTimeout: (fn: () => void, ms: number) => {
        delays.push(ms);
        pending = fn;
        return delays.length;
      },
      clearTimeout: () => {
        pending = null;
      },
    },
  };
}

describe('DiskHealth', () => {
  it('keeps a refused write, retries it with a growing delay (capped), and clears the notice once it gets through', () => {
    const timers = manualTimers();
    const health = new DiskHealth('/data/Proxydeck', timers.api);
    let changes = 0;
    health.onChange(() => changes++);
    let diskFull = true;
    let written = 0;
    const write = () => {
      if (diskFull) throw err('ENOSPC');
      written += 1;
    };
    expect(health.write('settings', write)).toBe(false);
    expect(health.notices()).toEqual([diskNotice('full', '/data/Proxydeck', 'ENOSPC')]);
    expect(changes).toBe(1);
    for (let i = 0; i < 10; i++) timers.fire();
    expect(timers.delays[0]).toBe(RETRY_FIRST_MS);
    expect(timers.delays[1]).toBe(RETRY_FIRST_MS * 2);
    expect(Math.max(...timers.delays)).toBe(RETRY_MAX_MS);
    expect(changes).toBe(1); // the same problem is not announced again
    diskFull = false;
    timers.fire();
    expect(written).toBe(1);
    expect(health.notices()).toEqual([]);
    expect(changes).toBe(2);
    // The next problem starts from the first delay again.
    diskFull = true;
    health.write('settings', write);
    expect(timers.delays.at(-1)).toBe(RETRY_FIRST_MS);
  });

  it('a newer write under the same key replaces the pending one; a write that succeeds clears its key', () => {
    const timers = manualTimers();
    const health = new DiskHealth('/d', timers.api);
    const got: string[] = [];
    let full = true;
    const writer = (v: string) => () => {
      if (full) throw err('EROFS');
      got.push(v);
    };
    health.write('settings', writer('old'));
    health.write('settings', writer('new'));
    health.write('audit', writer('row'));
    expect(health.unsaved()).toEqual(['settings', 'audit']);
    expect(health.notices()).toEqual([diskNotice('read_only', '/d', 'EROFS')]);
    full = false;
    health.retryNow();
    expect(got).toEqual(['new', 'row']);
    expect(health.unsaved()).toEqual([]);
  });

  it('throws what is not a disk problem (a bug must not hide as "disk full")', () => {
    const health = new DiskHealth('/d', manualTimers().api);
    expect(() =>
      health.write('settings', () => {
        throw new Error('Config schema violation: `theme` must be equal to one of the allowed values');
      }),
    ).toThrow(/schema/);
    expect(health.unsaved()).toEqual([]);
  });

  it('tells the kind of problem from the error code', () => {
    expect(classify(err('ENOSPC'))).toEqual({ kind: 'full', code: 'ENOSPC' });
    expect(classify(err('EDQUOT'))).toEqual({ kind: 'full', code: 'EDQUOT' });
    expect(classify(err('EROFS'))).toEqual({ kind: 'read_only', code: 'EROFS' });
    expect(classify(err('EACCES'))).toEqual({ kind: 'no_permission', code: 'EACCES' });
    expect(classify(err('EPERM'))).toEqual({ kind: 'no_permission', code: 'EPERM' });
    expect(classify(err('ENOTDIR'))).toEqual({ kind: 'missing', code: 'ENOTDIR' });
    expect(classify(err('EIO'))).toEqual({ kind: 'other', code: 'EIO' });
  });
});

describe('disk notices in both languages', () => {
  const tFor =
    (messages: typeof errorsEn): Translate =>
    (key, options) => {
      let v: unknown = messages;
      for (const part of key.split('.')) v = (v as Record<string, unknown>)[part];
      return String(v).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(options?.[k] ?? ''));
    };

  it('every notice is parsed back (also with a Windows folder), and the English i18n text is the same sentence', () => {
    for (const kind of DISK_PROBLEMS) {
      for (const folder of ['/home/ana/.config/Proxydeck', 'C:\\Users\\Ana\\AppData\\Roaming\\Proxydeck']) {
        const text = diskNotice(kind, folder, 'EIO');
        expect(parseDiskNotice(text)).toEqual({ kind, folder, code: kind === 'other' ? 'EIO' : null });
        expect(noticeText(text, 'en', tFor(errorsEn))).toBe(text);
        expect(tFor(errorsEn)(`errorText.disk.${kind}`, { folder, code: 'EIO' })).toBe(text);
      }
    }
    expect(parseDiskNotice('Proxydeck found a problem.')).toBeNull();
  });

  it('zh-CN shows the whole sentence in Chinese, with the folder', () => {
    const text = diskNotice('full', '/home/ana/.config/Proxydeck', 'ENOSPC');
    const zh = noticeText(text, 'zh-CN', tFor(errorsZhCN));
    expect(zh).toBe(
      'Proxydeck 无法保存到 /home/ana/.config/Proxydeck：磁盘已满。请释放该磁盘上的一些空间；Proxydeck 会自动重试。在此之前，新的更改只在 Proxydeck 保持打开期间有效。',
    );
    expect(Object.keys(errorsZhCN.errorText.disk).sort()).toEqual(Object.keys(errorsEn.errorText.disk).sort());
  });
});
