import type { Page } from '@playwright/test';
import type { AccountSnapshot } from '../../preload/contract/model';
import { type AppUnderTest, expect, screenshot, test } from './fixtures';

/**
 * Proxy health check (issue 15 §3) in demo mode: the demo IPs stand behind local proxies (a good HTTP
 * one, a good SOCKS5 one, a wrong-country exit, a dead port, a slow one; main/core/demo/demo-health.ts).
 * Select IPs, Check, progress, Cancel, results in the Health column, the dead / slow / mismatch filters,
 * results kept after a reload ("last checked"), and the same in 简体中文.
 */
test.use({ demo: true });

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();

/** A demo account without servers, with five IPs or more that have a country (every demo outcome). */
async function demoAccount(app: AppUnderTest): Promise<{ label: string; count: number }> {
  await app.core.refresh.idle();
  const snaps: AccountSnapshot[] = app.core.refresh.list();
  for (const a of app.core.accounts.list()) {
    if (!a.demo) continue;
    const snap = snaps.find((s) => s.accountId === a.id);
    // The advertised country is needed to tell a wrong-country exit.
    const withCountry = snap?.proxies.slice(0, 5).every((p) => p.country) ?? false;
    if (snap && withCountry && snap.proxies.length >= 5 && snap.servers.length === 0) {
      return { label: a.label, count: snap.proxies.length };
    }
  }
  throw new Error('no demo account with five IPs');
}

async function openAccountIps(page: Page, label: string, accountName = 'Account') {
  await page.getByRole('combobox', { name: accountName, exact: true }).selectOption({ label });
}

const cells = (page: Page) => page.getByTestId('health-cell');

