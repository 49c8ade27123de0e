/**
 * ProxyShard buying (doc /work/shared/vendors/proxyshard.md): new orders (§3.1 #1 purchase, #2
 * calculate, #5 products, #6 stock), p0f slot add-ons of DC/ISP orders (§3.2 #13–#16) and residential
 * traffic (§3.3 #19, addonKey `bandwidth_gb`, in bandwidth.ts). All charge the wallet at once, so each is sent once under the write outcome rule (write-outcome.ts,
 * refusals.ts) and an unknown outcome is settled by reading (purchaseEvidence), never by resending.
 * Add-on downgrades (#15/#16) move no money. Parsing lives in purchase-mappers.ts.
 */
import type { Money } from '../../../preload/contract/model';
import type { OrderAddons } from '../../../preload/contract/order-tools';
import type {
  OrderPurchase,
  PurchaseCatalog,
  PurchaseEvidence,
  PurchaseOptionField,
  PurchaseRequest,
  PurchaseWarning,
  VendorPurchaseAnswer,
  VendorPurchaseQuote,
} from '../../../preload/contract/purchases';
import { VendorError } from '../errors';
import { formatMoney } from '../money-text';
import { optMoney } from '../parse';
import type { WriteOptions } from '../vendor-client';
import { ProxyshardBandwidth } from './bandwidth';
import { mapAddonCalculate, mapAddonLines } from './mappers';
import {
  addonQtyOf,
  buyClassOf,
  type CatalogRow,
  mapAddonView,
  mapCalcLines,
  mapCatalogRows,
  mapStock,
  orderIdOf,
  P0F_ADDON,
  productOf,
  stockCodeOf,
} from './purchase-mappers';
import { type OrderPlan, planOrder } from './purchase-plan';
import { CURRENCY } from './units';

type AddonPurchase = Extract<PurchaseRequest, { kind: 'addon' }>;

export abstract class ProxyshardPurchase extends ProxyshardBandwidth {
  // ------------------------------------------------------------ catalog

  /**
   * #5 products as the catalog (a failure here fails the catalog), #6 stock best-effort: when it cannot
   * be read every location's stock is null and a note says so; a reported 0 shows as 0.
   */
  async purchaseCatalog(accountId: string): Promise<PurchaseCatalog> {
    const [rows, stock] = await Promise.all([this.catalogRows(), this.stockOrNull()]);
    const products = rows.map((r) => productOf(r, stock));
    const names = (pred: (r: CatalogRow) => boolean) => rows.filter(pred).map((r) => r.name);
    const staticNames = names((r) => buyClassOf(r.name) === 'static');
    const renewable = names((r) => ['static', 'unmetered'].includes(buyClassOf(r.name)));
    const options: PurchaseOptionField[] = [
      {
        key: P0F_ADDON,
        label: 'p0f slots',
        required: false,
        choices: null,
        products: staticNames,
        help: 'How many IPs can get a p0f OS signature (one slot per IP, charged each period). Leave empty for none.',
      },
      {
        key: 'auto_renewal',
        label: 'Auto-renewal',
        required: false,
        choices: [
          { value: 'no', label: 'Off' },
          { value: 'yes', label: 'On', note: 'ProxyShard renews from your wallet 1–2 hours before expiry' },
        ],
        products: renewable,
        help: null,
      },
    ];
    const notes = [
      'ProxyShard charges your wallet as soon as the order is placed.',
      'For per-GB residential plans the quantity is read as GB: the ProxyShard docs imply it from the prices but do not state it.',
      'Each residential plan can be owned once per account; to add traffic to one you have, use "Buy more traffic" in that order’s details.',
    ];
    if (!stock) notes.push('ProxyShard did not say how many IPs are in stock; its price check and purchase decide.');
    return {
      accountId,
      vendor: 'proxyshard',
      products,
      options,
      promoCodeAllowed: true,
      promoCodes: null,
      topUpBonus: null,
      vendorPage: null,
      notes,
      fetchedAt: this.clock().toISOString(),
    };
  }

