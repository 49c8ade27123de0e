import { describe, expect, it } from 'vitest';
import {
  BadField,
  decimalToMinor,
  expiry,
  list,
  moneyFromCents,
  optBool,
  optDate,
  reqId,
  toBytes,
} from '../../main/vendors/parse';

describe('vendor value readers', () => {
  it.each([
    [7.18, 718],
    ['7.18', 718],
    [0.65, 65],
    ['0.1', 10],
    [0.1 + 0.2, 30],
    ['1,234.50', 123450],
    [12, 1200],
    ['-3.5', -350],
    [2.675, 268],
    ['0.005', 1],
  ])('decimal %s → %s cents', (v, minor) => expect(decimalToMinor(v, 'x')).toBe(minor));

  it('refuses unreadable money loudly', () => {
    for (const v of ['abc', '', null, {}, Number.NaN, '1.2.3'])
      expect(() => decimalToMinor(v, 'price')).toThrow(BadField);
    expect(() => moneyFromCents(12.5, 'usd', 'p')).toThrow(BadField);
    expect(moneyFromCents('1250', 'usd', 'p')).toEqual({ minor: 1250, currency: 'USD' });
  });

  it('reads the vendors’ date shapes as UTC ISO', () => {
    expect(optDate('2026-11-30')).toBe('2026-11-30T00:00:00.000Z');
    expect(optDate('2026-11-30 13:45:10')).toBe('2026-11-30T13:45:10.000Z');
    expect(optDate('2023-10-26T10:49:49.220+02:00')).toBe('2023-10-26T08:49:49.220Z');
    expect(optDate(1764460800)).toBe('2025-11-30T00:00:00.000Z');
    expect(optDate('1764460800000')).toBe('2025-11-30T00:00:00.000Z');
    expect(optDate('0000-00-00 00:00:00')).toBeNull();
    expect(optDate(null)).toBeNull();
    expect(() => expiry('next tuesday', 'expires')).toThrow(BadField);
    expect(expiry('', 'expires')).toBeNull();
  });

  it('keeps ids as strings and refuses ids that lost precision', () => {
    expect(reqId(42, 'id')).toBe('42');
    expect(reqId('1111111111111111111', 'id')).toBe('1111111111111111111');
    expect(() => reqId(2 ** 60, 'id')).toThrow(BadField);
    expect(() => reqId('', 'id')).toThrow(BadField);
  });

  it('converts traffic units to bytes and reads loose booleans', () => {
    expect(toBytes(1, 'GB')).toBe(1073741824);
    expect(toBytes('512', 'KB')).toBe(524288);
    expect(toBytes('n/a', 'MB')).toBeNull();
    expect([optBool('1'), optBool(0), optBool('true'), optBool('maybe')]).toEqual([true, false, true, null]);
  });
});

describe('strict reads: timestamps', () => {
  const instant = '2026-11-23T04:05:06.789Z';
  it.each([
    ['ISO with Z and milliseconds', '2026-11-23T04:05:06.789Z', 'UTC'],
    ['ISO with an offset', '2026-11-23T07:05:06.789+03:00', 'UTC'],
    ['ISO with a compact offset', '2026-11-23T12:05:06.789+0800', 'UTC'],
    ['naive ISO with fractions, vendor zone UTC', '2026-11-23T04:05:06.789', 'UTC'],
    ['naive ISO with six fraction digits', '2026-11-23T04:05:06.789000', 'UTC'],
    ['naive "Y-m-d H:i:s.u" in a +08:00 vendor zone', '2026-11-23 12:05:06.789', '+08:00'],
    ['naive in an IANA vendor zone', '2026-11-23 12:05:06.789', 'Asia/Shanghai'],
    ['naive with slashes', '2026/11/23 04:05:06.789', 'UTC'],
  ])('%s → the same instant', (_name, text, zone) => {
    expect(optDate(text, zone)).toBe(instant);
  });

  it('a naive timestamp is never read in the machine zone', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(optDate('2026-11-23T04:05:06.5')).toBe('2026-11-23T04:05:06.500Z');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('IANA zones follow daylight saving time', () => {
    expect(optDate('2026-07-01 12:00:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00.000Z');
    expect(optDate('2026-12-01 12:00:00', 'Europe/Berlin')).toBe('2026-12-01T11:00:00.000Z');
  });

  it.each(['2026-13-01', '2026-02-30 10:00:00', '2026-11-23 99:00:00', '2026-11-23 10:61', '2025-02-29', 'soon'])(
    'impossible or unreadable date %s is refused',
    (text) => {
      expect(optDate(text)).toBeNull();
      expect(() => expiry(text, 'expires_at')).toThrow(BadField);
    },
  );

  it('unix seconds and milliseconds, leap day', () => {
    expect(optDate(1_795_000_000)).toBe(new Date(1_795_000_000_000).toISOString());
    expect(optDate('1795000000000')).toBe(new Date(1_795_000_000_000).toISOString());
    expect(optDate('2028-02-29')).toBe('2028-02-29T00:00:00.000Z');
  });
});

describe('strict reads: lists and cents', () => {
  it('a list of the wrong shape is a BadField, absent is empty', () => {
    expect(list([1], 'rows')).toEqual([1]);
    expect(list(undefined, 'rows')).toEqual([]);
    expect(list(null, 'rows')).toEqual([]);
    expect(() => list({ 0: 'a' }, 'rows')).toThrow(BadField);
    expect(() => list('[]', 'rows')).toThrow(BadField);
  });

  it('integer cents: a decimal string is refused, not read as cents', () => {
    expect(moneyFromCents(1250, 'usd', 'price')).toEqual({ minor: 1250, currency: 'USD' });
    expect(moneyFromCents('1250', 'usd', 'price')).toEqual({ minor: 1250, currency: 'USD' });
    expect(() => moneyFromCents('12.50', 'usd', 'price')).toThrow(BadField);
    expect(() => moneyFromCents('1250.00', 'usd', 'price')).toThrow(BadField);
    expect(() => moneyFromCents(12.5, 'usd', 'price')).toThrow(BadField);
  });
});
