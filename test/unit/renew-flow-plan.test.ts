import { describe, expect, it } from 'vitest';
import type { VendorSummary } from '../../preload/contract/channels';
import type { AccountSnapshot, RenewPeriod, RenewTarget } from '../../preload/contract/model';
import type { AccountQuoteView, RenewalQuoteView } from '../../preload/contract/renewals';
import { VENDORS } from '../../preload/contract/vendors';
import type { IpRow } from '../../renderer/lib/inventory';
import { ipPicks } from '../../renderer/views/renew/picks';
import {
  coveredSelections,
  fundsOf,
  periodsFor,
  type RenewPick,
  sortPicks,
  splitByPeriods,
} from '../../renderer/views/renew/plan';

/** Issue 11 points 1–3: the renew flow's pure rules (renderer/views/renew/plan.ts, picks.ts). */

const vendors: VendorSummary[] = (['thordata', 'proxyshard', 'youproxy', 'bestproxy'] as const).map((id) => ({
  id,
  name: VENDORS[id].name,
  website: VENDORS[id].website,
  fields: [],
  capabilities: ['renew', 'autoRenew'],
  naiveTime: 'utc',
  renewal: VENDORS[id].renewal,
  pages: ['dashboard', 'topup'],
}));

const target = (id: string, expiresAt: string | null = null, kind: RenewTarget['kind'] = 'ip'): RenewTarget => ({
  kind,
  id,
  label: id,
  expiresAt,
});
const pick = (vendor: RenewPick['vendor'], t: RenewTarget, extra: Partial<RenewPick> = {}): RenewPick => ({
  accountId: `acc-${vendor}`,
  accountLabel: vendor,
  vendor,
  vendorName: VENDORS[vendor].name,
  target: t,
  ...extra,
});

describe('point 1: what a vendor renews here, by its declared rule', () => {
  it('keeps what is renewed here; leaves out Thordata IPs (dashboard) and active ProxyShard orders (on hold only)', () => {
    const { renew, leftOut } = sortPicks(
      [
        pick('thordata', target('srv', null, 'server')),
        pick('thordata', target('isp-1')),
        pick('proxyshard', target('o-active', null, 'order'), { status: 'active' }),
        pick('proxyshard', target('o-hold', null, 'order'), { status: 'on-hold' }),
        pick('youproxy', target('yp-1')),
        pick('youproxy', target('yp-1')), // duplicate
      ],
      vendors,
    );
    expect(renew.map((p) => p.target.id)).toEqual(['srv', 'o-hold', 'yp-1']);
    expect(leftOut.map((l) => [l.pick.target.id, l.reason])).toEqual([
      ['isp-1', 'dashboard'],
      ['o-active', 'onHold'],
    ]);
  });

  it('a vendor without the renew capability is left out as "none"', () => {
    const noRenew = vendors.map((v) => (v.id === 'bestproxy' ? { ...v, capabilities: [] } : v));
    expect(sortPicks([pick('bestproxy', target('b'))], noRenew).leftOut[0]?.reason).toBe('none');
  });

  it('ProxyShard IPs become their order once (whole-order renewals); the order rule then applies', () => {
    const row = (id: string): IpRow =>
      ({
        accountId: 'acc-proxyshard',
        accountLabel: 'PS',
        vendor: 'proxyshard',
        vendorName: 'ProxyShard',
        key: `acc-proxyshard|p|${id}`,
        source: 'proxy',
        ip: id,
        port: 80,
        kind: 'isp',
        status: 'active',
        expiresAt: null,
        orderId: id === 'c' ? '8' : '7',
      }) as IpRow;
    const snap = {
      orders: [
        { id: '7', product: 'ISP', kind: 'isp', status: 'on-hold', expiresAt: null, autoRenew: false },
        { id: '8', product: 'DC', kind: 'datacenter', status: 'active', expiresAt: null, autoRenew: false },
      ],
    } as unknown as AccountSnapshot;
    const plan = ipPicks([row('a'), row('b'), row('c')], vendors, { 'acc-proxyshard': snap });
    expect(plan.picks.map((p) => `${p.target.kind}:${p.target.id}`)).toEqual(['order:7']);
    expect(plan.leftOut.map((l) => [l.pick.target.id, l.reason, l.pick.autoRenew])).toEqual([['8', 'onHold', false]]);
  });
});

