/**
 * ProxyShard constants shared by the client files (doc: /work/shared/vendors/proxyshard.md).
 */
import type { Capability } from '../../../preload/contract/model';
import type { NaiveZone } from '../parse';

export const PRODUCTION_BASE_URL = 'https://user-api.proxyshard.com';

/**
 * The zone of a timestamp without an offset. Doc §2.4: "The dashboard shows all dates in UTC+0"
 * (DOCS FAQ §30); `expires_at` is ISO-8601, `created_at` / `until` are "string" dates. An offset or Z,
 * when present, is honoured; a naive value is read as UTC.
 */
export const VENDOR_ZONE: NaiveZone = 'UTC';

/** Page size asked of GET /orders (doc §2.6: limit 1..100). The server may send fewer. */
export const ORDER_PAGE = 100;
/** Page size asked of GET /proxies/sub-users (doc §2.6: offset/limit, no documented maximum). */
export const SUB_USER_PAGE = 100;
/** Safety stop for paging loops (100,000 rows at 100 a page). */
export const MAX_PAGES = 1000;

export const PROXYSHARD_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'balance',
  'trafficBalance',
  'orders',
  'staticIps',
  'subUsers',
  'subUsersEdit',
  'renew',
  'renewQuote',
  'autoRenew',
  'orderTags',
  'billingCycle',
  'addons',
  'purchase',
  'p0fSignatures',
  'dropAtRenewal',
  'residential',
]);
