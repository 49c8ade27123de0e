import { describe, expect, it } from 'vitest';
import { runwayLow, runwayReport } from '../../../main/core/business/runway';
import type { Capability, VendorId } from '../../../preload/contract/model';
import { at, meta, NOW, operation, order, proxy, ref, server, snapshot, usd } from './reports-fixtures';

const withBalance = (_v: VendorId): ReadonlySet<Capability> => new Set(['balance', 'renew']);
const acct = { id: 'a1', label: 'Shop A', vendor: 'youproxy' as const };

describe('balance runway (issue 16 §3)', () => {
  const snap = snapshot('a1', {
    balance: { money: usd(5000), trafficRemainingBytes: null, trafficExpiresAt: null },
    orders: [
      order('o1', { price: usd(6000), quantity: 2, autoRenew: true, expiresAt: at(3), createdAt: at(-27) }),
      order('o2', { price: usd(1000), autoRenew: true, expiresAt: at(1), createdAt: at(-29) }),
      order('o3', { price: usd(9999), autoRenew: false, expiresAt: at(2) }), // not committed
      order('o4', { price: usd(800), autoRenew: false, expiresAt: at(9) }), // marked keep
      order('o5', { price: usd(800), autoRenew: true, expiresAt: at(45) }), // outside the window
    ],
    proxies: [proxy('1', { orderId: 'o1' }), proxy('2', { orderId: 'o1', expiresAt: at(4) })],
    servers: [server('s1', { autoRenew: true, expiresAt: at(5) })], // no price known
  });

  it('walks the committed renewals by expiry and says short by how much on the exact date', () => {
    const r = runwayReport({
      accounts: [acct],
      snapshots: [snap],
      items: [meta(ref('a1', 'order', 'o4'), { keep: true })],
      operations: [],
      capabilities: withBalance,
      windowDays: 30,
      now: NOW,
    });
    const a = r.accounts[0]!;
    expect(a.items.map((i) => [i.item.kind, i.item.id, i.reason, i.price?.minor ?? null])).toEqual([
      ['order', 'o2', 'autoRenew', 1000],
      ['ip', '1', 'autoRenew', 3000],
      ['ip', '2', 'autoRenew', 3000],
      ['server', 's1', 'autoRenew', null],
      ['order', 'o4', 'keep', 800],
    ]);
    expect(a.committed).toEqual([usd(7800)]);
    expect(a.unpriced).toBe(1);
    // 5000: o2 (1000) and IP 1 (3000) covered, 1000 left; IP 2 (3000) on day 4 is 2000 short.
    expect(a.coversUntil).toBe(at(3));
    expect(a.shortBy).toEqual({ amount: usd(2000), on: at(4) });
    expect(a.hasBalanceApi).toBe(true);
    expect(runwayLow(a, 7, NOW)).toBe(true);
    expect(runwayLow(a, 3, NOW)).toBe(false); // short on day 4: beyond a 3-day alert
    expect(runwayLow(a, 0, NOW)).toBe(false); // 0 = off
  });

  it('all covered: covers until the last renewal; nothing due: no date', () => {
    const rich = { ...snap, balance: { money: usd(100_000), trafficRemainingBytes: null, trafficExpiresAt: null } };
    const r = runwayReport({
      accounts: [acct],
      snapshots: [rich],
      items: [],
      operations: [],
      capabilities: withBalance,
      windowDays: 30,
      now: NOW,
    });
    // The last renewal with a known price (the server on day 5 has none, so it cannot be said to be covered).
    expect(r.accounts[0]).toMatchObject({ coversUntil: at(4), shortBy: null, unpriced: 1 });
    const none = runwayReport({
      accounts: [acct],
      snapshots: [rich],
      items: [],
      operations: [],
      capabilities: withBalance,
      windowDays: 0,
      now: NOW,
    });
    expect(none.accounts[0]).toMatchObject({ items: [], committed: [], coversUntil: null, shortBy: null });
  });

  it('the window is a setting: a short window leaves later renewals out', () => {
    const r = runwayReport({
      accounts: [acct],
      snapshots: [snap],
      items: [],
      operations: [],
      capabilities: withBalance,
      windowDays: 2,
      now: NOW,
    });
    expect(r.windowDays).toBe(2);
    expect(r.accounts[0]!.items.map((i) => i.item.id)).toEqual(['o2']);
  });

  it('a renewal price from the journal when the vendor has none, per period', () => {
    const op = operation('a1', { kind: 'server', id: 's1' }, usd(4500), { at: at(-25), days: 30 });
    const r = runwayReport({
      accounts: [acct],
      snapshots: [snap],
      items: [],
      operations: [op],
      capabilities: withBalance,
      windowDays: 30,
      now: NOW,
    });
    const s1 = r.accounts[0]!.items.find((i) => i.item.id === 's1');
    expect(s1).toMatchObject({ price: usd(4500), costSource: 'journal' });
  });

  it('vendors without a balance API: balance null, committed only; demo accounts are in the report', () => {
    const r = runwayReport({
      accounts: [{ ...acct, demo: true }],
      snapshots: [snap],
      items: [],
      operations: [],
      capabilities: () => new Set<Capability>(['renew']),
      windowDays: 30,
      now: NOW,
    });
    expect(r.accounts[0]).toMatchObject({
      hasBalanceApi: false,
      balance: null,
      coversUntil: null,
      shortBy: null,
      committed: [usd(7000)],
    });
  });
});
