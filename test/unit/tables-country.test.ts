import { describe, expect, it } from 'vitest';
import { countryCode } from '../../main/vendors/country';
import { mapIpRecord } from '../../main/vendors/youproxy/mappers';
import { countryName, countryOptions } from '../../renderer/lib/country-name';
import { parseDays, vendorStatusNote, visibleSelection } from '../../renderer/lib/inventory';

describe('one country code (issue 11, point 11)', () => {
  it('normalises alpha-3, lower case, numeric and English names to ISO 3166-1 alpha-2', () => {
    expect(countryCode('DEU')).toBe('DE');
    expect(countryCode('DE')).toBe('DE');
    expect(countryCode(' de ')).toBe('DE');
    expect(countryCode('usa')).toBe('US');
    expect(countryCode('GBR')).toBe('GB');
    expect(countryCode('UK')).toBe('GB');
    expect(countryCode('276')).toBe('DE');
    expect(countryCode('Germany')).toBe('DE');
    expect(countryCode('United States')).toBe('US');
  });
  it('keeps what names no country, and null for nothing', () => {
    expect(countryCode(null)).toBeNull();
    expect(countryCode('')).toBeNull();
    expect(countryCode('  ')).toBeNull();
    expect(countryCode('XYZ')).toBe('XYZ');
    expect(countryCode('Atlantis')).toBe('Atlantis');
  });
  it('a YouProxy "DEU" and a Thordata "DE" are the same country after mapping', () => {
    const ip = mapIpRecord(
      { id: 7, orderId: 1, ip: '203.0.113.7', port: 8000, country: 'DEU', dateEnd: '2027-01-01 00:00:00' },
      { orderId: null, proxyType: 'IPv4' },
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(ip.endpoint.country).toBe('DE');
  });
  it('the window names countries in its language, and sorts them by name', () => {
    expect(countryName('DE', 'en')).toBe('Germany');
    expect(countryName('DE', 'zh-CN')).toBe('德国');
    expect(countryName('XYZ', 'en')).toBe('XYZ');
    expect(countryName(null, 'en')).toBeNull();
    expect(countryOptions(['US', 'DE', null, 'DE', 'GB'], 'en').map((c) => c.code)).toEqual(['DE', 'GB', 'US']);
  });
});

describe('"Expires within (days)" refuses negatives (point 14)', () => {
  it('parses', () => {
    expect(parseDays('')).toEqual({ days: null, invalid: false });
    expect(parseDays('0')).toEqual({ days: 0, invalid: false });
    expect(parseDays('7')).toEqual({ days: 7, invalid: false });
    expect(parseDays('-3')).toEqual({ days: null, invalid: true });
  });
});

describe('selections follow what is shown (point 8)', () => {
  const all = ['a', 'b', 'c', 'd'].map((key) => ({ key }));
  it('acts on visible selected rows only and counts the hidden ones', () => {
    const shown = [all[0]!, all[2]!];
    const { visible, hidden } = visibleSelection(all, shown, new Set(['a', 'b', 'c', 'gone']));
    expect(visible.map((r) => r.key)).toEqual(['a', 'c']);
    expect(hidden).toBe(1); // 'b'; 'gone' (no longer in the data) counts as neither
    expect(visibleSelection(all, shown, new Set())).toEqual({ visible: [], hidden: 0 });
  });
});

describe('Orders detail: "Active", not "Active (active)" (point 14)', () => {
  it('shows the vendor word only when it says more', () => {
    expect(vendorStatusNote('active', 'active')).toBeNull();
    expect(vendorStatusNote('active', 'ACTIVE')).toBeNull();
    expect(vendorStatusNote('on-hold', 'on_hold')).toBeNull();
    expect(vendorStatusNote('cancelled', 'canceled')).toBeNull();
    expect(vendorStatusNote('cancelled', 'refunded')).toBe('refunded');
    expect(vendorStatusNote('pending', 'unpaid')).toBe('unpaid');
    expect(vendorStatusNote('unknown', 'frozen')).toBe('frozen');
    expect(vendorStatusNote('active', null)).toBeNull();
  });
});
