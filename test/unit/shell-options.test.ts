import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../main/core/security/csp';
import { isSafeExternalUrl } from '../../main/core/security/urls';
import { menuTemplate } from '../../main/shell/menu';
import { mainWindowOptions } from '../../main/shell/window-options';

describe('main window options', () => {
  const opts = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isDev: false });
  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(opts.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/out/preload/index.cjs',
    });
  });
  it('allows devtools only in development', () => {
    expect(mainWindowOptions({ preloadPath: 'p', isDev: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [k, ...v] = d.trim().split(/\s+/);
      return [k!, v];
    }),
  );
  it('is present on every response and well-formed (no colon after directive names)', () => {
    expect(SECURITY_HEADERS['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    for (const k of directives.keys()) expect(k).toMatch(/^[a-z-]+$/);
  });
  it('allows only our own scripts: no inline, no eval, no remote hosts', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|\*|http:/);
  });
});

describe('external links', () => {
  it.each([
    ['https://dashboard.thordata.com/account-settings', true],
    ['http://example.com', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['smb://host/share', false],
    ['https://user:pass@evil.example', false],
    ['https://localhost', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => expect(isSafeExternalUrl(url)).toBe(ok));
});

describe('menu', () => {
  it('has the macOS app menu only on macOS, and Edit everywhere (copy/paste need it)', () => {
    const mac = menuTemplate('darwin', false).map((m) => m.label ?? m.role);
    const win = menuTemplate('win32', false).map((m) => m.label ?? m.role);
    expect(mac[0]).toBe('Proxydeck');
    expect(win).not.toContain('Proxydeck');
    expect(win).toContain('Edit');
    const view = menuTemplate('linux', false).find((m) => m.label === 'View');
    expect(JSON.stringify(view)).not.toContain('toggleDevTools');
  });
});
