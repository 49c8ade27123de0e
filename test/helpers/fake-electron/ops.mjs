/**
 * What a test can make happen, by name (control.mjs runs them on a test's request): the user's and
 * the system's actions (ready, a second instance, closing the window, clicking the tray or a
 * notification, quitting), a page's requests (IPC from any sender, app:// loads, permissions) and
 * queries of the journal. Every answer is plain JSON.
 */
import { app } from './app.mjs';
import { ipcMain } from './ipc.mjs';
import { defaultSession, protocolHandlers } from './session.mjs';
import { FakeEvent, journal, plain, record } from './state.mjs';
import { applicationMenu, notifications, trays } from './ui.mjs';
import { allWebContents, BrowserWindow, WebContents } from './windows.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const json = (v) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

function matches(entry, q) {
  if (q.api !== undefined && (Array.isArray(q.api) ? !q.api.includes(entry.api) : entry.api !== q.api)) return false;
  if (q.target !== undefined && entry.target !== q.target) return false;
  if (q.arg0 !== undefined && JSON.stringify(entry.args[0]) !== JSON.stringify(q.arg0)) return false;
  if (q.after !== undefined && entry.seq <= q.after) return false;
  return true;
}

function firstWindow() {
  const win = BrowserWindow.getAllWindows()[0];
  if (!win) throw new Error('no window is open');
  return win;
}

function contents(id) {
  const wc = id == null ? firstWindow().webContents : allWebContents.get(id);
  if (!wc) throw new Error(`no webContents #${id}`);
  return wc;
}

function menuItem(menu, path) {
  let items = menu?.items;
  let item = null;
  for (const i of path) {
    item = items?.[i];
    if (!item) throw new Error(`no menu item at ${JSON.stringify(path)}`);
    items = item.submenu?.items;
  }
  if (!item) throw new Error('empty menu path');
  return item;
}

/** Clicking a menu item: its click(), or for a role item the role's own action (quit, close…). */
function activate(item) {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (typeof item.click === 'function') return item.click(item, win, { triggeredByAccelerator: false });
  record('fake.role', undefined, [item.role ?? null]);
  if (item.role === 'quit') app.quit();
  else if (item.role === 'close') win?.close();
  else if (item.role === 'minimize') win?.minimize();
}

