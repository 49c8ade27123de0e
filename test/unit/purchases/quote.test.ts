import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Capability } from '../../../preload/contract/model';
import type { PurchaseRequest } from '../../../preload/contract/purchases';
import { A, B, makePurchaseEnv, order, type PurchaseEnv, setCapabilities } from './helpers';

let env: PurchaseEnv;
beforeEach(() => {
  env = makePurchaseEnv();
});
afterEach(() => env.close());

const REQUESTS: [PurchaseRequest, Capability][] = [
  [order(), 'purchase'],
  [{ kind: 'addon', orderId: '77', addonKey: 'p0f_slots', quantity: 2 }, 'addons'],
  [{ kind: 'upgrade', serverId: 's1', planId: '3:5' }, 'serverUpgrade'],
  [{ kind: 'codes', count: 2, trafficGb: 5 }, 'trafficCodesCreate'],
];

describe('purchase price check', () => {
  it.each(REQUESTS)('gates %o on its own capability, in plain words otherwise', async (request, cap) => {
    // Only the capability of this kind: it is priced.
    setCapabilities(env.a, [cap]);
    const ok = await env.service().quote({ selections: [{ accountId: A, request }] });
    expect(ok.blocked).toEqual([]);
    expect(ok.parts[0]!.quote).not.toBeNull();
    // Every other buying capability, but not this one: refused before any price check.
    const others = REQUESTS.map(([, c]) => c).filter((c) => c !== cap);
    setCapabilities(env.a, others);
    const before = env.a.quotes;
    const no = await env.service().quote({ selections: [{ accountId: A, request }] });
    expect(no.parts[0]!.quote).toBeNull();
    expect(no.blocked).toEqual(['Shop · ProxyShard: ProxyShard does not offer this through its API.']);
    expect(env.a.quotes).toBe(before);
  });

  it('blocks a part for a blocking warning, a failed price check, or a balance below its cost', async () => {
    const svc = env.service();
    env.a.warnings = [
      { code: 'stock', message: 'Only 3 left in stock.', blocking: true },
      { code: 'note', message: 'Activation takes a minute.', blocking: false },
    ];
    let q = await svc.quote({ selections: [env.sel(A)] });
    expect(q.blocked).toEqual(['Shop · ProxyShard: Only 3 left in stock.']);

    env.a.warnings = [];
    env.a.quoteFails = true;
    q = await svc.quote({ selections: [env.sel(A)] });
    expect(q.parts[0]!.quote).toBeNull();
    expect(q.blocked[0]).toMatch(
      /^Shop · ProxyShard: the price check did not work\. ProxyShard's service is not answering/,
    );

    env.a.quoteFails = false;
    env.a.balance = { minor: 1500, currency: 'USD' };
    // Two parts on one account: 10 + 10 USD against 15 USD.
    q = await svc.quote({ selections: [env.sel(A), env.sel(A, order('isp-us'))] });
    expect(q.blocked).toEqual([
      'Shop · ProxyShard: the balance is 15.00 USD but this purchase costs 20.00 USD. Top up at ProxyShard first.',
    ]);
    await expect(svc.confirm({ quoteId: q.quoteId, totals: q.totals })).rejects.toThrow(/balance is 15\.00 USD/);
    expect(env.a.sent).toHaveLength(0);

    // Balance unknown (no balance API, none with the price): not blocked, the vendor decides.
    env.a.balance = null;
    q = await svc.quote({ selections: [env.sel(A)] });
    expect(q.blocked).toEqual([]);
  });

  it('totals per currency, never mixed; unpriced counts money parts without a price, not traffic', async () => {
    env.b.price = { minor: 700, currency: 'CNY' };
    env.b.balance = { minor: 100_000, currency: 'CNY' };
    const svc = env.service();
    let q = await svc.quote({ selections: [env.sel(A), env.sel(A, order('isp-us')), env.sel(B)] });
    expect(q.totals).toEqual([
      { minor: 700, currency: 'CNY' },
      { minor: 2000, currency: 'USD' },
    ]);
    expect(q.unpriced).toBe(0);

    env.a.price = null; // e.g. a Thordata upgrade: no price in advance
    q = await svc.quote({
      selections: [{ accountId: A, request: { kind: 'upgrade', serverId: 's1', planId: '3:5' } }],
    });
    expect(q.totals).toEqual([]);
    expect(q.unpriced).toBe(1);

    env.a.spends = 'traffic'; // traffic codes spend the account's traffic, not money
    q = await svc.quote({ selections: [{ accountId: A, request: { kind: 'codes', count: 1, trafficGb: 2 } }] });
    expect(q.unpriced).toBe(0);
  });

  it('a price check can be confirmed for 10 minutes, not after', async () => {
    const svc = env.service();
    const q = await svc.quote({ selections: [env.sel(A)] });
    expect(Date.parse(q.expiresAt) - Date.parse(q.createdAt)).toBe(600_000);
    env.clock.t += 600_001;
    await expect(svc.confirm({ quoteId: q.quoteId, totals: q.totals })).rejects.toThrow(/more than 10 minutes old/);
    expect(env.a.sent).toHaveLength(0);
    // Within the 10 minutes it goes through.
    const q2 = await svc.quote({ selections: [env.sel(A)] });
    env.clock.t += 599_000;
    const r = await svc.confirm({ quoteId: q2.quoteId, totals: q2.totals });
    expect(r.records.map((x) => x.state)).toEqual(['done']);
  });

  it('refuses the same purchase twice in one selection', async () => {
    await expect(env.service().quote({ selections: [env.sel(A), env.sel(A)] })).rejects.toThrow(/selected twice/);
  });
});
