/** The fake BrowserWindow and webContents: options and every call journaled, events driven by tests. */
import { pathToFileURL } from 'node:url';
import { app } from './app.mjs';
import { defaultSession } from './session.mjs';
import { bus, FakeEvent, fail, Recorded, record } from './state.mjs';

let nextWebContentsId = 1;
let nextWindowId = 1;
/** @type {Map<number, WebContents>} */
export const allWebContents = new Map();
/** @type {Map<number, BrowserWindow>} */
const allWindows = new Map();
app.windows = () => [...allWindows.values()];

export class WebContents extends Recorded {
  destroyed = false;
  url = '';
  windowOpenHandler = null;
  constructor(session) {
    const id = nextWebContentsId++;
    super('webContents', `webContents#${id}`);
    this.id = id;
    this.session = session;
    allWebContents.set(id, this);
  }
  /** The top frame: what an IPC event's senderFrame is for a call from the page itself. */
  get mainFrame() {
    return { url: this.url, origin: safeOrigin(this.url), parent: null, top: null, routingId: 1, processId: 1 };
  }
  send(channel, ...args) {
    record('webContents.send', this.fakeRef, [channel, ...args]);
    if (this.destroyed) {
      fail(`webContents.send('${channel}') on destroyed webContents #${this.id}`);
      throw new Error('Object has been destroyed');
    }
  }
  setWindowOpenHandler(handler) {
    record('webContents.setWindowOpenHandler', this.fakeRef);
    this.windowOpenHandler = handler;
  }
  loadURL(url, options) {
    record('webContents.loadURL', this.fakeRef, options === undefined ? [url] : [url, options]);
    if (this.destroyed) return Promise.reject(new Error('Object has been destroyed'));
    this.url = url;
    return new Promise((resolve) => {
      setImmediate(() => {
        if (this.destroyed) return resolve();
        this.fire('dom-ready');
        this.fire('did-finish-load');
        this.emit('fake-loaded');
        resolve();
        bus.emit('loaded', this);
      });
    });
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isLoading() {
    return false;
  }
  isDevToolsOpened() {
    return false;
  }
  getTitle() {
    return 'Proxydeck';
  }
  markDestroyed() {
    if (this.destroyed) return;
    this.destroyed = true;
    allWebContents.delete(this.id);
    this.fire('destroyed');
  }
}
for (const name of [
  'openDevTools',
  'closeDevTools',
  'toggleDevTools',
  'reload',
  'focus',
  'setZoomFactor',
  'setZoomLevel',
  'setVisualZoomLevelLimits',
  'setUserAgent',
  'setBackgroundThrottling',
  'stop',
]) {
  WebContents.prototype[name] = function (...args) {
    record(`webContents.${name}`, this.fakeRef, args);
  };
}

function safeOrigin(url) {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

export class BrowserWindow extends Recorded {
  destroyed = false;
  minimized = false;
  focused = false;
  constructor(options = {}) {
    const id = nextWindowId++;
    super('BrowserWindow', `BrowserWindow#${id}`);
    this.id = id;
    this.options = options;
    this.visible = options.show !== false;
    record('new BrowserWindow', this.fakeRef, [options]);
    this.webContents = new WebContents(defaultSession);
    allWindows.set(id, this);
    // As in Electron: the new webContents is announced while the window is being made, before any load.
    app.fire('web-contents-created', new FakeEvent(), this.webContents);
    app.fire('browser-window-created', new FakeEvent(), this);
    this.webContents.on('fake-loaded', () => {
      if (!this.shownOnce && !this.destroyed) {
        this.shownOnce = true;
        this.fire('ready-to-show');
      }
    });
  }
  static getAllWindows() {
    return [...allWindows.values()];
  }
  static fromWebContents(contents) {
    return [...allWindows.values()].find((w) => w.webContents === contents) ?? null;
  }
  static fromId(id) {
    return allWindows.get(id) ?? null;
  }
  static getFocusedWindow() {
    return [...allWindows.values()].find((w) => w.focused) ?? null;
  }
  #check(what) {
    if (this.destroyed) {
      fail(`BrowserWindow#${this.id}.${what}() after it was destroyed`);
      throw new Error('Object has been destroyed');
    }
  }
  loadURL(url, options) {
    record('BrowserWindow.loadURL', this.fakeRef, options === undefined ? [url] : [url, options]);
    this.#check('loadURL');
    return this.webContents.loadURL(url, options);
  }
  loadFile(path, options) {
    return this.loadURL(pathToFileURL(path).toString(), options);
  }
  show() {
    record('BrowserWindow.show', this.fakeRef);
    this.#check('show');
    this.visible = true;
    this.minimized = false;
  }
  hide() {
    record('BrowserWindow.hide', this.fakeRef);
    this.#check('hide');
    this.visible = false;
  }
  focus() {
    record('BrowserWindow.focus', this.fakeRef);
    this.#check('focus');
    this.focused = true;
  }
  blur() {
    record('BrowserWindow.blur', this.fakeRef);
    this.focused = false;
  }
  minimize() {
    record('BrowserWindow.minimize', this.fakeRef);
    this.#check('minimize');
    this.minimized = true;
  }
  restore() {
    record('BrowserWindow.restore', this.fakeRef);
    this.#check('restore');
    this.minimized = false;
  }
  isVisible() {
    return this.visible && !this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  isFocused() {
    return this.focused;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** A close request (the user's or the app's): 'close' may be prevented; otherwise the window goes. */
  close() {
    record('BrowserWindow.close', this.fakeRef);
    if (this.destroyed) return;
    if (this.fire('close').defaultPrevented) return;
    this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    record('BrowserWindow.destroy', this.fakeRef);
    this.destroyed = true;
    this.visible = false;
    allWindows.delete(this.id);
    this.fire('closed');
    this.webContents.markDestroyed();
    // Electron does not send window-all-closed while quitting (app.quit closes the windows itself).
    if (allWindows.size === 0 && !app.quitting) app.fire('window-all-closed');
  }
}
for (const name of [
  'setMenu',
  'removeMenu',
  'setMenuBarVisibility',
  'setAutoHideMenuBar',
  'setTitle',
  'setBounds',
  'center',
  'maximize',
  'unmaximize',
  'setFullScreen',
  'flashFrame',
  'setProgressBar',
  'setOverlayIcon',
  'setIcon',
  'setSkipTaskbar',
  'setAlwaysOnTop',
]) {
  BrowserWindow.prototype[name] = function (...args) {
    record(`BrowserWindow.${name}`, this.fakeRef, args);
  };
}
BrowserWindow.prototype.getBounds = function () {
  return { x: 0, y: 0, width: this.options.width ?? 800, height: this.options.height ?? 600 };
};
BrowserWindow.prototype.isMaximized = () => false;
BrowserWindow.prototype.isFullScreen = () => false;
BrowserWindow.prototype.getTitle = function () {
  return this.options.title ?? '';
};

/** The `webContents` module. */
export const webContents = {
  getAllWebContents: () => [...allWebContents.values()],
  fromId: (id) => allWebContents.get(id),
  getFocusedWebContents: () => BrowserWindow.getFocusedWindow()?.webContents ?? null,
};
