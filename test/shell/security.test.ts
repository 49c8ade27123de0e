/**
 * The real built main under the fake Electron, packaged: the window's options and every security rule
 * are in place before the first load, and they act (navigation, new windows, webviews, permissions, CSP).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../main/core/security/csp';
import { APP_ID } from '../../main/shell/window-options';
import { type Entry, flatten, launchMain, type MainProcess } from './harness';

let main: MainProcess;
let journal: Entry[];
let wc: string;

beforeAll(async () => {
  main = launchMain({ FAKE_ELECTRON_PACKAGED: '1' });
  await main.started();
  journal = await main.journal();
  wc = `webContents#${(await main.state()).windows[0]!.webContentsId}`;
}, 30_000); // a child process starts: more than the default 10 s hook time on a slow machine
afterAll(() => main?.dispose());

const firstLoad = () => journal.find((e) => e.api === 'BrowserWindow.loadURL')!;
const seqOf = (pred: (e: Entry) => boolean) => journal.find(pred)?.seq ?? Number.POSITIVE_INFINITY;

describe('the main window', () => {
  it('is created once, isolated, sandboxed, without Node, webviews or devtools when packaged', () => {
    const made = journal.filter((e) => e.api === 'new BrowserWindow');
    expect(made).toHaveLength(1);
    const options = made[0]!.args[0] as { show: boolean; webPreferences: Record<string, unknown> };
    expect(options.show).toBe(false); // shown on ready-to-show, no white flash
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    // The preload it names is the built one and exists.
    const preload = options.webPreferences.preload as string;
    expect(preload).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
    expect(existsSync(preload)).toBe(true);
  });

  it('loads only the app page, and shows it when ready', () => {
    expect(journal.filter((e) => e.api === 'BrowserWindow.loadURL').map((e) => e.args[0])).toEqual([
      'app://proxydeck/index.html',
    ]);
    const ready = seqOf((e) => e.api === 'BrowserWindow.emit' && e.args[0] === 'ready-to-show');
    const shown = seqOf((e) => e.api === 'BrowserWindow.show');
    expect(ready).toBeLessThan(shown);
  });

  it('has every rule installed before the first load', () => {
    const load = firstLoad().seq;
    const installedBefore = (pred: (e: Entry) => boolean, what: string) =>
      expect(seqOf(pred), `${what} before loadURL`).toBeLessThan(load);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview'])
      installedBefore((e) => e.api === 'webContents.on' && e.target === wc && e.args[0] === name, name);
    installedBefore((e) => e.api === 'webContents.setWindowOpenHandler' && e.target === wc, 'window-open handler');
    installedBefore((e) => e.api === 'session.setPermissionRequestHandler', 'permission request handler');
    installedBefore((e) => e.api === 'session.setPermissionCheckHandler', 'permission check handler');
    installedBefore((e) => e.api === 'session.webRequest.onHeadersReceived', 'CSP on responses');
    installedBefore((e) => e.api === 'protocol.handle' && e.args[0] === 'app', 'app:// handler');
    installedBefore((e) => e.api === 'Menu.setApplicationMenu', 'application menu');
    installedBefore((e) => e.api === 'ipcMain.handle', 'IPC handlers');
    // app:// is privileged before ready (Electron requires it), the rest after.
    const ready = seqOf((e) => e.api === 'app.emit' && e.args[0] === 'ready');
    expect(seqOf((e) => e.api === 'protocol.registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(seqOf((e) => e.api === 'protocol.handle')).toBeGreaterThan(ready);
  });

  it('registers app:// as a standard, secure scheme', () => {
    const schemes = journal.find((e) => e.api === 'protocol.registerSchemesAsPrivileged')!.args[0];
    expect(schemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });
});

describe('on Windows', () => {
  it("notifications go out under the installer's id (AppUserModelID = electron-builder appId)", async () => {
    const yml = readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8');
    expect(/^appId:\s*(\S+)/m.exec(yml)?.[1]).toBe(APP_ID);
    const set = journal.filter((e) => e.api === 'app.setAppUserModelId').map((e) => e.args[0]);
    // Windows-only API: called there (before any window), not elsewhere.
    expect(set).toEqual(process.platform === 'win32' ? [APP_ID] : []);
  });
});

describe('the rules act', () => {
  it('prevents navigating, redirecting and attaching webviews', async () => {
    for (const [name, url] of [
      ['will-navigate', 'https://evil.example/'],
      ['will-navigate', 'app://proxydeck/index.html'],
      ['will-redirect', 'https://evil.example/'],
      ['will-attach-webview', 'https://evil.example/'],
    ] as const)
      expect(await main.call('webContentsEvent', undefined, name, url), `${name} ${url}`).toEqual({ prevented: true });
  });

  it('denies every new window and opens only plain https links in the browser', async () => {
    const before = (await main.journal({ api: 'shell.openExternal' })).length;
    for (const url of [
      'https://www.thordata.com/pricing',
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://user:pass@example.com/',
      'smb://share/x',
      'app://proxydeck/index.html',
    ])
      expect(await main.call('windowOpen', undefined, url), url).toEqual({ action: 'deny', handler: true });
    const opened = (await main.journal({ api: 'shell.openExternal' })).slice(before).map((e) => e.args[0]);
    expect(opened).toEqual(['https://www.thordata.com/pricing']);
  });

  it('hold for every webContents, not only the window: another one is bound by them and refused over IPC', async () => {
    const other = await main.call<number>('newWebContents');
    expect(await main.call('webContentsEvent', other, 'will-navigate', 'https://evil.example/')).toEqual({
      prevented: true,
    });
    expect(await main.call('windowOpen', other, 'https://example.com/')).toMatchObject({ action: 'deny' });
    const answer = await main.invoke<{ error?: { code: string } }>('app:info', [], {
      webContentsId: other,
      frameUrl: 'app://proxydeck/index.html',
    });
    expect(answer.value?.error?.code).toBe('forbidden_sender');
  });

  it('denies every permission request and check', async () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(await main.call('permissionRequest', p), p).toEqual({ granted: false, handler: true });
      expect(await main.call('permissionCheck', p), p).toEqual({ granted: false, handler: true });
    }
  });

  it('adds the CSP and security headers to every response of the session', async () => {
    const answer = await main.call<{ responseHeaders: Record<string, string[]> }>(
      'headersReceived',
      'https://example.com/x.js',
      { 'content-type': ['text/javascript'] },
    );
    expect(answer.responseHeaders['content-type']).toEqual(['text/javascript']);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(answer.responseHeaders[k], k).toEqual([v]);
  });

  it('has no reload or devtools items in the packaged menu', async () => {
    const roles = flatten((await main.state()).applicationMenu).map((x) => x.item.role);
    expect(roles).toContain('quit');
    expect(roles).toContain('copy');
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
  });

  it('met no error on the way', async () => {
    expect((await main.state()).errors).toEqual([]);
  });
});
