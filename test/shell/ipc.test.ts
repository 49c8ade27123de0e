/**
 * The real built main under the fake Electron (not packaged): every contract channel is bound with
 * ipcMain.handle, answers only our own window's top frame on app://proxydeck, validates its arguments,
 * and the core's events reach the window on the event channel.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_KEY_ACCOUNT } from '../../main/core/vault/vault';
import { EVENT_CHANNEL } from '../../preload/contract/api';
import { CHANNELS } from '../../preload/contract/channels';
import { flatten, launchMain, type MainProcess } from './harness';

interface Result<T = unknown> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

let main: MainProcess;
let wcId: number;

beforeAll(async () => {
  main = launchMain();
  const s = await main.started();
  wcId = s.windows[0]!.webContentsId;
}, 30_000); // a child process starts: more than the default 10 s hook time on a slow machine
afterAll(() => main?.dispose());

describe('the contract channels', () => {
  it('are all bound with ipcMain.handle, once each, and nothing else is', async () => {
    const handled = (await main.journal({ api: 'ipcMain.handle' })).map((e) => e.args[0]);
    expect([...handled].sort()).toEqual([...CHANNELS].sort());
    expect((await main.state()).channels.sort()).toEqual([...CHANNELS].sort());
  });

  it('answer the window itself', async () => {
    const info = await main.invoke<Result<{ demo: boolean; name: string }>>('app:info');
    expect(info.value).toMatchObject({ ok: true, data: { name: 'Proxydeck', demo: true } });
  });

  const foreign = [
    ['another webContents', { webContentsId: 4242 }],
    ['a page on another origin in our window', { frameUrl: 'https://evil.example/index.html' }],
    ['another app:// host', { frameUrl: 'app://evil/index.html' }],
    ['a look-alike host', { frameUrl: 'app://proxydeck.evil.example/index.html' }],
    ['a file:// page', { frameUrl: 'file:///work/main/out/renderer/index.html' }],
    ['a sub-frame of our page', { subframe: true }],
    ['a destroyed frame', { noFrame: true }],
  ] as const;

  it.each(foreign)('refuse %s on every channel, before looking at the arguments', async (_what, sender) => {
    for (const channel of CHANNELS) {
      const answer = await main.invoke<Result>(channel, [{ bogus: true }], sender);
      expect(answer.value?.error?.code, channel).toBe('forbidden_sender');
      expect(answer.value?.ok, channel).toBe(false);
    }
  });

  it('refuse a bad argument on every channel (validation), for the window itself', async () => {
    for (const channel of CHANNELS) {
      const answer = await main.invoke<Result>(channel, [{ bogus: true }, 'one too many']);
      expect(answer.value?.error?.code, channel).toBe('invalid_argument');
    }
    const badLabel = await main.invoke<Result>('accounts:rename', [{ id: 'not-a-uuid', label: 42 }]);
    expect(badLabel.value?.error?.code).toBe('invalid_argument');
    const badPatch = await main.invoke<Result>('settings:update', [{ refreshIntervalMin: -5 }]);
    expect(badPatch.value?.error?.code).toBe('invalid_argument');
  });

  it('change nothing when the sender is refused', async () => {
    const before = (await main.invoke<Result<{ refreshIntervalMin: number }>>('settings:get')).value!.data!;
    const next = before.refreshIntervalMin === 60 ? 90 : 60;
    await main.invoke('settings:update', [{ refreshIntervalMin: next }], { webContentsId: 4242 });
    await main.invoke('settings:update', [{ refreshIntervalMin: next }], { frameUrl: 'https://evil.example/' });
    const after = (await main.invoke<Result<{ refreshIntervalMin: number }>>('settings:get')).value!.data!;
    expect(after.refreshIntervalMin).toBe(before.refreshIntervalMin);
  });
});

describe('the keychain (keytar)', () => {
  const inKeyring = process.env.PROXYDECK_IN_KEYRING === '1' || process.platform !== 'linux';
  if (!inKeyring) console.log('keychain check skipped: not inside scripts/with-keyring.sh (no Secret Service)');
  it.skipIf(!inKeyring)('loads in the shell: available, its entries under the test service only', async () => {
    const info = await main.invoke<Result<{ keychain: { available: boolean } }>>('app:info');
    expect(info.value?.data?.keychain.available).toBe(true);
    const keytar = (await import('keytar')).default;
    const accounts = (await keytar.findCredentials(main.keychainService)).map((c) => c.account);
    expect(accounts).toContain(DATA_KEY_ACCOUNT); // the proxy-password sealing key
  });
});

describe('electron-store', () => {
  it('is the real one, running on the fake: settings saved in the data folder', async () => {
    const on = await main.journal({ api: 'ipcMain.on', arg0: 'electron-store-get-data' });
    expect(on).toHaveLength(1);
    expect(existsSync(join(main.dataDir, 'proxydeck.json'))).toBe(true);
  });
});

describe('events from the core', () => {
  it('reach the window on the event channel', async () => {
    const accounts = (await main.invoke<Result<{ id: string; label: string }[]>>('accounts:list')).value!.data!;
    expect(accounts.length).toBeGreaterThan(0);
    const mark = (await main.journal()).at(-1)!.seq;
    const renamed = await main.invoke<Result>('accounts:rename', [{ id: accounts[0]!.id, label: 'Renamed in test' }]);
    expect(renamed.value?.ok).toBe(true);
    const sent = await main.waitFor({ api: 'webContents.send', after: mark, arg0: EVENT_CHANNEL });
    expect(sent.target).toBe(`webContents#${wcId}`);
    expect(sent.args[1]).toEqual({ type: 'accounts-changed' });
    await main.invoke('settings:update', [{ refreshIntervalMin: 45 }]);
    const sends = await main.journal({ api: 'webContents.send', after: mark });
    expect(sends.map((e) => e.args[1])).toContainEqual({ type: 'settings-changed' });
  });
});

describe('in development (not packaged)', () => {
  it('has devtools and the reload / devtools menu items', async () => {
    const made = await main.journal({ api: 'new BrowserWindow' });
    expect((made[0]!.args[0] as { webPreferences: { devTools: boolean } }).webPreferences.devTools).toBe(true);
    const roles = flatten((await main.state()).applicationMenu).map((x) => x.item.role);
    expect(roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('met no error on the way', async () => {
    expect((await main.state()).errors).toEqual([]);
  });
});
