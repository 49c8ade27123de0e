import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentialResult } from '../../../preload/contract/residential';
import { saveText } from '../../lib/download';
import {
  type CsvRow,
  DEFAULT_TEMPLATE,
  type ExportFormat,
  exportFileName,
  formatProxies,
} from '../../lib/proxy-format';
import { MASK } from '../ips/IpsTable';
import { type IpExport, PREVIEW_LINES } from '../ips/useIpExport';

export type ResidentialExport = IpExport & {
  copyAs: (format: ExportFormat, template: string | null) => Promise<boolean>;
};

/**
 * Copy / export of generated endpoints with the IPs view's formats and templates (lib/proxy-format),
 * shaped as the IPs view's `IpExport` so its ExportPanel is reused as it is. The preview masks the
 * password; Copy and Export include it (the user's action).
 */
export function useResidentialExport(
  result: ResidentialResult | null,
  source: { vendor: string; vendorName: string; account: string },
): ResidentialExport {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>(result?.protocol === 'socks5' ? 'socks5' : 'ip:port:user:pass');
  const [template, setTemplate] = useState(DEFAULT_TEMPLATE);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const rows = result?.endpoints ?? [];

  const text = useCallback(
    (reveal: boolean, limit = rows.length, fmt: ExportFormat = format, tpl: string = template) =>
      formatProxies(
        rows.slice(0, limit).map(
          (e): CsvRow => ({
            ip: e.host,
            port: e.port,
            socksPort: result?.protocol === 'socks5' ? e.port : null,
            user: e.user,
            pass: reveal || !e.pass ? e.pass : MASK,
            country: result?.country ?? null,
            expiresAt: null,
            vendor: source.vendorName,
            account: source.account,
          }),
        ),
        fmt,
        tpl,
      ),
    [rows, result, format, template, source.vendorName, source.account],
  );

  const copy = useCallback(async () => {
    if (rows.length === 0) return;
    try {
      await navigator.clipboard.writeText(text(true));
      setMessage({ ok: true, text: t('ips.copied', { count: rows.length }) });
    } catch {
      setMessage({ ok: false, text: t('ips.copyFailed') });
    }
  }, [rows.length, text, t]);

  /** Copies every line in the given format and keeps it chosen (a customer's own format); false = copy failed. */
  const copyAs = useCallback(
    async (fmt: ExportFormat, tpl: string | null): Promise<boolean> => {
      const line = tpl ?? template;
      setFormat(fmt);
      setTemplate(line);
      setMessage(null);
      try {
        await navigator.clipboard.writeText(text(true, rows.length, fmt, line));
        return true;
      } catch {
        return false;
      }
    },
    [rows.length, text, template],
  );

  const exportFile = () => {
    if (rows.length === 0) return;
    const file = exportFileName(
      format,
      [{ vendor: source.vendor, account: source.account }],
      new Date(),
      'residential',
    );
    saveText(text(true), file, format === 'csv' ? 'text/csv' : 'text/plain');
    setMessage({ ok: true, text: t('ips.exported', { count: rows.length, file }) });
  };

  const preview = useMemo(() => text(false, PREVIEW_LINES), [text]);
  return {
    format,
    setFormat,
    template,
    setTemplate,
    message,
    copy,
    copyAs,
    exportFile,
    preview,
    previewCut: rows.length > PREVIEW_LINES,
  };
}
