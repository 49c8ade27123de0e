/**
 * YouProxy's documented API on SimServer: `/client/api/v1/{apiKey}/…`, flat envelopes with
 * `success` + `error`, HTTP 200 for failures, money as decimal USD.
 *
 * wrong_units fault: money fields (`balance`, `price`) come back in cents instead of dollars
 * (2503 instead of 25.03) — the other plausible unit for a decimal-money API.
 */
import { LosslessNumber, stringify } from 'lossless-json';
import type { SimRequest, SimResponse, SimServer } from '../sim-server';
import { COUNTRIES, PROMO_CODES, RENT_PERIODS, SIM_PROXY_TYPES, type SimIp, type SimProxyType } from './seed-data';
import { ERR, type YouproxyState, type YpErr } from './state';

const PREFIX = '/client/api/v1/:apiKey';
const COUNTRY_NAMES: Record<string, string> = {
  USA: 'United States',
  DEU: 'Germany',
  GBR: 'United Kingdom',
  NLD: 'Netherlands',
  FRA: 'France',
  POL: 'Poland',
  CAN: 'Canada',
};

/** Documented date style: ISO with milliseconds and an explicit +00:00 offset. */
const ypDate = (d: Date): string => d.toISOString().replace('Z', '+00:00');

export interface RouteContext {
  server: SimServer;
  state: YouproxyState;
  apiKey: string;
}

