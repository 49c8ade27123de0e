/**
 * Dialect B routes: orders (#27–#30), payment methods (#31), products (#34). Renewals are priced per
 * IP from the type-19 product of the IP's line (usd price per month); paying from the balance moves
 * the expiries and charges once; other payment methods leave an unpaid order (nothing moves).
 * Every check/create body is recorded (state.orderCalls). Times alternate between ISO-8601 and
 * "Y-m-d H:i:s" by record id; pay_timestamp is unix seconds.
 */
import type { SimRequest, SimResponse } from '../sim-server';
import { newPurchase, productExtras } from './routes-purchase';
import {
  type BestproxyState,
  DAY_MS,
  parseTime,
  type SimOrder,
  type SimOrderCall,
  type SimProduct,
  type SimStaticIp,
  stampB,
  syncPackageExpiry,
  tradeNo,
  unixSeconds,
} from './state';
import { authed, field, intOf, money, okB, pageOf, paging, paramError, type SimContext, str } from './wire';

function addMonthsUTC(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(y, m, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()),
  );
}

const endOfNextMonthUTC = (d: Date): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 0, 23, 59, 59));

type DurationRule = { months: number } | { endOfNextMonth: true };

/** /order/check: the string enum (integers accepted leniently). */
function durationForCheck(v: unknown): DurationRule | null {
  if (v === undefined || v === null || v === '') return { months: 1 };
  if (v === '1m' || v === 1) return { months: 1 };
  if (v === '2m' || v === 2) return { months: 2 };
  if (v === 'em') return { endOfNextMonth: true };
  return null;
}

/** /order/create: one form only, as configured (the doc types it integer). */
function durationForCreate(v: unknown, form: BestproxyState['createDurationForm']): DurationRule | null {
  if (v === undefined || v === null || v === '') return { months: 1 };
  if (form === 'integer') return typeof v === 'number' && (v === 1 || v === 2) ? { months: v } : null;
  return typeof v === 'string' ? durationForCheck(v) : null;
}

interface Priced {
  product: SimProduct;
  ips: { ip: SimStaticIp; cents: number; next: Date }[];
  goodsCents: number;
  handlingCents: number;
  pmId: number;
  upids: number[];
}

function priceRequest(ctx: SimContext, req: SimRequest, rule: DurationRule | null): Priced | SimResponse {
  const { state } = ctx;
  const pid = intOf(field(req, 'pid'));
  const pmId = intOf(field(req, 'pm_id'));
  const errors: Record<string, string[]> = {};
  if (pid === null) errors.pid = ['The pid field is required.'];
  if (pmId === null) errors.pm_id = ['The pm id field is required.'];
  if (rule === null) errors.renew_duration = ['The renew duration format is invalid.'];
  if (Object.keys(errors).length > 0) return paramError(errors);
  const product = state.products.find((p) => p.id === pid && p.status === 1);
  if (!product) return paramError({ pid: ['商品不存在 (product not found)'] });
  const pm = state.payments.find((p) => p.id === pmId);
  if (!pm || pm.disabled) return paramError({ pm_id: ['支付方式不可用 (payment method unavailable)'] });
  const rate = (cents: number) => Math.round(cents * pm.handlingRate);

  if (product.type !== 19) {
    const amount = Math.max(1, intOf(field(req, 'amount')) ?? 1);
    const goods = product.usdCents * amount;
    return { product, ips: [], goodsCents: goods, handlingCents: rate(goods), pmId: pm.id, upids: [] };
  }
  const upids = (str(field(req, 'upids')) ?? '')
    .split(',')
    .map((s) => intOf(s.trim()))
    .filter((n): n is number => n !== null);
  if (upids.length === 0) return paramError({ upids: ['The upids field is required.'] });
  const chosen = new Map<number, SimStaticIp>();
  for (const id of upids) {
    const asIp = state.ips.filter((i) => i.id === id);
    const asPackage = state.ips.filter((i) => i.packageId === id);
    const found = asIp.length > 0 ? asIp : asPackage;
    if (found.length === 0 || found.some((i) => i.productType !== product.parentType)) {
      return paramError({ upids: [`续费对象不存在或类型不匹配: ${id}`] });
    }
    for (const i of found) chosen.set(i.id, i);
  }
  const etd = Math.max(1, intOf(field(req, 'etd')) ?? 1);
  const now = ctx.now();
  const r = rule as DurationRule;
  const extra = typeof field(req, 'renew_duration') === 'number' ? state.integerFormExtraCents : 0;
  const ips = [...chosen.values()].map((ip) => {
    const base = new Date(Math.max(ip.expiredAt.getTime(), now.getTime()));
    if ('months' in r) {
      return { ip, cents: product.usdCents * r.months * etd + extra, next: addMonthsUTC(base, r.months * etd) };
    }
    const next = endOfNextMonthUTC(base);
    const days = Math.ceil((next.getTime() - base.getTime()) / DAY_MS);
    return { ip, cents: Math.round((product.usdCents * days) / 30) + extra, next };
  });
  const goods = ips.reduce((s, x) => s + x.cents, 0);
  return { product, ips, goodsCents: goods, handlingCents: rate(goods), pmId: pm.id, upids };
}

