/**
 * In-memory state of one simulated ProxyShard account, and the vendor's rules that change it
 * (prices, renewals, add-ons, sub-user traffic). Money in integer cents, traffic in bytes.
 */
export const GIB = 1024 ** 3;
export const DAY_MS = 86_400_000;

export type Tier = 'standart' | 'premium';
export type ProductKey = 'dc' | 'isp' | 'standart' | 'premium' | 'unmetered';

export interface SimProduct {
  key: ProductKey;
  id: number;
  name: string;
  description: string;
  locations: string[];
  /** Cycle name -> [cycle id, days (null = lifetime), price in cents per unit]. */
  cycles: Record<string, { id: number; days: number | null; unitCents: number }>;
  /** p0f slot price per IP per period (cents), when the product offers it. */
  p0fCents?: number;
}

export interface SimIp {
  ip: string;
  username: string;
  password: string;
  httpPort: number;
  socksPort: number;
  status: string;
  signature: string | null;
  /** Marked for removal at the next renewal (del-np). */
  delNp: boolean;
}

export interface SimAddon {
  addonKey: string;
  catalogId: number;
  qty: number;
  pricePerUnit: number;
  pending: { action: 'downgrade' | 'cancel'; next_qty?: number } | null;
}

export interface SimOrder {
  id: number;
  product: ProductKey;
  cycle: string;
  location: string | null;
  quantity: number;
  pricePaid: number;
  addonsPricePaid: number;
  addons: SimAddon[];
  status: 'active' | 'on-hold' | 'cancelled';
  createdAt: Date;
  expiresAt: Date | null;
  /** Test hook: when set, sent verbatim as `expires_at` / `until` (impossible or odd dates). */
  rawExpiresAt?: string;
  promoCode: string | null;
  autoRenewal: boolean | null;
  tag: string | null;
  ips: SimIp[];
}

export interface SimSubUser {
  userId: string;
  firstName: string;
  proxyPassword: string;
  dataBytes: number;
  spentBytes: number;
}

export interface SimPool {
  /** Owner's traffic total (bytes) and spent; sub-user allocations are moved out of it. */
  dataBytes: number;
  spentBytes: number;
  proxyPassword: string;
  subUsers: SimSubUser[];
}

export interface SimAccount {
  apiKey: string;
  email: string;
  walletCents: number;
  /** Test hook: when set, sent verbatim as `wallet_balance` (e.g. a decimal string where cents are documented). */
  rawWalletBalance?: unknown;
  orders: Map<number, SimOrder>;
  nextOrderId: number;
  nextUserId: number;
  pools: Partial<Record<Tier, SimPool>>;
  products: SimProduct[];
  /** Promo codes: code -> percent off. */
  promos: Record<string, number>;
  /** IPs in stock per `<dc|isp>:<country>` (#6); set on first use by routes-purchase.ts, tests may set it. */
  stock?: Map<string, number>;
}

/** A vendor-rule failure: answered as `{success:false,message}` with this status. */
export class SimFail extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const productOf = (acc: SimAccount, key: ProductKey): SimProduct => {
  const p = acc.products.find((x) => x.key === key);
  if (!p) throw new SimFail(400, 'Invalid product');
  return p;
};

export const productByName = (acc: SimAccount, name: string | null): SimProduct => {
  const p = acc.products.find((x) => x.name === name);
  if (!p) throw new SimFail(400, `Product "${name ?? ''}" not found`);
  return p;
};

export const isStatic = (o: SimOrder): boolean => o.product === 'dc' || o.product === 'isp';

export function orderOf(acc: SimAccount, rawId: string): SimOrder {
  const o = /^\d+$/.test(rawId) ? acc.orders.get(Number(rawId)) : undefined;
  if (!o) throw new SimFail(400, 'Order not found');
  return o;
}

/** Price of one period of an order as it stands: base + add-ons for the next period. */
export function renewalCents(o: SimOrder): number {
  let total = o.pricePaid;
  for (const a of o.addons) {
    const qty = a.pending?.action === 'cancel' ? 0 : (a.pending?.next_qty ?? a.qty);
    total += qty * a.pricePerUnit;
  }
  return total;
}

