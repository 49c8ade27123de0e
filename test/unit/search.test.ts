/**
 * The one search (issue 15 §1): every kind is found across accounts and grouped, matching is
 * case-insensitive and works with Chinese, each group is capped and counts the rest, Enter's target is
 * the find's view narrowed to it, passwords are never matched, and the IP index is built once per table
 * and gives exactly what a row-by-row search gives (also at 100,000 IPs).
 */
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../preload/contract/business';
import type { AccountSummary, VendorSummary } from '../../preload/contract/channels';
import type { AccountSnapshot, Order, ProxyEndpoint } from '../../preload/contract/model';
import { encodeSnapshot } from '../../preload/contract/proxy-columns';
import { searchEn } from '../../renderer/i18n/search.en';
import { searchZhCN } from '../../renderer/i18n/search.zh-CN';
import { hasTableIndex, scanIndex, tableIndex } from '../../renderer/lib/search/ips';
import { searchAll, searchSources, warmUp } from '../../renderer/lib/search/search';
import { normalizeQuery, SEARCH_KINDS } from '../../renderer/lib/search/types';
import { holdSnapshot } from '../../renderer/stores/snapshots';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const AT = '2026-01-01T00:00:00.000Z';

const proxy = (id: string, ip: string, port: number, user: string | null, over: Partial<ProxyEndpoint> = {}) =>
  ({
    id,
    ip,
    host: null,
    httpPort: port,
    socksPort: null,
    protocol: 'http',
    username: user,
    password: `secret-${id}`,
    country: 'US',
    kind: 'datacenter',
    expiresAt: '2026-03-01T00:00:00.000Z',
    orderId: null,
    status: 'active',
    autoRenew: false,
    ...over,
  }) satisfies ProxyEndpoint;

const order = (id: string, product: string, tag: string | null = null): Order => ({
  id,
  kind: 'datacenter',
  product,
  status: 'active',
  vendorStatus: null,
  createdAt: AT,
  expiresAt: null,
  autoRenew: false,
  quantity: 1,
  price: null,
  tag,
  country: null,
  details: {},
});

const snap = (accountId: string, over: Partial<AccountSnapshot>): AccountSnapshot => ({
  accountId,
  fetchedAt: AT,
  balance: null,
  orders: [],
  proxies: [],
  whitelist: [],
  subUsers: [],
  servers: [],
  traffic: [],
  errors: {},
  ...over,
});

const account = (id: string, vendor: AccountSummary['vendor'], label: string): AccountSummary => ({
  id,
  vendor,
  label,
  createdAt: AT,
  lastRefreshAt: null,
  demo: false,
  credentialHint: null,
  lastError: null,
});
const vendors = [
  { id: 'thordata', name: 'Thordata', capabilities: [] },
  { id: 'proxyshard', name: 'ProxyShard', capabilities: [] },
] as unknown as VendorSummary[];
const customer = (id: string, name: string, contact = ''): Customer => ({
  id,
  name,
  contact,
  notes: '',
  exportTemplate: null,
  defaultPrice: null,
  createdAt: AT,
  updatedAt: AT,
});

