import { describe, expect, it } from 'vitest';
import { expiryLists, itemsOfIds, renewWay } from '../../renderer/views/dashboard/expiry';
import { held, heldAll } from '../helpers/held';
import { account, DAY, NOW, order, proxy, snapshot, vendor } from './dashboard-fixtures';

/** A vendor that renews orders only once on hold, for a few days, and IPs as their order (declared, not named). */
const holdVendor = vendor('proxyshard', { renewal: { order: 'onHold', ip: 'viaOrder', server: 'none' }, holdDays: 3 });
const hereVendor = vendor('youproxy');
const dashVendor = vendor('thordata', { renewal: { order: 'dashboard', ip: 'dashboard', server: 'here' } });

describe('expired vs expiring', () => {
  it('splits ended items from items ending within N days, each sorted (most recent / soonest first)', () => {
    const a = account('a', 'youproxy');
    const snaps = {
      a: snapshot('a', {
        proxies: [proxy('1', -2), proxy('2', 3), proxy('3', -1), proxy('4', 1), proxy('5', 30), proxy('6', -40)],
      }),
    };
    const { expired, expiring } = expiryLists([a], [hereVendor], heldAll(snaps), 7, NOW);
    expect(expired.map((x) => x.id)).toEqual(['3', '1']); // -40 days is outside the window
    expect(expiring.map((x) => x.id)).toEqual(['4', '2']); // 30 days is outside the window
    expect(expiring.every((x) => x.way === 'here' && x.renewableUntilMs === null)).toBe(true);
  });

  it('an on-hold order is renewable here until its declared hold days end; its IPs are listed as the order', () => {
    const a = account('a', 'proxyshard');
    const snaps = {
      a: snapshot('a', {
        orders: [
          order('o1', -1, { status: 'on-hold' }),
          order('o2', -4, { status: 'on-hold' }),
          order('o3', 2, { autoRenew: false }),
          order('o4', -2, { status: 'cancelled' }),
        ],
        proxies: [proxy('1', -1, { orderId: 'o1' }), proxy('2', 2, { orderId: 'o3' })],
      }),
    };
    const { expired, expiring } = expiryLists([a], [holdVendor], heldAll(snaps), 7, NOW);
    expect(expired.map((x) => [x.id, x.way])).toEqual([
      ['o1', 'here'],
      ['o2', 'none'], // held 3 days: gone after that
    ]);
    expect(expired[0]?.renewableUntilMs).toBe(Date.parse(order('o1', -1).expiresAt!) + 3 * DAY);
    // Active: not renewable here before it ends; the next step is its auto-renew switch.
    expect(expiring.map((x) => [x.id, x.way])).toEqual([['o3', 'autoRenew']]);
  });

  it('without declared hold days an on-hold item is renewable with no known end', () => {
    const v = vendor('proxyshard', { renewal: { order: 'onHold', ip: 'viaOrder', server: 'none' } });
    const r = renewWay(v, 'order', { status: 'on-hold', expired: true, expiresMs: NOW - DAY }, NOW);
    expect(r).toEqual({ way: 'here', renewableUntilMs: null });
  });

  it('items renewed only in the vendor dashboard say so; without the renew capability nothing renews here', () => {
    const a = account('a', 'thordata');
    const snaps = { a: snapshot('a', { proxies: [proxy('1', 2)] }) };
    expect(expiryLists([a], [dashVendor], heldAll(snaps), 7, NOW).expiring[0]?.way).toBe('dashboard');
    const noRenew = vendor('youproxy', { capabilities: ['balance'] });
    expect(expiryLists([a], [noRenew], heldAll(snaps), 7, NOW).expiring[0]?.way).toBe('none');
  });

  it('an order whose IPs are listed is not listed again (unless the IPs renew via the order)', () => {
    const a = account('a', 'youproxy');
    const snaps = { a: snapshot('a', { orders: [order('o1', 2)], proxies: [proxy('1', 2, { orderId: 'o1' })] }) };
    expect(expiryLists([a], [hereVendor], heldAll(snaps), 7, NOW).expiring.map((x) => x.what)).toEqual(['ip']);
  });

  it('a reminder’s IP ids map to their items; an IP renewed via its order becomes the order, once', () => {
    const a = account('a', 'proxyshard');
    const snap = snapshot('a', {
      orders: [order('o1', 1, { status: 'on-hold' })],
      proxies: [proxy('1', 1, { orderId: 'o1' }), proxy('2', 1, { orderId: 'o1' })],
    });
    const items = itemsOfIds(a, [holdVendor], held(snap), ['1', '2'], NOW);
    expect(items.map((x) => [x.what, x.id, x.way])).toEqual([['order', 'o1', 'here']]);
  });
});