export function registerRoutes({ server, state, apiKey }: RouteContext): void {
  const money = (cents: number): number => (server.wrongUnits ? cents : cents / 100);
  const now = () => server.now();

  /** Wrong key → code 2 with the endpoint's zeroed fields, HTTP 200 (as documented for /balance). */
  const withKey =
    (
      zeroed: () => Record<string, unknown>,
      handler: (req: SimRequest) => SimResponse,
    ): ((req: SimRequest) => SimResponse) =>
    (req) =>
      req.params.apiKey === apiKey ? handler(req) : { json: { success: false, ...zeroed(), error: ERR.apiKey } };

  const get = (path: string, zeroed: () => Record<string, unknown>, handler: (req: SimRequest) => SimResponse) =>
    server.route('GET', `${PREFIX}/${path}`, withKey(zeroed, handler));
  const post = (path: string, zeroed: () => Record<string, unknown>, handler: (req: SimRequest) => SimResponse) =>
    server.route('POST', `${PREFIX}/${path}`, withKey(zeroed, handler));

  // -- reads --------------------------------------------------------------------------------

  get(
    'balance',
    () => ({ balance: null, currencyCode: null }),
    () => ({ json: { success: true, balance: money(state.balanceMinor), currencyCode: 'USD', error: null } }),
  );

  get(
    'proxyType',
    () => ({ proxyTypes: [] }),
    () => ({ json: { success: true, proxyTypes: [...SIM_PROXY_TYPES], error: null } }),
  );

  const typed = (path: string, field: string, list: (type: SimProxyType) => unknown[]): void => {
    get(
      path,
      () => ({ [field]: [] }),
      (req) => {
        const type = state.proxyTypeOf(req.query.get('proxyType'));
        if (!type) return { json: { success: false, [field]: [], error: ERR.proxyType } };
        return { json: { success: true, [field]: list(type), error: null } };
      },
    );
  };
  typed('rentPeriod', 'rentPeriodDays', (t) => RENT_PERIODS[t]);
  typed('country', 'countries', (t) => COUNTRIES[t].map((code) => ({ code, name: COUNTRY_NAMES[code] ?? code })));

  get(
    'mobileOperator',
    () => ({ mobileOperators: [] }),
    () => ({
      json: {
        success: true,
        mobileOperators: [
          { tag: 'verizon', name: 'Verizon', country: 'USA', rotationTimes: [120, 300, 600] },
          { tag: 'vodafone', name: 'Vodafone', country: 'GBR', rotationTimes: [120, 300, 600] },
          { tag: 'play', name: 'Play', country: 'POL', rotationTimes: [300, 600] },
        ],
        error: null,
      },
    }),
  );

  get(
    'promoCode',
    () => ({ promoCodes: [] }),
    () => ({ json: { success: true, promoCodes: PROMO_CODES, error: null } }),
  );

  /**
   * GET /ipAddress[?proxyType=]. The real shape was never retrieved; this one follows the hints
   * (type → orders → IPs for all types; a flat list for one type). Every other IP id is written as
   * an UNQUOTED 19-digit JSON integer, the rest quoted, so clients must parse losslessly.
   */
  get(
    'ipAddress',
    () => ({ ipAddresses: [] }),
    (req) => {
      const wanted = req.query.get('proxyType');
      const index = new Map(state.ips.map((ip, i) => [ip, i]));
      const record = (ip: SimIp, withOrder: boolean) => ipRecord(ip, index.get(ip) ?? 0, withOrder, now());
      if (wanted !== null) {
        const type = state.proxyTypeOf(wanted);
        if (!type) return { raw: stringify({ success: false, ipAddresses: [], error: ERR.proxyType }) ?? '' };
        const list = state.ips.filter((ip) => ip.proxyType === type).map((ip) => record(ip, true));
        return { raw: stringify({ success: true, proxyType: type, ipAddresses: list, error: null }) ?? '' };
      }
      const grouped: Record<string, unknown[]> = {};
      for (const type of SIM_PROXY_TYPES) {
        const orders = new Map<string, SimIp[]>();
        for (const ip of state.ips) {
          if (ip.proxyType !== type) continue;
          orders.set(ip.orderId, [...(orders.get(ip.orderId) ?? []), ip]);
        }
        grouped[type] = [...orders.entries()].map(([orderId, ips]) => ({
          orderId,
          country: ips[0]?.country,
          goal: ips[0]?.goal,
          authType: ips[0]?.authType,
          quantity: ips.length,
          ipAddresses: ips.map((ip) => record(ip, false)),
        }));
      }
      return { raw: stringify({ success: true, ipAddresses: grouped, error: null }) ?? '' };
    },
  );

  // -- price checks and extensions ----------------------------------------------------------

  const extendZeroed = () => ({
    proxyType: null,
    rentPeriodDays: 0,
    quantity: 0,
    ipAddressIds: [],
    balance: money(state.balanceMinor),
    currency: 'USD',
    promoCodeStatus: null,
  });
  const quoteZeroed = () => ({
    proxyType: null,
    balance: money(state.balanceMinor),
    price: 0,
    currency: 'USD',
    discount: 0,
    promoCodeStatus: null,
    warnings: null,
  });

  /** Shared validation of extend-style bodies: proxy type (4), period (11), ids (24/29/28). */
  const validate = (body: Record<string, unknown>, by: 'ip' | 'order') => {
    const type = state.proxyTypeOf(body.proxyType);
    if (!type) return { ok: false as const, error: ERR.proxyType };
    if (!state.periodOk(type, body.rentPeriodDays)) return { ok: false as const, error: ERR.rentPeriod };
    const sel = state.select(type, by, by === 'ip' ? body.ipAddressIds : body.orderIds);
    if (!sel.ok) return sel;
    return { ...sel, days: body.rentPeriodDays as number };
  };

  const promoStatus = (code: unknown): 'VALID' | 'NO_VALID' | null =>
    code === undefined || code === null || code === ''
      ? null
      : state.promoDiscount(code) === null
        ? 'NO_VALID'
        : 'VALID';

  for (const by of ['ip', 'order'] as const) {
    const suffix = by === 'ip' ? '' : '/order';

    post(`calculate/extend${suffix}`, quoteZeroed, (req) => {
      const v = validate(req.body, by);
      if (!v.ok) return { json: { success: false, ...quoteZeroed(), error: v.error } };
      const discount = state.promoDiscount(req.body.promoCode);
      const price = state.price(v.type, v.ips.length, v.days, discount);
      // Documented: success stays true; a non-null `warnings` means the same request would not run.
      const warnings: YpErr[] | null = price > state.balanceMinor ? [ERR.funds] : null;
      return {
        json: {
          success: true,
          proxyType: v.type,
          balance: money(state.balanceMinor),
          price: money(price),
          currency: 'USD',
          discount: discount ?? 0,
          promoCodeStatus: promoStatus(req.body.promoCode),
          error: null,
          warnings,
        },
      };
    });

    post(`extend${suffix}`, extendZeroed, (req) => {
      const v = validate(req.body, by);
      if (!v.ok) return { json: { success: false, ...extendZeroed(), error: v.error } };
      const price = state.price(v.type, v.ips.length, v.days, state.promoDiscount(req.body.promoCode));
      if (price > state.balanceMinor) return { json: { success: false, ...extendZeroed(), error: ERR.funds } };
      state.balanceMinor -= price;
      state.extend(v.ips, v.days, now());
      server.charge({
        account: 'main',
        amountMinor: price,
        currency: 'USD',
        what: `extend${suffix} ${v.type} ${v.days} days`,
        items: v.ips.map((ip) => ip.id),
      });
      return {
        json: {
          success: true,
          proxyType: v.type,
          rentPeriodDays: v.days,
          quantity: v.ips.length,
          ipAddressIds: v.ips.map((ip) => ip.id),
          balance: money(state.balanceMinor),
          currency: 'USD',
          error: null,
          promoCodeStatus: promoStatus(req.body.promoCode),
        },
      };
    });

    // Auto-extend: free to toggle; needs a valid period (used for each automatic renewal).
    post(`extend${suffix}/auto`, extendZeroed, (req) => {
      const v = validate(req.body, by);
      if (!v.ok) return { json: { success: false, ...extendZeroed(), promoCodeStatus: undefined, error: v.error } };
      if (typeof req.body.autoExtend !== 'boolean') {
        return { json: { success: false, ...extendZeroed(), error: { code: 35, message: 'Incorrect autoExtend' } } };
      }
      state.setAutoExtend(v.ips, req.body.autoExtend, v.days);
      return {
        json: {
          success: true,
          proxyType: v.type,
          rentPeriodDays: v.days,
          quantity: v.ips.length,
          ipAddressIds: v.ips.map((ip) => ip.id),
          balance: money(state.balanceMinor),
          currency: 'USD',
          error: null,
        },
      };
    });
  }

  registerOrderRoutes({ server, state, apiKey }, post, money);
}

