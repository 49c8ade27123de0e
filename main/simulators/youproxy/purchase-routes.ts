/**
 * The YouProxy simulator's buying routes (youproxy.md §3.5, §3.7, §3.10): GET /mobileOperator,
 * POST /calculate/order (a dry run: warning 16 when the balance is short, `success` stays true) and
 * POST /order (charges once, creates an order of new IPs; error 16 when the balance is short).
 *
 * An adversary as documented: HTTP 200 envelopes for failures with the data fields zeroed and the
 * balance kept; an unknown promo code does NOT fail an order — it is bought at the full price with
 * `promoCodeStatus: "NO_VALID"`; the answer names an `orderNumber` ("NUMBER-…"), not the order id the IP
 * list uses; with `state.orderDelayMs` the new IPs show in /ipAddress only after that much simulator time.
 * Codes for undocumented checks: 7 country not offered, 10 auth type, 23 auth IP (PHP integrator's list);
 * 35 for protocol / operator / rotation (no code is documented for them). post-apply faults on POST
 * /order come from SimServer (`after_apply`, AFTER_APPLY_ANSWERS): the order is created and charged first.
 */
import { isIP } from 'node:net';
import type { SimRequest, SimResponse, SimServer } from '../sim-server';
import { COUNTRIES, type SimIp, type SimProxyType } from './seed-data';
import { ERR, type YouproxyState, type YpErr } from './state';

export type SimPostFn = (
  path: string,
  zeroed: () => Record<string, unknown>,
  handler: (req: SimRequest) => SimResponse,
) => SimServer;

/** Operators with their rotation intervals (seconds); the vendor's real shape is not documented. */
export const MOBILE_OPERATORS = [
  { tag: 'verizon', name: 'Verizon', country: 'USA', rotationTimes: [120, 300, 600] },
  { tag: 'vodafone', name: 'Vodafone', country: 'GBR', rotationTimes: [120, 300, 600] },
  { tag: 'play', name: 'Play', country: 'POL', rotationTimes: [300, 600] },
] as const;

const BUY_ERR = {
  notOffered: { code: 7, message: 'Country is not available now' },
  authType: { code: 10, message: 'Incorrect authType' },
  authIp: { code: 23, message: 'Incorrect authIp' },
  protocol: { code: 35, message: 'Incorrect protocol' },
  operator: { code: 35, message: 'Incorrect mobileOperator' },
  rotation: { code: 35, message: 'Incorrect rotationTime' },
} as const satisfies Record<string, YpErr>;

interface Checked {
  ok: true;
  type: SimProxyType;
  days: number;
  quantity: number;
  country: string;
  goal: string;
  discount: number | null;
}

interface BuyContext {
  server: SimServer;
  state: YouproxyState;
}

