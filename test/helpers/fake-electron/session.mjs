/** The fake session (permissions, webRequest, proxy), protocol and net. */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from './app.mjs';
import { fail, Recorded, record } from './state.mjs';

const WEB_REQUEST_EVENTS = [
  'onBeforeRequest',
  'onBeforeSendHeaders',
  'onSendHeaders',
  'onHeadersReceived',
  'onResponseStarted',
  'onBeforeRedirect',
  'onCompleted',
  'onErrorOccurred',
];

class WebRequest {
  /** @type {Record<string, {filter: unknown, listener: Function} | null>} */
  listeners = {};
  constructor(ref) {
    for (const name of WEB_REQUEST_EVENTS) {
      this[name] = (filterOrListener, maybeListener) => {
        const listener = typeof filterOrListener === 'function' ? filterOrListener : maybeListener;
        const filter = typeof filterOrListener === 'function' ? null : filterOrListener;
        record(`session.webRequest.${name}`, ref, filter ? [filter] : []);
        this.listeners[name] = listener ? { filter, listener } : null;
      };
    }
  }
}

class Session extends Recorded {
  permissionRequestHandler = null;
  permissionCheckHandler = null;
  devicePermissionHandler = null;
  constructor(partition) {
    super('session', `session:${partition}`);
    this.partition = partition;
    this.webRequest = new WebRequest(this.fakeRef);
  }
  get protocol() {
    return protocol;
  }
  setPermissionRequestHandler(handler) {
    record('session.setPermissionRequestHandler', this.fakeRef, [handler]);
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler) {
    record('session.setPermissionCheckHandler', this.fakeRef, [handler]);
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler) {
    record('session.setDevicePermissionHandler', this.fakeRef, [handler]);
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler) {
    record('session.setDisplayMediaRequestHandler', this.fakeRef, [handler]);
  }
  /** FAKE_ELECTRON_PROXY sets what the "system" proxy answer is (PAC syntax, e.g. "PROXY 127.0.0.1:8080"). */
  resolveProxy(url) {
    record('session.resolveProxy', this.fakeRef, [url]);
    return Promise.resolve(process.env.FAKE_ELECTRON_PROXY ?? 'DIRECT');
  }
  setProxy(config) {
    record('session.setProxy', this.fakeRef, [config]);
    return Promise.resolve();
  }
  closeAllConnections() {
    record('session.closeAllConnections', this.fakeRef);
    return Promise.resolve();
  }
  clearCache() {
    return Promise.resolve();
  }
  clearStorageData(options) {
    record('session.clearStorageData', this.fakeRef, options === undefined ? [] : [options]);
    return Promise.resolve();
  }
  getUserAgent() {
    return 'Mozilla/5.0 FakeElectron';
  }
  setUserAgent(ua) {
    record('session.setUserAgent', this.fakeRef, [ua]);
  }
  setSpellCheckerEnabled(on) {
    record('session.setSpellCheckerEnabled', this.fakeRef, [on]);
  }
  fetch(input, init) {
    return net.fetch(input, init);
  }
}

const sessions = new Map();
export const defaultSession = new Session('default');
export const session = {
  defaultSession,
  fromPartition(partition) {
    record('session.fromPartition', undefined, [partition]);
    if (!sessions.has(partition)) sessions.set(partition, new Session(partition));
    return sessions.get(partition);
  },
};

/** @type {Map<string, Function>} */
export const protocolHandlers = new Map();
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', undefined, [schemes]);
    if (app.isReady()) fail('protocol.registerSchemesAsPrivileged() must be called before the app is ready');
  },
  handle(scheme, handler) {
    record('protocol.handle', undefined, [scheme]);
    if (!app.isReady()) fail(`protocol.handle('${scheme}') before the app is ready`);
    if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    protocolHandlers.set(scheme, handler);
  },
  unhandle(scheme) {
    record('protocol.unhandle', undefined, [scheme]);
    protocolHandlers.delete(scheme);
  },
  isProtocolHandled(scheme) {
    return protocolHandlers.has(scheme);
  },
};

const MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
  '.txt': 'text/plain',
};

/** net.fetch: file:// served from disk with Node (as Chromium's file loader would), the rest by Node's fetch. */
export const net = {
  async fetch(input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    record('net.fetch', undefined, [url]);
    if (!url.startsWith('file:')) return fetch(input, init);
    let path;
    try {
      path = fileURLToPath(url);
    } catch {
      throw new Error(`net::ERR_INVALID_URL (${url})`);
    }
    const info = await stat(path).catch(() => null);
    if (!info) throw new Error(`net::ERR_FILE_NOT_FOUND (${url})`);
    // Chromium answers a folder with a generated listing; a fake cannot know its exact HTML, so it says so.
    if (info.isDirectory()) return new Response(`<!-- directory listing of ${path} -->`, { status: 200 });
    const body = await readFile(path);
    return new Response(body, {
      status: 200,
      headers: { 'content-type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream' },
    });
  },
  isOnline: () => true,
  online: true,
};
