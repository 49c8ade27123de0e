/**
 * purchaseCatalog (issue 14 §1): what BestProxy sells through its API now. Products from #34 (new
 * products only, see BUYABLE_TYPES), locations with stock from #25 / #26, the payment method as the
 * required option `pm_id` (#31, labelled by #32 groups), type 11 SKUs as option fields, `etd`
 * multipliers as cycles, top-up bonus tiers from #33 (shape undocumented: read leniently).
 */
import type {
  PurchaseCatalog,
  PurchaseChoice,
  PurchaseOptionField,
  PurchaseProduct,
} from '../../../preload/contract/purchases';
import { formatMoney } from '../money-text';
import type { BestproxyClient } from './client';
import { PATHS } from './constants';
import {
  type BuyableProduct,
  mapBonusTiers,
  mapPaymentGroups,
  type PaymentOption,
  type Sku,
  type StockRow,
} from './purchase-mappers';
import {
  readBuyableProducts,
  readPaymentOptions,
  readStock,
  type StockSource,
  sendsLocation,
  stockSourceOf,
} from './purchase-offer';

/** Largest quantity of a package product per order (ours: the doc states none). */
export const PACKAGE_MAX = 100;
/** Largest static IP quantity when the stock is not stated. */
export const STATIC_MAX = 1000;

export const SKU_FIELDS = [
  { key: 'product_sku_bandwidth_id', list: 'bandwidth', label: 'Bandwidth', unit: 'Mbps' },
  { key: 'product_sku_concurrency_id', list: 'concurrency', label: 'Concurrent connections', unit: 'connections' },
  { key: 'product_sku_duration_id', list: 'duration', label: 'Duration', unit: 'days' },
] as const;

export const EXTERNAL_NOTE =
  'A payment method other than the balance leaves the order unpaid: pay it at BestProxy (or close it from the order).';
export const CURRENCY_NOTE = 'BestProxy does not state the currency of its amounts; they are shown as US dollars.';

/** "3% fee", "$0.50 fee", "pays at once". */
export function paymentNote(m: PaymentOption): string {
  const fees = [
    m.feePercent !== null ? `${m.feePercent}% fee` : null,
    m.fixedFee ? `${formatMoney(m.fixedFee)} fee` : null,
  ].filter(Boolean);
  const how = m.isBalance ? 'pays at once' : 'pay at BestProxy afterwards';
  return [...fees, how].join(' · ');
}

export function paymentLabel(m: PaymentOption, groups: Map<string, string>): string {
  const group = groups.get(m.id);
  return group && group !== m.title ? `${group} · ${m.title}` : m.title || `Payment method ${m.id}`;
}

export function skuLabel(s: Sku, unit: string): string {
  return s.value !== null ? `${s.value} ${unit}` : `Option ${s.id}`;
}

export function cycleLabel(p: BuyableProduct, etd: number): string {
  const days = p.timeDays ? p.timeDays * etd : null;
  const base = days ? `${days} days` : `${etd}× the term`;
  return etd === 1 ? `${base} (standard)` : `${base} (${etd}× the term)`;
}

