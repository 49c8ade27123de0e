/**
 * ProxyShard residential traffic bought for a per-GB residential order (doc §3.3 #19 POST
 * /orders/{id}/add-bandwidth `{amount: whole GB, promo_code?}`, answer `{success, message}`; units §2.5).
 * It charges the wallet, so it is a purchase of kind 'addon' with addonKey `bandwidth_gb` (quantity =
 * GB): sent once under the write outcome rule, an unknown outcome settled by reading, never by resending.
 *  - No price check is documented for it (#2 calculate prices a new order, #13 prices p0f slots only),
 *    so the quote has `total: null` and says so; the user must accept that before anything is sent.
 *  - Checked before sending (a read; a failing read sends nothing): the order is Standart or Premium
 *    residential (§3.3 #19, §4.1: Unmetered, DC and ISP have no traffic to buy).
 *  - Evidence: the pool's purchased traffic `data` (bytes) from #20 /proxies/profile, which sums the
 *    owner's orders of that type. The docs do not say the profile shows new traffic at once, so
 *    `immediate` is false: "nothing new" proves nothing alone (the core also compares the wallet).
 */
import type { Money } from '../../../preload/contract/model';
import type {
  PurchaseEvidence,
  PurchaseRequest,
  PurchaseWarning,
  VendorPurchaseAnswer,
  VendorPurchaseQuote,
} from '../../../preload/contract/purchases';
import { VendorError } from '../errors';
import { formatMoney } from '../money-text';
import { optStr } from '../parse';
import type { WriteOptions } from '../vendor-client';
import { ProxyshardManage } from './client-manage';
import { kindOfProduct, TIER_LABELS, type Tier, tierOfProduct } from './mappers';

/** The addonKey of a residential traffic purchase (quantity = whole GB). */
export const BANDWIDTH_ADDON = 'bandwidth_gb';
export const BANDWIDTH_PRICE_NOTE =
  'ProxyShard does not tell this price in advance: it charges its own per-GB price from your wallet when the traffic is added.';

type AddonPurchase = Extract<PurchaseRequest, { kind: 'addon' }>;

export abstract class ProxyshardBandwidth extends ProxyshardManage {
  /** Whether an add-on request is a residential traffic purchase (the other add-on is p0f slots). */
  protected isBandwidth(req: AddonPurchase): boolean {
    return req.addonKey === BANDWIDTH_ADDON;
  }

  /** No vendor price check: `total: null`, the words in a warning; an empty wallet blocks. */
  protected async quoteBandwidth(req: AddonPurchase): Promise<VendorPurchaseQuote> {
    const [tier, balance] = await Promise.all([this.bandwidthTier(req), this.walletOrNullKeyChecked()]);
    const warnings: PurchaseWarning[] = [];
    if (balance && balance.minor <= 0) {
      warnings.push({
        code: 'insufficient_funds',
        message: 'Your ProxyShard wallet is empty. Top up at ProxyShard, then try again.',
        blocking: true,
      });
    }
    warnings.push({ code: 'price_unknown', message: BANDWIDTH_PRICE_NOTE, blocking: false });
    const summary = `${req.quantity} GB of ${TIER_LABELS[tier]} traffic for order ${req.orderId}`;
    return {
      total: null,
      vendorQuoted: false,
      lines: [{ label: `+${req.quantity} GB ${TIER_LABELS[tier]} traffic`, amount: null }],
      balance,
      warnings,
      promo: null,
      summary,
      spends: 'money',
    };
  }

  /** #19: one request, never retried; the answer names nothing new (`{success, message}`). */
  protected async buyBandwidth(req: AddonPurchase, opts: WriteOptions): Promise<VendorPurchaseAnswer> {
    await this.bandwidthTier(req);
    const message = await this.writeOnce(
      'POST',
      `/orders/${this.orderPath(req.orderId)}/add-bandwidth`,
      { json: { amount: req.quantity }, ...(opts.signal ? { signal: opts.signal } : {}) },
      (a) => optStr(a.message),
    );
    return { reference: null, charged: null, created: [], message };
  }

  /** #20 of the order's pool: `<tier>:data=<bytes>` (reads only; not immediate, see the header). */
  protected async bandwidthEvidence(req: AddonPurchase): Promise<PurchaseEvidence> {
    const tier = await this.bandwidthTier(req);
    const p = await this.profile(tier);
    if (!p) {
      throw this.http.error('vendor_rejected', {
        sentence: `ProxyShard says ${TIER_LABELS[tier]} traffic is not set up on this account, so Proxydeck cannot check a purchase. Nothing was sent.`,
      });
    }
    if (p.totalBytes === null) {
      throw this.http.error('bad_response', { detail: 'The residential profile came without its traffic total.' });
    }
    return { items: [`${tier}:data=${p.totalBytes}`], immediate: false };
  }

  /** The order's residential pool (read from #9); anything but Standart/Premium is refused unsent. */
  private async bandwidthTier(req: AddonPurchase): Promise<Tier> {
    this.orderPath(req.orderId);
    this.checkQty(req.quantity);
    const name = optStr((await this.orderDetail(req.orderId)).product_name);
    const tier = kindOfProduct(name) === 'residential' ? tierOfProduct(name) : null;
    if (!tier) {
      throw this.http.error('invalid_argument', {
        sentence: `Order ${req.orderId} is ${name ?? 'not a residential order'}: ProxyShard adds traffic to Standart and Premium residential orders only.`,
      });
    }
    return tier;
  }

  // ------------------------------------------------------------ shared by the price checks

  /** The wallet for a price check: a refused key stops it, any other failure leaves it unknown (null). */
  protected async walletOrNullKeyChecked(): Promise<Money | null> {
    try {
      return (await this.me()).wallet;
    } catch (e) {
      if (e instanceof VendorError && e.code === 'invalid_credentials') throw e;
      return null;
    }
  }

  protected balanceWarning(balance: Money | null, total: Money, warnings: PurchaseWarning[]): void {
    if (!balance || balance.minor >= total.minor) return;
    const short = { minor: total.minor - balance.minor, currency: total.currency };
    warnings.push({
      code: 'insufficient_funds',
      message: `Your ProxyShard balance (${formatMoney(balance)}) is below the total (${formatMoney(total)}). Top up ${formatMoney(short)} at ProxyShard.`,
      blocking: true,
    });
  }
}