const snaps = {
  [A]: holdSnapshot(
    encodeSnapshot(
      snap(A, {
        proxies: [
          proxy('p1', '203.0.113.7', 8000, 'alice'),
          proxy('p2', '203.0.113.8', 8001, 'Bob-Main'),
          proxy('p3', '198.51.100.9', 9000, null, { host: 'gw.example.net' }),
        ],
        orders: [order('ORD-7781', 'Static ISP US'), order('ORD-9000', 'Datacenter pack', '李雷的订单')],
        subUsers: [
          {
            id: 's1',
            username: 'reseller_zhang',
            limitBytes: null,
            limitUnlimited: true,
            usedBytes: null,
            status: 'active',
            note: '张三的店',
            createdAt: AT,
          },
        ],
        whitelist: [{ ip: '192.0.2.44', id: 'w1', note: 'office', createdAt: AT }],
        servers: [
          {
            id: 'srv-1',
            ip: '100.64.0.5',
            status: 'active',
            expiresAt: null,
            bandwidth: '100 Mbps',
            spec: '4C8G',
            autoRenew: null,
            details: {},
          },
        ],
      }),
    ),
  ),
  [B]: holdSnapshot(
    encodeSnapshot(
      snap(B, {
        proxies: [proxy('q1', '203.0.113.70', 8000, 'carol')],
        orders: [order('77810', 'Static ISP US')],
      }),
    ),
  ),
};
const src = searchSources({
  accounts: [account(A, 'thordata', 'Main shop'), account(B, 'proxyshard', 'Backup')],
  vendors,
  snaps,
  customers: [customer('c1', '王小明', 'wechat: xiaoming'), customer('c2', 'Acme GmbH', 'ops@acme.test')],
});
const kinds = (q: string) => searchAll(src, q).groups.map((g) => g.kind);
const titles = (q: string, kind: string) =>
  searchAll(src, q)
    .groups.find((g) => g.kind === kind)
    ?.hits.map((h) => h.title) ?? [];

describe('one search: what it finds', () => {
  it('finds an IP fragment in every account, with its port and account, and opens the IPs view narrowed to it', () => {
    const g = searchAll(src, '203.0.113.7').groups;
    expect(g.map((x) => x.kind)).toEqual(['ip']);
    const ips = g[0];
    expect(ips?.total).toBe(2);
    expect(ips?.hits.map((h) => [h.title, h.detail, h.where])).toEqual([
      ['203.0.113.7:8000', 'alice', 'Main shop · Thordata'],
      ['203.0.113.70:8000', 'carol', 'Backup · ProxyShard'],
    ]);
    expect(ips?.hits[1]?.open).toEqual({ view: 'ips', accountId: B, itemIds: ['q1'], text: '' });
  });

  it('finds ports (ip:port and :port), user names case-insensitively and hosts', () => {
    expect(titles(':8001', 'ip')).toEqual(['203.0.113.8:8001']);
    expect(titles('203.0.113.8:80', 'ip')).toEqual(['203.0.113.8:8001']);
    expect(titles('BOB-main', 'ip')).toEqual(['203.0.113.8:8001']);
    expect(titles('gw.EXAMPLE', 'ip')).toEqual(['198.51.100.9:9000']);
  });

  it('never matches a password', () => {
    expect(searchAll(src, 'secret-p1').groups).toEqual([]);
  });

  it('finds orders by id and products by name (once per name across accounts)', () => {
    expect(titles('ord-778', 'order')).toEqual(['ORD-7781']);
    expect(
      searchAll(src, '7781')
        .groups.find((g) => g.kind === 'order')
        ?.hits.map((h) => h.open),
    ).toEqual([
      { view: 'orders', text: 'ORD-7781' },
      { view: 'orders', text: '77810' },
    ]);
    const products = searchAll(src, 'static isp').groups.find((g) => g.kind === 'product');
    expect(products?.hits).toHaveLength(1);
    expect(products?.hits[0]).toMatchObject({
      title: 'Static ISP US',
      detail: '2',
      where: 'Thordata, ProxyShard',
      open: { view: 'orders', text: 'Static ISP US' },
    });
  });

  it('finds sub-users, whitelist entries and servers, each opened in its view for its account', () => {
    const sub = searchAll(src, 'ZHANG').groups.find((g) => g.kind === 'subUser')?.hits[0];
    expect(sub?.open).toEqual({ view: 'subUsers', accountId: A, text: 'reseller_zhang' });
    const wl = searchAll(src, '192.0.2.4').groups.find((g) => g.kind === 'whitelist')?.hits[0];
    expect(wl).toMatchObject({ title: '192.0.2.44', detail: 'office', open: { view: 'whitelists', accountId: A } });
    const srv = searchAll(src, '4c8g').groups.find((g) => g.kind === 'server')?.hits[0];
    expect(srv).toMatchObject({
      title: '100.64.0.5',
      open: { view: 'ips', accountId: A, itemIds: ['srv-1'], text: '' },
    });
  });

  it('finds accounts by name or vendor, and customers by name or contact', () => {
    expect(titles('backup', 'account')).toEqual(['Backup']);
    expect(titles('thordata', 'account')).toEqual(['Main shop']);
    expect(titles('ACME', 'customer')).toEqual(['Acme GmbH']);
    expect(searchAll(src, 'acme').groups.find((g) => g.kind === 'customer')?.hits[0]?.open).toEqual({
      view: 'customers',
      text: 'Acme GmbH',
    });
  });

  it('matches Chinese text: customer names, sub-user notes, order tags', () => {
    expect(titles('小明', 'customer')).toEqual(['王小明']);
    expect(titles('张三', 'subUser')).toEqual(['reseller_zhang']);
    expect(titles('李雷', 'order')).toEqual(['ORD-9000']);
  });

  it('groups in one fixed order, and an empty or blank query finds nothing', () => {
    expect(kinds('a')).toEqual(SEARCH_KINDS.filter((k) => kinds('a').includes(k)));
    expect(kinds('a').length).toBeGreaterThan(3);
    expect(searchAll(src, '   ').groups).toEqual([]);
    expect(normalizeQuery('  AbC\u0000 ')).toBe('abc');
  });
});

