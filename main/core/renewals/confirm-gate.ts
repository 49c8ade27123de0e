import type { Money } from '../../../preload/contract/model';
import { AppFailure } from '../errors';
import { sameTotals } from './format';

/** What a stored price check must show to be confirmed (renewals and purchases alike). */
export interface ConfirmableQuote {
  used: boolean;
  quote: { expiresAt: string; totals: Money[]; blocked: string[] };
}

/**
 * The one rule for "may this price check be confirmed now", shared by renewals and purchases: it exists,
 * was not confirmed before (a double click sends the same id twice), is not older than its validity, the
 * totals the user confirmed are exactly its totals, and nothing blocks it. Throws a plain refusal.
 * Synchronous on purpose: the caller marks the quote used in the same tick.
 */
export function confirmable<T>(
  entry: T | undefined,
  view: (entry: T) => ConfirmableQuote,
  confirmedTotals: Money[],
  now: Date,
  noun: 'renewal' | 'purchase',
): T {
  if (!entry) throw refuse('This price check is no longer valid. Check the prices again, then confirm.');
  const stored = view(entry);
  if (stored.used) throw refuse(`This ${noun} was already started (confirmed twice?). It will not be sent again.`);
  if (Date.parse(stored.quote.expiresAt) < now.getTime()) {
    throw refuse('This price check is more than 10 minutes old. Check the prices again, then confirm.');
  }
  if (!sameTotals(confirmedTotals, stored.quote.totals)) {
    throw refuse('The confirmed total does not match the price check. Check the prices again, then confirm.');
  }
  if (stored.quote.blocked.length) throw refuse(stored.quote.blocked.join(' '));
  return entry;
}

function refuse(message: string): AppFailure {
  return new AppFailure('invalid_argument', message);
}