test.describe('health check', () => {
  test('select IPs, Check: progress, results in the column, the filters narrow, results stay after reload', async ({
    page,
    app,
  }) => {
    const acc = await demoAccount(app);
    await page.reload();
    await nav(page, 'IPs');
    await openAccountIps(page, acc.label);
    await expect(page.getByText(new RegExp(`^${acc.count} of \\d+ IPs shown`))).toBeVisible();
    await expect(cells(page).first()).toHaveText('Not checked');

    await page.getByRole('button', { name: 'Select all filtered' }).click();
    const check = page.getByRole('button', { name: `Check ${acc.count}`, exact: true });
    await expect(check).toHaveAttribute('title', /reads the exit IP and country; nothing is sent to the vendor/);
    await check.click();
    const bar = page.getByTestId('health-bar');
    await expect(bar).toBeVisible();
    await expect(bar.getByRole('status')).toHaveText(/Checked \d+ of \d+ · \d+ dead|Check finished/);
    await expect(bar.getByRole('status')).toHaveText(
      new RegExp(`Check finished: \\d+ of ${acc.count} work · [1-9]\\d* dead`),
      { timeout: 30_000 },
    );
    await screenshot(page, 'health-results');

    await expect(
      cells(page)
        .filter({ hasText: /^OK · \d+ ms · [A-Z]{2}$/ })
        .first(),
    ).toBeVisible();
    await expect(cells(page).filter({ hasText: 'Dead: port refused' }).first()).toBeVisible();
    await expect(
      cells(page)
        .filter({ hasText: /^Slow · \d+ ms$/ })
        .first(),
    ).toBeVisible();
    await expect(
      cells(page)
        .filter({ hasText: /^Country: [A-Z]{2}, exit [A-Z]{2}$/ })
        .first(),
    ).toBeVisible();
    const dead = cells(page).filter({ hasText: 'Dead: port refused' }).first();
    await expect(dead).toHaveAttribute('title', /The port refused the connection · last checked/);

    // The filters narrow the rows to what they name.
    const filter = page.getByTestId('health-filter');
    for (const [value, tone] of [
      ['dead', 'dead'],
      ['slow', 'slow'],
      ['mismatch', 'mismatch'],
    ] as const) {
      await filter.selectOption(value);
      await expect(cells(page).first()).toHaveAttribute('data-tone', tone);
      const tones = await cells(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-tone')));
      expect(tones.length).toBeGreaterThan(0);
      expect(tones.length).toBeLessThan(acc.count);
      expect(new Set(tones)).toEqual(new Set([tone]));
    }
    await filter.selectOption('all');
    await expect(page.getByText(new RegExp(`^${acc.count} of \\d+ IPs shown`))).toBeVisible();

    // After a reload (as after a restart) the results are still there, with "last checked".
    await page.reload();
    await nav(page, 'IPs');
    await openAccountIps(page, acc.label);
    await expect(cells(page).filter({ hasText: 'Dead: port refused' }).first()).toHaveAttribute(
      'title',
      /last checked .*ago/,
    );
    await page.getByTestId('health-filter').selectOption('dead');
    await expect(cells(page).first()).toHaveText('Dead: port refused');
  });

  test('Cancel stops a run: the bar says so and unchecked IPs stay "Not checked"', async ({ page, app }) => {
    const acc = await demoAccount(app);
    // One at a time, so the slow demo proxy holds the run long enough to press Cancel.
    const s = await app.core.dispatch('settings:get', []);
    if (!s.ok) throw new Error('settings');
    const health = (s.data as { health: Record<string, unknown> }).health;
    await app.core.dispatch('settings:update', [{ health: { ...health, concurrency: 1 } }]);
    await page.reload();
    await nav(page, 'IPs');
    await openAccountIps(page, acc.label);
    await page.getByRole('button', { name: 'Select all filtered' }).click();
    await page.getByRole('button', { name: `Check ${acc.count}`, exact: true }).click();
    const bar = page.getByTestId('health-bar');
    await expect(bar.getByRole('progressbar').or(bar.locator('progress'))).toBeVisible();
    await bar.getByRole('button', { name: 'Cancel' }).click();
    await expect(bar.getByRole('status')).toHaveText(/Check cancelled after \d+ of \d+ · \d+ dead/, {
      timeout: 15_000,
    });
    await expect(cells(page).filter({ hasText: 'Not checked' }).first()).toBeVisible();
    // A new check can start once this one ended.
    await expect(page.getByRole('button', { name: `Check ${acc.count}`, exact: true })).toBeEnabled();
    await bar.getByRole('button', { name: 'Close' }).click();
    await expect(bar).toHaveCount(0);
  });

  test('Servers: Check the servers; one that failed its check offers "Restart server" (the restart confirm)', async ({
    page,
    app,
  }) => {
    await app.core.refresh.idle();
    const snaps: AccountSnapshot[] = app.core.refresh.list();
    const snap = snaps.find((x) => x.servers.length > 0);
    if (!snap) throw new Error('no demo account with servers');
    const server = snap.servers[0]!;
    await page.reload();
    await nav(page, 'Servers');
    const count = snaps
      .filter((x) => app.core.accounts.list().some((a) => a.id === x.accountId))
      .reduce((n, x) => n + x.servers.length, 0);
    await page.getByRole('button', { name: `Check all (${count})`, exact: true }).click();
    const bar = page.getByTestId('health-bar');
    await expect(bar.getByRole('status')).toHaveText(/Check finished/, { timeout: 30_000 });
    // The vendor gives no port or password of a server: said so, not counted as dead.
    const row = page.locator(`tr[data-server="${server.id}"]`);
    await expect(row.getByTestId('health-cell')).toHaveText('Can’t check: no port or password');

    // A server main reports as failing (as a check through it would): Restart server opens the confirm.
    app.core.events.emit({
      type: 'health-progress',
      progress: {
        runId: '5a0c3a5e-1f7b-4c55-9d0e-7a4b2c1d0e9f',
        total: 1,
        done: 1,
        ok: 0,
        failed: 1,
        state: 'done',
        results: [
          {
            item: { accountId: snap.accountId, kind: 'server', id: server.id },
            checkedAt: new Date().toISOString(),
            ok: false,
            failure: 'timeout',
            detail: 'No answer within 10 s.',
            latencyMs: null,
            exitIp: null,
            exitCountry: null,
            advertisedCountry: null,
            countryMatches: null,
            slow: false,
            nextStep: 'restartServer',
          },
        ],
      },
    });
    await expect(row.getByTestId('health-cell')).toHaveText('Dead: timeout');
    await row.getByRole('button', { name: 'Restart server' }).click();
    const confirm = page.getByRole('dialog', { name: `Restart ${server.ip}?` });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Keep it running' }).click();
    const detail = page.getByTestId('server-health');
    await expect(detail).toContainText('No answer within 10 s · last checked');
    await expect(detail.getByRole('button', { name: 'Restart server' })).toBeVisible();
    await screenshot(page, 'health-servers');
  });

  test('简体中文: the check, its progress and the reasons read in Chinese; Settings has the check fields', async ({
    page,
    app,
  }) => {
    const acc = await demoAccount(app);
    await app.core.dispatch('settings:update', [{ language: 'zh-CN' }]);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await nav(page, 'IP');
    await openAccountIps(page, acc.label.replace('Demo', '演示'), '账户');
    await page.getByRole('button', { name: '全选筛选结果', exact: true }).click();
    await page.getByRole('button', { name: `检查 ${acc.count} 个`, exact: true }).click();
    const bar = page.getByTestId('health-bar');
    await expect(bar.getByRole('status')).toHaveText(/检查完成：\d+ 个中 \d+ 个可用 · \d+ 个不可用/, {
      timeout: 30_000,
    });
    await expect(cells(page).filter({ hasText: '不可用：端口拒绝' }).first()).toHaveAttribute(
      'title',
      /端口拒绝了连接 · 上次检查：/,
    );
    await expect(page.getByRole('columnheader', { name: '可用性' })).toBeVisible();
    await page.getByTestId('health-filter').selectOption('mismatch');
    await expect(cells(page).first()).toHaveText(/^国家：[A-Z]{2}，出口 [A-Z]{2}$/);
    await screenshot(page, 'health-zh');

    await nav(page, '设置');
    const section = page.getByTestId('health-settings');
    await expect(section.getByRole('heading', { name: '代理检查' })).toBeVisible();
    await section.getByRole('textbox', { name: '检查地址' }).fill('ftp://example');
    await section.getByRole('button', { name: '保存检查设置' }).click();
    await expect(section.getByText('请输入以 http:// 或 https:// 开头的完整网址。')).toBeVisible();
    await section.getByRole('textbox', { name: '检查地址' }).fill('http://127.0.0.1:9/json');
    await section.getByRole('textbox', { name: '时间限制（秒）' }).fill('5');
    await section.getByRole('button', { name: '保存检查设置' }).click();
    await expect
      .poll(async () => {
        const r = await app.core.dispatch('settings:get', []);
        return r.ok ? (r.data as { health: { checkUrl: string; timeoutMs: number } }).health : null;
      })
      .toMatchObject({ checkUrl: 'http://127.0.0.1:9/json', timeoutMs: 5000 });
  });
});
