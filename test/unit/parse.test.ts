import { describe, expect, it } from 'vitest';
import {
  BadField,
  decimalToMinor,
  expiry,
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
