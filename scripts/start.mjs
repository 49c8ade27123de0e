// `npm start`: builds, then opens the desktop app; where the Electron runtime is missing (or there is
// no display), runs the same app in the browser host on 127.0.0.1 and prints the address to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const shell = process.platform === 'win32';

const build = spawnSync(npx, ['electron-vite', 'build'], { stdio: 'inherit', shell });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  try {
    const path = require('electron'); // the path of the binary when it is installed
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const binary = electronBinary();
let child;
if (binary && hasDisplay) {
  child = spawn(binary, ['.'], { stdio: 'inherit' });
} else {
  console.log(
    binary
      ? 'No display found, so Proxydeck opens in your browser instead.'
      : 'The Electron runtime is not installed on this machine, so Proxydeck opens in your browser instead.',
  );
  // The browser host is built with the rest (out/main/webhost.js): plain Node runs it, nothing is compiled at launch.
  child = spawn(
    process.execPath,
    [fileURLToPath(new URL('../out/main/webhost.js', import.meta.url)), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
}
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
