import { type App, type Session, shell } from 'electron';
import { SECURITY_HEADERS } from '../core/security/csp';
import { isSafeExternalUrl } from '../core/security/urls';

/**
 * App-wide rules installed once: no navigation away from our page, no new windows (https links go to
 * the system browser), no webviews, no permissions, CSP on every response of our session.
 */
export function installSecurityRules(app: App, session: Session): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, ...toHeaderLists(SECURITY_HEADERS) } });
  });
}

function toHeaderLists(h: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k, [v]]));
}
