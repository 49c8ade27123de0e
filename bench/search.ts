/**
 * The one search (Ctrl+K, issue 15 §1) at 100,000 IPs, measured in the same page and run as the IPs
 * view's filter (bench/ui.ts), so the two are compared as a ratio: the same queries typed one key at a
 * time into the palette's box, key → next frame (the box shows the key) and key → results shown (the
 * list leaves aria-busy). Also the first key typed as soon as the palette first opened: its IP search
 * text (built once per account, lazily) is built in idle time on opening, or by that key if none came.
 */
import type { Page } from '@playwright/test';

/** The queries the IPs view's filter is measured with (bench/ui.ts). */
export const PALETTE_QUERIES = ['u7777', '10.1.13', 'de', 'xyz'];

const FRAME = `const frame = () => new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(0); }));`;

/** As TYPE in bench/ui.ts, on the palette's box; `cold` = type only the first key of the first query. */
const PALETTE_TYPE = `async (queries, cold) => {
  ${FRAME}
  const input = document.querySelector('dialog input[role=combobox]');
  const busy = () => document.querySelector('dialog [role=listbox][aria-busy="true"]') !== null;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const echo = [], shown = [];
  let n = 0;
  const key = async (value) => {
    if (!cold) {
      await frame();
      await new Promise((r) => setTimeout(r, (n++ * 7) % 17));
    }
    const t0 = performance.now();
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    let t = await frame();
    echo.push(t - t0);
    while (busy() && t - t0 < 5000) t = await frame();
    shown.push(t - t0);
  };
  if (cold) {
    await key(queries[0].slice(0, 1));
    return { echo, shown };
  }
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) await key(q.slice(0, i));
    for (let i = q.length - 1; i >= 0; i--) await key(q.slice(0, i));
  }
  return { echo, shown };
}`;

const SETTLED = `new Promise((r) => {
  let n = 0;
  const next = () => requestIdleCallback(() => (++n >= 2 ? r() : next()), { timeout: 3000 });
  next();
})`;

export interface PaletteTimes {
  echo: number[];
  shown: number[];
  /** The first key as soon as the palette first opened: key → results. */
  coldShown: number;
}

async function openPalette(page: Page): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.locator('dialog input[role=combobox]').waitFor({ timeout: 10_000 });
}

async function closePalette(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('dialog input[role=combobox]').waitFor({ state: 'detached', timeout: 10_000 });
}

/** Runs in the page that has the 100,000 IPs loaded (any view); leaves the palette closed. */
export async function measurePalette(page: Page): Promise<PaletteTimes> {
  await openPalette(page);
  const cold = (await page.evaluate(`(${PALETTE_TYPE})(${JSON.stringify(PALETTE_QUERIES)}, true)`)) as {
    shown: number[];
  };
  // 'u' matches every one of the 100,000 user names: the list must show them (else nothing was measured).
  if ((await page.locator('dialog [role=option]').count()) === 0) throw new Error('The search showed no results.');
  await closePalette(page);
  await openPalette(page);
  await page.evaluate(SETTLED);
  const typed = (await page.evaluate(`(${PALETTE_TYPE})(${JSON.stringify(PALETTE_QUERIES)}, false)`)) as {
    echo: number[];
    shown: number[];
  };
  await closePalette(page);
  return { ...typed, coldShown: cold.shown[0] ?? 0 };
}
