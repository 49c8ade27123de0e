/**
 * Buying new products (reference §3.6–§3.8): stock per country (#25 static-ip-region, #26
 * host-pool/regions, dialect A), payment groups (#32) and top-up bonus tiers (#33, dialect B), the
 * #34 fields new purchases need (etd multipliers, stock counts, type 11 SKUs), and #30 / #28 for new
 * products (routes-orders.ts hands them over through `newPurchase`; renewals and top-ups stay there).
 *
 * Static IPs are ordered by `region_list` ("CC,qty[,ASN]|…") within the country's stock; type 11 by
 * its bandwidth / concurrency (/ duration) SKUs; the rest as `amount` packages. `etd` must be one of the
 * product's multipliers; an unknown coupon is the documented parameter error. Paying from the balance
 * charges once, marks the order paid, takes the IPs out of stock and creates the package (and its IPs);
 * any other method leaves the order unpaid and the stock untouched (assumption: stock is taken at payment).
 */
import type { SimRequest, SimResponse } from '../sim-server';
import { seedPurchase } from './seed-purchase';
import {
  type BestproxyState,
  DAY_MS,
  type SimOrder,
  type SimPaymentMethod,
  type SimProduct,
  type SimPurchaseState,
  type SimSku,
  tradeNo,
} from './state';
import { authed, field, intOf, money, okA, okB, paramError, type SimContext, str } from './wire';

const NEW_TYPES: ReadonlySet<number> = new Set([9, 11, 12, 13, 14, 15, 16, 17, 21, 25]);
const GB_KB = 1024 * 1024;

/** The purchase state, seeded on first use (seed-purchase.ts). */
export const purchaseOf = (state: BestproxyState): SimPurchaseState => {
  state.purchase ??= seedPurchase(state);
  return state.purchase;
};

/** The #34 fields of new purchases, spread over a product row (routes-orders.ts). */
export function productExtras(ctx: SimContext, p: SimProduct): Record<string, unknown> {
  const ex = purchaseOf(ctx.state).extras.get(p.id);
  if (!ex) return {};
  const skus = (list: SimSku[]) =>
    list.map((s) => ({
      id: s.id,
      value: s.value,
      price: money(ctx, s.usdCents * 7),
      price_usd: money(ctx, s.usdCents),
    }));
  return {
    extension_of_time_days: ex.etd,
    time_days_price_rate: ex.etdRate,
    total_count: ex.totalCount,
    remain_count: ex.remainCount,
    desc: { subtitle: ex.subtitle, flow_value: p.flowGb, introduce: [] },
    ...(ex.sku
      ? {
          sku: {
            bandwidth_list: skus(ex.sku.bandwidth),
            concurrency_list: skus(ex.sku.concurrency),
            duration_list: skus(ex.sku.duration),
          },
        }
      : {}),
  };
}

interface Priced {
  product: SimProduct;
  pm: SimPaymentMethod;
  amount: number;
  regions: { cc: string; qty: number }[];
  /** Before the coupon. */
  grossCents: number;
  discountCents: number;
  handlingCents: number;
  days: number;
}

const stockOf = (pur: SimPurchaseState, type: number) =>
  type === 25 ? pur.staticStock.residential : pur.staticStock.datacenter;

function parseRegions(v: unknown): { cc: string; qty: number }[] | null {
  const s = str(v)?.trim();
  if (!s) return null;
  const out: { cc: string; qty: number }[] = [];
  for (const part of s.split('|')) {
    const [cc, qty, asn, extra] = part.split(',').map((x) => x.trim());
    const n = intOf(qty);
    if (!cc || !/^[A-Za-z]{2}$/.test(cc) || n === null || n < 1 || extra !== undefined) return null;
    if (asn !== undefined && intOf(asn) === null) return null;
    out.push({ cc: cc.toUpperCase(), qty: n });
  }
  return out;
}

