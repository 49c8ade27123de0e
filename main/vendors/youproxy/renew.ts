/**
 * Quote and renewal for YouProxy: one request per (proxy type, by-IP | by-order) group, each priced
 * by the vendor (/calculate/extend[/order]) and sent once (/extend[/order]). Each group's request has
 * its own outcome under the write outcome rule (write-outcome.ts); its items share it.
 */
import type {
  Balance,
  Money,
  RenewQuote,
  RenewQuoteItem,
  RenewRequest,
  RenewResult,
  RenewResultItem,
  RenewTarget,
  WriteItemOutcome,
} from '../../../preload/contract/model';
import type { VendorError } from '../errors';
import { type HttpTransport, VENDOR_TEXT_MAX } from '../http/transport';
import type { Obj } from '../parse';
import type { WriteOptions } from '../vendor-client';
import type { WriteOutcome } from '../write-outcome';
import { mapExtendEcho, mapQuote, type YpExtendEcho, type YpIp, type YpWarning } from './mappers';
import { type ExtraIp, extrasOf, type GroupedTargets, ipsInWords, type TargetGroup, wideningWarning } from './targets';

const DAY_MS = 86_400_000;

/** What the client lends the renewal code (its transport, clock and write rule). */
export interface YpContext {
  http: HttpTransport;
  clock: () => Date;
  post(endpoint: string, body: Obj, signal?: AbortSignal): Promise<Obj>;
  settle<T>(fn: () => Promise<T>): Promise<WriteOutcome<T>>;
  parse<T>(what: string, fn: () => T): T;
  fetchIps(signal?: AbortSignal): Promise<YpIp[]>;
  getBalance(): Promise<Balance>;
  grouped(
    targets: RenewTarget[],
    options: Record<string, string> | undefined,
    signal?: AbortSignal,
  ): Promise<GroupedTargets & { ips: YpIp[] }>;
  periodDays(periodId: string): number;
}

export function extendBody(group: TargetGroup, days: number, extra: Obj): Obj {
  return {
    proxyType: group.proxyType,
    [group.by === 'order' ? 'orderIds' : 'ipAddressIds']: group.ids,
    rentPeriodDays: days,
    ...extra,
  };
}

/** The vendor's own price check: /calculate/extend (IP ids) or /calculate/extend/order (order ids). */
export async function quoteRenewal(ctx: YpContext, req: RenewRequest): Promise<RenewQuote> {
  const days = ctx.periodDays(req.periodId);
  const promoCode = req.options?.promoCode;
  const { groups, widenings, ips } = await ctx.grouped(req.targets, req.options);
  const items: RenewQuoteItem[] = [];
  const warnings: YpWarning[] = widenings.map((w) => ({
    code: 'ipv6_whole_order',
    message: wideningWarning(w),
    blocking: false,
  }));
  let totalMinor = 0;
  let currency: string | null = null;
  let balance: Money | null = null;
  for (const group of groups) {
    const endpoint = group.by === 'order' ? 'calculate/extend/order' : 'calculate/extend';
    const body = await ctx.post(endpoint, extendBody(group, days, promoCode ? { promoCode } : {}));
    const q = ctx.parse('price check', () => mapQuote(body));
    if (currency !== null && currency !== q.price.currency) {
      throw ctx.http.error('bad_response', { detail: 'The prices came in different currencies.' });
    }
    currency = q.price.currency;
    totalMinor += q.price.minor;
    balance = q.balance ?? balance;
    // The vendor's own words: redacted like every vendor text before they reach the window.
    warnings.push(...q.warnings.map((w) => ({ ...w, message: ctx.http.redact.clip(w.message, VENDOR_TEXT_MAX) })));
    if (q.promoCodeStatus === 'NO_VALID') {
      warnings.push({
        code: 'promo_not_valid',
        message: 'The promo code is not valid; the price is without discount.',
        blocking: false,
      });
    }
    for (const target of group.targets) {
      // The vendor prices the request as a whole; a per-item price exists only for one-item requests.
      items.push({
        target,
        price: group.targets.length === 1 ? q.price : null,
        newExpiresAt: expectedExpiry(target, ips, days, ctx.clock()),
      });
    }
  }
  const unique = new Map(warnings.map((w) => [`${w.code}|${w.message}`, w]));
  return {
    items,
    total: { minor: totalMinor, currency: currency ?? 'USD' },
    vendorQuoted: true,
    balance,
    warnings: [...unique.values()],
  };
}

interface GroupOutcome {
  group: TargetGroup;
  result: WriteOutcome<YpExtendEcho>;
  extras: ExtraIp[];
}

/**
 * Moves money: one POST per group, each sent once and judged on its own. Re-reads (balance before,
 * expiries after) sit outside the writes: a failing read leaves `charged` / `newExpiresAt` null and
 * never turns an applied write into a failure.
 */
