import type { ProxyEndpoint } from '../../preload/contract/model';

/**
 * `n` synthetic static IPs as a large account's snapshot holds them (19-digit ids, two countries,
 * 100 orders): the scale e2e and the bench (bundle cold start, IPs view) all use the same rows.
 */
export function manyProxies(n: number): ProxyEndpoint[] {
  return Array.from({ length: n }, (_, i) => ({
    id: String(1_000_000_000_000_000_000n + BigInt(i)),
    ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    host: null,
    httpPort: 8000 + (i % 1000),
    socksPort: null,
    protocol: 'http',
    username: `u${i}`,
    password: `p${i}`,
    country: i % 2 ? 'US' : 'DE',
    kind: 'isp',
    expiresAt: '2027-01-01T00:00:00.000Z',
    orderId: String(i % 100),
    status: 'active',
    autoRenew: false,
  }));
}
