/**
 * Static IP renewal (reference §5.6): #34 type=19 gives the renewal product (`pid`) per product line
 * (parent_product_type 14 datacenter / 25 residential); #31 gives the payment method (`pm_id`, default:
 * the account balance); #30 prices it (vendorQuoted) with old/new expiry per IP; #28 creates the order,
 * which is then read back by trade_no (#27) together with the new expiries (#24 / #14).
 *
 * What is charged is what was quoted: every #28 body is exactly the body a #30 check priced just
 * before (the same renew_duration form and every other field). One order per product line; each is
 * one write under the write outcome rule, and its items share its outcome.
 */
import type {
  Money,
  RenewQuote,
  RenewQuoteItem,
  RenewRequest,
  RenewResult,
  RenewResultItem,
  RenewTarget,
} from '../../../preload/contract/model';
import { isVendorError, type VendorError } from '../errors';
import { formatMoney } from '../money-text';
import { obj, optNum, optStr } from '../parse';
import type { WriteOptions } from '../vendor-client';
import type { WriteOutcome } from '../write-outcome';
import type { BestproxyClient } from './client';
import { PATHS, RENEW_DURATIONS, RENEWABLE_TYPES } from './constants';
import { type StaticIpFacts, staticIpFacts } from './mappers';
import {
  type CheckResult,
  mapCheckResult,
  mapOrderFacts,
  type OrderFacts,
  type PaymentMethod,
} from './mappers-renewal';

type Duration = (typeof RENEW_DURATIONS)[number];

interface RenewGroup {
  pid: string;
  targets: RenewTarget[];
}

interface RenewPlan {
  duration: Duration;
  pm: PaymentMethod;
  groups: RenewGroup[];
  ips: StaticIpFacts[];
}

const num = (s: string): string | number => (/^\d{1,15}$/.test(s) ? Number(s) : s);

const TYPE_NAMES: Record<number, string> = { 14: 'datacenter static IPs', 25: 'residential static IPs' };

/** Resolves targets to renewal products and a payment method; reads state, moves nothing. */
async function plan(c: BestproxyClient, req: RenewRequest): Promise<RenewPlan> {
  const duration = RENEW_DURATIONS.find((d) => d.id === req.periodId);
  if (!duration) return c.invalid(`The renewal period "${req.periodId}" is unknown (use 1m, 2m or em).`);
  if (req.targets.length === 0) return c.invalid('Nothing was selected to renew.');
  if (req.targets.some((t) => t.kind === 'server')) return c.fail('not_supported');
  const pidOverride = req.options?.pid?.trim();
  const needPackages = req.targets.some((t) => t.kind === 'order');
  const [ipRows, packageRows, methods, products] = await Promise.all([
    c.staticIpRows(),
    needPackages ? c.packages() : Promise.resolve([]),
    c.paymentMethods(),
    pidOverride ? Promise.resolve([]) : c.renewalProducts(),
  ]);
  const ips = c.parseWith('static IPs', () => ipRows.map(staticIpFacts));

  const pmId = req.options?.pm_id?.trim();
  let pm: PaymentMethod | undefined;
  if (pmId) {
    pm = methods.find((m) => m.id === pmId) ?? {
      id: pmId,
      title: `payment method ${pmId}`,
      group: null,
      disabled: false,
      currency: methods[0]?.currency ?? 'USD',
      isBalance: false,
    };
    if (pm.disabled) return c.invalid(`The payment method "${pm.title}" is disabled at BestProxy.`);
  } else {
    pm = methods.find((m) => m.isBalance && !m.disabled);
    if (!pm) return c.invalid('Choose a payment method: BestProxy offers no account-balance method.');
  }

  const typeOf = (t: RenewTarget): number | null => {
    if (t.kind === 'ip') return ips.find((f) => f.id === t.id)?.productType ?? null;
    const row = packageRows.map(obj).find((p) => optStr(p.id) === t.id);
    return row ? optNum(row.product_type) : null;
  };
  const groups = new Map<string, RenewGroup>();
  for (const t of req.targets) {
    const type = typeOf(t);
    const name = t.label || t.id;
    if (type === null) return c.invalid(`${name} is not a static IP or package of this account.`);
    if (!RENEWABLE_TYPES.has(type)) return c.invalid(`${name} cannot be renewed: only static IPs can.`);
    let pid = pidOverride;
    if (!pid) {
      pid = products.find((p) => p.parentType === type)?.id;
      if (!pid) return c.fail('not_supported', { detail: `No renewal product is offered for ${TYPE_NAMES[type]}.` });
    }
    const g = groups.get(pid) ?? { pid, targets: [] };
    g.targets.push(t);
    groups.set(pid, g);
  }
  return { duration, pm, groups: [...groups.values()], ips };
}

/** The one body builder for #30 and #28: a create carries exactly what a check priced. */
function body(p: RenewPlan, g: RenewGroup, renewDuration: string | number): Record<string, unknown> {
  return {
    pid: num(g.pid),
    pm_id: num(p.pm.id),
    upids: g.targets.map((t) => t.id).join(','),
    renew_duration: renewDuration,
  };
}

