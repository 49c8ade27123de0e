/**
 * The reads every purchase step shares: buyable products (#34), payment methods (#31, fees), stock per
 * country (#25 isp=1 residential / isp=0 datacenter, #26 datacenter host pools). Reads only.
 */
import { list, obj } from '../parse';
import type { BestproxyClient } from './client';
import { PATHS } from './constants';
import {
  type BuyableProduct,
  mapBuyableProduct,
  mapPaymentOption,
  mapStock,
  type PaymentOption,
  type StockRow,
} from './purchase-mappers';

export type StockSource = 'residential' | 'datacenter' | 'hostPool';

/** Which stock list a product's locations come from; null = it takes no location. */
export function stockSourceOf(p: BuyableProduct): StockSource | null {
  if (p.type === 25) return 'residential';
  if (p.type === 14) return 'datacenter';
  // Long-term IDC traffic: the datacenter host pool (#26 "IP addresses based on traffic points").
  if (p.type === 12) return 'hostPool';
  return null;
}

/** Only static IPs send a location (region_list); host-pool countries are shown, not sent. */
export const sendsLocation = (p: BuyableProduct): boolean => p.shape === 'static-ip';

/** #34 without a type filter (data is a bare array): the new products the API can buy. */
export async function readBuyableProducts(c: BestproxyClient): Promise<BuyableProduct[]> {
  const data = await c.get(PATHS.products);
  return c.parseWith('products', () =>
    (Array.isArray(data) ? data : list(obj(data).list, 'list'))
      .map(mapBuyableProduct)
      .filter((p): p is BuyableProduct => p !== null),
  );
}

/** #31 with currency=USD (the currency every amount is read in, like renewals). */
export async function readPaymentOptions(c: BestproxyClient): Promise<PaymentOption[]> {
  const data = await c.get(PATHS.paymentList, { currency: 'USD' });
  return c.parseWith('payment methods', () => list(obj(data).list, 'list').map(mapPaymentOption));
}

export async function readStock(c: BestproxyClient, source: StockSource): Promise<StockRow[]> {
  const data =
    source === 'hostPool'
      ? await c.get(PATHS.hostPoolRegions)
      : await c.get(PATHS.staticIpRegion, { isp: source === 'residential' ? 1 : 0 });
  return c.parseWith('stock per country', () => mapStock(data));
}
