/**
 * Buying new products (issue 14 §1; reference §3.7, §5.6 "Buy static IPs" / "Buy traffic / unlimited"):
 * quotePurchase prices with #30 order/check, purchase sends #28 order/create ONCE with exactly the same
 * body (one body builder), purchaseEvidence reads every #27 order. The price check and the order-answer
 * mapper are the renewal path's (renewal.ts priceCheck, mappers-renewal.ts mapOrderFacts).
 *
 * Everything the docs say is invalid is refused before anything is sent: an unknown pid, no or a
 * disabled payment method, static IPs without a country or beyond its stock, type 11 without SKUs.
 */
import type { Money } from '../../../preload/contract/model';
import type {
  OrderPurchase,
  PurchaseEvidence,
  PurchaseRequest,
  PurchaseWarning,
  VendorPurchaseAnswer,
  VendorPurchaseQuote,
} from '../../../preload/contract/purchases';
import { isVendorError } from '../errors';
import { formatMoney } from '../money-text';
import { type Obj, reqId } from '../parse';
import type { WriteOptions } from '../vendor-client';
import type { BestproxyClient } from './client';
import { PAGE_SIZE, PATHS } from './constants';
import { type CheckResult, mapOrderFacts } from './mappers-renewal';
import { readAllPages } from './pagination';
import { CURRENCY_NOTE, cycleLabel, PACKAGE_MAX, SKU_FIELDS, STATIC_MAX, skuLabel } from './purchase-catalog';
import {
  type BuyableProduct,
  type PaymentOption,
  readOrderPageStrict,
  type Sku,
  type StockRow,
} from './purchase-mappers';
import { readBuyableProducts, readPaymentOptions, readStock, sendsLocation, stockSourceOf } from './purchase-offer';
import { priceCheck } from './renewal';

interface Plan {
  product: BuyableProduct;
  pm: PaymentOption;
  body: Record<string, unknown>;
  /** Blocking problems found in vendor state (stock): quote shows them, purchase refuses on them. */
  problems: PurchaseWarning[];
  summary: string;
}

const num = (s: string): string | number => (/^\d{1,15}$/.test(s) ? Number(s) : s);

function orderOnly(c: BestproxyClient, req: PurchaseRequest): OrderPurchase {
  if (req.kind !== 'order') return c.fail('not_supported');
  return req;
}

function choosePayment(c: BestproxyClient, req: OrderPurchase, methods: PaymentOption[]): PaymentOption {
  const id = req.options.pm_id?.trim();
  if (!id) return c.invalid('Choose how to pay (the payment method): BestProxy needs one for every order.');
  const pm = methods.find((m) => m.id === id);
  if (!pm) return c.invalid(`BestProxy does not offer the payment method "${id}" now. Choose another one.`);
  if (pm.disabled) return c.invalid(`The payment method "${pm.title}" is turned off at BestProxy. Choose another one.`);
  return pm;
}

function chooseSkus(
  c: BestproxyClient,
  req: OrderPurchase,
  p: BuyableProduct,
): { key: string; sku: Sku; unit: string }[] {
  const out: { key: string; sku: Sku; unit: string }[] = [];
  if (!p.sku) return p.shape === 'unlimited' ? c.invalid(`BestProxy lists no choices for ${p.title}.`) : out;
  for (const f of SKU_FIELDS) {
    const skus = p.sku[f.list];
    if (skus.length === 0) {
      if (f.list === 'duration') continue; // only when BestProxy offers durations
      return c.invalid(`BestProxy lists no ${f.label.toLowerCase()} choices for ${p.title}, so it cannot be ordered.`);
    }
    const id = req.options[f.key]?.trim();
    if (!id) return c.invalid(`Choose the ${f.label.toLowerCase()} for ${p.title}.`);
    const sku = skus.find((s) => s.id === id);
    if (!sku) return c.invalid(`The ${f.label.toLowerCase()} "${id}" is not offered for ${p.title}. Choose another.`);
    out.push({ key: f.key, sku, unit: f.unit });
  }
  return out;
}

