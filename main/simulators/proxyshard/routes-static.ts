/**
 * ProxyShard Datacenter & ISP routes (seed 004, doc §3.2 and §3.3 #17–18): the IP list with
 * credentials, p0f signatures and per-IP removal at renewal. p0f slot add-ons are in routes-purchase.ts.
 */
import { type Api, fail, ok, P, type RouteContext } from './routes-common';
import { activeItems } from './serialize';
import { isStatic, orderOf, productOf, type SimAccount, SimFail, type SimOrder } from './state';

const SIGNATURES = ['ios', 'macos', 'android', 'linux', 'win10', 'win11'];

export function registerStaticRoutes(ctx: RouteContext, api: Api): void {
  const { server } = ctx;

  const staticOrder = (acc: SimAccount, id: string): SimOrder => {
    const o = orderOf(acc, id);
    if (!isStatic(o)) throw new SimFail(400, 'This operation is available only for Datacenter & ISP proxies');
    return o;
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
}