function description(p: BuyableProduct): string | null {
  const parts = [
    p.subtitle,
    p.flowGb ? `${p.flowGb} GB${p.flowGiveGb ? ` + ${p.flowGiveGb} GB bonus` : ''}` : null,
    p.timeDays ? `valid ${p.timeDays} days` : null,
    p.shape === 'static-ip' ? 'price per IP' : null,
    p.type === 12 ? 'the countries listed are where the datacenter pool has IPs; the order takes no country' : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

function unavailable(p: BuyableProduct, stock: StockRow[] | null): string | null {
  if (p.stockLeft === 0) return 'Sold out at BestProxy.';
  if (p.shape === 'static-ip' && stock && !stock.some((s) => (s.number ?? 1) > 0)) {
    return 'BestProxy has no IPs of this kind in stock now.';
  }
  if (p.shape === 'unlimited' && (!p.sku || p.sku.bandwidth.length === 0 || p.sku.concurrency.length === 0)) {
    return 'BestProxy lists no bandwidth or concurrency choices for it.';
  }
  return null;
}

export function quantityOf(p: BuyableProduct, stock: StockRow[] | null): PurchaseProduct['quantity'] {
  if (p.shape === 'unlimited') return { min: 1, max: 1, step: 1, unit: 'package' };
  if (p.shape === 'static-ip') {
    const known = (stock ?? []).map((s) => s.number).filter((n): n is number => n !== null);
    const max = known.length > 0 ? Math.max(1, ...known) : STATIC_MAX;
    return { min: 1, max, step: 1, unit: 'ip' };
  }
  return { min: 1, max: Math.max(1, Math.min(PACKAGE_MAX, p.stockLeft ?? PACKAGE_MAX)), step: 1, unit: 'package' };
}

function toProduct(p: BuyableProduct, stock: StockRow[] | null): PurchaseProduct {
  return {
    id: p.id,
    label: p.title,
    kind: p.kind,
    description: description(p),
    locations: (stock ?? []).map((s) => ({ code: s.code, label: s.name ?? s.code, stock: s.number })),
    locationRequired: sendsLocation(p),
    cycles: p.etd.map((etd) => ({
      id: String(etd),
      label: cycleLabel(p, etd),
      days: p.timeDays ? p.timeDays * etd : null,
    })),
    quantity: quantityOf(p, stock),
    unitPrice: p.unitPrice,
    unavailable: unavailable(p, stock),
  };
}

function skuFields(products: BuyableProduct[]): PurchaseOptionField[] {
  const out: PurchaseOptionField[] = [];
  for (const p of products) {
    if (!p.sku) continue;
    for (const f of SKU_FIELDS) {
      const skus = p.sku[f.list];
      if (skus.length === 0) continue;
      out.push({
        key: f.key,
        label: f.label,
        required: true,
        choices: skus.map((s) => ({
          value: s.id,
          label: skuLabel(s, f.unit),
          note: s.price ? formatMoney(s.price) : null,
        })),
        products: [p.id],
        help: null,
      });
    }
  }
  return out;
}

/** Cosmetic reads (#32 labels, #33 tiers): a failure leaves them out rather than failing the catalog. */
async function cosmetic<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await fn();
  } catch {
    return fallback;
  }
}

export async function purchaseCatalog(c: BestproxyClient, accountId: string): Promise<PurchaseCatalog> {
  const [products, methods, groups, bonus] = await Promise.all([
    readBuyableProducts(c),
    readPaymentOptions(c),
    cosmetic(async () => mapPaymentGroups(await c.get(PATHS.paymentGroups)), new Map<string, string>()),
    cosmetic(async () => mapBonusTiers(await c.get(PATHS.rechargeGift)), []),
  ]);
  const sources = [...new Set(products.map(stockSourceOf).filter((s): s is StockSource => s !== null))];
  const stocks = new Map<StockSource, StockRow[]>();
  await Promise.all(
    sources.map(async (s) => {
      stocks.set(s, await readStock(c, s));
    }),
  );
  const pm: PurchaseOptionField = {
    key: 'pm_id',
    label: 'Payment method',
    required: true,
    choices: methods.map(
      (m): PurchaseChoice => ({
        value: m.id,
        label: paymentLabel(m, groups),
        note: paymentNote(m),
        disabled: m.disabled,
      }),
    ),
    products: null,
    help: 'Paying from the BestProxy balance buys at once. Any other method creates an unpaid order you pay at BestProxy.',
  };
  return {
    accountId,
    vendor: 'bestproxy',
    products: products.map((p) => {
      const source = stockSourceOf(p);
      return toProduct(p, source ? (stocks.get(source) ?? []) : null);
    }),
    options: [pm, ...skuFields(products)],
    promoCodeAllowed: true,
    promoCodes: null,
    topUpBonus: bonus.length > 0 ? bonus : null,
    vendorPage: null,
    notes: [EXTERNAL_NOTE, CURRENCY_NOTE],
    fetchedAt: c.now().toISOString(),
  };
}
