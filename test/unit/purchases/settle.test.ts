import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diskHealth } from '../../../main/core/store/disk-health';
import type { PurchaseRecordView } from '../../../preload/contract/purchases';
import { A, makePurchaseEnv, type PurchaseEnv } from './helpers';

let env: PurchaseEnv;
beforeEach(() => {
  env = makePurchaseEnv();
});
afterEach(() => env.close());

async function buy(svc = env.service(), progress?: PurchaseRecordView[]) {
  const q = await svc.quote({ selections: [env.sel(A)] });
  const r = await svc.confirm({ quoteId: q.quoteId, totals: q.totals }, (p) => progress?.push(p));
  return r.records[0]!;
}

describe('settlePurchase: the outcome of one purchase', () => {
  it('done: journaled sending on disk before the request, once, charged as the vendor says, audited, refreshed', async () => {
    const seenOnDisk: string[] = [];
    env.a.onSend = () => {
      for (const r of env.onDisk()) seenOnDisk.push(r.state);
    };
    const progress: PurchaseRecordView[] = [];
    const rec = await buy(env.service(), progress);
    expect(seenOnDisk).toEqual(['sending']);
    expect(env.a.sent).toHaveLength(1);
    expect(env.a.sent[0]!.requestId).toBe(rec.id);
    expect(rec).toMatchObject({ state: 'done', created: ['order:new-1'], reference: 'R-1' });
    expect(rec.charged).toEqual({ minor: 990, currency: 'USD' });
    expect(progress.map((p) => p.state)).toEqual(['sending', 'done']);
    const [disk] = env.onDisk();
    expect(disk.history.map((h: { state: string }) => h.state)).toEqual(['sending', 'done']);
    const rows = env.audit.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'buy', operationId: rec.id, charged: { minor: 990, currency: 'USD' } });
    expect(rows[0]!.result).toBe('done: 1 bought, 0 failed');
    expect(env.refreshed).toEqual([[A]]);
  });

  it('an order paid outside the wallet (created unpaid): nothing charged unless the vendor says', async () => {
    env.a.spends = 'external';
    env.a.behaviour = 'unknown-applied';
    const rec = await buy();
    expect(rec).toMatchObject({ state: 'done', spends: 'external', charged: null, quotedTotal: { minor: 1000 } });
    expect(env.audit.list()[0]!.charged).toBeNull();
  });

  it('a refresh that fails does not change the outcome', async () => {
    env.refresh.start = () => {
      throw new Error('refresh broke');
    };
    expect((await buy()).state).toBe('done');
  });

  it('vendor state unreadable before sending: not sent, nothing paid', async () => {
    env.a.evidenceFails = true;
    const rec = await buy();
    expect(rec.state).toBe('failed');
    expect(rec.message).toMatch(
      /^Not sent: Proxydeck could not read ProxyShard first .*Nothing was paid\. Try again\.$/,
    );
    expect(env.a.sent).toHaveLength(0);
    expect(env.onDisk().map((r) => r.state)).toEqual(['failed']);
    expect(env.audit.list()[0]!.result).toBe('failed: 0 bought, 1 failed');
    expect(env.refreshed).toEqual([]);
  });

  it('the journal cannot be written before sending: not sent', async () => {
    const svc = env.service();
    // The journal folder is replaced by a file: every write fails (ENOTDIR), as on a broken disk.
    rmSync(env.journalDir, { recursive: true, force: true });
    writeFileSync(env.journalDir, 'not a folder');
    const rec = await buy(svc);
    expect(rec.state).toBe('failed');
    expect(rec.message).toMatch(/^Not sent: Proxydeck could not write the purchase to its journal first/);
    expect(rec.message).toMatch(/nothing was paid/);
    expect(env.a.sent).toHaveLength(0);
    rmSync(env.journalDir, { force: true });
    mkdirSync(env.journalDir);
  });

  it('the journal cannot be written after sending: kept in memory, still blocking, written later', async () => {
    const svc = env.service();
    env.a.onSend = () => {
      rmSync(env.journalDir, { recursive: true, force: true });
      writeFileSync(env.journalDir, 'not a folder');
    };
    const rec = await buy(svc);
    expect(rec.state).toBe('uncertain');
    expect(rec.message).toMatch(/^It was bought, but Proxydeck could not save that in its journal yet/);
    env.a.onSend = null;
    const q = await svc.quote({ selections: [env.sel(A)] });
    await expect(svc.confirm({ quoteId: q.quoteId, totals: q.totals })).rejects.toThrow(/not known yet/);
    // The disk works again: the record is written as it happened, and the block is lifted.
    rmSync(env.journalDir, { force: true });
    mkdirSync(env.journalDir);
    diskHealth(env.dir).retryNow();
    expect(env.onDisk().map((r) => r.state)).toEqual(['done']);
    expect(svc.list().map((r) => r.state)).toEqual(['done']);
    expect(env.a.sent).toHaveLength(1);
  });

  it('a documented refusal: failed with the vendor words, no second look, no resend', async () => {
    env.a.behaviour = 'refuse';
    const rec = await buy();
    expect(rec.state).toBe('failed');
    expect(rec.message).toBe('ProxyShard refused the request: out of stock');
    expect(env.a.sent).toHaveLength(1);
    expect(env.refreshed).toEqual([]);
  });

  it('unknown answer, the purchase is in the vendor state: done, created = the new items', async () => {
    env.a.behaviour = 'unknown-applied';
    const rec = await buy();
    expect(rec.state).toBe('done');
    expect(rec.created).toEqual(['order:new-1']);
    expect(rec.charged).toEqual({ minor: 1000, currency: 'USD' }); // the quoted total: no vendor figure
    expect(env.a.sent).toHaveLength(1);
    expect(env.audit.list()[0]!.charged).toEqual({ minor: 1000, currency: 'USD' });
    expect(env.refreshed).toEqual([[A]]);
  });

  it('unknown answer, nothing new and the vendor shows purchases at once: nothing was bought', async () => {
    env.a.behaviour = 'unknown-not-applied';
    env.a.immediate = true;
    const rec = await buy();
    expect(rec.state).toBe('failed');
    expect(rec.message).toBe('Proxydeck checked with ProxyShard: nothing was bought. You can try again.');
    expect(env.a.sent).toHaveLength(1);
  });

  it('unknown answer, nothing new, not immediate, balance unchanged: nothing was bought', async () => {
    env.a.behaviour = 'unknown-not-applied';
    env.a.immediate = false;
    const rec = await buy();
    expect(rec.state).toBe('failed');
    expect(rec.message).toBe('Proxydeck checked with ProxyShard: nothing was bought. You can try again.');
  });

  it('unknown answer, cannot tell: uncertain in plain words, never resent, audited "up to"', async () => {
    env.a.behaviour = 'unknown-not-applied';
    env.a.immediate = false;
    env.a.onSend = () => {
      env.a.balance = { minor: 50, currency: 'USD' }; // the balance moved: it cannot tell
    };
    const rec = await buy();
    expect(rec.state).toBe('uncertain');
    expect(rec.message).toMatch(
      /may have been bought at ProxyShard; Proxydeck is checking, do not buy again until it says/,
    );
    expect(env.a.sent).toHaveLength(1);
    const row = env.audit.list()[0]!;
    expect(row.charged).toBeNull();
    expect(row.result).toBe('uncertain: 0 bought, 0 failed, 1 unknown (up to 10.00 USD may have been charged)');
  });

  it('a crash between sending and the answer: found at start-up as uncertain, settled by reading only', async () => {
    const crash = new Error('process killed');
    const svc = env.service({
      afterSend: () => {
        throw crash;
      },
    });
    await expect(buy(svc)).rejects.toBe(crash);
    expect(env.a.sent).toHaveLength(1);
    expect(env.onDisk().map((r) => r.state)).toEqual(['sending']);

    const restarted = env.service();
    expect(restarted.list().map((r) => r.state)).toEqual(['uncertain']);
    expect(restarted.notices().join(' ')).toMatch(/1 purchase\(s\) have an unknown outcome/);
    const settled = await restarted.reconcilePending();
    expect(settled.map((r) => [r.state, r.created])).toEqual([['done', ['order:new-1']]]);
    expect(env.a.sent).toHaveLength(1); // read, never resent
    expect(env.audit.list().map((r) => r.action)).toEqual(['reconcile']);
  });
});
