/**
 * ProxyShard's documented User API on SimServer: `/user/api/*`, Bearer auth, the actix
 * Content-Length quirk, the several response shapes and `{success:false,message}` errors.
 *
 * wrong_units fault: money fields come back in dollars (decimal) instead of cents, and traffic
 * fields (profile, sub-users) in GB instead of bytes.
 */
import type { SimHandler, SimRequest, SimResponse, SimServer } from '../sim-server';
import {
  DAY_MS,
  debit,
  GIB,
  isStatic,
  orderOf,
  poolOf,
  poolRemain,
  priceOf,
  productByName,
  productOf,
  renewOrder,
  type SimAccount,
  SimFail,
  type SimOrder,
  type SimSubUser,
  subUserOf,
} from './state';

const P = '/user/api';

/** One POST/PATCH as received: tests prove the client sends `{}` with a Content-Length. */
export interface WriteLogEntry {
  method: string;
  path: string;
  query: string;
  contentLength: string | undefined;
  body: string;
}

export interface RouteContext {
  server: SimServer;
  account: () => SimAccount;
  writes: WriteLogEntry[];
  /** Orders per page cap (the vendor allows 1..100); tests lower it to exercise paging. */
  maxPageSize: number;
}

const ok = (json: unknown): SimResponse => ({ status: 200, json });
const fail = (status: number, message: string): SimResponse => ({ status, json: { success: false, message } });

const iso = (d: Date | null): string | null => (d ? d.toISOString().replace('.000Z', 'Z') : null);
/** `until` per IP uses the "string date" form the spec allows. */
const plainDate = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 19).replace('T', ' ') : null);

