/**
 * Runs the real built main (out/main/index.js) in a child Node process with `electron` mapped to the
 * recording fake (test/helpers/fake-electron), one process per scenario: fresh module state, its own
 * data folder, and the test drives it through the fake's ops (see ops.mjs) over the fork() channel.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../helpers/tmp';

const ROOT = resolve(import.meta.dirname, '../..');
export const MAIN = join(ROOT, 'out/main/index.js');
export const RENDERER_DIR = join(ROOT, 'out/renderer');
// A URL, not a path: --import takes URLs (a Windows path would read as a URL scheme `c:`).
const REGISTER = pathToFileURL(join(ROOT, 'test/helpers/fake-electron/register.mjs')).href;

export interface Entry {
  seq: number;
  api: string;
  target?: string;
  args: unknown[];
}
export interface MenuNode {
  label: string;
  role?: string;
  type: string;
  enabled: boolean;
  visible: boolean;
  hasClick: boolean;
  submenu?: MenuNode[];
}
export interface FakeState {
  started: boolean;
  ready: boolean;
  windows: {
    id: number;
    webContentsId: number;
    url: string;
    visible: boolean;
    minimized: boolean;
    focused: boolean;
  }[];
  channels: string[];
  applicationMenu: MenuNode[] | null;
  trays: { toolTip: string; title: string; destroyed: boolean; menu: MenuNode[] | null }[];
  notifications: { title: string; body: string; shown: boolean }[];
  badgeCount: number;
  errors: string[];
  warnings: string[];
}
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  journal: Entry[];
  errors: string[];
}
export interface Query {
  api?: string | string[];
  target?: string;
  arg0?: unknown;
  after?: number;
}

export class MainProcess {
  readonly exited: Promise<Exit>;
  stderr = '';
  private seq = 0;
  private readonly pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();

  constructor(
    private readonly child: ChildProcess,
    readonly dataDir: string,
    journalFile: string,
    private readonly removeTemp: () => void,
    readonly keychainService: string,
  ) {
    child.stderr?.on('data', (d: Buffer) => {
      this.stderr += d.toString();
    });
    child.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.ok) p?.ok(m.value);
      else p?.fail(new Error(m.error));
    });
    this.exited = new Promise((resolveExit) => {
      child.on('exit', (code, signal) => {
        for (const p of this.pending.values())
          p.fail(new Error(`main exited (${code ?? signal}) during a call; stderr: ${this.stderr.slice(-3000)}`));
        this.pending.clear();
        const out = existsSync(journalFile)
          ? (JSON.parse(readFileSync(journalFile, 'utf8')) as { journal: Entry[]; errors: string[] })
          : { journal: [], errors: [] };
        resolveExit({ code, signal, journal: out.journal, errors: out.errors });
      });
    });
  }

  /** Runs one of the fake's ops in the child and returns its answer. */
  call<T = unknown>(op: string, ...args: unknown[]): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((ok, fail) => {
      this.pending.set(id, { ok: ok as (v: unknown) => void, fail });
      this.child.send({ id, op, args });
    });
  }
  journal(q: Query = {}): Promise<Entry[]> {
    return this.call('journal', q);
  }
  waitFor(q: Query, timeoutMs = 10_000): Promise<Entry> {
    return this.call('waitFor', q, timeoutMs);
  }
  state(): Promise<FakeState> {
    return this.call('state');
  }
  /** An IPC call from the page (or from the sender given). */
  invoke<T = unknown>(
    channel: string,
    args: unknown[] = [],
    sender: { webContentsId?: number; frameUrl?: string; subframe?: boolean; noFrame?: boolean } = {},
  ): Promise<{ value?: T; thrown?: string; error?: string }> {
    return this.call('invoke', channel, args, sender);
  }
  /** Resolves once the window has loaded the page (and main did what follows its first load). */
  async started(): Promise<FakeState> {
    await this.waitFor({ api: 'webContents.emit', arg0: 'did-finish-load' }, 15_000);
    for (let i = 0; i < 200; i++) {
      const s = await this.state();
      if (s.started) return s;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`main did not start: ${this.stderr}`);
  }
  async stop(): Promise<Exit> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
    return this.exited;
  }
  /** Stops the process (if still running) and removes its temp folder (the data folder too, unless given). */
  async dispose(): Promise<void> {
    await this.stop();
    this.removeTemp();
    await removeKeychainEntries(this.keychainService);
  }
}

