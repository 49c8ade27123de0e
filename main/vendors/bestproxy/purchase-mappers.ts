/**
 * Pure mappers for buying new products (reference §3.6–§3.8, §4.3): buyable products (#34), stock per
 * country (#25 static-ip-region, #26 host-pool/regions), payment methods with their fees (#31) and
 * groups (#32), top-up bonus tiers (#33), and the strict #27 page read for purchase evidence.
 * Money is floats read as USD (constants.ts ASSUMED_CURRENCY: #31 is listed with currency=USD).
 */
import type { Money, ProductKind } from '../../../preload/contract/model';
import { countryCode } from '../country';
import { BadField, isObj, list, obj, optNum, optStr, pick, reqId } from '../parse';
import { PRODUCT_TYPE_LABELS, productKindOf } from './constants';
import { usd } from './mappers';
import { mapPaymentMethod, type PaymentMethod } from './mappers-renewal';
import type { Page } from './pagination';

/**
 * New-product types the API can buy (§4.2, #28 recipes). Not here: 3 top-up, 19 renewal, 20 replacement
 * quota and 24 add-on (they act on what the user owns), 26 supplementary payment, 18/27/28 (not proxies).
 */
export const BUYABLE_TYPES: ReadonlySet<number> = new Set([9, 11, 12, 13, 14, 15, 16, 17, 21, 25]);

/** How a product is ordered: static IPs by region_list, type 11 by SKUs, the rest as packages (`amount`). */
export type BuyShape = 'static-ip' | 'unlimited' | 'package';

export function shapeOf(type: number): BuyShape {
  if (type === 14 || type === 25) return 'static-ip';
  if (type === 11) return 'unlimited';
  return 'package';
}

export interface Sku {
  id: string;
  /** Mbps / days / connections, by list. */
  value: number | null;
  price: Money | null;
}

export interface SkuLists {
  bandwidth: Sku[];
  concurrency: Sku[];
  duration: Sku[];
}

export interface BuyableProduct {
  id: string;
  title: string;
  type: number;
  shape: BuyShape;
  kind: ProductKind;
  subtitle: string | null;
  timeDays: number | null;
  flowGb: number | null;
  flowGiveGb: number | null;
  unitPrice: Money | null;
  /** Allowed `etd` multipliers; empty when the feature is off (≤ 1 item, §4.3). */
  etd: number[];
  sku: SkuLists | null;
  /** Remaining stock; null = unlimited (total_count 0) or not said. */
  stockLeft: number | null;
}

const skuList = (v: unknown, field: string): Sku[] =>
  list(v, field).map((raw) => {
    const r = obj(raw);
    return {
      id: reqId(r.id, `${field}.id`),
      value: optNum(r.value),
      price: usd(pick(r, 'price_usd', 'usd_price'), `${field}.price_usd`),
    };
  });

/**
 * One #34 row, or null when it is not a new product the API can buy (other type, withdrawn, or
 * show_type 3 "not available for purchase, requires customization"). Ids and prices must read.
 */
export function mapBuyableProduct(raw: unknown): BuyableProduct | null {
  const r = obj(raw);
  const type = optNum(r.type);
  if (type === null || !BUYABLE_TYPES.has(type)) return null;
  const status = optNum(r.status);
  if (status !== null && status !== 1) return null;
  if (optNum(r.show_type) === 3) return null;
  const desc = obj(pick(r, 'desc', 'description'));
  const etdRaw = list(r.extension_of_time_days, 'extension_of_time_days')
    .map(optNum)
    .filter((n): n is number => n !== null && Number.isInteger(n) && n >= 1);
  const total = optNum(r.total_count);
  const sku = type === 11 ? obj(r.sku) : null;
  return {
    id: reqId(r.id, 'id'),
    title: optStr(r.title) ?? PRODUCT_TYPE_LABELS[type] ?? `Product ${String(r.id)}`,
    type,
    shape: shapeOf(type),
    kind: productKindOf(type),
    subtitle: optStr(pick(desc, 'subtitle')) ?? optStr(r.tip1),
    timeDays: optNum(r.time_days),
    flowGb: optNum(pick(r, 'flow_value')),
    flowGiveGb: optNum(pick(r, 'flow_give')),
    unitPrice: usd(r.usd_price, 'usd_price'),
    etd: etdRaw.length > 1 ? [...new Set(etdRaw)].sort((a, b) => a - b) : [],
    sku: sku
      ? {
          bandwidth: skuList(sku.bandwidth_list, 'sku.bandwidth_list'),
          concurrency: skuList(sku.concurrency_list, 'sku.concurrency_list'),
          duration: skuList(sku.duration_list, 'sku.duration_list'),
        }
      : null,
    stockLeft: total !== null && total > 0 ? Math.max(0, optNum(r.remain_count) ?? 0) : null,
  };
}

