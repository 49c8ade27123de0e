/**
 * ProxyShard buying routes (doc §3.1 #1/#2/#5/#6, §3.2 #13–#16): products with their cycle names
 * (DC/ISP one row per location), stock per country (a bare array), the price check, the purchase
 * that charges the wallet at once, and the p0f slot add-ons of DC/ISP orders (price check, purchase,
 * downgrade at the next renewal, cancel), and residential traffic for a per-GB order (§3.3 #19
 * add-bandwidth, whole GB, priced like a new order of that many GB). Money in cents. Every refusal is a 400 `{success:false,
 * message}` before anything changes; a purchase charges exactly once (the ledger), and the post-apply
 * faults of sim-server.ts apply to both paid routes like to any other.
 */
import { type Api, int, ok, P, type RouteContext, str, units } from './routes-common';
import { addonsOut } from './serialize';
import {
  DAY_MS,
  debit,
  GIB,
  isStatic,
  orderOf,
  poolOf,
  priceOf,
  productByName,
  productOf,
  type SimAccount,
  SimFail,
  type SimOrder,
  type SimProduct,
} from './state';

type AddonIn = { addon_key: string; qty: number };

/** The account's stock per `<dc|isp>:<country>`, seeded on first use (40..939 per location). */
export function stockOf(acc: SimAccount): Map<string, number> {
  if (!acc.stock) {
    const stock = new Map<string, number>();
    for (const p of acc.products) {
      if (p.key !== 'dc' && p.key !== 'isp') continue;
      for (const [i, country] of p.locations.entries()) stock.set(`${p.key}:${country}`, 40 + ((i * 137) % 900));
    }
    acc.stock = stock;
  }
  return acc.stock;
}

/** `addons` of a purchase body or the `addons_json` of calculate: a list of {addon_key, qty ≥ 1}. */
function addonsIn(v: unknown): AddonIn[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new SimFail(400, 'addons must be an array');
  return v.map((a) => {
    const key = typeof a === 'object' && a !== null ? str((a as Record<string, unknown>).addon_key) : null;
    const qty = typeof a === 'object' && a !== null ? int((a as Record<string, unknown>).qty) : null;
    if (!key || qty === null || qty < 1) throw new SimFail(400, 'Each add-on needs addon_key and qty >= 1');
    return { addon_key: key, qty };
  });
}

const isStaticProduct = (p: SimProduct): boolean => p.key === 'dc' || p.key === 'isp';

