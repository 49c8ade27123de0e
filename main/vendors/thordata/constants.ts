/**
 * Thordata facts that the client and the simulator share: hosts, paths, `proxy_type` codes per
 * endpoint group, renewal packages, upgrade tables and the traffic units we chose.
 * Source: /work/shared/vendors/thordata.md (seed 000 for the renew call).
 */
import type { RenewPeriod } from '../../../preload/contract/model';
import type { ByteUnit, NaiveZone } from '../parse';

/** Current base of the whole Public API (every current doc page). */
export const PUBLIC_BASE_URL = 'https://openapi.thordata.com/api';
/**
 * Older host of the same paths; the seed's renew URL lives here, so renew goes here first.
 * Vendor file §1.1: "if an openapi call returns 404, retry once on api.thordata.com/api". Reads do
 * exactly that; writes never resend (see api.ts `writeBase`).
 */
export const LEGACY_BASE_URL = 'https://api.thordata.com/api';

export const PATHS = {
  trafficBalance: '/account/traffic-balance',
  walletBalance: '/account/wallet-balance',
  usageStatistics: '/account/usage-statistics',
  userList: '/proxy-users/user-list',
  createUser: '/proxy-users/create-user',
  updateUser: '/proxy-users/update-user',
  deleteUser: '/proxy-users/delete-user',
  userUsage: '/proxy-users/usage-statistics',
  userUsageHour: '/proxy-users/usage-statistics-hour',
  whitelistList: '/whitelisted-ips/ip-list',
  whitelistAdd: '/whitelisted-ips/add-ip',
  whitelistDelete: '/whitelisted-ips/delete-ip',
  proxyList: '/proxy/proxy-list',
  proxyExpiration: '/proxy/expiration-time',
  serverList: '/unlimited/server-list',
  restartServer: '/unlimited/restart-server',
  renewServer: '/unlimited/renew',
  upgradeServer: '/unlimited/upgrade',
  serverMonitor: '/unlimited/server-monitor',
  balancingMonitor: '/unlimited/balancing-monitor',
  // S7–S9 sit directly under /api, not under /unlimited (§6.4 #7).
  serverBoundUsers: '/get_unlimited_servers_bind_user',
  serverBindUser: '/add_unlimited_servers_bind_user',
  serverUnbindUser: '/del_unlimited_servers_bind_user',
} as const;

/** `proxy_type` differs per endpoint group (vendor file §6.1): typed separately on purpose. */
export type UserProxyType = 1 | 2; // proxy users: 1 residential, 2 unlimited
export type WhitelistProxyType = 1 | 2 | 9; // whitelist: 1 residential, 2 unlimited, 9 mobile
export type StaticProxyType = 1 | 2; // ISP/DC: 1 ISP, 2 datacenter

/** Products whose sub-users and whitelist we manage; encoded in ids as `<product>:<name>`. */
export const PRODUCTS = {
  residential: { userType: 1, whitelistType: 1, label: 'Residential' },
  unlimited: { userType: 2, whitelistType: 2, label: 'Unlimited servers' },
} as const;
export type Product = keyof typeof PRODUCTS;
export const PRODUCT_NAMES = Object.keys(PRODUCTS) as Product[];

export const STATIC_TYPES: readonly { type: StaticProxyType; kind: 'isp' | 'datacenter' }[] = [
  { type: 1, kind: 'isp' },
  { type: 2, kind: 'datacenter' },
];

/** Renewal packages of `/unlimited/renew` (seed): package_id → validity. */
export const RENEW_PACKAGES: readonly { packageId: number; days: number }[] = [
  { packageId: 27, days: 1 },
  { packageId: 6, days: 7 },
  { packageId: 8, days: 30 },
  { packageId: 7, days: 60 },
];

export const SERVER_RENEW_PERIODS: RenewPeriod[] = RENEW_PACKAGES.map((p) => ({
  id: String(p.packageId),
  label: p.days === 1 ? '1 day' : `${p.days} days`,
  days: p.days,
}));

/** `/unlimited/upgrade` tables (vendor file §3.6 S6). */
export const UPGRADE_BANDWIDTHS: Readonly<Record<number, number>> = {
  1: 200,
  2: 300,
  3: 400,
  4: 500,
  5: 600,
  6: 700,
  7: 800,
  8: 900,
  9: 1000,
};
export const UPGRADE_SIZES: Readonly<Record<number, string>> = {
  5: '8vCPU 16GiB',
  2: '16vCPU 32GiB',
  3: '32vCPU 64GiB',
  4: '64vCPU 128GiB',
};

/**
 * Traffic units, chosen per the vendor file's advice ("the newest doc copy wins over the SDK"):
 * the docs say MB for balances and sub-user figures, KB for usage statistics. The SDK/SPEC
 * disagree for the MB ones (they say KB), so every figure carries a caveat note.
 */
export const UNITS = {
  trafficBalance: 'MB',
  subUserLimit: 'MB',
  subUserUsage: 'MB',
  usageStatistics: 'KB',
} as const satisfies Record<string, ByteUnit>;

export const BALANCE_UNIT_NOTE =
  'Thordata reports residential traffic as a bare number: its docs say MB, its SDK reads KB. Shown as MB; compare with your Thordata dashboard once.';
export const USAGE_UNIT_NOTE =
  'Thordata reports usage as a bare number, read as KB (its Chinese docs and spec); not confirmed against the dashboard.';
export const SUBUSER_UNIT_NOTE = 'Used traffic read as MB per Thordata docs (its SDK says KB).';

/**
 * The zone of Thordata's naive timestamps ("YYYY-MM-DD", "YYYY-MM-DD HH:mm", usage rows "YYYY-MM-DD HH").
 * Vendor file §6.3: "No time zone is stated anywhere; assume the vendor's server time (likely UTC+8,
 * unverified) and show times as 'vendor time'." Since the zone is NOT stated, the digits are read as
 * UTC wall-clock digits (never the machine's zone) and shown as "vendor time"; if Thordata ever states
 * UTC+8, change this to '+08:00'. Unix seconds (legacy `expireTime`) are real instants and unaffected.
 */
export const VENDOR_ZONE: NaiveZone = 'UTC';

/** Money is a bare decimal; the currency is not stated (site prices in USD; vendor file §6.2). */
export const CURRENCY = 'USD';
