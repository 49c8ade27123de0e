/**
 * ProxyShard client: Bearer key, `/user/api/*`, money in US cents, residential traffic in bytes
 * (GB going in). This file holds the writes that move money: renewals of on-hold orders (one POST per
 * order, each its own outcome). Buying (new orders, p0f add-ons) is in purchase.ts, reads in
 * client-reads.ts, writes that move no money in client-manage.ts, shared plumbing in client-base.ts.
 */
import type {
  Money,
  RenewPeriod,
  RenewQuote,
  RenewQuoteItem,
  RenewRequest,
  RenewResult,
  RenewResultItem,
  RenewTarget,
} from '../../../preload/contract/model';
import { VendorError } from '../errors';
import { formatMoney } from '../money-text';
import { type Obj, optNum, optStr, pick } from '../parse';
import type { VendorClient, WriteOptions } from '../vendor-client';
import {
  isRenewableProduct,
  mapAddonLines,
  mapCalculate,
  mapOrder,
  type PriceQuote,
  periodsOfProducts,
  recordedRenewalPrice,
} from './mappers';
import { ProxyshardPurchase } from './purchase';
import { ProxyshardResidential } from './residential';
import { CURRENCY, CURRENT_CYCLE, cycleDays } from './units';

export { PRODUCTION_BASE_URL, PROXYSHARD_CAPABILITIES } from './constants';

export class ProxyshardClient extends ProxyshardPurchase implements VendorClient {
  override async renewalPeriods(kind: 'order' | 'ip' | 'server'): Promise<RenewPeriod[]> {
    if (kind !== 'order') return [];
    const products = await this.products();
    // ProxyShard renews an order for its own cycle; other cycles need changeBillingCycle first.
    return [{ id: CURRENT_CYCLE, label: 'Current billing cycle', days: null }, ...periodsOfProducts(products)];
  }

  override async quoteRenewal(req: RenewRequest): Promise<RenewQuote> {
    this.checkOrderTargets(req.targets);
    const [balance, ...perOrder] = await Promise.all([
      this.me().then(
        (m) => m.wallet,
        (e: unknown) => {
          if (e instanceof VendorError && e.code === 'invalid_credentials') throw e;
          return null;
        },
      ),
      ...req.targets.map((t) => this.quoteOne(t, req.periodId)),
    ]);
    const items: RenewQuoteItem[] = perOrder.map((p) => p.item);
    const warnings = perOrder.flatMap((p) => p.warnings);
    const total: Money = {
      minor: items.reduce((s, i) => s + (i.price?.minor ?? 0), 0),
      currency: CURRENCY,
    };
    if (balance && balance.minor < total.minor) {
      warnings.push({
        code: 'insufficient_funds',
        message: `Your ProxyShard balance (${formatMoney(balance)}) is below the renewal total (${formatMoney(total)}).`,
        blocking: true,
      });
    }
    return { items, total, vendorQuoted: perOrder.every((p) => p.vendorQuoted), balance, warnings };
  }

