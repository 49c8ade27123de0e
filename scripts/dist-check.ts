/**
 * `npm run dist:check`: the packaging dry run (issue 13, point 4). electron-builder `--dir` for Linux with
 * electron-builder.yml and a stand-in Electron (nothing downloaded), then:
 *   1. app.asar holds out/**, package.json and exactly the production dependencies: no devDependency,
 *      source, test, bench folder or source map; keytar's `.node` is unpacked and loads;
 *   2. the built main loads only production dependencies, and each production dependency is loaded by main
 *      or needed by one it loads (renderer libraries are bundled by Vite: devDependencies);
 *   3. the packed main starts under the stand-in Electron (test/helpers/fake-electron) with modules resolved
 *      only from the package, which is itself proven by removing one dependency and seeing the load fail;
 *   4. the package size. `--keep` keeps the temporary folder for a look.
 * The real `npm run dist` (installers, keytar rebuilt for Electron, fuses flipped) needs the Electron binary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRawHeader } from '@electron/asar';
import { type AsarNode, findProblems, flattenHeader, formatBytes, largestPackages } from './dist-check/asar-rules';
import {
  bareImports,
  closureOf,
  dependencyProblems,
  manifestProblems,
  productionClosure,
  readManifest,
} from './dist-check/deps';
import {
  extractApp,
  fallbackModuleDirs,
  loadFailsWithout,
  runPackedMain,
  startProblems,
  summarizeReport,
} from './dist-check/load';
import {
  dryRunOverrides,
  installedElectronVersion,
  packDir,
  STAND_IN_BINARY,
  writeStandInElectron,
} from './dist-check/pack';

const projectDir = dirname(dirname(fileURLToPath(import.meta.url)));
const register = join(projectDir, 'test', 'helpers', 'fake-electron', 'register.mjs');
const keytarAddon = 'node_modules/keytar/build/Release/keytar.node';
const started = Date.now();
const problems: string[] = [];
/** Stops the run after the problems found so far (they are listed at the end). */
class Stop extends Error {}
const step = (title: string) => console.log(`\n-- ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
const fail = (message: string): never => {
  console.error(`dist:check failed: ${message}`);
  process.exit(1);
};

if (process.platform !== 'linux') {
  // The stand-in is a Linux Electron; where the real binary exists (CI on Windows and macOS), `npm run dist` packs for real.
  console.log(`== SKIPPED: the packaging dry run packs for Linux and runs on Linux only (this is ${process.platform})`);
  process.exit(0);
}
const required = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json'];
for (const file of required) {
  if (!existsSync(join(projectDir, file))) fail(`${file} is missing: run npm run build first`);
}

const work = mkdtempSync(join(tmpdir(), 'proxydeck-dist-check-'));
let ok = false;
try {
  step('packing with electron-builder --dir (linux, stand-in Electron)');
  const version = installedElectronVersion();
  const electronDist = join(work, 'electron-dist');
  writeStandInElectron(electronDist, version);
  const appOut = await packDir(projectDir, dryRunOverrides(electronDist, version, join(work, 'dist')));
  const resources = join(appOut, 'resources');
  const source = readManifest(projectDir);

  step('inspecting app.asar');
  const binary = join(appOut, 'proxydeck');
  if (!existsSync(binary) || readFileSync(binary, 'utf8') !== STAND_IN_BINARY) {
    problems.push('the Electron binary was not renamed to proxydeck');
  } else if ((statSync(binary).mode & 0o111) === 0) problems.push('proxydeck is not executable');
  if (existsSync(join(resources, 'default_app.asar'))) problems.push("Electron's default_app.asar is shipped");
  if (!existsSync(join(appOut, 'LICENSE.electron.txt'))) problems.push("Electron's LICENSE is not kept");
  const { header } = getRawHeader(join(resources, 'app.asar'));
  const files = flattenHeader(header as AsarNode);
  const production = productionClosure(projectDir);
  const contents = findProblems(files, {
    required,
    production,
    dev: Object.keys(source.devDependencies ?? {}),
    unpackedNative: [keytarAddon],
    excluded: ['out/main/webhost.js'],
  });
  problems.push(...contents);
  const addon = join(resources, 'app.asar.unpacked', keytarAddon);
  if (existsSync(addon)) {
    const probe =
      'const m={exports:{}};process.dlopen(m,process.argv[1]);if(typeof m.exports.getPassword!=="function")process.exit(3)';
    const loaded = spawnSync(process.execPath, ['-e', probe, addon], { cwd: work, encoding: 'utf8' });
    if (loaded.status !== 0) problems.push(`keytar.node does not load from app.asar.unpacked: ${loaded.stderr.trim()}`);
    else console.log(`keytar.node loads from app.asar.unpacked (${formatBytes(statSync(addon).size)})`);
  } else problems.push(`${keytarAddon} is not in app.asar.unpacked`);
  if (contents.length === 0) {
    console.log(
      `${files.length} files: out/, package.json and ${production.size} production packages; no dev dependency, source or map`,
    );
  }

  step('extracting the package and checking what the built main loads');
  const app = join(work, 'app');
  extractApp(resources, app);
  problems.push(...manifestProblems(readManifest(app), source));
  const mainDir = join(app, 'out', 'main');
  const loaded = new Set<string>();
  for (const entry of readdirSync(mainDir, { recursive: true, encoding: 'utf8' })) {
    if (entry.endsWith('.js'))
      for (const name of bareImports(readFileSync(join(mainDir, entry), 'utf8'))) loaded.add(name);
  }
  const dependencies = Object.keys(source.dependencies ?? {});
  const needed = closureOf(
    projectDir,
    [...loaded].filter((name) => dependencies.includes(name)),
  );
  problems.push(...dependencyProblems(loaded, needed, dependencies, ['electron']));
  console.log(`the built main loads: ${[...loaded].sort().join(', ')}`);

  step('loading the packed main under the stand-in Electron, from the package only');
  if (!existsSync(register)) {
    problems.push(`the stand-in Electron ${register} is missing`);
    throw new Stop();
  }
  const leaks = fallbackModuleDirs(app, join(work, 'home'));
  if (leaks.length > 0) {
    problems.push(`modules could resolve from outside the package: ${leaks.join(', ')}`);
    throw new Stop();
  }
  const run = runPackedMain(app, register, work);
  if (run.status !== 0) problems.push(`the packed main failed to start (exit ${run.status}):\n${run.output}`);
  else if (!run.report) problems.push('the stand-in Electron wrote no report');
  else {
    const start = startProblems(run.report, app, existsSync);
    problems.push(...start);
    if (start.length === 0) console.log(`the packed main started as a packaged app: ${summarizeReport(run.report)}`);
  }
  const victim = [...bareImports(readFileSync(join(mainDir, 'index.js'), 'utf8'))]
    .filter((n) => n !== 'electron')
    .sort()[0];
  if (!victim) problems.push('out/main/index.js imports no package: cannot prove resolution stays in the package');
  else {
    const leak = loadFailsWithout(app, victim, register, work);
    if (leak) problems.push(leak);
    else console.log(`with ${victim} removed from the package the load fails, as it must`);
  }
  if (problems.length > 0) throw new Stop();

  step('package size');
  let dirBytes = 0;
  for (const entry of readdirSync(appOut, { recursive: true, encoding: 'utf8' })) {
    const stat = lstatSync(join(appOut, entry));
    if (stat.isFile()) dirBytes += stat.size;
  }
  const unpackedBytes = files.filter((f) => f.unpacked).reduce((sum, f) => sum + f.size, 0);
  console.log(`linux-unpacked (stand-in Electron, no Chromium): ${formatBytes(dirBytes)}`);
  console.log(
    `app.asar: ${formatBytes(statSync(join(resources, 'app.asar')).size)}, app.asar.unpacked: ${formatBytes(unpackedBytes)}`,
  );
  console.log('largest modules:');
  for (const { name, bytes } of largestPackages(files, 10)) console.log(`  ${formatBytes(bytes).padStart(9)}  ${name}`);
  ok = true;
} catch (error) {
  if (!(error instanceof Stop))
    problems.push(`unexpected error: ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  if (!ok) {
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    console.error(`dist:check failed; the dry run is kept in ${work}`);
  } else if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
  else console.log(`kept in ${work}`);
}
if (!ok) process.exit(1);
console.log(`\ndist:check passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