describe('one search: at scale', () => {
  const many = Array.from({ length: 100_000 }, (_, i) =>
    proxy(`id${i}`, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 10_000 + (i % 500), `user${i}`),
  );
  const big = holdSnapshot(encodeSnapshot(snap(A, { proxies: many })));
  const bigSrc = searchSources({
    accounts: [account(A, 'thordata', 'Big')],
    vendors,
    snaps: { [A]: big },
    customers: [],
  });

  it('gives exactly what a row-by-row search gives, building the index once per table', () => {
    expect(hasTableIndex(big.proxies)).toBe(false);
    warmUp(bigSrc);
    expect(hasTableIndex(big.proxies)).toBe(true);
    const index = tableIndex(big.proxies);
    expect(tableIndex(big.proxies)).toBe(index);
    for (const q of ['10.1.2.', ':10499', 'user99999', '.255 ', 'nothing']) {
      const rows: number[] = [];
      const total = scanIndex(index, q, Number.POSITIVE_INFINITY, (i) => rows.push(i));
      const expected = many
        .map((p, i) => ({ i, text: `${p.ip}:${p.httpPort} ${p.username}`.toLowerCase() }))
        .filter((r) => r.text.includes(q))
        .map((r) => r.i);
      expect(rows).toEqual(expected);
      expect(total).toBe(expected.length);
    }
  });

  it('caps each group, counts every match, and says where to see them all', () => {
    const ips = searchAll(bigSrc, 'user1', 5).groups.find((g) => g.kind === 'ip');
    const naive = many.filter((p) => `user${p.id.slice(2)}`.includes('user1')).length;
    expect(ips?.hits).toHaveLength(5);
    expect(ips?.total).toBe(naive);
    expect(ips?.more).toEqual({ view: 'ips', text: 'user1' });
  });
});

describe('one search: words', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
  const values = (o: object): unknown[] => Object.values(o).flatMap((v) => (typeof v === 'object' ? values(v) : [v]));
  it('has the same keys in en and zh-CN, none empty, and a group name for every kind', () => {
    expect(keys(searchZhCN).sort()).toEqual(keys(searchEn).sort());
    for (const words of [searchEn, searchZhCN]) {
      for (const v of values(words)) expect(v).not.toBe('');
      for (const kind of SEARCH_KINDS) expect(words.search.kind[kind]).toBeTruthy();
    }
  });
});
