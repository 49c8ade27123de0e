/**
 * The Electron shell: window, protocol, menu, IPC binding. Everything else is the core
 * (main/core), which runs the same in plain Node. Keep this file small.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { EVENT_CHANNEL } from '../../preload/contract/api';
import { createCore, logFile } from '../core/app-core';
import { DemoEnvironment } from '../core/demo/demo-environment';
import { type DesktopT, desktopText } from '../core/i18n/desktop-text';
import { bindIpc, SenderPolicy } from '../core/ipc/bind';
import { createLogger } from '../core/logging/logger';
import { ProcessGuard } from '../core/process-guard';
import { SECURITY_HEADERS } from '../core/security/csp';
import type { BackendCtor } from '../core/store/open-file';
import { KeytarVault } from '../core/vault/keytar-vault';
import { SIMULATOR_FACTORIES } from '../simulators/registry';
import { closeAllAgents } from '../vendors/http/transport';
import { VENDOR_MODULES } from '../vendors/registry';
import { runInBackground } from './background';
import { desktopLanguage, followLanguage, startFailedText } from './localize';
import { menuTemplate } from './menu';
import { installSecurityRules } from './security';
import { APP_ID, APP_SCHEME, APP_URL, appFilePath, mainWindowOptions } from './window-options';

const isDev = !app.isPackaged;
/** How long quitting waits for the core to save what it has in flight. */
const SHUTDOWN_LIMIT_MS = 8_000;
// Tests run the app against a throw-away data folder.
if (process.env.PROXYDECK_USER_DATA) app.setPath('userData', process.env.PROXYDECK_USER_DATA);
// Windows files notifications (and their on/off switch in Settings) under the id of the installer's shortcut.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
const rendererDir = join(__dirname, '../renderer');
// The log (stderr when its file cannot be written) and the process guard come first: nothing that
// goes wrong later — a full or read-only disk included — may stop the app without a word.
const dataDir = app.getPath('userData');
const log = createLogger({ file: logFile(dataDir) });
const guard = new ProcessGuard(log);
guard.install();

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  // The app's language setting once the core has read it.
  let language: () => string | undefined = () => undefined;

  // A second launch, or on macOS a click on the dock icon, brings the window back (it may be hidden in the tray).
  const bringToFront = () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  app.on('second-instance', bringToFront);
  app.on('activate', bringToFront);

  const start = async () => {
    installSecurityRules(app, session.defaultSession);
    // Serve only files inside the built renderer folder, each with the CSP and security headers
    // (webRequest does not see custom-protocol responses, so they are set here).
    protocol.handle(APP_SCHEME, async (request) => {
      // Only regular files: a folder would get Chromium's listing, a missing file a failed request.
      const file = appFilePath(rendererDir, request.url);
      if (!file || !(await stat(file).catch(() => null))?.isFile()) return new Response('Not found', { status: 404 });
      const res = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(res.headers);
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) headers.set(k, v);
      return new Response(res.body, { status: res.status, headers });
    });
    // The menu in the UI language: the system's until the settings are read, then the setting's, rebuilt when it changes.
    const setMenu = (t: DesktopT) =>
      Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, isDev, t)));
    setMenu(desktopText(desktopLanguage(undefined, app.getPreferredSystemLanguages())));

    const core = await createCore({
      dataDir,
      Backend: ElectronStore as unknown as BackendCtor,
      // Tests file their keychain entries under a service of their own (the data folder's twin).
      vault: new KeytarVault(undefined, process.env.PROXYDECK_KEYCHAIN_SERVICE || undefined),
      vendors: VENDOR_MODULES,
      version: app.getVersion(),
      demo: new DemoEnvironment(SIMULATOR_FACTORIES),
      log,
      guard,
      openExternal: (url) => shell.openExternal(url),
      // "Connect to vendors: system proxy": Chromium's own answer (PAC, WPAD, OS settings) for each vendor URL.
      resolveSystemProxy: (url) => session.defaultSession.resolveProxy(url),
    });
    language = () => core.store.settings().language;
    followLanguage(core.events, language, setMenu);
    const policy = new SenderPolicy(APP_URL);
    bindIpc(ipcMain, core.dispatch, policy);

    win = new BrowserWindow(mainWindowOptions({ preloadPath: join(__dirname, '../preload/index.cjs'), isDev }));
    const id = win.webContents.id;
    policy.trust(id);
    win.webContents.on('destroyed', () => policy.untrust(id));
    const off = core.events.on((event) => {
      if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
    });
    win.on('closed', () => {
      off();
      win = null;
    });
    win.once('ready-to-show', () => win?.show());
    runInBackground(app, core.events, () => win, core.reminders, language);
    await win.loadURL(APP_URL);
    core.refresh.start();

    // Electron does not wait for a before-quit listener: hold the first quit until the core has
    // saved what it still had in flight (snapshots, the last tries of refused saves), then quit for
    // real — bounded, so a vendor that never answers cannot keep the app from closing.
    let shuttingDown = false;
    let shutDown = false;
    app.on('before-quit', (event) => {
      if (shutDown) return;
      event.preventDefault();
      if (shuttingDown) return;
      shuttingDown = true;
      void Promise.race([
        core.shutdown().then(closeAllAgents),
        new Promise<void>((r) => setTimeout(r, SHUTDOWN_LIMIT_MS)),
      ])
        .catch((e: unknown) => guard.report('shutdown', e))
        .finally(() => {
          shutDown = true;
          app.quit();
        });
    });
  };

  // Start-up failing (it should not: the core runs from memory when the disk refuses) must not leave
  // a process without a window: say so and quit. Once the window is open, the guard's notice is enough.
  const failedStart = (e: unknown) => {
    guard.report('start-up', e);
    if (win) return;
    const t = desktopText(desktopLanguage(language(), app.getPreferredSystemLanguages()));
    const { title, body } = startFailedText(t, { log: logFile(dataDir), dir: dataDir });
    dialog.showErrorBox(title, body);
    app.quit();
  };
  app.whenReady().then(start).catch(failedStart);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
