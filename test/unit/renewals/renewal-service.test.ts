import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenewalProgress } from '../../../main/core/renewals/renewal-service';
import { bpIps, chargesFor, type Env, hits, makeEnv, psOnHold, ypIps } from './helpers';

let env: Env;
beforeEach(async () => {
  env = await makeEnv();
});
afterEach(async () => {
  await env.close();
});

const journalFiles = () => readdirSync(join(env.dir, 'journal')).filter((f) => f.endsWith('.json'));

describe('renewals across vendors', () => {
  it('happy path: quotes per currency, renews once per item, journals done, audits rows + CSV', async () => {
    env.yp.setBalance(100_000);
    const svc = env.service();
    const yp = ypIps(env, 2);
    const ps = psOnHold(env).slice(0, 1);
    const bp = bpIps(env, 2);
    const selections = [
      { accountId: env.ypId, targets: yp, periodId: '30' },
      { accountId: env.psId, targets: ps, periodId: 'current' },
      { accountId: env.bpId, targets: bp, periodId: '1m' },
    ];
    const q = await svc.quote(selections);
    expect(q.blocked).toEqual([]);
    const sum = q.accounts.reduce((s, a) => s + a.quote!.total.minor, 0);
    expect(q.totals).toEqual([{ minor: sum, currency: 'USD' }]);
    // BestProxy has no balance API: its balance is unknown (null), the others are read.
    expect(q.accounts.map((a) => a.balance?.currency ?? null)).toEqual(['USD', 'USD', null]);
    expect(env.yp.server.ledger.length + env.ps.server.ledger.length + env.bp.server.ledger.length).toBe(0);

    const progress: RenewalProgress[] = [];
    const r = await svc.execute({ quoteId: q.quoteId, totals: q.totals }, (p) => progress.push(p));
    expect(r.operations.map((o) => o.state)).toEqual(['done', 'done', 'done']);
    for (const op of r.operations) {
      for (const item of op.items) {
        expect(item.state).toBe('done');
        expect(Date.parse(item.newExpiresAt!)).toBeGreaterThan(Date.parse(item.expiresBefore ?? '1970-01-01'));
      }
    }
    for (const x of yp) expect(chargesFor(env.yp, x.id)).toBe(1);
    for (const x of ps) expect(chargesFor(env.ps, x.id)).toBe(1);
    expect(env.bp.server.ledger).toHaveLength(1); // one order for the product line
    expect(progress.filter((p) => p.state === 'sending')).toHaveLength(5);
    expect(progress.filter((p) => p.state === 'done')).toHaveLength(5);

    // Journal on disk, one file per account operation, all done.
    const files = journalFiles();
    expect(files).toHaveLength(3);
    for (const f of files) {
      const op = JSON.parse(readFileSync(join(env.dir, 'journal', f), 'utf8'));
      expect(op.state).toBe('done');
      expect(op.history.map((h: { state: string }) => h.state)).toEqual(['intent', 'sending', 'done']);
    }

    const rows = svc.audit.list();
    expect(rows).toHaveLength(3);
    expect(rows.map((x) => x.vendor).sort()).toEqual(['bestproxy', 'proxyshard', 'youproxy']);
    expect(rows.every((x) => x.action === 'renew' && x.result.startsWith('done'))).toBe(true);
    const csv = svc.audit.toCsv();
    expect(csv.split('\r\n')[0]).toMatch(/^Time \(UTC\),Action,Account,Vendor,Items,Quoted total/);
    expect(csv.split('\r\n')).toHaveLength(5); // header + 3 rows + trailing CRLF
    // Nothing secret in the audit file.
    const raw = readFileSync(join(env.dir, 'audit.jsonl'), 'utf8');
    for (const secret of [env.yp.credentials, env.ps.credentials, env.bp.credentials].flatMap((c) =>
      Object.values(c),
    )) {
      expect(raw).not.toContain(secret);
    }
    expect(raw).not.toMatch(/password/i);

    // The same confirmation cannot be used again.
    await expect(svc.execute({ quoteId: q.quoteId, totals: q.totals })).rejects.toThrow(/already started/);
    expect(env.yp.server.ledger).toHaveLength(1);
  });

  it('insufficient funds: the quote is blocked in plain words, execute refuses, no charge', async () => {
    env.yp.setBalance(10);
    const svc = env.service();
    const q = await svc.quote([{ accountId: env.ypId, targets: ypIps(env, 2), periodId: '30' }]);
    expect(q.blocked.length).toBeGreaterThan(0);
    expect(q.blocked.join(' ')).toMatch(
      /Demo · YouProxy: the balance is 0\.10 USD but this renewal costs \d+\.\d\d USD/,
    );
    await expect(svc.execute({ quoteId: q.quoteId, totals: q.totals })).rejects.toThrow(/balance/i);
    expect(env.yp.server.ledger).toHaveLength(0);
    expect(hits(env.yp, 'POST', /(?<!calculate)\/extend$/)).toBe(0);
    expect(existsSync(join(env.dir, 'journal')) && journalFiles()).toEqual([]);
  });

  it('refuses when the confirmed totals differ from the price check', async () => {
    const svc = env.service();
    const q = await svc.quote([{ accountId: env.psId, targets: psOnHold(env).slice(0, 1), periodId: 'current' }]);
    const wrong = [{ minor: q.totals[0]!.minor - 1, currency: 'USD' }];
    await expect(svc.execute({ quoteId: q.quoteId, totals: wrong })).rejects.toThrow(/does not match/);
    expect(env.ps.server.ledger).toHaveLength(0);
  });

  it('refuses when prices moved between confirmation and sending', async () => {
    const svc = env.service();
    const [target] = psOnHold(env);
    const q = await svc.quote([{ accountId: env.psId, targets: [target!], periodId: 'current' }]);
    const order = env.ps.account.orders.get(Number(target!.id))!;
    order.quantity += 1; // the vendor's price for this order is now higher
    await expect(svc.execute({ quoteId: q.quoteId, totals: q.totals })).rejects.toThrow(/Prices changed/);
    expect(env.ps.server.ledger).toHaveLength(0);
  });

  it('partial failure: per-item results; retryFailed renews only the failed item; one charge per item', async () => {
    const svc = env.service();
    const [a, b] = psOnHold(env);
    env.ps.server.injectFault({ kind: 'status', status: 400, path: `/orders/${b!.id}/renew` });
    const q = await svc.quote([{ accountId: env.psId, targets: [a!, b!], periodId: 'current' }]);
    const r = await svc.execute({ quoteId: q.quoteId, totals: q.totals });
    const op = r.operations[0]!;
    expect(op.state).toBe('partial');
    expect(op.items.map((i) => [i.target.id, i.state])).toEqual([
      [a!.id, 'done'],
      [b!.id, 'failed'],
    ]);
    // A documented refusal (HTTP 400), or "expiry unchanged" once read: either way a plain failure.
    expect(op.items[1]!.message).toMatch(/refused the request|safe to try again/);
    expect(op.items[1]!.message).not.toMatch(/may have/);
    expect(chargesFor(env.ps, a!.id)).toBe(1);
    expect(chargesFor(env.ps, b!.id)).toBe(0);

    const retry = await svc.retryFailed(op.id);
    const rop = retry.operations[0]!;
    expect(rop.retryOf).toBe(op.id);
    expect(rop.items.map((i) => [i.target.id, i.state])).toEqual([[b!.id, 'done']]);
    expect(chargesFor(env.ps, a!.id)).toBe(1);
    expect(chargesFor(env.ps, b!.id)).toBe(1);
    expect(hits(env.ps, 'POST', new RegExp(`/orders/${a!.id}/renew$`))).toBe(1);
    // A second retry has nothing left to do.
    await expect(svc.retryFailed(op.id)).rejects.toThrow(/Nothing to retry/);
    expect(svc.audit.list().map((x) => x.action)).toEqual(['renew', 'retry']);
  });
});

