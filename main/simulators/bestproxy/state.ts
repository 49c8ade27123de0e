/**
 * In-memory state of one simulated BestProxy account. Money is kept in integer cents (USD) and
 * rendered as floats on the wire, as BestProxy does; traffic is kept in KB, caps in GB.
 */
export interface SimPackage {
  id: number;
  productType: number;
  tradeNo: string;
  title: string;
  createdAt: Date;
  expiredAt: Date;
  /** Traffic packages only (KB). */
  totalKb: number;
  usedKb: number;
}

export interface SimStaticIp {
  id: number;
  ip: string;
  port: number;
  socksPort: number;
  username: string;
  password: string;
  countryCode: string;
  productType: 14 | 25;
  packageId: number;
  tradeNo: string;
  createdAt: Date;
  expiredAt: Date;
  maintenance: boolean;
  /** Test knob: sent verbatim as `expired_at` instead of the real expiry (e.g. an impossible date). */
  expiryText?: string;
}

export interface SimAccount {
  id: number;
  username: string;
  password: string;
  remark: string;
  productType: number;
  limitGb: number;
  dailyLimitGb: number;
  status: 0 | 1;
  udp: 0 | 1;
  createdAt: Date;
  /** "YYYY-MM-DD" → KB used that day. */
  daily: Map<string, number>;
}

export interface SimWhiteIp {
  ip: string;
  remark: string;
  productType: number;
  createdAt: Date;
}

export interface SimOrder {
  id: number;
  tradeNo: string;
  outTradeNo: string;
  productId: number;
  productType: number;
  title: string;
  detail: string;
  regionDesc: string;
  amount: number;
  unitPriceCents: number;
  goodsCents: number;
  handlingCents: number;
  discountCents: number;
  refundCents: number;
  pmId: number;
  status: 0 | 1 | 2 | 3;
  createdAt: Date;
  payAt: Date | null;
  /** Unpaid renewal orders remember what they would renew. */
  renewal?: { ipIds: number[]; newExpiry: Map<number, Date> };
}

export interface SimProduct {
  id: number;
  title: string;
  type: number;
  parentType: number;
  usdCents: number;
  cnyCents: number;
  timeDays: number;
  flowGb: number;
  status: 0 | 1;
  showType: number;
}

export interface SimPaymentMethod {
  id: number;
  title: string;
  group: string;
  /** Percent fee, e.g. 0.03. */
  handlingRate: number;
  disabled: boolean;
}

/** One /order/check or /order/create request as received (app_key removed): what was priced vs charged. */
export interface SimOrderCall {
  path: '/gateway/order/check' | '/gateway/order/create';
  body: Record<string, unknown>;
}

/**
 * Server-side paging: at most `cap` rows per page whatever size is asked. `totalsFrom` says what the
 * page counts are computed from: 'served' (the capped size, honest) or 'requested' (the size asked,
 * as a buggy server would: total_page then ends too early, only total_count stays right).
 */
export interface SimPaging {
  cap: number;
  totalsFrom: 'served' | 'requested';
}

export interface BestproxyState {
  appKey: string;
  /** Account label used in the charge ledger (never the key). */
  accountLabel: string;
  balanceCents: number;
  /** False → the documented code 156 "account not verified" on account writes and usage reads. */
  verified: boolean;
  /** Which renew_duration form /order/create accepts: the doc types it integer there. */
  createDurationForm: 'integer' | 'string';
  /** Extra cents per IP when renew_duration arrives as an integer (check and create alike): a vendor that prices the forms differently. */
  integerFormExtraCents: number;
  /** Every /order/check and /order/create body, in order. */
  orderCalls: SimOrderCall[];
  /** Test knob: the next request to `path` gets this documented failure (code + text), the handler not run. */
  refuseNext: { path: string; code: number; msg: string }[];
  paging: SimPaging;
  /** The one-time code /proxy-ip/delete accepts (a real account gets it by phone/email/TOTP). */
  verifyCode: string;
  packages: SimPackage[];
  ips: SimStaticIp[];
  accounts: SimAccount[];
  whitelist: SimWhiteIp[];
  orders: SimOrder[];
  products: SimProduct[];
  payments: SimPaymentMethod[];
  nextId: { package: number; account: number; order: number };
  /** Buying new products (routes-purchase.ts fills it when the routes are registered). */
  purchase?: SimPurchaseState;
}

