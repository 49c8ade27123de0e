/**
 * A deterministic, realistic reseller account: DC and ISP orders in several countries (some
 * expiring within 7 days, two on-hold, one cancelled), both per-GB residential pools with
 * sub-users, and an Unmetered plan. Dates are relative to `now`.
 */
import { Prng } from './prng';
import {
  DAY_MS,
  GIB,
  type ProductKey,
  type SimAccount,
  type SimIp,
  type SimOrder,
  type SimPool,
  type SimProduct,
} from './state';

export const DEFAULT_API_KEY = 'psk_live_7Hq2mX9vR4tLwZ8cN3bK6yJ1';
export const DEFAULT_BALANCE_CENTS = 18_743;
export const DEFAULT_IP_COUNT = 40;

const DC_COUNTRIES = ['DE', 'US', 'NL', 'GB', 'FR', 'PL', 'FI', 'SE'];

export function seedProducts(): SimProduct[] {
  return [
    {
      key: 'dc',
      id: 1,
      name: 'Datacenter Proxy',
      description: 'Dedicated datacenter IPv4',
      locations: DC_COUNTRIES,
      cycles: {
        '3days': { id: 11, days: 3, unitCents: 30 },
        weekly: { id: 12, days: 7, unitCents: 40 },
        'half-monthly': { id: 13, days: 15, unitCents: 70 },
        monthly: { id: 14, days: 30, unitCents: 120 },
      },
      p0fCents: 30,
    },
    {
      key: 'isp',
      id: 2,
      name: 'ISP Proxy',
      description: 'Static residential (ISP) IPv4',
      locations: ['US', 'GB', 'DE'],
      cycles: { monthly: { id: 21, days: 30, unitCents: 200 } },
      p0fCents: 60,
    },
    {
      key: 'standart',
      id: 3,
      name: 'Standart Residential Proxy',
      description: 'Rotating residential pool, per GB',
      locations: [],
      cycles: { lifetime: { id: 31, days: null, unitCents: 200 } },
    },
    {
      key: 'premium',
      id: 4,
      name: 'Premium Residential Proxy',
      description: 'Premium residential pool with ISP and OS targeting, per GB',
      locations: [],
      cycles: { lifetime: { id: 41, days: null, unitCents: 300 } },
    },
    {
      key: 'unmetered',
      id: 5,
      name: 'Unmetered Residential proxy',
      description: 'Flat-rate residential',
      locations: [],
      cycles: {
        daily: { id: 51, days: 1, unitCents: 3_000 },
        weekly: { id: 52, days: 7, unitCents: 19_900 },
        'half-monthly': { id: 53, days: 15, unitCents: 39_900 },
        monthly: { id: 54, days: 30, unitCents: 69_900 },
      },
    },
  ];
}

/** First two octets of realistic hosting ranges per country. */
const PREFIX: Record<string, string[]> = {
  DE: ['185.107', '88.198', '195.201'],
  US: ['104.234', '23.95', '66.151'],
  NL: ['91.92', '185.246'],
  GB: ['51.89', '178.62'],
  FR: ['45.147', '51.158'],
  PL: ['193.56', '91.231'],
  FI: ['65.21', '95.216'],
  SE: ['185.213', '31.208'],
};

interface OrderPlan {
  product: ProductKey;
  cycle: string;
  location: string | null;
  /** Share of ipCount for static orders; GB for per-GB residential. */
  weight: number;
  status: SimOrder['status'];
  /** Expiry offset from now, in days (null = lifetime). */
  expiresInDays: number | null;
  autoRenewal: boolean | null;
  tag: string | null;
  promo?: string;
  p0f?: { qty: number; nextQty?: number; signed: number };
}

