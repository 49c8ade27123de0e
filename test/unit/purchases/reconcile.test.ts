import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { A, makePurchaseEnv, order, type PurchaseEnv } from './helpers';

let env: PurchaseEnv;
beforeEach(() => {
  env = makePurchaseEnv();
});
afterEach(() => env.close());

/** A purchase left uncertain: unknown answer, the vendor shows nothing at once, the balance moved. */
async function uncertainOne(svc = env.service()) {
  env.a.behaviour = 'unknown-not-applied';
  env.a.immediate = false;
  env.a.balance = { minor: 100_000, currency: 'USD' };
  env.a.onSend = () => {
    env.a.balance = { minor: 50, currency: 'USD' };
  };
  const q = await svc.quote({ selections: [env.sel(A)] });
  const rec = (await svc.confirm({ quoteId: q.quoteId, totals: q.totals })).records[0]!;
  expect(rec.state).toBe('uncertain');
  env.a.onSend = null;
  return { svc, rec };
}

describe('reconcile and resolve (uncertain purchases only)', () => {
  it('reconcile reads again: still nothing to tell → stays uncertain; the purchase shows up → done', async () => {
    const { svc, rec } = await uncertainOne();
    const same = await svc.reconcile(rec.id);
    expect(same.state).toBe('uncertain');
    expect(env.audit.list()).toHaveLength(1); // nothing settled: no new row
    env.a.items.push('order:late-1'); // the vendor lists it now
    const done = await svc.reconcile(rec.id);
    expect(done).toMatchObject({ state: 'done', created: ['order:late-1'], charged: { minor: 1000, currency: 'USD' } });
    expect(env.a.sent).toHaveLength(1);
    expect(env.audit.list().map((r) => r.action)).toEqual(['buy', 'reconcile']);
    expect(env.refreshed).toEqual([[A]]);
    await expect(svc.reconcile(rec.id)).rejects.toThrow(/already settled/);
  });

  it('reconcile: the vendor now shows purchases at once and nothing new → failed', async () => {
    const { svc, rec } = await uncertainOne();
    env.a.immediate = true;
    expect((await svc.reconcile(rec.id)).message).toBe(
      'Proxydeck checked with ProxyShard: nothing was bought. You can try again.',
    );
  });

  it('reconcile does not trust an unchanged balance when a later purchase on the account exists', async () => {
    const { svc, rec } = await uncertainOne();
    env.a.behaviour = 'ok';
    env.a.balance = { minor: 100_000, currency: 'USD' };
    const q = await svc.quote({ selections: [env.sel(A, order('later'))] });
    await svc.confirm({ quoteId: q.quoteId, totals: q.totals });
    // The later purchase's new order is its own, not a sign that the uncertain one was bought; and the
    // balance reading the same as before the uncertain one says nothing with a later purchase in between.
    env.a.balance = { minor: 100_000, currency: 'USD' };
    expect((await svc.reconcile(rec.id)).state).toBe('uncertain');
  });

  it('resolve: the user checked the dashboard (bought / not bought); settled records are refused', async () => {
    const { svc, rec } = await uncertainOne();
    const bought = svc.resolve(rec.id, true);
    expect(bought).toMatchObject({ state: 'done', charged: { minor: 1000, currency: 'USD' } });
    expect(bought.message).toBe('Marked as bought after checking the ProxyShard dashboard.');
    expect(env.refreshed).toEqual([[A]]);
    expect(() => svc.resolve(rec.id, false)).toThrow(/already settled/);
    expect(env.audit.list().map((r) => [r.action, r.charged?.minor ?? null])).toEqual([
      ['buy', null],
      ['reconcile', 1000],
    ]);

    const second = await uncertainOne(svc);
    expect(svc.resolve(second.rec.id, false)).toMatchObject({
      state: 'failed',
      charged: null,
      message: 'Marked as not bought after checking the ProxyShard dashboard.',
    });
    expect(() => svc.resolve('9a0c1a52-0000-4000-8000-000000000000', true)).toThrow(/not in the journal/);
  });
});