function chooseEtd(c: BestproxyClient, req: OrderPurchase, p: BuyableProduct): number | null {
  if (req.cycleId === null) return null; // the product's own term (etd not sent)
  if (p.etd.length === 0) return c.invalid(`${p.title} has a fixed term: leave the period empty.`);
  const etd = Number(req.cycleId);
  if (!p.etd.includes(etd)) return c.invalid(`The period "${req.cycleId}" is not offered for ${p.title}.`);
  return etd === 1 ? null : etd;
}

/** Resolves the request against what BestProxy offers now (reads only) and builds the one body. */
async function plan(c: BestproxyClient, reqIn: PurchaseRequest): Promise<Plan> {
  const req = orderOnly(c, reqIn);
  const [products, methods] = await Promise.all([readBuyableProducts(c), readPaymentOptions(c)]);
  const product = products.find((p) => p.id === req.productId.trim());
  if (!product) return c.invalid(`BestProxy does not sell the product "${req.productId}" through its API now.`);
  const pm = choosePayment(c, req, methods);
  const source = stockSourceOf(product);
  const stock: StockRow[] | null = source ? await readStock(c, source) : null;
  const problems: PurchaseWarning[] = [];
  const qty = req.quantity;
  const body: Record<string, unknown> = { pid: num(product.id), pm_id: num(pm.id) };
  const words: string[] = [`${qty} × ${product.title}`];

  const location = req.location?.trim().toUpperCase() || null;
  if (sendsLocation(product)) {
    if (!location) return c.invalid(`Choose a country for ${product.title}: BestProxy needs one for static IPs.`);
    const row = (stock ?? []).find((s) => s.code === location);
    if (!row) return c.invalid(`BestProxy has no ${product.title} in ${location} now. Choose another country.`);
    if (row.number !== null && qty > row.number) {
      problems.push({
        code: 'stock',
        message: `BestProxy has only ${row.number} IPs in ${row.name ?? row.code} now; lower the quantity or choose another country.`,
        blocking: true,
      });
    }
    body.region_list = `${row.code},${qty}`;
    words.push(row.name ?? row.code);
  } else if (location && !source) {
    return c.invalid(`${product.title} takes no country: leave the location empty.`);
  } else if (location) {
    problems.push({
      code: 'location_not_sent',
      message: `BestProxy's order takes no country for ${product.title}: the countries listed are where its pool has IPs.`,
      blocking: false,
    });
  }

  if (product.shape === 'unlimited' && qty !== 1) return c.invalid(`${product.title} is ordered one at a time.`);
  if (product.shape === 'static-ip' && qty > STATIC_MAX) return c.invalid(`At most ${STATIC_MAX} IPs per order.`);
  if (product.shape === 'package') {
    if (qty > PACKAGE_MAX) return c.invalid(`At most ${PACKAGE_MAX} packages can be ordered at once.`);
    if (product.stockLeft !== null && qty > product.stockLeft) {
      problems.push({
        code: 'stock',
        message: `BestProxy has only ${product.stockLeft} of ${product.title} left; lower the quantity.`,
        blocking: true,
      });
    }
    body.amount = qty;
  }
  for (const s of chooseSkus(c, req, product)) {
    body[s.key] = num(s.sku.id);
    words.push(skuLabel(s.sku, s.unit));
  }
  const etd = chooseEtd(c, req, product);
  if (etd !== null) {
    body.etd = etd;
    words.push(cycleLabel(product, etd));
  }
  if (req.promoCode) body.coupon_sn = req.promoCode.trim();
  words.push(pm.title);
  return { product, pm, body, problems, summary: words.join(' · ') };
}

const negate = (m: Money): Money => ({ minor: -m.minor, currency: m.currency });

function lines(p: Plan, check: CheckResult): VendorPurchaseQuote['lines'] {
  const out: VendorPurchaseQuote['lines'] = [];
  if (check.totalFee) out.push({ label: `${check.title ?? p.product.title} (with fees)`, amount: check.totalFee });
  if (check.discount && check.discount.minor > 0) out.push({ label: 'Discount', amount: negate(check.discount) });
  out.push({ label: 'To pay', amount: check.payFee });
  return out;
}

