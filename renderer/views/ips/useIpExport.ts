import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveText } from '../../lib/download';
import type { IpRow } from '../../lib/inventory';
import {
  type CsvRow,
  DEFAULT_TEMPLATE,
  type ExportFormat,
  exportFileName,
  formatProxies,
} from '../../lib/proxy-format';
import { MASK } from './IpsTable';

export const PREVIEW_LINES = 200;

/** Rows are views with getters (see ip-rows.ts): what an export reads, picked field by field. */
export const toCsvRow = (r: IpRow, reveal = true): CsvRow => ({
  ip: r.ip,
  port: r.port,
  socksPort: r.socksPort,
  user: r.user,
  pass: reveal || !r.pass ? r.pass : MASK,
  country: r.country,
  expiresAt: r.expiresAt,
  status: r.status,
  vendor: r.vendorName,
  account: r.accountLabel,
});

export interface IpExport {
  format: ExportFormat;
  setFormat: (f: ExportFormat) => void;
  template: string;
  setTemplate: (t: string) => void;
  message: { ok: boolean; text: string } | null;
  copy: () => Promise<void>;
  exportFile: () => void;
  preview: string;
  previewCut: boolean;
}

/** Copy and export of the selected rows shown (the IPs view's export panel and Ctrl/Cmd+C). */
export function useIpExport(selectedRows: IpRow[], reveal: boolean): IpExport {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('ip:port:user:pass');
  const [template, setTemplate] = useState(DEFAULT_TEMPLATE);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const text = useCallback(
    (list: IpRow[], revealed = true) =>
      formatProxies(
        list.map((r) => toCsvRow(r, revealed)),
        format,
        template,
      ),
    [format, template],
  );

  const copy = useCallback(async () => {
    if (selectedRows.length === 0) {
      setMessage({ ok: false, text: t('ips.nothingSelected') });
      return;
    }
    try {
      await navigator.clipboard.writeText(text(selectedRows));
      setMessage({ ok: true, text: t('ips.copied', { count: selectedRows.length }) });
    } catch {
      setMessage({ ok: false, text: t('ips.copyFailed') });
    }
  }, [selectedRows, text, t]);

  const exportFile = () => {
    if (selectedRows.length === 0) {
      setMessage({ ok: false, text: t('ips.nothingSelected') });
      return;
    }
    const file = exportFileName(
      format,
      selectedRows.map((r) => ({ vendor: r.vendor, account: r.accountLabel })),
    );
    saveText(text(selectedRows), file, format === 'csv' ? 'text/csv' : 'text/plain');
    setMessage({ ok: true, text: t('ips.exported', { count: selectedRows.length, file }) });
  };

  const preview = useMemo(() => text(selectedRows.slice(0, PREVIEW_LINES), reveal), [selectedRows, reveal, text]);
  return {
    format,
    setFormat,
    template,
    setTemplate,
    message,
    copy,
    exportFile,
    preview,
    previewCut: selectedRows.length > PREVIEW_LINES,
  };
}
