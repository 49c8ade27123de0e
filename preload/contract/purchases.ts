/**
 * Buying (issue 14 §1 and the paid tools of §3): new orders, ProxyShard add-ons, Thordata server upgrades
 * and Thordata traffic codes (they spend the account's traffic). One path for all of them, like renewals:
 * catalog (what the vendor offers now) → the vendor's own price check → the user confirms the exact total
 * → a journal entry on disk before the request leaves → sent once → an unknown outcome is settled by
 * READING vendor state (purchaseEvidence), never by sending again.
 *
 * Types shared by main (vendor clients, main/core/purchases) and the renderer; zod schemas for channels.
 */
import { z } from 'zod';
import type { Money, ProductKind, VendorId } from './model';
import { AccountIdSchema } from './schemas';

export const PURCHASE_KINDS = ['order', 'addon', 'upgrade', 'codes'] as const;
export type PurchaseKind = (typeof PURCHASE_KINDS)[number];

// ── Catalog: what a vendor offers now ─────────────────────────────────────────────────────────

export interface PurchaseChoice {
  value: string;
  label: string;
  /** Plain extra words shown beside the choice ("2.5% fee", "12 in stock"). */
  note?: string | null;
  disabled?: boolean;
}

/** One field a vendor needs beside product / location / cycle / quantity (sent in `options[key]`). */
export interface PurchaseOptionField {
  key: string;
  /** English label; the window translates known keys (`buy.option.<key>`) and shows this otherwise. */
  label: string;
  required: boolean;
  /** null = free text. */
  choices: PurchaseChoice[] | null;
  /** Only for these product ids (null = every product). */
  products: string[] | null;
  help: string | null;
}

export interface PurchaseLocation {
  /** As the vendor's purchase request sends it (alpha-2 or alpha-3). */
  code: string;
  label: string;
  /** Units in stock the vendor reports; null = the vendor does not say. */
  stock: number | null;
}

export interface PurchaseProduct {
  /** Exactly what the purchase request sends as the product (ProxyShard name, BestProxy pid, YouProxy proxyType). */
  id: string;
  label: string;
  kind: ProductKind;
  description: string | null;
  /** Empty = no location is chosen for this product. */
  locations: PurchaseLocation[];
  locationRequired: boolean;
  /** Empty = the product has a fixed term (nothing to choose). */
  cycles: { id: string; label: string; days: number | null }[];
  quantity: { min: number; max: number; step: number; unit: 'ip' | 'gb' | 'package' };
  /** A price per unit the catalog already lists (shown as "from"); the price check decides. */
  unitPrice: Money | null;
  /** Why it cannot be bought now (e.g. out of stock); null = it can. */
  unavailable: string | null;
}

export interface PurchaseCatalog {
  accountId: string;
  vendor: VendorId;
  products: PurchaseProduct[];
  options: PurchaseOptionField[];
  /** Whether a promo / coupon code can be typed. */
  promoCodeAllowed: boolean;
  /** The account's own promo codes where the vendor lists them (YouProxy); null = no such list. */
  promoCodes: { code: string; discount: string | null; validUntil: string | null }[] | null;
  /** Top-up bonus tiers (BestProxy), shown where a top-up is suggested; null = none. */
  topUpBonus: { from: Money | null; text: string }[] | null;
  /** Where the vendor's API cannot buy (Thordata ISP/DC): plain words and the vendor's page. */
  vendorPage: { url: string; reason: string } | null;
  /** Plain caveats shown in the buy dialog (e.g. "an external payment method leaves the order unpaid"). */
  notes: string[];
  fetchedAt: string;
}

// ── Requests ──────────────────────────────────────────────────────────────────────────────────

const Id = z.string().trim().min(1).max(120);
const Text = z.string().trim().max(200);

export const OrderPurchaseSchema = z
  .object({
    kind: z.literal('order'),
    productId: Id,
    location: Text.min(1).nullable(),
    cycleId: Text.min(1).nullable(),
    quantity: z.number().int().min(1).max(100_000),
    promoCode: Text.min(1).max(64).nullable(),
    options: z.record(z.string().min(1).max(60), Text).default({}),
  })
  .strict();
export const AddonPurchaseSchema = z
  .object({ kind: z.literal('addon'), orderId: Id, addonKey: Id, quantity: z.number().int().min(1).max(10_000) })
  .strict();
/** Thordata S6: `planId` = "<bw_id>:<sv_id>" (main/vendors/thordata/constants.ts). */
export const UpgradePurchaseSchema = z.object({ kind: z.literal('upgrade'), serverId: Id, planId: Id }).strict();
/** Thordata C1: `count` codes of `trafficGb` each; spends the account's residential traffic. */
export const CodesPurchaseSchema = z
  .object({
    kind: z.literal('codes'),
    count: z.number().int().min(1).max(100),
    trafficGb: z.number().positive().max(100_000),
  })
  .strict();

export const PurchaseRequestSchema = z.discriminatedUnion('kind', [
  OrderPurchaseSchema,
  AddonPurchaseSchema,
  UpgradePurchaseSchema,
  CodesPurchaseSchema,
]);
export type PurchaseRequest = z.infer<typeof PurchaseRequestSchema>;
export type OrderPurchase = z.infer<typeof OrderPurchaseSchema>;

