import { describe, expect, it } from 'vitest';
import { everyAccountOffline } from '../../renderer/stores/snapshots';
import { needsAttention, shortfall } from '../../renderer/views/dashboard/attention';
import { expiryLists } from '../../renderer/views/dashboard/expiry';
import { heldAll } from '../helpers/held';
import { account, NOW, order, snapshot, vendor } from './dashboard-fixtures';

const holdVendor = vendor('proxyshard', { renewal: { order: 'onHold', ip: 'viaOrder', server: 'none' }, holdDays: 3 });
const usd = (minor: number) => ({ minor, currency: 'USD' });
const balance = (minor: number) => ({ money: usd(minor), trafficRemainingBytes: null, trafficExpiresAt: null });

function attention(snap: ReturnType<typeof snapshot>, over: Parameters<typeof account>[2] = {}) {
  const a = account('a', 'proxyshard', over);
  const snaps = heldAll({ a: snap });
  const lists = expiryLists([a], [holdVendor], snaps, 7, NOW);
  return needsAttention({ accounts: [a], vendors: [holdVendor], snaps, refresh: {}, lists, lowBalanceUsd: 5 });
}

describe('needs attention', () => {
  it('nothing to do: no entry', () => {
    expect(attention(snapshot('a', { balance: balance(10_000), orders: [order('o1', 30)] }))).toEqual([]);
  });

  it('counts expired-but-renewable items, not those the vendor no longer renews', () => {
    const entries = attention(
      snapshot('a', {
        balance: balance(10_000),
        orders: [order('o1', -1, { status: 'on-hold' }), order('o2', -5, { status: 'on-hold' })],
      }),
    );
    expect(entries.map((e) => e.type)).toEqual(['expired']);
    expect(entries[0]?.type === 'expired' && entries[0].items.map((x) => x.id)).toEqual(['o1']);
  });

  it('a low balance, and upcoming renewals the balance cannot cover (known prices only)', () => {
    const entries = attention(
      snapshot('a', {
        balance: balance(300),
        orders: [
          order('o1', 2, { autoRenew: true, price: usd(800) }), // renews by itself: will draw $8
          order('o2', 3, { autoRenew: true, price: null }), // price unknown: not invented
          order('o3', 4, { autoRenew: false, price: usd(5000) }), // will not renew by itself
        ],
      }),
    );
    expect(entries.map((e) => e.type)).toEqual(['lowBalance', 'shortFunds']);
    const short = entries[1];
    expect(short?.type === 'shortFunds' && [short.need, short.unpriced]).toEqual([usd(800), 1]);
  });

  it('no shortfall when no upcoming price is known, or the balance covers it', () => {
    const item = (price: number | null) => ({ price: price === null ? null : usd(price) }) as never;
    expect(shortfall([item(null)], usd(0))).toBeNull();
    expect(shortfall([item(500), item(400)], usd(900))).toBeNull();
    expect(shortfall([item(500), item(401)], usd(900))?.need).toEqual(usd(901));
  });

  it('a failed refresh is listed with its reason', () => {
    const entries = attention(snapshot('a', { balance: balance(10_000) }), {
      lastError: { code: 'invalid_credentials', message: 'Key refused.', at: '' },
    });
    expect(entries[0]).toMatchObject({ type: 'failed', keyProblem: true, message: 'Key refused.' });
  });
});

describe('offline', () => {
  const failed = (code: 'network' | 'invalid_credentials') => ({ code, message: 'x', at: '' });
  it('only when every account failed because of the network', () => {
    const a = account('a', 'youproxy', { lastError: failed('network') });
    const b = account('b', 'youproxy');
    expect(everyAccountOffline([a, b], {})).toBe(false);
    expect(everyAccountOffline([a], {})).toBe(true);
    expect(everyAccountOffline([a, { ...b, lastError: failed('invalid_credentials') }], {})).toBe(false);
    // The live state of this session wins over main's record.
    expect(everyAccountOffline([a, b], { b: { state: 'failed', message: 'x', code: 'network' } })).toBe(true);
    expect(everyAccountOffline([a], { a: { state: 'done', message: null } })).toBe(false);
    expect(everyAccountOffline([], {})).toBe(false);
  });
});