describe('point 2: periods per item type', () => {
  const periods: RenewPeriod[] = [
    { id: '30', label: '30 days', days: 30 },
    { id: '60', label: '60 days', days: 60, fits: ['datacenter', 'isp'] },
    { id: '360', label: '360 days', days: 360, fits: ['datacenter', 'ipv6', 'mobile'] },
  ];
  it('offers an item only the periods its type fits (unknown type: only the common ones)', () => {
    expect(periodsFor(periods, 'isp').map((p) => p.id)).toEqual(['30', '60']);
    expect(periodsFor(periods, 'datacenter').map((p) => p.id)).toEqual(['30', '60', '360']);
    expect(periodsFor(periods, null).map((p) => p.id)).toEqual(['30']);
  });
  it('splits a mixed selection by what each type allows; same-period types stay together', () => {
    const parts = splitByPeriods(
      [target('dc1'), target('isp1'), target('dc2'), target('mob')],
      ['datacenter', 'isp', 'datacenter', 'mobile'],
      periods,
    );
    expect(parts.map((p) => [p.targets.map((t) => t.id), p.periods.map((x) => x.id)])).toEqual([
      [
        ['dc1', 'dc2'],
        ['30', '60', '360'],
      ],
      [['isp1'], ['30', '60']],
      [['mob'], ['30', '360']],
    ]);
    expect(splitByPeriods([target('a'), target('b')], ['isp', 'isp'], periods)).toHaveLength(1);
  });
});

describe('point 3: balance, cost, left, and what the balance covers', () => {
  const usd = (minor: number) => ({ minor, currency: 'USD' });
  const part = (
    accountId: string,
    balance: number | null,
    items: { id: string; exp: string; price: number | null }[],
    total: number,
    periodId = '30',
  ): AccountQuoteView => ({
    accountId,
    accountLabel: accountId,
    vendor: accountId === 'bp' ? 'bestproxy' : 'youproxy',
    request: { targets: items.map((i) => target(i.id, i.exp)), periodId },
    quote: {
      items: items.map((i) => ({
        target: target(i.id, i.exp),
        price: i.price === null ? null : usd(i.price),
        newExpiresAt: null,
      })),
      total: usd(total),
      vendorQuoted: true,
      balance: balance === null ? null : usd(balance),
      warnings: [],
    },
    balance: balance === null ? null : usd(balance),
    blocked: [],
  });
  const quoteOf = (accounts: AccountQuoteView[]): RenewalQuoteView => ({
    quoteId: 'q',
    createdAt: '',
    expiresAt: '',
    accounts,
    totals: [],
    blocked: [],
  });

  it('shows balance, cost and what is left per account; no balance = nothing to compare', () => {
    const funds = fundsOf([
      part('yp', 500, [{ id: 'a', exp: '2027-01-01', price: 300 }], 300),
      part('yp', 500, [{ id: 'b', exp: '2027-01-02', price: 300 }], 300, '60'),
      part('bp', null, [{ id: 'c', exp: '2027-01-01', price: 200 }], 200),
    ]);
    expect(funds).toEqual([
      expect.objectContaining({ accountId: 'yp', balance: usd(500), cost: [usd(600)], left: usd(-100), short: true }),
      expect.objectContaining({ accountId: 'bp', balance: null, cost: [usd(200)], left: null, short: false }),
    ]);
  });

  it('covers the soonest expiries first within the balance; a request priced as a whole counts in equal shares', () => {
    const q = quoteOf([
      part(
        'yp',
        400,
        [
          { id: 'late', exp: '2027-03-01', price: null },
          { id: 'soon', exp: '2027-01-01', price: null },
          { id: 'mid', exp: '2027-02-01', price: null },
        ],
        525,
      ),
      part('bp', null, [{ id: 'c', exp: '2027-01-01', price: 200 }], 200),
    ]);
    const { selections, count } = coveredSelections(q);
    expect(count).toBe(3);
    expect(selections.map((s) => [s.accountId, s.periodId, s.targets.map((t) => t.id)])).toEqual([
      ['yp', '30', ['soon', 'mid']],
      ['bp', '30', ['c']],
    ]);
  });

  it('skips an item that does not fit and takes a later cheaper one; nothing covered = no selection', () => {
    const q = quoteOf([
      part(
        'yp',
        250,
        [
          { id: 'soon-dear', exp: '2027-01-01', price: 300 },
          { id: 'later-cheap', exp: '2027-02-01', price: 200 },
        ],
        500,
      ),
    ]);
    expect(coveredSelections(q).selections[0]?.targets.map((t) => t.id)).toEqual(['later-cheap']);
    const none = quoteOf([part('yp', 10, [{ id: 'x', exp: '2027-01-01', price: 300 }], 300)]);
    expect(coveredSelections(none)).toEqual({ selections: [], count: 0 });
  });
});
