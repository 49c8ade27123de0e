import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  distroFamily,
  type Probe,
  parseBusNames,
  parseOsRelease,
  planSystemPackages,
  secretServiceState,
} from '../../scripts/setup/detect.mjs';
import { summarizeInstallFailure } from '../../scripts/setup/install-log.mjs';
import { listItems, MESSAGES, pickLanguage, translator } from '../../scripts/setup/messages.mjs';
import { tempDir } from '../helpers/tmp';

// os-release files as these distributions ship them (trimmed to the keys that matter plus a few others).
const OS_RELEASE = {
  debian12: `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\n`,
  ubuntu2404: `PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nUBUNTU_CODENAME=noble\n`,
  mint: `NAME="Linux Mint"\nVERSION="21.3 (Virginia)"\nID=linuxmint\nID_LIKE=ubuntu\nPRETTY_NAME="Linux Mint 21.3"\nVERSION_ID="21.3"\n`,
  fedora41: `NAME="Fedora Linux"\nVERSION="41 (Workstation Edition)"\nID=fedora\nVERSION_ID=41\nPLATFORM_ID="platform:f41"\nPRETTY_NAME="Fedora Linux 41 (Workstation Edition)"\n`,
  arch: `NAME="Arch Linux"\nPRETTY_NAME="Arch Linux"\nID=arch\nBUILD_ID=rolling\nANSI_COLOR="38;2;23;147;209"\n`,
  opensuse: `NAME="openSUSE Tumbleweed"\n# VERSION="20241201"\nID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\nPRETTY_NAME="openSUSE Tumbleweed"\n`,
};

/** A machine as a set of commands on PATH and pkg-config modules: answers setup's probes like the real one. */
function machine(commands: string[], pcModules: string[] = []) {
  const asked: Probe[] = [];
  const has = (probe: Probe) => {
    asked.push(probe);
    if (probe.kind === 'pkg-config') return commands.includes('pkg-config') && pcModules.includes(probe.name);
    return probe.names.some((n) => commands.includes(n));
  };
  return { has, asked };
}
const TOOLCHAIN = ['pkg-config', 'g++', 'make', 'python3'];
const desktop = machine([...TOOLCHAIN, 'gnome-keyring-daemon'], ['libsecret-1']);
const noLibsecret = machine([...TOOLCHAIN, 'gnome-keyring-daemon']);
const facts = { uid: 1000, hasSudo: true, interactive: true, assumeYes: false };

describe('the distribution family from /etc/os-release', () => {
  it.each([
    ['debian12', 'debian', 'Debian GNU/Linux 12 (bookworm)'],
    ['ubuntu2404', 'debian', 'Ubuntu 24.04.1 LTS'],
    ['mint', 'debian', 'Linux Mint 21.3'],
    ['fedora41', 'fedora', 'Fedora Linux 41 (Workstation Edition)'],
    ['arch', 'arch', 'Arch Linux'],
    ['opensuse', 'unknown', 'openSUSE Tumbleweed'],
  ] as const)('%s → %s', (key, family, name) => {
    const os = parseOsRelease(OS_RELEASE[key]);
    expect(distroFamily(os)).toBe(family);
    expect(os.name).toBe(name);
  });

  it('reads ID_LIKE in order and ignores comments and quotes', () => {
    expect(parseOsRelease(OS_RELEASE.opensuse)).toEqual({
      id: 'opensuse-tumbleweed',
      idLike: ['opensuse', 'suse'],
      name: 'openSUSE Tumbleweed',
    });
    expect(distroFamily(parseOsRelease('ID=rocky\nID_LIKE="rhel centos fedora"\n'))).toBe('fedora');
    expect(distroFamily(parseOsRelease('ID=manjaro\nID_LIKE=arch\n'))).toBe('arch');
    expect(distroFamily(parseOsRelease(''))).toBe('unknown');
  });
});

