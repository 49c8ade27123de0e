import { describe, expect, it } from 'vitest';
import {
  applyTemplate,
  exportFileName,
  fileNamePart,
  formatProxies,
  ordersToCsv,
  TEMPLATE_TOKENS,
} from '../../renderer/lib/proxy-format';

const day = new Date(2026, 11, 1, 9, 30); // local 2026-12-01

describe('export file names carry provider and account (issue 11, point 14)', () => {
  it('one account: provider + account, the account name not repeating the provider', () => {
    expect(exportFileName('ip:port:user:pass', [{ vendor: 'youproxy', account: 'YouProxy shop' }], day)).toBe(
      'proxydeck-ips-youproxy-shop-2026-12-01.txt',
    );
    expect(exportFileName('csv', [{ vendor: 'thordata', account: 'Reseller EU' }], day)).toBe(
      'proxydeck-ips-thordata-reseller-eu-2026-12-01.csv',
    );
    expect(exportFileName('http', [{ vendor: 'bestproxy', account: 'BestProxy' }], day)).toBe(
      'proxydeck-ips-bestproxy-2026-12-01.txt',
    );
  });

  it('several accounts of one provider, several providers, orders', () => {
    const two = [
      { vendor: 'youproxy', account: 'A' },
      { vendor: 'youproxy', account: 'B' },
      { vendor: 'youproxy', account: 'A' },
    ];
    expect(exportFileName('csv', two, day)).toBe('proxydeck-ips-youproxy-2-accounts-2026-12-01.csv');
    const mixed = [...two, { vendor: 'thordata', account: 'A' }];
    expect(exportFileName('csv', mixed, day)).toBe('proxydeck-ips-2-providers-2026-12-01.csv');
    expect(exportFileName('csv', [{ vendor: 'proxyshard', account: 'Shop' }], day, 'orders')).toBe(
      'proxydeck-orders-proxyshard-shop-2026-12-01.csv',
    );
  });

  it('is safe on Windows, macOS and Linux: no reserved characters, dots, spaces or control characters', () => {
    const name = exportFileName('csv', [{ vendor: 'youproxy', account: ' CON: a/b\\\\c*?"<>|.\u0007 ..' }], day);
    expect(name).toBe('proxydeck-ips-youproxy-con-a-b-c-2026-12-01.csv');
    expect(name).toMatch(/^[a-z0-9.-]+$/);
    // Letters of any script stay; long names are cut.
    expect(fileNamePart('美国 客户 #1')).toBe('美国-客户-1');
    expect(fileNamePart('x'.repeat(100))).toHaveLength(40);
    expect(fileNamePart('...')).toBe('');
  });
});

describe('{provider} and {account} template tokens', () => {
  const row = {
    ip: '203.0.113.7',
    port: 8080,
    socksPort: null,
    user: 'u',
    pass: 'p',
    country: 'DE',
    expiresAt: null,
    vendor: 'YouProxy',
    account: 'YouProxy shop',
  };
  it('are listed and replaced', () => {
    expect(TEMPLATE_TOKENS).toContain('{provider}');
    expect(TEMPLATE_TOKENS).toContain('{account}');
    expect(applyTemplate(row, '{ip}:{port} # {provider} / {account} / {country}')).toBe(
      '203.0.113.7:8080 # YouProxy / YouProxy shop / DE',
    );
    expect(formatProxies([{ ...row, vendor: undefined, account: undefined }], 'template', '{provider}|{account}')).toBe(
      '|',
    );
  });
});

describe('orders CSV', () => {
  it('has a header and one quoted row per order', () => {
    const csv = ordersToCsv([
      {
        id: '42',
        product: 'ISP "fast"',
        kind: 'isp',
        status: 'active',
        vendorStatus: 'paid',
        country: 'DE',
        quantity: 5,
        price: '12.30',
        currency: 'USD',
        createdAt: '2026-01-02T03:04:05Z',
        expiresAt: '2026-12-01T00:00:00Z',
        autoRenew: true,
        tag: null,
        vendor: 'BestProxy',
        account: 'Shop',
      },
    ]);
    const [head, line, end] = csv.split('\r\n');
    expect(head).toContain('"order_id","product","type","status","provider_status","country"');
    expect(line).toBe(
      '"42","ISP ""fast""","isp","active","paid","DE","5","12.30","USD","2026-01-02","2026-12-01","yes","","BestProxy","Shop"',
    );
    expect(end).toBe('');
  });
});
