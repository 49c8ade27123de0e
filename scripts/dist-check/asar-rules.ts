/**
 * The rules `npm run dist:check` holds the packed app.asar to, as pure functions over the archive's header
 * (the JSON table of contents @electron/asar reads), so they can be tested without packaging anything.
 */

/** One node of an asar header: a folder (`files`), a file (`size`, maybe `unpacked`) or a symlink (`link`). */
export interface AsarNode {
  files?: Record<string, AsarNode>;
  size?: number;
  unpacked?: boolean;
  link?: string;
}

/** A file (or symlink) of the archive: path relative to the archive root with `/` separators. */
export interface AsarFile {
  path: string;
  size: number;
  unpacked: boolean;
}

export interface PackageExpectations {
  /** Files the app cannot start without, e.g. `out/main/index.js`. */
  required: string[];
  /** Every package the app's production dependencies need (names), computed from node_modules. */
  production: Set<string>;
  /** The project's devDependencies (names): none may be shipped unless a production package needs it too. */
  dev: string[];
  /** Native addons that must sit outside the archive (in app.asar.unpacked), e.g. keytar's `.node`. */
  unpackedNative: string[];
  /** Paths that must not be shipped although they are built into `out/` (e.g. the browser host). */
  excluded: string[];
}

/** Top-level entries the archive may hold: the build output, the production node_modules, package.json. */
const TOP_LEVEL = new Set(['out', 'node_modules', 'package.json']);
/** The build output folders: the Electron main process, the preload and the renderer. */
const OUT_FOLDERS = new Set(['main', 'preload', 'renderer']);
/** TypeScript (sources and declarations) anywhere, JSX outside node_modules: nothing the app loads. */
const TYPESCRIPT = /\.(?:ts|tsx|mts|cts)$/;

/** Every file and symlink of the header, depth first, in name order. */
export function flattenHeader(root: AsarNode): AsarFile[] {
  const result: AsarFile[] = [];
  const walk = (node: AsarNode, prefix: string, inheritedUnpacked: boolean) => {
    for (const name of Object.keys(node.files ?? {}).sort()) {
      const child = node.files![name]!;
      const path = prefix ? `${prefix}/${name}` : name;
      const unpacked = child.unpacked === true || inheritedUnpacked;
      if (child.files) walk(child, path, unpacked);
      else result.push({ path, size: child.size ?? 0, unpacked });
    }
  };
  walk(root, '', false);
  return result;
}

/** The package a path belongs to (the innermost `node_modules/<name>` or `node_modules/@scope/<name>`). */
export function packageOf(path: string): string | null {
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return null;
  const first = parts[at + 1];
  if (!first) return null;
  if (first.startsWith('@')) {
    const second = parts[at + 2];
    return second ? `${first}/${second}` : null;
  }
  return first;
}

/** Names of every package present in the archive, at any depth of node_modules. */
export function packagesIn(files: AsarFile[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const name = packageOf(file.path);
    if (name) names.add(name);
  }
  return names;
}

/**
 * Everything wrong with the archive's contents, as sentences saying what to fix; empty when it holds
 * exactly the build output, package.json and the production dependencies.
 */
export function findProblems(files: AsarFile[], expect: PackageExpectations): string[] {
  const problems: string[] = [];
  const paths = new Set(files.map((f) => f.path));
  for (const path of expect.required) {
    if (!paths.has(path)) problems.push(`missing ${path}: the packed app cannot start without it`);
  }
  for (const path of expect.excluded) {
    if (paths.has(path)) problems.push(`${path} is shipped but the desktop app never loads it: exclude it in files`);
  }
  const unexpectedTop = new Set<string>();
  const unexpectedOut = new Set<string>();
  const maps: string[] = [];
  const sources: string[] = [];
  for (const { path } of files) {
    const [top, second] = path.split('/');
    if (!TOP_LEVEL.has(top!)) unexpectedTop.add(top!);
    else if (top === 'out' && !OUT_FOLDERS.has(second ?? '')) unexpectedOut.add(`out/${second}`);
    if (path.endsWith('.map')) maps.push(path);
    if (TYPESCRIPT.test(path) || (top !== 'node_modules' && path.endsWith('.jsx'))) sources.push(path);
  }
  const some = (list: string[]) =>
    `${list.slice(0, 3).join(', ')}${list.length > 3 ? ` and ${list.length - 3} more` : ''}`;
  if (maps.length > 0) problems.push(`source map shipped: ${some(maps)}`);
  if (sources.length > 0) problems.push(`source file shipped: ${some(sources)}`);
  for (const top of unexpectedTop) {
    problems.push(
      `unexpected top-level entry ${top} (sources, tests or tooling?): only out/, node_modules/ and package.json belong in the package`,
    );
  }
  for (const entry of unexpectedOut) problems.push(`unexpected build output ${entry}`);
  const shipped = packagesIn(files);
  for (const name of [...expect.production].sort()) {
    if (!shipped.has(name)) problems.push(`production package ${name} is missing from node_modules in app.asar`);
  }
  for (const name of [...shipped].sort()) {
    if (expect.production.has(name)) continue;
    const dev = expect.dev.includes(name);
    problems.push(
      dev
        ? `devDependency ${name} is shipped in app.asar`
        : `package ${name} is shipped but no production dependency needs it`,
    );
  }
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const path of expect.unpackedNative) {
    const file = byPath.get(path);
    if (!file) problems.push(`native addon ${path} is missing`);
    else if (!file.unpacked) problems.push(`native addon ${path} is inside app.asar: add it to asarUnpack`);
  }
  for (const file of files) {
    if (file.path.endsWith('.node') && !file.unpacked && !expect.unpackedNative.includes(file.path)) {
      problems.push(`native addon ${file.path} is inside app.asar, where it cannot be loaded: add it to asarUnpack`);
    }
  }
  return problems;
}

/** The `count` packages taking the most bytes (archive and unpacked files together), largest first. */
export function largestPackages(files: AsarFile[], count: number): Array<{ name: string; bytes: number }> {
  const bytes = new Map<string, number>();
  for (const file of files) {
    const name = packageOf(file.path) ?? file.path.split('/')[0]!;
    bytes.set(name, (bytes.get(name) ?? 0) + file.size);
  }
  return [...bytes]
    .map(([name, total]) => ({ name, bytes: total }))
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name))
    .slice(0, count);
}

/** `12345678` → `11.8 MB`: sizes in binary units, one decimal. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}
