/**
 * A customer's default export template (CustomerInput.exportTemplate, at most 60 characters) as the
 * IPs view's export knows it: one of its format ids, or a custom template line (format 'template').
 */
import { EXPORT_FORMATS, type ExportFormat } from '../../lib/proxy-format';

/** Format → its label key under ips.export.formats (as the IPs export panel names them). */
export const EXPORT_FORMAT_KEYS: [ExportFormat, string][] = [
  ['ip:port:user:pass', 'colon'],
  ['user:pass@ip:port', 'at'],
  ['http', 'http'],
  ['socks5', 'socks5'],
  ['csv', 'csv'],
  ['template', 'template'],
];

const isFormat = (s: string): s is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(s);

/** The stored id; null when a custom template does not fit (the editor says so). */
export function toTemplateId(format: string, template: string): string | null {
  if (format !== 'template') return isFormat(format) ? format : null;
  const tpl = template.trim();
  return tpl.length > 0 && tpl.length <= 60 && !isFormat(tpl) ? tpl : null;
}

/** The format (and template line) of a stored id; null = none set (the user's last export). */
export function fromTemplateId(id: string | null): { format: ExportFormat; template: string | null } | null {
  if (!id) return null;
  if (isFormat(id)) return { format: id, template: null };
  return { format: 'template', template: id };
}
