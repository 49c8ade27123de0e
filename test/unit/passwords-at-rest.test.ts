import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/app-core';
import { AppFailure } from '../../main/core/errors';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { createYouproxySimulator, type YouproxySimulator } from '../../main/simulators/youproxy';
import { youproxyModule } from '../../main/vendors/youproxy';
import type { AccountSnapshot } from '../../preload/contract/model';
import { tempDir } from '../helpers/tmp';

/**
 * Proxy passwords in the snapshot cache are sealed with a keychain key: the files hold none, the
 * window still gets them, a copied folder without the keychain reveals none, and without a keychain
 * they live in memory only ("refresh to reveal" after a restart).
 */
let dir: string;
let cleanup: () => void;
let yp: YouproxySimulator;
let baseUrl: string;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('proxydeck-at-rest-'));
  yp = createYouproxySimulator({ seed: 5 });
  await yp.listen();
  baseUrl = yp.baseUrl();
});
afterEach(async () => {
  await yp.close();
  cleanup();
});

const start = (vault: MemoryVault) =>
  createCore({
    dataDir: dir,
    Backend: Conf as unknown as BackendCtor,
    vault,
    vendors: { youproxy: youproxyModule },
    version: 't',
    baseUrls: { youproxy: baseUrl },
    transport: { retry: { max: 0 }, timeouts: { deadlineMs: 2000 } },
  });

async function snapshots(core: Awaited<ReturnType<typeof start>>): Promise<AccountSnapshot[]> {
  const r = await core.dispatch('snapshots:list', []);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as AccountSnapshot[];
}

const filesText = () =>
  readdirSync(join(dir, 'snapshots'))
    .map((f) => readFileSync(join(dir, 'snapshots', f), 'utf8'))
    .join('\n');

/** A vault whose keychain answers for accounts, but refuses the data key (a locked or missing keychain). */
class NoKeyVault extends MemoryVault {
  override async getDataKey(): Promise<string | null> {
    throw new AppFailure('keychain_unavailable', 'No system keychain was found.');
  }
}

describe('proxy passwords at rest', () => {
  it('sealed in the files, open in the window, and after a restart with the same keychain', async () => {
    const vault = new MemoryVault();
    const core = await start(vault);
    await core.accounts.add({ vendor: 'youproxy', label: 'YP', credentials: yp.credentials });
    core.refresh.start();
    await core.refresh.idle();
    const live = (await snapshots(core))[0]!;
    const passwords = live.proxies.map((p) => p.password).filter((p): p is string => !!p);
    expect(passwords.length).toBeGreaterThan(3);
    await core.shutdown();

    const text = filesText();
    for (const p of new Set(passwords)) expect(text).not.toContain(p);
    expect(text).toContain('enc:v1:');

    // Vendor offline, same keychain: the passwords open again.
    await yp.close();
    const again = await start(vault);
    expect((await snapshots(again))[0]!.proxies.map((p) => p.password)).toEqual(live.proxies.map((p) => p.password));
    await again.shutdown();

    // The same folder with another keychain (copied elsewhere): no password, each marked withheld.
    const elsewhere = await start(new MemoryVault());
    const copied = (await snapshots(elsewhere))[0];
    expect(copied?.proxies.every((p) => p.password === null)).toBe(true);
    expect(copied?.proxies.filter((p) => p.passwordWithheld)).toHaveLength(
      live.proxies.filter((p) => p.password).length,
    );
    await elsewhere.shutdown();
  });

  it('without a keychain key: passwords are in memory only, never in a file; after a restart "refresh to reveal"', async () => {
    const vault = new NoKeyVault();
    const core = await start(vault);
    await core.accounts.add({ vendor: 'youproxy', label: 'YP', credentials: yp.credentials });
    core.refresh.start();
    await core.refresh.idle();
    const live = (await snapshots(core))[0]!;
    const passwords = live.proxies.map((p) => p.password).filter((p): p is string => !!p);
    expect(passwords.length).toBeGreaterThan(3); // the window has them while Proxydeck runs
    await core.shutdown();
    const text = filesText();
    for (const p of new Set(passwords)) expect(text).not.toContain(p);

    await yp.close();
    const restarted = await start(vault);
    const read = (await snapshots(restarted))[0]!;
    expect(read.proxies.filter((p) => p.passwordWithheld)).toHaveLength(passwords.length);
    expect(read.proxies.every((p) => p.password === null)).toBe(true);
    await restarted.shutdown();
  });

  it('a snapshot written before encryption is sealed at start-up', async () => {
    const vault = new MemoryVault();
    const core = await start(vault);
    await core.accounts.add({ vendor: 'youproxy', label: 'YP', credentials: yp.credentials });
    core.refresh.start();
    await core.refresh.idle();
    const live = (await snapshots(core))[0]!;
    await core.shutdown();
    // Rewrite the file as an older Proxydeck did: plain passwords.
    const file = join(dir, 'snapshots', `${live.accountId}.json`);
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { snapshot: AccountSnapshot };
    raw.snapshot.proxies = live.proxies;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(raw));
    expect(readFileSync(file, 'utf8')).toContain(live.proxies.find((p) => p.password)!.password!);

    const again = await start(vault);
    await again.shutdown();
    expect(readFileSync(file, 'utf8')).not.toContain(live.proxies.find((p) => p.password)!.password!);
  });
});
