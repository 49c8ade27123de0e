/**
 * Buying new YouProxy proxies (capability 'purchase', youproxy.md §4.6 rule 3). The catalog is in
 * purchase-catalog.ts. Here: the vendor's own price check /calculate/order (every `warnings` entry
 * blocks: the docs say the same order would not be executed); POST /order sent once under the write
 * outcome rule; evidence = the order ids of the IP list (new IPs may appear late, so "nothing new" never
 * proves "not bought": `immediate: false`).
 *
 * Every request is checked here first (type, country and period as offered now, quantity, goal, the auth
 * IP, IPv6 protocol, MOBILE operator and rotation): an invalid one is refused before anything is sent.
 */
import { isIP } from 'node:net';
import type { Money } from '../../../preload/contract/model';
import type {
  PurchaseEvidence,
  PurchaseRequest,
  PurchaseWarning,
  VendorPurchaseAnswer,
  VendorPurchaseQuote,
} from '../../../preload/contract/purchases';
import type { VendorError } from '../errors';
import { VENDOR_TEXT_MAX } from '../http/transport';
import type { Obj } from '../parse';
import type { WriteOptions } from '../vendor-client';
import { canonicalProxyType, PRODUCT_OF_TYPE, type YpProxyType } from './constants';
import { mapQuote } from './mappers';
import { MAX_QUANTITY, offerOf, operatorsOf, type YpBuyContext } from './purchase-catalog';
import { mapOrderAnswer, rotationLabel, type YpOperator } from './purchase-mappers';

// ── Checking a request (before anything is sent) ──────────────────────────────────────────────

interface Prepared {
  type: YpProxyType;
  promoCode: string | null;
  calcBody: Obj;
  orderBody: Obj;
  summary: string;
}

const refuse = (ctx: YpBuyContext, sentence: string): VendorError => ctx.http.error('invalid_argument', { sentence });

/** Checks the request against what YouProxy offers now and builds both bodies; throws before sending. */
async function prepare(ctx: YpBuyContext, req: PurchaseRequest, signal?: AbortSignal): Promise<Prepared> {
  if (req.kind !== 'order') throw ctx.http.error('not_supported');
  const type = canonicalProxyType(req.productId);
  if (!type) throw refuse(ctx, `YouProxy does not sell "${req.productId}". Choose IPv4, IPv6, Mobile or ISP proxies.`);
  const opt = (k: string): string | null => {
    const v = req.options[k]?.trim();
    return v ? v : null;
  };
  if (!Number.isInteger(req.quantity) || req.quantity < 1 || req.quantity > MAX_QUANTITY) {
    throw refuse(ctx, `Choose how many IPs to buy: a whole number from 1 to ${MAX_QUANTITY}.`);
  }
  const goal = opt('goal');
  if (!goal) throw refuse(ctx, 'Say what you will use the proxies for (the goal), for example "Custom goal".');
  const authType = (opt('authType') ?? 'LOGIN').toUpperCase();
  if (authType !== 'LOGIN' && authType !== 'IP') {
    throw refuse(ctx, 'Choose how the proxies are accessed: login and password, or by IP address.');
  }
  const authIp = opt('authIp');
  if (authType === 'IP' && (!authIp || isIP(authIp) === 0)) {
    throw refuse(
      ctx,
      authIp
        ? `"${authIp}" is not an IP address. Enter the IPv4 or IPv6 address the proxies should accept.`
        : 'Enter the IP address the proxies should accept, or choose access by login and password.',
    );
  }
  const extra: Obj = {};
  const protocol = opt('protocol')?.toUpperCase() ?? null;
  if (type === 'IPv6') {
    if (protocol !== 'HTTP' && protocol !== 'SOCKS')
      throw refuse(ctx, 'Choose the protocol of the IPv6 proxies: HTTP or SOCKS.');
    extra.protocol = protocol;
  }
  const operator = opt('mobileOperator');
  const rotationRaw = opt('rotationTime');
  const rotation = rotationRaw === null ? null : Number(rotationRaw);
  if (type === 'MOBILE') {
    if (!operator) throw refuse(ctx, 'Choose the mobile operator.');
    if (rotation === null || !Number.isInteger(rotation) || rotation <= 0) {
      throw refuse(ctx, 'Choose how often the IP changes (in seconds).');
    }
  }

  // What YouProxy offers now (reads only).
  const [offer, operators] = await Promise.all([
    offerOf(ctx, type, signal),
    type === 'MOBILE' ? operatorsOf(ctx, signal) : Promise.resolve([] as YpOperator[]),
  ]);
  const country = (req.location ?? '').trim().toUpperCase();
  const place = offer.countries.find((c) => c.code === country);
  if (!place) {
    throw refuse(
      ctx,
      country
        ? `YouProxy does not offer ${PRODUCT_OF_TYPE[type]} in "${req.location}" now. Choose another country.`
        : 'Choose the country of the proxies.',
    );
  }
  const days = Number(req.cycleId);
  if (!Number.isInteger(days) || !offer.periods.includes(days)) {
    throw refuse(
      ctx,
      `YouProxy rents ${PRODUCT_OF_TYPE[type]} for ${offer.periods.join(', ') || 'no'} days only. Choose one of them.`,
    );
  }
  let operatorLabel: string | null = null;
  if (type === 'MOBILE') {
    const op = operators.find((o) => o.tag === operator);
    if (!op) throw refuse(ctx, `YouProxy does not list the mobile operator "${operator}" now. Choose another.`);
    if (op.rotationTimes.length > 0 && !op.rotationTimes.includes(rotation as number)) {
      throw refuse(ctx, `${op.label} changes the IP only ${op.rotationTimes.map(rotationLabel).join(', ')}.`);
    }
    operatorLabel = op.label;
    extra.mobileOperator = op.tag;
    extra.rotationTime = rotation;
  }
  const promoCode = req.promoCode?.trim() || null;
  const common: Obj = {
    proxyType: type,
    quantity: req.quantity,
    rentPeriodDays: days,
    country: place.code,
    goal,
    ...(promoCode ? { promoCode } : {}),
  };
  // The price check gets the documented fields only (§3.7); the order adds access and protocol (§3.10).
  const calcBody: Obj = { ...common, ...(type === 'MOBILE' ? extra : {}) };
  const orderBody: Obj = { ...common, authType, ...(authType === 'IP' ? { authIp } : {}), ...extra };
  const parts = [`${req.quantity} × ${PRODUCT_OF_TYPE[type]}`, place.label, `${days} days`];
  if (protocol && type === 'IPv6') parts.push(protocol);
  if (operatorLabel) parts.push(`${operatorLabel}, ${rotationLabel(rotation as number)}`);
  return { type, promoCode, calcBody, orderBody, summary: parts.join(' · ') };
}

