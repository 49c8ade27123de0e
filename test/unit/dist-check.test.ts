import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type AsarNode,
  findProblems,
  flattenHeader,
  formatBytes,
  largestPackages,
  type PackageExpectations,
  packageOf,
} from '../../scripts/dist-check/asar-rules';
import {
  bareImports,
  closureOf,
  dependencyProblems,
  manifestProblems,
  packageName,
  productionClosure,
} from '../../scripts/dist-check/deps';
import { fallbackModuleDirs, type StartReport, startProblems } from '../../scripts/dist-check/load';
import { tempDir } from '../helpers/tmp';

const file = (size = 10): AsarNode => ({ size });
const dir = (files: Record<string, AsarNode>, unpacked?: boolean): AsarNode =>
  unpacked ? { files, unpacked } : { files };

/** A header shaped like electron-builder's app.asar for this app. */
function goodHeader(): AsarNode {
  return dir({
    'package.json': file(),
    out: dir({
      main: dir({ 'index.js': file(100), chunks: dir({ 'registry-x.js': file(600) }) }),
      preload: dir({ 'index.cjs': file() }),
      renderer: dir({ 'index.html': file(), assets: dir({ 'index-a.js': file(300) }) }),
    }),
    node_modules: dir({
      zod: dir({ 'package.json': file(), 'index.cjs': file(), 'index.js': file(50) }),
      '@scope': dir({ lib: dir({ 'package.json': file(), 'index.mjs': file() }) }),
      keytar: dir(
        {
          'package.json': file(),
          build: dir({ Release: dir({ 'keytar.node': { size: 1000, unpacked: true } }) }),
          node_modules: dir({ 'node-addon-api': dir({ 'package.json': file() }) }),
        },
        true,
      ),
    }),
  });
}

const expectations = (over: Partial<PackageExpectations> = {}): PackageExpectations => ({
  required: ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json'],
  production: new Set(['zod', '@scope/lib', 'keytar', 'node-addon-api']),
  dev: ['vitest', 'typescript', 'electron'],
  unpackedNative: ['node_modules/keytar/build/Release/keytar.node'],
  excluded: ['out/main/webhost.js'],
  ...over,
});

function withEntry(path: string, node: AsarNode): AsarNode {
  const root = goodHeader();
  const parts = path.split('/');
  let at = root;
  for (const part of parts.slice(0, -1)) {
    at.files![part] ??= { files: {} };
    at = at.files![part]!;
  }
  at.files![parts.at(-1)!] = node;
  return root;
}

