/**
 * ProxyShard Datacenter & ISP routes (seed 004, doc §3.2 and §3.3 #17–18): the IP list with
 * credentials, p0f signatures, per-IP removal at renewal, and p0f slot add-ons.
 */
import { type Api, fail, int, ok, P, type RouteContext, str, units } from './routes-common';
import { activeItems, addonsOut } from './serialize';
import { debit, isStatic, orderOf, productOf, type SimAccount, SimFail, type SimOrder } from './state';

const SIGNATURES = ['ios', 'macos', 'android', 'linux', 'win10', 'win11'];

export function registerStaticRoutes(ctx: RouteContext, api: Api): void {
  const { server } = ctx;
  const { money } = units(server);

  const staticOrder = (acc: SimAccount, id: string): SimOrder => {
    const o = orderOf(acc, id);
    if (!isStatic(o)) throw new SimFail(400, 'This operation is available only for Datacenter & ISP proxies');
    return o;
  };

  const addonLine = (o: SimOrder, key: string) => {
    if (key !== 'p0f_slots') throw new SimFail(400, `Unknown add-on ${key}`);
    return o.addons.find((a) => a.addonKey === key);
  };

  server.route(
    'GET',
    `${P}/proxies/active`,
    api((req, acc) => {
      const o = orderOf(acc, req.query.get('order_id') ?? '');
      if (!isStatic(o)) return fail(403, 'This method is not available for this order');
      return ok({ success: true, data: activeItems(acc, o), order_tag: o.tag });
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
      // Validated as a whole first: a refused request changes nothing. A first signature takes a slot
      // for good (slots are never given back); re-signing a signed IP takes none.
      const changes: [(typeof o.ips)[number], string][] = [];
      for (const it of items) {
        const ip = o.ips.find((x) => x.ip === it.ip);
        if (!ip) throw new SimFail(400, `IP ${it.ip ?? ''} is not in this order`);
        if (!SIGNATURES.includes(it.signature ?? '')) throw new SimFail(400, 'Invalid signature value');
        if (!ip.signature && !changes.some(([x]) => x === ip)) {
          if (used >= slots) throw new SimFail(400, 'Not enough p0f slots');
          used++;
        }
        changes.push([ip, it.signature as string]);
      }
      for (const [ip, sig] of changes) ip.signature = sig;
      return ok({ success: true, message: 'Signatures updated', updated: changes.length });
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
        addons: addonsOut(o, money),
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
      if (next === null || next < 1 || next >= line.qty) {
        throw new SimFail(400, 'next_qty must be less than current qty');
      }
      line.pending = { action: 'downgrade', next_qty: next };
      return ok({ success: true, message: 'Downgrade scheduled', addons: addonsOut(o, money) });
    }),
  );

  server.route(
    'POST',
    `${P}/orders/:id/addons/schedule/cancel`,
    api((req, acc) => {
      const o = staticOrder(acc, req.params.id ?? '');
      const line = addonLine(o, str(req.body.addon_key) ?? '');
      if (line) line.pending = null;
      return ok({ success: true, message: 'Pending downgrade cleared', addons: addonsOut(o, money) });
    }),
  );
}
