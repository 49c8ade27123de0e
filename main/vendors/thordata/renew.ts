/**
 * Pure parts of Thordata server renewal (S5): input checks, the estimate (Thordata has no price
 * check), and the result of several one-server requests.
 */
import type {
  Money,
  RenewQuote,
  RenewQuoteItem,
  RenewRequest,
  RenewResult,
  RenewResultItem,
  RenewTarget,
  UnlimitedServer,
} from '../../../preload/contract/model';
import type { HttpTransport } from '../http/transport';
import type { WriteOutcome } from '../write-outcome';
import { CURRENCY, RENEW_PACKAGES } from './constants';
import type { PaidOrder } from './mappers';
import { DAY_MS } from './reads';

export interface RenewPackage {
  packageId: number;
  days: number;
}

/** The package of `periodId`, servers only; refused before anything is sent. */
export function checkRenew(http: HttpTransport, req: RenewRequest): RenewPackage {
  const pkg = RENEW_PACKAGES.find((p) => String(p.packageId) === req.periodId);
  if (!pkg) {
    throw http.error('invalid_argument', {
      detail: `There is no renewal period "${req.periodId}" (Thordata offers 27, 6, 8 and 7).`,
    });
  }
  if (req.targets.length === 0) throw http.error('invalid_argument', { detail: 'Nothing was selected.' });
  if (req.targets.some((t) => t.kind !== 'server')) {
    throw http.error('not_supported', { detail: 'Only unlimited servers can be renewed through the Thordata API.' });
  }
  return pkg;
}

/**
 * Our estimate (vendorQuoted false). Expiry moves by the package length from max(now, current expiry);
 * the price is what Thordata charged for the same server and package earlier in this session, otherwise
 * unknown (warned, not blocking).
 */
export function quoteFrom(
  req: RenewRequest,
  pkg: RenewPackage,
  servers: UnlimitedServer[],
  balance: Money | null,
  seenPrices: ReadonlyMap<string, Money>,
  nowDate: Date,
): RenewQuote {
  const warnings: RenewQuote['warnings'] = [
    {
      code: 'estimate',
      message:
        'Thordata has no price check. Thordata sets the price when the order is placed and takes it from your wallet.',
      blocking: false,
    },
  ];
  const now = nowDate.getTime();
  let totalMinor = 0;
  let unknownPrice = false;
  const items: RenewQuoteItem[] = req.targets.map((target) => {
    const s = servers.find((x) => x.id === target.id || x.ip === target.id);
    if (!s) {
      warnings.push({ code: 'not_found', message: `Server ${target.label} is not on this account.`, blocking: true });
      return { target, price: null, newExpiresAt: null };
    }
    const price = seenPrices.get(`${s.id}|${pkg.packageId}`) ?? null;
    if (price) totalMinor += price.minor;
    else unknownPrice = true;
    const from = Math.max(now, s.expiresAt ? Date.parse(s.expiresAt) : now);
    return { target, price, newExpiresAt: new Date(from + pkg.days * DAY_MS).toISOString() };
  });
  if (unknownPrice) {
    warnings.push({
      code: 'price_unknown',
      message: 'The price of some renewals is not known in advance.',
      blocking: false,
    });
  }
  if (balance && (balance.minor <= 0 || totalMinor > balance.minor)) {
    warnings.push({ code: 'insufficient_funds', message: 'Your Thordata wallet balance is too low.', blocking: true });
  }
  return { items, total: { minor: totalMinor, currency: CURRENCY }, vendorQuoted: false, balance, warnings };
}

export interface SentRenewal {
  target: RenewTarget;
  r: WriteOutcome<PaidOrder>;
}

/**
 * The result of one request per server. Each item carries its own request's outcome. `charged` is the
 * sum of `order_money` over EVERY applied server — null when none was applied, or when an applied one
 * came without a figure (a partial sum would understate what was taken). Throws instead when every item
 * is unknown (the caller treats that as all-unknown), or every item got the same refusal.
 */
export function renewResult(done: readonly SentRenewal[], servers: readonly UnlimitedServer[]): RenewResult {
  const first = done[0]?.r;
  if (first && first.outcome !== 'applied') {
    const all = done.every((d) => d.r.outcome === first.outcome);
    const same = done.every(
      (d) =>
        d.r.outcome !== 'applied' &&
        d.r.error.code === first.error.code &&
        d.r.error.vendorCode === first.error.vendorCode,
    );
    if (all && (first.outcome === 'unknown' || same)) throw first.error;
  }
  const refs: string[] = [];
  let chargedMinor = 0;
  let everyAppliedPriced = true;
  let anyApplied = false;
  const items: RenewResultItem[] = done.map(({ target, r }) => {
    if (r.outcome !== 'applied') return { target, outcome: r.outcome, newExpiresAt: null, message: r.error.message };
    anyApplied = true;
    if (r.value.orderId) refs.push(r.value.orderId);
    if (r.value.money) chargedMinor += r.value.money.minor;
    else everyAppliedPriced = false;
    return {
      target,
      outcome: 'applied',
      newExpiresAt: servers.find((s) => s.id === target.id)?.expiresAt ?? null,
      message: r.value.orderId ? `Order ${r.value.orderId}` : null,
    };
  });
  return {
    items,
    reference: refs.length > 0 ? refs.join(', ') : null,
    charged: anyApplied && everyAppliedPriced ? { minor: chargedMinor, currency: CURRENCY } : null,
  };
}
