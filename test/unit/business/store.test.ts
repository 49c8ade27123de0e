import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BusinessStore } from '../../../main/core/business/business-store';
import { CUST, clock, sample, tempDir, withName } from './store-fixtures';

let t: ReturnType<typeof tempDir>;
afterEach(() => t?.cleanup());
const fresh = () => {
  t = tempDir();
  return t.dir;
};
const mode = (p: string) => statSync(p).mode & 0o777;
const file = (dir: string) => join(dir, 'business.json');

describe('business store: reading and writing', () => {
  it('starts empty without a file, writes changes and reads them back in a new store', () => {
    const dir = fresh();
    const s = new BusinessStore({ dataDir: dir, now: clock().now });
    expect(s.get()).toEqual({ version: 1, customers: [], items: [], rates: null });
    expect(s.notices()).toEqual([]);
    s.update(withName('Ana'));
    expect(new BusinessStore({ dataDir: dir }).get()).toEqual(sample('Ana'));
  });

  it('writes the file 0600 in a 0700 folder, and backups too', () => {
    const dir = fresh();
    const c = clock();
    const s = new BusinessStore({ dataDir: dir, now: c.now });
    s.update(withName('Ana'));
    c.day('2026-03-02');
    s.update(withName('Bo'));
    expect(mode(dir)).toBe(0o700);
    expect(mode(file(dir))).toBe(0o600);
    expect(mode(join(dir, 'backups'))).toBe(0o700);
    expect(mode(join(dir, 'backups', 'business-2026-03-02.json'))).toBe(0o600);
  });

  it('get() is a copy: changing it changes nothing', () => {
    const s = new BusinessStore({ dataDir: fresh(), now: clock().now });
    s.update(withName('Ana'));
    const d = s.get();
    d.customers[0]!.name = 'Changed';
    d.items.length = 0;
    expect(s.get()).toEqual(sample('Ana'));
    const returned = s.update((x) => x);
    returned.customers[0]!.name = 'Changed too';
    expect(s.get()).toEqual(sample('Ana'));
  });

  it('tells listeners after each saved change, and stops when unsubscribed', () => {
    const s = new BusinessStore({ dataDir: fresh(), now: clock().now });
    let calls = 0;
    const off = s.onChange(() => {
      calls += 1;
    });
    s.update(withName('Ana'));
    s.replace(sample('Bo'), 'test');
    off();
    s.update(withName('Cy'));
    expect(calls).toBe(2);
  });

  it('refuses to write data that would not read back (a bug), leaving everything as it was', () => {
    const dir = fresh();
    const s = new BusinessStore({ dataDir: dir, now: clock().now });
    s.update(withName('Ana'));
    const before = readFileSync(file(dir), 'utf8');
    expect(() =>
      s.update((d) => ({ ...d, items: [{ ...d.items[0]!, price: { minor: 12.5, currency: 'USD' } }] })),
    ).toThrow();
    expect(readFileSync(file(dir), 'utf8')).toBe(before);
    expect(s.get()).toEqual(sample('Ana'));
  });

  it('reads cosmetic fields leniently (a missing note or label reads as empty)', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    const d = sample('Ana') as unknown as { customers: Record<string, unknown>[]; items: Record<string, unknown>[] };
    delete d.customers[0]!.notes;
    d.customers[0]!.contact = 42;
    delete d.items[0]!.label;
    writeFileSync(file(dir), JSON.stringify(d));
    const s = new BusinessStore({ dataDir: dir });
    expect(s.notices()).toEqual([]);
    expect(s.get().customers[0]).toMatchObject({ notes: '', contact: '', name: 'Ana' });
    expect(s.get().items[0]!.label).toBe('');
  });

  it('an item pointing at a customer that is not in the file keeps its price and keep, loses the customer', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    const d = sample('Ana');
    d.customers = [];
    writeFileSync(file(dir), JSON.stringify(d));
    const item = new BusinessStore({ dataDir: dir }).get().items[0]!;
    expect(item).toMatchObject({ customerId: null, keep: true });
    expect(CUST).not.toBe(item.customerId);
  });
});

describe('business store: rolling daily backups', () => {
  it('the first write of a day copies the file as it was; later writes that day leave the backup alone', () => {
    const dir = fresh();
    const c = clock('2026-03-01');
    const s = new BusinessStore({ dataDir: dir, now: c.now });
    s.update(withName('Ana'));
    expect(readdirSync(dir)).not.toContain('backups'); // nothing to back up before the first file
    c.day('2026-03-02');
    s.update(withName('Bo'));
    c.tick();
    s.update(withName('Cy'));
    const b = JSON.parse(readFileSync(join(dir, 'backups', 'business-2026-03-02.json'), 'utf8'));
    expect(b.customers[0].name).toBe('Ana');
    expect(readdirSync(join(dir, 'backups'))).toEqual(['business-2026-03-02.json']);
  });

  it('keeps only the 7 most recent days', () => {
    const dir = fresh();
    const c = clock('2026-03-01');
    const s = new BusinessStore({ dataDir: dir, now: c.now });
    for (let day = 1; day <= 12; day++) {
      c.day(`2026-03-${String(day).padStart(2, '0')}`);
      s.update(withName(`Day ${day}`));
    }
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(
      [6, 7, 8, 9, 10, 11, 12].map((d) => `business-2026-03-${String(d).padStart(2, '0')}.json`),
    );
    expect(s.backups().map((b) => [b.at, b.customers, b.items])[0]).toEqual(['2026-03-12', 1, 1]);
    expect(s.backups()).toHaveLength(7);
  });

  it('replace() backs up the current file first, even when the day already has its backup', () => {
    const dir = fresh();
    const c = clock('2026-03-01');
    const s = new BusinessStore({ dataDir: dir, now: c.now });
    s.update(withName('Ana'));
    c.day('2026-03-02');
    s.update(withName('Bo')); // the day's backup holds Ana
    c.tick();
    s.replace(sample('Imported'), 'import');
    const names = readdirSync(join(dir, 'backups')).sort();
    expect(names).toHaveLength(2);
    const timed = names.find((n) => n !== 'business-2026-03-02.json')!;
    expect(timed).toMatch(/^business-2026-03-02-\d{6}\.json$/);
    expect(JSON.parse(readFileSync(join(dir, 'backups', timed), 'utf8')).customers[0].name).toBe('Bo');
    expect(s.get().customers[0]!.name).toBe('Imported');
  });

  it('restore() puts a backup back (after backing up the current file); an unknown or unsafe name is refused', () => {
    const dir = fresh();
    const c = clock('2026-03-01');
    const s = new BusinessStore({ dataDir: dir, now: c.now });
    s.update(withName('Ana'));
    c.day('2026-03-02');
    s.update(withName('Bo'));
    c.tick();
    expect(s.restore('business-2026-03-02.json').customers[0]!.name).toBe('Ana');
    expect(new BusinessStore({ dataDir: dir }).get().customers[0]!.name).toBe('Ana');
    expect(s.backups().some((b) => b.customers === 1 && b.at.startsWith('2026-03-02T'))).toBe(true);
    expect(() => s.restore('../business.json')).toThrow(/missing or damaged/);
    expect(() => s.restore('business-2020-01-01.json')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
