import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppStore, STORE_NAME } from '../../main/core/store/app-store';
import { migrate } from '../../main/core/store/migrations';
import type { BackendCtor } from '../../main/core/store/open-file';
import { STORE_VERSION } from '../../main/core/store/schema';
import { SnapshotStore } from '../../main/core/store/snapshot-store';
import type { AccountSnapshot } from '../../preload/contract/model';
import { DEFAULT_SETTINGS } from '../../preload/contract/schemas';
import { tempDir } from '../helpers/tmp';

const Backend = Conf as unknown as BackendCtor;
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const file = () => join(dir, `${STORE_NAME}.json`);
const aside = (label: string) => readdirSync(dir).filter((f) => f.startsWith(`${STORE_NAME}.${label}-`));

describe('AppStore', () => {
  it('starts with defaults and persists settings and accounts to disk', () => {
    const s = new AppStore(dir, Backend);
    expect(s.settings()).toEqual(DEFAULT_SETTINGS);
    s.setSettings({ ...DEFAULT_SETTINGS, expiryWindowDays: 14 });
    const again = new AppStore(dir, Backend);
    expect(again.settings().expiryWindowDays).toBe(14);
    expect(JSON.parse(readFileSync(file(), 'utf8')).schemaVersion).toBe(STORE_VERSION);
  });

  it('rejects data that breaks the schema, and nothing is written', () => {
    const s = new AppStore(dir, Backend);
    expect(() => s.setSettings({ ...DEFAULT_SETTINGS, expiryWindowDays: 0 })).toThrow(/schema/i);
    expect(() => s.setAccounts([{ id: 'not-a-uuid' } as never])).toThrow(/schema/i);
    expect(new AppStore(dir, Backend).settings().expiryWindowDays).toBe(DEFAULT_SETTINGS.expiryWindowDays);
  });

  it('moves a damaged file aside with a timestamp and reports it', () => {
    writeFileSync(file(), '{"schemaVersion":1, "settings": {');
    const s = new AppStore(dir, Backend);
    expect(aside('corrupt')).toHaveLength(1);
    expect(readFileSync(join(dir, aside('corrupt')[0]!), 'utf8')).toBe('{"schemaVersion":1, "settings": {');
    expect(s.notices).toHaveLength(1);
    expect(s.notices[0]).toMatch(/damaged/);
    expect(s.settings()).toEqual(DEFAULT_SETTINGS);
  });

  it('moves aside a file with invalid values instead of loading them', () => {
    writeFileSync(
      file(),
      JSON.stringify({ schemaVersion: STORE_VERSION, settings: { theme: 'neon' }, accounts: [], demoDismissed: false }),
    );
    const s = new AppStore(dir, Backend);
    expect(aside('invalid')).toHaveLength(1);
    expect(s.notices[0]).toMatch(/not valid/);
    expect(s.settings().theme).toBe('system');
  });

  it('migrates a version 0 file and keeps a backup of it', () => {
    const v0 = {
      refreshMinutes: 15,
      theme: 'dark',
      accounts: {
        '7d0d4b8e-4f5c-4f0e-9a57-1f3f8f0b2c11': {
          vendor: 'thordata',
          name: 'Main TD',
          created: '2026-01-02T00:00:00.000Z',
        },
      },
    };
    writeFileSync(file(), JSON.stringify(v0));
    const s = new AppStore(dir, Backend);
    expect(s.accounts()).toEqual([
      {
        id: '7d0d4b8e-4f5c-4f0e-9a57-1f3f8f0b2c11',
        vendor: 'thordata',
        label: 'Main TD',
        createdAt: '2026-01-02T00:00:00.000Z',
        lastRefreshAt: null,
        demo: false,
        credentialHint: null,
        lastError: null,
      },
    ]);
    expect(s.settings().refreshIntervalMin).toBe(15);
    expect(s.settings().theme).toBe('dark');
    expect(aside('v0-backup')).toHaveLength(1);
    expect(s.notices[0]).toMatch(/older version/);
  });

  it('does not load a file from a newer version; it is kept aside', () => {
    writeFileSync(file(), JSON.stringify({ schemaVersion: 99 }));
    const s = new AppStore(dir, Backend);
    expect(aside('unsupported')).toHaveLength(1);
    expect(s.notices[0]).toMatch(/newer version/);
    expect(existsSync(file())).toBe(true); // a fresh file was started
  });

  it('migrates a version 1 file: the low-balance setting is added, every other value and account kept', () => {
    const account = {
      id: '7d0d4b8e-4f5c-4f0e-9a57-1f3f8f0b2c11',
      vendor: 'youproxy',
      label: 'Shop',
      createdAt: '2026-01-02T00:00:00.000Z',
      lastRefreshAt: '2026-11-20T08:00:00.000Z',
      demo: false,
      credentialHint: '…f3a9',
      lastError: null,
    };
    const v1Settings = {
      refreshIntervalMin: 10,
      expiryWindowDays: 21,
      reminderDays: [5],
      theme: 'dark',
      language: 'zh-CN',
    };
    writeFileSync(
      file(),
      JSON.stringify({ schemaVersion: 1, settings: v1Settings, accounts: [account], demoDismissed: true }),
    );
    const s = new AppStore(dir, Backend);
    expect(s.settings()).toEqual({
      ...v1Settings,
      lowBalanceUsd: DEFAULT_SETTINGS.lowBalanceUsd,
      connection: { mode: 'direct' }, // issue 13 §7: files before it connect directly
      runwayDays: 30, // issue 16 §3: files before it get the defaults
      runwayAlertDays: 7,
      health: DEFAULT_SETTINGS.health, // issue 15: files before it get the default check URL and limits
      followPublicIp: false,
    });
    expect(s.accounts()).toEqual([account]);
    expect(aside('v1-backup')).toHaveLength(1);
    expect(aside('invalid')).toHaveLength(0);
    expect(JSON.parse(readFileSync(file(), 'utf8')).schemaVersion).toBe(2);
  });

  it('migrate() is a no-op on current files', () => {
    const cur = { schemaVersion: STORE_VERSION, settings: DEFAULT_SETTINGS, accounts: [], demoDismissed: false };
    expect(migrate(cur)).toEqual({ data: cur, from: STORE_VERSION, migrated: false });
  });
});

