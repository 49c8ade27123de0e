/**
 * A data folder that vanishes or is not a folder. These need no root: the tests run as root in CI,
 * where chmod-based permission errors cannot be produced (root bypasses them), so the failing path is
 * made by the file system itself: a path under a regular file (ENOTDIR), a folder deleted or replaced
 * by a file while the app runs.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RenewalService } from '../../main/core/renewals/renewal-service';
import { diskNotice } from '../../preload/contract/notices';
import { tempDir } from '../helpers/tmp';
import { type DiskEnv, fails, hits, liveIps, ok, startCore } from './disk-env';

let root: string;
let cleanup: () => void;
let env: DiskEnv | null = null;
beforeEach(() => ({ dir: root, cleanup } = tempDir('proxydeck-vanish-')));
afterEach(async () => {
  await env?.close();
  env = null;
  cleanup();
});

async function withAccount(dir: string) {
  env = await startCore(dir);
  const { id } = ok(
    await env.call('accounts:add', { vendor: 'youproxy', label: 'Shop', credentials: env.sim.credentials }),
  );
  await env.core.refresh.idle();
  env.sim.setBalance(100_000);
  return id;
}

describe('a data folder that is not there', () => {
  it('a data folder path under a regular file (ENOTDIR): the app starts from memory, says so, and refuses to add an account', async () => {
    writeFileSync(join(root, 'a-file'), 'not a folder');
    const dir = join(root, 'a-file', 'Proxydeck');
    env = await startCore(dir);
    const err = fails(
      await env.call('accounts:add', { vendor: 'youproxy', label: 'Shop', credentials: env.sim.credentials }),
    );
    expect(err.code).toBe('storage');
    expect(err.message).toMatch(/the folder is missing .*Reconnect the drive or put the folder back, then try again\./);
    ok(await env.call('settings:update', { theme: 'dark' }));
    expect(ok(await env.call('settings:get')).theme).toBe('dark');
    expect(ok(await env.call('app:info')).notices).toContain(diskNotice('missing', resolve(dir), 'ENOTDIR'));
  });

  it('the data folder deleted while running: the next save recreates it, and the journal writes back every record it holds', async () => {
    const dir = join(root, 'Proxydeck');
    const id = await withAccount(dir);
    const svc = new RenewalService({ dataDir: dir, accounts: env!.core.accounts });
    const [a, b] = liveIps(env!.sim, 2);
    const q1 = await svc.quote([{ accountId: id, targets: [a!], periodId: '30' }]);
    const first = (await svc.execute({ quoteId: q1.quoteId, totals: q1.totals })).operations[0]!;

    rmSync(dir, { recursive: true, force: true });
    const q2 = await svc.quote([{ accountId: id, targets: [b!], periodId: '30' }]);
    const second = (await svc.execute({ quoteId: q2.quoteId, totals: q2.totals })).operations[0]!;
    expect(second.state).toBe('done');
    const files = readdirSync(join(dir, 'journal')).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual([`${first.id}.json`, `${second.id}.json`].sort());
    ok(await env!.call('settings:update', { theme: 'light' }));
    expect(JSON.parse(readFileSync(join(dir, 'proxydeck.json'), 'utf8')).settings.theme).toBe('light');
    expect(ok(await env!.call('app:info')).notices.filter((n) => n.startsWith('Proxydeck cannot save'))).toEqual([]);
  });

  it('the data folder replaced by a file while running: nothing is sent, everything is kept in memory and written back once the folder returns', async () => {
    const dir = join(root, 'Proxydeck');
    const id = await withAccount(dir);
    const svc = new RenewalService({ dataDir: dir, accounts: env!.core.accounts });
    const q = await svc.quote([{ accountId: id, targets: liveIps(env!.sim), periodId: '30' }]);
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'a file where the folder was');

    const r = await svc.execute({ quoteId: q.quoteId, totals: q.totals });
    expect(r.operations[0]!.items.every((i) => i.state === 'failed')).toBe(true);
    expect(r.operations[0]!.items[0]!.message).toMatch(/was not sent and nothing was paid/);
    expect(hits(env!.sim, 'POST', /(?<!calculate)\/extend$/)).toBe(0);
    ok(await env!.call('accounts:rename', { id, label: 'Shop 2' }));
    env!.core.refresh.start();
    await env!.core.refresh.idle();
    expect(ok(await env!.call('accounts:list'))[0]!.label).toBe('Shop 2');
    expect(ok(await env!.call('snapshots:list'))).toHaveLength(1);
    expect(ok(await env!.call('app:info')).notices.join(' ')).toMatch(
      /^Proxydeck cannot save to .*Proxydeck: the folder is missing/,
    );

    rmSync(dir);
    mkdirSync(dir);
    env!.core.disk.retryNow();
    expect(JSON.parse(readFileSync(join(dir, 'proxydeck.json'), 'utf8')).accounts[0].label).toBe('Shop 2');
    expect(readdirSync(join(dir, 'snapshots'))).toEqual([`${id}.json`]);
    expect(ok(await env!.call('app:info')).notices.filter((n) => n.startsWith('Proxydeck cannot save'))).toEqual([]);
  });
});