function renderOrder(ctx: SimContext, o: SimOrder) {
  const pm = ctx.state.payments.find((p) => p.id === o.pmId);
  const total = o.goodsCents + o.handlingCents;
  return {
    id: o.id,
    trade_no: o.tradeNo,
    out_trade_no: o.outTradeNo,
    product_id: o.productId,
    product_type: o.productType,
    amount: o.amount,
    unit_price: money(ctx, o.unitPriceCents),
    total_fee: money(ctx, total + o.discountCents),
    goods_fee: money(ctx, o.goodsCents),
    pay_fee: money(ctx, total),
    discount_fee: money(ctx, o.discountCents),
    handling_fee: money(ctx, o.handlingCents),
    refund_fee: money(ctx, o.refundCents),
    pm_id: o.pmId,
    pm_title: pm?.title ?? '',
    pm_logo: pm ? `https://static.bestproxy.com/pay/${pm.group}.png` : '',
    status: o.status,
    title: o.title,
    detail: o.detail,
    region_desc: o.regionDesc,
    pay_at: o.payAt ? stampB(o.payAt, o.id, true) : null,
    pay_timestamp: o.payAt ? unixSeconds(o.payAt) : 0,
    created_at: stampB(o.createdAt, o.id),
    pay_fee_status: 0,
    invoice: {},
  };
}

function applyRenewal(ctx: SimContext, o: SimOrder): void {
  if (!o.renewal) return;
  const touched = new Set<number>();
  for (const ip of ctx.state.ips) {
    const next = o.renewal.newExpiry.get(ip.id);
    if (next) {
      ip.expiredAt = next;
      touched.add(ip.packageId);
    }
  }
  for (const id of touched) syncPackageExpiry(ctx.state, id);
}

