/**
 * ProxyShard buying, the parsing half (doc /work/shared/vendors/proxyshard.md §3.1 #1/#2/#5/#6, §3.2
 * #13–#16, §4.1, §4.3): the product list as a catalog, stock per country, the calculate answer as
 * lines, and the add-on lines of an order. Money is integer cents (§2.3); a money field that is not
 * an integer is a BadField (bad_response), never guessed.
 */
import type { Money } from '../../../preload/contract/model';
import type { OrderAddonLine, OrderAddons } from '../../../preload/contract/order-tools';
import type { PurchaseLocation, PurchaseProduct } from '../../../preload/contract/purchases';
import { BadField, isObj, type Obj, optMoney, optNum, optStr, pick } from '../parse';
import { kindOfProduct, rowsOf } from './mappers';
import { slotsOf } from './signatures';
import { CURRENCY, periodOf } from './units';

/** The one add-on ProxyShard documents (§3.2 #13: "only p0f_slots exists"). */
export const P0F_ADDON = 'p0f_slots';
/** Proxydeck's own cap on IPs / GB in one order (the docs set none; stock and the vendor decide). */
export const MAX_ORDER_QTY = 10_000;

/** How a product is bought (§4.1): the fields the purchase sends depend on it. */
export type BuyClass = 'static' | 'pergb' | 'unmetered' | 'other';

export function buyClassOf(name: string): BuyClass {
  const k = kindOfProduct(name);
  if (k === 'datacenter' || k === 'isp') return 'static';
  if (/unmetered/i.test(name)) return 'unmetered';
  if (/standart\s+residential|standard\s+residential|premium\s+residential/i.test(name)) return 'pergb';
  return 'other';
}

/** The short product code of #6 available-count: Datacenter → `dc`, ISP → `isp` (LCH). */
export function stockCodeOf(name: string): 'dc' | 'isp' | null {
  const k = kindOfProduct(name);
  return k === 'datacenter' ? 'dc' : k === 'isp' ? 'isp' : null;
}

export interface CatalogRow {
  name: string;
  description: string | null;
  locations: string[];
  cycles: string[];
}

/**
 * GET /proxies/products (#5) strictly: `products` must be a list of objects, each with a `name`.
 * DC/ISP come back as one row per location; rows are grouped by name (LCH), cycles by name.
 */
export function mapCatalogRows(json: unknown): CatalogRow[] {
  if (!isObj(json) && !Array.isArray(json)) throw new BadField('products', json);
  const rows = Array.isArray(json) ? rowsOf(json, 'products') : rowsOf(pick(json, 'products'), 'products');
  const out = new Map<string, CatalogRow>();
  for (const o of rows) {
    const name = optStr(o.name);
    if (!name) throw new BadField('products.name', o.name);
    const p = out.get(name) ?? { name, description: null, locations: [], cycles: [] };
    p.description ??= optStr(o.description);
    const cycles = o.cycles === undefined || o.cycles === null ? [] : rowsOrNames(o.cycles);
    for (const c of cycles) if (!p.cycles.includes(c)) p.cycles.push(c);
    const loc = optStr(o.location);
    if (loc && !p.locations.includes(loc)) p.locations.push(loc);
    out.set(name, p);
  }
  return [...out.values()];
}

function rowsOrNames(v: unknown): string[] {
  if (!Array.isArray(v)) throw new BadField('products.cycles', v);
  return v.map((c) => {
    const name = optStr(isObj(c) ? pick(c, 'name', 'cycle') : c);
    if (!name) throw new BadField('products.cycles', c);
    return name;
  });
}

/** GET /proxies/available-count (#6): a bare array `[{country, product, amount}]`; key `dc:DE`. */
export function mapStock(json: unknown): Map<string, number> {
  const rows = rowsOf(Array.isArray(json) ? json : pick(json as Obj, 'data', 'results'), 'available-count');
  const out = new Map<string, number>();
  for (const r of rows) {
    const country = optStr(r.country);
    const product = optStr(r.product);
    const amount = optNum(r.amount);
    if (!country || !product) continue; // cosmetic: a row that names nothing is skipped
    if (amount === null || !Number.isInteger(amount) || amount < 0) throw new BadField('amount', r.amount);
    const key = `${product.toLowerCase()}:${country.toUpperCase()}`;
    out.set(key, (out.get(key) ?? 0) + amount);
  }
  return out;
}

/** Cycles a buyer chooses: every name except the fixed "lifetime" of per-GB tiers. */
export const choosableCycles = (row: CatalogRow): string[] =>
  buyClassOf(row.name) === 'pergb' ? [] : row.cycles.filter((c) => !/^lifetime$/i.test(c));