export async function quotePurchase(c: BestproxyClient, req: PurchaseRequest): Promise<VendorPurchaseQuote> {
  const p = await plan(c, req);
  const spends = p.pm.isBalance ? 'money' : 'external';
  const warnings: PurchaseWarning[] = [
    ...p.problems,
    { code: 'currency_assumed', message: CURRENCY_NOTE, blocking: false },
  ];
  if (!p.pm.isBalance) {
    warnings.push({
      code: 'external_payment',
      message: `Paying with ${p.pm.title} creates an unpaid order: pay it at BestProxy (or close it from the order).`,
      blocking: false,
    });
  }
  const base = { balance: null, summary: p.summary, spends } as const;
  if (p.problems.some((w) => w.blocking)) {
    return { ...base, total: null, vendorQuoted: false, lines: [], warnings, promo: null };
  }
  let check: CheckResult;
  try {
    check = await priceCheck(c, p.body);
  } catch (e) {
    // BestProxy's documented parameter error naming the coupon: the code is not accepted.
    if (
      'coupon_sn' in p.body &&
      isVendorError(e) &&
      !e.uncertain &&
      e.code === 'invalid_argument' &&
      /coupon/i.test(e.message)
    ) {
      warnings.push({
        code: 'promo_invalid',
        message: `BestProxy did not accept the coupon code (${e.message}). Remove it or check it.`,
        blocking: true,
      });
      return { ...base, total: null, vendorQuoted: false, lines: [], warnings, promo: 'invalid' };
    }
    throw e;
  }
  const promo = 'coupon_sn' in p.body && check.discount && check.discount.minor > 0 ? 'valid' : null;
  return { ...base, total: check.payFee, vendorQuoted: true, lines: lines(p, check), warnings, promo };
}

/** #28 once, under the write outcome rule; the answer is an Order that must read fully. */
export async function purchase(
  c: BestproxyClient,
  req: PurchaseRequest,
  opts: WriteOptions,
): Promise<VendorPurchaseAnswer> {
  const p = await plan(c, req);
  const blocking = p.problems.find((w) => w.blocking);
  if (blocking) return c.invalid(`${blocking.message} Nothing was ordered.`);
  const order = await c.writeOnce(async () => {
    const data = await c.post(PATHS.orderCreate, p.body, opts.signal);
    return c.parseWith('order', () => mapOrderFacts(data));
  });
  const created = [`order:${order.tradeNo}`];
  if (order.status === 1) {
    return { reference: order.tradeNo, charged: order.payFee, created, message: null };
  }
  const how = order.pmTitle ?? p.pm.title;
  const amount = order.payFee ? ` (${formatMoney(order.payFee)})` : '';
  const message =
    order.status === 0 || order.status === null
      ? `BestProxy created order ${order.tradeNo}${amount}, unpaid: pay it at BestProxy with ${how}. Nothing is delivered until it is paid; close it from the order if you do not want it.`
      : `BestProxy created order ${order.tradeNo} but did not mark it paid. Check it at BestProxy.`;
  return { reference: order.tradeNo, charged: null, created, message };
}

/** Every #27 order, every page, read strictly: `order:<trade_no>`. An order exists as soon as it is created. */
export async function purchaseEvidence(c: BestproxyClient, req: PurchaseRequest): Promise<PurchaseEvidence> {
  orderOnly(c, req);
  const rows = await readAllPages(
    { stopAt: 'total' },
    (page) => c.get(PATHS.orderList, { page_no: page, page_size: PAGE_SIZE.orders }),
    (data) => c.parseWith('orders', () => readOrderPageStrict(data)),
  );
  const items = c.parseWith('orders', () => rows.map((r) => `order:${reqId((r as Obj).trade_no, 'trade_no')}`));
  return { items: [...new Set(items)], immediate: true };
}
