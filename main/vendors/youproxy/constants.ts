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
