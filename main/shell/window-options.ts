import { join, sep } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

/** The app's id: electron-builder.yml `appId`, which the Windows installer gives its shortcut (AppUserModelID). */
export const APP_ID = 'com.proxydeck.app';

/** The app's page lives on its own privileged scheme, never file:// (Electron security checklist 18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'proxydeck';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Options of the one main window, as a pure function so a test can check every security switch
 * without the Electron binary: isolated, sandboxed, no Node, no webview, devtools only in development.
 */
export function mainWindowOptions(opts: { preloadPath: string; isDev: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Proxydeck',
    backgroundColor: '#0f172a',
    autoHideMenuBar: false,
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: opts.isDev,
      // Middle-click must not open windows either.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/**
 * The renderer file an app:// request names, or null: another scheme or host, a malformed escape, a
 * backslash or NUL (Windows reads a backslash as a separator), a `%` left after decoding once (double
 * encoding: no renderer file has one in its name), or anything that resolves outside `root`.
 */
export function appFilePath(root: string, requestUrl: string): string | null {
  let url: URL;
  let path: string;
  try {
    url = new URL(requestUrl);
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || /[\\\0%]/.test(path)) return null;
  const file = join(root, path);
  return file.startsWith(root + sep) ? file : null;
}
