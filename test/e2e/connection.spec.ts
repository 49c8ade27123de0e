import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STORE_NAME } from '../../main/core/store/app-store';
import { deadPort, startSocks5Proxy } from '../helpers/proxies';
import { expect, screenshot, test } from './fixtures';
import { addAccounts, nav } from './renew-steps';

/** Settings → "Connect to vendors" against the real core and keychain, with a local SOCKS5 proxy (issue 13 §7). */

const PASSWORD = 'E2e-proxy-Pa55-代理';

test('a SOCKS5 proxy with a login: tested, saved, used by the next refresh; its password stays in main', async ({
  page,
  app,
}) => {
  const proxy = await startSocks5Proxy({ login: { username: 'reseller', password: PASSWORD } });
  try {
    await addAccounts(app, page, ['bestproxy']);
    await nav(page, 'Settings');
    const section = page.getByRole('region', { name: 'Connect to vendors' });
    await section.getByRole('radio', { name: 'Through this proxy' }).check();
    await section.getByRole('combobox', { name: 'Proxy type' }).selectOption({ label: 'SOCKS5' });
    await section.getByRole('textbox', { name: 'Proxy address' }).fill('127.0.0.1');
    const port = section.getByRole('textbox', { name: 'Port' });

    // A bad port is refused on the spot, in plain words, and nothing is sent.
    await port.fill('99999');
    await section.getByRole('button', { name: 'Save connection settings' }).click();
    await expect(section.getByText('Enter the proxy port: a whole number from 1 to 65535.')).toBeVisible();
    await expect(port).toBeFocused();
    expect(app.core.store.settings().connection).toEqual({ mode: 'direct' });

    await port.fill(String(proxy.port));
    await section.getByRole('textbox', { name: 'User name (optional)' }).fill('reseller');
    const password = section.getByLabel('Password', { exact: true });

    // Tested before saving, first with a wrong password: the login is refused, and it says what to do.
    await password.fill('not-the-password');
    await section.getByRole('button', { name: 'Test connection' }).click();
    const results = section.getByTestId('connection-results');
    await expect(results).toContainText(
      `The proxy 127.0.0.1:${proxy.port} (SOCKS5) refused the login. Check the user name and password.`,
    );
    await password.fill(PASSWORD);
    await section.getByRole('button', { name: 'Test connection' }).click();
    await expect(results).toContainText(
      new RegExp(`Reached BestProxy through the proxy 127\\.0\\.0\\.1:${proxy.port} \\(SOCKS5\\) in \\d+ ms\\.`),
    );
    await expect(results).toContainText('1 of 1 reached.');

    await section.getByRole('button', { name: 'Save connection settings' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('✓ Saved');
    expect(app.core.store.settings().connection).toEqual({
      mode: 'proxy',
      proxy: { protocol: 'socks5', host: '127.0.0.1', port: proxy.port, username: 'reseller' },
    });
    // Write-only: the field is empty, and says a password is saved.
    await expect(password).toHaveValue('');
    await expect(password).toHaveAttribute('placeholder', 'saved');
    await screenshot(page, 'settings-connection');

    // The next refresh goes through the proxy.
    const before = proxy.tunnels.length;
    await nav(page, 'Dashboard');
    await page.getByRole('button', { name: 'Refresh all' }).click();
    await expect.poll(() => proxy.tunnels.length).toBeGreaterThan(before);
    await app.core.refresh.idle();
    expect(app.core.accounts.list()[0]?.lastError).toBeNull();

    // The saved password survives a reload as "saved" only; it never reached the page or a file.
    await page.reload();
    await nav(page, 'Settings');
    await expect(section.getByLabel('Password', { exact: true })).toHaveAttribute('placeholder', 'saved');
    const file = readFileSync(join(app.dataDir, `${STORE_NAME}.json`), 'utf8');
    for (const text of [...app.ipcBodies, file, await page.content()]) expect(text).not.toContain(PASSWORD);
    expect(app.ipcBodies.join('\n')).toContain('"hasPassword":true');

    // Forgotten: removed from the keychain.
    await section.getByRole('button', { name: 'Forget the saved password' }).click();
    await expect(section.getByText('The saved password was removed.')).toBeVisible();
    await expect(section.getByLabel('Password', { exact: true })).toHaveAttribute('placeholder', '');
  } finally {
    await app.core.dispatch('settings:setProxyPassword', [{ password: null }]);
    await proxy.close();
  }
});

test('in 简体中文: a proxy that is down is told plainly, and nothing goes around it', async ({ page, app }) => {
  await addAccounts(app, page, ['bestproxy']);
  const port = await deadPort();
  await app.core.dispatch('settings:update', [{ language: 'zh-CN' }]);
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: '设置', exact: true }).click();
  const section = page.getByRole('region', { name: '连接供应商' });
  await section.getByRole('radio', { name: '使用下面的代理' }).check();
  await section.getByRole('combobox', { name: '代理类型' }).selectOption({ label: 'SOCKS5' });
  await section.getByRole('textbox', { name: '代理地址' }).fill('127.0.0.1');
  await section.getByRole('textbox', { name: '端口' }).fill(String(port));
  const before = app.sims.bestproxy.server.requests.length;
  await section.getByRole('button', { name: '测试连接' }).click();
  await expect(section.getByTestId('connection-results')).toContainText(
    `无法连接代理 127.0.0.1:${port}（SOCKS5）：连接被拒绝。请检查代理地址和端口，并确认代理正在运行。`,
  );
  await expect(section.getByTestId('connection-results')).toContainText('已连通 0 / 1。');
  expect(app.sims.bestproxy.server.requests.length).toBe(before);
});
