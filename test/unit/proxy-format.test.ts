import { describe, expect, it } from 'vitest';
import { formatBytes, formatMoney } from '../../renderer/lib/format';
import { isLowBalance } from '../../renderer/lib/inventory';
import {
  applyTemplate,
  type CsvRow,
  csvField,
  exportFileName,
  formatProxies,
  formatProxy,
  toCsv,
} from '../../renderer/lib/proxy-format';

const a: CsvRow = {
  ip: '203.0.113.7',
  port: 8080,
  socksPort: 1080,
  user: 'alice',
  pass: 'pw1',
  country: 'US',
  expiresAt: '2026-12-01T00:00:00.000Z',
  vendor: 'Thordata',
  account: 'Main',
  status: 'active',
};
const b: CsvRow = {
  ip: '198.51.100.2',
  port: 3128,
  socksPort: null,
  user: 'bob',
  pass: 'p"w,2',
  country: null,
  expiresAt: null,
  vendor: 'BestProxy',
  account: 'Shop "B"',
  status: 'expired',
};

describe('proxy line formats', () => {
  it('ip:port:user:pass', () => {
    expect(formatProxies([a, b], 'ip:port:user:pass')).toBe('203.0.113.7:8080:alice:pw1\n198.51.100.2:3128:bob:p"w,2');
  });
  it('user:pass@ip:port', () => {
    expect(formatProxy(a, 'user:pass@ip:port')).toBe('alice:pw1@203.0.113.7:8080');
  });
  it('http URL', () => {
    expect(formatProxy(a, 'http')).toBe('http://alice:pw1@203.0.113.7:8080');
  });
  it('socks5 URL uses the socks port when present, else the port', () => {
    expect(formatProxy(a, 'socks5')).toBe('socks5://alice:pw1@203.0.113.7:1080');
    expect(formatProxy(b, 'socks5')).toBe('socks5://bob:p"w,2@198.51.100.2:3128');
  });
  it('leaves out missing credentials and ports instead of printing null', () => {
    const server = {
      ip: '192.0.2.9',
      port: null,
      socksPort: null,
      user: null,
      pass: null,
      country: null,
      expiresAt: null,
    };
    expect(formatProxy(server, 'ip:port:user:pass')).toBe('192.0.2.9');
    expect(formatProxy(server, 'http')).toBe('http://192.0.2.9');
    expect(formatProxy({ ...server, port: 80 }, 'user:pass@ip:port')).toBe('192.0.2.9:80');
  });
  it('brackets IPv6 hosts in URLs', () => {
    expect(formatProxy({ ...a, ip: '2001:db8::1' }, 'http')).toBe('http://alice:pw1@[2001:db8::1]:8080');
  });
});

describe('template', () => {
  it('replaces every token, keeps other text and unknown tokens', () => {
    expect(applyTemplate(a, '{ip}|{port}|{user}|{pass}|{country}|{expires} {foo}')).toBe(
      '203.0.113.7|8080|alice|pw1|US|2026-12-01 {foo}',
    );
  });
  it('missing values become empty', () => {
    expect(applyTemplate(b, '{country}-{expires}-{ip}')).toBe('--198.51.100.2');
  });
  it('repeats tokens', () => {
    expect(formatProxies([a], 'template', '{ip} {ip}')).toBe('203.0.113.7 203.0.113.7');
  });
});

describe('CSV', () => {
  it('quotes every field and doubles inner quotes', () => {
    expect(csvField('p"w,2')).toBe('"p""w,2"');
    expect(csvField(null)).toBe('""');
    expect(csvField(8080)).toBe('"8080"');
  });
  it('has a header row and one quoted row per proxy', () => {
    expect(toCsv([a, b])).toBe(
      '"ip","port","socks_port","username","password","country","expires","provider","account","status"\r\n' +
        '"203.0.113.7","8080","1080","alice","pw1","US","2026-12-01","Thordata","Main","active"\r\n' +
        '"198.51.100.2","3128","","bob","p""w,2","","","BestProxy","Shop ""B""","expired"\r\n',
    );
  });
  it('names the file by format, provider and account (issue 11: see tables-export-names.test.ts)', () => {
    const d = new Date(2026, 10, 23, 10);
    const one = [{ vendor: 'thordata', account: 'Main' }];
    expect(exportFileName('csv', one, d)).toBe('proxydeck-ips-thordata-main-2026-11-23.csv');
    expect(exportFileName('http', one, d)).toBe('proxydeck-ips-thordata-main-2026-11-23.txt');
  });
});

describe('format.ts', () => {
  it('formats money from minor units', () => {
    expect(formatMoney({ minor: 1230, currency: 'USD' }, 'en')).toBe('$12.30');
    expect(formatMoney({ minor: 500, currency: 'JPY' }, 'en')).toBe('¥500');
    expect(formatMoney({ minor: 123456, currency: 'EUR' }, 'en')).toBe('€1,234.56');
  });
  it('formats bytes with units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 ** 3)).toBe('10 GB');
    expect(formatBytes(1.25 * 1024 ** 4)).toBe('1.25 TB');
    expect(formatBytes(150 * 1024 ** 2)).toBe('150 MB');
  });
});

describe('low-balance line', () => {
  const low = (minor: number, currency: string, usd: number) => isLowBalance({ minor, currency }, usd);

  it('is the setting in whole US dollars, in each currency at a fixed rounded rate', () => {
    expect([low(499, 'USD', 5), low(500, 'USD', 5)]).toEqual([true, false]);
    expect([low(1199, 'usd', 12), low(1200, 'usd', 12)]).toEqual([true, false]);
    expect([low(749, 'JPY', 5), low(750, 'JPY', 5)]).toEqual([true, false]); // no minor unit: 150 yen per dollar
    expect([low(3499, 'CNY', 5), low(3500, 'CNY', 5)]).toEqual([true, false]);
    expect([low(499, 'XYZ', 5), low(500, 'XYZ', 5)]).toEqual([true, false]); // unknown: one unit per dollar
  });

  it('is never low when the setting is 0, even for a negative balance', () => {
    expect(low(-100, 'USD', 0)).toBe(false);
    expect(low(0, 'USD', 0)).toBe(false);
  });
});