/** One catalog product. `stock` null = #6 not read; a location missing from #6 has stock null. */
export function productOf(row: CatalogRow, stock: Map<string, number> | null): PurchaseProduct {
  const cls = buyClassOf(row.name);
  const code = stockCodeOf(row.name);
  const locations: PurchaseLocation[] =
    cls === 'static'
      ? row.locations.map((l) => ({
          code: l,
          label: l,
          stock: stock && code ? (stock.get(`${code}:${l.toUpperCase()}`) ?? null) : null,
        }))
      : [];
  let unavailable: string | null = null;
  if (cls === 'other')
    unavailable = 'Proxydeck cannot buy this product through the ProxyShard API; buy it in the ProxyShard dashboard.';
  else if (cls === 'static' && locations.length === 0)
    unavailable = 'ProxyShard lists no location for this product now.';
  else if (cls === 'static' && locations.every((l) => l.stock === 0))
    unavailable = 'Out of stock in every location at ProxyShard.';
  else if (cls !== 'pergb' && choosableCycles(row).length === 0)
    unavailable = 'ProxyShard lists no billing cycle for this product now.';
  return {
    id: row.name,
    label: row.name,
    kind: kindOfProduct(row.name),
    description: row.description,
    locations,
    locationRequired: cls === 'static',
    cycles: choosableCycles(row).map((c) => {
      const p = periodOf(c);
      return { id: c, label: p.label, days: p.days };
    }),
    quantity:
      cls === 'unmetered'
        ? { min: 1, max: 1, step: 1, unit: 'package' }
        : { min: 1, max: MAX_ORDER_QTY, step: 1, unit: cls === 'pergb' ? 'gb' : 'ip' },
    unitPrice: null,
    unavailable,
  };
}

export interface CalcLines {
  total: Money;
  original: Money | null;
  final: Money | null;
  addons: Money | null;
  discountPercent: number | null;
}

/** GET /orders/calculate (#2): charged = `total_with_addons ?? final_price` (LCH), all in cents. */
export function mapCalcLines(json: unknown): CalcLines {
  if (!isObj(json)) throw new BadField('calculate', json);
  const original = optMoney(json.original_price, CURRENCY, 'original_price', 'cents');
  const final = optMoney(json.final_price, CURRENCY, 'final_price', 'cents');
  const addons = optMoney(json.addons_price, CURRENCY, 'addons_price', 'cents');
  const withAddons = optMoney(json.total_with_addons, CURRENCY, 'total_with_addons', 'cents');
  const total = withAddons ?? final;
  if (!total) throw new BadField('final_price', json.final_price);
  if (total.minor < 0) throw new BadField('total_with_addons', total.minor);
  const pct = optNum(json.discount_percent);
  return { total, original, final, addons, discountPercent: pct };
}

/** #14 answer: `order_id` of #1 purchase must be an integer id (strict: it names what was bought). */
export function orderIdOf(answer: Obj): string {
  const v = answer.order_id;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  if (typeof v === 'string' && /^\d+$/.test(v)) return v;
  throw new BadField('order_id', v);
}

/** The add-on lines of an order (§4.3), with what is pending at the next renewal. */
export function mapAddonView(orderId: string, detail: Obj): OrderAddons {
  const raw = detail.addons;
  const rows = raw === undefined || raw === null ? [] : rowsOf(raw, 'addons');
  const lines: OrderAddonLine[] = rows.map((a) => {
    const key = optStr(a.addon_key);
    if (!key) throw new BadField('addons.addon_key', a.addon_key);
    const qty = optNum(a.qty);
    if (qty === null || !Number.isInteger(qty) || qty < 0) throw new BadField('addons.qty', a.qty);
    let pending: OrderAddonLine['pending'] = null;
    if (isObj(a.pending)) {
      const action = optStr(a.pending.action);
      const next = optNum(a.pending.next_qty);
      if (action === 'downgrade' || action === 'cancel') {
        if (next !== null && (!Number.isInteger(next) || next < 0)) throw new BadField('addons.pending.next_qty', next);
        pending = { action, nextQty: action === 'cancel' ? 0 : next };
      }
    }
    return {
      addonKey: key,
      qty,
      pricePerUnit: optMoney(a.price_per_unit, CURRENCY, 'addons.price_per_unit', 'cents'),
      pending,
    };
  });
  const slots = slotsOf(detail);
  const next = optNum(detail.p0f_slots_next);
  return {
    orderId,
    status: optStr(detail.status),
    product: optStr(detail.product_name),
    lines,
    slots: slots ? { ...slots, next: next !== null && Number.isInteger(next) && next >= 0 ? next : null } : null,
  };
}

/** Active units of one add-on: the line's qty, else `p0f_slots_available` (#9), else 0. */
export function addonQtyOf(view: OrderAddons, addonKey: string): number {
  const line = view.lines.find((l) => l.addonKey === addonKey);
  if (line) return line.qty;
  if (addonKey === P0F_ADDON && view.slots) return view.slots.available;
  return 0;
}
