import type { BrowserWindowConstructorOptions } from 'electron';

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
