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
