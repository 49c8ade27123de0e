/**
 * Copy / export formats for proxy rows. Pure: no DOM, no React, no i18n (unit-tested in
 * test/unit/proxy-format.test.ts). Missing credentials or ports are left out rather than printed as "null".
 */

export interface ProxyRowData {
  ip: string;
  /** HTTP port (or the only port). */
  port: number | null;
  socksPort: number | null;
  user: string | null;
  pass: string | null;
  country: string | null;
  /** ISO UTC or null. */
  expiresAt: string | null;
}

export const EXPORT_FORMATS = ['ip:port:user:pass', 'user:pass@ip:port', 'http', 'socks5', 'csv', 'template'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const TEMPLATE_TOKENS = ['{ip}', '{port}', '{user}', '{pass}', '{country}', '{expires}'] as const;
export const DEFAULT_TEMPLATE = '{ip}:{port}:{user}:{pass}';

/** "2026-12-01" (UTC) or "". */
export function expiresDay(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

function hostPort(ip: string, port: number | null): string {
  // IPv6 literals need brackets before a port.
  const host = ip.includes(':') ? `[${ip}]` : ip;
  return port == null ? host : `${host}:${port}`;
}

function creds(row: ProxyRowData): string | null {
  if (!row.user && !row.pass) return null;
  return `${row.user ?? ''}:${row.pass ?? ''}`;
}

/** One line for one row (CSV lines come from toCsv). */
export function formatProxy(
  row: ProxyRowData,
  format: Exclude<ExportFormat, 'csv'>,
  template = DEFAULT_TEMPLATE,
): string {
  const c = creds(row);
  switch (format) {
    case 'ip:port:user:pass': {
      const base = row.port == null ? row.ip : `${row.ip}:${row.port}`;
      return c ? `${base}:${c}` : base;
    }
    case 'user:pass@ip:port':
      return c ? `${c}@${hostPort(row.ip, row.port)}` : hostPort(row.ip, row.port);
    case 'http':
      return `http://${c ? `${c}@` : ''}${hostPort(row.ip, row.port)}`;
    case 'socks5':
      return `socks5://${c ? `${c}@` : ''}${hostPort(row.ip, row.socksPort ?? row.port)}`;
    case 'template':
      return applyTemplate(row, template);
  }
}

/** Replaces {ip} {port} {user} {pass} {country} {expires}; other text (and unknown tokens) stays as typed. */
export function applyTemplate(row: ProxyRowData, template: string): string {
  const values: Record<string, string> = {
    ip: row.ip,
    port: row.port == null ? '' : String(row.port),
    user: row.user ?? '',
    pass: row.pass ?? '',
    country: row.country ?? '',
    expires: expiresDay(row.expiresAt),
  };
  return template.replace(/\{(ip|port|user|pass|country|expires)\}/g, (_m, k: string) => values[k] ?? '');
}

/** RFC 4180 field: always quoted, inner quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  const s = value == null ? '' : String(value);
  return `"${s.replace(/"/g, '""')}"`;
}

export interface CsvRow extends ProxyRowData {
  vendor?: string;
  account?: string;
  status?: string;
}

export const CSV_HEADER = [
  'ip',
  'port',
  'socks_port',
  'username',
  'password',
  'country',
  'expires',
  'provider',
  'account',
  'status',
];

/** Header row + one row per proxy, CRLF line ends (what spreadsheets expect). */
export function toCsv(rows: CsvRow[]): string {
  const lines = [CSV_HEADER.map(csvField).join(',')];
  for (const r of rows) {
    lines.push(
      [r.ip, r.port, r.socksPort, r.user, r.pass, r.country, expiresDay(r.expiresAt), r.vendor, r.account, r.status]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The whole text for copy or export. Line formats end without a trailing newline. */
export function formatProxies(rows: CsvRow[], format: ExportFormat, template = DEFAULT_TEMPLATE): string {
  if (format === 'csv') return toCsv(rows);
  return rows.map((r) => formatProxy(r, format, template)).join('\n');
}

export function exportFileName(format: ExportFormat, now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  return `proxies-${day}.${format === 'csv' ? 'csv' : 'txt'}`;
}
