/**
 * BestProxy facts taken from the vendor reference (shared/vendors/bestproxy.md) and seed 003.
 * Kept in one place so the client, the mappers and the simulator agree.
 */
import type { ProductKind, RenewPeriod } from '../../../preload/contract/model';

/** Production origin; every path carries the `/gateway/` prefix itself. */
export const BESTPROXY_BASE_URL = 'https://api.bestproxy.com';

export const PATHS = {
  accountList: '/gateway/whitelist-account/list',
  accountAdd: '/gateway/whitelist-account/add',
  accountDelete: '/gateway/whitelist-account/delete',
  accountDisable: '/gateway/whitelist-account/disable',
  accountEnable: '/gateway/whitelist-account/enable',
  accountPassword: '/gateway/whitelist-account/change-password',
  accountRemark: '/gateway/whitelist-account/change-remark',
  accountLimit: '/gateway/whitelist-account/change-limit',
  accountChange: '/gateway/proxy-account/change',
  ipList: '/gateway/proxy-ip/list',
  ipAdd: '/gateway/proxy-ip/add',
  ipDelete: '/gateway/proxy-ip/delete',
  usageTotal: '/gateway/user-usage-flow/total',
  packageList: '/gateway/user-product/list',
  packageSummary: '/gateway/user-product/summary',
  staticIps: '/gateway/ip/get-static-ip',
  orderList: '/gateway/order/list',
  orderCreate: '/gateway/order/create',
  orderClose: '/gateway/order/close',
  orderCheck: '/gateway/order/check',
  paymentList: '/gateway/payment/list',
  products: '/gateway/product',
  staticIpRegion: '/gateway/ip/static-ip-region',
  hostPoolRegions: '/gateway/host-pool/regions',
  paymentGroups: '/gateway/payment/groups',
  rechargeGift: '/gateway/activity/balance-recharge-gift-ratio',
} as const;

/** Vendor status codes (seed): 200 / 0 success (two dialects), 3 bad app_key, 156 not verified, 400 parameters. */
export const CODE = {
  okGateway: 200,
  okPlatform: 0,
  invalidKey: 3,
  notVerified: 156,
  paramError: 400,
} as const;

/** Package / product types (seed §4.1, §4.2). */
export const PRODUCT_TYPE = {
  topUp: 3,
  dynamicTraffic: 9,
  dynamicUnlimited: 11,
  idcTraffic: 12,
  staticDatacenter: 14,
  staticRenewal: 19,
  staticResidential: 25,
} as const;

export const PRODUCT_TYPE_LABELS: Record<number, string> = {
  3: 'Balance top-up',
  9: 'Dynamic residential traffic',
  11: 'Dynamic residential unlimited (V2)',
  12: 'Long-term IDC traffic',
  13: 'Residential static IP traffic',
  14: 'Datacenter static IP',
  15: 'Long-term ISP traffic',
  16: 'Static traffic package',
  17: 'Dynamic IP-count package',
  18: 'Web scraper',
  19: 'Static IP renewal',
  20: 'Static IP replacement quota',
  21: 'Static traffic package v2',
  24: 'Static traffic add-on',
  25: 'Residential static IP',
  26: 'Supplementary payment',
  27: 'SERP',
  28: 'Video',
};

export function productKindOf(type: number | null): ProductKind {
  switch (type) {
    case 9:
    case 17:
      return 'residential';
    case 11:
      return 'unlimited';
    case 12:
    case 14:
      return 'datacenter';
    case 13:
    case 25:
      return 'static-residential';
    case 15:
      return 'isp';
    default:
      return 'other';
  }
}

/** Static IP product lines that can be renewed (type 19 products name them in parent_product_type). */
export const RENEWABLE_TYPES: ReadonlySet<number> = new Set([14, 25]);

/**
 * `renew_duration` values of /order/check (string enum). /order/create types the field as an
 * integer (month count) instead; `months` is that integer form, null where none exists ("em").
 */
export const RENEW_DURATIONS: readonly (RenewPeriod & { months: number | null })[] = [
  { id: '1m', label: '1 month', days: 30, months: 1 },
  { id: '2m', label: '2 months', days: 60, months: 2 },
  { id: 'em', label: 'Until the end of next month', days: null, months: null },
];

/**
 * Money is floats with no currency field (reference §5.1): "assume the currency chosen via payment
 * method (/payment/list?currency=)". We list payment methods with currency=USD, so every method we
 * offer charges in USD, and amounts of orders, checks and payments are read as USD (said in
 * Order.details and in a quote warning). The English site (bestproxy.com) also prices in usd_price.
 */
export const ASSUMED_CURRENCY = 'USD';

/**
 * The zone of BestProxy's naive timestamps ("Y-m-d H:i:s", dialect A, and the naive form dialect B
 * also uses): reference §5.2 says "No time zone stated". They are read as UTC wall-clock digits (shown
 * as "vendor time"), never in the machine's zone. If BestProxy turns out to mean UTC+8, change it here.
 * ISO-8601 with Z/offset and unix seconds (pay_timestamp) carry their own zone.
 */
export const BESTPROXY_ZONE = 'UTC';

/**
 * Page sizes we ask for (the server may cap them lower: paging never relies on getting them).
 * Reference §5.3: #14 page/size, #27 page_no/page_size, #24 page/size with an undocumented answer.
 */
export const PAGE_SIZE = { packages: 100, orders: 100, staticIps: 200 } as const;

export const KB = 1024;
export const GB = 1024 ** 3;