/** One IP as the simulator writes it (field names are a guess at the undocumented schema). */
function ipRecord(ip: SimIp, index: number, withOrder: boolean, now: Date): Record<string, unknown> {
  return {
    // Even positions: unquoted integer beyond 2^53; odd positions: quoted string.
    ipAddressId: index % 2 === 0 ? new LosslessNumber(ip.id) : ip.id,
    ...(withOrder ? { orderId: ip.orderId } : {}),
    ip: ip.ip,
    ...(ip.host ? { host: ip.host } : {}),
    port: ip.httpPort,
    ...(ip.socksPort ? { socksPort: ip.socksPort } : {}),
    ...(ip.protocol ? { protocol: ip.protocol } : {}),
    login: ip.login,
    password: ip.password,
    country: ip.country,
    authType: ip.authType,
    authIp: ip.authIp,
    ...(ip.mobileOperator ? { mobileOperator: ip.mobileOperator, rotationTime: ip.rotationTime } : {}),
    dateStart: ypDate(ip.dateStart),
    dateEnd: ypDate(ip.dateEnd),
    active: ip.dateEnd.getTime() > now.getTime(),
    autoExtend: ip.autoExtend,
    autoExtendRentPeriodDays: ip.autoExtendPeriod,
  };
}

type PostFn = (
  path: string,
  zeroed: () => Record<string, unknown>,
  handler: (req: SimRequest) => SimResponse,
) => SimServer;

/** POST /calculate/order and /order: buying new IPs (documented; the client app does not buy yet). */
function registerOrderRoutes(ctx: RouteContext, post: PostFn, money: (cents: number) => number): void {
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
