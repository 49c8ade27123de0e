/**
 * The renew / extend flow across the IPC boundary: what the renderer sends (zod schemas, checked in
 * main) and what it gets back (plain types; main's journal records satisfy them structurally).
 * Flow: periods → quote (vendor price check per account) → execute(confirmation of the exact totals)
 * → per-item progress events → per-item results; retry only failed items; reconcile unknown outcomes.
 */
import { z } from 'zod';
import type { Money, RenewQuote, RenewRequest, VendorId } from './model';
import { toWellFormedText } from './schemas';

const TargetInputSchema = z.object({
  kind: z.enum(['order', 'ip', 'server']),
  id: z.string().min(1).max(128),
  /**
   * A display copy of the vendor's own name for the item (ip, product), not typed by the user: a lone
   * surrogate in it is replaced, not refused, so a vendor's broken name never blocks a renewal.
   */
  label: z.string().max(200).transform(toWellFormedText),
  expiresAt: z.string().nullable(),
});

/** One account's part of a renewal (the renderer groups the user's selection by account). */
export const RenewalSelectionSchema = z.object({
  accountId: z.string().min(1),
  targets: z.array(TargetInputSchema).min(1).max(5000),
  periodId: z.string().min(1).max(64),
  options: z.record(z.string().max(40), z.string().max(200)).optional(),
});
export type RenewalSelection = z.infer<typeof RenewalSelectionSchema>;

/** What the user confirmed: the quote id and the exact totals shown to them. */
export const ConfirmationSchema = z.object({
  quoteId: z.string().min(1),
  totals: z.array(z.object({ minor: z.number().int(), currency: z.string() })),
  /**
   * Some vendors (Thordata) give no price in advance: such items are not in the totals. Money for them
   * moves only when the user ticked that they accept an unknown price.
   */
  acceptUnknownPrices: z.boolean().optional(),
});
export type Confirmation = z.infer<typeof ConfirmationSchema>;

export const RenewalPeriodsInputSchema = z.object({
  accountId: z.string().uuid(),
  kind: z.enum(['order', 'ip', 'server']),
});

export const OperationRefSchema = z.object({ operationId: z.string().min(1) });

/** The user checked the vendor dashboard and says what happened to an item left unknown. */
export const ResolveItemSchema = z.object({
  operationId: z.string().min(1),
  kind: z.enum(['order', 'ip', 'server']),
  id: z.string().min(1).max(128),
  renewed: z.boolean(),
});

/** A damaged journal record's hold, by the damaged file's name. */
export const HoldRefSchema = z.object({ file: z.string().min(1).max(300) });

/**
 * What keeps items blocked when the journal record that protected them was damaged on disk: they may
 * have been paid, so they cannot be renewed until reconcile or the user has settled them.
 */
export interface HoldView {
  file: string;
  movedTo: string;
  createdAt: string;
  /** Null = every account is blocked (the record's account could not be read). */
  accountId: string | null;
  /** Null = every item of the account is blocked. */
  targets: { kind: string; id: string; label: string; expiresBefore: string | null }[] | null;
  operationAt: string | null;
}

export const AutoRenewInputSchema = z.object({
  accountId: z.string().uuid(),
  kind: z.enum(['order', 'ip']),
  ids: z.array(z.string().min(1)).min(1).max(5000),
  enabled: z.boolean(),
  periodId: z.string().max(64).optional(),
});

export interface AccountQuoteView {
  accountId: string;
  accountLabel: string;
  vendor: VendorId;
  request: RenewRequest;
  /** Null when the price check failed (see blocked). */
  quote: RenewQuote | null;
  balance: Money | null;
  /** Plain reasons why this part cannot be confirmed; empty = fine. */
  blocked: string[];
}

export interface RenewalQuoteView {
  /** Confirm with this id; it works once and for a limited time. */
  quoteId: string;
  createdAt: string;
  expiresAt: string;
  accounts: AccountQuoteView[];
  /** Totals per currency (never mixed). */
  totals: Money[];
  /** All blocking reasons; non-empty = cannot confirm. */
  blocked: string[];
}

export type RenewalItemState = 'intent' | 'sending' | 'done' | 'failed' | 'uncertain';

export interface OperationItemView {
  target: { kind: string; id: string; label: string; expiresAt: string | null };
  state: RenewalItemState;
  newExpiresAt: string | null;
  price: Money | null;
  /** Plain words: why it failed, or what to check when the outcome is unknown. */
  message: string | null;
}

export interface OperationView {
  id: string;
  batchId: string;
  createdAt: string;
  updatedAt: string;
  accountId: string;
  accountLabel: string;
  vendor: VendorId;
  state: RenewalItemState | 'partial';
  items: OperationItemView[];
  reference: string | null;
  /** Known charges (the vendor's figure, or the quoted prices of renewed items). */
  charged: Money | null;
  /** While items are unknown: the most this may have cost. Null when nothing is unknown. */
  chargedUpTo: Money | null;
  retryOf: string | null;
}

export interface ExecuteResultView {
  batchId: string;
  operations: OperationView[];
}

export interface RenewalProgressView {
  operationId: string;
  accountId: string;
  target: { kind: string; id: string; label: string };
  state: RenewalItemState;
  newExpiresAt: string | null;
  message: string | null;
}

export interface AuditRowView {
  at: string;
  action: 'renew' | 'reconcile' | 'retry' | 'buy';
  operationId: string;
  accountId: string;
  accountLabel: string;
  vendor: VendorId;
  items: { kind: string; id: string; label: string; state: string }[];
  quoteTotal: Money;
  vendorQuoted: boolean;
  charged: Money | null;
  result: string;
  reference: string | null;
  message: string | null;
}