  private async catalogRows(): Promise<CatalogRow[]> {
    const json = await this.api.get('/proxies/products');
    return this.parse('products', () => mapCatalogRows(json));
  }

  private async stockOrNull(): Promise<Map<string, number> | null> {
    try {
      const json = await this.api.get('/proxies/available-count');
      return this.parse('available-count', () => mapStock(json));
    } catch (e) {
      if (e instanceof VendorError && e.code === 'invalid_credentials') throw e;
      return null;
    }
  }

  // ------------------------------------------------------------ price check

  async quotePurchase(req: PurchaseRequest): Promise<VendorPurchaseQuote> {
    if (req.kind === 'addon') return this.isBandwidth(req) ? this.quoteBandwidth(req) : this.quoteAddonPurchase(req);
    if (req.kind !== 'order') this.notThisKind();
    const plan = this.plan(req, await this.catalogRows());
    const [balance, calc, stock] = await Promise.all([
      this.walletOrNullKeyChecked(),
      this.calculateWithPromo(plan, req.promoCode),
      plan.body.location ? this.stockOrNull() : Promise.resolve(null),
    ]);
    const warnings: PurchaseWarning[] = [...calc.warnings];
    const { lines: c } = calc;
    const code = stockCodeOf(plan.row.name);
    const inStock = stock && code ? stock.get(`${code}:${String(plan.body.location).toUpperCase()}`) : undefined;
    if (inStock !== undefined && inStock < req.quantity) {
      warnings.push({
        code: 'out_of_stock',
        message: `ProxyShard has ${inStock} IPs in stock in ${String(plan.body.location)}. Choose at most ${inStock}, or another location.`,
        blocking: true,
      });
    }
    const lines: VendorPurchaseQuote['lines'] = [{ label: plan.summary, amount: c.original ?? c.final }];
    if (c.original && c.final && c.original.minor > c.final.minor) {
      lines.push({
        label: `Promo code ${req.promoCode ?? ''}${c.discountPercent ? ` (−${c.discountPercent}%)` : ''}`,
        amount: { minor: c.final.minor - c.original.minor, currency: CURRENCY },
      });
    }
    if (c.addons && c.addons.minor > 0) lines.push({ label: `${plan.p0f} p0f slots`, amount: c.addons });
    this.balanceWarning(balance, c.total, warnings);
    return {
      total: c.total,
      vendorQuoted: true,
      lines,
      balance,
      warnings,
      promo: req.promoCode ? calc.promo : null,
      summary: plan.summary,
      spends: 'money',
    };
  }

  /**
   * #2 calculate. A promo code the vendor refuses is a 400: the same request without it tells whether
   * the code was the reason (then a blocking warning in plain words and the price without it).
   */
  private async calculateWithPromo(
    plan: OrderPlan,
    promo: string | null,
  ): Promise<{ lines: ReturnType<typeof mapCalcLines>; warnings: PurchaseWarning[]; promo: 'valid' | 'invalid' }> {
    const calc = async (withPromo: boolean) => {
      const json = await this.api.get('/orders/calculate', {
        ...plan.query,
        promo_code: withPromo && promo ? promo : undefined,
      });
      return this.parse('price check', () => mapCalcLines(json));
    };
    try {
      return { lines: await calc(true), warnings: [], promo: 'valid' };
    } catch (e) {
      if (!promo || !(e instanceof VendorError) || e.httpStatus !== 400) throw e;
      const without = await calc(false).catch(() => {
        throw e;
      });
      const said = /^ProxyShard refused the request: (.+)$/.exec(e.message);
      const words = said ? said[1]!.trim() : null;
      return {
        lines: without,
        promo: 'invalid',
        warnings: [
          {
            code: 'promo_invalid',
            message: `ProxyShard did not accept the promo code "${promo}"${words ? ` (${words})` : ''}. Remove it or type another code.`,
            blocking: true,
          },
        ],
      };
    }
  }