describe('unknown outcomes are settled by reading, never by resending', () => {
  it('if the expiry before sending cannot be read, nothing is sent', async () => {
    const svc = env.service();
    const targets = psOnHold(env).slice(0, 1);
    const q = await svc.quote([{ accountId: env.psId, targets, periodId: 'current' }]);
    // The order list (read for the expiry before sending) fails; the price check endpoints still work.
    env.ps.server.injectFault({ kind: 'status', status: 503, method: 'GET', path: '/orders$', times: 0 });
    const r = await svc.execute({ quoteId: q.quoteId, totals: q.totals });
    expect(r.operations[0]!.state).toBe('failed');
    expect(r.operations[0]!.items[0]!.message).toMatch(/^Not sent: could not read the current expiry dates/);
    expect(hits(env.ps, 'POST', /renew$/)).toBe(0);
    expect(env.ps.server.ledger).toHaveLength(0);
  });

  it('answer lost after the vendor applied it → uncertain → reconcile reads state → done, one charge', async () => {
    env.yp.setBalance(100_000);
    const svc = env.service();
    const targets = ypIps(env, 1);
    const id = targets[0]!.id;
    const q = await svc.quote([{ accountId: env.ypId, targets, periodId: '30' }]);
    env.yp.server.injectFault({ kind: 'drop_after_apply', method: 'POST', path: '(?<!calculate)/extend$' });
    const r = await svc.execute({ quoteId: q.quoteId, totals: q.totals });
    const op = r.operations[0]!;
    // Checked right after the lost answer by reading the IP list: settled at once.
    expect(op.state).toBe('done');
    expect(op.history.map((h) => h.state)).toEqual(['intent', 'sending', 'uncertain', 'done']);
    expect(Date.parse(op.items[0]!.newExpiresAt!)).toBeGreaterThan(Date.parse(op.items[0]!.expiresBefore!));
    expect(chargesFor(env.yp, id)).toBe(1);
    expect(hits(env.yp, 'POST', /(?<!calculate)\/extend$/)).toBe(1);
  });

  it('stays uncertain while state cannot be read, blocks a second renewal, then reconcile → done', async () => {
    env.yp.setBalance(100_000);
    const svc = env.service({
      afterSend: () => {
        // The answer was lost and now the vendor's reads fail too: the outcome cannot be told yet.
        env.yp.server.injectFault({ kind: 'status', status: 503, path: 'ipAddress', times: 0 });
        env.yp.server.injectFault({ kind: 'status', status: 503, path: 'balance', times: 0 });
      },
    });
    const targets = ypIps(env, 1);
    const id = targets[0]!.id;
    const q = await svc.quote([{ accountId: env.ypId, targets, periodId: '30' }]);
    env.yp.server.injectFault({ kind: 'drop_after_apply', method: 'POST', path: '(?<!calculate)/extend$' });
    const r = await svc.execute({ quoteId: q.quoteId, totals: q.totals });
    const op = r.operations[0]!;
    expect(op.state).toBe('uncertain');
    expect(op.items[0]!.message).toMatch(/Open your YouProxy dashboard and check its expiry date/);
    expect(chargesFor(env.yp, id)).toBe(1);

    env.yp.server.clearFaults();
    const again = await svc.quote([{ accountId: env.ypId, targets, periodId: '30' }]);
    await expect(svc.execute({ quoteId: again.quoteId, totals: again.totals })).rejects.toThrow(
      /outcome is not known yet/,
    );

    // Marking by hand is only for items still waiting for a check.
    expect(() => svc.resolveManually(op.id, { kind: 'ip', id: 'nope' }, true)).toThrow(/not waiting/);
    const settled = await svc.reconcile(op.id);
    expect(settled.state).toBe('done');
    expect(Date.parse(settled.items[0]!.newExpiresAt!)).toBeGreaterThan(Date.parse(settled.items[0]!.expiresBefore!));
    expect(chargesFor(env.yp, id)).toBe(1);
    expect(hits(env.yp, 'POST', /(?<!calculate)\/extend$/)).toBe(1);
    expect(svc.audit.list().map((x) => [x.action, x.result.split(':')[0]])).toEqual([
      ['renew', 'uncertain'],
      ['reconcile', 'done'],
    ]);
  });

  it('crash between send and record: a new service finds "sending", reconciles → done, no resend', async () => {
    const crash = new Error('simulated crash');
    const svc = env.service({
      afterSend: () => {
        throw crash;
      },
    });
    const targets = bpIps(env, 1);
    const id = targets[0]!.id;
    const q = await svc.quote([{ accountId: env.bpId, targets, periodId: '1m' }]);
    await expect(svc.execute({ quoteId: q.quoteId, totals: q.totals })).rejects.toBe(crash);
    const [file] = journalFiles();
    expect(JSON.parse(readFileSync(join(env.dir, 'journal', file!), 'utf8')).state).toBe('sending');
    expect(env.bp.server.ledger).toHaveLength(1);

    // Start-up: a new service over the same folder.
    const restarted = env.service();
    expect(restarted.operations()[0]!.state).toBe('uncertain');
    expect(restarted.notices().join(' ')).toMatch(/unknown outcome/);
    const creates = hits(env.bp, 'POST', /order\/create$/);
    const [op] = await restarted.reconcilePending();
    expect(op!.state).toBe('done');
    expect(op!.items[0]!.newExpiresAt).toBe(env.bp.state.ips.find((i) => String(i.id) === id)!.expiredAt.toISOString());
    expect(hits(env.bp, 'POST', /order\/create$/)).toBe(creates);
    expect(env.bp.server.ledger).toHaveLength(1);
  });

  it('crash before sending ("intent" on disk) is failed at start-up: nothing was sent', async () => {
    const svc = env.service();
    const q = await svc.quote([{ accountId: env.psId, targets: psOnHold(env).slice(0, 1), periodId: 'current' }]);
    await svc.execute({ quoteId: q.quoteId, totals: q.totals });
    const [file] = journalFiles();
    const path = join(env.dir, 'journal', file!);
    const op = JSON.parse(readFileSync(path, 'utf8'));
    op.state = 'intent';
    op.items = op.items.map((i: object) => ({ ...i, state: 'intent' }));
    writeFileSync(path, JSON.stringify(op));
    const restarted = env.service();
    expect(restarted.operations()[0]!.items[0]!.state).toBe('failed');
    expect(restarted.operations()[0]!.items[0]!.message).toMatch(/Not sent/);
  });

  it('a damaged journal file is moved aside and reported, never dropped silently', async () => {
    env.service();
    writeFileSync(join(env.dir, 'journal', '3f0e4a4e-0000-4000-8000-000000000000.json'), '{"version":1,"id":');
    const svc = env.service();
    expect(svc.notices().join(' ')).toMatch(/could not be read because it is damaged/);
    const names = readdirSync(join(env.dir, 'journal'));
    expect(names.some((n) => n.includes('.damaged-'))).toBe(true);
    expect(svc.operations()).toEqual([]);
  });
});

