import { describe, expect, it } from 'vitest';
import type { AccountSummary, VendorSummary } from '../../preload/contract/channels';
import type { AccountSnapshot, ProxyEndpoint, UnlimitedServer } from '../../preload/contract/model';
import { buildIndex, matchRows } from '../../renderer/lib/filter-index';
import {
  accountRef,
  DAY_MS,
  EMPTY_IP_FILTER,
  filterIps,
  type IpFilter,
  type IpRow,
  ipIndex,
  ipRows,
  orderIndex,
  orderRows,
  rowSearchText,
} from '../../renderer/lib/inventory';
import { heldAll } from '../helpers/held';

/*
 * The IPs and Orders filters answer from one prebuilt index (renderer/lib/filter-index.ts) and rows
 * that keep no text of their own. These tests hold them to the filter they replace: the same rows, in
 * the same order, for many queries. `oldIps` / `oldOrders` are the previous implementation, verbatim.
 */

const NOW = Date.parse('2026-06-01T00:00:00.000Z');
const vendors = [
  { id: 'youproxy', name: 'YouProxy' },
  { id: 'bestproxy', name: 'BestProxy' },
] as unknown as VendorSummary[];
const accounts = [
  { id: 'a1', label: 'Big Reseller', vendor: 'youproxy' },
  { id: 'a2', label: 'Ünïcödé ΣΑΣ İstanbul', vendor: 'bestproxy' },
  { id: 'a3', label: 'No snapshot', vendor: 'youproxy' },
] as unknown as AccountSummary[];

// Awkward text on purpose: upper case, final sigma, dotted İ (lower-cases to two characters), the
// Kelvin sign (lower-cases to "k"), a NUL, empty and missing fields.
const WORDS = ['Alpha', 'ΣΟΦΟΣ', 'İzmir', 'K-line', 'tab\tsep', 'nul\u0000in', '', 'DE', 'us', 'ß'];
const word = (i: number) => WORDS[i % WORDS.length] as string;

function proxy(i: number): ProxyEndpoint {
  return {
    id: String(1_000_000_000_000_000_000n + BigInt(i)),
    ip: `10.${(i >> 8) & 255}.${i & 255}.${i % 7}`,
    host: i % 5 === 0 ? `gw${i}.Example.NET` : null,
    httpPort: i % 4 === 0 ? null : 8000 + (i % 100),
    socksPort: i % 3 === 0 ? 1080 : null,
    protocol: 'http',
    username: i % 6 === 0 ? null : `User${i}${word(i)}`,
    password: `secret${i}`,
    country: i % 9 === 0 ? null : (['US', 'DE', 'GB', word(i)][i % 4] as string),
    kind: 'isp',
    expiresAt:
      i % 8 === 0 ? null : i % 11 === 0 ? 'not a date' : new Date(NOW + (i % 40) * DAY_MS - 5 * DAY_MS).toISOString(),
    orderId: i % 10 === 0 ? null : `ord-${i % 13}`,
    status: (['active', 'expired', 'pending', 'disabled'] as const)[i % 4] as ProxyEndpoint['status'],
    autoRenew: false,
  };
}

function server(i: number): UnlimitedServer {
  return {
    id: `srv-${i}`,
    ip: `172.16.${i % 256}.1`,
    status: i % 2 ? 'active' : 'expired',
    expiresAt: new Date(NOW + i * DAY_MS).toISOString(),
    bandwidth: i % 3 ? `${i}Gbps` : null,
    spec: i % 2 ? `Xeon ${word(i)}` : null,
    autoRenew: null,
    details: i % 2 ? { country: 'NL' } : { region: 'EU-West' },
  };
}

const empty = { balance: null, whitelist: [], subUsers: [], traffic: [], errors: {} };
const snaps = {
  a1: {
    ...empty,
    accountId: 'a1',
    fetchedAt: '',
    proxies: Array.from({ length: 1500 }, (_, i) => proxy(i)),
    servers: Array.from({ length: 30 }, (_, i) => server(i)),
    orders: Array.from({ length: 400 }, (_, i) => ({
      id: `${90000 + i}`,
      kind: 'isp',
      product: `Static ${word(i)} pack`,
      status: i % 3 ? 'active' : 'cancelled',
      vendorStatus: i % 5 ? null : `Refunded ${word(i)}`,
      createdAt: null,
      expiresAt: null,
      autoRenew: null,
      quantity: null,
      price: null,
      tag: i % 2 ? `tag${i}` : null,
      country: i % 4 ? 'US' : null,
      details: {},
    })),
  },
  a2: {
    ...empty,
    accountId: 'a2',
    fetchedAt: '',
    proxies: Array.from({ length: 700 }, (_, i) => proxy(5000 + i)),
    servers: [server(99)],
    orders: [],
  },
} as unknown as Record<string, AccountSnapshot>;

