/**
 * The backups of the business data through the window's channels (issue 16 §5): listed newest first with
 * what each holds, damaged ones never offered, a restore backs up what it replaces (so it can be undone),
 * a backup damaged after it was listed is refused plainly with nothing changed, and the start-up cases
 * (file damaged with good, damaged or no backups) show a notice in the window.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BusinessData } from '../../../main/core/business/business-store';
import { tempDir } from '../../helpers/tmp';
import { businessFor, movableClock, ok, startCore, type TestCore } from '../../helpers/userdata-fixtures';

const ACC = '55555555-5555-4555-8555-555555555555';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const named = (name: string, customers = 1): BusinessData => {
  const d = businessFor(ACC);
  d.customers = d.customers.slice(0, customers).map((c) => ({ ...c, name }));
  return d;
};
const names = (d: BusinessData) => d.customers.map((c) => c.name);

async function start(dir: string, clock: ReturnType<typeof movableClock>): Promise<TestCore> {
  const c = await startCore(dir, { now: clock.now });
  cleanups.push(() => c.core.shutdown());
  return c;
}

/** Three days of changes: backups of 03-02 (Ana) and 03-03 (Bo, Bo's 2 customers); the file holds Cy. */
async function threeDays() {
  const t = tempDir('pd-backup-');
  cleanups.push(t.cleanup);
  const clock = movableClock('2026-03-01');
  const c = await start(t.dir, clock);
  c.core.business.update(() => named('Ana'));
  clock.day('2026-03-02');
  c.core.business.update(() => named('Bo', 2));
  clock.day('2026-03-03');
  c.core.business.update(() => named('Cy'));
  return { c, dir: t.dir, clock, backupDir: join(t.dir, 'backups') };
}

describe('backups in the window', () => {
  it('lists the good backups newest first, with their day, customers and items', async () => {
    const { c } = await threeDays();
    expect(ok(await c.call('backups:list'))).toEqual([
      { name: 'business-2026-03-03.json', at: '2026-03-03', customers: 2, items: 2 },
      { name: 'business-2026-03-02.json', at: '2026-03-02', customers: 1, items: 2 },
    ]);
  });

  it('never offers a damaged backup: cut short, empty, not business data, or with a bad record', async () => {
    const { c, backupDir } = await threeDays();
    const good = readFileSync(join(backupDir, 'business-2026-03-02.json'), 'utf8');
    writeFileSync(join(backupDir, 'business-2026-02-27.json'), good.slice(0, 40));
    writeFileSync(join(backupDir, 'business-2026-02-26.json'), '');
    writeFileSync(join(backupDir, 'business-2026-02-25.json'), '{"hello":"world"}');
    writeFileSync(join(backupDir, 'business-2026-02-24.json'), good.replace(/"minor": 1500/, '"minor": -3'));
    writeFileSync(join(backupDir, 'notes.txt'), 'not a backup');
    expect(ok(await c.call('backups:list')).map((b) => b.name)).toEqual([
      'business-2026-03-03.json',
      'business-2026-03-02.json',
    ]);
  });

  it('restores a backup, after backing up the current data: restoring that one undoes it', async () => {
    const { c, clock } = await threeDays();
    const view = ok(await c.call('backups:restore', { name: 'business-2026-03-02.json' }));
    expect(view.customers.map((x) => x.name)).toEqual(['Ana']);
    expect(names(c.core.business.get())).toEqual(['Ana']);
    const list = ok(await c.call('backups:list'));
    expect(list[0]).toMatchObject({ name: 'business-2026-03-03-120000.json', customers: 1 });
    clock.advance(1000);
    ok(await c.call('backups:restore', { name: list[0]!.name }));
    expect(names(c.core.business.get())).toEqual(['Cy']);
  });

  it('a backup damaged after it was listed: refused in plain words, nothing changed, no backup made', async () => {
    const { c, backupDir } = await threeDays();
    const before = readdirSync(backupDir).sort();
    writeFileSync(join(backupDir, 'business-2026-03-02.json'), '{"version":1,"customers":[');
    const r = await c.call('backups:restore', { name: 'business-2026-03-02.json' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That backup is missing or damaged. Choose another one from the list.' },
    });
    expect(names(c.core.business.get())).toEqual(['Cy']);
    expect(readdirSync(backupDir).sort()).toEqual(before);
  });

  it('refuses names that are not backups (no path can be reached through it)', async () => {
    const { c } = await threeDays();
    for (const name of [
      '../business.json',
      'business-2026-03-02.json/../../x',
      'business.json',
      'business-2026-3-2.json',
    ]) {
      const r = await c.call('backups:restore', { name });
      expect(r, name).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    }
    const missing = await c.call('backups:restore', { name: 'business-2025-01-01.json' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('a damaged business file at start, as the window sees it', () => {
  it('the newest good backup is restored and the window gets the notice; a restore clears it', async () => {
    const { c, dir, clock } = await threeDays();
    await c.core.shutdown();
    cleanups.pop();
    writeFileSync(join(dir, 'business.json'), '{"version":1,"customers":[{"id":"');
    clock.day('2026-03-04');
    const again = await start(dir, clock);
    const info = ok(await again.call('app:info'));
    const notice = info.notices.find((n) => n.includes('customers and prices'));
    expect(notice).toContain('2026-03-03');
    expect(names(again.core.business.get())).toEqual(['Bo', 'Bo']);
    ok(await again.call('backups:restore', { name: 'business-2026-03-02.json' }));
    expect(ok(await again.call('app:info')).notices.some((n) => n.includes('customers and prices'))).toBe(false);
  });

  it('every backup damaged too: starts empty, says where the damaged file is, and offers nothing broken', async () => {
    const t = tempDir('pd-backup-');
    cleanups.push(t.cleanup);
    mkdirSync(join(t.dir, 'backups'), { recursive: true });
    writeFileSync(join(t.dir, 'business.json'), '[]');
    writeFileSync(join(t.dir, 'backups', 'business-2026-02-28.json'), '{');
    const c = await start(t.dir, movableClock('2026-03-01'));
    const notice = ok(await c.call('app:info')).notices.find((n) => n.includes('customers and prices'));
    expect(notice).toMatch(/no backup/);
    expect(notice).toMatch(/damaged/);
    expect(c.core.business.get().customers).toEqual([]);
    expect(ok(await c.call('backups:list'))).toEqual([]);
    // The damaged file is kept unchanged beside.
    const aside = readdirSync(t.dir).find((n) => n.startsWith('business') && n.includes('damaged'));
    expect(aside && readFileSync(join(t.dir, aside), 'utf8')).toBe('[]');
  });
});