  /**
   * Price of renewing one order. ProxyShard has no renewal price check; its `calculate` endpoint
   * prices a new order of the same product, cycle, quantity, promo and add-ons, which is the
   * vendor's own figure for one period of this order. The order's recorded price (price_paid plus
   * add-ons for the next period) is compared and a difference is shown as a warning. When calculate
   * refuses (e.g. the cycle is no longer sold), the recorded price is used as a labelled estimate.
   */
  private async quoteOne(
    target: RenewTarget,
    periodId: string,
  ): Promise<{ item: RenewQuoteItem; warnings: RenewQuote['warnings']; vendorQuoted: boolean }> {
    const detail = await this.orderDetail(target.id);
    const product = optStr(detail.product_name);
    const cycle = optStr(pick(detail, 'cycle_name', 'cycle'));
    const status = optStr(detail.status);
    const warnings: RenewQuote['warnings'] = [];
    const who = `Order ${target.id}${product ? ` (${product})` : ''}`;
    if (!isRenewableProduct(product)) {
      warnings.push({
        code: 'not_renewable',
        message: `${who} is a per-GB residential plan: it is topped up with traffic, not renewed.`,
        blocking: true,
      });
    } else if (status !== null && status.toLowerCase() !== 'on-hold') {
      warnings.push({
        code: 'not_on_hold',
        message: `${who} is ${status}. ProxyShard renews only on-hold orders; active ones renew automatically when auto-renewal is on.`,
        blocking: true,
      });
    }
    if (!this.periodMatches(periodId, cycle)) {
      warnings.push({
        code: 'period_mismatch',
        message: `${who} renews for its own cycle (${cycle ?? 'unknown'}). Change the billing cycle first to renew for "${periodId}".`,
        blocking: true,
      });
    }
    const recorded = this.parse('order', () => recordedRenewalPrice(detail));
    let price: Money | null = recorded;
    let vendorQuoted = false;
    if (product && isRenewableProduct(product)) {
      const calc = await this.calculateLike(detail).catch((e: unknown) => {
        if (e instanceof VendorError && (e.code === 'vendor_rejected' || e.code === 'bad_response')) return null;
        throw e;
      });
      if (calc) {
        price = calc.total;
        vendorQuoted = true;
        if (recorded && recorded.minor !== calc.total.minor) {
          warnings.push({
            code: 'price_differs',
            message: `${who}: ProxyShard's price check says ${formatMoney(calc.total)}, the order was last paid ${formatMoney(recorded)}. The renewal may charge either.`,
            blocking: false,
          });
        }
      } else {
        warnings.push({
          code: 'estimate',
          message: `${who}: ProxyShard could not price this renewal; ${recorded ? formatMoney(recorded) : 'the price'} is an estimate from the order's last payment.`,
          blocking: false,
        });
      }
    }
    const days = cycle ? cycleDays(cycle) : null;
    const from = Math.max(this.clock().getTime(), target.expiresAt ? Date.parse(target.expiresAt) : 0);
    return {
      item: {
        target,
        price,
        // On-hold orders have expired, so the new period most likely starts at payment: an estimate.
        newExpiresAt: days === null ? null : new Date(from + days * 86_400_000).toISOString(),
      },
      warnings,
      vendorQuoted,
    };
  }

  /** GET /orders/calculate for the same product, cycle, quantity, promo and next-period add-ons. */
  private async calculateLike(detail: Obj): Promise<PriceQuote> {
    const addons = this.parse('order', () => mapAddonLines(detail.addons))
      .filter((a) => a.nextQty > 0)
      .map((a) => ({ addon_key: a.addonKey, qty: a.nextQty }));
    const json = await this.api.get('/orders/calculate', {
      product: optStr(detail.product_name),
      cycle: optStr(pick(detail, 'cycle_name', 'cycle')),
      quantity: optNum(detail.quantity),
      promo_code: optStr(detail.promo_code),
      addons_json: addons.length ? JSON.stringify(addons) : undefined,
    });
    return this.parse('price check', () => mapCalculate(json));
  }