/** The IPs a target stands for: itself, or every IP of a package. */
function ipsOf(t: RenewTarget, ips: StaticIpFacts[]): Set<string> {
  return new Set(ips.filter((f) => (t.kind === 'ip' ? f.id === t.id : f.packageId === t.id)).map((f) => f.ip));
}

const addMoney = (a: Money, b: Money): Money => ({ minor: a.minor + b.minor, currency: a.currency });
const latest = (dates: (string | null)[]): string | null =>
  dates
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1) ?? null;

function quoteItems(g: RenewGroup, check: CheckResult, ips: StaticIpFacts[]): RenewQuoteItem[] {
  return g.targets.map((target) => {
    const mine = ipsOf(target, ips);
    const hits = check.ips.filter((r) => mine.has(r.ip));
    const prices = hits.map((h) => h.price).filter((m): m is Money => m !== null);
    let price = prices.length > 0 ? prices.reduce(addMoney) : null;
    if (price === null && g.targets.length === 1) price = check.payFee;
    return { target, price, newExpiresAt: latest(hits.map((h) => h.newExpiresAt)) };
  });
}

/** #30 for one body: creates nothing (seed: "No actual order will be created"). */
export async function priceCheck(c: BestproxyClient, b: Record<string, unknown>): Promise<CheckResult> {
  const data = await c.post(PATHS.orderCheck, b);
  return c.parseWith('price check', () => mapCheckResult(data));
}

export async function quoteRenewal(c: BestproxyClient, req: RenewRequest): Promise<RenewQuote> {
  const p = await plan(c, req);
  const items: RenewQuoteItem[] = [];
  let total: Money = { minor: 0, currency: p.pm.currency };
  for (const g of p.groups) {
    // /order/check documents renew_duration as the string enum (1m / 2m / em); renew() starts with it too.
    const check = await priceCheck(c, body(p, g, createForms(p.duration)[0]!));
    total = addMoney(total, check.payFee);
    items.push(...quoteItems(g, check, p.ips));
  }
  const warnings: RenewQuote['warnings'] = [
    {
      code: 'currency_assumed',
      message: 'BestProxy does not state the currency of order amounts; they are shown as US dollars.',
      blocking: false,
    },
  ];
  if (!p.pm.isBalance) {
    warnings.push({
      code: 'external_payment',
      message: `Paying with ${p.pm.title} creates an unpaid order: the IPs are renewed once you pay it at BestProxy.`,
      blocking: false,
    });
  }
  if (items.some((i) => i.price === null)) {
    warnings.push({
      code: 'partial_prices',
      message: 'BestProxy did not price every item separately.',
      blocking: false,
    });
  }
  return { items, total, vendorQuoted: true, balance: null, warnings };
}

/**
 * The renew_duration forms, in the order tried (reference §5.4.5): #30 documents the string enum and
 * #28 types the field integer (month count). "em" has no integer form.
 */
function createForms(d: Duration): (string | number)[] {
  return d.months === null ? [d.id] : [d.id, d.months];
}

/** BestProxy's documented parameter error (code 400) naming renew_duration: nothing was created. */
function durationRefused(e: VendorError): boolean {
  return e.code === 'invalid_argument' && e.vendorCode === '400' && /renew_duration/i.test(e.message);
}

const sameMoney = (a: Money, b: Money): boolean => a.minor === b.minor && a.currency === b.currency;

/** A failed price check: nothing was ordered (a check creates nothing), said without doubt. */
function checkFailed(c: BestproxyClient, e: unknown): VendorError {
  if (isVendorError(e) && !e.uncertain) return e;
  return c.errorOf(isVendorError(e) ? e.code : 'bad_response', {
    detail: 'The price check before ordering failed, so nothing was ordered.',
    cause: e,
  });
}

/**
 * One product line's order: check a body, create with exactly that body. If BestProxy refuses that
 * renew_duration form (documented parameter error), the other form is checked first and created only
 * at the same price. The create (one request plus reading its answer) is the write.
 */
async function orderGroup(
  c: BestproxyClient,
  p: RenewPlan,
  g: RenewGroup,
  signal?: AbortSignal,
): Promise<WriteOutcome<OrderFacts>> {
  let quoted: Money | null = null;
  let formRefused: VendorError | null = null;
  for (const form of createForms(p.duration)) {
    const b = body(p, g, form);
    let check: CheckResult;
    try {
      check = await priceCheck(c, b);
    } catch (e) {
      return { outcome: 'refused', error: formRefused ?? checkFailed(c, e) };
    }
    if (quoted !== null && !sameMoney(quoted, check.payFee)) {
      const error = c.errorOf('vendor_rejected', {
        sentence:
          `BestProxy refused the renewal period in the form it was priced in, and priced the other form ` +
          `differently (${formatMoney(check.payFee)} instead of ${formatMoney(quoted)}), so nothing was ordered. ` +
          'Check the prices again.',
        cause: formRefused,
      });
      return { outcome: 'refused', error };
    }
    quoted = check.payFee;
    const r = await c.settleOnce(async () => {
      const data = await c.post(PATHS.orderCreate, b, signal);
      return c.parseWith('order', () => mapOrderFacts(data));
    });
    if (r.outcome === 'refused' && formRefused === null && durationRefused(r.error)) {
      formRefused = r.error;
      continue;
    }
    return r;
  }
  return { outcome: 'refused', error: formRefused as VendorError };
}