const PLANS: OrderPlan[] = [
  {
    product: 'dc',
    cycle: 'monthly',
    location: 'DE',
    weight: 0.25,
    status: 'active',
    expiresInDays: 2.4,
    autoRenewal: true,
    tag: 'scraper-eu',
  },
  {
    product: 'dc',
    cycle: 'monthly',
    location: 'US',
    weight: 0.2,
    status: 'active',
    expiresInDays: 19.3,
    autoRenewal: false,
    tag: null,
    promo: 'SAVE10',
    p0f: { qty: 4, signed: 3 },
  },
  {
    product: 'isp',
    cycle: 'monthly',
    location: 'US',
    weight: 0.1,
    status: 'active',
    expiresInDays: 5.1,
    autoRenewal: false,
    tag: 'ads-team',
  },
  {
    product: 'dc',
    cycle: 'weekly',
    location: 'NL',
    weight: 0.1,
    status: 'on-hold',
    expiresInDays: -1.2,
    autoRenewal: false,
    tag: null,
  },
  {
    product: 'isp',
    cycle: 'monthly',
    location: 'GB',
    weight: 0.1,
    status: 'on-hold',
    expiresInDays: -0.6,
    autoRenewal: false,
    tag: 'client-acme',
    p0f: { qty: 3, nextQty: 2, signed: 2 },
  },
  {
    product: 'dc',
    cycle: 'half-monthly',
    location: 'PL',
    weight: 0.05,
    status: 'cancelled',
    expiresInDays: -9,
    autoRenewal: false,
    tag: null,
  },
  {
    product: 'dc',
    cycle: '3days',
    location: 'FR',
    weight: 0.1,
    status: 'active',
    expiresInDays: 0.8,
    autoRenewal: true,
    tag: 'sneaker-drop',
  },
  {
    product: 'dc',
    cycle: 'monthly',
    location: 'FI',
    weight: 0.1,
    status: 'active',
    expiresInDays: 26.5,
    autoRenewal: true,
    tag: null,
  },
  {
    product: 'standart',
    cycle: 'lifetime',
    location: null,
    weight: 50,
    status: 'active',
    expiresInDays: null,
    autoRenewal: null,
    tag: null,
  },
  {
    product: 'premium',
    cycle: 'lifetime',
    location: null,
    weight: 10,
    status: 'active',
    expiresInDays: null,
    autoRenewal: null,
    tag: 'premium-pool',
  },
  {
    product: 'unmetered',
    cycle: 'monthly',
    location: null,
    weight: 1,
    status: 'active',
    expiresInDays: 12.7,
    autoRenewal: true,
    tag: null,
  },
];

function ipsFor(rng: Prng, country: string, count: number, orderId: number, status: string): SimIp[] {
  const prefixes = PREFIX[country] ?? ['45.86'];
  const used = new Set<string>();
  const out: SimIp[] = [];
  const httpPort = 50_000 + (orderId % 1000) * 2;
  while (out.length < count) {
    const ip = `${rng.pick(prefixes)}.${rng.int(1, 254)}.${rng.int(2, 253)}`;
    if (used.has(ip)) continue;
    used.add(ip);
    out.push({
      ip,
      username: `psu${orderId}`,
      password: rng.alnum(12),
      httpPort,
      socksPort: httpPort + 1,
      status,
      signature: null,
      delNp: false,
    });
  }
  return out;
}

export interface SeedOptions {
  seed: number;
  ipCount: number;
  balanceCents: number;
  apiKey: string;
  now: Date;
}