// ── Price check, purchase, evidence ────────────────────────────────────────────────────────────

function plainWarning(code: string, vendorText: string): string {
  if (code === '16') {
    return `Your YouProxy balance is too low for this order (YouProxy: "${vendorText}"). Top up at YouProxy, then check the price again.`;
  }
  return `YouProxy would not carry out this order as it is: "${vendorText}". Change the order, then check the price again.`;
}

export async function quotePurchase(ctx: YpBuyContext, req: PurchaseRequest): Promise<VendorPurchaseQuote> {
  const p = await prepare(ctx, req);
  const body = await ctx.post('calculate/order', p.calcBody);
  const q = ctx.parse('price check', () => mapQuote(body));
  // YouProxy: any warning means the order with the same data will not be executed (§3.7).
  const warnings: PurchaseWarning[] = q.warnings.map((w) => ({
    code: w.code,
    message: plainWarning(w.code, ctx.http.redact.clip(w.message, VENDOR_TEXT_MAX)),
    blocking: true,
  }));
  let promo: VendorPurchaseQuote['promo'] = null;
  if (p.promoCode !== null && q.promoCodeStatus === 'VALID') promo = 'valid';
  if (p.promoCode !== null && q.promoCodeStatus === 'NO_VALID') {
    promo = 'invalid';
    warnings.push({
      code: 'promo_not_valid',
      message:
        `YouProxy does not accept the promo code "${p.promoCode}": the order would go through WITHOUT the ` +
        'discount, at the full price. Remove the code or enter one that is valid.',
      blocking: true,
    });
  }
  return {
    total: q.price,
    vendorQuoted: true,
    lines: [{ label: p.summary, amount: q.price }],
    balance: q.balance,
    warnings,
    promo,
    summary: p.summary,
    spends: 'money',
  };
}

/** Sent once (write-outcome.ts): a documented envelope refusal throws it; anything else is `uncertain`. */
export async function purchase(
  ctx: YpBuyContext,
  req: PurchaseRequest,
  opts: WriteOptions,
): Promise<VendorPurchaseAnswer> {
  const p = await prepare(ctx, req, opts.signal);
  // Read outside the write: a failing read leaves `charged` null and never touches the outcome.
  const before = await ctx
    .getBalance()
    .then((b) => b.money)
    .catch(() => null);
  const answer = await ctx.write(async () => {
    const body = await ctx.post('order', p.orderBody, opts.signal);
    return ctx.parse('order', () => mapOrderAnswer(body));
  });
  return {
    reference: answer.orderNumber,
    charged: drop(before, answer.balance),
    // The answer names an order NUMBER, not the order id of the IP list (§3.10): nothing to match yet.
    created: [],
    message:
      answer.promoCodeStatus === 'NO_VALID' && p.promoCode !== null
        ? `Bought WITHOUT the promo discount: YouProxy did not accept the code "${p.promoCode}" and charged the full price.`
        : null,
  };
}

function drop(before: Money | null, after: Money | null): Money | null {
  if (!before || !after || before.currency !== after.currency || before.minor < after.minor) return null;
  return { minor: before.minor - after.minor, currency: after.currency };
}

/**
 * The order ids of the IP list (an IP without one counts by its own id), of this request's type and of
 * IPs whose type is not known. Not immediate: YouProxy's answer has no IPs and they may appear later.
 */
export async function purchaseEvidence(ctx: YpBuyContext, req: PurchaseRequest): Promise<PurchaseEvidence> {
  if (req.kind !== 'order') throw ctx.http.error('not_supported');
  const type = canonicalProxyType(req.productId);
  const ips = await ctx.fetchIps();
  const items = new Set<string>();
  for (const ip of ips) {
    if (type !== null && ip.proxyType !== null && ip.proxyType !== type) continue;
    items.add(ip.orderId ? `order:${ip.orderId}` : `ip:${ip.id}`);
  }
  return { items: [...items].sort(), immediate: false };
}
