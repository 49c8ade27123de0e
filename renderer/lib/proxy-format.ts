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
  /** Provider name ("YouProxy") and the user's account name, for the {provider} / {account} tokens. */
  vendor?: string;
  account?: string;
}

export const EXPORT_FORMATS = ['ip:port:user:pass', 'user:pass@ip:port', 'http', 'socks5', 'csv', 'template'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const TEMPLATE_TOKENS = [
  '{ip}',
  '{port}',
  '{user}',
  '{pass}',
  '{country}',
  '{expires}',
  '{provider}',
  '{account}',
] as const;
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

/**
 * Replaces {ip} {port} {user} {pass} {country} {expires} {provider} {account}; other text (and unknown
 * tokens) stays as typed.
 */
export function applyTemplate(row: ProxyRowData, template: string): string {
  const values: Record<string, string> = {
    ip: row.ip,
    port: row.port == null ? '' : String(row.port),
    user: row.user ?? '',
    pass: row.pass ?? '',
    country: row.country ?? '',
    expires: expiresDay(row.expiresAt),
    provider: row.vendor ?? '',
    account: row.account ?? '',
  };
  return template.replace(
    /\{(ip|port|user|pass|country|expires|provider|account)\}/g,
    (_m, k: string) => values[k] ?? '',
  );
}

/** RFC 4180 field: always quoted, inner quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  const s = value == null ? '' : String(value);
  return `"${s.replace(/"/g, '""')}"`;
}

export interface CsvRow extends ProxyRowData {
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

/** Where exported rows come from: the provider (its id, e.g. "youproxy") and the account's name. */
export interface ExportSource {
  vendor: string;
  account: string;
}

/**
 * One file-name part, safe on Windows, macOS and Linux: letters and digits of any script are kept
 * (lower-cased), everything else (/ \ : * ? " < > | dots, spaces, control characters) becomes one "-".
 */
export function fileNamePart(text: string, max = 40): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...slug].slice(0, max).join('').replace(/-+$/, '');
}

/** The local calendar day, "2026-12-01". */
function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * "proxydeck-ips-youproxy-shop-2026-12-01.txt": what, provider and account, then the local day. One
 * account: provider + account name (a name that already starts with the provider's is not repeated).
 * Several accounts of one provider: provider + "3-accounts". Several providers: "2-providers".
 */
export function exportFileName(format: ExportFormat, sources: ExportSource[], now = new Date(), what = 'ips'): string {
  const vendors = [...new Set(sources.map((s) => s.vendor))];
  const accounts = new Set(sources.map((s) => `${s.vendor}\u0000${s.account}`));
  const parts = ['proxydeck', what];
  if (vendors.length > 1) parts.push(`${vendors.length}-providers`);
  else if (vendors.length === 1) {
    const vendor = fileNamePart(vendors[0] ?? '');
    parts.push(vendor);
    if (accounts.size > 1) parts.push(`${accounts.size}-accounts`);
    else {
      let account = fileNamePart(sources[0]?.account ?? '');
      if (account === vendor) account = '';
      else if (account.startsWith(`${vendor}-`)) account = account.slice(vendor.length + 1);
      parts.push(account);
    }
  }
  return `${parts.filter(Boolean).join('-')}-${localDay(now)}.${format === 'csv' ? 'csv' : 'txt'}`;
}

/** One order as the Orders view exports it (plain values, already in the user's words where needed). */
export interface OrderCsvRow {
  id: string;
  product: string;
  kind: string;
  status: string;
  vendorStatus: string | null;
  country: string | null;
  quantity: number | null;
  /** Major units as text ("12.30"), or null. */
  price: string | null;
  currency: string | null;
  createdAt: string | null;
  expiresAt: string | null;
  autoRenew: boolean | null | undefined;
  tag: string | null;
  vendor: string;
  account: string;
}

export const ORDER_CSV_HEADER = [
  'order_id',
  'product',
  'type',
  'status',
  'provider_status',
  'country',
  'quantity',
  'price',
  'currency',
  'created',
  'expires',
  'auto_renew',
  'tag',
  'provider',
  'account',
];

/** Orders as CSV: header + one row per order, CRLF line ends, dates as UTC days like the IP export. */
export function ordersToCsv(rows: OrderCsvRow[]): string {
  const lines = [ORDER_CSV_HEADER.map(csvField).join(',')];
  for (const r of rows) {
    const auto = r.autoRenew == null ? '' : r.autoRenew ? 'yes' : 'no';
    lines.push(
      [
        r.id,
        r.product,
        r.kind,
        r.status,
        r.vendorStatus,
        r.country,
        r.quantity,
        r.price,
        r.currency,
        expiresDay(r.createdAt),
        expiresDay(r.expiresAt),
        auto,
        r.tag,
        r.vendor,
        r.account,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