describe('which system packages setup installs, and how', () => {
  it('asks for nothing when the desktop has everything', () => {
    expect(planSystemPackages({ family: 'debian', has: desktop.has, ...facts })).toMatchObject({ action: 'ok' });
    // libsecret is looked up through pkg-config, the tools on PATH
    expect(desktop.asked).toContainEqual({ kind: 'pkg-config', name: 'libsecret-1' });
  });

  it('Ubuntu user with sudo, in a terminal: sudo apt-get, after asking', () => {
    const plan = planSystemPackages({ family: 'debian', has: noLibsecret.has, ...facts });
    expect(plan).toMatchObject({
      action: 'install',
      packages: ['libsecret-1-dev'],
      command: ['sudo', 'apt-get', 'install', '-y', '--no-install-recommends', 'libsecret-1-dev'],
      display: 'sudo apt-get install -y --no-install-recommends libsecret-1-dev',
      confirm: true,
      refresh: ['sudo', 'apt-get', 'update'],
    });
  });

  it('root without a terminal (CI) and --yes: apt-get directly, no question', () => {
    const plan = planSystemPackages({
      family: 'debian',
      has: noLibsecret.has,
      uid: 0,
      hasSudo: false,
      interactive: false,
      assumeYes: true,
    });
    expect(plan).toMatchObject({
      action: 'install',
      command: ['apt-get', 'install', '-y', '--no-install-recommends', 'libsecret-1-dev'],
      confirm: false,
      refresh: ['apt-get', 'update'],
    });
  });

  it('sudo without a terminal never waits for a password (-n)', () => {
    const plan = planSystemPackages({
      family: 'debian',
      has: noLibsecret.has,
      ...facts,
      interactive: false,
      assumeYes: true,
    });
    expect(plan.action === 'install' && plan.command.slice(0, 3)).toEqual(['sudo', '-n', 'apt-get']);
  });

  it('without a terminal and without permission it stops with the one command to run', () => {
    const plan = planSystemPackages({ family: 'debian', has: noLibsecret.has, ...facts, interactive: false });
    expect(plan).toMatchObject({
      action: 'stop',
      reason: 'no-permission',
      display: 'sudo apt-get install -y --no-install-recommends libsecret-1-dev',
    });
  });

  it('without sudo it stops with the command to run as root', () => {
    const plan = planSystemPackages({ family: 'debian', has: noLibsecret.has, ...facts, hasSudo: false });
    expect(plan).toMatchObject({
      action: 'stop',
      reason: 'no-sudo',
      display: 'apt-get install -y --no-install-recommends libsecret-1-dev',
    });
  });

  it('a bare Fedora 41 gets the whole toolchain and a keychain from dnf', () => {
    const bare = machine([]);
    const plan = planSystemPackages({ family: 'fedora', has: bare.has, ...facts });
    expect(plan).toMatchObject({
      action: 'install',
      command: [
        'sudo',
        'dnf',
        'install',
        '-y',
        'libsecret-devel',
        'pkgconf-pkg-config',
        'gcc-c++',
        'make',
        'python3',
        'gnome-keyring',
      ],
      refresh: null,
    });
  });

  it('Arch without a compiler and make gets base-devel once', () => {
    const m = machine(['pkg-config', 'python3', 'kwalletd6'], ['libsecret-1']);
    const plan = planSystemPackages({ family: 'arch', has: m.has, ...facts });
    expect(plan).toMatchObject({
      action: 'install',
      packages: ['base-devel'],
      command: ['sudo', 'pacman', '-S', '--needed', '--noconfirm', 'base-devel'],
    });
  });

  it('a KDE desktop (KWallet) or KeePassXC counts as a keychain: gnome-keyring is not forced on it', () => {
    for (const provider of ['kwalletd5', 'kwalletd6', 'keepassxc']) {
      const m = machine([...TOOLCHAIN, provider], ['libsecret-1']);
      expect(planSystemPackages({ family: 'debian', has: m.has, ...facts }).action).toBe('ok');
    }
  });

  it('only the keychain missing and no way to install it: advice, setup goes on (the app opens read-only)', () => {
    const m = machine(TOOLCHAIN, ['libsecret-1']);
    const plan = planSystemPackages({ family: 'debian', has: m.has, ...facts, hasSudo: false });
    expect(plan).toMatchObject({
      action: 'advise',
      display: 'apt-get install -y --no-install-recommends gnome-keyring',
    });
    const root = planSystemPackages({
      family: 'debian',
      has: m.has,
      ...facts,
      uid: 0,
      interactive: false,
      assumeYes: true,
    });
    expect(root).toMatchObject({ action: 'install', packages: ['gnome-keyring'] });
  });

  it('openSUSE (unknown) stops, naming what is missing, with no guessed command', () => {
    const plan = planSystemPackages({ family: 'unknown', has: noLibsecret.has, ...facts });
    expect(plan).toMatchObject({ action: 'stop', reason: 'unknown-distro', display: null });
    expect(plan.missing.map((r) => r.id)).toEqual(['libsecret']);
  });
});

