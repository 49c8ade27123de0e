/**
 * Loads the packed main process in plain Node with the stand-in Electron, resolving modules only from
 * the package: app.asar is extracted (Node cannot read asar) with app.asar.unpacked laid over it, into a
 * temporary folder with no node_modules above it, and run with a clean environment.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractAll } from '@electron/asar';

export function extractApp(resourcesDir: string, dest: string): void {
  extractAll(join(resourcesDir, 'app.asar'), dest);
  const unpacked = join(resourcesDir, 'app.asar.unpacked');
  if (existsSync(unpacked)) cpSync(unpacked, dest, { recursive: true });
}

/**
 * Folders besides `<appDir>/node_modules` where Node would look for a package imported from the app:
 * node_modules of every folder above it, and CommonJS's global folders. Only those that exist are returned;
 * any of them would let a dependency missing from the package resolve anyway.
 */
export function fallbackModuleDirs(appDir: string, home: string): string[] {
  const candidates: string[] = [];
  for (let dir = dirname(appDir); ; dir = dirname(dir)) {
    candidates.push(join(dir, 'node_modules'));
    if (dirname(dir) === dir) break;
  }
  candidates.push(join(home, '.node_modules'), join(home, '.node_libraries'));
  candidates.push(join(dirname(dirname(process.execPath)), 'lib', 'node'));
  return candidates.filter((dir) => existsSync(dir));
}

export interface LoadResult {
  status: number | null;
  output: string;
  report: StartReport | null;
}

/** Runs `<appDir>/out/main/index.js` under the stand-in Electron from `workDir`, with nothing inherited. */
export function runPackedMain(appDir: string, register: string, workDir: string): LoadResult {
  const home = join(workDir, 'home');
  const userData = join(workDir, 'user-data');
  const reportFile = join(workDir, 'fake-electron-report.json');
  rmSync(reportFile, { force: true });
  rmSync(userData, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  mkdirSync(userData, { recursive: true });
  const run = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(register).href, join(appDir, 'out', 'main', 'index.js')],
    {
      cwd: workDir,
      // No NODE_PATH / NODE_OPTIONS / npm_* variables: nothing but the package may supply a module.
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        LANG: 'C.UTF-8',
        FAKE_ELECTRON_REPORT: reportFile,
        // app.isPackaged: the packed app must behave as installed (no devtools, no dev server).
        FAKE_ELECTRON_PACKAGED: '1',
        PROXYDECK_USER_DATA: userData,
      },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  let report: StartReport | null = null;
  if (existsSync(reportFile)) report = JSON.parse(readFileSync(reportFile, 'utf8')) as StartReport;
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
  return { status: run.status, output, report };
}

/**
 * The check of the check: with `victim` taken out of the package the same load must fail and name it.
 * Proves that a dependency electron-builder forgot would be caught, not found somewhere else on disk.
 */
export function loadFailsWithout(appDir: string, victim: string, register: string, workDir: string): string | null {
  const dir = join(appDir, 'node_modules', victim);
  const aside = join(workDir, 'removed-package');
  rmSync(aside, { recursive: true, force: true });
  renameSync(dir, aside);
  try {
    const run = runPackedMain(appDir, register, workDir);
    const text = `${run.output}${JSON.stringify(run.report ?? {})}`;
    if (run.status === 0)
      return `the packed main still loaded with ${victim} removed: modules resolve from outside the package`;
    if (!text.includes(victim)) return `with ${victim} removed the load failed, but not because of it:\n${run.output}`;
    return null;
  } finally {
    renameSync(aside, dir);
  }
}

/** The part of the stand-in Electron's report (test/helpers/fake-electron/control.mjs) the dry run reads. */
export interface StartReport {
  ok?: boolean;
  packaged?: boolean;
  windows?: Array<{ id: string; options?: { webPreferences?: { preload?: string; devTools?: boolean } } }>;
  loadURL?: Array<{ window: string; url: string }>;
  channels?: string[];
  errors?: unknown[];
}

/**
 * What is wrong with how the packed main started, from the stand-in's report: it must have started cleanly
 * as a packaged app, opened a window whose preload is the package's own file, without devtools, and loaded
 * the UI through the app:// protocol (from the package, not a dev server or file://).
 */
export function startProblems(report: StartReport, appDir: string, exists: (path: string) => boolean): string[] {
  const problems: string[] = [];
  for (const error of report.errors ?? []) {
    problems.push(`the packed main reported an error: ${typeof error === 'string' ? error : JSON.stringify(error)}`);
  }
  if (report.ok !== true) problems.push('the stand-in Electron reports that the packed main did not start cleanly');
  if (report.packaged !== true) problems.push('the packed main did not run as a packaged app (app.isPackaged)');
  const windows = report.windows ?? [];
  if (windows.length === 0) problems.push('the packed main opened no window');
  const inside = `${appDir.replace(/[\\/]+$/, '')}${sep}`;
  for (const { id, options } of windows) {
    const preload = options?.webPreferences?.preload;
    if (!preload?.startsWith(inside) || !exists(preload)) {
      problems.push(`${id}: preload ${preload} is not a file of the package`);
    }
    if (options?.webPreferences?.devTools !== false) problems.push(`${id}: devtools are enabled in the packaged app`);
  }
  const loads = report.loadURL ?? [];
  if (loads.length === 0) problems.push('the packed main loaded no page');
  for (const { window, url } of loads) {
    if (!url.startsWith('app://')) problems.push(`${window} loaded ${url}, not the packaged UI through app://`);
  }
  return problems;
}

/** The stand-in's report in one line. */
export function summarizeReport(report: StartReport): string {
  return [
    `${report.windows?.length ?? 0} window(s)`,
    `loaded ${(report.loadURL ?? []).map((l) => l.url).join(', ') || 'nothing'}`,
    `${report.channels?.length ?? 0} IPC channels bound`,
  ].join(', ');
}
