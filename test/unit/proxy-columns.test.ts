/**
 * The IPs as columns (issue 12): what 'snapshots:get' sends and v3 files hold
 * (preload/contract/proxy-columns.ts), and the window's table over them (renderer/stores/proxy-table.ts).
 * Every field of every row round-trips, nothing lost, nothing doubled; rows read by index.
 */
import { describe, expect, it } from 'vitest';
import type { ProxyEndpoint } from '../../preload/contract/model';
import { decodeProxies, encodeProxies, intsOf, type ProxyColumns, pack } from '../../preload/contract/proxy-columns';
import { ProxyIpRow } from '../../renderer/lib/ip-rows';
import { ProxyTable } from '../../renderer/stores/proxy-table';

/** Rows that exercise every field's odd values: nulls, absent optionals, unicode, long runs, many distinct values. */
function rows(n: number): ProxyEndpoint[] {
  return Array.from({ length: n }, (_, i) => {
    const p: ProxyEndpoint = {
      id: i % 7 === 0 ? `${i}` : `1${i}`, // ids that are prefixes / suffixes of others
      ip: i % 13 === 0 ? `2001:db8::${i.toString(16)}` : `10.${(i >> 8) & 255}.${i & 255}.${i % 3}`,
      host: i % 5 === 0 ? `gw${i % 4}.example.net` : null,
      httpPort: i % 6 === 0 ? null : 8000 + (i % 700),
      socksPort: i % 2 ? 1080 : null,
      protocol: i % 9 === 0 ? 'socks5' : 'http+socks5',
      username: i % 4 === 0 ? null : `user-${i}${i % 11 === 0 ? 'ü' : ''}`,
      password: i % 3 === 0 ? null : `pw:${i}:"\\\n`,
      country: i % 10 === 0 ? null : (['US', 'DE', 'ÇA'] as const)[i % 3]!,
      kind: i % 8 === 0 ? 'datacenter' : 'isp',
      expiresAt: i % 12 === 0 ? null : `2027-0${1 + (i % 9)}-01T00:00:00.000Z`,
      orderId: i % 14 === 0 ? null : String(i % 37),
      status: (['active', 'expired', 'pending', 'disabled', 'unknown'] as const)[i % 5]!,
      autoRenew: i % 3 === 0 ? null : i % 3 === 1,
    };
    if (i % 4 === 1) p.passwordWithheld = true;
    if (i % 4 === 2) p.passwordWithheld = false;
    return p;
  });
}

const wire = (c: ProxyColumns): ProxyColumns => JSON.parse(JSON.stringify(c)) as ProxyColumns;

describe('proxy columns', () => {
  it('round-trip every field of every row, through JSON, in order (absent stays absent)', () => {
    for (const n of [0, 1, 2, 5_000]) {
      const input = rows(n);
      const out = decodeProxies(wire(encodeProxies(input)));
      expect(out).toEqual(input);
      expect(out.map((p) => 'passwordWithheld' in p)).toEqual(input.map((p) => 'passwordWithheld' in p));
    }
  });

  it('are several times smaller than the objects', () => {
    const input = rows(20_000);
    expect(JSON.stringify(encodeProxies(input)).length * 2.5).toBeLessThan(JSON.stringify(input).length);
  });

  it('pack small integers one character each, and refuse what does not fit', () => {
    const values = [0, 1, 47, 48, 92, 34, 1000, 0xd7ff - 48];
    const packed = pack(values, 0)!;
    expect(packed).toHaveLength(values.length);
    expect(Array.from(intsOf(JSON.parse(JSON.stringify(packed)), 0, values.length))).toEqual(values);
    expect(Array.from(intsOf(pack([-1, 0, 5], 1)!, 1, 3))).toEqual([-1, 0, 5]);
    expect(pack([0xd7ff], 0)).toBeNull();
    expect(pack([-1], 0)).toBeNull();
    expect(() => intsOf('ab', 0, 3)).toThrow(RangeError);
  });

  it('many distinct values (codes that cannot be packed) still round-trip', () => {
    const input = rows(60_000).map((p, i) => ({
      ...p,
      expiresAt: new Date(Date.UTC(2027, 0, 1) + i * 1000).toISOString(),
    }));
    const c = encodeProxies(input);
    expect(typeof c.dict.expiresAt.codes).not.toBe('string');
    expect(decodeProxies(wire(c))).toEqual(input);
  });
});

