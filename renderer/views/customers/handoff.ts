import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpRow } from '../../lib/inventory';
import { DEFAULT_TEMPLATE, type ExportFormat, formatProxies } from '../../lib/proxy-format';
import { formatDate } from '../../lib/time';
import { toCsvRow } from '../ips/useIpExport';
import { handoffSheet } from './model';

/**
 * The handoff sheet of a customer's proxies: each one as the export line of the chosen format (a CSV
 * export becomes "ip:port:user:pass" lines: a sheet is read by a person), with its expiry date. Only
 * what the export would show: no account, vendor or API key.
 */
export function handoffText(
  name: string,
  rows: IpRow[],
  format: ExportFormat,
  template: string,
  lang: string,
  words: { title: string; expires: string; none: string },
): string {
  const fmt: ExportFormat = format === 'csv' ? 'ip:port:user:pass' : format;
  const lines = rows.map((r) => ({
    line: formatProxies([toCsvRow(r, true)], fmt, template || DEFAULT_TEMPLATE),
    expires: r.expiresAt ? formatDate(r.expiresAt, lang) : null,
  }));
  return handoffSheet(name, lines, words);
}

export function useHandoff(name: string, rows: IpRow[], format: ExportFormat, template: string) {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const copy = async () => {
    const text = handoffText(name, rows, format, template, i18n.language, {
      title: t('customers.handoff.title'),
      expires: t('customers.handoff.expires'),
      none: t('customers.handoff.none'),
    });
    try {
      await navigator.clipboard.writeText(text);
      setMessage(t('customers.handoff.copied', { count: rows.length }));
    } catch {
      setMessage(t('customers.handoff.copyFailed'));
    }
  };
  return { copy, message };
}
