/**
 * YouProxy's documented API on SimServer: `/client/api/v1/{apiKey}/…`, flat envelopes with
 * `success` + `error`, HTTP 200 for failures, money as decimal USD.
 *
 * wrong_units fault: money fields (`balance`, `price`) come back in cents instead of dollars
 * (2503 instead of 25.03) — the other plausible unit for a decimal-money API.
 */
import { stringify } from 'lossless-json';
import type { SimRequest, SimResponse, SimServer } from '../sim-server';
import { registerPurchaseRoutes } from './purchase-routes';
import { ipRecord } from './records';
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
      state.reveal(now()); // orders bought with a delay (state.orderDelayMs) show up once it has passed
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

  // GET /mobileOperator, POST /calculate/order and /order (purchase-routes.ts).
  registerPurchaseRoutes({ server, state }, get, post, money);
}
