/**
 * What YouProxy sells now (capability 'purchase'): products from /proxyType, each with its /country and
 * /rentPeriod, the MOBILE fields from /mobileOperator (shape undocumented, read leniently) and the
 * account's promo codes from /promoCode. Also the reads purchase.ts checks every request against.
 */
import type { Balance } from '../../../preload/contract/model';
import type { PurchaseCatalog, PurchaseOptionField, PurchaseProduct } from '../../../preload/contract/purchases';
import { isVendorError } from '../errors';
import type { HttpTransport } from '../http/transport';
import type { Obj } from '../parse';
import { KIND_OF_TYPE, PRODUCT_OF_TYPE, type YpProxyType } from './constants';
import type { YpIp } from './mappers';
import {
  mapCountries,
  mapMobileOperators,
  mapPromoCodes,
  mapProxyTypes,
  rotationLabel,
  type YpCountry,
  type YpOperator,
} from './purchase-mappers';

/** What the client lends the buying code. */
export interface YpBuyContext {
  http: HttpTransport;
  clock: () => Date;
  get(endpoint: string, query?: Record<string, string>, signal?: AbortSignal): Promise<Obj>;
  post(endpoint: string, body: Obj, signal?: AbortSignal): Promise<Obj>;
  write<T>(fn: () => Promise<T>): Promise<T>;
  parse<T>(what: string, fn: () => T): T;
  fetchIps(signal?: AbortSignal): Promise<YpIp[]>;
  getBalance(): Promise<Balance>;
  rentPeriodsOf(type: YpProxyType): Promise<number[]>;
}

/** No documented maximum; the vendor's price check refuses a quantity it cannot sell (code 19). */
export const MAX_QUANTITY = 100_000;

export interface Offer {
  countries: YpCountry[];
  periods: number[];
}

export async function offerOf(ctx: YpBuyContext, type: YpProxyType, signal?: AbortSignal): Promise<Offer> {
  const [body, periods] = await Promise.all([ctx.get('country', { proxyType: type }, signal), ctx.rentPeriodsOf(type)]);
  return { countries: ctx.parse('country list', () => mapCountries(body)), periods };
}

export async function operatorsOf(ctx: YpBuyContext, signal?: AbortSignal): Promise<YpOperator[]> {
  const body = await ctx.get('mobileOperator', undefined, signal);
  return ctx.parse('mobile operator list', () => mapMobileOperators(body));
}

// ── Catalog ─────────────────────────────────────────────────────────────────────────────────

const DESCRIPTIONS: Record<YpProxyType, string> = {
  IPv4: 'Private IPv4 datacenter proxies.',
  IPv6: 'IPv6 proxies, HTTP or SOCKS (choose one per order).',
  MOBILE: 'Mobile proxies with a changing IP (choose the operator and how often the IP changes).',
  ISP: 'Static ISP proxies.',
};

/** Code 4 ("Incorrect proxy type") for a type = it is not on sale: leave it out. */
const notOnSale = (e: unknown): boolean => isVendorError(e) && e.vendorCode === '4';

function optionFields(operators: YpOperator[]): PurchaseOptionField[] {
  const times = [...new Set(operators.flatMap((o) => o.rotationTimes))].sort((a, b) => a - b);
  return [
    {
      key: 'goal',
      label: 'Goal (what you will use them for)',
      required: true,
      choices: null,
      products: null,
      help: 'YouProxy asks what the proxies are for. A few words are enough, for example "Custom goal".',
    },
    {
      key: 'authType',
      label: 'Access',
      required: true,
      choices: [
        { value: 'LOGIN', label: 'Login and password' },
        { value: 'IP', label: 'By your IP address (no password)' },
      ],
      products: null,
      help: null,
    },
    {
      key: 'authIp',
      label: 'Your IP address',
      required: false,
      choices: null,
      products: null,
      help: 'Needed when access is by IP address: the IPv4 or IPv6 address the proxies will accept.',
    },
    {
      key: 'protocol',
      label: 'Protocol',
      required: true,
      choices: [
        { value: 'HTTP', label: 'HTTP' },
        { value: 'SOCKS', label: 'SOCKS' },
      ],
      products: ['IPv6'],
      help: 'IPv6 proxies work with one protocol, chosen now.',
    },
    {
      key: 'mobileOperator',
      label: 'Mobile operator',
      required: true,
      choices: operators.map((o) => ({ value: o.tag, label: o.label })),
      products: ['MOBILE'],
      help: null,
    },
    {
      key: 'rotationTime',
      label: 'IP change',
      required: true,
      choices:
        times.length === 0
          ? null
          : times.map((s) => {
              const by = operators.filter((o) => o.rotationTimes.includes(s));
              const note = by.length < operators.length ? `only ${by.map((o) => o.label).join(', ')}` : null;
              return { value: String(s), label: rotationLabel(s), note };
            }),
      products: ['MOBILE'],
      help: times.length === 0 ? 'How often the IP changes, in seconds (for example 300).' : null,
    },
  ];
}