export async function renew(ctx: YpContext, req: RenewRequest, opts: WriteOptions): Promise<RenewResult> {
  const days = ctx.periodDays(req.periodId);
  const promoCode = req.options?.promoCode;
  const { groups, ips } = await ctx.grouped(req.targets, req.options, opts.signal);
  const before = await ctx.getBalance().catch(() => null);
  const done: GroupOutcome[] = [];
  for (const group of groups) {
    if (opts.signal?.aborted) {
      const error = ctx.http.error('network', { sentence: 'The renewal was cancelled before this part was sent.' });
      done.push({ group, result: { outcome: 'refused', error }, extras: [] });
      continue;
    }
    const endpoint = group.by === 'order' ? 'extend/order' : 'extend';
    const result = await ctx.settle(async () => {
      const body = await ctx.post(endpoint, extendBody(group, days, promoCode ? { promoCode } : {}), opts.signal);
      return ctx.parse('extension', () => mapExtendEcho(body));
    });
    const echo = result.outcome === 'applied' ? result.value.ipAddressIds : [];
    done.push({ group, result, extras: result.outcome === 'refused' ? [] : extrasOf(group, ips, echo) });
  }
  // One request for everything that did not go through: its own error says it best.
  const only = done.length === 1 ? done[0] : undefined;
  if (only && only.result.outcome !== 'applied') throw only.result.error;

  const fresh = done.some((d) => d.result.outcome === 'applied')
    ? await ctx.fetchIps(opts.signal).catch(() => null)
    : null;
  const items: RenewResultItem[] = [];
  for (const d of done) items.push(...groupItems(d, fresh));
  return { items, reference: null, charged: chargedBy(before?.money ?? null, done) };
}

/** The caller's items of one group, then the IPs the vendor changed with them (no silent widening). */
function groupItems(d: GroupOutcome, fresh: YpIp[] | null): RenewResultItem[] {
  const outcome: WriteItemOutcome = d.result.outcome;
  const error: VendorError | null = d.result.outcome === 'applied' ? null : d.result.error;
  const applied = outcome === 'applied';
  const verb = applied ? 'Also extended' : 'It may also have extended';
  const why =
    d.group.proxyType === 'IPv6'
      ? 'YouProxy extends IPv6 only by whole order.'
      : 'YouProxy reported more IPs for this request than were selected.';
  const own = d.group.targets.map((target): RenewResultItem => {
    const mine = d.extras.filter((x) => x.orderId === null || x.orderId === orderOf(target, fresh, d));
    const note =
      mine.length > 0
        ? `${why} ${verb} with it: ${mine.length} IP${mine.length === 1 ? '' : 's'} ` +
          `you did not select, ${ipsInWords(mine)}.`
        : null;
    const text = [error?.message ?? null, note].filter((t): t is string => t !== null).join(' ');
    return {
      target,
      outcome,
      newExpiresAt: applied && fresh ? currentExpiry(target, fresh) : null,
      message: text === '' ? null : text,
    };
  });
  const extra = d.extras.map(
    (x): RenewResultItem => ({
      target: { kind: 'ip', id: x.id, label: x.label, expiresAt: x.expiresAt },
      outcome,
      newExpiresAt: applied && fresh ? currentExpiry({ kind: 'ip', id: x.id }, fresh) : null,
      message:
        `Not selected, but ${applied ? 'extended' : 'it may have been extended'} by the same request` +
        `${x.orderId ? ` (order ${x.orderId})` : ''}. ${why}${error ? ` ${error.message}` : ''}`,
    }),
  );
  return [...own, ...extra];
}

function orderOf(target: RenewTarget, fresh: YpIp[] | null, d: GroupOutcome): string | null {
  if (target.kind === 'order') return target.id;
  const ip = (fresh ?? []).find((x) => x.id === target.id);
  if (ip?.orderId) return ip.orderId;
  return d.group.by === 'order' && d.group.ids.length === 1 ? (d.group.ids[0] ?? null) : null;
}

/**
 * What the vendor charged for the applied groups: the balance drop over each applied request (the
 * balance before it, then the balance its answer reports). A request with an unknown outcome breaks
 * the chain (it may have charged): an applied one after it cannot be measured, so `charged` is null.
 */
function chargedBy(before: Money | null, done: GroupOutcome[]): Money | null {
  let known: Money | null = before;
  let total = 0;
  let currency: string | null = null;
  let any = false;
  for (const d of done) {
    if (d.result.outcome === 'refused') continue; // documented refusal or not sent: nothing charged
    if (d.result.outcome === 'unknown') {
      known = null;
      continue;
    }
    const after = d.result.value.balance;
    if (!known || !after || known.currency !== after.currency || (currency !== null && currency !== after.currency)) {
      return null;
    }
    total += known.minor - after.minor;
    currency = after.currency;
    known = after;
    any = true;
  }
  return any && currency !== null && total >= 0 ? { minor: total, currency } : null;
}

/** The expiry a target has in an IP list (an order's earliest IP expiry). */
export function currentExpiry(target: Pick<RenewTarget, 'kind' | 'id'>, ips: YpIp[]): string | null {
  const dates = ips
    .filter((ip) => (target.kind === 'order' ? ip.orderId === target.id : ip.id === target.id))
    .map((ip) => ip.endpoint.expiresAt)
    .filter((d): d is string => d !== null)
    .sort();
  return dates[0] ?? null;
}

/** Expected new expiry for a quote: from the later of now and the current expiry, plus the period. */
function expectedExpiry(target: RenewTarget, ips: YpIp[], days: number, now: Date): string | null {
  const current = target.expiresAt ?? currentExpiry(target, ips);
  if (current === null) return null;
  const from = Math.max(Date.parse(current), now.getTime());
  return new Date(from + days * DAY_MS).toISOString();
}
