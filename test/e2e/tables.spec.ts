import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { addAccounts, nav, snapOf } from './renew-steps';

/**
 * Issue 11, the tables: selections follow what is shown (8), one country code (11), small windows
 * (12), and the smaller points of 14 (days filter, export names and tokens, the Orders status).
 * Real core and real accounts on the simulators.
 */

const ipsCount = (page: Page) => page.locator('.ips-toolbar .count');

async function setTheme(page: Page, theme: 'Light' | 'Dark') {
  await nav(page, 'Settings');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
}

test.describe('tables (issue 11)', () => {
  test('8: after filtering, copy, export and renew use only the selected rows that are shown, and the toolbar says how many are hidden', async ({
    page,
    app,
  }) => {
    const snaps = await addAccounts(app, page, ['youproxy', 'thordata', 'proxyshard']);
    const yp = snapOf(app, snaps, 'youproxy');
    const td = snapOf(app, snaps, 'thordata');
    const ps = snapOf(app, snaps, 'proxyshard');
    const total = snaps.reduce((n, s) => n + s.proxies.length + s.servers.length, 0);
    await nav(page, 'IPs');
    await page.getByRole('button', { name: 'Select all filtered' }).click();
    await expect(ipsCount(page)).toContainText(`${total} selected`);

    // Narrow to YouProxy: the Thordata rows stay selected but hidden, and every action leaves them out.
    await page.getByRole('combobox', { name: 'Provider', exact: true }).selectOption({ label: 'YouProxy' });
    const shown = yp.proxies.length + yp.servers.length;
    const hidden = total - shown;
    await expect(ipsCount(page)).toContainText(`${total} selected, ${hidden} hidden by the filter`);
    await expect(
      page.getByText(`Copy, export and renew use only the ${shown} selected rows you can see.`),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: `Export ${shown}`, exact: true })).toBeEnabled();
    await expect(page.getByRole('button', { name: `Copy ${shown}`, exact: true })).toBeEnabled();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Export ${shown}`, exact: true }).click(),
    ]);
    const lines = readFileSync((await download.path())!, 'utf8').split('\n');
    expect(lines).toHaveLength(shown);
    const otherIps = new Set([...td.proxies, ...ps.proxies].map((p) => p.ip));
    expect(lines.filter((l) => otherIps.has(l.split(':')[0]!))).toEqual([]);
    // The bulk Renew button counts only shown rows as well (never more than are shown).
    const renew = page.getByRole('button', { name: /^Renew \/ extend/ });
    const renewCount = Number((await renew.innerText()).match(/\((\d+)\)/)?.[1] ?? 0);
    expect(renewCount).toBeLessThanOrEqual(shown);
    await screenshot(page, 'tables-selection-hidden');

    // "Unselect hidden rows" drops the hidden ones: clearing the filter shows only the YouProxy selection.
    await page.getByRole('button', { name: 'Unselect hidden rows' }).click();
    await expect(ipsCount(page)).toContainText(`${shown} selected`);
    await expect(ipsCount(page)).not.toContainText('hidden');
    await page.getByRole('combobox', { name: 'Provider', exact: true }).selectOption({ label: 'All providers' });
    await expect(ipsCount(page)).toContainText(`${shown} selected`);

    // Orders: the same rule. Two checked orders of two providers, then a filter hides one of them.
    await nav(page, 'Orders');
    const ypOrder = yp.orders[0]!;
    const psOrder = ps.orders[0]!;
    await page.getByRole('checkbox', { name: `Select order ${ypOrder.id}`, exact: true }).check();
    await page.getByRole('checkbox', { name: `Select order ${psOrder.id}`, exact: true }).check();
    await expect(page.getByRole('button', { name: 'Export 2 orders (CSV)' })).toBeEnabled();
    await page.getByRole('button', { name: `Details of order ${psOrder.id}`, exact: true }).click();
    await page.getByRole('button', { name: 'Close', exact: true }).first().click();
    await page.getByRole('combobox', { name: 'Provider', exact: true }).selectOption({ label: 'YouProxy' });
    await expect(page.getByText('2 selected, 1 hidden by the filter')).toBeVisible();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export 1 order (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^proxydeck-orders-youproxy-shop-\d{4}-\d\d-\d\d\.csv$/);
    const body = readFileSync((await csv.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(body).toHaveLength(2);
    expect(body[1]).toContain(`"${ypOrder.id}"`);
    await screenshot(page, 'tables-orders-selection');
  });

  test('11: one country code — YouProxy "DEU" and Thordata "DE" are one "Germany" in the filter; names follow the language, exports keep the code', async ({
    page,
    app,
  }) => {
    const snaps = await addAccounts(app, page, ['youproxy', 'thordata']);
    const yp = snapOf(app, snaps, 'youproxy');
    const td = snapOf(app, snaps, 'thordata');
    // Every stored code is ISO 3166-1 alpha-2 (YouProxy answers alpha-3).
    for (const p of [...yp.proxies, ...td.proxies]) if (p.country) expect(p.country).toMatch(/^[A-Z]{2}$/);
    const both = [...new Set(yp.proxies.map((p) => p.country))].find(
      (c) => c && td.proxies.some((p) => p.country === c),
    );
    expect(both, 'a country both simulators sell').toBeTruthy();
    const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(both!)!;

    await nav(page, 'IPs');
    const country = page.getByRole('combobox', { name: 'Country', exact: true });
    // The view (a lazy chunk) and its snapshot arrive after the click: wait until the options are there.
    await expect
      .poll(async () => (await country.locator('option').allInnerTexts()).filter((o) => o === name).length)
      .toBe(1);
    const options = await country.locator('option').allInnerTexts();
    expect(options.some((o) => /^[A-Z]{3}$/.test(o))).toBe(false);
    await country.selectOption({ label: name });
    const count = [...yp.proxies, ...td.proxies].filter((p) => p.country === both).length;
    await expect(ipsCount(page)).toHaveText(new RegExp(`^${count} of \\d+ IPs? shown`));
    await expect(page.getByTestId('ip-country').first()).toHaveText(name);
    await page.getByRole('button', { name: 'Select all filtered' }).click();
    await page.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'CSV (spreadsheet)' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Export ${count}`, exact: true }).click(),
    ]);
    const rows = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(rows).toHaveLength(count);
    for (const r of rows) expect(r.split('","')[5]).toBe(both);
    expect(rows.some((r) => r.includes('"YouProxy"')) && rows.some((r) => r.includes('"Thordata"'))).toBe(true);

    // In Chinese the same country has its Chinese name.
    await nav(page, 'Settings');
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文 (Simplified Chinese)' });
    await page.getByRole('navigation').getByRole('button', { name: 'IP', exact: true }).click();
    const zh = new Intl.DisplayNames(['zh-CN'], { type: 'region' }).of(both!)!;
    await expect(page.getByTestId('ip-country').first()).toHaveText(zh);
    await screenshot(page, 'tables-country-zh');
  });

  for (const theme of ['Light', 'Dark'] as const) {
    test(`12: small windows work (${theme}): IPs columns hide by priority and never overlap; the order detail overlays at 900×600`, async ({
      page,
      app,
    }) => {
      const snaps = await addAccounts(app, page, ['youproxy', 'proxyshard']);
      await setTheme(page, theme);
      for (const size of [
        { width: 900, height: 600 },
        { width: 1280, height: 800 },
      ]) {
        await page.setViewportSize(size);
        await nav(page, 'IPs');
        const table = page.getByRole('table', { name: 'IPs' });
        const row = table.locator('tbody tr:not(.spacer)').first();
        await expect(row).toBeVisible();
        // Shown cells never overlap and none is wider than its column (nothing spills into the next).
        const boxes = await row.locator('td').evaluateAll((tds) =>
          tds
            .filter((td) => getComputedStyle(td).display !== 'none')
            .map((td) => {
              const r = td.getBoundingClientRect();
              const inner = td.firstElementChild ?? td;
              return { left: r.left, right: r.right, overflow: td.scrollWidth - td.clientWidth, inner: inner.tagName };
            }),
        );
        for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 1);
        // The table fits its box: no sideways scrolling.
        const wrap = page.locator('.ips-scroll');
        const [sw, cw] = await wrap.evaluate((el) => [el.scrollWidth, el.clientWidth]);
        expect(sw).toBeLessThanOrEqual(cw + 1);
        // IP, port and expiry are always there; at 900 the lowest priorities (password, country) hide.
        for (const col of ['IP', 'Port', 'Expires'])
          await expect(table.getByRole('columnheader', { name: col, exact: true })).toBeVisible();
        const pass = table.getByRole('columnheader', { name: 'Password', exact: true });
        if (size.width === 900) await expect(pass).toBeHidden();
        else await expect(pass).toBeVisible();
        await screenshot(page, `tables-ips-${size.width}-${theme.toLowerCase()}`);

        // Orders: at 900 the detail panel slides over the table (the table keeps its width); at 1280 beside it.
        await nav(page, 'Orders');
        const orders = page.getByRole('table', { name: 'Orders' });
        const before = (await orders.boundingBox())!.width;
        const ordersWrap = page.locator('.orders-layout > .table-wrap');
        const fits = () => ordersWrap.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
        expect(await fits()).toBe(true);
        const order = snapOf(app, snaps, 'proxyshard').orders[0]!;
        await page.getByRole('button', { name: `Details of order ${order.id}`, exact: true }).click();
        const panel = page.getByRole('region', { name: `Order ${order.id}`, exact: true });
        await expect(panel).toBeVisible();
        const box = (await panel.boundingBox())!;
        if (size.width === 900) {
          expect((await orders.boundingBox())!.width).toBeCloseTo(before, 0);
          expect(box.x + box.width).toBeCloseTo(size.width, 0);
          await expect(panel).toBeFocused();
          await screenshot(page, `tables-orders-${size.width}-${theme.toLowerCase()}`);
          await page.keyboard.press('Escape');
          await expect(panel).toBeHidden();
        } else {
          await screenshot(page, `tables-orders-${size.width}-${theme.toLowerCase()}`);
          // Beside the panel the table still fits its box (lower-priority columns hide), nothing is cut.
          const t = (await orders.boundingBox())!;
          expect(t.x + t.width).toBeLessThanOrEqual(box.x);
          expect(await fits()).toBe(true);
          await panel.getByRole('button', { name: 'Close', exact: true }).click();
        }
      }
    });
  }

  test('12: 900×600 in dark 简体中文 (screenshot)', async ({ page, app }) => {
    await addAccounts(app, page, ['youproxy', 'thordata']);
    await page.setViewportSize({ width: 900, height: 600 });
    await setTheme(page, 'Dark');
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文 (Simplified Chinese)' });
    await page.getByRole('navigation').getByRole('button', { name: 'IP', exact: true }).click();
    await expect(page.getByRole('table').locator('tbody tr:not(.spacer)').first()).toBeVisible();
    await screenshot(page, 'tables-ips-900-dark-zh');
  });

  test('14: "Expires within (days)" refuses negatives; file names carry provider and account; {provider}/{account} tokens; Orders say "Active"', async ({
    page,
    app,
  }) => {
    const snaps = await addAccounts(app, page, ['youproxy', 'proxyshard']);
    const yp = snapOf(app, snaps, 'youproxy');
    const total = snaps.reduce((n, s) => n + s.proxies.length + s.servers.length, 0);
    await nav(page, 'IPs');

    const days = page.getByRole('spinbutton', { name: 'Expires within (days)' });
    await days.fill('-5');
    await expect(days).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert')).toHaveText(
      'Enter 0 or more days. 0 shows what expires today or has already expired.',
    );
    await expect(days).toHaveAccessibleDescription(/Enter 0 or more days/);
    // The filter is not applied while the number is refused.
    await expect(ipsCount(page)).toContainText(`${total} of ${total}`);
    await screenshot(page, 'tables-days-negative');
    await days.fill('30');
    await expect(days).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await days.fill('');

    // Export name: provider and account; template tokens {provider} and {account}.
    await page.getByRole('combobox', { name: 'Provider', exact: true }).selectOption({ label: 'YouProxy' });
    await page.getByRole('button', { name: 'Select all filtered' }).click();
    await page.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Custom template' });
    await expect(page.getByText(/Tokens: .*\{provider\} \{account\}/)).toBeVisible();
    await page.getByRole('textbox', { name: 'Template' }).fill('{ip}:{port} {provider} {account} {country}');
    const n = yp.proxies.length + yp.servers.length;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Export ${n}`, exact: true }).click(),
    ]);
    const d = new Date();
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(download.suggestedFilename()).toBe(`proxydeck-ips-youproxy-shop-${day}.txt`);
    await expect(page.getByText(`Saved ${n} proxies to proxydeck-ips-youproxy-shop-${day}.txt.`)).toBeVisible();
    const first = readFileSync((await download.path())!, 'utf8').split('\n')[0]!;
    const p = yp.proxies[0]!;
    expect(first).toBe(`${p.ip}:${p.httpPort ?? p.socksPort} YouProxy YouProxy shop ${p.country ?? ''}`.trimEnd());

    // Orders detail: "Active", not "Active (active)".
    const active = snapOf(app, snaps, 'proxyshard').orders.find((o) => o.status === 'active' && o.vendorStatus);
    expect(active, 'an active ProxyShard order with its vendor status').toBeTruthy();
    await nav(page, 'Orders');
    await page.getByRole('searchbox').fill(active!.id);
    await page.getByRole('button', { name: `Details of order ${active!.id}`, exact: true }).click();
    const status = page.getByTestId('order-status');
    await expect(status).toHaveText('Active');
    await screenshot(page, 'tables-order-active');
  });
});