  /** #13 addons/calculate: the vendor's own price (`add_total`, cents). */
  private async quoteAddonPurchase(req: AddonPurchase): Promise<VendorPurchaseQuote> {
    this.checkAddon(req);
    const [balance, q] = await Promise.all([
      this.walletOrNullKeyChecked(),
      this.quoteAddon(req.orderId, req.addonKey, req.quantity),
    ]);
    const now = q.details.current_qty;
    const next = q.details.new_qty;
    const summary = `${req.quantity} p0f slot${req.quantity === 1 ? '' : 's'} for order ${req.orderId}`;
    const each = q.details.price_per_unit;
    const warnings: PurchaseWarning[] = [];
    this.balanceWarning(balance, q.total, warnings);
    return {
      total: q.total,
      vendorQuoted: true,
      lines: [
        {
          label: [
            now !== undefined && next !== undefined ? `p0f slots: ${now} → ${next}` : `+${req.quantity} p0f slots`,
            each !== undefined && /^\d+$/.test(each)
              ? `${formatMoney({ minor: Number(each), currency: CURRENCY })} each`
              : null,
          ]
            .filter(Boolean)
            .join(', '),
          amount: q.total,
        },
      ],
      balance,
      warnings,
      promo: null,
      summary,
      spends: 'money',
    };
  }

  /** GET /orders/{id}/addons/calculate?addon_key&add_qty: the vendor's own price (add_total, cents). */
  async quoteAddon(
    orderId: string,
    addonKey: string,
    qty: number,
  ): Promise<{ total: Money; details: Record<string, string> }> {
    this.checkQty(qty);
    const json = await this.api.get(`/orders/${this.orderPath(orderId)}/addons/calculate`, {
      addon_key: addonKey,
      add_qty: qty,
    });
    return this.parse('add-on price', () => mapAddonCalculate(json));
  }

  // ------------------------------------------------------------ buying (sent once)

  /** #1 purchase (order), #14 addons/purchase or #19 add-bandwidth (addon): one request, never retried. */
  async purchase(req: PurchaseRequest, opts: WriteOptions): Promise<VendorPurchaseAnswer> {
    const signal = opts.signal ? { signal: opts.signal } : {};
    if (req.kind === 'addon' && this.isBandwidth(req)) return this.buyBandwidth(req, opts);
    if (req.kind === 'addon') {
      this.checkAddon(req);
      const qty = await this.buyAddon(req.orderId, req.addonKey, req.quantity, opts);
      return {
        reference: null,
        charged: null,
        created: qty === null ? [] : [`${req.addonKey}=${qty}`],
        message: null,
      };
    }
    if (req.kind !== 'order') this.notThisKind();
    // Checked against the product list before anything is sent (a failing read sends nothing).
    const plan = this.plan(req, await this.catalogRows());
    const id = await this.writeOnce('POST', '/orders/purchase', { json: plan.body, ...signal }, (a) =>
      this.parse('purchase', () => orderIdOf(a)),
    );
    return { reference: id, charged: null, created: [`order:${id}`], message: null };
  }

  /**
   * POST /orders/{id}/addons/purchase {addon_key, add_qty}: charges the wallet at once; sent once.
   * The answer (doc §3.2 #14) must carry `addons_price_paid` in integer cents and `addons` as a list
   * when present; otherwise the outcome is unknown and is settled by reading the order.
   */
  async purchaseAddon(orderId: string, addonKey: string, qty: number, opts: WriteOptions): Promise<void> {
    await this.buyAddon(orderId, addonKey, qty, opts);
  }