export interface PriceInput {
  product: string | null;
  location: string | null;
  cycle: string | null;
  quantity: number | null;
  promoCode: string | null;
  addons: { addon_key: string; qty: number }[];
}

export interface PriceOut {
  original_price: number;
  final_price: number;
  discount_percent: number;
  addons_price: number;
  total_with_addons: number;
}

/** The vendor's calculate rules: product, allowed cycle, location, promo, add-ons. */
export function priceOf(acc: SimAccount, input: PriceInput): PriceOut {
  const p = productByName(acc, input.product);
  const cycleName = input.cycle ?? (p.cycles.lifetime ? 'lifetime' : null);
  if (!cycleName) throw new SimFail(400, 'cycle is required for this product');
  const cycle = p.cycles[cycleName];
  if (!cycle) throw new SimFail(400, `Cycle "${cycleName}" is not available for ${p.name}`);
  if (input.location && p.locations.length && !p.locations.includes(input.location)) {
    throw new SimFail(400, `Location ${input.location} is not available for ${p.name}`);
  }
  const qty = input.quantity ?? 1;
  if (!Number.isInteger(qty) || qty < 1) throw new SimFail(400, 'quantity must be a positive integer');
  const original = cycle.unitCents * (p.key === 'unmetered' ? 1 : qty);
  let discount = 0;
  if (input.promoCode) {
    const pct = acc.promos[input.promoCode.toUpperCase()];
    if (pct === undefined) throw new SimFail(400, 'Promo code is not valid');
    discount = pct;
  }
  const final = Math.round((original * (100 - discount)) / 100);
  let addons = 0;
  for (const a of input.addons) {
    if (a.addon_key !== 'p0f_slots' || !p.p0fCents) throw new SimFail(400, `Add-on ${a.addon_key} is not available`);
    addons += a.qty * p.p0fCents;
  }
  return {
    original_price: original,
    final_price: final,
    discount_percent: discount,
    addons_price: addons,
    total_with_addons: final + addons,
  };
}

/** Takes money from the wallet or fails with the vendor's insufficient-balance answer. */
export function debit(acc: SimAccount, cents: number): void {
  if (acc.walletCents < cents) throw new SimFail(400, 'Insufficient balance');
  acc.walletCents -= cents;
}

/** POST /orders/{id}/renew: on-hold only; pays one period, applies pending add-on/IP changes. */
export function renewOrder(acc: SimAccount, o: SimOrder, now: Date): number {
  if (o.status !== 'on-hold') throw new SimFail(400, 'Renewal is available only when order status is on-hold');
  const p = productOf(acc, o.product);
  const days = p.cycles[o.cycle]?.days;
  if (days === null || days === undefined) throw new SimFail(400, 'This order cannot be renewed');
  const cents = renewalCents(o);
  debit(acc, cents);
  for (const a of o.addons) {
    if (a.pending?.action === 'cancel') a.qty = 0;
    else if (a.pending?.next_qty !== undefined) a.qty = a.pending.next_qty;
    a.pending = null;
  }
  o.addons = o.addons.filter((a) => a.qty > 0);
  o.ips = o.ips.filter((ip) => !ip.delNp);
  for (const ip of o.ips) ip.status = 'active';
  o.status = 'active';
  // The period starts at payment: the order had already expired.
  o.expiresAt = new Date(now.getTime() + days * DAY_MS);
  return cents;
}

export function poolOf(acc: SimAccount, tier: string | null): SimPool {
  if (tier !== 'standart' && tier !== 'premium') throw new SimFail(400, 'Invalid proxy type');
  const pool = acc.pools[tier];
  if (!pool) throw new SimFail(400, 'User resident not set');
  return pool;
}

export function subUserOf(pool: SimPool, userId: string): SimSubUser {
  const u = pool.subUsers.find((x) => x.userId === userId);
  if (!u) throw new SimFail(400, 'Sub user not found');
  return u;
}

/** Owner's traffic left (bytes). */
export const poolRemain = (pool: SimPool): number => Math.max(0, pool.dataBytes - pool.spentBytes);
