/** The YouProxy simulator's purchase routes: POST /calculate/order and /order. */
import type { SimRequest, SimResponse, SimServer } from '../sim-server';
import type { RouteContext } from './routes';
import { COUNTRIES, type SimIp } from './seed-data';
import { ERR } from './state';

export type PostFn = (
  path: string,
  zeroed: () => Record<string, unknown>,
  handler: (req: SimRequest) => SimResponse,
) => SimServer;

/** POST /calculate/order and /order: buying new IPs (documented; the client app does not buy yet). */
export function registerOrderRoutes(ctx: RouteContext, post: PostFn, money: (cents: number) => number): void {
  const { server, state } = ctx;
  let nextOrder = 700000;
  const check = (body: Record<string, unknown>) => {
    const type = state.proxyTypeOf(body.proxyType);
    if (!type) return { ok: false as const, error: ERR.proxyType };
    if (!state.periodOk(type, body.rentPeriodDays)) return { ok: false as const, error: ERR.rentPeriod };
    if (typeof body.country !== 'string' || !COUNTRIES[type].includes(body.country)) {
      return { ok: false as const, error: ERR.country };
    }
    if (typeof body.goal !== 'string' || body.goal.trim() === '') return { ok: false as const, error: ERR.goal };
    const quantity = body.quantity;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 1000) {
      return { ok: false as const, error: ERR.quantity };
    }
    const discount = state.promoDiscount(body.promoCode);
    const days = body.rentPeriodDays as number;
    return { ok: true as const, type, days, quantity, country: body.country, goal: body.goal, discount };
  };
  const zeroed = () => ({
    proxyType: null,
    balance: money(state.balanceMinor),
    currency: 'USD',
    promoCodeStatus: null,
  });
  const promo = (code: unknown) =>
    code === undefined || code === null || code === ''
      ? null
      : state.promoDiscount(code) === null
        ? 'NO_VALID'
        : 'VALID';

  post('calculate/order', zeroed, (req) => {
    const c = check(req.body);
    if (!c.ok) return { json: { success: false, ...zeroed(), price: 0, discount: 0, warnings: null, error: c.error } };
    const price = state.price(c.type, c.quantity, c.days, c.discount);
    return {
      json: {
        success: true,
        proxyType: c.type,
        balance: money(state.balanceMinor),
        price: money(price),
        currency: 'USD',
        discount: c.discount ?? 0,
        promoCodeStatus: promo(req.body.promoCode),
        error: null,
        warnings: price > state.balanceMinor ? [ERR.funds] : null,
      },
    };
  });

  post('order', zeroed, (req) => {
    const c = check(req.body);
    if (!c.ok) return { json: { success: false, ...zeroed(), orderNumber: null, error: c.error } };
    const price = state.price(c.type, c.quantity, c.days, c.discount);
    if (price > state.balanceMinor)
      return { json: { success: false, ...zeroed(), orderNumber: null, error: ERR.funds } };
    state.balanceMinor -= price;
    const orderId = String(nextOrder++);
    const now = server.now();
    const template = state.ips.find((ip) => ip.proxyType === c.type);
    const fresh: SimIp[] = Array.from({ length: c.quantity }, (_, i) => ({
      id: `19${String(now.getTime()).slice(-10)}${String(i).padStart(7, '0')}`,
      orderId,
      proxyType: c.type,
      ip: `203.0.113.${(i % 250) + 1}`,
      host: null,
      httpPort: 8000 + i,
      socksPort: c.type === 'IPv6' ? null : 9000 + i,
      protocol: c.type === 'IPv6' ? (req.body.protocol === 'SOCKS' ? 'SOCKS' : 'HTTP') : null,
      login: template?.login ?? 'newuser',
      password: template?.password ?? 'newpass',
      country: c.country,
      authType: req.body.authType === 'IP' ? 'IP' : 'LOGIN',
      authIp: typeof req.body.authIp === 'string' ? req.body.authIp : null,
      mobileOperator: c.type === 'MOBILE' ? String(req.body.mobileOperator ?? 'verizon') : null,
      rotationTime: c.type === 'MOBILE' ? Number(req.body.rotationTime ?? 300) : null,
      goal: c.goal,
      dateStart: now,
      dateEnd: new Date(now.getTime() + c.days * 86_400_000),
      autoExtend: false,
      autoExtendPeriod: null,
    }));
    state.add(fresh);
    server.charge({
      account: 'main',
      amountMinor: price,
      currency: 'USD',
      what: `order ${c.type} x${c.quantity} ${c.days} days`,
      items: fresh.map((ip) => ip.id),
    });
    return {
      json: {
        success: true,
        proxyType: c.type,
        orderNumber: `NUMBER-${orderId}`,
        balance: money(state.balanceMinor),
        currency: 'USD',
        error: null,
        promoCodeStatus: promo(req.body.promoCode),
      },
    };
  });
}
