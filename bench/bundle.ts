/**
 * Bundle and cold start (issue #12, points 3 and 5), measured side by side in one run:
 *  1. The production renderer as built now: initial JS (the entry and what it imports statically,
 *     what the window must load before the first view) vs all JS, raw and gzip; the largest chunk; the
 *     chart chunk (recharts, loaded by the Traffic view only); CSS; the preload.
 *  2. Cold start, offline: process start → host listening → app shell → first IP rows, with a saved
 *     snapshot of 1,000 vs 100,000 IPs, in headless Chromium through the browser host (the compiled
 *     out/main/webhost.js, as `npm start` runs it without Electron). The host start is also compared
 *     with compiling the TypeScript at launch (`tsx main/webhost/main.ts`, as it ran before).
 * Run alone: npx tsx -e "import('./bench/bundle.ts').then(m => m.run())"
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import Conf from 'conf';
import { createCore } from '../main/core/app-core';
import { createLogger } from '../main/core/logging/logger';
import type { BackendCtor } from '../main/core/store/open-file';
import { SnapshotStore } from '../main/core/store/snapshot-store';
import { MemoryVault } from '../main/core/vault/memory-vault';
import { YOUPROXY_SIM_API_KEY } from '../main/simulators/youproxy';
import { VENDOR_MODULES } from '../main/vendors/registry';
import type { ProxyEndpoint } from '../preload/contract/model';
import { manyProxies } from '../test/helpers/many-proxies';
import { tempDir } from '../test/helpers/tmp';

const ROOT = resolve(import.meta.dirname, '..');
const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(8)} KB`;

interface Size {
  raw: number;
  gzip: number;
}
const sizeOf = (files: string[]): Size =>
  files.reduce(
    (s, f) => {
      const b = readFileSync(f);
      return { raw: s.raw + b.length, gzip: s.gzip + gzipSync(b, { level: 9 }).length };
    },
    { raw: 0, gzip: 0 },
  );
const line = (label: string, s: Size) => console.log(`  ${label.padEnd(44)} ${kb(s.raw)} raw ${kb(s.gzip)} gzip`);

/** The entry scripts of index.html and, transitively, the chunks they import statically. */
function initialChunks(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const todo = [...html.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"/g)].map((m) => join(dir, m[1] as string));
  const seen = new Set<string>();
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    // Static imports only (`from"./x.js"`, `import"./x.js"`); `import("./x.js")` is a lazy chunk.
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) {
      todo.push(join(file, '..', m[1] as string));
    }
  }
  return [...seen];
}

function bundleSizes(rendererDir: string): void {
  const assets = join(rendererDir, 'assets');
  const files = readdirSync(assets).map((f) => join(assets, f));
  const js = files.filter((f) => f.endsWith('.js'));
  const initial = initialChunks(rendererDir);
  const largest = js.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
  const chart = js.filter((f) => /TrafficChart/.test(f));
  const init = sizeOf(initial);
  const all = sizeOf(js);
  console.log(`  ${js.length} JS chunks; initial = the entry + ${initial.length - 1} statically imported`);
  line('initial JS (before the first view)', init);
  line('all JS (every view and recharts)', all);
  line(
    `largest chunk (${largest
      .split('/')
      .pop()
      ?.replace(/-[\w-]+\.js$/, '')})`,
    sizeOf([largest]),
  );
  if (chart.length > 0) line('chart chunk (recharts, Traffic only)', sizeOf(chart));
  line('CSS (all)', sizeOf(files.filter((f) => f.endsWith('.css'))));
  line('preload (out/preload/index.cjs)', sizeOf([join(ROOT, 'out/preload/index.cjs')]));
  const minified = readFileSync(initial[0] as string, 'utf8').split('\n').length < 50;
  console.log(`  minified: ${minified ? 'yes' : 'NO'}`);
  console.log(
    `  ratio initial / all JS: ${(init.gzip / all.gzip).toFixed(2)}x gzip (${(init.raw / all.raw).toFixed(2)}x raw)`,
  );
}

