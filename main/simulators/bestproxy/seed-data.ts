/**
 * Deterministic demo data that looks like a small reseller's BestProxy account: traffic packages
 * (one expired, one expiring this week), an unlimited plan, datacenter and residential static IPs
 * (some expired, some expiring within 7 days), paid/closed/unpaid orders, proxy accounts with months
 * of daily traffic, and an IP allowlist. Dates are relative to `now`.
 */
import { choose, int, makeRng, type Rng } from './prng';
import {
  type BestproxyState,
  DAY_MS,
  type SimAccount,
  type SimOrder,
  type SimPackage,
  type SimPaymentMethod,
  type SimProduct,
  type SimStaticIp,
  syncPackageExpiry,
  tradeNo,
  ymd,
} from './state';

export const SIM_APP_KEY = 'bpk7f3a9c2e18d4b6a0f5c7e9d1b3a5c7';
export const SIM_VERIFY_CODE = '135790';

const GB_KB = 1024 * 1024;

const PRODUCTS: SimProduct[] = [
  {
    id: 901,
    title: 'Residential 50GB',
    type: 9,
    parentType: 0,
    usdCents: 15000,
    cnyCents: 108000,
    timeDays: 30,
    flowGb: 50,
    status: 1,
    showType: 1,
  },
  {
    id: 902,
    title: 'Residential 200GB',
    type: 9,
    parentType: 0,
    usdCents: 50000,
    cnyCents: 360000,
    timeDays: 90,
    flowGb: 200,
    status: 1,
    showType: 2,
  },
  {
    id: 1101,
    title: 'Unlimited 100Mbps',
    type: 11,
    parentType: 0,
    usdCents: 39900,
    cnyCents: 287000,
    timeDays: 30,
    flowGb: 0,
    status: 1,
    showType: 1,
  },
  {
    id: 1401,
    title: 'Datacenter Static IP',
    type: 14,
    parentType: 0,
    usdCents: 200,
    cnyCents: 1440,
    timeDays: 30,
    flowGb: 0,
    status: 1,
    showType: 1,
  },
  {
    id: 2501,
    title: 'Residential Static IP (ISP)',
    type: 25,
    parentType: 0,
    usdCents: 450,
    cnyCents: 3240,
    timeDays: 30,
    flowGb: 0,
    status: 1,
    showType: 1,
  },
  {
    id: 1901,
    title: 'Datacenter static IP renewal',
    type: 19,
    parentType: 14,
    usdCents: 200,
    cnyCents: 1440,
    timeDays: 30,
    flowGb: 0,
    status: 1,
    showType: 1,
  },
  {
    id: 1902,
    title: 'Residential static IP renewal',
    type: 19,
    parentType: 25,
    usdCents: 450,
    cnyCents: 3240,
    timeDays: 30,
    flowGb: 0,
    status: 1,
    showType: 1,
  },
  {
    id: 301,
    title: 'Balance top-up',
    type: 3,
    parentType: 0,
    usdCents: 100,
    cnyCents: 720,
    timeDays: 0,
    flowGb: 0,
    status: 1,
    showType: 1,
  },
];

const PAYMENTS: SimPaymentMethod[] = [
  { id: 1, title: 'Account balance', group: 'balance', handlingRate: 0, disabled: false },
  { id: 2, title: 'Alipay', group: 'alipay', handlingRate: 0, disabled: false },
  { id: 3, title: 'USDT (TRC20)', group: 'crypto', handlingRate: 0, disabled: false },
  { id: 4, title: 'Credit card', group: 'card', handlingRate: 0.03, disabled: false },
  { id: 5, title: 'PayPal', group: 'paypal', handlingRate: 0.044, disabled: true },
];

const COUNTRIES = ['US', 'US', 'US', 'GB', 'DE', 'JP', 'SG', 'FR', 'CA', 'NL', 'HK', 'KR'] as const;

function ipFor(rng: Rng, i: number, residential: boolean): string {
  const first = residential ? choose(rng, [24, 67, 72, 98, 104, 173]) : choose(rng, [45, 103, 154, 185, 193]);
  return `${first}.${int(rng, 10, 250)}.${(i >> 8) & 255}.${i & 255 || 1}`;
}

