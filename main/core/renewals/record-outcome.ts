import type { Money, RenewResult } from '../../../preload/contract/model';
import { isVendorError } from '../../vendors/errors';
import { unknownOutcome } from '../../vendors/write-outcome';
import { chargesOf } from './charges';
import type { JournalItem, Operation } from './journal';

/**
 * Puts a vendor's answer to a renewal into the operation's items. The outcome itself was decided by
 * the write outcome rule (main/vendors/write-outcome.ts) in the client: this only records it.
 *  - a result: each item as the client reported it ('applied' → done, 'refused' → failed,
 *    'unknown' → uncertain); an item the client did not report on is uncertain;
 *  - a thrown error that is not uncertain: a refusal before anything was applied → every item failed;
 *  - anything else (uncertain, or not even a VendorError): every item uncertain.
 * Uncertain items are then settled by reading vendor state (reconcile.ts), never by sending again.
 */
export function recordAnswer(op: Operation, result: RenewResult | null, error: unknown): Operation {
  let items: JournalItem[];
  let vendorCharged: Money | null = null;
  if (result) {
    items = op.items.map((item) => {
      const r = result.items.find((x) => x.target.kind === item.target.kind && x.target.id === item.target.id);
      if (!r) {
        return { ...item, state: 'uncertain', message: unknownOutcome(op.vendor, null).message };
      }
      if (r.outcome === 'applied') return { ...item, state: 'done', newExpiresAt: r.newExpiresAt, message: r.message };
      if (r.outcome === 'refused') return { ...item, state: 'failed', message: r.message ?? 'Not renewed.' };
      return { ...item, state: 'uncertain', message: r.message ?? unknownOutcome(op.vendor, null).message };
    });
    vendorCharged = result.charged;
  } else if (isVendorError(error) && !error.uncertain) {
    const message = error.message;
    items = op.items.map((i) => ({ ...i, state: 'failed', message }));
  } else {
    const message = isVendorError(error) ? error.message : unknownOutcome(op.vendor, error).message;
    items = op.items.map((i) => ({ ...i, state: 'uncertain', message }));
  }
  const next: Operation = { ...op, items, reference: result?.reference ?? op.reference };
  return { ...next, ...chargesOf(next, vendorCharged ?? op.charged) };
}

/** Recomputes what an operation cost after its items changed (reconcile, the user's own check). */
export function withCharges(op: Operation): Operation {
  return { ...op, ...chargesOf(op, op.charged) };
}
