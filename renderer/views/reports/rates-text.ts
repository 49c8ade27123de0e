/** The user's currency rates as typed and as shown. Pure, no React: unit-tested. */
import type { CurrencyRates } from '../../../preload/contract/business';

/** Parses "0.14" or "0,14"; null when not a number above 0 (and at most 1,000,000). */
export function parseRate(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  return n > 0 && n <= 1_000_000 ? n : null;
}

/** "1 CNY = 0.14 USD, 1 EUR = 1.08 USD" */
export function ratesText(rates: CurrencyRates, lang: string): string {
  return rates.rates
    .map((r) => `1 ${r.currency} = ${r.perUnit.toLocaleString(lang, { maximumFractionDigits: 6 })} ${rates.base}`)
    .join(', ');
}
