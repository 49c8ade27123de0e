import type { ProductKind } from '../../../preload/contract/model';

/** Production origin; every call goes to `${BASE}/client/api/v1/{apiKey}/<endpoint>` (youproxy.md §1.1). */
export const YOUPROXY_BASE_URL = 'https://youproxy.io';

/** The four documented proxy types, in the vendor's exact casing (youproxy.md §4.1). */
export const PROXY_TYPES = ['IPv4', 'IPv6', 'MOBILE', 'ISP'] as const;
export type YpProxyType = (typeof PROXY_TYPES)[number];

/** Accepts any casing a payload might use ("ipv4", "Mobile") and returns the documented spelling. */
export function canonicalProxyType(v: unknown): YpProxyType | null {
  if (typeof v !== 'string') return null;
  const lower = v.trim().toLowerCase();
  return PROXY_TYPES.find((t) => t.toLowerCase() === lower) ?? null;
}

/** How each YouProxy type shows up in the normalized model. */
export const KIND_OF_TYPE: Record<YpProxyType, ProductKind> = {
  IPv4: 'datacenter',
  IPv6: 'ipv6',
  MOBILE: 'mobile',
  ISP: 'isp',
};

/** Product names shown in the orders table (YouProxy has no product field; the type is the product). */
export const PRODUCT_OF_TYPE: Record<YpProxyType, string> = {
  IPv4: 'IPv4 proxies',
  IPv6: 'IPv6 proxies',
  MOBILE: 'Mobile proxies',
  ISP: 'ISP proxies',
};

/**
 * The zone of naive timestamps. youproxy.md §4.5: dates are "ISO-8601 with milliseconds and explicit
 * offset, e.g. `2023-10-26T10:49:49.220+00:00`" — the offset is always honoured. The docs state no zone
 * for a timestamp WITHOUT an offset (none is documented), so such a one is read as UTC wall-clock digits
 * ("vendor time"), never the machine's zone.
 */
export const YOUPROXY_ZONE = 'UTC';

/** How many IPs a message lists by name before it says "and N more". */
export const LIST_IN_WORDS = 30;
