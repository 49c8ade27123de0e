import { expect, test } from './fixtures';

test('the page runs without Node and its CSP blocks injected inline script', async ({ page, app }) => {
  expect(page.url()).toContain(app.host.origin);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  // An injected inline script must not run, and the browser must report it as a CSP violation.
  // (eval is not checked here: DevTools-driven evaluation is exempt from CSP; the header's lack of
  // 'unsafe-eval' is asserted in test/unit/shell-options.test.ts.)
  const blocked = await page.evaluate(async () => {
    const w = window as unknown as { injected?: boolean };
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }),
    );
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.appendChild(s);
    return { inlineRan: w.injected === true, directive: await violation };
  });
  expect(blocked).toEqual({ inlineRan: false, directive: 'script-src-elem' });
});

test('the token is removed from the address bar and calls without it are refused', async ({ page, app }) => {
  expect(page.url()).not.toContain(app.host.token);
  const status = await page.evaluate(
    async () => (await fetch('/ipc/accounts:list', { method: 'POST', body: '[]' })).status,
  );
  expect(status).toBe(403);
});