describe('SnapshotStore', () => {
  const id = '0b7f2c1e-5d4a-4e8b-9c3d-2a1f0e9d8c7b';
  const snapshot = (errors: unknown) => ({
    accountId: id,
    fetchedAt: '2026-11-20T10:00:00.000Z',
    balance: null,
    orders: [],
    proxies: [],
    whitelist: [],
    subUsers: [],
    servers: [],
    traffic: [],
    errors,
  });

  it('reads section errors saved before codes were kept (plain strings) as message-only errors', () => {
    mkdirSync(join(dir, 'snapshots'), { recursive: true });
    writeFileSync(
      join(dir, 'snapshots', `${id}.json`),
      JSON.stringify({ snapshot: snapshot({ balance: 'Old text.' }) }),
    );
    const store = new SnapshotStore(dir, Backend);
    expect(store.get(id)?.errors).toEqual({ balance: { message: 'Old text.' } });
    expect(store.notices).toEqual([]);
  });

  it('keeps coded section errors through a save and a read', () => {
    const store = new SnapshotStore(dir, Backend);
    store.put(snapshot({ whitelist: { code: 'rate_limited', message: 'Too many requests.' } }) as AccountSnapshot);
    expect(new SnapshotStore(dir, Backend).get(id)?.errors).toEqual({
      whitelist: { code: 'rate_limited', message: 'Too many requests.' },
    });
  });

  it('sets aside a snapshot whose errors are neither text nor {code, message}', () => {
    mkdirSync(join(dir, 'snapshots'), { recursive: true });
    writeFileSync(join(dir, 'snapshots', `${id}.json`), JSON.stringify({ snapshot: snapshot({ balance: 42 }) }));
    const store = new SnapshotStore(dir, Backend);
    expect(store.get(id)).toBeNull();
    expect(store.notices).toHaveLength(1);
    expect(
      readdirSync(join(dir, 'snapshots')).some((f) => f.startsWith(`${id}.json.invalid-`) || f.includes('invalid')),
    ).toBe(true);
  });
});