describe('the Secret Service on the session bus', () => {
  const dbusSend = `method return time=1796122779.55 sender=org.freedesktop.DBus -> destination=:1.0 serial=3 reply_serial=2
   array [
      string "org.freedesktop.DBus"
      string ":1.0"
   ]`;
  const gdbus = `(['org.freedesktop.DBus', 'org.freedesktop.secrets', 'org.gnome.keyring'],)`;

  it('parses dbus-send and gdbus replies', () => {
    expect(parseBusNames(dbusSend)).toEqual(['org.freedesktop.DBus', ':1.0']);
    expect(parseBusNames(gdbus)).toEqual(['org.freedesktop.DBus', 'org.freedesktop.secrets', 'org.gnome.keyring']);
  });

  it('tells running, activatable, not running and no bus apart', () => {
    expect(secretServiceState({ names: parseBusNames(gdbus), activatable: [] })).toBe('running');
    expect(secretServiceState({ names: parseBusNames(dbusSend), activatable: parseBusNames(gdbus) })).toBe(
      'activatable',
    );
    expect(secretServiceState({ names: parseBusNames(dbusSend), activatable: [] })).toBe('not-running');
    expect(secretServiceState({ names: null, activatable: null })).toBe('no-bus');
  });
});

// The real output of `npm i keytar@7.9.0` on this machine kind with pkg-config unable to see libsecret
// (trimmed in the middle).
const KEYTAR_WITHOUT_LIBSECRET = `npm error code 1
npm error path /tmp/kt/node_modules/keytar
npm error command failed
npm error command sh -c prebuild-install || npm run build
npm error > node-gyp rebuild
npm error prebuild-install warn install getaddrinfo ENOTFOUND github.com
npm error gyp info find Python using Python version 3.11.7 found at "/root/.pyenv/versions/3.11.7/bin/python3"
npm error Package libsecret-1 was not found in the pkg-config search path.
npm error Perhaps you should add the directory containing \`libsecret-1.pc'
npm error gyp: Call to 'pkg-config --cflags libsecret-1' returned exit status 1 while in binding.gyp. while trying to load binding.gyp
npm error gyp ERR! configure error
npm error gyp ERR! stack Error: \`gyp\` failed with exit code: 1
npm error gyp ERR! not ok
`;

describe('a failed npm ci in one plain cause', () => {
  it('names libsecret (not the network) when the prebuilt download failed and the source build too', () => {
    expect(summarizeInstallFailure(KEYTAR_WITHOUT_LIBSECRET)).toEqual({ cause: 'libsecret', pkg: 'keytar' });
  });

  it('tells the other usual causes apart', () => {
    const registry = 'npm error code ENOTFOUND\nnpm error network request to https://registry.npmjs.org/zod failed';
    expect(summarizeInstallFailure(registry).cause).toBe('network');
    expect(
      summarizeInstallFailure('npm error gyp ERR! find Python\nnpm error path C:\\p\\node_modules\\@scope\\mod').pkg,
    ).toBe('@scope/mod');
    expect(summarizeInstallFailure('npm error gyp ERR! find Python').cause).toBe('python');
    expect(summarizeInstallFailure('gyp ERR! stack Error: not found: make').cause).toBe('compiler');
    expect(summarizeInstallFailure('npm error nospc ENOSPC: no space left on device').cause).toBe('disk');
    expect(summarizeInstallFailure('npm error code E500').cause).toBe('unknown');
  });
});

describe('setup text in English and Simplified Chinese', () => {
  it('has every sentence in both languages with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(MESSAGES['zh-CN']).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const [key, text] of Object.entries(MESSAGES.en)) {
      expect(placeholders(MESSAGES['zh-CN'][key]!), key).toEqual(placeholders(text));
    }
  });

  it('follows the locale and fills placeholders', () => {
    expect(pickLanguage({ LANG: 'zh_CN.UTF-8' }, 'en-US')).toBe('zh-CN');
    expect(pickLanguage({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }, 'zh-CN')).toBe('en');
    expect(pickLanguage({}, 'zh-Hans-CN')).toBe('zh-CN');
    expect(translator('en')('installing', { command: 'x y' })).toBe('To install them, setup runs: x y');
    expect(listItems('en', ['a', 'b', 'c'])).toBe('a, b and c');
    expect(listItems('zh-CN', ['甲', '乙'])).toBe('甲 和 乙');
  });
});

