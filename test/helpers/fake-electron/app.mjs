/** The fake `app`: paths, ready, single-instance lock, and Electron's quit sequence. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { FakeEvent, Recorded, record } from './state.mjs';

const env = process.env;

/** The app folder: where the package.json above the main script is (Electron reads name and version there). */
function findApp() {
  let dir = dirname(resolve(process.argv[1] ?? '.'));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        return { dir, pkg: JSON.parse(readFileSync(file, 'utf8')) };
      } catch {
        return { dir, pkg: {} };
      }
    }
    const up = dirname(dir);
    if (up === dir) return { dir: process.cwd(), pkg: {} };
    dir = up;
  }
}

class App extends Recorded {
  #ready = false;
  #readyScheduled = false;
  #resolveReady = () => {};
  #readyPromise = new Promise((r) => {
    this.#resolveReady = r;
  });
  #paths = new Map();
  #ownTemp = null;
  #app = findApp();
  #name = this.#app.pkg.productName ?? this.#app.pkg.name ?? 'Electron';
  /** Set once before-quit went through without preventDefault (Electron then closes the windows). */
  quitting = false;
  /** How the process ends (control.mjs replaces it to report first). */
  terminate = (code) => process.exit(code);
  commandLine = {
    appendSwitch: (...a) => record('app.commandLine.appendSwitch', 'app', a),
    appendArgument: (...a) => record('app.commandLine.appendArgument', 'app', a),
    hasSwitch: () => false,
    getSwitchValue: () => '',
    removeSwitch: () => {},
  };

  constructor() {
    super('app', 'app');
    this.isPackaged = env.FAKE_ELECTRON_PACKAGED === '1';
  }

  /** Removes the temp app-data folder the fake made (when nothing set one). */
  cleanup() {
    try {
      if (this.#ownTemp) rmSync(this.#ownTemp, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // a file still open at exit (Windows): left in the temp folder
    }
    this.#ownTemp = null;
  }

  on(name, listener) {
    if (name === 'ready') this.#scheduleReady();
    return super.on(name, listener);
  }

  // Ready comes on its own once main asked for it (unless a test drives it: FAKE_ELECTRON_MANUAL_READY=1).
  #scheduleReady() {
    if (this.#readyScheduled || env.FAKE_ELECTRON_MANUAL_READY === '1') return;
    this.#readyScheduled = true;
    setImmediate(() => this.emitReady());
  }

  emitReady() {
    if (this.#ready) return;
    this.#ready = true;
    this.fire('ready', new FakeEvent(), {});
    this.#resolveReady();
  }

  whenReady() {
    record('app.whenReady', 'app');
    this.#scheduleReady();
    return this.#readyPromise;
  }
  isReady() {
    return this.#ready;
  }

  #defaultPath(name) {
    const appData = () => {
      if (env.FAKE_ELECTRON_APP_DATA) return env.FAKE_ELECTRON_APP_DATA;
      // Never the user's real ~/.config: a throw-away folder, removed at exit.
      this.#ownTemp ??= mkdtempSync(join(tmpdir(), 'fake-electron-appdata-'));
      return this.#ownTemp;
    };
    switch (name) {
      case 'home':
        return homedir();
      case 'appData':
        return appData();
      case 'userData':
      case 'sessionData':
        return this.#paths.get('userData') ?? join(appData(), this.#name);
      case 'logs':
        return join(this.getPath('userData'), 'logs');
      case 'crashDumps':
        return join(this.getPath('userData'), 'Crashpad');
      case 'temp':
        return tmpdir();
      case 'exe':
      case 'module':
        return process.execPath;
      case 'desktop':
      case 'documents':
      case 'downloads':
      case 'music':
      case 'pictures':
      case 'videos':
        return join(homedir(), name[0].toUpperCase() + name.slice(1));
      default:
        throw new Error(`Failed to get '${name}' path`);
    }
  }
  getPath(name) {
    record('app.getPath', 'app', [name]);
    return this.#paths.get(name) ?? this.#defaultPath(name);
  }
  setPath(name, path) {
    record('app.setPath', 'app', [name, path]);
    this.#paths.set(name, path);
  }
  getAppPath() {
    return this.#app.dir;
  }
  getVersion() {
    return this.#app.pkg.version ?? '0.0.0';
  }
  getName() {
    return this.#name;
  }
  setName(name) {
    record('app.setName', 'app', [name]);
    this.#name = name;
  }
  getLocale() {
    return env.FAKE_ELECTRON_LOCALE ?? 'en-US';
  }
  getSystemLocale() {
    return this.getLocale();
  }
  getPreferredSystemLanguages() {
    return [this.getLocale()];
  }
  getLocaleCountryCode() {
    return (this.getLocale().split('-')[1] ?? '').toUpperCase();
  }

  requestSingleInstanceLock(data) {
    record('app.requestSingleInstanceLock', 'app', data === undefined ? [] : [data]);
    // FAKE_ELECTRON_SINGLE_INSTANCE=second: another instance holds the lock.
    return env.FAKE_ELECTRON_SINGLE_INSTANCE !== 'second';
  }
  hasSingleInstanceLock() {
    return env.FAKE_ELECTRON_SINGLE_INSTANCE !== 'second';
  }
  releaseSingleInstanceLock() {
    record('app.releaseSingleInstanceLock', 'app');
  }

  /**
   * Electron's order: 'before-quit' (preventDefault cancels), every window gets 'close' (one that
   * prevents it cancels), then on a later turn 'will-quit' (preventDefault cancels), 'quit', and the
   * process ends at once: promises still pending in main never settle.
   */
  quit() {
    record('app.quit', 'app');
    if (this.fire('before-quit').defaultPrevented) return;
    this.quitting = true;
    for (const win of this.windows()) {
      win.close();
      if (!win.isDestroyed()) {
        this.quitting = false;
        record('app.quitCancelled', 'app', ['a window refused to close']);
        return;
      }
    }
    setImmediate(() => {
      if (this.fire('will-quit').defaultPrevented) {
        this.quitting = false;
        return;
      }
      this.fire('quit', new FakeEvent(), 0);
      this.terminate(0);
    });
  }
  /** Ends at once: no before-quit, no will-quit (as Electron's app.exit). */
  exit(code = 0) {
    record('app.exit', 'app', [code]);
    this.terminate(code);
  }
  relaunch(options) {
    record('app.relaunch', 'app', options === undefined ? [] : [options]);
  }

  /** Set by windows.mjs (the windows that are open), so the quit sequence can close them. */
  windows = () => [];

  focus(options) {
    record('app.focus', 'app', options === undefined ? [] : [options]);
  }
  hide() {
    record('app.hide', 'app');
  }
  show() {
    record('app.show', 'app');
  }
  setBadgeCount(count) {
    record('app.setBadgeCount', 'app', [count]);
    this.badgeCount = count;
    return true;
  }
  getBadgeCount() {
    return this.badgeCount ?? 0;
  }
  setAppUserModelId(id) {
    record('app.setAppUserModelId', 'app', [id]);
  }
  setAboutPanelOptions(options) {
    record('app.setAboutPanelOptions', 'app', [options]);
  }
  setLoginItemSettings(settings) {
    record('app.setLoginItemSettings', 'app', [settings]);
  }
  getLoginItemSettings() {
    return { openAtLogin: false, openAsHidden: false, wasOpenedAtLogin: false };
  }
  isDefaultProtocolClient() {
    return false;
  }
  setAsDefaultProtocolClient(protocol) {
    record('app.setAsDefaultProtocolClient', 'app', [protocol]);
    return true;
  }
  disableHardwareAcceleration() {
    record('app.disableHardwareAcceleration', 'app');
  }
  getGPUFeatureStatus() {
    return {};
  }
}

export const app = new App();
