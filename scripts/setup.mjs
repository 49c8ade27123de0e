// `npm run setup`: installs everything, builds, and starts Proxydeck. Works on Windows, macOS and Linux.
// The Electron binary is fetched separately so that a machine that cannot download it still installs
// and opens Proxydeck in the browser instead.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, args, env = process.env) =>
  spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });

console.log('Installing Proxydeck (this takes a minute the first time)...');
const install = run(npm, ['ci', '--no-audit', '--no-fund'], { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
if (install.status !== 0) {
  console.error(
    '\nInstalling failed. On Linux, the keychain library is needed first: sudo apt-get install libsecret-1-dev',
  );
  process.exit(install.status ?? 1);
}
const env = { ...process.env };
delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
console.log('Fetching the Electron runtime...');
const electron = run(process.execPath, ['node_modules/electron/install.js'], env);
if (electron.status !== 0)
  console.log('The Electron runtime could not be downloaded; Proxydeck will open in your browser.');
process.exit(run(npm, ['start']).status ?? 1);
