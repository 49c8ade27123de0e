/**
 * In-memory state of one simulated YouProxy account: balance (cents), IPs, auto-extend flags.
 * Validation mirrors the documented error codes so the client meets them exactly as in production.
 */
import {
  PERIOD_DISCOUNT,
  PRICE_PER_30_DAYS,
  PROMO_CODES,
  RENT_PERIODS,
  SIM_PROXY_TYPES,
  type SimIp,
  type SimProxyType,
} from './seed-data';

const DAY = 86_400_000;

export interface YpErr {
  code: number;
  message: string;
}

/** Documented messages (2, 4, 14, 16, 29) and the PHP integrator's codes for the rest (unverified). */
export const ERR = {
  apiKey: { code: 2, message: 'Error api key' },
  proxyType: { code: 4, message: 'Incorrect proxy type' },
  rentPeriod: { code: 11, message: 'Incorrect rent period' },
  goal: { code: 14, message: 'Incorrect goal' },
  funds: { code: 16, message: 'Insufficient funds on balance' },
  quantity: { code: 19, message: 'Incorrect quantity' },
  ipIds: { code: 24, message: 'Incorrect ipAddressIds' },
  wholeOrder: { code: 28, message: 'For this proxy type all IP addresses of the same order must be selected' },
  orderIds: { code: 29, message: 'Incorrect orderIds' },
  country: { code: 6, message: 'Incorrect country' },
} as const satisfies Record<string, YpErr>;

export type Selection = { ok: true; type: SimProxyType; ips: SimIp[] } | { ok: false; error: YpErr };

export class YouproxyState {
  balanceMinor: number;
  /**
   * What a by-IP request naming only part of an IPv6 order does: 'refuse' answers error 28 (PHP
   * integrator's code; the docs say all IPs of an IPv6 order go together), 'widen' applies it to the
   * WHOLE order and echoes every affected IP id — the "silent widening" the client must never hide.
   */
  ipv6Partial: 'refuse' | 'widen' = 'refuse';
  readonly ips: SimIp[];
  private readonly byId: Map<string, SimIp>;

  constructor(ips: SimIp[], balanceMinor: number) {
    this.ips = ips;
    this.balanceMinor = balanceMinor;
    this.byId = new Map(ips.map((ip) => [ip.id, ip]));
  }

  proxyTypeOf(v: unknown): SimProxyType | null {
    return SIM_PROXY_TYPES.find((t) => t === v) ?? null;
  }

  periodOk(type: SimProxyType, days: unknown): days is number {
    return typeof days === 'number' && RENT_PERIODS[type].includes(days);
  }

  /** Resolves `ipAddressIds` or `orderIds` of one type to IPs, with the vendor's error codes. */
  select(type: SimProxyType, by: 'ip' | 'order', rawIds: unknown): Selection {
    const bad = by === 'ip' ? ERR.ipIds : ERR.orderIds;
    if (!Array.isArray(rawIds) || rawIds.length === 0) return { ok: false, error: bad };
    const ids = rawIds.map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : ''));
    let picked: SimIp[];
    if (by === 'ip') {
      const found = ids.map((id) => this.byId.get(id));
      if (found.some((ip) => !ip || ip.proxyType !== type)) return { ok: false, error: bad };
      picked = [...new Set(found as SimIp[])];
      // IPv6 is extended only as whole orders.
      if (type === 'IPv6') {
        const orders = new Set(picked.map((ip) => ip.orderId));
        const whole = this.ips.filter((ip) => orders.has(ip.orderId));
        if (whole.length !== picked.length) {
          if (this.ipv6Partial === 'refuse') return { ok: false, error: ERR.wholeOrder };
          picked = whole;
        }
      }
    } else {
      const wanted = new Set(ids);
      picked = this.ips.filter((ip) => wanted.has(ip.orderId));
      const foundOrders = new Set(picked.map((ip) => ip.orderId));
      if (foundOrders.size !== wanted.size || picked.some((ip) => ip.proxyType !== type)) {
        return { ok: false, error: bad };
      }
    }
    return { ok: true, type, ips: picked };
  }

  /** Discount percent of a promo code, or null when the code is unknown. */
  promoDiscount(code: unknown): number | null {
    if (typeof code !== 'string' || code === '') return null;
    return PROMO_CODES.find((p) => p.code === code)?.discount ?? null;
  }

  /** Total price in cents for extending these IPs by `days` (after an optional discount percent). */
  price(type: SimProxyType, count: number, days: number, discountPercent: number | null): number {
    const perIp = PRICE_PER_30_DAYS[type] * (days / 30) * (PERIOD_DISCOUNT[days] ?? 1);
    const gross = Math.round(perIp * count);
    return discountPercent ? Math.round(gross * (1 - discountPercent / 100)) : gross;
  }

  /** Moves each IP's end date by `days` from the later of now and its current end. */
  extend(ips: SimIp[], days: number, now: Date): void {
    for (const ip of ips) {
      const from = Math.max(ip.dateEnd.getTime(), now.getTime());
      ip.dateEnd = new Date(from + days * DAY);
    }
  }

  setAutoExtend(ips: SimIp[], enabled: boolean, days: number): void {
    for (const ip of ips) {
      ip.autoExtend = enabled;
      ip.autoExtendPeriod = enabled ? days : null;
    }
  }

  add(ips: SimIp[]): void {
    for (const ip of ips) {
      this.ips.push(ip);
      this.byId.set(ip.id, ip);
    }
  }

  /** Simulator time before a new order's IPs show in the IP list (0 = at once; youproxy.md §3.10). */
  orderDelayMs = 0;
  private readonly pending: { at: number; ips: SimIp[] }[] = [];

  /** New IPs that join the list only once the clock reaches `at` (see reveal). */
  addLater(ips: SimIp[], at: Date): void {
    this.pending.push({ at: at.getTime(), ips });
  }

  /** Moves every pending order whose time has come into the list (called by the IP-list route). */
  reveal(now: Date): void {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const p = this.pending[i];
      if (p && p.at <= now.getTime()) {
        this.pending.splice(i, 1);
        this.add(p.ips);
      }
    }
  }
}