export interface StockRow {
  code: string;
  name: string | null;
  /** Available IPs; null when the answer gives no readable number. */
  number: number | null;
}

/** #25 / #26 `data.list[]` { code, number (, name_en) }. A row without a country code is a BadField. */
export function mapStock(data: unknown): StockRow[] {
  return list(obj(data).list, 'list').map((raw) => {
    const r = obj(raw);
    const code = countryCode(optStr(r.code));
    if (!code) throw new BadField('list.code', r.code);
    const n = optNum(r.number);
    return { code, name: optStr(r.name_en), number: n === null ? null : Math.max(0, Math.floor(n)) };
  });
}

export interface PaymentOption extends PaymentMethod {
  /** Percent fee ("3" = 3%), or null. */
  feePercent: number | null;
  /** Fixed fee per payment, or null. */
  fixedFee: Money | null;
}

/**
 * #31 row with its fees. `handling_rate` has no documented unit: a value below 1 is read as a fraction
 * (0.03 = 3%), 1 and above as a percent already (README "Decisions").
 */
export function mapPaymentOption(raw: unknown): PaymentOption {
  const r = obj(raw);
  const rate = optNum(r.handling_rate);
  const fee = usd(r.handling_fee, 'handling_fee');
  return {
    ...mapPaymentMethod(raw),
    feePercent: rate === null || rate <= 0 ? null : rate < 1 ? Math.round(rate * 10_000) / 100 : rate,
    fixedFee: fee && fee.minor > 0 ? fee : null,
  };
}

/** #32 groups, leniently: method id → group name (items are "presumably" #31 rows). */
export function mapPaymentGroups(data: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const rows = obj(data).list;
  if (!Array.isArray(rows)) return out;
  for (const g of rows) {
    const name = optStr(obj(g).name);
    const items = obj(g).items;
    if (!name || !Array.isArray(items)) continue;
    for (const it of items) {
      const id = isObj(it) ? optStr(it.id) : optStr(it);
      if (id) out.set(id, name);
    }
  }
  return out;
}

const AMOUNT_KEYS = ['amount', 'recharge_amount', 'min_amount', 'min', 'from', 'threshold', 'money'];
const RATIO_KEYS = ['ratio', 'gift_ratio', 'rate', 'give_ratio', 'percent'];

/**
 * #33 items (shape undocumented): each read leniently into words. A number-like amount field gives
 * `from`; a ratio field (fraction < 1 or percent) gives "N% bonus"; otherwise the scalar fields are
 * listed as they came. Items that give nothing readable are dropped.
 */
export function mapBonusTiers(data: unknown): { from: Money | null; text: string }[] {
  const rows = obj(data).list;
  if (!Array.isArray(rows)) return [];
  const out: { from: Money | null; text: string }[] = [];
  for (const it of rows) {
    if (typeof it === 'string' || typeof it === 'number') {
      const text = String(it).trim();
      if (text) out.push({ from: null, text });
      continue;
    }
    if (!isObj(it)) continue;
    const amountKey = AMOUNT_KEYS.find((k) => optNum(it[k]) !== null);
    let from: Money | null = null;
    try {
      from = amountKey ? usd(it[amountKey], amountKey) : null;
    } catch {
      from = null;
    }
    const ratioKey = RATIO_KEYS.find((k) => optNum(it[k]) !== null);
    const ratio = ratioKey ? (optNum(it[ratioKey]) as number) : null;
    const scalars = Object.entries(it)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      .map(([k, v]) => `${k}: ${String(v)}`);
    const text =
      ratio !== null && ratio > 0
        ? `${ratio < 1 ? Math.round(ratio * 10_000) / 100 : ratio}% bonus`
        : scalars.join(', ');
    if (text) out.push({ from, text });
  }
  return out;
}

/**
 * One #27 page, strictly (purchase evidence: a misread must never look like "no new order"): `data`
 * an object with a `list` array, every row an object with a trade_no; `pagination.total` read when given.
 */
export function readOrderPageStrict(data: unknown): Page & { tradeNos: string[] } {
  if (!isObj(data)) throw new BadField('data', data);
  if (!Array.isArray(data.list)) throw new BadField('list', data.list);
  const rows = data.list;
  const tradeNos = rows.map((row, i) => {
    if (!isObj(row)) throw new BadField(`list[${i}]`, row);
    return reqId(row.trade_no, 'trade_no');
  });
  const p = obj(data.pagination);
  return { rows, tradeNos, total: optNum(pick(p, 'total')), totalPages: optNum(p.total_pages) };
}
