/**
 * A full disk, for real: the data folder is on a small tmpfs and a filler file takes every free byte.
 * Proxydeck must keep running on what it has in memory, say what is wrong, save later, and never
 * lose the journal's protection. (Vitest fails the run on any unhandled rejection, so "no crash"
 * is checked by every test here just by finishing.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { FileDestination, REDACT_PATHS } from '../../main/core/logging/logger';
import { RenewalService } from '../../main/core/renewals/renewal-service';
import { diskNotice } from '../../preload/contract/notices';
import { type DiskEnv, fails, hits, liveIps, ok, startCore } from './disk-env';
import { tmpfsOrSkip } from './disk-tmpfs';

const fs = tmpfsOrSkip();
afterAll(() => fs?.unmount());

let n = 0;
let env: DiskEnv | null = null;
const freshDir = () => join(fs!.root, `case-${++n}`);
afterEach(async () => {
  fs?.free();
  await env?.close();
  env = null;
});

/** Every file under a folder (relative paths). */
function tree(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tree(join(dir, d.name), base) : [join(dir, d.name).slice(base.length + 1)],
  );
}

describe.skipIf(!fs)(`full disk (real tmpfs)${fs ? '' : ' — skipped: needs root to mount a tmpfs'}`, () => {
  it('the first background refresh fails on a full disk: no crash, the error is kept in memory, the notice says what to do, and it is saved once space is free', async () => {
    const dir = freshDir();
    env = await startCore(dir);
    const { id } = ok(
      await env.call('accounts:add', { vendor: 'youproxy', label: 'Shop', credentials: env.sim.credentials }),
    );
    await env.core.refresh.idle();
    fs!.fill();
    await env.sim.close(); // the vendor is down: the refresh fails and its error must be saved
    env.core.refresh.start();
    await env.core.refresh.idle();

    const account = ok(await env.call('accounts:list')).find((a) => a.id === id)!;
    expect(account.lastError?.code).toBe('network');
    const info = ok(await env.call('app:info'));
    const notice = diskNotice('full', resolve(dir), 'ENOSPC');
    expect(info.notices).toContain(notice);
    expect(notice).toMatch(/the disk is full\. Free some space on that disk; Proxydeck will try again by itself/);
    expect(env.events.some((e) => e.type === 'notices-changed')).toBe(true);
    const onDisk = () => JSON.parse(readFileSync(join(dir, 'proxydeck.json'), 'utf8')).accounts[0].lastError;
    expect(onDisk()).toBeNull();

    fs!.free();
    env.core.disk.retryNow();
    expect(onDisk()?.code).toBe('network');
    expect(ok(await env.call('app:info')).notices).not.toContain(notice);
    // No temp file left behind (conf's atomic writer removes its own a moment later).
    await vi.waitFor(() => expect(tree(dir).filter((f) => f.includes('.tmp'))).toEqual([]));
  });

  it('a refresh on a full disk keeps the new snapshot in memory (served from there) and writes it when space is free', async () => {
    const dir = freshDir();
    env = await startCore(dir);
    const { id } = ok(
      await env.call('accounts:add', { vendor: 'youproxy', label: 'Shop', credentials: env.sim.credentials }),
    );
    await env.core.refresh.idle();
    const file = join(dir, 'snapshots', `${id}.json`);
    const fetchedOnDisk = () => JSON.parse(readFileSync(file, 'utf8')).snapshot.fetchedAt;
    const first = fetchedOnDisk();
    await new Promise((r) => setTimeout(r, 5)); // the next snapshot gets a later time
    fs!.fill();
    env.core.refresh.start([id]);
    await env.core.refresh.idle();
    const snaps = ok(await env.call('snapshots:list'));
    expect(snaps.map((s) => s.accountId)).toEqual([id]);
    expect(snaps[0]!.proxies.length).toBeGreaterThan(0);
    const served = snaps[0]!.fetchedAt;
    expect(served).not.toBe(first);
    expect(fetchedOnDisk()).toBe(first);
    fs!.free();
    env.core.disk.retryNow();
    expect(fetchedOnDisk()).toBe(served);
  });

  it('adding an account on a full disk is refused in plain words, and leaves no key in the keychain', async () => {
    const dir = freshDir();
    env = await startCore(dir);
    fs!.fill();
    const err = fails(
      await env.call('accounts:add', { vendor: 'youproxy', label: 'Shop', credentials: env.sim.credentials }),
    );
    expect(err.code).toBe('storage');
    expect(err.message).toMatch(
      /^The account was not added\. Proxydeck could not save this to .+: the disk is full\. Free some space on that disk, then try again\.$/,
    );
    expect(await env.vault.list()).toEqual([]);
    expect(ok(await env.call('accounts:list'))).toEqual([]);
    fs!.free();
    ok(await env.call('accounts:add', { vendor: 'youproxy', label: 'Shop', credentials: env.sim.credentials }));
    expect(await env.vault.list()).toHaveLength(1);
  });

  it('settings changed on a full disk apply at once and are saved later', async () => {
    const dir = freshDir();
    env = await startCore(dir);
    fs!.fill();
    expect(ok(await env.call('settings:update', { expiryWindowDays: 21 })).expiryWindowDays).toBe(21);
    expect(ok(await env.call('settings:get')).expiryWindowDays).toBe(21);
    const saved = () => JSON.parse(readFileSync(join(dir, 'proxydeck.json'), 'utf8')).settings.expiryWindowDays;
    expect(saved()).toBe(7);
    fs!.free();
    await env.call('accounts:refresh', {}); // each refresh first retries what the disk refused
    expect(saved()).toBe(21);
  });

  it('a renewal whose journal entry cannot be written first is not sent: nothing is paid, and it says so', async () => {
    const dir = freshDir();
    env = await startCore(dir);
    const { id } = ok(
      await env.call('accounts:add', { vendor: 'youproxy', label: 'Shop', credentials: env.sim.credentials }),
    );
    await env.core.refresh.idle();
    env.sim.setBalance(100_000);
    const targets = liveIps(env.sim);
    const quote = ok(await env.call('renewals:quote', [{ accountId: id, targets, periodId: '30' }]));
    fs!.fill();
    // The account's part comes back failed, not sent, in plain words (other accounts of a batch would go on).
    const res = ok(await env.call('renewals:execute', { quoteId: quote.quoteId, totals: quote.totals }));
    const notSent = res.operations[0]!;
    expect(notSent.state).toBe('failed');
    for (const item of notSent.items) {
      expect(item.message).toMatch(
        /the disk is full\), so the renewal at Shop was not sent and nothing was paid\. Free some space on that disk, then renew again\./,
      );
    }
    expect(env.sim.server.ledger).toHaveLength(0);
    expect(hits(env.sim, 'POST', /(?<!calculate)\/extend$/)).toBe(0);

    // With space again, the same items renew normally: nothing was left blocking them.
    fs!.free();
    const again = ok(await env.call('renewals:quote', [{ accountId: id, targets, periodId: '30' }]));
    const done = ok(await env.call('renewals:execute', { quoteId: again.quoteId, totals: again.totals }));
    expect(done.operations[0]!.state).toBe('done');
    expect(env.sim.server.ledger).toHaveLength(1);
  });

  it('an answer that cannot be saved keeps the item blocked (uncertain) in memory, not lost; it is written when space is free', async () => {
    const dir = freshDir();
    env = await startCore(dir);
    const { id } = ok(
      await env.call('accounts:add', { vendor: 'youproxy', label: 'Shop', credentials: env.sim.credentials }),
    );
    await env.core.refresh.idle();
    env.sim.setBalance(100_000);
    const svc = new RenewalService({ dataDir: dir, accounts: env.core.accounts, afterSend: () => fs!.fill() });
    const targets = liveIps(env.sim);
    const q = await svc.quote([{ accountId: id, targets, periodId: '30' }]);
    const r = await svc.execute({ quoteId: q.quoteId, totals: q.totals });
    const op = r.operations[0]!;
    expect(env.sim.server.ledger).toHaveLength(1); // the vendor did renew it
    expect(op.items[0]!.state).toBe('uncertain');
    expect(op.items[0]!.message).toMatch(
      /^The vendor renewed this, but Proxydeck could not save that in its journal yet: the disk is full\. It stays blocked from renewing again until it is saved\./,
    );
    // On disk the entry still says 'sending': a crash now would be found and checked at start-up.
    const file = join(dir, 'journal', `${op.id}.json`);
    expect(JSON.parse(readFileSync(file, 'utf8')).state).toBe('sending');
    // Blocked: a second renewal of the same item is refused, nothing more is sent.
    const q2 = await svc.quote([{ accountId: id, targets, periodId: '30' }]);
    await expect(svc.execute({ quoteId: q2.quoteId, totals: q2.totals })).rejects.toThrow(/outcome is not known yet/);
    expect(env.sim.server.ledger).toHaveLength(1);
    // The audit row is kept in memory and listed.
    expect(svc.audit.list().map((x) => x.operationId)).toEqual([op.id]);
    expect(readFileSync(join(dir, 'audit.jsonl'), 'utf8')).toBe(''); // the half-written line was cut off again

    fs!.free();
    env.core.disk.retryNow();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.state).toBe('done');
    expect(svc.operations().find((o) => o.id === op.id)!.state).toBe('done');
    expect(readFileSync(join(dir, 'audit.jsonl'), 'utf8')).toContain(op.id);
    // A restart reads exactly that: settled, nothing left to check.
    expect(new RenewalService({ dataDir: dir, accounts: env.core.accounts }).operations()[0]!.state).toBe('done');
  });

  it('the log falls back to stderr when its file cannot be written (full disk), and keeps the app running', () => {
    const dir = freshDir();
    const lines: string[] = [];
    const dest = new FileDestination(join(dir, 'logs', 'main.log'), { write: (t: string) => lines.push(t) });
    const log = pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, dest);
    fs!.fill();
    log.warn({ where: 'test', password: 'hunter22' }, 'written while the disk is full');
    expect(lines.join('')).toContain('written while the disk is full');
    expect(lines.join('')).not.toContain('hunter22'); // the fallback gets the same redacted line
    expect(dest.problem).toBe('ENOSPC');
    fs!.free();
    log.warn('written with space again');
    dest.close();
    expect(readFileSync(join(dir, 'logs', 'main.log'), 'utf8')).toContain('written with space again');
  });
});