/** Reads the order back by trade_no; falls back to the create answer if the read fails. */
async function readBack(c: BestproxyClient, created: OrderFacts): Promise<OrderFacts> {
  try {
    const rows = await c.orders({ trade_no: created.tradeNo });
    const row = rows.map(obj).find((r) => optStr(r.trade_no) === created.tradeNo);
    return row ? mapOrderFacts(row) : created;
  } catch {
    return created;
  }
}

/** New expiry per target, re-read after payment; null when the re-read fails (renewal still done). */
async function newExpiries(c: BestproxyClient, targets: RenewTarget[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  try {
    const [ipRows, packageRows] = await Promise.all([
      c.staticIpRows(),
      targets.some((t) => t.kind === 'order') ? c.packages() : Promise.resolve([]),
    ]);
    const ips = ipRows.map(staticIpFacts);
    for (const t of targets) {
      if (t.kind === 'ip') out.set(t.id, ips.find((f) => f.id === t.id)?.expiresAt ?? null);
      else {
        const row = packageRows.map(obj).find((r) => optStr(r.id) === t.id);
        out.set(t.id, row ? staticIpFacts({ ...row, ip: '' }).expiresAt : null);
      }
    }
  } catch {
    // Leave the map empty: the renewal succeeded, the UI re-reads on its next refresh.
  }
  return out;
}

/**
 * One order per product line, in turn; each item gets its own order's outcome. After an order whose
 * outcome is unknown nothing more is sent (the rest: 'refused', not sent). Every item unknown → the
 * unknown error is thrown; every item refused by one and the same error → that error is thrown.
 * `charged` sums pay_fee of every paid order.
 */
export async function renew(c: BestproxyClient, req: RenewRequest, opts: WriteOptions): Promise<RenewResult> {
  const p = await plan(c, req);
  const results: RenewResultItem[] = [];
  const refs: string[] = [];
  const refusals: VendorError[] = [];
  const paidTargets: RenewTarget[] = [];
  let charged: Money | null = null;
  let halted: VendorError | null = null;
  const put = (g: RenewGroup, outcome: RenewResultItem['outcome'], message: string | null) => {
    for (const target of g.targets) results.push({ target, outcome, newExpiresAt: null, message });
  };
  for (const g of p.groups) {
    if (halted) {
      put(
        g,
        'refused',
        'Not sent: the order before it has an unknown outcome, so Proxydeck stopped. Nothing was paid for it.',
      );
      continue;
    }
    const r = await orderGroup(c, p, g, opts.signal);
    if (r.outcome === 'unknown') {
      halted = r.error;
      put(g, 'unknown', r.error.message);
      continue;
    }
    if (r.outcome === 'refused') {
      refusals.push(r.error);
      put(g, 'refused', r.error.message);
      continue;
    }
    const created = r.value;
    refs.push(created.tradeNo);
    const order = await readBack(c, created);
    if (created.status === 1 || order.status === 1) {
      paidTargets.push(...g.targets);
      const fee = created.payFee ?? order.payFee;
      if (fee) charged = charged ? addMoney(charged, fee) : fee;
      put(g, 'applied', null);
    } else {
      // The order exists but nothing was paid or renewed: not applied (the user pays or closes it).
      const why =
        order.status === 0
          ? `BestProxy created order ${order.tradeNo}; it waits for payment${order.pmTitle ? ` by ${order.pmTitle}` : ''}. The IPs are renewed once you pay it at BestProxy; close it there if you do not want it.`
          : `BestProxy created order ${order.tradeNo} but did not mark it paid, so nothing was renewed.`;
      put(g, 'refused', why);
    }
  }
  // Every item unknown (one order, its answer unreadable): the unknown error itself.
  if (halted && results.every((x) => x.outcome === 'unknown')) throw halted;
  const onlyRefusal = refusals[0];
  if (onlyRefusal && results.every((x) => x.outcome === 'refused') && refusals.length === p.groups.length) {
    if (refusals.every((e) => e.message === onlyRefusal.message)) throw onlyRefusal;
  }
  if (paidTargets.length > 0) {
    const fresh = await newExpiries(c, paidTargets);
    for (const x of results) if (x.outcome === 'applied') x.newExpiresAt = fresh.get(x.target.id) ?? null;
  }
  return { items: results, reference: refs.length > 0 ? refs.join(',') : null, charged };
}