describe('the window’s proxy table', () => {
  const input = rows(3_000);
  const table = ProxyTable.fromColumns(wire(encodeProxies(input)));

  it('reads every field of every row by index, the same as the objects', () => {
    expect(table.length).toBe(input.length);
    expect(table.rows()).toEqual(input);
    input.forEach((p, i) => {
      expect([
        table.id(i),
        table.ip(i),
        table.username(i),
        table.password(i),
        table.host(i),
        table.httpPort(i),
        table.socksPort(i),
        table.country(i),
        table.kind(i),
        table.expiresAt(i),
        table.orderId(i),
        table.status(i),
        table.autoRenew(i),
        table.protocol(i),
        table.passwordWithheld(i),
      ]).toEqual([
        p.id,
        p.ip,
        p.username,
        p.password,
        p.host,
        p.httpPort,
        p.socksPort,
        p.country,
        p.kind,
        p.expiresAt,
        p.orderId,
        p.status,
        p.autoRenew,
        p.protocol,
        p.passwordWithheld === true,
      ]);
    });
  });

  it('finds each id exactly (the first row with it; never a row whose id only contains it), and -1 for none', () => {
    for (const p of input) expect(table.indexOfId(p.id)).toBe(input.findIndex((q) => q.id === p.id));
    expect(table.indexOfId('nope')).toBe(-1);
    expect(table.indexOfId('')).toBe(-1);
  });

  it('counts and order ids as the objects give them', () => {
    expect(table.countStatus('active')).toBe(input.filter((p) => p.status === 'active').length);
    expect(table.countStatus('disabled')).toBe(input.filter((p) => p.status === 'disabled').length);
    expect([...table.orderIds()].sort()).toEqual([...new Set(input.map((p) => p.orderId).filter(Boolean))].sort());
    const ms = table.expiresMsOf();
    for (const [i, p] of input.entries()) expect(ms(i)).toEqual(p.expiresAt ? Date.parse(p.expiresAt) : Number.NaN);
  });

  it('search texts from the columns equal each row’s own (lower-cased), ASCII or not', () => {
    for (const label of ['Big reseller', 'Ünïcödé ΣΑΣ']) {
      const ref = { accountId: 'a', accountLabel: label, vendor: 'youproxy' as const, vendorName: 'YouProxy' };
      const seg = { ref, table };
      const text = table.searcher(label, 'YouProxy');
      for (let i = 0; i < input.length; i++) expect(text(i)).toBe(new ProxyIpRow(seg, i).searchText().toLowerCase());
    }
    const ascii = ProxyTable.fromColumns(encodeProxies(rows(200).filter((p) => !/[^ -~]/.test(JSON.stringify(p)))));
    const text = ascii.searcher('Shop', 'ProxyShard');
    const seg = {
      ref: { accountId: 'b', accountLabel: 'Shop', vendor: 'proxyshard' as const, vendorName: 'ProxyShard' },
      table: ascii,
    };
    for (let i = 0; i < ascii.length; i++) expect(text(i)).toBe(new ProxyIpRow(seg, i).searchText().toLowerCase());
  });

  it('refuses columns that do not fit together (a bug, said plainly)', () => {
    const good = encodeProxies(rows(10));
    const short = { ...good, text: { ...good.text, ip: { ...good.text.ip, text: good.text.ip.text.slice(1) } } };
    expect(() => ProxyTable.fromColumns(short)).toThrow(/not readable \(ip\)/);
    const badCode = { ...good, dict: { ...good.dict, status: { values: ['active'], codes: new Array(10).fill(3) } } };
    expect(() => ProxyTable.fromColumns(badCode)).toThrow(/status/);
    expect(ProxyTable.empty.length).toBe(0);
  });
});
