/**
 * Deterministic demo data for the YouProxy simulator: a reseller's account with orders of every
 * proxy type, 19-digit IP ids, dates spread so the expiry list looks alive (a few expired, a few
 * expiring this week, most later).
 */
import { createRng, type Rng } from './prng';

export type SimProxyType = 'IPv4' | 'IPv6' | 'MOBILE' | 'ISP';
export const SIM_PROXY_TYPES: readonly SimProxyType[] = ['IPv4', 'IPv6', 'MOBILE', 'ISP'];

/** Rent periods in days per type (IPv4/IPv6/MOBILE as documented; ISP inferred). */
export const RENT_PERIODS: Record<SimProxyType, number[]> = {
  IPv4: [30, 60, 90, 180, 360],
  IPv6: [90, 180, 360],
  MOBILE: [30, 360],
  ISP: [30, 60, 90, 180],
};

/** Price of one IP for 30 days, in cents (realistic list prices; the vendor's are not public via API). */
export const PRICE_PER_30_DAYS: Record<SimProxyType, number> = { IPv4: 175, IPv6: 28, MOBILE: 2900, ISP: 290 };
/** Longer periods are cheaper per day. */
export const PERIOD_DISCOUNT: Record<number, number> = { 30: 1, 60: 0.97, 90: 0.95, 180: 0.9, 360: 0.85 };

export const COUNTRIES: Record<SimProxyType, readonly string[]> = {
  IPv4: ['USA', 'DEU', 'GBR', 'NLD', 'FRA', 'POL', 'CAN'],
  IPv6: ['USA', 'DEU', 'NLD'],
  MOBILE: ['USA', 'GBR', 'POL'],
  ISP: ['USA', 'GBR', 'DEU'],
};

export interface SimIp {
  /** 19 digits, always > 2^53: JavaScript numbers cannot hold it exactly. */
  id: string;
  orderId: string;
  proxyType: SimProxyType;
  ip: string;
  host: string | null;
  httpPort: number;
  socksPort: number | null;
  protocol: 'HTTP' | 'SOCKS' | null;
  login: string;
  password: string;
  country: string;
  authType: 'LOGIN' | 'IP';
  authIp: string | null;
  mobileOperator: string | null;
  rotationTime: number | null;
  goal: string;
  dateStart: Date;
  dateEnd: Date;
  autoExtend: boolean;
  autoExtendPeriod: number | null;
}

const DAY = 86_400_000;
const GOALS = ['scraping', 'Social media', 'SEO monitoring', 'Ad verification', 'Marketplace parsing', 'Custom goal'];
const OPERATORS: Record<string, string> = { USA: 'verizon', GBR: 'vodafone', POL: 'play' };

function orderIdOf(rng: Rng): string {
  // Mostly numeric ids ("48213"); some alphanumeric like the docs' "1112223334283d122".
  return rng.chance(0.25) ? `${rng.digits(13)}${rng.letters(1, 'abcdef')}${rng.digits(3)}` : `${rng.int(10000, 99999)}`;
}

const ipv4 = (rng: Rng): string =>
  `${rng.pick([45, 77, 91, 146, 185, 193, 194, 212])}.${rng.int(1, 254)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;

function ipv6(rng: Rng): string {
  const hex = () => rng.int(0, 0xffff).toString(16);
  return `2a0e:1d80:${hex()}:${hex()}:${hex()}:${hex()}:${hex()}:${hex()}`;
}

/** Order sizes by type: mobile orders are small, IPv6 orders come in blocks. */
function orderSize(rng: Rng, type: SimProxyType): number {
  if (type === 'MOBILE') return rng.pick([1, 1, 2]);
  if (type === 'IPv6') return rng.pick([5, 10, 10, 20]);
  if (type === 'ISP') return rng.pick([1, 2, 3, 5]);
  return rng.pick([1, 2, 3, 5, 5, 10]);
}

/** Days until expiry for a new order: some expired, some within a week, most later. */
function daysLeft(rng: Rng, index: number): number {
  if (index % 7 === 2) return -rng.int(1, 20); // expired
  if (index % 5 === 1) return rng.int(0, 6) + rng.next(); // expiring this week
  return rng.int(8, 170) + rng.next();
}

export function generateIps(opts: { seed: number; ipCount: number; now: Date }): SimIp[] {
  const rng = createRng(opts.seed);
  const ips: SimIp[] = [];
  const usedIds = new Set<string>();
  const usedOrders = new Set<string>();
  let orderIndex = 0;
  while (ips.length < opts.ipCount) {
    const type = rng.pick<SimProxyType>(['IPv4', 'IPv4', 'IPv4', 'IPv6', 'MOBILE', 'ISP', 'ISP']);
    let orderId = orderIdOf(rng);
    while (usedOrders.has(orderId)) orderId = orderIdOf(rng);
    usedOrders.add(orderId);
    const size = Math.min(orderSize(rng, type), opts.ipCount - ips.length);
    const periods = RENT_PERIODS[type];
    const period = rng.pick(periods);
    const end = new Date(opts.now.getTime() + daysLeft(rng, orderIndex) * DAY);
    const start = new Date(end.getTime() - period * DAY);
    const country = rng.pick(COUNTRIES[type]);
    const authType = type === 'IPv6' || rng.chance(0.75) ? 'LOGIN' : 'IP';
    const autoExtend = rng.chance(0.3);
    const goal = rng.pick(GOALS);
    const login = rng.letters(8);
    const password = rng.letters(10);
    const protocol = type === 'IPv6' ? rng.pick<'HTTP' | 'SOCKS'>(['HTTP', 'SOCKS']) : null;
    const gateway = ipv4(rng);
    for (let i = 0; i < size; i++) {
      let id = `1${rng.digits(18)}`;
      while (usedIds.has(id)) id = `1${rng.digits(18)}`;
      usedIds.add(id);
      // Now and then one IP of an order was extended on its own and runs longer.
      const ownEnd = type !== 'IPv6' && size > 1 && rng.chance(0.1) ? new Date(end.getTime() + 30 * DAY) : end;
      ips.push({
        id,
        orderId,
        proxyType: type,
        ip: type === 'IPv6' ? ipv6(rng) : type === 'MOBILE' ? gateway : ipv4(rng),
        host: type === 'IPv6' || type === 'MOBILE' ? gateway : null,
        httpPort: type === 'IPv4' || type === 'ISP' ? rng.int(8000, 8999) : rng.int(10000, 60000),
        socksPort: type === 'IPv6' ? null : rng.int(9000, 9999),
        protocol,
        login,
        password,
        country,
        authType,
        authIp: authType === 'IP' ? ipv4(rng) : null,
        mobileOperator: type === 'MOBILE' ? (OPERATORS[country] ?? 'verizon') : null,
        rotationTime: type === 'MOBILE' ? rng.pick([120, 300, 600]) : null,
        goal,
        dateStart: start,
        dateEnd: ownEnd,
        autoExtend,
        autoExtendPeriod: autoExtend ? period : null,
      });
    }
    orderIndex += 1;
  }
  return ips;
}

/** The demo account's promo codes (the /promoCode endpoint and the promoCode body field). */
export const PROMO_CODES = [
  {
    code: 'CLIENT-PROMO',
    countUses: 3,
    startDate: '2025-10-26T10:49:49.220+00:00',
    endDate: null,
    endless: true,
    discount: 10,
    descriptionsByLocale: { en: '10% off extensions and new orders' },
  },
];