let warned = false;
/** These tests run the built bundle: say so when a source of the shell is newer than it (not built since). */
function warnIfStale(): void {
  if (warned) return;
  warned = true;
  const built = statSync(MAIN).mtimeMs;
  const newer = ['main/shell', 'main/core', 'preload/contract']
    .flatMap((d) => readdirSync(join(ROOT, d), { recursive: true, encoding: 'utf8' }).map((f) => join(ROOT, d, f)))
    .filter((f) => f.endsWith('.ts') && statSync(f).mtimeMs > built);
  if (newer.length)
    console.warn(
      `shell tests: out/main is older than ${newer.length} source file(s), e.g. ${newer[0]}: run \`npm run build\``,
    );
}

/** Deletes what a test's main filed in the keychain (nothing to do when keytar or the keychain is absent). */
async function removeKeychainEntries(service: string): Promise<void> {
  try {
    const mod = (await import('keytar')) as unknown as { default?: typeof import('keytar') } & typeof import('keytar');
    const keytar = mod.default ?? mod;
    for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
  } catch {
    // no keychain here: the app ran without one and filed nothing
  }
}

/**
 * Starts main in demo mode (an empty data folder: no accounts → demo accounts on the simulators).
 * `env` adds FAKE_ELECTRON_* switches (see the fake's README) or anything else.
 */
export function launchMain(env: Record<string, string> = {}, dataDir?: string): MainProcess {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  warnIfStale();
  const tmp = tempDir('proxydeck-shell-');
  const dir = dataDir ?? join(tmp.dir, 'data');
  // The keychain entries go under a service of this data folder's own, removed by dispose().
  const service = `Proxydeck-test-${createHash('sha256').update(dir).digest('hex').slice(0, 10)}`;
  const journalFile = join(tmp.dir, 'fake-journal.json');
  const child = fork(MAIN, [], {
    execArgv: ['--import', REGISTER],
    env: {
      ...process.env,
      PROXYDECK_USER_DATA: dir,
      PROXYDECK_KEYCHAIN_SERVICE: service,
      FAKE_ELECTRON_CONTROL: '1',
      FAKE_ELECTRON_JOURNAL: journalFile,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  return new MainProcess(child, dir, journalFile, tmp.cleanup, service);
}

/** The items of a menu, depth first, with their index path (to click one). */
export function flatten(menu: MenuNode[] | null, path: number[] = []): { item: MenuNode; path: number[] }[] {
  return (menu ?? []).flatMap((item, i) => [
    { item, path: [...path, i] },
    ...flatten(item.submenu ?? null, [...path, i]),
  ]);
}

/** Waits until `count` refreshes ended (refresh-progress 'done' or 'failed' sent to the window) after `after`. */
export async function refreshesEnded(main: MainProcess, count: number, after = 0, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const sent = await main.journal({ api: 'webContents.send', after });
    const ended = sent.filter((e) => {
      const ev = e.args[1] as { type?: string; state?: string } | undefined;
      return ev?.type === 'refresh-progress' && (ev.state === 'done' || ev.state === 'failed');
    });
    if (ended.length >= count) return;
    if (Date.now() > end) throw new Error(`only ${ended.length} of ${count} refreshes ended`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Makes every demo simulator of that main answer `ms` late (the simulators' own fault control), or only `method` requests. */
export async function slowSimulators(main: MainProcess, ms: number, only: { method?: string } = {}): Promise<number> {
  let slowed = 0;
  for (const e of await main.journal({ api: 'fake.listening' })) {
    const { address, port } = e.args[0] as { address?: string; port?: number };
    if (!port || (address !== '127.0.0.1' && address !== '::1')) continue;
    const res = await fetch(`http://127.0.0.1:${port}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'latency', ms, times: 0, ...only }),
    }).catch(() => null);
    if (res?.ok) slowed++;
  }
  return slowed;
}
