/**
 * One country code for every vendor: ISO 3166-1 alpha-2 ("DE"). YouProxy answers alpha-3 ("DEU"),
 * Thordata and BestProxy alpha-2, some answers a numeric code or an English name; left as they came,
 * they split the country filter and the exports. Every vendor mapper reads its country through this.
 * The code table is the i18n-iso-countries package (pinned in package.json); only its English names are
 * loaded (for answers that give a name), not its 80 other languages — the window names countries itself.
 */
import { createRequire } from 'node:module';
import type { LocaleData } from 'i18n-iso-countries';

type Countries = typeof import('i18n-iso-countries');

const load = createRequire(import.meta.url);
// `index` is the table without the locales (the package's node entry would load all of them).
const countries = load('i18n-iso-countries/index') as Countries;
countries.registerLocale(load('i18n-iso-countries/langs/en.json') as LocaleData);

/** Codes vendors use that are not ISO alpha-2, mapped to the ISO code. */
const ALIASES: Record<string, string> = { UK: 'GB', EL: 'GR' };

/**
 * The ISO 3166-1 alpha-2 code of what a vendor sent ("DEU", "de", "276", "Germany" → "DE"), null when
 * nothing was sent. A value that names no country is kept as sent (trimmed), so nothing is lost.
 */
export function countryCode(raw: string | null | undefined): string | null {
  const s = raw?.trim();
  if (!s) return null;
  const up = s.toUpperCase();
  if (/^[A-Z]{2}$/.test(up)) return ALIASES[up] ?? up;
  if (/^[A-Z]{3}$/.test(up)) return countries.alpha3ToAlpha2(up) ?? up;
  if (/^\d{1,3}$/.test(up)) return countries.numericToAlpha2(up.padStart(3, '0')) ?? s;
  return countries.getAlpha2Code(s, 'en') ?? countries.getSimpleAlpha2Code(s, 'en') ?? s;
}