function order(
  id: number,
  product: SimProduct,
  at: Date,
  opts: Partial<SimOrder> & { amount?: number; pmId?: number } = {},
): SimOrder {
  const amount = opts.amount ?? 1;
  const goods = product.usdCents * amount;
  return {
    id,
    tradeNo: tradeNo(at, id),
    outTradeNo: `PAY${id}${at.getTime() % 100000}`,
    productId: product.id,
    productType: product.type,
    title: product.title,
    detail: product.flowGb ? `${product.flowGb}GB / ${product.timeDays} days` : `${product.timeDays} days`,
    regionDesc: '',
    amount,
    unitPriceCents: product.usdCents,
    goodsCents: goods,
    handlingCents: 0,
    discountCents: 0,
    refundCents: 0,
    pmId: opts.pmId ?? 1,
    status: 1,
    createdAt: at,
    payAt: at,
    ...opts,
  };
}

export interface SeedOptions {
  seed: number;
  ipCount: number;
  balanceCents: number;
  now: Date;
}

export function seedState(o: SeedOptions): BestproxyState {
  const rng = makeRng(o.seed);
  const now = o.now.getTime();
  const daysAgo = (d: number, h = 10) => new Date(now - d * DAY_MS + h * 3_600_000 - (now % DAY_MS));
  const product = (id: number) => PRODUCTS.find((p) => p.id === id) as SimProduct;
  const orders: SimOrder[] = [];
  const packages: SimPackage[] = [];
  let orderId = 5100;
  let packageId = 880;

  const buy = (productId: number, boughtDaysAgo: number, validDays: number, amount = 1, usedShare = 0, pmId = 1) => {
    const p = product(productId);
    const at = daysAgo(boughtDaysAgo);
    const o = order(++orderId, p, at, { amount, pmId });
    orders.push(o);
    const totalKb = p.flowGb * GB_KB;
    const pkg: SimPackage = {
      id: ++packageId,
      productType: p.type,
      tradeNo: o.tradeNo,
      title: p.title,
      createdAt: at,
      expiredAt: new Date(at.getTime() + validDays * DAY_MS),
      totalKb,
      usedKb: Math.round(totalKb * usedShare),
    };
    packages.push(pkg);
    return pkg;
  };

  // Traffic packages: one expired with unused traffic, one expiring this week, one fresh.
  buy(902, 100, 90, 1, 0.96);
  buy(901, 25, 30, 1, 0.76);
  buy(902, 12, 90, 1, 0.3);
  buy(1101, 20, 30);
  // Static IP packages; IPs spread over them.
  const dc = buy(1401, 70, 30, Math.max(1, Math.round(o.ipCount * 0.4)));
  const res1 = buy(2501, 55, 30, Math.max(1, Math.round(o.ipCount * 0.35)));
  const res2 = buy(2501, 18, 30, Math.max(1, o.ipCount - Math.round(o.ipCount * 0.75)));

  const ips: SimStaticIp[] = [];
  const owners = [dc, res1, res2];
  for (let i = 0; i < o.ipCount; i++) {
    const share = i / o.ipCount;
    const pkg = share < 0.4 ? dc : share < 0.75 ? res1 : res2;
    const residential = pkg !== dc;
    // Every 8th IP is expired, every 5th expires within a week, the rest 10–60 days out.
    const expiresIn = i % 8 === 3 ? -int(rng, 1, 9) : i % 5 === 1 ? int(rng, 1, 6) : int(rng, 10, 60);
    ips.push({
      id: 30_000 + i + 1,
      ip: ipFor(rng, i + 1, residential),
      port: residential ? 8000 + (i % 50) : 3128,
      socksPort: residential ? 9000 + (i % 50) : 1080,
      username: `bp${(100_000 + int(rng, 0, 899_999)).toString(36)}`,
      password: Math.floor(rng() * 36 ** 10)
        .toString(36)
        .padStart(10, 'x'),
      countryCode: choose(rng, COUNTRIES),
      productType: residential ? 25 : 14,
      packageId: pkg.id,
      tradeNo: pkg.tradeNo,
      createdAt: pkg.createdAt,
      expiredAt: new Date(now + expiresIn * DAY_MS + int(rng, 0, 23) * 3_600_000),
      maintenance: i % 29 === 7,
    });
  }
  const state: BestproxyState = {
    appKey: SIM_APP_KEY,
    accountLabel: 'demo-reseller@bestproxy',
    balanceCents: o.balanceCents,
    verified: true,
    createDurationForm: 'integer',
    integerFormExtraCents: 0,
    orderCalls: [],
    refuseNext: [],
    paging: { cap: 50, totalsFrom: 'served' },
    verifyCode: SIM_VERIFY_CODE,
    packages,
    ips,
    accounts: [],
    whitelist: [],
    orders,
    products: PRODUCTS.map((p) => ({ ...p })),
    payments: PAYMENTS.map((p) => ({ ...p })),
    nextId: { package: packageId, account: 0, order: orderId },
  };
  for (const p of owners) syncPackageExpiry(state, p.id);

  // Order history without packages: a paid renewal, a top-up, a closed crypto order, an unpaid one.
  orders.push(order(++orderId, product(1901), daysAgo(15), { amount: 6, detail: 'Renew 6 IPs, 1 month' }));
  orders.push(
    order(++orderId, product(301), daysAgo(40), { amount: 300, detail: 'Top up $300', pmId: 4, handlingCents: 900 }),
  );
  orders.push(
    order(++orderId, product(2501), daysAgo(9), { amount: 10, status: 2, payAt: null, pmId: 3, regionDesc: 'US x10' }),
  );
  orders.push(order(++orderId, product(901), new Date(now - 2 * 3_600_000), { status: 0, payAt: null, pmId: 3 }));
  state.nextId.order = orderId;

  // Proxy accounts with ~4 months of daily traffic (KB).
  const people: [string, string, number, number, 0 | 1][] = [
    ['shopA01', 'Storefront monitoring', 9, 50, 1],
    ['scraper02', 'Price scraper', 9, 0, 1],
    ['seoteam', 'SEO rank checks', 9, 20, 0],
    ['mobile88', 'App QA', 9, 100, 1],
    ['isp25user', 'Sneaker bots', 25, 60, 1],
  ];
  let accountId = 700;
  for (const [username, remark, productType, limitGb, status] of people) {
    const daily = new Map<string, number>();
    const scale = int(rng, 30, 400) * 1024; // KB per day baseline (30–400 MB)
    for (let d = 120; d >= 0; d--) {
      if (status === 0 && d < 20) continue; // disabled three weeks ago
      const weekday = new Date(now - d * DAY_MS).getUTCDay();
      const factor = weekday === 0 || weekday === 6 ? 0.55 : 1;
      daily.set(ymd(new Date(now - d * DAY_MS)), Math.round(scale * factor * (0.6 + rng() * 0.8)));
    }
    const account: SimAccount = {
      id: ++accountId,
      username,
      password: `Pw${int(rng, 100000, 999999)}x`,
      remark,
      productType,
      limitGb,
      dailyLimitGb: 0,
      status,
      udp: 0,
      createdAt: daysAgo(130 - accountId + 700),
      daily,
    };
    state.accounts.push(account);
  }
  state.nextId.account = accountId;

  state.whitelist = [
    { ip: '203.0.113.24', remark: 'Office', productType: 9, createdAt: daysAgo(90) },
    { ip: '198.51.100.7', remark: 'Scraper VPS', productType: 9, createdAt: daysAgo(60) },
    { ip: '192.0.2.150', remark: 'CI runner', productType: 25, createdAt: daysAgo(30) },
    { ip: '198.51.100.88', remark: '', productType: 14, createdAt: daysAgo(4) },
  ];
  return state;
}

export function accountUsageKb(a: SimAccount): number {
  let sum = 0;
  for (const v of a.daily.values()) sum += v;
  return sum;
}