export function seedAccount(opts: SeedOptions): SimAccount {
  const rng = new Prng(opts.seed);
  const products = seedProducts();
  const acc: SimAccount = {
    apiKey: opts.apiKey,
    email: 'ops@northwind-proxies.io',
    walletCents: opts.balanceCents,
    orders: new Map(),
    nextOrderId: 48_213,
    nextUserId: 7_301,
    pools: {},
    products,
    promos: { SAVE10: 10, WELCOME5: 5 },
  };
  const staticPlans = PLANS.filter((p) => p.product === 'dc' || p.product === 'isp');
  const weightSum = staticPlans.reduce((s, p) => s + p.weight, 0);
  let ipsLeft = Math.max(staticPlans.length, opts.ipCount);
  const nowMs = opts.now.getTime();
  const minute = (ms: number) => new Date(Math.round(ms / 60_000) * 60_000);

  PLANS.forEach((plan, i) => {
    const id = acc.nextOrderId;
    acc.nextOrderId += rng.int(3, 40);
    const product = products.find((p) => p.key === plan.product)!;
    const cycle = product.cycles[plan.cycle]!;
    const isStaticPlan = plan.product === 'dc' || plan.product === 'isp';
    const isLast = isStaticPlan && staticPlans.indexOf(plan) === staticPlans.length - 1;
    const quantity = isStaticPlan
      ? isLast
        ? ipsLeft
        : Math.max(1, Math.min(ipsLeft - 1, Math.round((opts.ipCount * plan.weight) / weightSum)))
      : plan.product === 'unmetered'
        ? 1
        : plan.weight;
    if (isStaticPlan) ipsLeft -= quantity;
    const discount = plan.promo ? (acc.promos[plan.promo] ?? 0) : 0;
    const base = cycle.unitCents * (plan.product === 'unmetered' ? 1 : quantity);
    const periodDays = cycle.days ?? 30 * (i + 2);
    const expiresAt = plan.expiresInDays === null ? null : minute(nowMs + plan.expiresInDays * DAY_MS);
    const createdAt = minute(
      (expiresAt?.getTime() ?? nowMs) - periodDays * DAY_MS * rng.int(1, 4) - rng.int(1, 600) * 60_000,
    );
    const ipStatus = plan.status === 'active' ? 'active' : plan.status === 'on-hold' ? 'expired' : 'deleted';
    const order: SimOrder = {
      id,
      product: plan.product,
      cycle: plan.cycle,
      location: plan.location,
      quantity,
      pricePaid: Math.round((base * (100 - discount)) / 100),
      addonsPricePaid: 0,
      addons: [],
      status: plan.status,
      createdAt,
      expiresAt,
      promoCode: plan.promo ?? null,
      autoRenewal: plan.autoRenewal,
      tag: plan.tag,
      ips:
        isStaticPlan && plan.status !== 'cancelled' ? ipsFor(rng, plan.location ?? 'DE', quantity, id, ipStatus) : [],
    };
    if (plan.p0f && product.p0fCents) {
      order.addons.push({
        addonKey: 'p0f_slots',
        catalogId: 7,
        qty: plan.p0f.qty,
        pricePerUnit: product.p0fCents,
        pending: plan.p0f.nextQty === undefined ? null : { action: 'downgrade', next_qty: plan.p0f.nextQty },
      });
      order.addonsPricePaid = plan.p0f.qty * product.p0fCents;
      const sigs = ['win10', 'win11', 'macos', 'ios', 'android'];
      order.ips.slice(0, plan.p0f.signed).forEach((ip) => {
        ip.signature = rng.pick(sigs);
      });
    }
    acc.orders.set(id, order);
  });

  acc.pools.standart = seedPool(rng, acc, 50, [
    ['team-alpha', 8],
    ['scraper-01', 15],
    ['client-acme', 5],
    ['qa-bot', 2],
  ]);
  acc.pools.premium = seedPool(rng, acc, 10, [
    ['geo-tests', 3],
    ['client-globex', 4],
  ]);
  return acc;
}

function seedPool(rng: Prng, acc: SimAccount, totalGb: number, users: [string, number][]): SimPool {
  const allocated = users.reduce((s, [, gb]) => s + gb, 0);
  const ownerGb = totalGb - allocated;
  return {
    dataBytes: ownerGb * GIB,
    spentBytes: Math.round(ownerGb * GIB * (0.2 + rng.next() * 0.5)),
    proxyPassword: rng.alnum(16),
    subUsers: users.map(([name, gb]) => ({
      userId: String(acc.nextUserId++),
      firstName: name,
      proxyPassword: rng.alnum(16),
      dataBytes: gb * GIB,
      spentBytes: Math.round(gb * GIB * rng.next() * 0.9),
    })),
  };
}
