/**
 * Static IP renewal (reference §5.6): #34 type=19 gives the renewal product (`pid`) per product line
 * (parent_product_type 14 datacenter / 25 residential); #31 gives the payment method (`pm_id`, default:
 * the account balance); #30 prices it (vendorQuoted) with old/new expiry per IP; #28 creates the order,
 * which is then read back by trade_no (#27) together with the new expiries (#24 / #14).
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
import { VendorError } from '../errors';
import { obj, optNum, optStr } from '../parse';
import type { WriteOptions } from '../vendor-client';
import type { BestproxyClient } from './client';
import { ASSUMED_CURRENCY, PATHS, RENEW_DURATIONS, RENEWABLE_TYPES } from './constants';
import {
  type CheckResult,
  mapCheckResult,
  mapOrderFacts,
  type OrderFacts,
  type PaymentMethod,
  type StaticIpFacts,
  staticIpFacts,
} from './mappers';

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
  if (!duration) return c.invalid(`unknown renewal period "${req.periodId}" (use 1m, 2m or em)`);
  if (req.targets.length === 0) return c.invalid('nothing to renew');
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
      isBalance: false,
    };
    if (pm.disabled) return c.invalid(`the payment method "${pm.title}" is disabled at BestProxy`);
  } else {
    pm = methods.find((m) => m.isBalance && !m.disabled);
    if (!pm) return c.invalid('choose a payment method (no account-balance method is offered)');
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
    if (type === null) return c.invalid(`${name} is not a static IP or package of this account`);
    if (!RENEWABLE_TYPES.has(type)) return c.invalid(`${name} cannot be renewed (only static IPs can)`);
    let pid = pidOverride;
    if (!pid) {
      pid = products.find((p) => p.parentType === type)?.id;
      if (!pid) return c.fail('not_supported', { message: `no renewal product is offered for ${TYPE_NAMES[type]}` });
    }
    const g = groups.get(pid) ?? { pid, targets: [] };
    g.targets.push(t);
    groups.set(pid, g);
  }
  return { duration, pm, groups: [...groups.values()], ips };
}

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

export async function quoteRenewal(c: BestproxyClient, req: RenewRequest): Promise<RenewQuote> {
  const p = await plan(c, req);
  const items: RenewQuoteItem[] = [];
  let total: Money = { minor: 0, currency: ASSUMED_CURRENCY };
  for (const g of p.groups) {
    // /order/check documents renew_duration as the string enum (1m / 2m / em).
    const data = await c.post(PATHS.orderCheck, body(p, g, p.duration.id));
    const check = c.parseWith('price check', () => mapCheckResult(data));
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
 * #28 is typed integer for renew_duration while #30 takes "1m"/"2m"/"em" (reference §5.4.5). Send the
 * integer month count where one exists, else the string; if the vendor rejects the field with a
 * parameter error (nothing was created), send the other form once. Transport never retries writes.
 */
async function createOrder(c: BestproxyClient, p: RenewPlan, g: RenewGroup, signal?: AbortSignal): Promise<OrderFacts> {
  const first: string | number = p.duration.months ?? p.duration.id;
  const second = p.duration.months === null ? null : p.duration.id;
  let data: unknown;
  try {
    data = await c.post(PATHS.orderCreate, body(p, g, first), signal);
  } catch (e) {
    const fieldRejected =
      e instanceof VendorError && e.code === 'invalid_argument' && !e.uncertain && /renew_duration/i.test(e.message);
    if (second === null || !fieldRejected) throw e;
    data = await c.post(PATHS.orderCreate, body(p, g, second), signal);
  }
  try {
    return mapOrderFacts(data);
  } catch {
    // The order may exist and money may have moved: the caller must reconcile, not resend.
    return c.fail('bad_response', { message: 'the order answer had no readable order number', uncertain: true });
  }
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

export async function renew(c: BestproxyClient, req: RenewRequest, opts: WriteOptions): Promise<RenewResult> {
  const p = await plan(c, req);
  const results: RenewResultItem[] = [];
  const refs: string[] = [];
  const paidTargets: RenewTarget[] = [];
  let charged: Money | null = null;
  for (const [i, g] of p.groups.entries()) {
    let created: OrderFacts;
    try {
      created = await createOrder(c, p, g, opts.signal);
    } catch (e) {
      // Nothing of this request moved yet, or the outcome is unknown: the caller must see the error.
      if (i === 0 || !(e instanceof VendorError) || e.uncertain) throw e;
      for (const target of g.targets) results.push({ target, ok: false, newExpiresAt: null, message: e.message });
      continue;
    }
    refs.push(created.tradeNo);
    const order = await readBack(c, created);
    if (order.status === 1) {
      paidTargets.push(...g.targets);
      const fee = order.payFee ?? created.payFee;
      if (fee) charged = charged ? addMoney(charged, fee) : fee;
      for (const target of g.targets) results.push({ target, ok: true, newExpiresAt: null, message: null });
    } else {
      const why =
        order.status === 0
          ? `BestProxy created order ${order.tradeNo}; it waits for payment${order.pmTitle ? ` by ${order.pmTitle}` : ''}. Pay it at BestProxy or close it.`
          : `BestProxy created order ${order.tradeNo} but did not mark it paid.`;
      for (const target of g.targets) results.push({ target, ok: false, newExpiresAt: null, message: why });
    }
  }
  if (paidTargets.length > 0) {
    const fresh = await newExpiries(c, paidTargets);
    for (const r of results) if (r.ok) r.newExpiresAt = fresh.get(r.target.id) ?? null;
  }
  return { items: results, reference: refs.length > 0 ? refs.join(',') : null, charged };
}
