import type { Customer, MarginReport, RunwayReport, SpendReport } from '../../../preload/contract/business';
import type { Money } from '../../../preload/contract/model';
import { VENDORS } from '../../../preload/contract/vendors';
import { decimal } from '../renewals/audit';

/**
 * The reports as CSV for spreadsheets: a header row, one row per line of the report, money as a plain
 * decimal with its currency in the next column, dates ISO. RFC 4180 quoting, CRLF line ends. Text cells
 * (names and labels come from the user and from vendors) that a spreadsheet would run as a formula —
 * starting with = + - @, a tab or a carriage return — get a leading apostrophe. Figures Proxydeck writes
 * itself (amounts, counts, dates) are never escaped, so "-12.30" stays a number.
 */

/** A text cell: neutralised against formulas, then quoted when needed. */
export function textCell(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

type Cell = { text: string } | { raw: string };
const t = (text: string): Cell => ({ text });
const raw = (value: string | number): Cell => ({ raw: String(value) });
const money = (m: Money | null): Cell[] => (m ? [raw(decimal(m)), t(m.currency)] : [raw(''), raw('')]);

function csv(header: string[], rows: Cell[][]): string {
  const lines = [header.map(textCell), ...rows.map((r) => r.map((c) => ('text' in c ? textCell(c.text) : c.raw)))];
  return `${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

const span = (from: string, to: string) => (from === to ? from : `${from}-to-${to}`);

export function marginCsv(
  report: MarginReport,
  customers: readonly Pick<Customer, 'id' | 'name'>[],
): { fileName: string; content: string } {
  const names = new Map(customers.map((c) => [c.id, c.name]));
  const header = ['Month', 'Customer', 'Vendor', 'Revenue', 'Currency', 'Cost', 'Currency', 'Margin', 'Currency'];
  header.push('Cost from vendor price', 'Cost from last renewal', 'Cost from last quote', 'No cost known');
  const rows = report.rows.map((r) => [
    raw(r.month),
    t(r.customerId ? (names.get(r.customerId) ?? r.customerId) : ''),
    t(VENDORS[r.vendor].name),
    ...money(r.revenue),
    ...money(r.cost),
    ...money(r.margin),
    raw(r.costSources.vendor),
    raw(r.costSources.journal),
    raw(r.costSources.quote),
    raw(r.costSources.none),
  ]);
  const from = report.months[0] ?? '';
  const to = report.months[report.months.length - 1] ?? from;
  return { fileName: `proxydeck-margin-${span(from, to)}.csv`, content: csv(header, rows) };
}

export function spendCsv(report: SpendReport): { fileName: string; content: string } {
  const header = ['Month', 'Vendor', 'Account', 'Spent', 'Currency', 'Source'];
  const rows = report.rows.map((r) => [
    raw(r.month),
    t(VENDORS[r.vendor].name),
    t(r.accountLabel),
    ...money(r.spent),
    raw(r.source === 'audit' ? 'Proxydeck' : 'vendor order history'),
  ]);
  const from = report.months[0] ?? '';
  const to = report.months[report.months.length - 1] ?? from;
  return { fileName: `proxydeck-spend-${span(from, to)}.csv`, content: csv(header, rows) };
}

/** One row per committed renewal, then one summary row per account (item columns empty). */
export function runwayCsv(report: RunwayReport, day: string): { fileName: string; content: string } {
  const header = ['Account', 'Vendor', 'Item', 'Kind', 'Expires', 'Renewal price', 'Currency', 'Cost from', 'Why'];
  header.push('Balance', 'Currency', 'Covers until', 'Short by', 'Currency', 'Short on', 'Unpriced items');
  const rows: Cell[][] = [];
  for (const a of report.accounts) {
    const acct = [t(a.accountLabel), t(VENDORS[a.vendor].name)];
    for (const i of a.items) {
      rows.push([
        ...acct,
        t(i.label || i.item.id),
        raw(i.item.kind),
        raw(i.expiresAt),
        ...money(i.price),
        raw(i.costSource),
        raw(i.reason === 'keep' ? 'keep' : 'auto-renew'),
        ...Array.from({ length: 7 }, () => raw('')),
      ]);
    }
    rows.push([
      ...acct,
      ...Array.from({ length: 7 }, () => raw('')),
      ...(a.hasBalanceApi ? money(a.balance) : [t('no balance API'), raw('')]),
      raw(a.coversUntil ?? ''),
      ...money(a.shortBy?.amount ?? null),
      raw(a.shortBy?.on ?? ''),
      raw(a.unpriced),
    ]);
  }
  return { fileName: `proxydeck-runway-${day}.csv`, content: csv(header, rows) };
}
