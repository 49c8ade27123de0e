/**
 * What the packed app needs from node_modules, computed independently of electron-builder: the closure of
 * package.json's production dependencies over the installed tree, and the packages the built main process
 * loads (static and dynamic imports, require() and createRequire()).
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

export interface Manifest {
  name?: string;
  main?: string;
  type?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies?: Record<string, string>;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Node's lookup: `<from>/node_modules/<name>`, then each parent folder's, never above `root`. */
function locate(name: string, from: string, root: string): string | null {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || relative(root, dir).startsWith('..')) return null;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Names of every package the production dependencies of `root`'s package.json need, at any depth: their
 * dependencies, installed optional dependencies and required peers. Throws when a required one is not
 * installed (the package would be incomplete).
 */
export function productionClosure(root: string): Set<string> {
  const manifest = readManifest(root);
  return closureOf(root, Object.keys(manifest.dependencies ?? {}), Object.keys(manifest.optionalDependencies ?? {}));
}

/** `names` (resolved from `root`) and everything they need, transitively, as in productionClosure. */
export function closureOf(root: string, names: string[], optional: string[] = []): Set<string> {
  const result = new Set<string>();
  const seen = new Set<string>();
  const queue: Array<{ name: string; from: string; required: boolean; by: string }> = [
    ...names.map((name) => ({ name, from: root, required: true, by: 'package.json' })),
    ...optional.map((name) => ({ name, from: root, required: false, by: 'package.json' })),
  ];
  while (queue.length > 0) {
    const { name, from, required, by } = queue.shift()!;
    const dir = locate(name, from, root);
    if (!dir) {
      if (required) throw new Error(`${name} (needed by ${by}) is not installed: run npm ci`);
      continue;
    }
    if (seen.has(dir)) continue;
    seen.add(dir);
    result.add(name);
    const manifest = readManifest(dir);
    for (const dep of Object.keys(manifest.dependencies ?? {}))
      queue.push({ name: dep, from: dir, required: true, by: name });
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) {
      queue.push({ name: dep, from: dir, required: false, by: name });
    }
    for (const dep of Object.keys(manifest.peerDependencies ?? {})) {
      // npm installs a required peer next to its dependant; an optional one counts only when another package needs it.
      if (manifest.peerDependenciesMeta?.[dep]?.optional !== true)
        queue.push({ name: dep, from: dir, required: false, by: name });
    }
  }
  return result;
}

const BUILTINS = new Set(builtinModules);

/** `@scope/pkg/sub/path` → `@scope/pkg`, `pkg/sub` → `pkg`; null for relative paths, URLs and Node builtins. */
export function packageName(specifier: string): string | null {
  if (/^(?:\.|\/|[a-z]+:)/i.test(specifier)) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return BUILTINS.has(name) ? null : name;
}

/**
 * Packages a built JavaScript file loads: `import … from 'x'`, `export … from 'x'`, `import 'x'`,
 * `import('x')`, `require('x')`, and calls of a function made by `createRequire(…)`.
 */
export function bareImports(source: string): Set<string> {
  const specifiers: string[] = [];
  const patterns = [
    /(?:^|[\s;}])(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
    /(?:^|[\s;}])import\s*(['"])([^'"]+)\1/g,
    /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g,
    /\brequire\(\s*(['"])([^'"]+)\1\s*\)/g,
  ];
  for (const match of source.matchAll(/\b(?:const|let|var)\s+([\w$]+)\s*=\s*(?:[\w$]+\.)?createRequire\(/g)) {
    patterns.push(new RegExp(`(?<![\\w$.])${match[1]!.replace(/\$/g, '\\$')}\\(\\s*(['"])([^'"]+)\\1\\s*\\)`, 'g'));
  }
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) specifiers.push(match[2]!);
  }
  const names = new Set<string>();
  for (const specifier of specifiers) {
    const name = packageName(specifier);
    if (name) names.add(name);
  }
  return names;
}

/**
 * Problems with the built main's needs versus the packaged package.json: a package main loads that is no
 * production dependency (the app would fail at run time), or a production dependency that neither main nor
 * any package main loads needs (shipped for nothing: a renderer-only library is bundled by Vite and belongs
 * in devDependencies). `needed` is the closure of what main loads; `provided` are modules the runtime
 * itself supplies (`electron`).
 */
export function dependencyProblems(
  loaded: Set<string>,
  needed: Set<string>,
  dependencies: string[],
  provided: string[],
): string[] {
  const problems: string[] = [];
  const declared = new Set(dependencies);
  for (const name of [...loaded].sort()) {
    if (!declared.has(name) && !provided.includes(name)) {
      problems.push(`the built main loads ${name}, which is not a production dependency: add it to dependencies`);
    }
  }
  for (const name of [...declared].sort()) {
    if (!needed.has(name)) {
      problems.push(
        `${name} is a production dependency the built main never loads: if only the renderer uses it, move it to devDependencies (Vite bundles it)`,
      );
    }
  }
  return problems;
}

/** The packaged package.json must point at the built main, keep ESM, and carry no scripts or devDependencies. */
export function manifestProblems(packaged: Manifest, source: Manifest): string[] {
  const problems: string[] = [];
  if (packaged.main !== source.main)
    problems.push(`packaged package.json main is ${packaged.main}, not ${source.main}`);
  if (packaged.type !== source.type)
    problems.push(`packaged package.json type is ${packaged.type}, not ${source.type}`);
  if (packaged.devDependencies) problems.push('packaged package.json still lists devDependencies');
  if (packaged.scripts) problems.push('packaged package.json still lists scripts');
  const want = JSON.stringify(source.dependencies ?? {});
  if (JSON.stringify(packaged.dependencies ?? {}) !== want) {
    problems.push('packaged package.json dependencies differ from the project');
  }
  return problems;
}

/** `a/b/c` with the platform separator turned into `/`. */
export function toPosix(path: string): string {
  return path.split(sep).join('/');
}
