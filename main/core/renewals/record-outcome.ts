import { randomUUID } from 'node:crypto';
import type { Money, RenewResult } from '../../../preload/contract/model';
import { isVendorError } from '../../vendors/errors';
import { unknownOutcome } from '../../vendors/write-outcome';
import { chargesOf } from './charges';
import type { JournalItem, Operation } from './journal';
import type { AccountQuote } from './renewal-types';

/**
 * A new operation for one account's confirmed part, every item 'intent', with the expiries read just
 * before sending (what reconcile compares against) and each item's quoted price.
 */
export function newOperation(
  part: AccountQuote,
  o: { batchId: string; retryOf: string | null; at: string; before: ReadonlyMap<string, string | null> },
): Operation {
  const quote = part.quote!;
  const priceOf = (t: { kind: string; id: string }) =>
    quote.items.find((q) => q.target.kind === t.kind && q.target.id === t.id)?.price ?? null;
  return {
    version: 1,
    id: randomUUID(),
    batchId: o.batchId,
    createdAt: o.at,
    updatedAt: o.at,
    accountId: part.accountId,
    accountLabel: part.accountLabel,
    vendor: part.vendor,
    request: part.request,
    quote,
    balanceBefore: part.balance,
    state: 'intent',
    items: part.request.targets.map((t) => ({
      target: t,
      state: 'intent',
      expiresBefore: o.before.get(`${t.kind}:${t.id}`) ?? null,
      newExpiresAt: null,
      price: priceOf(t),
      message: null,
      retriedBy: null,
    })),
    reference: null,
    charged: null,
    chargedUpTo: null,
    retryOf: o.retryOf,
    history: [],
  };
}

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
