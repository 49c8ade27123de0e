import { format, formatDistanceToNow } from 'date-fns';
import { useEffect, useState } from 'react';
import { dateLocale } from '../i18n';

/** Re-renders every `ms` so relative times stay true. */
export function useNow(ms = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDate(iso: string, language: string): string {
  const d = parse(iso);
  return d ? format(d, 'PP', { locale: dateLocale(language) }) : '—';
}

export function formatDateTime(iso: string, language: string): string {
  const d = parse(iso);
  return d ? format(d, 'PPpp', { locale: dateLocale(language) }) : '—';
}

export function formatRelative(iso: string, language: string): string {
  const d = parse(iso);
  return d ? formatDistanceToNow(d, { addSuffix: true, locale: dateLocale(language) }) : '—';
}

/**
 * An expiry or other vendor time. For a vendor whose docs state no zone (VendorSummary.naiveTime =
 * 'vendor') main keeps the vendor's wall-clock digits as if UTC: they are shown as those digits, with
 * "(vendor time)", never moved into the computer's zone.
 */
export function formatVendorTime(
  iso: string,
  language: string,
  naiveTime: 'utc' | 'vendor' | undefined,
  t: (key: string, o?: Record<string, unknown>) => string,
  withTime = false,
  /** False in narrow table cells: the date alone (the cell's title says "vendor time", see vendorTimeTitle). */
  labelled = true,
): string {
  const d = parse(iso);
  if (!d) return '—';
  if (naiveTime !== 'vendor') return withTime ? formatDateTime(iso, language) : formatDate(iso, language);
  const wall = new Date(d.getTime() + d.getTimezoneOffset() * 60_000);
  const text = format(wall, withTime ? 'PPp' : 'PP', { locale: dateLocale(language) });
  return labelled ? t('time.vendor', { time: text }) : text;
}

/** The title of a table cell holding a vendor-time date (undefined for absolute times). */
export function vendorTimeTitle(
  naiveTime: 'utc' | 'vendor' | undefined,
  t: (key: string, o?: Record<string, unknown>) => string,
): string | undefined {
  return naiveTime === 'vendor' ? t('time.vendorHelp') : undefined;
}