/** A data folder with one (keyless, so offline) account and a saved snapshot of n IPs. */
export async function prepare(n: number): Promise<{ dir: string; cleanup: () => void }> {
  const t = tempDir('proxydeck-bench-start-');
  const core = await createCore({
    dataDir: t.dir,
    Backend: Conf as unknown as BackendCtor,
    vault: new MemoryVault(),
    vendors: VENDOR_MODULES,
    version: '0.0.0-bench',
    log: createLogger({ file: join(t.dir, 'prep.log'), level: 'error' }),
  });
  // A throw-away vault: the host finds no key for it in the keychain, so it calls no vendor (offline).
  const account = await core.accounts.add({
    vendor: 'youproxy',
    label: 'Big reseller',
    credentials: { apiKey: YOUPROXY_SIM_API_KEY },
  });
  await core.shutdown();
  const proxies: ProxyEndpoint[] = manyProxies(n);
  // As test/e2e/ips-scale.spec.ts saves it; awaited, since a store may write in the background.
  await new SnapshotStore(t.dir, Conf as unknown as BackendCtor).put({
    accountId: account.id,
    fetchedAt: new Date().toISOString(),
    balance: null,
    orders: [],
    proxies,
    whitelist: [],
    subUsers: [],
    servers: [],
    traffic: [],
    errors: {},
  });
  return t;
}

/** Starts a host process; resolves with its address once it prints it. */
function startHost(cmd: string, args: string[], dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(cmd, [...args, '--port', '0', '--no-demo', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\w+)/.exec(out);
      if (m) ok({ child, url: m[1] as string });
    });
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) => fail(new Error(`host exited (${code}): ${err.slice(-400)}`)));
  });
}

const stopHost = (child: ChildProcess) =>
  new Promise<void>((ok) => {
    if (child.exitCode !== null) return ok();
    child.once('exit', () => ok());
    child.kill('SIGTERM');
  });

interface Start {
  host: number;
  shell: number;
  rows: number;
}

async function coldStart(page: Page, cmd: string, args: string[], dataDir: string): Promise<Start> {
  const t0 = performance.now();
  const { child, url } = await startHost(cmd, args, dataDir);
  const host = performance.now() - t0;
  try {
    await page.goto(url);
    const ips = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'IPs', exact: true });
    await ips.waitFor({ timeout: 30_000 });
    const shell = performance.now() - t0;
    await ips.click();
    await page.getByRole('table', { name: 'IPs' }).locator('tbody tr').first().waitFor({ timeout: 60_000 });
    return { host, shell, rows: performance.now() - t0 };
  } finally {
    await stopHost(child);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

export async function coldStarts(): Promise<void> {
  const webhost = join(ROOT, 'out/main/webhost.js');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic'],
  });
  const small = await prepare(1_000);
  const big = await prepare(100_000);
  try {
    const runs = 3;
    const measure = async (dir: string, cmd: string, args: string[], n = runs) => {
      const out: Start[] = [];
      for (let i = 0; i < n; i++) {
        // A fresh context each time: no cache, as a new window.
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
        try {
          out.push(await coldStart(await context.newPage(), cmd, args, dir));
        } finally {
          await context.close();
        }
      }
      return {
        host: median(out.map((s) => s.host)),
        shell: median(out.map((s) => s.shell)),
        rows: median(out.map((s) => s.rows)),
      };
    };
    await measure(small.dir, process.execPath, [webhost], 1); // warm the disk cache
    const s1 = await measure(small.dir, process.execPath, [webhost]);
    const s100 = await measure(big.dir, process.execPath, [webhost]);
    console.log(`  median of ${runs}, from process start      host ready    app shell   first IP rows`);
    console.log(`  1,000 IPs                                ${ms(s1.host)}    ${ms(s1.shell)}    ${ms(s1.rows)}`);
    console.log(`  100,000 IPs                              ${ms(s100.host)}    ${ms(s100.shell)}    ${ms(s100.rows)}`);
    console.log(`  ratio 100,000 / 1,000 IPs (first rows): ${(s100.rows / s1.rows).toFixed(2)}x (goal ≤ 1.3x)`);
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    if (existsSync(tsx)) {
      const ts = await measure(small.dir, tsx, ['main/webhost/main.ts'], 2);
      console.log(
        `  host ready, TypeScript compiled at launch (tsx) / compiled JS: ${ms(ts.host)} / ${ms(s1.host)} = ${(ts.host / s1.host).toFixed(2)}x`,
      );
    }
  } finally {
    await browser.close();
    small.cleanup();
    big.cleanup();
  }
}

export async function run(): Promise<void> {
  console.log('Renderer bundle (production build, as `npm run build` makes it)');
  // Build the renderer into a folder of its own, so a test run reading out/renderer is not disturbed.
  const { dir, cleanup } = tempDir('proxydeck-bench-renderer-');
  try {
    const build = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: ROOT,
        env: { ...process.env, PROXYDECK_RENDERER_OUT: dir },
        encoding: 'utf8',
      },
    );
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr.slice(-800)}`);
    bundleSizes(dir);
  } finally {
    cleanup();
  }
  console.log('\nCold start, offline (no vendor reachable): browser host + headless Chromium');
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    console.log('  skipped: no Chromium (set CHROMIUM_PATH)');
    return;
  }
  await coldStarts();
}