/** The IP rows and filter as they were, each row carrying its own lower-case haystack. */
function oldIpRows() {
  const rows: Array<{ key: string; haystack: string; r: Record<string, unknown> }> = [];
  for (const a of accounts) {
    const snap = snaps[a.id];
    if (!snap) continue;
    const ref = accountRef(a, vendors);
    for (const p of snap.proxies)
      rows.push({
        key: `${a.id}|p|${p.id}`,
        r: { ...ref, country: p.country, status: p.status, expiresMs: ms(p.expiresAt) },
        haystack:
          `${p.ip} ${p.host ?? ''} ${p.username ?? ''} ${p.country ?? ''} ${ref.accountLabel} ${ref.vendorName} ${p.orderId ?? ''}`.toLowerCase(),
      });
    for (const s of snap.servers)
      rows.push({
        key: `${a.id}|s|${s.id}`,
        r: {
          ...ref,
          country: s.details.country ?? s.details.region ?? null,
          status: s.status,
          expiresMs: ms(s.expiresAt),
        },
        haystack: `${s.ip} ${s.spec ?? ''} ${s.bandwidth ?? ''} ${ref.accountLabel} ${ref.vendorName}`.toLowerCase(),
      });
  }
  return rows;
}
const OLD_ROWS = oldIpRows();

function oldIps(f: IpFilter, now: number) {
  const text = f.text.trim().toLowerCase();
  const until = f.expiresWithinDays == null ? null : now + f.expiresWithinDays * DAY_MS;
  return OLD_ROWS.filter(
    ({ r, haystack }) =>
      (f.vendor === 'all' || r.vendor === f.vendor) &&
      (f.accountId === 'all' || r.accountId === f.accountId) &&
      (f.country === 'all' || r.country === f.country) &&
      (f.status === 'all' || r.status === f.status) &&
      (until == null || (r.expiresMs != null && (r.expiresMs as number) <= until)) &&
      (text === '' || haystack.includes(text)),
  ).map((x) => x.key);
}

function ms(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** Every substring of some rows' text (upper-cased too), plus misses and odd queries. */
function queries(): string[] {
  const qs = new Set<string>(['', ' ', 'zzz-none', '\u0000', 'n\u0000i', ' \u0000', 'K', 'k', 'İ', 'i̇', 'σ', 'ς', 'Σ']);
  const all = ipRows(accounts, vendors, heldAll(snaps));
  for (let i = 0; i < all.length; i += 97) {
    const text = rowSearchText(all[i] as IpRow);
    for (let len = 1; len <= 9; len += 4) {
      const from = (i * 31) % Math.max(1, text.length - len);
      const q = text.slice(from, from + len);
      qs.add(q);
      qs.add(q.toUpperCase());
      qs.add(`  ${q} `);
    }
  }
  for (const w of WORDS) qs.add(w);
  for (const q of ['10.', '.1', 'user1', 'example', 'YOUPROXY', 'big reseller', 'ünïcödé σας', 'ord-1', 'gbps', 'xeon'])
    qs.add(q);
  return [...qs];
}

describe('IPs filter from one prebuilt index', () => {
  const all = ipRows(accounts, vendors, heldAll(snaps));
  const index = ipIndex(all);
  const filters: IpFilter[] = [
    EMPTY_IP_FILTER,
    { ...EMPTY_IP_FILTER, vendor: 'bestproxy' },
    { ...EMPTY_IP_FILTER, accountId: 'a1', status: 'active' },
    { ...EMPTY_IP_FILTER, country: 'DE' },
    { ...EMPTY_IP_FILTER, expiresWithinDays: 3 },
    { ...EMPTY_IP_FILTER, expiresWithinDays: 0, status: 'expired' },
  ];

  it('rows keep no search text of their own', () => {
    expect(all.length).toBe(1500 + 30 + 700 + 1);
    // A proxy row is its account's columns and an index: no own field, no string.
    for (const r of all.slice(0, 50)) expect(Object.keys(r)).toEqual([]);
    expect(Object.keys(all[1500] as IpRow)).toEqual(['accountId', 'accountLabel', 'vendor', 'vendorName']);
  });

  it('keeps the same rows, in the same order, as the filter it replaces (every query × filter)', () => {
    const qs = queries();
    expect(qs.length).toBeGreaterThan(100);
    let compared = 0;
    for (const f of filters)
      for (const text of qs) {
        const want = oldIps({ ...f, text }, NOW);
        const got = filterIps(all, { ...f, text }, NOW, index).map((r) => r.key);
        if (got.join('\n') !== want.join('\n')) expect(got, JSON.stringify({ ...f, text })).toEqual(want);
        // Without the index (rows' text derived one by one) the answer is the same.
        if (compared++ % 7 === 0)
          expect(
            filterIps(all, { ...f, text }, NOW)
              .map((r) => r.key)
              .join('\n'),
          ).toBe(want.join('\n'));
      }
  });

  it('a stale index (built over other rows) is not used', () => {
    const fewer = all.slice(0, 10);
    const got = filterIps(fewer, { ...EMPTY_IP_FILTER, text: 'user' }, NOW, index).map((r) => r.key);
    expect(got).toEqual(fewer.filter((r) => rowSearchText(r).toLowerCase().includes('user')).map((r) => r.key));
  });

  it('narrows to a reminder focus with `keep`', () => {
    const keep = (r: IpRow) => r.accountId === 'a2';
    const got = filterIps(all, { ...EMPTY_IP_FILTER, text: '10.' }, NOW, index, keep);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every(keep)).toBe(true);
    expect(got.map((r) => r.key)).toEqual(oldIps({ ...EMPTY_IP_FILTER, accountId: 'a2', text: '10.' }, NOW));
  });

  it('rows read through to the snapshot (same values as before, nothing copied)', () => {
    const p = snaps.a1?.proxies[3] as ProxyEndpoint;
    const r = all[3] as IpRow;
    const { accountId, accountLabel, vendor, vendorName } = r;
    expect({ accountId, accountLabel, vendor, vendorName }).toEqual({
      accountId: 'a1',
      accountLabel: 'Big Reseller',
      vendor: 'youproxy',
      vendorName: 'YouProxy',
    });
    expect([
      r.key,
      r.source,
      r.ip,
      r.port,
      r.socksPort,
      r.user,
      r.pass,
      r.country,
      r.status,
      r.expiresAt,
      r.orderId,
    ]).toEqual([
      `a1|p|${p.id}`,
      'proxy',
      p.ip,
      p.httpPort ?? p.socksPort,
      p.socksPort,
      p.username,
      p.password,
      p.country,
      p.status,
      p.expiresAt,
      p.orderId,
    ]);
    const s = all[1500] as IpRow;
    expect([s.key, s.source, s.port, s.user, s.pass, s.kind, s.country]).toEqual([
      'a1|s|srv-0',
      'server',
      null,
      null,
      null,
      'unlimited',
      'EU-West',
    ]);
  });
});

