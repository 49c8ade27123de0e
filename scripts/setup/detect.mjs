// What `npm run setup` needs from a Linux system, as pure functions (no I/O): the distribution family
// from /etc/os-release, which requirements are missing given a probe function, and the one command that
// installs them. scripts/setup/system.mjs does the probing; test/unit/setup-detect.test.ts feeds fakes.
//
// Why these: keytar (the keychain module) falls back to building from source with node-gyp whenever its
// prebuilt binary cannot be downloaded (always offline, and where GitHub is blocked). That build needs
// the libsecret headers (found through pkg-config), a C++ compiler, make and python3. At run time it
// needs a Secret Service provider (GNOME Keyring, KWallet or KeePassXC); without one the app opens
// read-only.

/** @typedef {'debian' | 'fedora' | 'arch' | 'unknown'} Family */

/** Parses os-release text (KEY=value lines, values optionally quoted) into the fields we use. */
export function parseOsRelease(text) {
  const fields = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    let value = m[2];
    const q = value[0];
    if ((q === '"' || q === "'") && value.endsWith(q) && value.length >= 2) value = value.slice(1, -1);
    fields[m[1]] = value.replace(/\\(["'$`\\])/g, '$1');
  }
  return {
    id: (fields.ID ?? '').toLowerCase(),
    idLike: (fields.ID_LIKE ?? '').toLowerCase().split(/\s+/).filter(Boolean),
    name: fields.PRETTY_NAME || fields.NAME || fields.ID || 'Linux',
  };
}

const FAMILIES = [
  ['debian', ['debian', 'ubuntu']],
  ['fedora', ['fedora', 'rhel', 'centos']],
  ['arch', ['arch', 'archlinux']],
];

/** The package family of an os-release: its ID first, then each ID_LIKE in order. */
export function distroFamily(os) {
  for (const id of [os.id, ...os.idLike]) {
    for (const [family, ids] of FAMILIES) if (ids.includes(id)) return family;
  }
  return 'unknown';
}

/**
 * Everything setup checks. `probe` is what is looked for (a pkg-config module or one of some commands);
 * `packages` are per family; `build` requirements must be met before `npm ci`, the others only at run time.
 */
export const REQUIREMENTS = [
  {
    id: 'libsecret',
    build: true,
    probe: { kind: 'pkg-config', name: 'libsecret-1' },
    packages: { debian: ['libsecret-1-dev'], fedora: ['libsecret-devel'], arch: ['libsecret'] },
  },
  {
    id: 'pkg-config',
    build: true,
    probe: { kind: 'command', names: ['pkg-config', 'pkgconf'] },
    packages: { debian: ['pkg-config'], fedora: ['pkgconf-pkg-config'], arch: ['pkgconf'] },
  },
  {
    id: 'compiler',
    build: true,
    probe: { kind: 'command', names: ['g++', 'c++', 'clang++'] },
    packages: { debian: ['build-essential'], fedora: ['gcc-c++'], arch: ['base-devel'] },
  },
  {
    id: 'make',
    build: true,
    probe: { kind: 'command', names: ['make'] },
    packages: { debian: ['build-essential'], fedora: ['make'], arch: ['base-devel'] },
  },
  {
    id: 'python',
    build: true,
    probe: { kind: 'command', names: ['python3'] },
    packages: { debian: ['python3'], fedora: ['python3'], arch: ['python'] },
  },
  {
    id: 'secret-service',
    build: false,
    probe: { kind: 'command', names: ['gnome-keyring-daemon', 'kwalletd6', 'kwalletd5', 'keepassxc'] },
    packages: { debian: ['gnome-keyring'], fedora: ['gnome-keyring'], arch: ['gnome-keyring'] },
  },
];

/** The requirements whose probe `has` says are absent. */
export function missingRequirements(has, requirements = REQUIREMENTS) {
  return requirements.filter((r) => !has(r.probe));
}

/** The packages of a family that provide `requirements`, each once, in order. */
export function packagesFor(family, requirements) {
  return [...new Set(requirements.flatMap((r) => r.packages[family] ?? []))];
}

/** The install command (argv, without sudo) of a family; null when the family is unknown. */
export function installCommand(family, packages) {
  if (family === 'debian') return ['apt-get', 'install', '-y', '--no-install-recommends', ...packages];
  if (family === 'fedora') return ['dnf', 'install', '-y', ...packages];
  if (family === 'arch') return ['pacman', '-S', '--needed', '--noconfirm', ...packages];
  return null;
}

/** How setup can become root: it already is, through sudo, or not at all. */
export function privilege({ uid, hasSudo }) {
  if (uid === 0) return 'root';
  return hasSudo ? 'sudo' : 'none';
}

/** `argv` run with the given privilege. Without a terminal sudo must not wait for a password (-n). */
export function withPrivilege(argv, priv, interactive) {
  if (priv === 'root') return argv;
  return interactive ? ['sudo', ...argv] : ['sudo', '-n', ...argv];
}

/** The command as a person types it: with sudo when that is how this user becomes root, else as root. */
export function displayCommand(argv, priv) {
  return (priv === 'sudo' ? ['sudo', ...argv] : argv).join(' ');
}

/**
 * What setup does about system packages:
 * - `ok`: nothing is missing;
 * - `install`: run `command` (argv) after saying what and why (`confirm`: ask first, on a terminal);
 * - `stop`: a build requirement is missing and setup may not or cannot install it: print `display`
 *   (the exact command; null for an unknown distribution) and stop; a re-run goes on;
 * - `advise`: only the run-time keychain is missing and cannot be installed now: print `display`, go on.
 * `reason` of a stop: 'no-sudo' | 'no-permission' | 'unknown-distro'.
 */
export function planSystemPackages({ family, has, uid, hasSudo, interactive, assumeYes }) {
  const missing = missingRequirements(has);
  if (missing.length === 0) return { action: 'ok', missing, packages: [] };
  const packages = packagesFor(family, missing);
  const buildMissing = missing.some((r) => r.build);
  const priv = privilege({ uid, hasSudo });
  const argv = installCommand(family, packages);
  const display = argv ? displayCommand(argv, priv) : null;
  const stop = (reason) => ({ action: buildMissing ? 'stop' : 'advise', reason, missing, packages, display });
  if (!argv) return stop('unknown-distro');
  if (priv === 'none') return stop('no-sudo');
  if (!interactive && !assumeYes) return stop('no-permission');
  return {
    action: 'install',
    missing,
    packages,
    display,
    command: withPrivilege(argv, priv, interactive),
    confirm: interactive && !assumeYes,
    refresh: family === 'debian' ? withPrivilege(['apt-get', 'update'], priv, interactive) : null,
  };
}

/** Bus names in `dbus-send --print-reply` (string "…") or `gdbus call` (['…', …]) output. */
export function parseBusNames(output) {
  return [...output.matchAll(/["']([A-Za-z_:][\w.:-]*)["']/g)].map((m) => m[1]);
}

export const SECRET_SERVICE = 'org.freedesktop.secrets';

/**
 * The Secret Service on the session bus: `running` (owned now), `activatable` (D-Bus starts it on first
 * use), `not-running` (the bus answers, nobody provides it) or `no-bus` (no session bus at all).
 */
export function secretServiceState({ names, activatable }) {
  if (names === null) return 'no-bus';
  if (names.includes(SECRET_SERVICE)) return 'running';
  if (activatable?.includes(SECRET_SERVICE)) return 'activatable';
  return 'not-running';
}