  /** The add-on purchase itself; resolves to the new qty of that add-on when the answer lists it. */
  private async buyAddon(orderId: string, addonKey: string, qty: number, opts: WriteOptions): Promise<number | null> {
    this.checkQty(qty);
    if (!addonKey.trim()) throw this.http.error('invalid_argument', { detail: 'Choose an add-on.' });
    return this.writeOnce(
      'POST',
      `/orders/${this.orderPath(orderId)}/addons/purchase`,
      { json: { addon_key: addonKey, add_qty: qty }, ...(opts.signal ? { signal: opts.signal } : {}) },
      (a) =>
        this.parse('add-on purchase', () => {
          optMoney(a.addons_price_paid, CURRENCY, 'addons_price_paid', 'cents');
          if (a.addons === undefined || a.addons === null) return null;
          return mapAddonLines(a.addons).find((l) => l.addonKey === addonKey)?.qty ?? null;
        }),
    );
  }

  // ------------------------------------------------------------ evidence (reads only)

  /**
   * 'order': every order id of #8 (`status=all`, every page, strict ids); a paid order is listed at once.
   * 'addon': the add-on's active units from #9 (`p0f_slots=<qty>`), raised at once by a purchase;
   * residential traffic: the pool's total from #20 (bandwidth.ts).
   */
  async purchaseEvidence(req: PurchaseRequest): Promise<PurchaseEvidence> {
    if (req.kind === 'addon' && this.isBandwidth(req)) return this.bandwidthEvidence(req);
    if (req.kind === 'addon') {
      const view = await this.orderAddons(req.orderId);
      return { items: [`${req.addonKey}=${addonQtyOf(view, req.addonKey)}`], immediate: true };
    }
    if (req.kind !== 'order') this.notThisKind();
    const rows = await this.orderRows('all');
    return { items: rows.map((r) => `order:${this.idOf(r)}`), immediate: true };
  }

  // ------------------------------------------------------------ add-on schedule (no money moves)

  /** #9: the add-on lines of an order with what is pending at the next renewal. */
  async orderAddons(orderId: string): Promise<OrderAddons> {
    const detail = await this.orderDetail(orderId);
    return this.parse('order add-ons', () => mapAddonView(orderId, detail));
  }

  /** #15: from the next renewal the add-on has `nextQty` units (at least 1, below the current qty). */
  async scheduleAddonDowngrade(orderId: string, addonKey: string, nextQty: number): Promise<void> {
    this.checkQty(nextQty);
    const current = addonQtyOf(await this.orderAddons(orderId), addonKey);
    if (nextQty >= current) {
      throw this.http.error('invalid_argument', {
        sentence: `The order has ${current} ${addonKey === P0F_ADDON ? 'p0f slots' : 'units'}; a downgrade must keep fewer (and at least 1).`,
      });
    }
    await this.writeOnce('POST', `/orders/${this.orderPath(orderId)}/addons/schedule`, {
      json: { addon_key: addonKey, action: 'downgrade', next_qty: nextQty },
    });
  }

  /** #16: clears a scheduled downgrade. */
  async cancelAddonSchedule(orderId: string, addonKey: string): Promise<void> {
    await this.writeOnce('POST', `/orders/${this.orderPath(orderId)}/addons/schedule/cancel`, {
      json: { addon_key: addonKey },
    });
  }

  // ------------------------------------------------------------ checks before sending

  /** The order checked against the product list; a request the docs say is invalid is never sent. */
  private plan(req: OrderPurchase, rows: CatalogRow[]): OrderPlan {
    return planOrder(req, rows, (sentence) => {
      throw this.http.error('invalid_argument', { sentence });
    });
  }

  private checkAddon(req: AddonPurchase): void {
    this.orderPath(req.orderId);
    this.checkQty(req.quantity);
    if (req.addonKey !== P0F_ADDON) {
      throw this.http.error('invalid_argument', {
        sentence: `ProxyShard has no "${req.addonKey}" add-on; it sells p0f slots and residential traffic only.`,
      });
    }
  }

  private notThisKind(): never {
    throw this.http.error('not_supported', {
      detail: 'ProxyShard sells new orders, p0f slots and residential traffic only.',
    });
  }
}
