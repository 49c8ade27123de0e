import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { A, B, makePurchaseEnv, order, type PurchaseEnv } from './helpers';

let env: PurchaseEnv;
beforeEach(() => {
  env = makePurchaseEnv();
});
afterEach(() => env.close());

const waitFor = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe('confirming a purchase', () => {
  it('a quote id works once: confirming it again sends nothing', async () => {
    const svc = env.service();
    const q = await svc.quote({ selections: [env.sel(A)] });
    const r = await svc.confirm({ quoteId: q.quoteId, totals: q.totals });
    expect(r.records[0]!.state).toBe('done');
    await expect(svc.confirm({ quoteId: q.quoteId, totals: q.totals })).rejects.toThrow(/already started/);
    expect(env.a.sent).toHaveLength(1);
  });

  it('double confirm in the same tick: one is sent, the other refused', async () => {
    const svc = env.service();
    const q = await svc.quote({ selections: [env.sel(A)] });
    const results = await Promise.allSettled([
      svc.confirm({ quoteId: q.quoteId, totals: q.totals }),
      svc.confirm({ quoteId: q.quoteId, totals: q.totals }),
    ]);
    expect(results.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((results.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(
      /already started/,
    );
    expect(env.a.sent).toHaveLength(1);
    expect(env.onDisk()).toHaveLength(1);
  });

  it('unknown or mismatching totals are refused; nothing is sent', async () => {
    const svc = env.service();
    await expect(svc.confirm({ quoteId: '5e0c1a52-0000-4000-8000-000000000000', totals: [] })).rejects.toThrow(
      /no longer valid/,
    );
    const q = await svc.quote({ selections: [env.sel(A)] });
    await expect(svc.confirm({ quoteId: q.quoteId, totals: [{ minor: 999, currency: 'USD' }] })).rejects.toThrow(
      /does not match/,
    );
    await expect(svc.confirm({ quoteId: q.quoteId, totals: [] })).rejects.toThrow(/does not match/);
    expect(env.a.sent).toHaveLength(0);
  });

  it('a part without a price in advance needs acceptUnknownPrices', async () => {
    env.a.price = null;
    const svc = env.service();
    const upgrade = { kind: 'upgrade' as const, serverId: 's1', planId: '3:5' };
    const q = await svc.quote({ selections: [{ accountId: A, request: upgrade }] });
    await expect(svc.confirm({ quoteId: q.quoteId, totals: [] })).rejects.toThrow(/no price in advance/);
    expect(env.a.sent).toHaveLength(0);
    const q2 = await svc.quote({ selections: [{ accountId: A, request: upgrade }] });
    const r = await svc.confirm({ quoteId: q2.quoteId, totals: [], acceptUnknownPrices: true });
    expect(r.records[0]!.state).toBe('done');
    expect(env.a.sent).toHaveLength(1);
  });

  it('prices checked again right before sending: a change sends nothing and says both figures', async () => {
    const svc = env.service();
    const q = await svc.quote({ selections: [env.sel(A), env.sel(B)] });
    env.b.price = { minor: 1200, currency: 'USD' };
    await expect(svc.confirm({ quoteId: q.quoteId, totals: q.totals })).rejects.toThrow(
      'Prices changed: 20.00 USD then, 22.00 USD now. Nothing was bought.',
    );
    expect(env.a.sent).toHaveLength(0);
    expect(env.b.sent).toHaveLength(0);
    // Nothing left behind: the journal is empty and the same purchase can be quoted and bought.
    expect(env.onDisk()).toHaveLength(0);
  });

  it('one purchase at a time per account', async () => {
    const svc = env.service();
    const q1 = await svc.quote({ selections: [env.sel(A, order('one'))] });
    const q2 = await svc.quote({ selections: [env.sel(A, order('two'))] });
    const both = await Promise.all([
      svc.confirm({ quoteId: q1.quoteId, totals: q1.totals }),
      svc.confirm({ quoteId: q2.quoteId, totals: q2.totals }),
    ]);
    expect(both.map((b) => b.records[0]!.state)).toEqual(['done', 'done']);
    expect(env.a.sent).toHaveLength(2);
    expect(env.a.maxConcurrent).toBe(1);
  });

  it('the same purchase on the same account is refused while one is being sent (in-memory lock)', async () => {
    const svc = env.service();
    env.a.behaviour = 'hold';
    const q1 = await svc.quote({ selections: [env.sel(A)] });
    const first = svc.confirm({ quoteId: q1.quoteId, totals: q1.totals });
    await waitFor(() => env.a.sent.length === 1);
    const q2 = await svc.quote({ selections: [env.sel(A)] });
    await expect(svc.confirm({ quoteId: q2.quoteId, totals: q2.totals })).rejects.toThrow(/already being bought/);
    // Another account's identical request is another purchase.
    const q3 = await svc.quote({ selections: [env.sel(B)] });
    expect((await svc.confirm({ quoteId: q3.quoteId, totals: q3.totals })).records[0]!.state).toBe('done');
    env.a.release();
    expect((await first).records[0]!.state).toBe('done');
    expect(env.a.sent).toHaveLength(1);
  });

  it('an earlier uncertain purchase with the same signature blocks it (journal), until settled', async () => {
    const svc = env.service();
    env.a.behaviour = 'unknown-not-applied';
    env.a.immediate = false;
    env.a.balance = null; // nothing can tell: it stays uncertain
    const q1 = await svc.quote({ selections: [env.sel(A)] });
    const r1 = await svc.confirm({ quoteId: q1.quoteId, totals: q1.totals });
    expect(r1.records[0]!.state).toBe('uncertain');

    env.a.behaviour = 'ok';
    const q2 = await svc.quote({ selections: [env.sel(A)] });
    await expect(svc.confirm({ quoteId: q2.quoteId, totals: q2.totals })).rejects.toThrow(
      /its outcome is not known yet\. Check it first/,
    );
    expect(env.a.sent).toHaveLength(1);
    // A different purchase on that account is not blocked.
    const q3 = await svc.quote({ selections: [env.sel(A, order('other'))] });
    expect((await svc.confirm({ quoteId: q3.quoteId, totals: q3.totals })).records[0]!.state).toBe('done');
    // The block also survives a restart (it is in the journal on disk).
    const after = env.service();
    const q4 = await after.quote({ selections: [env.sel(A)] });
    await expect(after.confirm({ quoteId: q4.quoteId, totals: q4.totals })).rejects.toThrow(/not known yet/);
    // Settled by the user: buying it again works.
    after.resolve(r1.records[0]!.id, false);
    const q5 = await after.quote({ selections: [env.sel(A)] });
    expect((await after.confirm({ quoteId: q5.quoteId, totals: q5.totals })).records[0]!.state).toBe('done');
  });
});