export const PurchaseSelectionSchema = z
  .object({ accountId: AccountIdSchema, request: PurchaseRequestSchema })
  .strict();
export type PurchaseSelection = z.infer<typeof PurchaseSelectionSchema>;

export const PurchaseCatalogInputSchema = z.object({ accountId: AccountIdSchema }).strict();
export const PurchaseQuoteInputSchema = z
  .object({ selections: z.array(PurchaseSelectionSchema).min(1).max(20) })
  .strict();

const MoneySchema = z.object({ minor: z.number().int(), currency: z.string().min(3).max(8) }).strict();
export const PurchaseConfirmationSchema = z
  .object({
    quoteId: z.string().uuid(),
    /** The exact totals shown (per currency), as the user confirmed them. */
    totals: z.array(MoneySchema).max(8),
    /** Required when some part has no price in advance (Thordata upgrade). */
    acceptUnknownPrices: z.boolean().optional(),
  })
  .strict();
export type PurchaseConfirmation = z.infer<typeof PurchaseConfirmationSchema>;

export const PurchaseRefSchema = z.object({ id: z.string().uuid() }).strict();
export const PurchaseResolveSchema = z.object({ id: z.string().uuid(), bought: z.boolean() }).strict();

// ── What a vendor client answers ──────────────────────────────────────────────────────────────

export interface PurchaseWarning {
  code: string;
  message: string;
  /** true = the vendor would refuse it as it is (YouProxy warnings, stock, balance): cannot confirm. */
  blocking: boolean;
}

/** A vendor client's price check (quotePurchase). */
export interface VendorPurchaseQuote {
  /** What will be charged; null = the vendor gives no price in advance (the user must accept that). */
  total: Money | null;
  /** true = the vendor's own price check said so; false = Proxydeck's estimate or none. */
  vendorQuoted: boolean;
  lines: { label: string; amount: Money | null }[];
  /** Money balance read with the price check, when the vendor has one. */
  balance: Money | null;
  warnings: PurchaseWarning[];
  /** The vendor's verdict on a promo code sent; null = none sent or not said. */
  promo: 'valid' | 'invalid' | null;
  /** Plain one-line summary: "10 × Datacenter Proxy · Germany · monthly". */
  summary: string;
  /**
   * What pays: the wallet ('money'), the account's traffic ('traffic', CDK), or an external payment the
   * user completes at the vendor ('external', BestProxy non-balance methods: the order is created unpaid).
   */
  spends: 'money' | 'traffic' | 'external';
}

/** A vendor client's answer to purchase() when the vendor said it was done. */
export interface VendorPurchaseAnswer {
  /** The vendor's order number / reference, when the answer has one. */
  reference: string | null;
  /** What the vendor says it charged; null = not in the answer. */
  charged: Money | null;
  /** Ids the answer names (new order ids, created codes). */
  created: string[];
  /** Plain words from the vendor worth showing ("order created unpaid: pay it at BestProxy"). */
  message: string | null;
}

/**
 * The part of vendor state a purchase changes, read before sending and again when the outcome is unknown:
 * order ids for new orders, "<addon>=<qty>" for add-ons, the plan for an upgrade, unused codes for CDKs.
 * Something in `after` that was not in `before` = the purchase was applied. `immediate` = the vendor shows
 * a purchase in this state at once, so "nothing new" proves it was not applied (otherwise it stays unknown).
 */
export interface PurchaseEvidence {
  items: string[];
  immediate: boolean;
}

// ── What the core answers (channels) ──────────────────────────────────────────────────────────

export interface PurchaseQuotePart {
  accountId: string;
  accountLabel: string;
  vendor: VendorId;
  request: PurchaseRequest;
  /** Null when the price check failed (see blocked). */
  quote: VendorPurchaseQuote | null;
  /** Plain reasons this part cannot be confirmed; empty = fine. */
  blocked: string[];
}

export interface PurchaseQuoteView {
  quoteId: string;
  createdAt: string;
  expiresAt: string;
  parts: PurchaseQuotePart[];
  /** Per currency, never mixed; parts without a price in advance are not in it. */
  totals: Money[];
  /** Parts without a price in advance (confirm needs acceptUnknownPrices). */
  unpriced: number;
  blocked: string[];
}

export const PURCHASE_STATES = ['intent', 'sending', 'done', 'failed', 'uncertain'] as const;
export type PurchaseState = (typeof PURCHASE_STATES)[number];

export interface PurchaseRecordView {
  id: string;
  batchId: string;
  accountId: string;
  accountLabel: string;
  vendor: VendorId;
  request: PurchaseRequest;
  summary: string;
  state: PurchaseState;
  quotedTotal: Money | null;
  charged: Money | null;
  reference: string | null;
  created: string[];
  spends: VendorPurchaseQuote['spends'];
  /** Plain words: what happened, what to do. */
  message: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PurchaseBatchView {
  batchId: string;
  records: PurchaseRecordView[];
}
