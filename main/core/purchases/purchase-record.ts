import { z } from 'zod';
import { VENDOR_IDS, type VendorId } from '../../../preload/contract/model';
import {
  PURCHASE_STATES,
  type PurchaseRecordView,
  type PurchaseRequest,
  PurchaseRequestSchema,
  type PurchaseState,
} from '../../../preload/contract/purchases';

/**
 * One purchase as the journal keeps it (`<dataDir>/purchases/<id>.json`): what the window sees
 * (PurchaseRecordView) plus what settling it by reading needs — the vendor state read before sending
 * (`evidenceBefore`), the money balance then, and the request's signature (what "the same purchase"
 * means for the locks and the journal block).
 *
 * States:  sending → done | failed | uncertain → (reconcile / the user's check) done | failed.
 * A record is written 'sending' BEFORE the request leaves; a record that could not read the vendor
 * first is written 'failed' and nothing is sent. ('intent' is only ever found in a record from a
 * crash in the middle of a write; it was never sent.)
 */

const MoneySchema = z.object({ minor: z.number().int(), currency: z.string().min(1) });

export const PurchaseRecordSchema = z.object({
  version: z.literal(1),
  /** UUID; also the request id sent with the purchase. */
  id: z.uuid(),
  batchId: z.string(),
  accountId: z.string().min(1),
  accountLabel: z.string(),
  vendor: z.enum(VENDOR_IDS),
  request: PurchaseRequestSchema,
  /** accountId + request, canonical (see signatureOf). */
  signature: z.string().min(1),
  summary: z.string(),
  state: z.enum(PURCHASE_STATES),
  quotedTotal: MoneySchema.nullable(),
  vendorQuoted: z.boolean(),
  charged: MoneySchema.nullable(),
  reference: z.string().nullable(),
  created: z.array(z.string()),
  spends: z.enum(['money', 'traffic', 'external']),
  message: z.string().nullable(),
  /** Vendor state read just before sending (purchaseEvidence items); null = not read (nothing sent). */
  evidenceBefore: z.array(z.string()).nullable(),
  /** Money balance read just before sending: "unchanged" tells nothing was bought (money purchases only). */
  balanceBefore: MoneySchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(z.object({ at: z.string(), state: z.enum(PURCHASE_STATES), note: z.string().nullable() })),
});
export type PurchaseRecord = z.infer<typeof PurchaseRecordSchema>;

/** States in which the purchase may have been made without Proxydeck knowing: the same one is blocked. */
export const OPEN_STATES: ReadonlySet<PurchaseState> = new Set(['intent', 'sending', 'uncertain']);

/** Keys sorted at every level, so the same request always gives the same text. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, canonical(x)]),
    );
  }
  return v;
}

/** "The same purchase on the same account": the lock key and what the journal block compares. */
export const signatureOf = (accountId: string, request: PurchaseRequest): string =>
  `${accountId}\u0000${JSON.stringify(canonical(request))}`;

/**
 * What a bought purchase cost: the vendor's figure, else the quoted total. An order paid outside the
 * wallet ('external': created unpaid, the user pays at the vendor) cost nothing yet unless the vendor says.
 */
export function chargedWhenBought(
  r: Pick<PurchaseRecord, 'spends' | 'quotedTotal'>,
  vendorFigure: PurchaseRecord['charged'],
) {
  return vendorFigure ?? (r.spends === 'external' ? null : r.quotedTotal);
}

export function toView(r: PurchaseRecord): PurchaseRecordView {
  return {
    id: r.id,
    batchId: r.batchId,
    accountId: r.accountId,
    accountLabel: r.accountLabel,
    vendor: r.vendor as VendorId,
    request: structuredClone(r.request),
    summary: r.summary,
    state: r.state,
    quotedTotal: r.quotedTotal,
    charged: r.charged,
    reference: r.reference,
    created: [...r.created],
    spends: r.spends,
    message: r.message,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