describe('never twice', () => {
  it('two concurrent executes of the same confirmation → one charge; the second is refused in plain words', async () => {
    env.yp.setBalance(100_000);
    const svc = env.service();
    const targets = ypIps(env, 2);
    const q = await svc.quote([{ accountId: env.ypId, targets, periodId: '30' }]);
    const conf = { quoteId: q.quoteId, totals: q.totals };
    const [a, b] = await Promise.allSettled([svc.execute(conf), svc.execute(conf)]);
    expect(a.status).toBe('fulfilled');
    expect(b).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/already started/) } });
    for (const t of targets) expect(chargesFor(env.yp, t.id)).toBe(1);
    expect(hits(env.yp, 'POST', /(?<!calculate)\/extend$/)).toBe(1);
  });

  it('two windows confirming separate quotes of the same item → one charge; the second is refused', async () => {
    env.yp.setBalance(100_000);
    const svc = env.service();
    const targets = ypIps(env, 1);
    const q1 = await svc.quote([{ accountId: env.ypId, targets, periodId: '30' }]);
    const q2 = await svc.quote([{ accountId: env.ypId, targets, periodId: '30' }]);
    const [a, b] = await Promise.allSettled([
      svc.execute({ quoteId: q1.quoteId, totals: q1.totals }),
      svc.execute({ quoteId: q2.quoteId, totals: q2.totals }),
    ]);
    expect(a.status).toBe('fulfilled');
    expect(b).toMatchObject({
      status: 'rejected',
      reason: { message: expect.stringMatching(/is already being renewed. Wait for that renewal to finish/) },
    });
    expect(chargesFor(env.yp, targets[0]!.id)).toBe(1);
  });

  it('an item the user checked by hand is unblocked by resolveManually', async () => {
    env.yp.setBalance(100_000);
    const svc = env.service({
      afterSend: () => {
        env.yp.server.injectFault({ kind: 'status', status: 503, path: 'ipAddress', times: 0 });
        env.yp.server.injectFault({ kind: 'status', status: 503, path: 'balance', times: 0 });
      },
    });
    const targets = ypIps(env, 1);
    const q = await svc.quote([{ accountId: env.ypId, targets, periodId: '30' }]);
    env.yp.server.injectFault({ kind: 'drop_after_apply', method: 'POST', path: '(?<!calculate)/extend$' });
    const op = (await svc.execute({ quoteId: q.quoteId, totals: q.totals })).operations[0]!;
    expect(op.state).toBe('uncertain');
    const marked = svc.resolveManually(op.id, targets[0]!, true);
    expect(marked.state).toBe('done');
    expect(svc.journal.unresolvedFor(env.ypId, targets[0]!)).toBeUndefined();
    expect(env.yp.server.ledger).toHaveLength(1);
  });

  it('refuses the same item twice in one selection', async () => {
    const svc = env.service();
    const [t] = ypIps(env, 1);
    await expect(svc.quote([{ accountId: env.ypId, targets: [t!, t!], periodId: '30' }])).rejects.toThrow(
      /selected twice/,
    );
  });
});

describe('quitting while a renewal is being sent', () => {
  it('core.shutdown waits for the vendor’s answer, so the journal holds the result, not "sending"', async () => {
    env.yp.setBalance(100_000);
    const yp = ypIps(env, 1);
    const q = await env.core.renewals.quote([{ accountId: env.ypId, targets: yp, periodId: '30' }]);
    expect(q.blocked).toEqual([]);
    env.yp.server.injectFault({ kind: 'latency', ms: 400, path: '/extend', times: 1 });
    const sending = new Promise<void>((resolve) => {
      void env.core.renewals.execute({ quoteId: q.quoteId, totals: q.totals }, (p) => {
        if (p.state === 'sending') resolve();
      });
    });
    await sending;
    await env.core.shutdown();
    const files = journalFiles();
    expect(files).toHaveLength(1);
    const op = JSON.parse(readFileSync(join(env.dir, 'journal', files[0]!), 'utf8'));
    expect(op.state).toBe('done');
    expect(chargesFor(env.yp, yp[0]!.id)).toBe(1);
  });
});
