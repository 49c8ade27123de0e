// The probes and processes behind `npm run setup` (the decisions are in detect.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';

export const isWindows = process.platform === 'win32';

export function readOsRelease() {
  for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      // try the next one
    }
  }
  return '';
}

export function commandExists(name) {
  return spawnSync('sh', ['-c', 'command -v "$1" >/dev/null 2>&1', 'sh', name]).status === 0;
}

/** Answers a requirement probe of detect.mjs on this machine. */
export function has(probe) {
  if (probe.kind === 'pkg-config') {
    return commandExists('pkg-config') && spawnSync('pkg-config', ['--exists', probe.name]).status === 0;
  }
  return probe.names.some(commandExists);
}

function busCall(method) {
  const r = commandExists('dbus-send')
    ? spawnSync(
        'dbus-send',
        [
          '--session',
          '--print-reply',
          '--dest=org.freedesktop.DBus',
          '/org/freedesktop/DBus',
          `org.freedesktop.DBus.${method}`,
        ],
        { encoding: 'utf8', timeout: 3000 },
      )
    : spawnSync(
        'gdbus',
        [
          'call',
          '--session',
          '--dest',
          'org.freedesktop.DBus',
          '--object-path',
          '/org/freedesktop/DBus',
          '--method',
          `org.freedesktop.DBus.${method}`,
        ],
        { encoding: 'utf8', timeout: 3000 },
      );
  return r.status === 0 ? r.stdout : null;
}

/**
 * The session bus's owned and activatable names: `names` null when there is no session bus; undefined
 * when this machine has no D-Bus client to ask (then setup says nothing).
 */
export function sessionBus(parse) {
  if (!commandExists('dbus-send') && !commandExists('gdbus')) return undefined;
  const runtimeBus = process.env.XDG_RUNTIME_DIR && existsSync(`${process.env.XDG_RUNTIME_DIR}/bus`);
  if (!process.env.DBUS_SESSION_BUS_ADDRESS && !runtimeBus) return { names: null, activatable: null };
  const names = busCall('ListNames');
  const activatable = busCall('ListActivatableNames');
  return { names: names === null ? null : parse(names), activatable: activatable === null ? [] : parse(activatable) };
}

/** Runs argv with the terminal attached (sudo may ask for a password); resolves to the exit code. */
export function runAttached(argv) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** Runs a command with its output appended to `logPath` only; resolves to the exit code. */
export function runLogged(cmd, args, logPath, env = process.env) {
  const fd = openSync(logPath, 'a');
  return new Promise((resolve) => {
    // Windows runs npm.cmd only through a shell; node.exe must not go through one (spaces in its path).
    const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], env, shell: isWindows && cmd.endsWith('.cmd') });
    let closed = false;
    const done = (code) => {
      if (closed) return;
      closed = true;
      closeSync(fd);
      resolve(code);
    };
    child.on('error', () => done(127));
    child.on('exit', (code) => done(code ?? 1));
  });
}
