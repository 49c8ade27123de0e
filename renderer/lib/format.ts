/** Pure display formatting shared by the data views. No React, no i18n instance: easy to unit-test. */
import type { Money } from '../../preload/contract/model';

/** Minor-unit digits per currency (ISO 4217); Intl knows them, cached per code. */
const digitsCache = new Map<string, number>();
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase();
  let d = digitsCache.get(code);
  if (d === undefined) {
    try {
      d =
        new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digitsCache.set(code, d);
  }
  return d;
}

/** "$12.30" / "US$12.30" from integer minor units, never through a float sum. */
export function formatMoney(money: Money, language: string): string {
  const digits = currencyDigits(money.currency);
  const value = money.minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency: money.currency.toUpperCase(),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  } catch {
    return `${value.toFixed(digits)} ${money.currency}`;
  }
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1536 → "1.5 KB"; 1024-based. Three significant figures above 1 KB, whole bytes below. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const sign = bytes < 0 ? '-' : '';
  let v = Math.abs(bytes);
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  if (i === 0) return `${sign}${Math.round(v)} B`;
  const text = v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
  // Drop trailing zeros: "2.00 GB" → "2 GB", "1.50 GB" → "1.5 GB".
  return `${sign}${text.replace(/\.0+$|(\.\d*?)0+$/, '$1')} ${UNITS[i]}`;
}