// The real scripts/setup.mjs, copied to a temporary project, with fake tools first on PATH: a fake npm
// prints the real keytar failure above; fake probes make the system look complete.
const linux = process.platform === 'linux';
if (!linux) console.log('setup.mjs end-to-end tests skipped: they fake Linux tools with sh scripts.');
describe.runIf(linux)('npm run setup, end to end with fake tools', () => {
  const repo = fileURLToPath(new URL('../..', import.meta.url));

  function project(npmOutput: string, npmCode: number, tools: Record<string, string> = {}) {
    const tmp = tempDir('proxydeck-setup-');
    mkdirSync(join(tmp.dir, 'scripts'));
    cpSync(join(repo, 'scripts/setup.mjs'), join(tmp.dir, 'scripts/setup.mjs'));
    cpSync(join(repo, 'scripts/setup'), join(tmp.dir, 'scripts/setup'), { recursive: true });
    const bin = join(tmp.dir, 'bin');
    mkdirSync(bin);
    symlinkSync('/bin/sh', join(bin, 'sh'));
    writeFileSync(join(tmp.dir, 'npm-output.txt'), npmOutput);
    const script = (body: string) => `#!/bin/sh\n${body}\n`;
    const all: Record<string, string> = {
      npm: `echo "$@" > "${tmp.dir}/npm-called"\nwhile IFS= read -r l; do printf '%s\\n' "$l"; done < "${tmp.dir}/npm-output.txt"\nexit ${npmCode}`,
      'pkg-config': 'exit 0',
      'g++': 'exit 0',
      make: 'exit 0',
      python3: 'exit 0',
      'gnome-keyring-daemon': 'exit 0',
      ...tools,
    };
    for (const [name, body] of Object.entries(all)) {
      writeFileSync(join(bin, name), script(body));
      chmodSync(join(bin, name), 0o755);
    }
    const run = (env: Record<string, string> = {}, argv: string[] = ['--no-start']) =>
      spawnSync(process.execPath, [join(tmp.dir, 'scripts/setup.mjs'), ...argv], {
        encoding: 'utf8',
        env: { PATH: bin, HOME: tmp.dir, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', LANG: 'en_US.UTF-8', ...env },
      });
    return { dir: tmp.dir, cleanup: tmp.cleanup, run };
  }

  it('a failed keytar build ends in one plain sentence and the log path, never the node-gyp trace', () => {
    const p = project(KEYTAR_WITHOUT_LIBSECRET, 1);
    try {
      const r = p.run();
      const out = r.stdout + r.stderr;
      expect(r.status).toBe(1);
      expect(readFileSync(join(p.dir, 'npm-called'), 'utf8').trim()).toBe('ci --no-audit --no-fund');
      expect(out).toContain('Installing the packages failed (in keytar). The keychain module could not be built');
      const log = join(p.dir, '.tmp/setup-npm-ci.log');
      expect(out).toContain(log);
      expect(readFileSync(log, 'utf8')).toContain('gyp ERR! not ok');
      expect(out).not.toContain('gyp ERR!');
    } finally {
      p.cleanup();
    }
  });

  it('in Chinese too, and --no-start installs without starting', () => {
    const failed = project(KEYTAR_WITHOUT_LIBSECRET, 1);
    const ok = project('added 500 packages\n', 0);
    try {
      expect(failed.run({ LANG: 'zh_CN.UTF-8' }).stderr).toContain('依赖包安装失败（出错的包：keytar）');
      const r = ok.run();
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Proxydeck is installed. Start it with: npm start');
      expect(readFileSync(join(ok.dir, 'npm-called'), 'utf8').trim()).toBe('ci --no-audit --no-fund');
      // the same through the environment (CI without arguments): npm is called once, for ci, never start
      const viaEnv = ok.run({ PROXYDECK_SETUP_NO_START: '1' }, []);
      expect(viaEnv.stdout).toContain('Proxydeck is installed.');
      expect(readFileSync(join(ok.dir, 'npm-called'), 'utf8').trim()).toBe('ci --no-audit --no-fund');
    } finally {
      failed.cleanup();
      ok.cleanup();
    }
  });

  const family = existsSync('/etc/os-release')
    ? distroFamily(parseOsRelease(readFileSync('/etc/os-release', 'utf8')))
    : 'unknown';
  if (family !== 'debian') console.log(`setup stop test skipped: it expects apt-get, this is a ${family} system.`);
  it.runIf(family === 'debian')(
    'without libsecret and without permission it stops before npm ci with the command',
    () => {
      const p = project('', 0, { 'pkg-config': '[ "$1" = --exists ] && exit 1; exit 0' });
      try {
        const r = p.run({ CI: '' });
        expect(r.status).toBe(1);
        expect(r.stdout).toContain('Proxydeck keeps your vendor API keys in the system keychain');
        expect(r.stdout).toContain('the libsecret development files');
        expect(r.stderr).toMatch(
          /Run this, then run npm run setup again:\n {2}(sudo )?apt-get install -y --no-install-recommends libsecret-1-dev\n/,
        );
        expect(existsSync(join(p.dir, 'npm-called'))).toBe(false);
      } finally {
        p.cleanup();
      }
    },
  );
});
