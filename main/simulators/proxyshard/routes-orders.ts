/**
 * ProxyShard "General" routes (seed 001, doc §3.1): account, the order list and detail, renewal, tags,
 * billing cycle and auto-renewal. Buying (products, stock, prices, purchase, add-ons, residential
 * bandwidth) is in routes-purchase.ts.
 */
import { type Api, int, ok, P, pageOf, type RouteContext, str, units } from './routes-common';
import { detail, listItem } from './serialize';
import { isStatic, orderOf, priceOf, productOf, renewOrder, SimFail } from './state';

export function registerOrderRoutes(ctx: RouteContext, api: Api): void {
  const { server } = ctx;
  const { money } = units(server);
  const now = (): Date => server.now();

  server.route(
    'GET',
    `${P}/me`,
    api((_req, acc) =>
      ok({
        email: acc.email,
        active_orders: [...acc.orders.values()].filter((o) => o.status === 'active').length,
        wallet_balance: acc.rawWalletBalance ?? money(acc.walletCents),
      }),
    ),
  );

  server.route(
    'POST',
    `${P}/orders/change-billing-cycle/:id`,
    api((req, acc) => {
      const o = orderOf(acc, req.params.id ?? '');
      if (!isStatic(o)) throw new SimFail(400, 'This operation is available only for Datacenter & ISP proxies');
      const cycle = str(req.body.cycle);
      if (!cycle) throw new SimFail(400, 'cycle is required');
      const p = productOf(acc, o.product);
      if (!p.cycles[cycle]) throw new SimFail(403, 'This cycle is not available for this user');
      const promoOk = o.promoCode !== null && cycle === 'monthly';
      if (!promoOk) o.promoCode = null;
      o.cycle = cycle;
      const price = priceOf(acc, {
        product: p.name,
        location: null,
        cycle,
        quantity: o.quantity,
        promoCode: o.promoCode,
        addons: [],
      });
      o.pricePaid = price.final_price;
      return ok({
        success: true,
        message: 'Billing cycle changed',
        order_id: o.id,
        original_price: money(price.original_price),
        final_price: money(price.final_price),
        discount_percent: price.discount_percent,
      });
    }),
  );

  server.route(
    'POST',
    `${P}/orders/edit-auto-renewal/:id`,
    api((req, acc) => {
      const o = orderOf(acc, req.params.id ?? '');
      if (!isStatic(o)) throw new SimFail(400, 'Invalid product for this operation');
      const v = req.query.get('auto_renewal');
      if (v !== 'true' && v !== 'false') throw new SimFail(400, 'auto_renewal query parameter is required');
      o.autoRenewal = v === 'true';
      return ok({ success: true, message: 'Auto renewal updated' });
    }),
  );

  server.route(
    'GET',
    `${P}/orders`,
    api((req, acc) => {
      const status = req.query.get('status');
      if (!status || !['active', 'on-hold', 'cancelled', 'all'].includes(status)) {
        throw new SimFail(400, 'status must be one of active | on-hold | cancelled | all');
      }
      const limit = int(req.query.get('limit')) ?? 20;
      if (limit < 1 || limit > 100) throw new SimFail(400, 'limit must be between 1 and 100');
      const all = [...acc.orders.values()]
        .filter((o) => status === 'all' || o.status === status)
        .sort((a, b) => b.id - a.id);
      const { offset, page, rows } = pageOf(ctx, all, req);
      const link = (off: number) => `${P}/orders?status=${status}&offset=${off}&limit=${limit}`;
      return ok({
        success: true,
        orders: rows.map((o) => listItem(acc, o)),
        count: rows.length,
        prev: offset > 0 ? link(Math.max(0, offset - page)) : null,
        next: offset + page < all.length ? link(offset + page) : null,
      });
    }),
  );

  server.route(
    'GET',
    `${P}/orders/:id`,
    api((req, acc) => ok({ success: true, order: detail(acc, orderOf(acc, req.params.id ?? ''), money) })),
  );

  server.route(
    'POST',
    `${P}/orders/:id/renew`,
    api((req, acc) => {
      const o = orderOf(acc, req.params.id ?? '');
      const cents = renewOrder(acc, o, now());
      server.charge({ account: acc.apiKey, amountMinor: cents, currency: 'USD', what: 'renew', items: [String(o.id)] });
      return ok({ success: true, message: 'Order renewed successfully' });
    }),
  );

  server.route(
    'POST',
    `${P}/orders/:id/tag`,
    api((req, acc) => {
      const o = orderOf(acc, req.params.id ?? '');
      const tag = typeof req.body.tag === 'string' ? req.body.tag : null;
      if (tag === null) throw new SimFail(400, 'tag is required');
      o.tag = tag === 'none' || tag === '' ? null : tag.slice(0, 64);
      return ok({ success: true, message: 'Order tag updated' });
    }),
  );
}
