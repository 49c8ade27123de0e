/**
 * Deterministic data for buying new products in the simulator (routes-purchase.ts): extra products
 * (long-term IDC traffic, static rotating traffic, a custom-only plan), #34 extras of the seeded products
 * (etd multipliers, stock counts, type 11 SKUs), #25/#26 stock per country, a coupon, #33 bonus tiers
 * and #32 payment groups (ids of seed-data.ts payment methods).
 */
import type { BestproxyState, SimProduct, SimProductExtra, SimPurchaseState, SimSku } from './state';

const sku = (id: number, value: number, usdCents: number): SimSku => ({ id, value, usdCents });

const EXTRA_PRODUCTS: SimProduct[] = [
  {
    id: 1201,
    title: 'Datacenter traffic (long-term) 100GB',
    type: 12,
    parentType: 0,
    usdCents: 8000,
    cnyCents: 57600,
    timeDays: 365,
    flowGb: 100,
    status: 1,
    showType: 1,
  },
  {
    id: 2101,
    title: 'Static rotating traffic 20GB',
    type: 21,
    parentType: 0,
    usdCents: 6000,
    cnyCents: 43200,
    timeDays: 30,
    flowGb: 20,
    status: 1,
    showType: 1,
  },
  {
    id: 905,
    title: 'Residential custom plan',
    type: 9,
    parentType: 0,
    usdCents: 0,
    cnyCents: 0,
    timeDays: 30,
    flowGb: 0,
    status: 1,
    showType: 3,
  },
];

/** Deterministic purchase data; also enriches the seeded products (ids from seed-data.ts). */
export function seedPurchase(state: BestproxyState): SimPurchaseState {
  for (const p of EXTRA_PRODUCTS) if (!state.products.some((x) => x.id === p.id)) state.products.push({ ...p });
  const plain = (
    subtitle: string,
    etd: number[] = [1],
    etdRate = 0,
    totalCount = 0,
    remainCount = 0,
  ): SimProductExtra => ({
    etd,
    etdRate,
    totalCount,
    remainCount,
    subtitle,
  });
  return {
    extras: new Map<number, SimProductExtra>([
      [901, plain('50 GB residential traffic', [1, 2, 3], 0.9)],
      [902, plain('200 GB residential traffic')],
      [
        1101,
        {
          ...plain('Unlimited traffic, priced by bandwidth and connections'),
          sku: {
            bandwidth: [sku(11, 100, 39900), sku(12, 300, 89900)],
            concurrency: [sku(21, 500, 0), sku(22, 2000, 15000)],
            duration: [sku(31, 30, 0), sku(32, 90, 60000)],
          },
        },
      ],
      [1401, plain('Dedicated datacenter IPv4, price per IP', [1, 3], 0.95)],
      [2501, plain('ISP residential static IP, price per IP')],
      [1201, plain('Datacenter host pool traffic, one year')],
      [2101, plain('Static rotating traffic', [1], 0, 50, 3)],
    ]),
    staticStock: {
      residential: new Map([
        ['US', 55],
        ['GB', 12],
        ['DE', 8],
        ['JP', 0],
      ]),
      datacenter: new Map([
        ['US', 120],
        ['DE', 40],
        ['SG', 3],
      ]),
    },
    hostPool: new Map([
      ['US', { number: 55, name: 'United States' }],
      ['NL', { number: 21, name: 'Netherlands' }],
    ]),
    coupons: new Map([['WELCOME10', 10]]),
    giftTiers: [
      { amount: 100, ratio: 0.05 },
      { amount: 500, ratio: 0.1 },
    ],
    groups: [
      { name: 'Balance', ids: [1] },
      { name: 'Online payment', ids: [2, 4, 5] },
      { name: 'Crypto', ids: [3] },
    ],
  };
}
