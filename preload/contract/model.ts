/**
 * The normalized model: the only shape of vendor data that crosses into the renderer.
 *
 * Units are converted once, at the vendor client's edge:
 *  - money is integer minor units (cents) with an ISO currency code, never a float;
 *  - traffic is bytes (a plain number: 2^53 bytes is 8 PiB, far beyond any account);
 *  - timestamps are ISO-8601 strings in UTC (`2026-11-23T00:00:00.000Z`), or null when unknown;
 *  - vendor ids are strings, always (YouProxy ids exceed 2^53).
 *
 * This file has no runtime imports so main, preload and renderer can all share it.
 */

export const VENDOR_IDS = ['thordata', 'proxyshard', 'youproxy', 'bestproxy'] as const;
export type VendorId = (typeof VENDOR_IDS)[number];

/** What a vendor's API lets us do. The renderer shows only what is declared here. */
export const CAPABILITIES = [
  'balance', // money balance of the account
  'trafficBalance', // residential traffic left
  'orders', // orders / packages
  'staticIps', // static / ISP / datacenter IP inventory with credentials
  'traffic', // daily traffic usage
  'trafficHourly', // hourly traffic usage
  'whitelist', // IP whitelist list
  'whitelistEdit', // IP whitelist add/remove
  'subUsers', // sub-users list
  'subUsersEdit', // sub-users create/update/delete
  'renew', // renew orders or IPs (money moves)
  'renewQuote', // the vendor has its own price check for renewals
  'autoRenew', // auto-renew / auto-extend toggles
  'unlimitedServers', // Thordata unlimited servers
  'orderTags', // free-text tag on an order
  'billingCycle', // change billing cycle of an order
  'addons', // add-on price check + purchase
  'orderClose', // cancel an unpaid order
  'p0fSignatures', // ProxyShard: p0f OS signature per DC/ISP IP
  'dropAtRenewal', // ProxyShard: mark DC/ISP IPs to be dropped at the next renewal (del-np)
  'trafficCodes', // Thordata: traffic redeem codes (CDK) list and revoke
  'trafficCodesCreate', // Thordata: create traffic codes (spends traffic; the purchase path)
  'purchase', // buy new proxies through the API (catalog, price check, order)
  'serverUpgrade', // Thordata: upgrade an unlimited server (paid; the purchase path)
  'serverMonitor', // Thordata: unlimited-server and balancing monitors, restart, bound sub-users
  'residential', // residential endpoint generator (locations, session, count)
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface Money {
  /** Integer minor units (cents). */
  minor: number;
  /** ISO-4217 code, upper case ("USD"). */
  currency: string;
}

export interface Balance {
  /** Null when the vendor has no money balance API (the UI says so). */
  money: Money | null;
  /** Residential traffic left, bytes; null when not applicable. */
  trafficRemainingBytes: number | null;
  /** When the remaining traffic expires, if the vendor says. */
  trafficExpiresAt: string | null;
  /** Free-text caveat shown next to the figure, e.g. an unresolved unit. */
  note?: string;
}

export type ProductKind =
  | 'residential'
  | 'isp'
  | 'datacenter'
  | 'mobile'
  | 'ipv6'
  | 'unlimited'
  | 'static-residential'
  | 'other';

export type OrderStatus = 'active' | 'pending' | 'expired' | 'cancelled' | 'on-hold' | 'unknown';

export interface Order {
  /** Vendor's order/package id, as a string. */
  id: string;
  kind: ProductKind;
  /** Vendor's product name, as shown by the vendor. */
  product: string;
  status: OrderStatus;
  /** The vendor's own status text, kept for the detail panel. */
  vendorStatus: string | null;
  createdAt: string | null;
  expiresAt: string | null;
  autoRenew: boolean | null;
  quantity: number | null;
  /** Price paid for the current period, when known. */
  price: Money | null;
  tag: string | null;
  country: string | null;
  /** Renewal periods this order accepts (vendor-specific ids, e.g. "30" days or "monthly"). */
  renewPeriods?: RenewPeriod[];
  /** The order's current billing cycle (a `renewPeriods` id), where the vendor has one (ProxyShard). */
  cycle?: string;
  /** Everything else the vendor returned, flattened to displayable strings for the detail panel. */
  details: Record<string, string>;
}

export type ProxyProtocol = 'http' | 'https' | 'socks5' | 'http+socks5';
export type ProxyStatus = 'active' | 'expired' | 'pending' | 'disabled' | 'unknown';

export interface ProxyEndpoint {
  /** Stable vendor id of the IP (or ip:port when the vendor has none). */
  id: string;
  ip: string;
  host: string | null;
  httpPort: number | null;
  socksPort: number | null;
  protocol: ProxyProtocol;
  username: string | null;
  /** Proxy password: business data the reseller hands out; masked in the UI until revealed. */
  password: string | null;
  /**
   * True when a password exists but is not available now: it was saved while no keychain could keep
   * its encryption key (or the key changed). The next refresh brings it back ("refresh to reveal").
   */
  passwordWithheld?: boolean;
  country: string | null;
  kind: ProductKind;
  expiresAt: string | null;
  orderId: string | null;
  status: ProxyStatus;
  autoRenew: boolean | null;
}

export interface TrafficPoint {
  /** ISO timestamp of the bucket start (day or hour, UTC). */
  at: string;
  bytes: number;
}

export interface TrafficSeries {
  granularity: 'day' | 'hour';
  /** Null for the main account; a sub-user id otherwise. */
  subUserId: string | null;
  label: string;
  points: TrafficPoint[];
  note?: string;
}

export interface WhitelistEntry {
  ip: string;
  /** Vendor id of the entry, when it has one. */
  id: string | null;
  note: string | null;
  createdAt: string | null;
}

export type SubUserStatus = 'active' | 'disabled' | 'unknown';

export interface SubUser {
  id: string;
  username: string;
  /** Traffic limit in bytes; null = unlimited or unknown (see limitUnlimited). */
  limitBytes: number | null;
  limitUnlimited: boolean;
  usedBytes: number | null;
  status: SubUserStatus;
  note: string | null;
  createdAt: string | null;
}

export interface UnlimitedServer {
  id: string;
  ip: string;
  status: ProxyStatus;
  expiresAt: string | null;
  bandwidth: string | null;
  spec: string | null;
  autoRenew: boolean | null;
  renewPeriods?: RenewPeriod[];
  details: Record<string, string>;
}

/** A renewal period the vendor offers: e.g. { id: '30', label: '30 days', days: 30 }. */
export interface RenewPeriod {
  id: string;
  label: string;
  /** Length in days when known (used for estimates and expected new expiry). */
  days: number | null;
  /**
   * The item types this period is offered for (e.g. YouProxy's 360 days: not for ISP); absent = every
   * item of the kind. The renew flow offers an item only the periods that fit its type.
   */
  fits?: ProductKind[];
}

/** What to renew. `kind` tells which vendor id the `targetId` is. */
export type RenewTargetKind = 'order' | 'ip' | 'server';

export interface RenewTarget {
  kind: RenewTargetKind;
  id: string;
  /** Displayable name (ip, product) for results. */
  label: string;
  /** Current expiry, to show old → new. */
  expiresAt: string | null;
}

export interface RenewRequest {
  targets: RenewTarget[];
  periodId: string;
  /** Vendor-specific extras (BestProxy payment method id, ...). */
  options?: Record<string, string>;
}

export interface RenewQuoteItem {
  target: RenewTarget;
  price: Money | null;
  newExpiresAt: string | null;
}

export interface RenewQuote {
  items: RenewQuoteItem[];
  total: Money;
  /** True when the vendor priced it itself; false = our estimate (labelled in the UI). */
  vendorQuoted: boolean;
  /** Balance at quote time, when the vendor reports it. */
  balance: Money | null;
  /** Vendor warnings; any blocking warning prevents confirmation. */
  warnings: { code: string; message: string; blocking: boolean }[];
}

/**
 * What happened to one item of a write: 'applied' (the vendor confirmed it), 'refused' (a documented
 * refusal, or nothing was sent: not applied), 'unknown' (it may have been applied: settled by reading).
 */
export type WriteItemOutcome = 'applied' | 'refused' | 'unknown';

export interface RenewResultItem {
  target: RenewTarget;
  outcome: WriteItemOutcome;
  newExpiresAt: string | null;
  message: string | null;
}

export interface RenewResult {
  items: RenewResultItem[];
  /** Vendor's order/transaction reference, when it returns one. */
  reference: string | null;
  /** What the vendor says it charged for the applied items (or a balance difference), when known. */
  charged: Money | null;
}

export interface ConnectionCheck {
  ok: boolean;
  /** Plain English for the user: "Connected. Balance $12.30." (the renderer rebuilds it per language). */
  message: string;
  /** On success: the money balance, when the vendor reports one. */
  balance?: Money | null;
  /** On success: residential traffic left in bytes, when that is what the vendor reports. */
  trafficLeftBytes?: number | null;
  /** On failure: the ErrorCode (errors.ts), so the renderer can say it in the UI language. */
  code?: string;
  /** On failure: the credential field the vendor named as wrong (Thordata: token or key). */
  field?: string;
}

/** A snapshot of one account as last fetched, kept in the store so the app opens offline. */
export interface AccountSnapshot {
  accountId: string;
  fetchedAt: string;
  balance: Balance | null;
  orders: Order[];
  proxies: ProxyEndpoint[];
  whitelist: WhitelistEntry[];
  subUsers: SubUser[];
  servers: UnlimitedServer[];
  traffic: TrafficSeries[];
  /** Per-section errors of the last refresh (section name -> what went wrong). */
  errors: Record<string, SectionError>;
}

/**
 * Why one section of a refresh failed. `code` is an ErrorCode (see errors.ts) so the renderer can say
 * it in the UI language; snapshots saved before codes were kept have none (message only).
 */
export interface SectionError {
  code?: string;
  /** Plain English from main (vendor's words, specifics). */
  message: string;
}