export function registerPurchaseRoutes(
  { server, state }: BuyContext,
  get: SimPostFn,
  post: SimPostFn,
  money: (cents: number) => number,
): void {
  let nextOrder = 700000;
  let nextIp = 1;

  get(
    'mobileOperator',
    () => ({ mobileOperators: [] }),
    () => ({ json: { success: true, mobileOperators: MOBILE_OPERATORS, error: null } }),
  );

  /** The documented order fields (§3.7), in the order a vendor would check them. */
  const check = (b: Record<string, unknown>, forOrder: boolean): Checked | { ok: false; error: YpErr } => {
    const type = state.proxyTypeOf(b.proxyType);
    if (!type) return { ok: false, error: ERR.proxyType };
    if (!state.periodOk(type, b.rentPeriodDays)) return { ok: false, error: ERR.rentPeriod };
    if (typeof b.country !== 'string' || !/^[A-Z]{3}$/.test(b.country)) return { ok: false, error: ERR.country };
    if (!COUNTRIES[type].includes(b.country)) return { ok: false, error: BUY_ERR.notOffered };
    if (typeof b.goal !== 'string' || b.goal.trim() === '') return { ok: false, error: ERR.goal };
    const q = b.quantity;
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > 1000) return { ok: false, error: ERR.quantity };
    if (type === 'MOBILE') {
      const op = MOBILE_OPERATORS.find((o) => o.tag === b.mobileOperator);
      if (!op) return { ok: false, error: BUY_ERR.operator };
      if (!(op.rotationTimes as readonly unknown[]).includes(b.rotationTime))
        return { ok: false, error: BUY_ERR.rotation };
    }
    if (forOrder) {
      if (b.authType !== 'LOGIN' && b.authType !== 'IP') return { ok: false, error: BUY_ERR.authType };
      if (b.authType === 'IP' && (typeof b.authIp !== 'string' || isIP(b.authIp) === 0)) {
        return { ok: false, error: BUY_ERR.authIp };
      }
      if (type === 'IPv6' && b.protocol !== 'HTTP' && b.protocol !== 'SOCKS')
        return { ok: false, error: BUY_ERR.protocol };
    }
    const discount = state.promoDiscount(b.promoCode);
    return {
      ok: true,
      type,
      days: b.rentPeriodDays as number,
      quantity: q,
      country: b.country,
      goal: b.goal,
      discount,
    };
  };

  const zeroed = () => ({
    proxyType: null,
    balance: money(state.balanceMinor),
    currency: 'USD',
    promoCodeStatus: null,
  });
  const promo = (code: unknown): 'VALID' | 'NO_VALID' | null =>
    code === undefined || code === null || code === ''
      ? null
      : state.promoDiscount(code) === null
        ? 'NO_VALID'
        : 'VALID';

  post('calculate/order', zeroed, (req) => {
    const c = check(req.body, false);
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
        // Documented: a non-null `warnings` means the order with the same data will not be executed.
        warnings: price > state.balanceMinor ? [ERR.funds] : null,
      },
    };
  });

  post('order', zeroed, (req) => {
    const b = req.body;
    const c = check(b, true);
    if (!c.ok) return { json: { success: false, ...zeroed(), orderNumber: null, error: c.error } };
    // An unknown promo code does not fail the order: full price (discount null), NO_VALID in the answer.
    const price = state.price(c.type, c.quantity, c.days, c.discount);
    if (price > state.balanceMinor)
      return { json: { success: false, ...zeroed(), orderNumber: null, error: ERR.funds } };
    state.balanceMinor -= price;
    const orderId = String(nextOrder++);
    const now = server.now();
    const template = state.ips.find((ip) => ip.proxyType === c.type);
    const fresh: SimIp[] = Array.from({ length: c.quantity }, (_, i) => {
      const n = nextIp++;
      return {
        id: `19${String(n).padStart(17, '0')}`,
        orderId,
        proxyType: c.type,
        ip: c.type === 'IPv6' ? `2001:db8::${n.toString(16)}` : `203.0.${113 + Math.floor(n / 250)}.${(n % 250) + 1}`,
        host: null,
        httpPort: 8000 + i,
        socksPort: c.type === 'IPv6' ? null : 9000 + i,
        protocol: c.type === 'IPv6' ? (b.protocol as 'HTTP' | 'SOCKS') : null,
        login: template?.login ?? 'newuser',
        password: template?.password ?? 'newpass',
        country: c.country,
        authType: b.authType as 'LOGIN' | 'IP',
        authIp: b.authType === 'IP' ? (b.authIp as string) : null,
        mobileOperator: c.type === 'MOBILE' ? String(b.mobileOperator) : null,
        rotationTime: c.type === 'MOBILE' ? Number(b.rotationTime) : null,
        goal: c.goal,
        dateStart: now,
        dateEnd: new Date(now.getTime() + c.days * 86_400_000),
        autoExtend: false,
        autoExtendPeriod: null,
      };
    });
    if (state.orderDelayMs > 0) state.addLater(fresh, new Date(now.getTime() + state.orderDelayMs));
    else state.add(fresh);
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
        promoCodeStatus: promo(b.promoCode),
      },
    };
  });
}