/** One type-11 SKU (bandwidth Mbps / concurrency / duration days) with its USD price in cents. */
export interface SimSku {
  id: number;
  value: number;
  usdCents: number;
}

/** What #34 says beside SimProduct for new purchases. */
export interface SimProductExtra {
  /** Allowed `etd` multipliers (≤ 1 item = the feature is off). */
  etd: number[];
  /** price × (1 + (etd − 1) × rate). */
  etdRate: number;
  /** 0 = unlimited stock. */
  totalCount: number;
  remainCount: number;
  subtitle: string;
  sku?: { bandwidth: SimSku[]; concurrency: SimSku[]; duration: SimSku[] };
}

export interface SimPurchaseState {
  extras: Map<number, SimProductExtra>;
  /** #25 stock per country: isp=1 residential static IPs, isp=0 datacenter static IPs. */
  staticStock: { residential: Map<string, number>; datacenter: Map<string, number> };
  /** #26 datacenter host-pool IPs per country. */
  hostPool: Map<string, { number: number; name: string }>;
  /** Coupon code → percent off. */
  coupons: Map<string, number>;
  /** #33 items as sent (the doc leaves their shape undocumented). */
  giftTiers: unknown[];
  /** #32 groups: name and the #31 method ids in it. */
  groups: { name: string; ids: number[] }[];
}

export const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Wire timestamps. Every form of one instant says the same whole second (milliseconds are dropped
 * alike), so a client that reads each form right gets the same instant from all of them.
 * The vendor states no zone (reference §5.2): naive stamps are UTC wall-clock digits here.
 */
/** Dialect A (and the naive form dialect B also uses): "Y-m-d H:i:s". */
export function ymdHis(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function ymd(d: Date): string {
  return ymdHis(d).slice(0, 10);
}

/** Dialect B: ISO-8601 without milliseconds, as in the seed's examples ("2019-08-24T14:15:22Z"). */
export function iso(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** pay_timestamp: unix seconds. */
export const unixSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/**
 * Dialect B times: the examples show ISO-8601, the doc's start_time example is "Y-m-d H:i:s" and it
 * says to parse both, so records alternate by id (deterministic). `flip` gives the other form.
 */
export function stampB(d: Date, id: number, flip = false): string {
  return (id % 2 === 0) !== flip ? iso(d) : ymdHis(d);
}

/** #24 (its answer is undocumented): both string forms the doc uses, alternating by id. */
export const stampStatic = (d: Date, id: number): string => stampB(d, id);

/** Parses "Y-m-d H:i:s" / "Y-m-d" (UTC) or ISO; null when unreadable. */
export function parseTime(s: string | null): Date | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(s.trim());
  if (!m) return null;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
}

export function staticIpStatus(ip: SimStaticIp, now: Date): 1 | 2 | 3 | 4 {
  if (ip.maintenance) return 4;
  if (ip.expiredAt.getTime() <= now.getTime()) return 2;
  if (ip.expiredAt.getTime() - now.getTime() <= 7 * DAY_MS) return 3;
  return 1;
}

/** Keeps a static package's expiry equal to its latest IP's expiry. */
export function syncPackageExpiry(state: BestproxyState, packageId: number): void {
  const pkg = state.packages.find((p) => p.id === packageId);
  if (!pkg) return;
  const mine = state.ips.filter((i) => i.packageId === packageId);
  if (mine.length > 0) pkg.expiredAt = new Date(Math.max(...mine.map((i) => i.expiredAt.getTime())));
}

export function tradeNo(d: Date, serial: number): string {
  const stamp = ymdHis(d).replace(/\D/g, '');
  return `${stamp}${String(serial).padStart(14, '0')}`;
}