export function registerOrderRoutes(ctx: SimContext): void {
  const { server, state } = ctx;
  const b = (h: (req: SimRequest) => SimResponse) => authed(ctx, 'B', h);
  const record = (path: SimOrderCall['path'], req: SimRequest) => {
    const { app_key: _key, ...body } = req.body;
    state.orderCalls.push({ path, body });
  };

  // #27 (page_no/page_size; data.pagination)
  server.route(
    'GET',
    '/gateway/order/list',
    b((req) => {
      const pg = paging(ctx, req, 'page_no', 'page_size');
      const q = req.query;
      const status = intOf(q.get('status'));
      const type = intOf(q.get('product_type'));
      const start = parseTime(q.get('start_time'));
      const end = parseTime(q.get('end_time'));
      const rows = state.orders
        .filter(
          (o) =>
            (!q.get('trade_no') || o.tradeNo === q.get('trade_no')) &&
            (status === null || o.status === status) &&
            (type === null || o.productType === type) &&
            (!start || o.createdAt >= start) &&
            (!end || o.createdAt < end),
        )
        .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || x.id - y.id);
      const one = pageOf(rows, pg);
      return okB({
        list: one.rows.map((o) => renderOrder(ctx, o)),
        pagination: { total: one.total, page_no: pg.page, page_size: one.pageSize, total_pages: one.totalPages },
      });
    }),
  );

  // #30 price check: nothing is created
  server.route(
    'POST',
    '/gateway/order/check',
    b((req) => {
      record('/gateway/order/check', req);
      const bought = newPurchase(ctx, req, 'check', renderOrder); // new products: routes-purchase.ts
      if (bought) return bought;
      const priced = priceRequest(ctx, req, durationForCheck(field(req, 'renew_duration')));
      if (!('product' in priced)) return priced;
      const total = priced.goodsCents + priced.handlingCents;
      return okB({
        product_id: priced.product.id,
        amount: priced.product.type === 19 ? priced.ips.length : Math.max(1, intOf(field(req, 'amount')) ?? 1),
        discount_fee: money(ctx, 0),
        total_fee: money(ctx, total),
        pay_fee: money(ctx, total),
        product_type: priced.product.type,
        title: priced.product.title,
        detail: `${priced.ips.length} IP`,
        ip_result: priced.ips.map((x) => ({
          ip: x.ip.ip,
          price: money(ctx, x.cents),
          country_code: x.ip.countryCode,
          current_time: stampB(x.ip.expiredAt, x.ip.id),
          renewal_time: stampB(x.next, x.ip.id, true),
          country: { name_zh_cn: x.ip.countryCode, flag: '', square_flag: '' },
        })),
      });
    }),
  );

  // #28 create: balance pays at once (charge + new expiry), other methods leave it unpaid
  server.route(
    'POST',
    '/gateway/order/create',
    b((req) => {
      record('/gateway/order/create', req);
      const bought = newPurchase(ctx, req, 'create', renderOrder); // new products: routes-purchase.ts
      if (bought) return bought;
      const priced = priceRequest(ctx, req, durationForCreate(field(req, 'renew_duration'), state.createDurationForm));
      if (!('product' in priced)) return priced;
      const now = ctx.now();
      const id = ++state.nextId.order;
      const pm = state.payments.find((p) => p.id === priced.pmId)!;
      const total = priced.goodsCents + priced.handlingCents;
      const o: SimOrder = {
        id,
        tradeNo: tradeNo(now, id),
        outTradeNo: '',
        productId: priced.product.id,
        productType: priced.product.type,
        title: priced.product.title,
        detail: priced.product.type === 19 ? `Renew ${priced.ips.length} IP` : priced.product.title,
        regionDesc: '',
        amount: priced.product.type === 19 ? priced.ips.length : Math.max(1, intOf(field(req, 'amount')) ?? 1),
        unitPriceCents: priced.product.usdCents,
        goodsCents: priced.goodsCents,
        handlingCents: priced.handlingCents,
        discountCents: 0,
        refundCents: 0,
        pmId: pm.id,
        status: 0,
        createdAt: now,
        payAt: null,
        ...(priced.product.type === 19
          ? {
              renewal: {
                ipIds: priced.ips.map((x) => x.ip.id),
                newExpiry: new Map(priced.ips.map((x) => [x.ip.id, x.next])),
              },
            }
          : {}),
      };
      if (pm.group === 'balance') {
        if (state.balanceCents < total) {
          return {
            json: {
              code: 400,
              message: '余额不足 (insufficient balance)',
              errors: { pm_id: ['Insufficient balance'] },
            },
          };
        }
        state.balanceCents -= total;
        server.charge({
          account: state.accountLabel,
          amountMinor: total,
          currency: 'USD',
          what: priced.product.type === 19 ? 'static IP renewal' : priced.product.title,
          items: priced.upids.map(String),
        });
        o.status = 1;
        o.payAt = now;
        applyRenewal(ctx, o);
      }
      state.orders.push(o);
      return okB(renderOrder(ctx, o));
    }),
  );

  // #29 close an unpaid order
  server.route(
    'POST',
    '/gateway/order/close',
    b((req) => {
      const t = str(field(req, 'trade_no'));
      if (!t) return paramError({ trade_no: ['The trade no field is required.'] });
      const o = state.orders.find((x) => x.tradeNo === t);
      if (!o) return paramError({ trade_no: ['订单不存在 (order not found)'] });
      if (o.status !== 0)
        return { json: { code: 400, message: '订单状态不允许关闭 (only unpaid orders can be closed)' } };
      o.status = 2;
      return okB(null);
    }),
  );

  // #31
  server.route(
    'GET',
    '/gateway/payment/list',
    b(() =>
      okB({
        list: state.payments.map((p) => ({
          id: p.id,
          title: p.title,
          logo: `https://static.bestproxy.com/pay/${p.group}.png`,
          group: p.group,
          handling_rate: p.handlingRate,
          handling_fee: 0,
          disabled: p.disabled,
          min: 1,
          max: 10000,
        })),
      }),
    ),
  );

  // #34: data is a bare array
  server.route(
    'GET',
    '/gateway/product',
    b((req) => {
      const type = intOf(req.query.get('type'));
      const parent = intOf(req.query.get('parent_product_type'));
      return okB(
        state.products
          .filter((p) => (type === null || p.type === type) && (parent === null || p.parentType === parent))
          .map((p) => ({
            id: p.id,
            title: p.title,
            type: p.type,
            show_type: p.showType,
            status: p.status,
            price: money(ctx, p.cnyCents),
            usd_price: money(ctx, p.usdCents),
            preferred_currency: 'usd',
            support_currencies: 'usd,cny',
            flow_value: p.flowGb,
            time_days: p.timeDays,
            renew_product_list: '',
            parent_product_type: p.parentType,
            extension_of_time_days: [1],
            ...productExtras(ctx, p),
          })),
      );
    }),
  );
}