describe('Orders filter from one prebuilt index', () => {
  const rows = orderRows(accounts, vendors, heldAll(snaps));
  const index = orderIndex(rows);
  const old = (q: string) => {
    const t = q.trim().toLowerCase();
    return rows
      .filter((r) => {
        const o = r.order;
        const hay =
          `${o.id} ${o.product} ${o.country ?? ''} ${o.tag ?? ''} ${o.vendorStatus ?? ''} ${r.accountLabel} ${r.vendorName}`.toLowerCase();
        return t === '' || hay.includes(t);
      })
      .map((r) => r.key);
  };
  it('keeps the same rows, in the same order, for many queries', () => {
    const qs = [
      '',
      '9000',
      'PACK',
      'refunded',
      'tag1',
      'σ',
      'ΣΟΦΟΣ',
      'i̇',
      'k',
      'nul\u0000in',
      '\u0000',
      'youproxy',
      'none-zz',
      ...WORDS,
    ];
    for (const q of qs)
      expect(
        matchRows(rows, q, () => true, index, rowSearchText).map((r) => r.key),
        q,
      ).toEqual(old(q));
  });
});

describe('buildIndex / matchRows', () => {
  it('never matches across two rows, and finds matches at both ends of a row', () => {
    const rows = ['abc', '', 'def', 'cde', 'x'];
    const ix = buildIndex(rows, (r) => r);
    const m = (q: string) =>
      matchRows(
        rows,
        q,
        () => true,
        ix,
        (r) => r,
      );
    expect(m('cd')).toEqual(['cde']);
    expect(m('a')).toEqual(['abc']);
    expect(m('c')).toEqual(['abc', 'cde']);
    expect(m('x')).toEqual(['x']);
    expect(m('abcdef')).toEqual([]);
    expect(m('e')).toEqual(['def', 'cde']);
  });
  it('applies the other conditions only to rows the text matches, in order', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `row ${i}`);
    const ix = buildIndex(rows, (r) => r);
    expect(
      matchRows(
        rows,
        '99',
        (_, i) => i % 2 === 1,
        ix,
        (r) => r,
      ),
    ).toEqual(rows.filter((r, i) => i % 2 === 1 && r.includes('99')));
  });
});