describe('app.asar rules', () => {
  it('flattens the header into files, inheriting unpacked from folders', () => {
    const files = flattenHeader(goodHeader());
    expect(files.map((f) => f.path)).toContain('out/main/chunks/registry-x.js');
    expect(files.find((f) => f.path === 'node_modules/keytar/package.json')?.unpacked).toBe(true);
    expect(files.find((f) => f.path === 'node_modules/zod/index.js')).toEqual({
      path: 'node_modules/zod/index.js',
      size: 50,
      unpacked: false,
    });
    expect(files.some((f) => f.path === 'out/main')).toBe(false);
  });

  it('names the innermost package of a path', () => {
    expect(packageOf('node_modules/zod/lib/index.js')).toBe('zod');
    expect(packageOf('node_modules/@scope/lib/x.js')).toBe('@scope/lib');
    expect(packageOf('node_modules/keytar/node_modules/node-addon-api/package.json')).toBe('node-addon-api');
    expect(packageOf('out/main/index.js')).toBeNull();
  });

  it('accepts the build output, package.json and exactly the production packages', () => {
    expect(findProblems(flattenHeader(goodHeader()), expectations())).toEqual([]);
  });

  it.each([
    ['out/main/index.js.map', file(), 'source map shipped: out/main/index.js.map'],
    ['node_modules/zod/index.js.map', file(), 'source map shipped: node_modules/zod/index.js.map'],
    ['out/main/index.ts', file(), 'source file shipped: out/main/index.ts'],
    ['node_modules/zod/src/index.ts', file(), 'source file shipped: node_modules/zod/src/index.ts'],
    ['node_modules/zod/index.d.cts', file(), 'source file shipped: node_modules/zod/index.d.cts'],
    ['out/renderer/App.jsx', file(), 'source file shipped: out/renderer/App.jsx'],
    ['test/unit/a.test.ts', file(), 'unexpected top-level entry test', 'source file shipped: test/unit/a.test.ts'],
    ['bench/run.ts', file(), 'unexpected top-level entry bench', 'source file shipped: bench/run.ts'],
    ['main/shell/index.ts', file(), 'unexpected top-level entry main', 'source file shipped: main/shell/index.ts'],
    ['renderer/App.tsx', file(), 'unexpected top-level entry renderer', 'source file shipped: renderer/App.tsx'],
    ['tsconfig.json', file(), 'unexpected top-level entry tsconfig.json'],
    ['out/webhost/x.js', file(), 'unexpected build output out/webhost'],
    ['out/main/webhost.js', file(), 'out/main/webhost.js is shipped'],
    ['node_modules/vitest/package.json', file(), 'devDependency vitest is shipped'],
    ['node_modules/zod/node_modules/typescript/package.json', file(), 'devDependency typescript is shipped'],
    ['node_modules/left-pad/package.json', file(), 'package left-pad is shipped but no production dependency'],
    ['node_modules/zod/addon.node', file(), 'native addon node_modules/zod/addon.node is inside app.asar'],
  ] as Array<[string, AsarNode, ...string[]]>)('flags %s', (path, node, ...messages) => {
    const problems = findProblems(flattenHeader(withEntry(path, node)), expectations());
    expect(problems).toHaveLength(messages.length);
    for (const message of messages) expect(problems).toContainEqual(expect.stringContaining(message));
  });

  it('flags keytar packed inside the archive, a missing production package and a missing entry file', () => {
    const header = goodHeader();
    const keytar = header.files!.node_modules!.files!.keytar!;
    delete keytar.unpacked;
    keytar.files!.build!.files!.Release!.files!['keytar.node'] = { size: 1000 };
    delete header.files!.out!.files!.preload;
    const production = new Set([...expectations().production, 'pino']);
    expect(findProblems(flattenHeader(header), expectations({ production }))).toEqual([
      'missing out/preload/index.cjs: the packed app cannot start without it',
      'production package pino is missing from node_modules in app.asar',
      'native addon node_modules/keytar/build/Release/keytar.node is inside app.asar: add it to asarUnpack',
    ]);
  });

  it('allows a devDependency that a production package needs too', () => {
    const header = withEntry('node_modules/typescript/package.json', file());
    const production = new Set([...expectations().production, 'typescript']);
    expect(findProblems(flattenHeader(header), expectations({ production }))).toEqual([]);
  });

  it('ranks packages by size and formats sizes', () => {
    const top = largestPackages(flattenHeader(goodHeader()), 2);
    expect(top).toEqual([
      { name: 'out', bytes: 1020 },
      { name: 'keytar', bytes: 1010 },
    ]);
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(46_740_179)).toBe('44.6 MB');
  });
});

describe('what the built main loads', () => {
  const bundle = `import { a as X } from "./chunks/registry-D.js";
import { join } from "node:path";
import { BrowserWindow } from "electron";
import ElectronStore from "electron-store";
import "side-effect/register.js";
export { parse } from "lossless-json";
import __shims_module__ from "node:module";
__shims_module__.createRequire(import.meta.url);
var load = createRequire(import.meta.url);
var countries = load("i18n-iso-countries/index");
countries.registerLocale(load("i18n-iso-countries/langs/en.json"));
const mod = await import("keytar");
const cjs = require("@pinojs/redact/index.js");
log("not-a-package"); upload("nor-this");
const text = "a string mentioning zod";`;

  it('finds static, dynamic, require and createRequire loads, without builtins or relative paths', () => {
    expect([...bareImports(bundle)].sort()).toEqual([
      '@pinojs/redact',
      'electron',
      'electron-store',
      'i18n-iso-countries',
      'keytar',
      'lossless-json',
      'side-effect',
    ]);
  });

  it('reduces specifiers to package names', () => {
    expect(packageName('@scope/pkg/deep/file.js')).toBe('@scope/pkg');
    expect(packageName('pkg/sub')).toBe('pkg');
    expect(packageName('fs')).toBeNull();
    expect(packageName('node:fs')).toBeNull();
    expect(packageName('./x.js')).toBeNull();
    expect(packageName('/abs/x.js')).toBeNull();
  });

  it('flags a loaded package that is not a dependency, and a dependency nothing needs', () => {
    const loaded = new Set(['electron', 'electron-store', 'zod']);
    const needed = new Set(['electron-store', 'conf', 'zod']);
    expect(dependencyProblems(loaded, needed, ['conf', 'electron-store', 'zod'], ['electron'])).toEqual([]);
    expect(dependencyProblems(loaded, needed, ['conf', 'electron-store', 'react'], ['electron'])).toEqual([
      'the built main loads zod, which is not a production dependency: add it to dependencies',
      'react is a production dependency the built main never loads: if only the renderer uses it, move it to devDependencies (Vite bundles it)',
    ]);
  });

  it('checks the packaged package.json against the project', () => {
    const source = { main: 'out/main/index.js', type: 'module', dependencies: { zod: '4.6.7' }, scripts: { a: 'b' } };
    expect(
      manifestProblems({ main: 'out/main/index.js', type: 'module', dependencies: { zod: '4.6.7' } }, source),
    ).toEqual([]);
    expect(manifestProblems({ main: 'index.js', dependencies: {}, devDependencies: { vite: '8' } }, source)).toEqual([
      'packaged package.json main is index.js, not out/main/index.js',
      'packaged package.json type is undefined, not module',
      'packaged package.json still lists devDependencies',
      'packaged package.json dependencies differ from the project',
    ]);
  });
});