function price(ctx: SimContext, req: SimRequest, product: SimProduct): Priced | SimResponse {
  const { state } = ctx;
  const pur = purchaseOf(state);
  const ex = pur.extras.get(product.id);
  const pmId = intOf(field(req, 'pm_id'));
  if (pmId === null) return paramError({ pm_id: ['The pm id field is required.'] });
  const pm = state.payments.find((p) => p.id === pmId);
  if (!pm || pm.disabled) return paramError({ pm_id: ['支付方式不可用 (payment method unavailable)'] });
  if (product.showType === 3) return paramError({ pid: ['该套餐需定制，无法直接购买 (custom plan, not for sale)'] });

  let factor = 1;
  const etd = intOf(field(req, 'etd'));
  if (etd !== null && etd !== 1) {
    if (!ex || ex.etd.length <= 1 || !ex.etd.includes(etd)) return paramError({ etd: ['时长倍数无效 (invalid etd)'] });
    factor = 1 + (etd - 1) * ex.etdRate;
  }
  let amount = 1;
  let regions: { cc: string; qty: number }[] = [];
  let base: number;
  let days = product.timeDays * Math.max(1, etd ?? 1);
  if (product.type === 14 || product.type === 25) {
    const parsed = parseRegions(field(req, 'region_list'));
    if (!parsed) return paramError({ region_list: ['The region list format is invalid (CC,qty[,ASN]|…).'] });
    const stock = stockOf(pur, product.type);
    for (const r of parsed) {
      if (r.qty > (stock.get(r.cc) ?? 0)) return paramError({ region_list: [`库存不足: ${r.cc} (not enough stock)`] });
    }
    regions = parsed;
    amount = parsed.reduce((s, r) => s + r.qty, 0);
    base = product.usdCents * amount;
  } else if (product.type === 11) {
    const lists = ex?.sku;
    if (!lists) return paramError({ pid: ['商品规格缺失 (no SKUs)'] });
    const pickSku = (key: string, list: SimSku[]) => list.find((s) => s.id === intOf(field(req, key)));
    const bw = pickSku('product_sku_bandwidth_id', lists.bandwidth);
    const cc = pickSku('product_sku_concurrency_id', lists.concurrency);
    const dur = lists.duration.length > 0 ? pickSku('product_sku_duration_id', lists.duration) : undefined;
    const errors: Record<string, string[]> = {};
    if (!bw) errors.product_sku_bandwidth_id = ['The bandwidth specification is invalid.'];
    if (!cc) errors.product_sku_concurrency_id = ['The concurrency specification is invalid.'];
    if (lists.duration.length > 0 && !dur) errors.product_sku_duration_id = ['The duration specification is invalid.'];
    if (Object.keys(errors).length > 0) return paramError(errors);
    base = bw!.usdCents + cc!.usdCents + (dur?.usdCents ?? 0);
    if (dur) days = dur.value * Math.max(1, etd ?? 1);
  } else {
    const n = field(req, 'amount') === undefined ? 1 : intOf(field(req, 'amount'));
    if (n === null || n < 1) return paramError({ amount: ['The amount must be at least 1.'] });
    if (ex && ex.totalCount > 0 && n > ex.remainCount) return paramError({ amount: ['库存不足 (not enough stock)'] });
    amount = n;
    base = product.usdCents * amount;
  }
  const gross = Math.round(base * factor);
  let discount = 0;
  const coupon = str(field(req, 'coupon_sn'))?.trim();
  if (coupon) {
    const pct = pur.coupons.get(coupon.toUpperCase());
    if (pct === undefined) return paramError({ coupon_sn: ['优惠券无效 (invalid coupon)'] });
    discount = Math.round((gross * pct) / 100);
  }
  const handling = Math.round((gross - discount) * pm.handlingRate);
  return { product, pm, amount, regions, grossCents: gross, discountCents: discount, handlingCents: handling, days };
}

const regionDesc = (p: Priced) => p.regions.map((r) => `${r.cc} x${r.qty}`).join(', ');

/** Paid from the balance: stock leaves, the package (and its IPs) appears. */
function deliver(ctx: SimContext, o: SimOrder, p: Priced): void {
  const { state } = ctx;
  const pur = purchaseOf(state);
  const now = ctx.now();
  const pkgId = ++state.nextId.package;
  state.packages.push({
    id: pkgId,
    productType: p.product.type,
    tradeNo: o.tradeNo,
    title: p.product.title,
    createdAt: now,
    expiredAt: new Date(now.getTime() + Math.max(1, p.days) * DAY_MS),
    totalKb: p.product.flowGb * GB_KB * p.amount,
    usedKb: 0,
  });
  const ex = pur.extras.get(p.product.id);
  if (ex && ex.totalCount > 0) ex.remainCount = Math.max(0, ex.remainCount - p.amount);
  if (p.regions.length === 0) return;
  const stock = stockOf(pur, p.product.type);
  let nextIp = Math.max(30_000, ...state.ips.map((i) => i.id));
  for (const r of p.regions) {
    stock.set(r.cc, Math.max(0, (stock.get(r.cc) ?? 0) - r.qty));
    for (let i = 0; i < r.qty; i++) {
      const id = ++nextIp;
      state.ips.push({
        id,
        ip: `198.18.${pkgId % 256}.${(id % 254) + 1}`,
        port: 8000,
        socksPort: 9000,
        username: `bpn${id.toString(36)}`,
        password: `pw${(id * 7919).toString(36)}`,
        countryCode: r.cc,
        productType: p.product.type as 14 | 25,
        packageId: pkgId,
        tradeNo: o.tradeNo,
        createdAt: now,
        expiredAt: new Date(now.getTime() + Math.max(1, p.days) * DAY_MS),
        maintenance: false,
      });
    }
  }
}