  /**
   * POST /orders/{id}/renew (pays an on-hold order), once per order, never retried; each order is
   * its own request and so its own outcome (write-outcome.ts): 'applied' on `{success: true}`,
   * 'refused' on a documented refusal (refusals.ts), 'unknown' on anything else. After an unknown one
   * nothing more is sent (the remaining orders are 'refused' with "Not sent"), and after a refusal
   * for the balance or the key neither. The new expiry is read back from the order detail, outside
   * the write: a failing read-back leaves it null. `charged` is the wallet difference around the
   * applied renewals (the vendor's answer has no amount), null when a balance read failed.
   */
  override async renew(req: RenewRequest, opts: WriteOptions): Promise<RenewResult> {
    this.checkOrderTargets(req.targets);
    if (req.periodId !== CURRENT_CYCLE) {
      // Checked before any money moves: renewing always uses the order's own cycle.
      for (const t of req.targets) {
        const cycle = optStr(pick(await this.orderDetail(t.id), 'cycle_name', 'cycle'));
        if (!this.periodMatches(req.periodId, cycle)) {
          throw this.http.error('invalid_argument', {
            detail: `Order ${t.id} renews for its own cycle (${cycle ?? 'unknown'}), not "${req.periodId}".`,
          });
        }
      }
    }
    const items: RenewResultItem[] = [];
    const errors: VendorError[] = [];
    let notSent: string | null = null;
    let balance = await this.walletOrNull();
    let charged: number | null = 0;
    for (const target of req.targets) {
      if (notSent) {
        items.push({ target, outcome: 'refused', newExpiresAt: null, message: notSent });
        continue;
      }
      const path = `/orders/${this.orderPath(target.id)}/renew`;
      const r = await this.settle(() => this.api.write('POST', path, opts.signal ? { signal: opts.signal } : {}));
      if (r.outcome === 'applied') {
        const after = await this.walletOrNull();
        charged =
          charged !== null && balance && after && balance.minor >= after.minor
            ? charged + balance.minor - after.minor
            : null;
        balance = after;
        items.push({
          target,
          outcome: 'applied',
          newExpiresAt: await this.expiryAfterRenewal(target.id),
          message: null,
        });
        continue;
      }
      errors.push(r.error);
      items.push({ target, outcome: r.outcome, newExpiresAt: null, message: r.error.message });
      if (r.outcome === 'unknown') {
        notSent = `Not sent: the outcome for order ${target.id} is not known yet, so Proxydeck paid for nothing more.`;
      } else if (r.error.code === 'insufficient_funds') {
        notSent = 'Not sent: the ProxyShard balance ran out on an earlier order.';
      } else if (r.error.code === 'invalid_credentials') {
        notSent = 'Not sent: ProxyShard did not accept the API key.';
      }
    }
    const outcomes = new Set(items.map((i) => i.outcome));
    // One outcome for everything: the single typed error says it best (the core reads a thrown
    // uncertain error as "all unknown").
    if (outcomes.size === 1 && !outcomes.has('applied') && errors[0]) throw errors[0];
    const applied = outcomes.has('applied');
    return {
      items,
      reference: null,
      charged: applied && charged !== null ? { minor: charged, currency: CURRENCY } : null,
    };
  }

  /** The wallet, or null when it cannot be read (a renewal never fails for a balance read). */
  private async walletOrNull(): Promise<Money | null> {
    try {
      return (await this.me()).wallet;
    } catch {
      return null;
    }
  }

  private async expiryAfterRenewal(id: string): Promise<string | null> {
    try {
      const detail = await this.orderDetail(id);
      return this.parse('order', () => mapOrder(detail, null, new Map()).expiresAt);
    } catch {
      return null; // Renewed; the read-back failed. The next refresh shows the new expiry.
    }
  }

  private periodMatches(periodId: string, cycle: string | null): boolean {
    return periodId === CURRENT_CYCLE || (cycle !== null && periodId.toLowerCase() === cycle.toLowerCase());
  }

  private checkOrderTargets(targets: RenewTarget[]): void {
    if (!targets.length) throw this.http.error('invalid_argument', { detail: 'Nothing was selected to renew.' });
    for (const t of targets) {
      if (t.kind !== 'order') {
        throw this.http.error('invalid_argument', { detail: 'ProxyShard renews whole orders, not single IPs.' });
      }
      this.orderPath(t.id);
    }
  }

  // ------------------------------------------------------------ residential generator (residential.ts)

  private residential(): ProxyshardResidential {
    return new ProxyshardResidential({
      get: (path, query) => this.api.get(path, query),
      parse: (what, fn) => this.parse(what, fn),
      error: (code, opts) => this.http.error(code, opts),
      tiersSetUp: () => this.tiersSetUp(),
      listSubUsers: () => this.listSubUsers(),
      subUserProxyPassword: (id) => this.subUserProxyPassword(id),
    });
  }
  residentialForm: NonNullable<VendorClient['residentialForm']> = () => this.residential().form();
  residentialOptions: NonNullable<VendorClient['residentialOptions']> = (q) => this.residential().options(q);
  generateResidential: NonNullable<VendorClient['generateResidential']> = (r) => this.residential().generate(r);
}
