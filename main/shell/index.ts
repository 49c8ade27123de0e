/**
 * The Electron shell: window, protocol, menu, IPC binding. Everything else is the core
 * (main/core), which runs the same in plain Node. Keep this file small.
 */
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { EVENT_CHANNEL } from '../../preload/contract/api';
import { createCore, logFile } from '../core/app-core';
import { DemoEnvironment } from '../core/demo/demo-environment';
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
import { menuTemplate } from './menu';
import { installSecurityRules } from './security';
import { APP_HOST, APP_SCHEME, APP_URL, mainWindowOptions } from './window-options';

const isDev = !app.isPackaged;
// Tests run the app against a throw-away data folder.
if (process.env.PROXYDECK_USER_DATA) app.setPath('userData', process.env.PROXYDECK_USER_DATA);
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

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.show(); // it may be hidden in the tray
      win.focus();
    }
  });

  const start = async () => {
    installSecurityRules(app, session.defaultSession);
    // Serve only files inside the built renderer folder, each with the CSP and security headers
    // (webRequest does not see custom-protocol responses, so they are set here).
    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      const file = join(rendererDir, decodeURIComponent(url.pathname));
      if (url.host !== APP_HOST || !file.startsWith(rendererDir + sep))
        return new Response('Not found', { status: 404 });
      const res = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(res.headers);
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) headers.set(k, v);
      return new Response(res.body, { status: res.status, headers });
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, isDev)));

    const core = await createCore({
      dataDir,
      Backend: ElectronStore as unknown as BackendCtor,
      vault: new KeytarVault(),
      vendors: VENDOR_MODULES,
      version: app.getVersion(),
      demo: new DemoEnvironment(SIMULATOR_FACTORIES),
      log,
      guard,
      openExternal: (url) => shell.openExternal(url),
    });
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
    runInBackground(app, core.events, () => win, core.reminders);
    await win.loadURL(APP_URL);
    core.refresh.start();

    app.on('before-quit', () => {
      void core.shutdown().then(closeAllAgents);
    });
  };

  // Start-up failing (it should not: the core runs from memory when the disk refuses) must not leave
  // a process without a window: say so and quit. Once the window is open, the guard's notice is enough.
  const failedStart = (e: unknown) => {
    guard.report('start-up', e);
    if (win) return;
    dialog.showErrorBox(
      'Proxydeck could not start',
      `Something went wrong while starting (the details are in the log: ${logFile(dataDir)}). Restart Proxydeck; if it keeps happening, check that its data folder ${dataDir} is on a working disk.`,
    );
    app.quit();
  };
  app.whenReady().then(start).catch(failedStart);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
