/**
 * Damaged is not old: a settings file that fails its schema, or carries no version / a version
 * Proxydeck never wrote, is set aside and reported as DAMAGED, with what was kept (each account and
 * each setting that still validates). Only a known older version is migrated.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppStore, STORE_NAME } from '../../main/core/store/app-store';
import { releaseDiskHealth } from '../../main/core/store/disk-health';
import { migrate, UnknownVersionError } from '../../main/core/store/migrations';
import { STORE_VERSION } from '../../main/core/store/schema';
import { DEFAULT_SETTINGS } from '../../preload/contract/schemas';
import { tempDir } from '../helpers/tmp';
import { Backend } from './disk-env';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('proxydeck-damaged-')));
afterEach(() => {
  releaseDiskHealth(dir);
  cleanup();
});

const file = () => join(dir, `${STORE_NAME}.json`);
const aside = (label: string) => readdirSync(dir).filter((f) => f.startsWith(`${STORE_NAME}.${label}-`));
const account = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `7d0d4b8e-4f5c-4f0e-9a57-1f3f8f0b2c1${n}`,
  vendor: 'youproxy',
  label: `Shop ${n}`,
  createdAt: '2026-01-02T00:00:00.000Z',
  lastRefreshAt: null,
  demo: false,
  credentialHint: null,
  lastError: null,
  ...extra,
});
const open = (content: unknown) => {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  writeFileSync(file(), text);
  return { store: new AppStore(dir, Backend), text };
};

describe('a damaged settings file', () => {
  it('wrong shape and no version (the case found): damaged, not "migrated" to zero accounts; the valid accounts are kept', () => {
    const { store, text } = open({
      settings: { ...DEFAULT_SETTINGS, theme: 'dark' },
      accounts: [account(1), { id: 'broken' }, account(2)],
    });
    expect(store.accounts().map((a) => a.label)).toEqual(['Shop 1', 'Shop 2']);
    expect(store.settings().theme).toBe('dark');
    expect(store.notices).toHaveLength(1);
    const [notice] = store.notices;
    expect(notice).toMatch(
      /^Your settings file is damaged \(it has no version number and is not a format Proxydeck ever wrote\)/,
    );
    expect(notice).toMatch(/Proxydeck started from what could still be read: 2 of 3 accounts, and all your settings\./);
    expect(notice).toMatch(/add the missing accounts again/);
    expect(notice).not.toMatch(/older version/);
    // Set aside byte for byte; a valid file of the current version took its place.
    expect(aside('invalid')).toHaveLength(1);
    expect(readFileSync(join(dir, aside('invalid')[0]!), 'utf8')).toBe(text);
    expect(JSON.parse(readFileSync(file(), 'utf8')).schemaVersion).toBe(STORE_VERSION);
    // The next start reads it cleanly.
    expect(new AppStore(dir, Backend).notices).toEqual([]);
  });

  it.each([
    ['version 0 written out', 0],
    ['a fraction', 1.5],
    ['a string', '2'],
    ['a negative number', -1],
  ])('a version Proxydeck never wrote (%s) is damaged, not migrated', (_, schemaVersion) => {
    const { store } = open({ schemaVersion, settings: DEFAULT_SETTINGS, accounts: [account(1)], demoDismissed: true });
    expect(store.notices[0]).toMatch(/is damaged \(its version number \(.+\) is not one Proxydeck knows\)/);
    expect(store.notices[0]).toMatch(/the one account, and all your settings/);
    expect(store.accounts()).toHaveLength(1);
    expect(aside('invalid')).toHaveLength(1);
  });

  it('a current file with one bad setting and one bad account keeps everything else and names what was reset', () => {
    const { store } = open({
      schemaVersion: STORE_VERSION,
      settings: { ...DEFAULT_SETTINGS, theme: 'neon', expiryWindowDays: 30 },
      accounts: [account(1), account(2, { vendor: 'nowhere' })],
      demoDismissed: true,
    });
    expect(store.settings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'system', expiryWindowDays: 30 });
    expect(store.accounts().map((a) => a.label)).toEqual(['Shop 1']);
    expect(store.demoDismissed()).toBe(true);
    expect(store.notices[0]).toMatch(/is damaged \(some of its values are not valid\)/);
    expect(store.notices[0]).toMatch(/1 of 2 accounts, and your settings except theme \(set back to its default\)/);
  });

  it('a file that is not JSON keeps nothing and says so', () => {
    const { store, text } = open('{"schemaVersion":2, "settings": {');
    expect(store.notices[0]).toMatch(
      /^Your settings file is damaged \(it is not valid JSON\).*nothing could be read from it\./,
    );
    expect(store.accounts()).toEqual([]);
    expect(readFileSync(join(dir, aside('corrupt')[0]!), 'utf8')).toBe(text);
  });

  it('an empty object is not the prototype format: damaged, with nothing lost to a "migration"', () => {
    const { store } = open({});
    expect(store.notices[0]).toMatch(/is damaged \(it has no version number/);
    expect(store.notices[0]).toMatch(/no accounts \(none could be read\)/);
  });

  it('only known older versions are migrated: version 1, and the prototype format (recognised by its shape)', () => {
    const v1 = open({
      schemaVersion: 1,
      settings: { ...DEFAULT_SETTINGS, lowBalanceUsd: undefined },
      accounts: [account(1)],
      demoDismissed: true,
    });
    expect(v1.store.notices[0]).toMatch(/updated from an older version/);
    expect(aside('v1-backup')).toHaveLength(1);
    expect(() => migrate({ settings: {}, accounts: [] })).toThrow(UnknownVersionError);
    expect(migrate({ accounts: { [account(1).id]: { vendor: 'youproxy', name: 'P' } } }).from).toBe(0);
  });

  it('a file of a newer version is kept aside untouched, not called damaged', () => {
    const { store, text } = open({ schemaVersion: 99, settings: {}, accounts: [] });
    expect(store.notices[0]).toMatch(/written by a newer version of Proxydeck \(file version 99\)/);
    expect(store.notices[0]).not.toMatch(/damaged/);
    expect(readFileSync(join(dir, aside('unsupported')[0]!), 'utf8')).toBe(text);
  });
});