/**
 * #30 / #28 for a new product (called by routes-orders.ts after recording the body): the answer, or
 * null when the pid is not a new product (renewals, top-ups and unknown pids stay with routes-orders).
 * `renderOrder` is routes-orders.ts's Order renderer (passed in: no import cycle).
 */
export function newPurchase(
  ctx: SimContext,
  req: SimRequest,
  mode: 'check' | 'create',
  renderOrder: (ctx: SimContext, o: SimOrder) => unknown,
): SimResponse | null {
  const { state, server } = ctx;
  const pid = intOf(field(req, 'pid'));
  const product = state.products.find((p) => p.id === pid && p.status === 1);
  if (!product || !NEW_TYPES.has(product.type)) return null;
  const p = price(ctx, req, product);
  if (!('product' in p)) return p;
  const payCents = p.grossCents - p.discountCents + p.handlingCents;
  if (mode === 'check') {
    return okB({
      product_id: product.id,
      amount: p.amount,
      discount_fee: money(ctx, p.discountCents),
      total_fee: money(ctx, p.grossCents + p.handlingCents),
      pay_fee: money(ctx, payCents),
      product_type: product.type,
      title: product.title,
      detail: p.regions.length > 0 ? regionDesc(p) : `${p.amount} × ${product.title}`,
      ip_result: [],
    });
  }
  const now = ctx.now();
  const id = ++state.nextId.order;
  const o: SimOrder = {
    id,
    tradeNo: tradeNo(now, id),
    outTradeNo: '',
    productId: product.id,
    productType: product.type,
    title: product.title,
    detail: `${p.amount} × ${product.title}`,
    regionDesc: regionDesc(p),
    amount: p.amount,
    unitPriceCents: product.usdCents,
    goodsCents: p.grossCents - p.discountCents,
    handlingCents: p.handlingCents,
    discountCents: p.discountCents,
    refundCents: 0,
    pmId: p.pm.id,
    status: 0,
    createdAt: now,
    payAt: null,
  };
  if (p.pm.group === 'balance') {
    if (state.balanceCents < payCents) {
      return {
        json: { code: 400, message: '余额不足 (insufficient balance)', errors: { pm_id: ['Insufficient balance'] } },
      };
    }
    state.balanceCents -= payCents;
    server.charge({
      account: state.accountLabel,
      amountMinor: payCents,
      currency: 'USD',
      what: product.title,
      items: [o.tradeNo],
    });
    o.status = 1;
    o.payAt = now;
    deliver(ctx, o, p);
  }
  state.orders.push(o);
  return okB(renderOrder(ctx, o));
}

export function registerPurchaseRoutes(ctx: SimContext): void {
  const { server, state } = ctx;
  const pur = purchaseOf(state);
  const a = (h: (req: SimRequest) => SimResponse) => authed(ctx, 'A', h);
  const b = (h: (req: SimRequest) => SimResponse) => authed(ctx, 'B', h);

  // #25: isp 1 residential, 0 datacenter, unset = both
  server.route(
    'GET',
    '/gateway/ip/static-ip-region',
    a((req) => {
      const isp = intOf(req.query.get('isp'));
      const merged = new Map<string, number>();
      const add = (m: Map<string, number>) => {
        for (const [cc, n] of m) merged.set(cc, (merged.get(cc) ?? 0) + n);
      };
      if (isp !== 0) add(pur.staticStock.residential);
      if (isp !== 1) add(pur.staticStock.datacenter);
      return okA({ list: [...merged].map(([code, number]) => ({ code, number })) });
    }),
  );

  // #26
  server.route(
    'GET',
    '/gateway/host-pool/regions',
    a(() =>
      okA({
        list: [...pur.hostPool].map(([code, r]) => ({
          code,
          number: r.number,
          name_zh_cn: r.name,
          name_en: r.name,
          square_flag: `https://static.bestproxy.com/flags/${code.toLowerCase()}.png`,
        })),
      }),
    ),
  );

  // #32: items are #31 rows
  server.route(
    'GET',
    '/gateway/payment/groups',
    b(() =>
      okB({
        list: pur.groups.map((g) => ({
          name: g.name,
          logos: g.ids.map((id) => `https://static.bestproxy.com/pay/${id}.png`),
          items: state.payments
            .filter((p) => g.ids.includes(p.id))
            .map((p) => ({ id: p.id, title: p.title, group: p.group, disabled: p.disabled })),
        })),
      }),
    ),
  );

  // #33 (item shape undocumented)
  server.route(
    'GET',
    '/gateway/activity/balance-recharge-gift-ratio',
    b(() => okB({ list: pur.giftTiers })),
  );
}
