// `npm run setup`: installs everything, then starts Proxydeck. Works on Windows, macOS and Linux.
// On Linux it first makes sure the keychain module can be built (libsecret headers, a C++ toolchain,
// python3) and that a keychain service exists, installing what is missing itself (with sudo when not
// root, after saying what and why) or stopping with the one command to run; a re-run then goes on.
// `npm ci` runs with its output in a log file, so a failure ends in one plain sentence, never a node-gyp
// trace. The Electron binary is fetched separately, so a machine that cannot download it still installs
// and opens Proxydeck in the browser instead.
//   --no-start (or PROXYDECK_SETUP_NO_START=1)  install only (CI)
//   --yes (or PROXYDECK_SETUP_YES=1, or CI set) install system packages without asking
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import {
  distroFamily,
  parseBusNames,
  parseOsRelease,
  planSystemPackages,
  secretServiceState,
} from './setup/detect.mjs';
import { summarizeInstallFailure } from './setup/install-log.mjs';
import { listItems, pickLanguage, translator } from './setup/messages.mjs';
import { commandExists, has, isWindows, readOsRelease, runAttached, runLogged, sessionBus } from './setup/system.mjs';

const lang = pickLanguage();
const t = translator(lang);
const args = new Set(process.argv.slice(2));
const truthy = (v) => Boolean(v) && v !== '0' && v.toLowerCase() !== 'false';
const noStart = args.has('--no-start') || truthy(process.env.PROXYDECK_SETUP_NO_START);
const assumeYes =
  args.has('--yes') || args.has('-y') || truthy(process.env.PROXYDECK_SETUP_YES) || truthy(process.env.CI);
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const root = fileURLToPath(new URL('..', import.meta.url));
const npm = isWindows ? 'npm.cmd' : 'npm';
const items = (reqs) => listItems(lang, [...new Set(reqs.map((r) => t(`item.${r.id}`)))]);
const fail = (text) => {
  console.error(`\n${text}`);
  process.exit(1);
};

async function ask(question) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = (await rl.question(question)).trim().toLowerCase();
  rl.close();
  return answer === '' || answer.startsWith('y') || answer.startsWith('是');
}

/** Linux: the system packages keytar's build and the keychain need (see detect.mjs). */
async function systemPackages() {
  const os = parseOsRelease(readOsRelease());
  const family = distroFamily(os);
  const facts = { family, uid: process.getuid?.() ?? -1, hasSudo: commandExists('sudo'), interactive, assumeYes };
  const plan = planSystemPackages({ ...facts, has });
  if (plan.action === 'ok') return;
  const build = plan.missing.filter((r) => r.build);
  console.log(`\n${build.length ? t('why-build', { distro: os.name, items: items(build) }) : t('why-keyring')}`);
  if (plan.action === 'advise') return console.log(t('advise-keyring', { command: plan.display }));
  if (plan.action === 'stop') {
    const command = plan.display;
    if (plan.reason === 'unknown-distro')
      fail(t('stop-unknown-distro', { distro: os.name, items: items(plan.missing) }));
    fail(t(plan.reason === 'no-sudo' ? 'stop-no-sudo' : 'stop-no-permission', { command }));
  }
  console.log(t('installing', { command: plan.display }));
  if (plan.command[0] === 'sudo' && interactive) console.log(t('sudo-password'));
  if (plan.confirm && !(await ask(t('confirm')))) fail(t('declined', { command: plan.display }));
  let code = await runAttached(plan.command);
  // A fresh Debian/Ubuntu (a container, a new VM) may have no package lists yet: refresh once, retry.
  if (code !== 0 && plan.refresh && (await runAttached(plan.refresh)) === 0) code = await runAttached(plan.command);
  if (code !== 0) fail(t('install-failed', { command: plan.display }));
  const after = planSystemPackages({ ...facts, has });
  const still = after.missing.filter((r) => r.build);
  if (still.length) fail(t('still-missing', { items: items(still) }));
  console.log(t('installed'));
}

/** Linux: says when the app will open read-only because no Secret Service answers in this session. */
function secretService() {
  const bus = sessionBus(parseBusNames);
  if (bus === undefined) return;
  const state = secretServiceState(bus);
  if (state === 'no-bus' || state === 'not-running') console.log(`\n${t('secret-missing')}`);
}

async function npmCi() {
  const logDir = `${root}.tmp`;
  mkdirSync(logDir, { recursive: true });
  const log = `${logDir}/setup-npm-ci.log`;
  rmSync(log, { force: true });
  console.log(t('npm-ci', { log }));
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  const code = await runLogged(npm, ['ci', '--no-audit', '--no-fund'], log, env);
  if (code === 0) return;
  const { cause, pkg } = summarizeInstallFailure(readFileSync(log, 'utf8'));
  const platform = ['darwin', 'win32'].includes(process.platform) ? process.platform : 'linux';
  const causeText = t(`cause.${cause}`, { hint: t(`hint.${platform}`) });
  fail(t('npm-ci-failed', { pkg: pkg ? t('failed-in', { pkg }) : '', cause: causeText, log }));
}

async function electronRuntime() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return console.log(t('electron-skip'));
  console.log(t('electron-fetch'));
  const code = await runLogged(
    process.execPath,
    ['node_modules/electron/install.js'],
    `${root}.tmp/setup-electron.log`,
  );
  if (code !== 0) console.log(t('electron-failed'));
}

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(t('node-old', { version: process.version }));
process.chdir(root);
console.log(t('intro'));
if (process.platform === 'linux') await systemPackages();
else {
  const tools = process.platform === 'darwin' ? 'Xcode Command Line Tools' : 'Visual Studio Build Tools';
  console.log(t('no-system-packages', { os: process.platform === 'darwin' ? 'macOS' : 'Windows', tools }));
}
if (process.platform === 'linux') secretService();
await npmCi();
await electronRuntime();
if (noStart) {
  console.log(`\n${t('done-no-start')}`);
  process.exit(0);
}
const start = await runAttached(isWindows ? ['cmd', '/c', 'npm', 'start'] : [npm, 'start']);
process.exit(start);
