/**
 * `npm run dev:web`: runs the core in plain Node and serves the built renderer on 127.0.0.1.
 * Options: --port N (default 5174), --host ADDR (loopback only), --data-dir DIR, --no-demo.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Conf from 'conf';
import { createCore, logFile } from '../core/app-core';
import { DemoEnvironment } from '../core/demo/demo-environment';
import { createLogger } from '../core/logging/logger';
import { defaultDataDir } from '../core/paths';
import { ProcessGuard } from '../core/process-guard';
import type { BackendCtor } from '../core/store/open-file';
import { KeytarVault } from '../core/vault/keytar-vault';
import { SIMULATOR_FACTORIES } from '../simulators/registry';
import { closeAllAgents } from '../vendors/http/transport';
import { VENDOR_MODULES } from '../vendors/registry';
import { startWebHost } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5174' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
  },
});

const dataDir = values['data-dir'] ?? defaultDataDir();
// The log (stderr when its file cannot be written) and the process guard come first: a full or
// read-only disk, or any rejection nobody handled, is logged and shown, never the end of the app.
const log = createLogger({ file: logFile(dataDir) });
const guard = new ProcessGuard(log);
guard.install();
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
/** Start-up itself failing must not leave a silent process (the guard would keep it alive): say so, exit. */
const orExit = <T>(p: Promise<T>): Promise<T> =>
  p.catch((e: unknown) => {
    guard.report('start-up', e);
    process.stderr.write(
      `Proxydeck could not start: ${e instanceof Error ? e.message : String(e)}\nCheck that its data folder ${dataDir} is on a working disk, then start it again.\n`,
    );
    process.exit(1);
  });
const core = await orExit(
  createCore({
    dataDir,
    Backend: Conf as unknown as BackendCtor,
    vault: new KeytarVault(),
    vendors: VENDOR_MODULES,
    version: pkg.version,
    ...(values['no-demo'] ? {} : { demo: new DemoEnvironment(SIMULATOR_FACTORIES) }),
    log,
    guard,
  }),
);
const host = await orExit(
  startWebHost({
    dispatch: core.dispatch,
    subscribe: (l) => core.events.on(l),
    staticDir: fileURLToPath(new URL('../../out/renderer', import.meta.url)),
    host: values.host,
    port: Number(values.port),
  }),
);
core.refresh.start();

process.stdout.write(
  `Proxydeck is running. Open this address in your browser:\n  ${host.appUrl}\nPress Ctrl+C to stop.\n`,
);

const stop = async () => {
  await host.close();
  await core.shutdown();
  await closeAllAgents();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
