/**
 * electron-builder `--dir` for Linux with nothing downloaded: a stand-in Electron distribution we write
 * ourselves is passed as `electronDist`, and only the options that need a real Electron binary are
 * overridden. Everything else comes from electron-builder.yml, the one packaging config.
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build, type Configuration, Platform } from 'electron-builder';

const require = createRequire(import.meta.url);

/** The stand-in binary: a script that says what it is, so nobody mistakes the dry run for an app. */
export const STAND_IN_BINARY = `#!/bin/sh
echo "Proxydeck dist:check stand-in for the Electron binary: this folder is a packaging dry run, not an app." >&2
exit 1
`;

/** The installed electron package's version: what the real `npm run dist` packages too. */
export function installedElectronVersion(): string {
  const manifest = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * An unpacked Electron for Linux as electron-builder expects it (`electron`, `LICENSE`, `version`,
 * `locales/`, `resources/`), minus everything Chromium. `resources/default_app.asar` is left out on purpose:
 * electron-builder deletes it only from a downloaded zip, never from a custom electronDist.
 */
export function writeStandInElectron(dir: string, version: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  writeFileSync(join(dir, 'electron'), STAND_IN_BINARY);
  chmodSync(join(dir, 'electron'), 0o755);
  copyFileSync(require.resolve('electron/LICENSE'), join(dir, 'LICENSE'));
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!-- stand-in: the real dist ships Chromium licenses -->\n');
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  writeFileSync(join(dir, 'locales', 'zh-CN.pak'), '');
}

/** The overrides of electron-builder.yml for the dry run, each because a real Electron binary is missing. */
export function dryRunOverrides(electronDist: string, version: string, output: string): Configuration {
  return {
    electronDist,
    // Normally read from node_modules/electron too; explicit so nothing tries to guess or download.
    electronVersion: version,
    // keytar in node_modules was built for this Node by npm. The real `npm run dist` keeps
    // `npmRebuild: true` and rebuilds it for Electron's ABI, which needs Electron's headers (a download).
    npmRebuild: false,
    // Flipping fuses rewrites sentinels inside the real Electron binary; the stand-in has none.
    electronFuses: null,
    directories: { output },
  };
}

/** Packs the app for this machine's architecture into `<output>/linux[-arch]-unpacked`; returns that folder. */
export async function packDir(projectDir: string, overrides: Configuration): Promise<string> {
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir'),
    config: overrides,
    publish: 'never',
  });
  const output = overrides.directories!.output!;
  const folder = readdirSync(output).find((name) => /^linux(?:-[\w]+)?-unpacked$/.test(name));
  if (!folder) throw new Error(`electron-builder wrote no linux-unpacked folder in ${output}`);
  return join(output, folder);
}
