import type { Money } from '../../../preload/contract/model';
import type { JournalItem, Operation } from './journal';

/**
 * What an operation has cost, as far as anyone can tell:
 *  - `charged`: known charges — the vendor's own figure for the applied items, or the quoted prices of
 *    the items known to be renewed, whichever is larger (a vendor reporting one item of two must not
 *    hide the second charge);
 *  - `chargedUpTo`: while some items are unknown, the most it may have cost: the known part plus the
 *    quoted price of every unknown item (an unknown item without its own price counts at the whole
 *    quote), never more than the quoted total when the vendor priced the request itself.
 * Null `charged` = nothing known to be charged (or no figure for it); null `chargedUpTo` = no item
 * is unknown.
 */
export interface Charges {
  charged: Money | null;
  chargedUpTo: Money | null;
}

const sum = (items: readonly JournalItem[], currency: string): number | null => {
  let total = 0;
  for (const i of items) {
    if (!i.price || i.price.currency !== currency) return null;
    total += i.price.minor;
  }
  return total;
};

export function chargesOf(op: Pick<Operation, 'items' | 'quote'>, vendorCharged: Money | null): Charges {
  const currency = op.quote.total.currency;
  const done = op.items.filter((i) => i.state === 'done');
  const unknown = op.items.filter((i) => i.state === 'uncertain' || i.state === 'sending' || i.state === 'intent');
  const quotedDone = done.length ? sum(done, currency) : 0;
  const vendor = vendorCharged && vendorCharged.currency === currency ? vendorCharged.minor : null;
  const known = vendor !== null && quotedDone !== null ? Math.max(vendor, quotedDone) : (vendor ?? quotedDone);
  const charged = known !== null && (known > 0 || vendor !== null) ? { minor: known, currency } : null;
  if (unknown.length === 0) return { charged, chargedUpTo: null };
  const unknownPrices = sum(unknown, currency);
  const whole = op.quote.total.minor;
  let upTo = unknownPrices === null ? whole : (known ?? 0) + unknownPrices;
  if (op.quote.vendorQuoted) upTo = Math.min(Math.max(upTo, known ?? 0), Math.max(whole, known ?? 0));
  return { charged, chargedUpTo: { minor: upTo, currency } };
}
