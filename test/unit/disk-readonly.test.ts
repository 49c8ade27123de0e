/**
 * A read-only data folder, for real: a tmpfs remounted read-only. Start-up must not crash (it used to,
 * with an uncaught EROFS from the logger), the app runs on what it has, says what is wrong, and saves
 * once the folder is writable again.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger, FileDestination } from '../../main/core/logging/logger';
import { RenewalService } from '../../main/core/renewals/renewal-service';
import { AppStore, STORE_NAME } from '../../main/core/store/app-store';
import { releaseDiskHealth } from '../../main/core/store/disk-health';
import { diskNotice } from '../../preload/contract/notices';
import { Backend, type DiskEnv, fails, hits, liveIps, ok, startCore } from './disk-env';
import { tmpfsOrSkip } from './disk-tmpfs';

const fs = tmpfsOrSkip();
afterAll(() => fs?.unmount());

let n = 0;
let env: DiskEnv | null = null;
const freshDir = () => join(fs!.root, `case-${++n}`);
afterEach(async () => {
  fs?.writable();
  await env?.close();
  env = null;
});

describe.skipIf(!fs)(`read-only data folder (real tmpfs)${fs ? '' : ' — skipped: needs root to mount a tmpfs'}`, () => {
  it('the logger does not throw on a read-only folder: it writes to stderr and says why', () => {
    const dir = freshDir();
    fs!.readOnly();
    const lines: string[] = [];
    expect(() =>
      createLogger({ file: join(dir, 'logs', 'main.log'), fallback: { write: (t) => lines.push(t) } }),
    ).not.toThrow();
    const dest = new FileDestination(join(dir, 'logs', 'main.log'), { write: (t: string) => lines.push(t) });
    dest.write('{"msg":"hello"}\n');
    expect(lines[0]).toMatch(
      /^Proxydeck cannot write its log file .+main\.log \(EROFS\); logging to the terminal instead\./,
    );
    expect(lines).toContain('{"msg":"hello"}\n');
    expect(existsSync(join(dir, 'logs'))).toBe(false);
  });

  it('starts on a read-only folder with the data of an earlier run: accounts and snapshots are shown, refreshes run, nothing crashes; saved once writable', async () => {
    const dir = freshDir();
    env = await startCore(dir);
    const { id } = ok(
      await env.call('accounts:add', { vendor: 'youproxy', label: 'Shop', credentials: env.sim.credentials }),
    );
    await env.core.refresh.idle();
    const sim = env.sim;
    const vault = env.vault;
    await env.core.shutdown();
    fs!.readOnly();

    env = await startCore(dir, { sim, vault });
    env.close = async () => {
      await env!.core.shutdown();
      await sim.close();
    };
    expect(ok(await env.call('accounts:list')).map((a) => a.label)).toEqual(['Shop']);
    expect(ok(await env.call('snapshots:list'))[0]!.accountId).toBe(id);
    env.core.refresh.start();
    await env.core.refresh.idle();
    expect(ok(await env.call('accounts:list'))[0]!.lastRefreshAt).not.toBeNull();
    ok(await env.call('settings:update', { theme: 'dark' }));
    const info = ok(await env.call('app:info'));
    const notice = diskNotice('read_only', resolve(dir), 'EROFS');
    expect(info.notices).toContain(notice);
    expect(notice).toMatch(/the folder is read-only\. Make the folder writable again/);

    fs!.writable();
    env.core.disk.retryNow();
    expect(JSON.parse(readFileSync(join(dir, `${STORE_NAME}.json`), 'utf8')).settings.theme).toBe('dark');
    expect(ok(await env.call('app:info')).notices).not.toContain(notice);
  });

  it('starts on a read-only disk where its folder was never created: runs from memory; adding an account is refused plainly', async () => {
    const dir = join(freshDir(), 'never-created');
    fs!.readOnly();
    env = await startCore(dir);
    expect(ok(await env.call('accounts:list'))).toEqual([]);
    const err = fails(
      await env.call('accounts:add', { vendor: 'youproxy', label: 'Shop', credentials: env.sim.credentials }),
    );
    expect(err.code).toBe('storage');
    expect(err.message).toMatch(/the folder is read-only\. Make the folder writable again .*, then try again\.$/);
    expect(await env.vault.list()).toEqual([]);
    expect(ok(await env.call('app:info')).notices.join(' ')).toMatch(
      /cannot save to .*never-created: the folder is read-only/,
    );
  });

  it('no renewal is sent while the journal cannot be written', async () => {
    const dir = freshDir();
    env = await startCore(dir);
    const { id } = ok(
      await env.call('accounts:add', { vendor: 'youproxy', label: 'Shop', credentials: env.sim.credentials }),
    );
    await env.core.refresh.idle();
    env.sim.setBalance(100_000);
    const svc = new RenewalService({ dataDir: dir, accounts: env.core.accounts });
    const q = await svc.quote([{ accountId: id, targets: liveIps(env.sim), periodId: '30' }]);
    fs!.readOnly();
    const r = await svc.execute({ quoteId: q.quoteId, totals: q.totals });
    expect(r.operations[0]!.state).toBe('failed');
    expect(r.operations[0]!.items[0]!.message).toMatch(
      /the folder is read-only\), so the renewal at Shop was not sent and nothing was paid/,
    );
    expect(hits(env.sim, 'POST', /(?<!calculate)\/extend$/)).toBe(0);
    expect(env.sim.server.ledger).toHaveLength(0);
  });

  it('a damaged settings file on a read-only disk: what validates is used from memory; the file is left as it was until it can be set aside', () => {
    const dir = freshDir();
    const account = {
      id: '7d0d4b8e-4f5c-4f0e-9a57-1f3f8f0b2c11',
      vendor: 'youproxy',
      label: 'Shop',
      createdAt: '2026-01-02T00:00:00.000Z',
      lastRefreshAt: null,
      demo: false,
      credentialHint: null,
      lastError: null,
    };
    const damaged = JSON.stringify({ settings: { theme: 'dark' }, accounts: [account] }); // no version
    new AppStore(dir, Backend); // creates the folder
    writeFileSync(join(dir, `${STORE_NAME}.json`), damaged);
    fs!.readOnly();
    const store = new AppStore(dir, Backend);
    expect(store.accounts().map((a) => a.label)).toEqual(['Shop']);
    expect(store.settings().theme).toBe('dark');
    expect(store.notices[0]).toMatch(/Your settings file is damaged \(it has no version number/);
    expect(readFileSync(join(dir, `${STORE_NAME}.json`), 'utf8')).toBe(damaged);

    fs!.writable();
    store.disk.retryNow();
    const aside = readdirSync(dir).filter((f) => f.startsWith(`${STORE_NAME}.invalid-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(damaged);
    expect(JSON.parse(readFileSync(join(dir, `${STORE_NAME}.json`), 'utf8')).accounts[0].label).toBe('Shop');
    releaseDiskHealth(dir);
  });
});
