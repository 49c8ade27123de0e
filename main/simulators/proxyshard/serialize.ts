/**
 * ProxyShard objects as the vendor writes them (SPEC 1.1.0 schemas): order list rows, order details,
 * add-on lines and per-IP items. Timestamps mix every documented form (timestamps.ts) by the order's
 * rank, so each form appears across an account; all of them carry the order's true instant.
 */

import { productOf, type SimAccount, type SimOrder } from './state';
import { ISO_FORMS, STRING_DATE_FORMS, stampAt } from './timestamps';

/** The order's place among the account's orders (ascending id): picks its timestamp forms. */
export function rankOf(acc: SimAccount, o: SimOrder): number {
  let rank = 0;
  for (const id of acc.orders.keys()) if (id < o.id) rank++;
  return rank;
}

/** `expires_at`: ISO-8601 (or the test hook `rawExpiresAt`, sent verbatim). */
export function expiresOut(acc: SimAccount, o: SimOrder): string | null {
  return o.rawExpiresAt ?? stampAt(o.expiresAt, rankOf(acc, o), ISO_FORMS);
}

export function createdOut(acc: SimAccount, o: SimOrder): string | null {
  return stampAt(o.createdAt, rankOf(acc, o) + 2, STRING_DATE_FORMS);
}

export function listItem(acc: SimAccount, o: SimOrder) {
  const p = productOf(acc, o.product);
  return {
    order_id: o.id,
    product_id: p.id,
    product_name: p.name,
    cycle_id: p.cycles[o.cycle]?.id ?? 0,
    cycle_name: o.cycle,
    expires_at: expiresOut(acc, o),
    auto_renewal: o.autoRenewal,
    tag: o.tag,
  };
}

export function addonsOut(o: SimOrder, money: (cents: number) => number) {
  return o.addons.map((a) => ({
    addon_key: a.addonKey,
    catalog_id: a.catalogId,
    qty: a.qty,
    price_per_unit: money(a.pricePerUnit),
    pending: a.pending,
  }));
}

export function detail(acc: SimAccount, o: SimOrder, money: (cents: number) => number) {
  const slots = o.addons.find((a) => a.addonKey === 'p0f_slots');
  return {
    order_id: o.id,
    product_name: productOf(acc, o.product).name,
    cycle_name: o.cycle,
    quantity: o.quantity,
    price_paid: money(o.pricePaid),
    addons_price_paid: money(o.addonsPricePaid),
    addons: addonsOut(o, money),
    p0f_slots_available: slots?.qty ?? 0,
    p0f_slots_used: o.ips.filter((ip) => ip.signature).length,
    p0f_slots_next: slots ? (slots.pending?.next_qty ?? slots.qty) : 0,
    status: o.status,
    created_at: createdOut(acc, o),
    expires_at: expiresOut(acc, o),
    promo_code: o.promoCode,
    auto_renewal: o.autoRenewal,
    tag: o.tag,
  };
}

/** GET /proxies/active items; `until` ("ISO8601/string date") mixes the forms per IP. */
export function activeItems(acc: SimAccount, o: SimOrder) {
  const rank = rankOf(acc, o);
  return o.ips.map((ip, i) => ({
    ip: ip.ip,
    username: ip.username,
    password: ip.password,
    http_port: ip.httpPort,
    socks_port: ip.socksPort,
    until: o.rawExpiresAt ?? stampAt(o.expiresAt, rank + i, STRING_DATE_FORMS),
    status: ip.status,
    signature: ip.signature,
  }));
}