export function registerPurchaseRoutes(ctx: RouteContext, api: Api): void {
  const { server } = ctx;
  const { money } = units(server);
  const now = (): Date => server.now();

  const staticOrder = (acc: SimAccount, id: string): SimOrder => {
    const o = orderOf(acc, id);
    if (!isStatic(o)) throw new SimFail(400, 'This operation is available only for Datacenter & ISP proxies');
    return o;
  };
  const addonLine = (o: SimOrder, key: string) => {
    if (key !== 'p0f_slots') throw new SimFail(400, `Unknown add-on ${key}`);
    return o.addons.find((a) => a.addonKey === key);
  };

  // #5: DC/ISP come back as one row per location.
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

  // #6: a bare array (no `success`), product as the short code.
  server.route(
    'GET',
    `${P}/proxies/available-count`,
    api((_req, acc) =>
      ok(
        [...stockOf(acc).entries()].map(([k, amount]) => {
          const [product, country] = k.split(':');
          return { country, product, amount };
        }),
      ),
    ),
  );

  // #2: no `success` key; same validation as purchase, nothing charged.
  server.route(
    'GET',
    `${P}/orders/calculate`,
    api((req, acc) => {
      let addons: AddonIn[] = [];
      const rawAddons = req.query.get('addons_json');
      if (rawAddons) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(rawAddons);
        } catch {
          throw new SimFail(400, 'addons_json is not valid JSON');
        }
        addons = addonsIn(parsed);
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

  // #1: validates everything, then charges the wallet once and creates the order.
  server.route(
    'POST',
    `${P}/orders/purchase`,
    api((req, acc) => {
      const b = req.body;
      const p = productByName(acc, str(b.product));
      const location = str(b.location);
      if (isStaticProduct(p) && !location) throw new SimFail(400, 'location is required for Datacenter & ISP proxies');
      if (isStaticProduct(p) && location && !p.locations.includes(location)) {
        throw new SimFail(400, `Location ${location} is not available for ${p.name}`);
      }
      const cycle = str(b.cycle) ?? (p.cycles.lifetime ? 'lifetime' : null);
      const addons = addonsIn(b.addons);
      if (b.quantity !== undefined && b.quantity !== null && (int(b.quantity) ?? 0) < 1) {
        throw new SimFail(400, 'quantity must be a positive integer');
      }
      // Unmetered: quantity is not sent (one plan).
      const qty = p.key === 'unmetered' ? 1 : (int(b.quantity) ?? 1);
      if (b.auto_renewal !== undefined && typeof b.auto_renewal !== 'boolean') {
        throw new SimFail(400, 'auto_renewal must be a boolean');
      }
      const price = priceOf(acc, {
        product: p.name,
        location,
        cycle,
        quantity: qty,
        promoCode: str(b.promo_code),
        addons,
      });
      const stockKey = `${p.key}:${location ?? ''}`;
      const stock = isStaticProduct(p) ? (stockOf(acc).get(stockKey) ?? 0) : null;
      if (stock !== null && qty > stock) throw new SimFail(400, 'Insufficient stock');
      debit(acc, price.total_with_addons);
      if (stock !== null) stockOf(acc).set(stockKey, stock - qty);
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
        autoRenewal: p.key === 'standart' || p.key === 'premium' ? null : b.auto_renewal === true,
        tag: null,
        ips: isStaticProduct(p)
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
      if (p.key === 'standart' || p.key === 'premium') {
        const pool = acc.pools[p.key] ?? { dataBytes: 0, spentBytes: 0, proxyPassword: `rp${id}`, subUsers: [] };
        pool.dataBytes += qty * GIB;
        acc.pools[p.key] = pool;
      }
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

  // #13: price preview for an active DC/ISP order.
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

  // #14: charges at once and adds units.
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
        addons: addonsOut(o, money),
      });
    }),
  );

  // #15: a downgrade at the next renewal, stored as `pending`.
  server.route(
    'POST',
    `${P}/orders/:id/addons/schedule`,
    api((req, acc) => {
      const o = staticOrder(acc, req.params.id ?? '');
      const line = addonLine(o, str(req.body.addon_key) ?? '');
      const next = int(req.body.next_qty);
      if (!line) throw new SimFail(400, 'Add-on is not active on this order');
      if (req.body.action !== 'downgrade') throw new SimFail(400, 'action must be downgrade');
      if (next === null || next < 1 || next >= line.qty) {
        throw new SimFail(400, 'next_qty must be less than current qty');
      }
      line.pending = { action: 'downgrade', next_qty: next };
      return ok({ success: true, message: 'Downgrade scheduled', addons: addonsOut(o, money) });
    }),
  );

  // #16: clears a pending downgrade.
  server.route(
    'POST',
    `${P}/orders/:id/addons/schedule/cancel`,
    api((req, acc) => {
      const o = staticOrder(acc, req.params.id ?? '');
      const line = addonLine(o, str(req.body.addon_key) ?? '');
      if (!line) throw new SimFail(400, 'Add-on is not active on this order');
      line.pending = null;
      return ok({ success: true, message: 'Pending downgrade cleared', addons: addonsOut(o, money) });
    }),
  );

  // #19: whole GB for a Standart/Premium residential order; every refusal before the wallet moves.
  server.route(
    'POST',
    `${P}/orders/:id/add-bandwidth`,
    api((req, acc) => {
      const o = orderOf(acc, req.params.id ?? '');
      if (o.product !== 'standart' && o.product !== 'premium') {
        throw new SimFail(400, 'Invalid product for this operation');
      }
      const gb = int(req.body.amount);
      if (gb === null || gb < 1) throw new SimFail(400, 'amount must be a positive integer (GB)');
      const pool = poolOf(acc, o.product);
      const price = priceOf(acc, {
        product: productOf(acc, o.product).name,
        location: null,
        cycle: 'lifetime',
        quantity: gb,
        promoCode: str(req.body.promo_code),
        addons: [],
      });
      debit(acc, price.final_price);
      pool.dataBytes += gb * GIB;
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
}
