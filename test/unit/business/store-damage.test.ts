import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BusinessStore, damagedPath } from '../../../main/core/business/business-store';
import { parseBusinessNotice } from '../../../preload/contract/business';
import { ACC, clock, sample, tempDir, withName } from './store-fixtures';

let t: ReturnType<typeof tempDir>;
afterEach(() => t?.cleanup());
const file = (dir: string) => join(dir, 'business.json');

/** A folder whose business.json holds `content` (and nothing else). */
function folderWith(content: string): string {
  t = tempDir();
  mkdirSync(t.dir, { recursive: true });
  writeFileSync(file(t.dir), content);
  return t.dir;
}

const damagedBy = (mutate: (d: ReturnType<typeof sample>) => void): string => {
  const d = sample('Ana');
  mutate(d);
  return JSON.stringify(d);
};

describe('business store: a damaged file', () => {
  const cases: [string, string][] = [
    ['cut short', JSON.stringify(sample('Ana')).slice(0, 80)],
    ['not an object', '[1,2,3]'],
    [
      'a customer id that is not an id',
      damagedBy((d) => {
        d.customers[0]!.id = 'ana';
      }),
    ],
    [
      'an account id that is not an id',
      damagedBy((d) => {
        d.items[0]!.item.accountId = '7';
      }),
    ],
    [
      'money in fractions of a cent',
      damagedBy((d) => {
        d.customers[0]!.defaultPrice = { minor: 12.5, currency: 'USD' };
      }),
    ],
    [
      'a currency that is not a code',
      damagedBy((d) => {
        d.items[0]!.price = { minor: 100, currency: 'dollars' };
      }),
    ],
    [
      'an unknown item kind',
      damagedBy((d) => {
        (d.items[0]!.item as { kind: string }).kind = 'proxy';
      }),
    ],
    [
      'an unknown vendor',
      damagedBy((d) => {
        (d.items[0] as { vendor: string }).vendor = 'acme';
      }),
    ],
    ['the same item twice', damagedBy((d) => void d.items.push({ ...d.items[0]! }))],
    [
      'a future version',
      damagedBy((d) => {
        (d as { version: number }).version = 2;
      }),
    ],
  ];
  it.each(cases)(
    '%s: moved aside unchanged; without a backup the store starts empty and says where the file is',
    (_, bad) => {
      const dir = folderWith(bad);
      const c = clock('2026-03-05');
      const s = new BusinessStore({ dataDir: dir, now: c.now });
      const aside = damagedPath(dir, c.now());
      expect(readFileSync(aside, 'utf8')).toBe(bad);
      expect(existsSync(file(dir))).toBe(false);
      expect(s.get()).toEqual({ version: 1, customers: [], items: [], rates: null });
      expect(s.notices()).toHaveLength(1);
      expect(s.notices()[0]).toContain('no backup');
      expect(s.notices()[0]).toContain(aside);
      expect(parseBusinessNotice(s.notices()[0]!)).toEqual({ problem: 'damaged', kept: aside, restoredDay: null });
      // The first save does not touch the damaged copy.
      s.update(withName('Bo'));
      expect(readFileSync(aside, 'utf8')).toBe(bad);
    },
  );

  it('an unreadable file (a folder in its place) is moved aside too', () => {
    t = tempDir();
    mkdirSync(join(t.dir, 'business.json'), { recursive: true });
    const c = clock('2026-03-05');
    const s = new BusinessStore({ dataDir: t.dir, now: c.now });
    expect(existsSync(damagedPath(t.dir, c.now()))).toBe(true);
    expect(s.notices()[0]).toMatch(/the disk could not read it/);
    expect(parseBusinessNotice(s.notices()[0]!)).toMatchObject({ problem: 'unreadable', restoredDay: null });
    expect(s.get().customers).toEqual([]);
  });

  it('the newest good backup is restored, written back, and the notice names its day', () => {
    t = tempDir();
    const dir = t.dir;
    const c = clock('2026-03-01');
    const s = new BusinessStore({ dataDir: dir, now: c.now });
    s.update(withName('Ana'));
    c.day('2026-03-02');
    s.update(withName('Bo')); // backup of 03-02 holds Ana
    c.day('2026-03-03');
    s.update(withName('Cy')); // backup of 03-03 holds Bo
    // The newest backup is damaged as well: the one before it is used.
    writeFileSync(join(dir, 'backups', 'business-2026-03-03.json'), '{"version":1,');
    writeFileSync(file(dir), '{"version":1,"customers":[{"id":');
    c.day('2026-03-04');
    const again = new BusinessStore({ dataDir: dir, now: c.now });
    expect(again.get().customers[0]!.name).toBe('Ana');
    expect(again.notices()).toHaveLength(1);
    expect(again.notices()[0]).toContain('2026-03-02');
    expect(again.notices()[0]).toContain(damagedPath(dir, c.now()));
    expect(parseBusinessNotice(again.notices()[0]!)).toEqual({
      problem: 'damaged',
      kept: damagedPath(dir, c.now()),
      restoredDay: '2026-03-02',
    });
    expect(readFileSync(damagedPath(dir, c.now()), 'utf8')).toBe('{"version":1,"customers":[{"id":');
    expect(new BusinessStore({ dataDir: dir }).get().customers[0]!.name).toBe('Ana');
    // The damaged backup is not offered.
    expect(again.backups().map((b) => b.name)).toEqual(['business-2026-03-02.json']);
    // A replace (e.g. restoring another backup) clears the notice.
    again.replace(sample('Dee'), 'test');
    expect(again.notices()).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.includes('damaged'))).toHaveLength(1);
    expect(again.get().items[0]!.item.accountId).toBe(ACC);
  });
});