export function registerRoutes(ctx: RouteContext): void {
  const { server } = ctx;
  const money = (cents: number): number => (server.wrongUnits ? cents / 100 : cents);
  const traffic = (bytes: number): number => (server.wrongUnits ? Math.round((bytes / GIB) * 100) / 100 : bytes);
  const now = (): Date => server.now();

  /** Framework quirk, then auth, then the handler; vendor-rule failures become the error body. */
  const api =
    (h: (req: SimRequest, acc: SimAccount) => SimResponse): SimHandler =>
    (req) => {
      if ((req.method === 'POST' || req.method === 'PATCH') && !req.hasContentLength) {
        return {
          status: 411,
          raw: 'no Content-Length specified',
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        };
      }
      const acc = ctx.account();
      if (req.headers.authorization !== `Bearer ${acc.apiKey}`) return fail(401, 'Invalid or missing API key');
      if (req.method !== 'GET') {
        ctx.writes.push({
          method: req.method,
          path: req.path,
          query: req.query.toString(),
          contentLength: req.headers['content-length'],
          body: req.text,
        });
      }
      try {
        return h(req, acc);
      } catch (e) {
        if (e instanceof SimFail) return fail(e.status, e.message);
        throw e;
      }
    };

  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const int = (v: unknown): number | null => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : Number.NaN;
    return Number.isInteger(n) ? n : null;
  };

  const listItem = (acc: SimAccount, o: SimOrder) => {
    const p = productOf(acc, o.product);
    return {
      order_id: o.id,
      product_id: p.id,
      product_name: p.name,
      cycle_id: p.cycles[o.cycle]?.id ?? 0,
      cycle_name: o.cycle,
      expires_at: iso(o.expiresAt),
      auto_renewal: o.autoRenewal,
      tag: o.tag,
    };
  };

  const addonsOut = (o: SimOrder) =>
    o.addons.map((a) => ({
      addon_key: a.addonKey,
      catalog_id: a.catalogId,
      qty: a.qty,
      price_per_unit: money(a.pricePerUnit),
      pending: a.pending,
    }));

  const detail = (acc: SimAccount, o: SimOrder) => {
    const slots = o.addons.find((a) => a.addonKey === 'p0f_slots');
    return {
      order_id: o.id,
      product_name: productOf(acc, o.product).name,
      cycle_name: o.cycle,
      quantity: o.quantity,
      price_paid: money(o.pricePaid),
      addons_price_paid: money(o.addonsPricePaid),
      addons: addonsOut(o),
      p0f_slots_available: slots?.qty ?? 0,
      p0f_slots_used: o.ips.filter((ip) => ip.signature).length,
      p0f_slots_next: slots ? (slots.pending?.next_qty ?? slots.qty) : 0,
      status: o.status,
      created_at: iso(o.createdAt),
      expires_at: iso(o.expiresAt),
      promo_code: o.promoCode,
      auto_renewal: o.autoRenewal,
      tag: o.tag,
    };
  };

  const staticOrder = (acc: SimAccount, id: string): SimOrder => {
    const o = orderOf(acc, id);
    if (!isStatic(o)) throw new SimFail(400, 'This operation is available only for Datacenter & ISP proxies');
    return o;
  };

  // ---------------------------------------------------------------- health (no auth)
  server.route('GET', '/health', () => ok({ status: 'ok' }));
  server.route('GET', '/health/live', () => ok({ status: 'ok' }));

  // ---------------------------------------------------------------- general
  server.route(
    'GET',
    `${P}/me`,
    api((_req, acc) =>
      ok({
        email: acc.email,
        active_orders: [...acc.orders.values()].filter((o) => o.status === 'active').length,
        wallet_balance: money(acc.walletCents),
      }),
    ),
  );

  server.route(
    'GET',
    `${P}/proxies/products`,
    api((_req, acc) =>
      ok({
        success: true,
        products: acc.products.flatMap((p) => {
          const row = (location: string | null) => ({
            name: p.name,
            description: p.description,
            location,
            cycles: Object.keys(p.cycles),
          });
          return p.locations.length ? p.locations.map(row) : [row(null)];
        }),
      }),
    ),
  );

  server.route(
    'GET',
    `${P}/proxies/available-count`,
    api((_req, acc) =>
      ok(
        acc.products
          .filter((p) => p.key === 'dc' || p.key === 'isp')
          .flatMap((p) =>
            p.locations.map((country, i) => ({ country, product: p.key, amount: 40 + ((i * 137) % 900) })),
          ),
      ),
    ),
  );

  server.route(
    'GET',
    `${P}/orders/calculate`,
    api((req, acc) => {
      let addons: { addon_key: string; qty: number }[] = [];
      const rawAddons = req.query.get('addons_json');
      if (rawAddons) {
        try {
          addons = JSON.parse(rawAddons) as { addon_key: string; qty: number }[];
        } catch {
          throw new SimFail(400, 'addons_json is not valid JSON');
        }
      }
      const out = priceOf(acc, {
        product: req.query.get('product'),
        location: req.query.get('location'),
        cycle: req.query.get('cycle'),
        quantity: int(req.query.get('quantity')),
        promoCode: req.query.get('promo_code'),
        addons,
      });
      return ok({
        original_price: money(out.original_price),
        final_price: money(out.final_price),
        discount_percent: out.discount_percent,
        addons_price: money(out.addons_price),
        total_with_addons: money(out.total_with_addons),
      });
    }),
  );

  server.route(
    'POST',
    `${P}/orders/purchase`,
    api((req, acc) => {
      const b = req.body;
      const p = productByName(acc, str(b.product));
      const isStaticProduct = p.key === 'dc' || p.key === 'isp';
      const location = str(b.location);
      if (isStaticProduct && !location) throw new SimFail(400, 'location is required for Datacenter & ISP proxies');
      const cycle = str(b.cycle) ?? (p.cycles.lifetime ? 'lifetime' : null);
      const addons = Array.isArray(b.addons) ? (b.addons as { addon_key: string; qty: number }[]) : [];
      const qty = int(b.quantity) ?? 1;
      const price = priceOf(acc, {
        product: p.name,
        location,
        cycle,
        quantity: qty,
        promoCode: str(b.promo_code),
        addons,
      });
      if (isStaticProduct && location && qty > 500) throw new SimFail(400, 'Insufficient stock');
      debit(acc, price.total_with_addons);
      const id = acc.nextOrderId;
      acc.nextOrderId += 7;
      const days = p.cycles[cycle ?? '']?.days ?? null;
      const order: SimOrder = {
        id,
        product: p.key,
        cycle: cycle ?? 'lifetime',
        location,
        quantity: qty,
        pricePaid: price.final_price,
        addonsPricePaid: price.addons_price,
        addons: addons.map((a) => ({
          addonKey: a.addon_key,
          catalogId: 7,
          qty: a.qty,
          pricePerUnit: p.p0fCents ?? 0,
          pending: null,
        })),
        status: 'active',
        createdAt: now(),
        expiresAt: days === null ? null : new Date(now().getTime() + days * DAY_MS),
        promoCode: str(b.promo_code),
        autoRenewal: b.auto_renewal === true,
        tag: null,
        ips: isStaticProduct
          ? Array.from({ length: qty }, (_, i) => ({
              ip: `45.86.${(id % 250) + 1}.${(i % 250) + 2}`,
              username: `psu${id}`,
              password: `pw${id}x${i}`,
              httpPort: 50_000 + (id % 1000) * 2,
              socksPort: 50_001 + (id % 1000) * 2,
              status: 'active',
              signature: null,
              delNp: false,
            }))
          : [],
      };
      acc.orders.set(id, order);
      const tier = p.key === 'standart' || p.key === 'premium' ? acc.pools[p.key] : undefined;
      if (tier) tier.dataBytes += qty * GIB;
      server.charge({
        account: acc.apiKey,
        amountMinor: price.total_with_addons,
        currency: 'USD',
        what: 'purchase',
        items: [String(id)],
      });
      return ok({ success: true, message: 'Order paid successfully', order_id: id });
    }),
  );

  server.route(
    'POST',
    `${P}/orders/change-billing-cycle/:id`,
    api((req, acc) => {
      const o = staticOrder(acc, req.params.id ?? '');
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
      const offset = Math.max(0, int(req.query.get('offset')) ?? 0);
      const limit = int(req.query.get('limit')) ?? 20;
      if (limit < 1 || limit > 100) throw new SimFail(400, 'limit must be between 1 and 100');
      const page = Math.min(limit, ctx.maxPageSize);
      const all = [...acc.orders.values()]
        .filter((o) => status === 'all' || o.status === status)
        .sort((a, b) => b.id - a.id);
      const rows = all.slice(offset, offset + page);
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
    api((req, acc) => ok({ success: true, order: detail(acc, orderOf(acc, req.params.id ?? '')) })),
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

  server.route(
    'POST',
    `${P}/orders/:id/add-bandwidth`,
    api((req, acc) => {
      const o = orderOf(acc, req.params.id ?? '');
      if (o.product !== 'standart' && o.product !== 'premium')
        throw new SimFail(400, 'Invalid product for this operation');
      const gb = int(req.body.amount);
      if (gb === null || gb < 1) throw new SimFail(400, 'amount must be a positive integer (GB)');
      const price = priceOf(acc, {
        product: productOf(acc, o.product).name,
        location: null,
        cycle: 'lifetime',
        quantity: gb,
        promoCode: str(req.body.promo_code),
        addons: [],
      });
      debit(acc, price.final_price);
      poolOf(acc, o.product).dataBytes += gb * GIB;
      o.quantity += gb;
      server.charge({
        account: acc.apiKey,
        amountMinor: price.final_price,
        currency: 'USD',
        what: 'add-bandwidth',
        items: [String(o.id)],
      });
      return ok({ success: true, message: 'Order paid successfully' });
    }),
  );

  // ---------------------------------------------------------------- DC & ISP
  server.route(
    'GET',
    `${P}/proxies/active`,
    api((req, acc) => {
      const o = orderOf(acc, req.query.get('order_id') ?? '');
      if (!isStatic(o)) return fail(403, 'This method is not available for this order');
      return ok({
        success: true,
        data: o.ips.map((ip) => ({
          ip: ip.ip,
          username: ip.username,
          password: ip.password,
          http_port: ip.httpPort,
          socks_port: ip.socksPort,
          until: plainDate(o.expiresAt),
          status: ip.status,
          signature: ip.signature,
        })),
        order_tag: o.tag,
      });
    }),
  );

  server.route(
    'POST',
    `${P}/orders/:id/signature/set`,
    api((req, acc) => {
      const o = staticOrder(acc, req.params.id ?? '');
      const items = Array.isArray(req.body.items) ? (req.body.items as { ip?: string; signature?: string }[]) : [];
      if (!items.length) throw new SimFail(400, 'items is required');
      const slots = o.addons.find((a) => a.addonKey === 'p0f_slots')?.qty ?? 0;
      let used = o.ips.filter((ip) => ip.signature).length;
      let updated = 0;
      for (const it of items) {
        const ip = o.ips.find((x) => x.ip === it.ip);
        if (!ip) throw new SimFail(400, `IP ${it.ip ?? ''} is not in this order`);
        if (!['ios', 'macos', 'android', 'linux', 'win10', 'win11'].includes(it.signature ?? '')) {
          throw new SimFail(400, 'Invalid signature value');
        }
        if (!ip.signature) {
          if (used >= slots) throw new SimFail(400, 'Not enough p0f slots');
          used++;
        }
        ip.signature = it.signature ?? null;
        updated++;
      }
      return ok({ success: true, message: 'Signatures updated', updated });
    }),
  );

  server.route(
    'POST',
    `${P}/orders/:id/del-np/set`,
    api((req, acc) => {
      const o = staticOrder(acc, req.params.id ?? '');
      const items = Array.isArray(req.body.items) ? (req.body.items as { ip?: string; value?: boolean }[]) : [];
      if (!items.length) throw new SimFail(400, 'items is required');
      const marks = new Map(o.ips.map((ip) => [ip.ip, ip.delNp]));
      for (const it of items) {
        if (!marks.has(it.ip ?? '')) throw new SimFail(400, `IP ${it.ip ?? ''} is not in this order`);
        marks.set(it.ip ?? '', it.value === true);
      }
      const keep = [...marks.values()].filter((v) => !v).length;
      if (keep === 0) throw new SimFail(400, 'keep=0: at least one IP must stay');
      for (const ip of o.ips) ip.delNp = marks.get(ip.ip) ?? false;
      const unit = productOf(acc, o.product).cycles[o.cycle]?.unitCents ?? 0;
      o.quantity = keep;
      o.pricePaid = unit * keep;
      return ok({ success: true, message: 'Updated' });
    }),
  );

  const addonLine = (o: SimOrder, key: string) => {
    if (key !== 'p0f_slots') throw new SimFail(400, `Unknown add-on ${key}`);
    return o.addons.find((a) => a.addonKey === key);
  };

  server.route(
    'GET',
    `${P}/orders/:id/addons/calculate`,
    api((req, acc) => {
      const o = staticOrder(acc, req.params.id ?? '');
      if (o.status !== 'active') throw new SimFail(400, 'Order must be active');
      const key = req.query.get('addon_key') ?? '';
      const addQty = int(req.query.get('add_qty'));
      if (addQty === null || addQty < 1) throw new SimFail(400, 'add_qty must be at least 1');
      const line = addonLine(o, key);
      const unit = productOf(acc, o.product).p0fCents ?? 0;
      return ok({
        success: true,
        addon_key: key,
        catalog_id: 7,
        price_per_unit: money(unit),
        current_qty: line?.qty ?? 0,
        add_qty: addQty,
        new_qty: (line?.qty ?? 0) + addQty,
        add_total: money(unit * addQty),
      });
    }),
  );

  server.route(
    'POST',
    `${P}/orders/:id/addons/purchase`,
    api((req, acc) => {
      const o = staticOrder(acc, req.params.id ?? '');
      if (o.status !== 'active') throw new SimFail(400, 'Order must be active');
      const key = str(req.body.addon_key) ?? '';
      const addQty = int(req.body.add_qty);
      if (addQty === null || addQty < 1) throw new SimFail(400, 'add_qty must be at least 1');
      const unit = productOf(acc, o.product).p0fCents ?? 0;
      let line = addonLine(o, key);
      debit(acc, unit * addQty);
      if (!line) {
        line = { addonKey: key, catalogId: 7, qty: 0, pricePerUnit: unit, pending: null };
        o.addons.push(line);
      }
      line.qty += addQty;
      o.addonsPricePaid += unit * addQty;
      server.charge({
        account: acc.apiKey,
        amountMinor: unit * addQty,
        currency: 'USD',
        what: 'addon',
        items: [String(o.id)],
      });
      return ok({
        success: true,
        message: 'Add-on purchased',
        addons_price_paid: money(o.addonsPricePaid),
        addons: addonsOut(o),
      });
    }),
  );

  server.route(
    'POST',
    `${P}/orders/:id/addons/schedule`,
    api((req, acc) => {
      const o = staticOrder(acc, req.params.id ?? '');
      const line = addonLine(o, str(req.body.addon_key) ?? '');
      const next = int(req.body.next_qty);
      if (!line) throw new SimFail(400, 'Add-on is not active on this order');
      if (req.body.action !== 'downgrade') throw new SimFail(400, 'action must be downgrade');
      if (next === null || next < 1 || next >= line.qty)
        throw new SimFail(400, 'next_qty must be less than current qty');
      line.pending = { action: 'downgrade', next_qty: next };
      return ok({ success: true, message: 'Downgrade scheduled', addons: addonsOut(o) });
    }),
  );

  server.route(
    'POST',
    `${P}/orders/:id/addons/schedule/cancel`,
    api((req, acc) => {
      const o = staticOrder(acc, req.params.id ?? '');
      const line = addonLine(o, str(req.body.addon_key) ?? '');
      if (line) line.pending = null;
      return ok({ success: true, message: 'Pending downgrade cleared', addons: addonsOut(o) });
    }),
  );

  // ---------------------------------------------------------------- residential
  server.route(
    'GET',
    `${P}/proxies/profile`,
    api((req, acc) => {
      const pool = poolOf(acc, req.query.get('proxy_type'));
      return ok({
        success: true,
        data: traffic(pool.dataBytes),
        data_remain: traffic(poolRemain(pool)),
        data_spent: traffic(pool.spentBytes),
        proxy_password: pool.proxyPassword,
      });
    }),
  );

  const userOut = (u: SimSubUser, withId: boolean, withRemain: boolean) => ({
    ...(withId ? { user_id: u.userId } : {}),
    first_name: u.firstName,
    proxy_password: u.proxyPassword,
    data: traffic(u.dataBytes),
    data_spent: traffic(u.spentBytes),
    ...(withRemain ? { data_remain: traffic(Math.max(0, u.dataBytes - u.spentBytes)) } : {}),
  });

  server.route(
    'GET',
    `${P}/proxies/sub-users`,
    api((req, acc) => {
      const pool = poolOf(acc, req.query.get('proxy_type'));
      const offset = Math.max(0, int(req.query.get('offset')) ?? 0);
      const limit = Math.max(1, int(req.query.get('limit')) ?? 20);
      return ok({
        success: true,
        count: pool.subUsers.length,
        data: pool.subUsers.slice(offset, offset + limit).map((u) => userOut(u, true, true)),
      });
    }),
  );

  server.route(
    'GET',
    `${P}/proxies/sub-user/:uid`,
    api((req, acc) => {
      const pool = poolOf(acc, req.query.get('proxy_type'));
      // An array even for one user; no user_id since v1.1.0.
      return ok({ success: true, data: [userOut(subUserOf(pool, req.params.uid ?? ''), false, false)] });
    }),
  );

  server.route(
    'POST',
    `${P}/proxies/sub-user`,
    api((req, acc) => {
      const pool = poolOf(acc, req.query.get('proxy_type'));
      const name = str(req.body.name);
      const gb = int(req.body.data);
      if (!name || gb === null || gb < 0) throw new SimFail(400, 'name and data (GB) are required');
      if (gb * GIB > poolRemain(pool)) throw new SimFail(400, 'Not enough traffic on the main account');
      pool.dataBytes -= gb * GIB;
      const u: SimSubUser = {
        userId: String(acc.nextUserId++),
        firstName: name,
        proxyPassword: `sp${acc.nextUserId}${name.length}Xq7`,
        dataBytes: gb * GIB,
        spentBytes: 0,
      };
      pool.subUsers.push(u);
      return ok({ success: true, data: [userOut(u, true, false)] });
    }),
  );

  server.route(
    'PATCH',
    `${P}/proxies/sub-user/:uid`,
    api((req, acc) => {
      const u = subUserOf(poolOf(acc, req.query.get('proxy_type')), req.params.uid ?? '');
      const name = str(req.body.name);
      if (!name) throw new SimFail(400, 'name is required');
      u.firstName = name;
      return ok({ success: true, message: 'Sub user edited successfully' });
    }),
  );

  server.route(
    'DELETE',
    `${P}/proxies/sub-user/:uid`,
    api((req, acc) => {
      for (const pool of Object.values(acc.pools)) {
        const i = pool.subUsers.findIndex((u) => u.userId === req.params.uid);
        if (i >= 0) {
          const [u] = pool.subUsers.splice(i, 1);
          if (u) pool.dataBytes += Math.max(0, u.dataBytes - u.spentBytes);
          return ok({ success: true, message: 'Sub user deleted successfully' });
        }
      }
      throw new SimFail(400, 'Sub user not found');
    }),
  );

  const moveTraffic = (sign: 1 | -1, message: string) =>
    api((req, acc) => {
      const pool = poolOf(acc, req.query.get('proxy_type'));
      const u = subUserOf(pool, req.params.uid ?? '');
      const gb = int(req.body.data);
      if (gb === null || gb < 1) throw new SimFail(400, 'data must be a positive integer (GB)');
      const bytes = gb * GIB;
      if (sign > 0 && bytes > poolRemain(pool)) throw new SimFail(400, 'Not enough traffic on the main account');
      if (sign < 0 && bytes > u.dataBytes - u.spentBytes)
        throw new SimFail(400, 'Not enough unused traffic to subtract');
      u.dataBytes += sign * bytes;
      pool.dataBytes -= sign * bytes;
      return ok({ success: true, message });
    });
  server.route('POST', `${P}/proxies/sub-user/:uid/data/add`, moveTraffic(1, 'Traffic added to sub user successfully'));
  server.route(
    'POST',
    `${P}/proxies/sub-user/:uid/data/subtract`,
    moveTraffic(-1, 'Traffic subtracted from sub user successfully'),
  );

  server.route(
    'POST',
    `${P}/proxies/sub-user/:uid/password`,
    api((req, acc) => {
      const u = subUserOf(poolOf(acc, req.query.get('proxy_type')), req.params.uid ?? '');
      u.proxyPassword = `${u.proxyPassword.slice(4)}${u.userId.slice(-2)}Rn`;
      return ok({ success: true, message: 'Sub user password changed successfully' });
    }),
  );

  // Targeting reference data: `{count, results}` without `success`.
  const COUNTRIES = [
    { code: 'US', name: 'United States' },
    { code: 'DE', name: 'Germany' },
    { code: 'GB', name: 'United Kingdom' },
  ];
  const paged = (results: unknown[]) => ok({ count: results.length, results });
  server.route(
    'GET',
    `${P}/proxies/countries`,
    api((req, acc) => {
      poolOf(acc, req.query.get('proxy_type') === 'unlimited' ? 'standart' : req.query.get('proxy_type'));
      return paged(COUNTRIES);
    }),
  );
  server.route(
    'GET',
    `${P}/proxies/regions`,
    api((req) => {
      const c = COUNTRIES.find((x) => x.code === req.query.get('country_code')?.toUpperCase());
      if (!c) throw new SimFail(400, 'country_code is required');
      return paged([
        { code: `${c.code}-01`, name: `${c.name} North`, country: c },
        { code: `${c.code}-02`, name: `${c.name} South`, country: c },
      ]);
    }),
  );
  server.route(
    'GET',
    `${P}/proxies/cities`,
    api((req) => {
      const c = COUNTRIES.find((x) => x.code === req.query.get('country_code')?.toUpperCase());
      const region = req.query.get('region_code');
      if (!c || !region) throw new SimFail(400, 'country_code and region_code are required');
      return paged([
        {
          code: `${region.toLowerCase()}-capital`,
          name: 'Capital',
          country: c,
          region: { code: region, name: region },
        },
      ]);
    }),
  );
  server.route(
    'GET',
    `${P}/proxies/isps`,
    api((req) => {
      if (req.query.get('proxy_type') !== 'premium') {
        throw new SimFail(400, 'ISP targeting is available for the premium package only');
      }
      return paged([]);
    }),
  );
}