describe('the production closure over node_modules', () => {
  const { dir: root, cleanup } = tempDir('proxydeck-dist-check-test-');
  afterAll(cleanup);
  const pkg = (path: string, manifest: object) => {
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'package.json'), JSON.stringify(manifest));
  };
  const nm = join(root, 'node_modules');
  pkg(root, { dependencies: { a: '1' }, optionalDependencies: { absent: '1' }, devDependencies: { dev: '1' } });
  pkg(join(nm, 'a'), {
    dependencies: { b: '2', c: '1' },
    peerDependencies: { peer: '1', extra: '1' },
    peerDependenciesMeta: { extra: { optional: true } },
  });
  pkg(join(nm, 'a', 'node_modules', 'b'), { dependencies: { c: '1' } });
  pkg(join(nm, 'b'), { version: '1', dependencies: { hoisted: '1' } });
  pkg(join(nm, 'c'), {});
  pkg(join(nm, 'peer'), {});
  pkg(join(nm, 'extra'), {});
  pkg(join(nm, 'hoisted'), {});
  pkg(join(nm, 'dev'), {});

  it('follows dependencies, nested installs and required peers; skips dev, optional peers and absent optionals', () => {
    expect([...productionClosure(root)].sort()).toEqual(['a', 'b', 'c', 'peer']);
  });

  it('fails when a required package is not installed', () => {
    expect(() => closureOf(root, ['missing'])).toThrow('missing (needed by package.json) is not installed: run npm ci');
  });

  it('lists node_modules above the extracted app, where a missing package could still resolve', () => {
    const app = join(root, 'deep', 'app');
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    const found = fallbackModuleDirs(app, join(root, 'no-home'));
    expect(found).toContain(nm);
    expect(found).not.toContain(join(app, 'node_modules'));
    expect(fallbackModuleDirs(join(dirname(root), 'x', 'app'), join(root, 'no-home'))).not.toContain(nm);
  });
});

describe('how the packed main started', () => {
  const app = '/tmp/x/app';
  const preload = '/tmp/x/app/out/preload/index.cjs';
  const exists = (path: string) => path === preload;
  const good = (): StartReport => ({
    ok: true,
    packaged: true,
    windows: [{ id: 'BrowserWindow#1', options: { webPreferences: { preload, devTools: false } } }],
    loadURL: [{ window: 'BrowserWindow#1', url: 'app://proxydeck/index.html' }],
    channels: ['a', 'b'],
    errors: [],
  });

  it('accepts a clean packaged start with the package preload and the app:// UI', () => {
    expect(startProblems(good(), app, exists)).toEqual([]);
  });

  it('flags errors, a non-packaged start, a foreign preload, devtools and a non-app:// page', () => {
    const report = good();
    report.ok = false;
    report.packaged = false;
    report.errors = ['uncaught exception: boom'];
    report.windows = [
      {
        id: 'BrowserWindow#1',
        options: { webPreferences: { preload: '/work/main/out/preload/index.cjs', devTools: true } },
      },
    ];
    report.loadURL = [{ window: 'BrowserWindow#1', url: 'http://localhost:5173/' }];
    expect(startProblems(report, app, exists)).toEqual([
      'the packed main reported an error: uncaught exception: boom',
      'the stand-in Electron reports that the packed main did not start cleanly',
      'the packed main did not run as a packaged app (app.isPackaged)',
      'BrowserWindow#1: preload /work/main/out/preload/index.cjs is not a file of the package',
      'BrowserWindow#1: devtools are enabled in the packaged app',
      'BrowserWindow#1 loaded http://localhost:5173/, not the packaged UI through app://',
    ]);
  });

  it('flags a start that opened no window and loaded nothing, and a preload missing from disk', () => {
    expect(startProblems({ ...good(), windows: [], loadURL: [] }, app, exists)).toEqual([
      'the packed main opened no window',
      'the packed main loaded no page',
    ]);
    expect(startProblems(good(), app, () => false)).toEqual([
      `BrowserWindow#1: preload ${preload} is not a file of the package`,
    ]);
  });
});