export const OPS = {
  journal: (q = {}) => journal.filter((e) => matches(e, q)),
  /** Waits until a call matching `q` is in the journal (or fails after timeoutMs). */
  async waitFor(q, timeoutMs = 10_000) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const hit = journal.find((e) => matches(e, q));
      if (hit) return hit;
      if (Date.now() > end) throw new Error(`timed out waiting for ${JSON.stringify(q)}`);
      await sleep(20);
    }
  },
  ready() {
    app.emitReady();
  },
  /** App events: e.g. 'second-instance' with (argv, workingDirectory, additionalData). */
  emitApp(name, ...args) {
    return { prevented: app.fire(name, new FakeEvent(), ...args).defaultPrevented };
  },
  /** A webContents made outside our window (a devtools or guest page): announced as Electron does; its id. */
  newWebContents() {
    const wc = new WebContents(defaultSession);
    app.fire('web-contents-created', new FakeEvent(), wc);
    return wc.id;
  },
  /** A page event on a webContents: 'will-navigate' / 'will-redirect' with a url, 'will-attach-webview'. */
  webContentsEvent(id, name, url) {
    const wc = contents(id);
    const event = new FakeEvent(url ? { url } : {});
    record('webContents.emit', wc.fakeRef, [name, url ?? null]);
    if (name === 'will-attach-webview') wc.emit(name, event, { nodeIntegration: true }, { src: url ?? '' });
    else wc.emit(name, event, url);
    return { prevented: event.defaultPrevented };
  },
  /** window.open(url) from the page: what the window-open handler answered. */
  windowOpen(id, url) {
    const wc = contents(id);
    if (!wc.windowOpenHandler) return { action: 'allow', handler: false };
    return {
      ...json(wc.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' })),
      handler: true,
    };
  },
  /**
   * ipcRenderer.invoke(channel, ...args) from a chosen sender: `webContentsId` (default: the window's),
   * `frameUrl` (default: what it loaded), `subframe` (a frame inside the page), `noFrame` (destroyed frame).
   */
  async invoke(channel, args = [], sender = {}) {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) return { error: `No handler registered for '${channel}'` };
    const wc = allWebContents.get(sender.webContentsId ?? firstWindow().webContents.id) ?? {
      id: sender.webContentsId,
      fakeRef: `webContents#${sender.webContentsId}(foreign)`,
    };
    const url = sender.frameUrl ?? wc.getURL?.() ?? '';
    const top = { url, parent: null, origin: 'null', routingId: 1, processId: 1 };
    const senderFrame = sender.noFrame ? null : sender.subframe ? { ...top, parent: top, routingId: 2 } : top;
    record('fake.invoke', wc.fakeRef, [channel, ...args]);
    try {
      const value = await handler({ sender: wc, senderFrame, processId: 1, frameId: 1, type: 'frame' }, ...args);
      return { value: json(value) };
    } catch (e) {
      return { thrown: e instanceof Error ? e.message : String(e) };
    }
  },
  /** A request the page makes on a custom scheme, answered by its protocol.handle handler. */
  async protocolRequest(url, init = {}) {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = protocolHandlers.get(scheme);
    if (!handler) return { error: `no handler for ${scheme}:` };
    try {
      const res = await handler(new Request(url, init));
      const bytes = Buffer.from(await res.arrayBuffer());
      const type = res.headers.get('content-type') ?? '';
      return {
        status: res.status,
        headers: Object.fromEntries(res.headers),
        ...(type.startsWith('text/') || bytes.length < 2000 ? { text: bytes.toString('utf8') } : {}),
        size: bytes.length,
      };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  },
  /** A page asking for a permission: granted or not (Electron grants when no handler is set). */
  async permissionRequest(permission, id) {
    const h = defaultSession.permissionRequestHandler;
    if (!h) return { granted: true, handler: false };
    const granted = await new Promise((resolve) => h(contents(id), permission, resolve, { requestingUrl: '' }));
    return { granted, handler: true };
  },
  permissionCheck(permission, origin = 'app://proxydeck') {
    const h = defaultSession.permissionCheckHandler;
    if (!h) return { granted: true, handler: false };
    return { granted: h(null, permission, origin, { requestingUrl: origin }), handler: true };
  },
  /** A response passing the session: the headers after onHeadersReceived. */
  async headersReceived(url, responseHeaders = {}) {
    const entry = defaultSession.webRequest.listeners.onHeadersReceived;
    if (!entry) return { responseHeaders, handler: false };
    const answer = await new Promise((resolve) => entry.listener({ url, responseHeaders, method: 'GET' }, resolve));
    return { ...json(answer), handler: true };
  },
  /** The user closes / minimizes a window. */
  closeWindow(id) {
    (id == null ? firstWindow() : BrowserWindow.fromId(id))?.close();
  },
  minimizeWindow(id) {
    (id == null ? firstWindow() : BrowserWindow.fromId(id))?.minimize();
  },
  hideWindow(id) {
    (id == null ? firstWindow() : BrowserWindow.fromId(id))?.hide();
  },
  /** Clicks an item of the application menu or of a tray's context menu, by index path. */
  clickMenu(which, path, tray = 0) {
    const menu = which === 'application' ? applicationMenu : trays[tray]?.contextMenu;
    record('fake.clickMenu', undefined, [which, path]);
    activate(menuItem(menu, path));
  },
  clickTray(tray = 0) {
    const t = trays[tray];
    if (!t) throw new Error('no tray');
    t.fire('click', new FakeEvent(), { x: 0, y: 0 });
  },
  clickNotification(index) {
    const n = notifications[index];
    if (!n) throw new Error(`no notification #${index}`);
    n.fire('click');
  },
  /** Cmd+Q / the system asking the app to quit. */
  quit() {
    app.quit();
  },
  plain: (v) => plain(v),
};