function productOf(type: YpProxyType, offer: PromiseSettledResult<Offer>, mobileProblem: string | null) {
  const base: PurchaseProduct = {
    id: type,
    label: PRODUCT_OF_TYPE[type],
    kind: KIND_OF_TYPE[type],
    description: DESCRIPTIONS[type],
    locations: [],
    locationRequired: true,
    cycles: [],
    quantity: { min: 1, max: MAX_QUANTITY, step: 1, unit: 'ip' },
    unitPrice: null,
    unavailable: null,
  };
  if (offer.status === 'rejected') {
    const why = isVendorError(offer.reason) ? ` (${offer.reason.message})` : '';
    return { ...base, unavailable: `Proxydeck could not read what YouProxy offers here${why}. Refresh to try again.` };
  }
  const { countries, periods } = offer.value;
  const unavailable =
    countries.length === 0
      ? 'YouProxy offers no country for this type right now.'
      : periods.length === 0
        ? 'YouProxy offers no rental period for this type right now.'
        : type === 'MOBILE'
          ? mobileProblem
          : null;
  return {
    ...base,
    locations: countries.map((c) => ({ code: c.code, label: c.label, stock: null })),
    cycles: periods.map((d) => ({ id: String(d), label: `${d} days`, days: d })),
    unavailable,
  };
}

export async function purchaseCatalog(ctx: YpBuyContext, accountId: string): Promise<PurchaseCatalog> {
  const typesBody = await ctx.get('proxyType');
  const types = mapProxyTypes(typesBody);
  const offers = await Promise.allSettled(types.map((t) => offerOf(ctx, t)));
  const [ops, promos] = await Promise.allSettled([
    types.includes('MOBILE') ? operatorsOf(ctx) : Promise.resolve([]),
    ctx.get('promoCode').then((b) => mapPromoCodes(b, ctx.clock())),
  ]);
  const operators = ops.status === 'fulfilled' ? ops.value : [];
  const mobileProblem =
    ops.status === 'rejected'
      ? 'Proxydeck could not read the mobile operators from YouProxy. Refresh to try again.'
      : operators.length === 0
        ? 'YouProxy lists no mobile operator right now.'
        : null;
  const products: PurchaseProduct[] = [];
  let firstError: unknown = null;
  types.forEach((type, i) => {
    const offer = offers[i] as PromiseSettledResult<Offer>;
    if (offer.status === 'rejected') {
      if (notOnSale(offer.reason)) return;
      firstError ??= offer.reason;
    }
    products.push(productOf(type, offer, mobileProblem));
  });
  if (firstError !== null && products.every((p) => p.unavailable !== null)) throw firstError;
  return {
    accountId,
    vendor: 'youproxy',
    products,
    options: optionFields(operators),
    promoCodeAllowed: true,
    promoCodes: promos.status === 'fulfilled' ? promos.value : null,
    topUpBonus: null,
    vendorPage: null,
    notes: [
      'New IPs can take a few minutes to appear in your IP list after buying.',
      'A promo code YouProxy does not accept would not stop the order: it would be bought at the full price. ' +
        'The price check says whether the code is accepted.',
    ],
    fetchedAt: ctx.clock().toISOString(),
  };
}
