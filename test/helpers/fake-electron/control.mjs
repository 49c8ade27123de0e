/**
 * The fake's controller, loaded by register.mjs before main: catches what goes wrong, ends the
 * process the way Electron would, writes the report (FAKE_ELECTRON_REPORT) and the final journal
 * (FAKE_ELECTRON_JOURNAL), and answers a test's commands (FAKE_ELECTRON_CONTROL=1, see ops.mjs).
 */
import { writeFileSync } from 'node:fs';
import { Server } from 'node:net';
import { resolve } from 'node:path';
import { app } from './app.mjs';
import { ipcMain } from './ipc.mjs';
import { OPS } from './ops.mjs';
import { protocolHandlers } from './session.mjs';
import { bus, errors, journal, plain, record, warnings } from './state.mjs';
import { applicationMenu, menuTree, notifications, trays } from './ui.mjs';
import { BrowserWindow } from './windows.mjs';

const env = process.env;
const START_TIMEOUT_MS = Number(env.FAKE_ELECTRON_START_TIMEOUT_MS ?? 20_000);
let started = false;
let exitInfo = null;

/** The summary another tool reads: what the app did to start, and what went wrong. */
export function summary() {
  const windows = journal.filter((e) => e.api === 'new BrowserWindow');
  return {
    ok: started && errors.length === 0,
    started,
    mainScript: process.argv[1] ? resolve(process.argv[1]) : null,
    packaged: app.isPackaged,
    windows: windows.map((e) => ({ id: e.target, options: e.args[0] })),
    loadURL: journal
      .filter((e) => e.api === 'BrowserWindow.loadURL')
      .map((e) => ({ window: e.target, url: e.args[0] })),
    channels: [...ipcMain.handlers.keys()].sort(),
    protocols: [...protocolHandlers.keys()],
    privilegedSchemes: journal
      .filter((e) => e.api === 'protocol.registerSchemesAsPrivileged')
      .flatMap((e) => (Array.isArray(e.args[0]) ? e.args[0].map((s) => s?.scheme) : [])),
    applicationMenu: menuTree(applicationMenu),
    trays: trays.map((t) => ({ toolTip: t.toolTip, menu: menuTree(t.contextMenu) })),
    notifications: notifications.map((n) => ({ title: n.title, body: n.body, shown: n.shown })),
    errors: [...errors],
    warnings: [...warnings],
    calls: journal.length,
    ...(exitInfo ? { exit: exitInfo } : {}),
  };
}

function writeOut() {
  const report = summary();
  if (env.FAKE_ELECTRON_REPORT) writeFileSync(env.FAKE_ELECTRON_REPORT, `${JSON.stringify(report, null, 2)}\n`);
  if (env.FAKE_ELECTRON_JOURNAL)
    writeFileSync(env.FAKE_ELECTRON_JOURNAL, JSON.stringify({ journal, errors, warnings, exit: exitInfo }));
  return report;
}

/** The end of the process, as Electron's: at once, whatever main still had pending. */
function terminate(code, reason) {
  exitInfo ??= { code, reason };
  const report = writeOut();
  app.cleanup();
  // In report mode the exit code says whether the app started cleanly.
  process.exit(env.FAKE_ELECTRON_REPORT && !report.ok ? code || 1 : code);
}
app.terminate = (code) => {
  if (!started && env.FAKE_ELECTRON_REPORT) errors.push('the app quit before its window loaded');
  terminate(code, 'quit');
};

// Main ran out of work without ever quitting (or opening a window): still report it.
process.on('exit', (code) => {
  if (exitInfo) return;
  if (!started) errors.push('main ended before its window loaded');
  exitInfo = { code, reason: 'process ended' };
  if (!writeOut().ok && env.FAKE_ELECTRON_REPORT) process.exitCode = code || 1;
  app.cleanup();
});

// Anything thrown before the window loaded means main could not start: say it and stop (exit 1).
// Later ones are left to main's own guard, as in Electron, and listed in the report.
const onError = (kind) => (e) => {
  const text = `${kind}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  errors.push(text);
  if (started) return;
  process.stderr.write(`fake-electron: main failed to start — ${text}\n`);
  terminate(1, 'start failed');
};
process.on('uncaughtException', onError('uncaught exception'));
process.on('unhandledRejection', onError('unhandled rejection'));

// Where the process listens (main's built-in servers, e.g. the demo simulators), so a test can reach them.
const listen = Server.prototype.listen;
Server.prototype.listen = function (...args) {
  this.once('listening', () => {
    const a = this.address();
    record('fake.listening', undefined, [typeof a === 'string' ? { path: a } : { address: a?.address, port: a?.port }]);
  });
  return listen.apply(this, args);
};

bus.once('loaded', () => {
  // A turn later: what main does right after its first load (e.g. start the refresh) is included.
  setTimeout(() => {
    started = true;
    clearTimeout(startTimer);
    if (!env.FAKE_ELECTRON_REPORT) return;
    writeOut();
    app.quit(); // a normal quit, so shutting down is exercised too; forced if it hangs
    setTimeout(() => {
      errors.push('the app did not finish quitting within 15 s');
      terminate(1, 'quit timed out');
    }, 15_000).unref();
  }, 50);
});
const startTimer = setTimeout(() => {
  errors.push(`no window loaded within ${START_TIMEOUT_MS} ms`);
  if (env.FAKE_ELECTRON_REPORT) terminate(1, 'start timed out');
}, START_TIMEOUT_MS);
startTimer.unref();

if (env.FAKE_ELECTRON_CONTROL === '1' && process.send) {
  process.on('message', async (msg) => {
    if (!msg || typeof msg !== 'object' || typeof msg.op !== 'string') return;
    const op = OPS[msg.op];
    try {
      if (!op) throw new Error(`unknown fake-electron op '${msg.op}'`);
      const value = await op(...(msg.args ?? []));
      process.send?.({ id: msg.id, ok: true, value: value === undefined ? null : value });
    } catch (e) {
      process.send?.({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
  // The test went away: do not outlive it.
  process.on('disconnect', () => terminate(0, 'test disconnected'));
  OPS.state = () => ({
    started,
    ready: app.isReady(),
    windows: BrowserWindow.getAllWindows().map((w) => ({
      id: w.id,
      webContentsId: w.webContents.id,
      url: w.webContents.getURL(),
      visible: w.isVisible(),
      minimized: w.isMinimized(),
      focused: w.isFocused(),
    })),
    channels: [...ipcMain.handlers.keys()],
    applicationMenu: menuTree(applicationMenu),
    trays: trays.map((t) => ({
      toolTip: t.toolTip,
      title: t.title,
      destroyed: t.destroyed,
      menu: menuTree(t.contextMenu),
    })),
    notifications: notifications.map((n) => ({ title: n.title, body: n.body, shown: n.shown })),
    badgeCount: app.getBadgeCount(),
    errors: [...errors],
    warnings: [...warnings],
  });
  OPS.summary = () => plain(summary());
}
