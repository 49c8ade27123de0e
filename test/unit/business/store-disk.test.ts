/**
 * The disk misbehaving under the store: a crash in the middle of writing, a disk that refuses. node:fs is
 * wrapped so one write can be cut off half-way (the rest of the file system is real).
 */
import * as realFs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const fault = vi.hoisted(() => ({
  /** Set: the next writeSync whose data contains `marker` misbehaves. */
  marker: null as string | null,
  kind: 'crash' as 'crash' | 'enospc',
  /** Set: renaming business.json away is refused (a read-only disk at start-up). */
  refuseMoveAside: false,
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = (fd: number, buf: Buffer, off = 0, len = buf.length - off) => {
    if (fault.marker && Buffer.isBuffer(buf) && buf.includes(fault.marker)) {
      fault.marker = null;
      if (fault.kind === 'enospc') {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      // Half the bytes reach the disk, then the process "dies".
      fs.writeSync(fd, buf, off, Math.floor(len / 2));
      throw new Error('simulated crash');
    }
    return fs.writeSync(fd, buf, off, len);
  };
  const renameSync = (from: string, to: string) => {
    if (fault.refuseMoveAside && String(from).endsWith('business.json')) {
      throw Object.assign(new Error('EROFS: read-only file system, rename'), { code: 'EROFS' });
    }
    return fs.renameSync(from, to);
  };
  return { ...fs, default: { ...fs, writeSync, renameSync }, writeSync, renameSync };
});

const { BusinessStore, damagedPath } = await import('../../../main/core/business/business-store');
const { clock, sample, tempDir, withName } = await import('./store-fixtures');

let t: ReturnType<typeof tempDir>;
afterEach(() => {
  fault.marker = null;
  fault.refuseMoveAside = false;
  t?.cleanup();
});

describe('business store: the disk', () => {
  it('a crash half-way through a write leaves the previous file whole', () => {
    t = tempDir();
    const s = new BusinessStore({ dataDir: t.dir, now: clock().now });
    s.update(withName('Ana'));
    const before = realFs.readFileSync(join(t.dir, 'business.json'), 'utf8');
    fault.kind = 'crash';
    fault.marker = 'CRASH-MARKER';
    expect(() => s.update(withName('CRASH-MARKER'))).toThrow('simulated crash');
    expect(fault.marker).toBeNull(); // the fault did fire
    expect(realFs.readFileSync(join(t.dir, 'business.json'), 'utf8')).toBe(before);
    const after = new BusinessStore({ dataDir: t.dir });
    expect(after.notices()).toEqual([]);
    expect(after.get()).toEqual(sample('Ana'));
  });

  it('a disk that refuses: a plain storage error, the data in memory and on disk unchanged, no listener told', () => {
    t = tempDir();
    const s = new BusinessStore({ dataDir: t.dir, now: clock().now });
    s.update(withName('Ana'));
    let told = 0;
    s.onChange(() => {
      told += 1;
    });
    const before = realFs.readFileSync(join(t.dir, 'business.json'), 'utf8');
    fault.kind = 'enospc';
    fault.marker = 'FULL-DISK';
    let err: unknown = null;
    try {
      s.update(withName('FULL-DISK'));
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'storage' });
    const message = (err as Error).message;
    expect(message).toMatch(/could not be saved: the disk is full .*Nothing was changed/);
    expect(message).not.toMatch(/at .*\.ts|Error:/);
    expect(s.get()).toEqual(sample('Ana'));
    expect(told).toBe(0);
    expect(realFs.readFileSync(join(t.dir, 'business.json'), 'utf8')).toBe(before);
    expect(realFs.readdirSync(t.dir).filter((n) => n.includes('.tmp'))).toEqual([]);
    // Once the disk has room again, the same change goes through.
    expect(s.update(withName('Bo')).customers[0]!.name).toBe('Bo');
  });

  it('a damaged file that cannot be moved aside stays where it is, and is moved before the first save', () => {
    t = tempDir();
    realFs.mkdirSync(t.dir, { recursive: true });
    realFs.writeFileSync(join(t.dir, 'business.json'), '{"version":1,"cust');
    fault.refuseMoveAside = true;
    const c = clock('2026-03-05');
    const s = new BusinessStore({ dataDir: t.dir, now: c.now });
    expect(s.notices()[0]).toContain(`kept unchanged at ${join(t.dir, 'business.json')}`);
    expect(realFs.readFileSync(join(t.dir, 'business.json'), 'utf8')).toBe('{"version":1,"cust');
    // Still refused: the save fails plainly instead of writing over the damaged file.
    expect(() => s.update(withName('Ana'))).toThrow(expect.objectContaining({ code: 'storage' }));
    expect(realFs.readFileSync(join(t.dir, 'business.json'), 'utf8')).toBe('{"version":1,"cust');
    fault.refuseMoveAside = false;
    c.tick();
    s.update(withName('Ana'));
    expect(realFs.readFileSync(damagedPath(t.dir, c.now()), 'utf8')).toBe('{"version":1,"cust');
    expect(new BusinessStore({ dataDir: t.dir }).get()).toEqual(sample('Ana'));
  });
});
