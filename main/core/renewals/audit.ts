import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { VENDOR_IDS } from '../../../preload/contract/model';
import { diskFix, diskReason } from '../../../preload/contract/notices';
import { AppFailure } from '../errors';
import { classify, type DiskHealth, diskHealth, isDiskError } from '../store/disk-health';
import { ensurePrivateDir } from '../store/private-files';
import { appendLineDurable } from './atomic-file';

/**
 * The audit log of every money action, one JSON line each in `<dataDir>/audit.jsonl`, appended and
 * fsynced (0600). It answers "what did Proxydeck pay, when, for what" for the user and for support.
 * What goes in is chosen field by field: ids, labels, amounts and states — never credentials or
 * proxy passwords (the journal's request/quote objects hold none either, but rows are built
 * explicitly so a future field cannot leak in by accident).
 */

const MoneySchema = z.object({ minor: z.number().int(), currency: z.string() });

export const AuditRowSchema = z.object({
  at: z.string(),
  /**
   * renew = first attempt; reconcile = an unknown outcome settled by reading state (or the user's check);
   * retry = failed items again; buy = a purchase (main/core/purchases). Rows written before 'buy' existed read the same.
   */
  action: z.enum(['renew', 'reconcile', 'retry', 'buy']),
  operationId: z.string(),
  accountId: z.string(),
  accountLabel: z.string(),
  vendor: z.enum(VENDOR_IDS),
  items: z.array(z.object({ kind: z.string(), id: z.string(), label: z.string(), state: z.string() })),
  quoteTotal: MoneySchema,
  vendorQuoted: z.boolean(),
  charged: MoneySchema.nullable(),
  result: z.string(),
  reference: z.string().nullable(),
  message: z.string().nullable(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

export interface AuditRead {
  rows: AuditRow[];
  /** Lines of the file that could not be read (torn by a power cut, edited): kept in the file, counted. */
  damagedLines: number;
}

export class AuditLog {
  readonly path: string;
  /** Lines that could not be read by the last read() (kept in the file, reported). */
  damagedLines = 0;
  private readonly disk: DiskHealth;
  /** Rows the disk has not accepted yet (full, read-only...), oldest first: shown, and appended later. */
  private readonly unsaved: string[] = [];

  constructor(
    private readonly dataDir: string,
    disk?: DiskHealth,
  ) {
    this.path = join(dataDir, 'audit.jsonl');
    this.disk = disk ?? diskHealth(dataDir);
  }

  /** Appends a row; when the disk refuses, it is kept in memory and appended (in order) later. Never throws a disk error. */
  append(row: AuditRow): void {
    this.unsaved.push(JSON.stringify(AuditRowSchema.parse(row)));
    this.disk.write('audit', () => this.flush());
  }

  private flush(): void {
    if (this.unsaved.length === 0) return;
    ensurePrivateDir(this.dataDir);
    while (this.unsaved.length > 0) {
      appendLineDurable(this.path, this.unsaved[0]!);
      this.unsaved.shift();
    }
  }

  /** Every row (the file, then rows not saved yet) and how many lines of the file could not be read. */
  read(): AuditRead {
    let text = '';
    try {
      text = existsSync(this.path) ? readFileSync(this.path, 'utf8') : '';
    } catch (e) {
      if (!isDiskError(e)) throw e;
      const { kind, code } = classify(e);
      throw new AppFailure(
        'storage',
        `Proxydeck could not read its activity log (${this.path}): ${diskReason(kind, code)}. ${diskFix(kind)}, then reload.`,
      );
    }
    const rows: AuditRow[] = [];
    let damaged = 0;
    for (const line of [...text.split('\n'), ...this.unsaved]) {
      if (!line.trim()) continue;
      try {
        const parsed = AuditRowSchema.safeParse(JSON.parse(line));
        if (parsed.success) rows.push(parsed.data);
        else damaged += 1;
      } catch {
        damaged += 1; // e.g. a line cut short by a power loss; the rest of the log still reads
      }
    }
    this.damagedLines = damaged;
    return { rows, damagedLines: damaged };
  }

  list(): AuditRow[] {
    return this.read().rows;
  }

  toCsv(rows: AuditRow[] = this.list()): string {
    const header = [
      'Time (UTC)',
      'Action',
      'Account',
      'Vendor',
      'Items',
      'Quoted total',
      'Currency',
      'Vendor quoted',
      'Charged',
      'Result',
      'Reference',
      'Message',
      'Operation id',
    ];
    const lines = rows.map((r) => [
      r.at,
      r.action,
      r.accountLabel,
      r.vendor,
      r.items.map((i) => `${i.label || i.id} (${i.state})`).join('; '),
      decimal(r.quoteTotal),
      r.quoteTotal.currency,
      r.vendorQuoted ? 'yes' : 'no (estimate)',
      r.charged ? decimal(r.charged) : '',
      r.result,
      r.reference ?? '',
      r.message ?? '',
      r.operationId,
    ]);
    // RFC 4180: CRLF line ends, every line including the last.
    return `${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
  }
}

/** Minor units as a plain decimal for spreadsheets ("12.30"), using the currency's own digits. */
export function decimal(m: { minor: number; currency: string }): string {
  const digits = currencyDigits(m.currency);
  const sign = m.minor < 0 ? '-' : '';
  const abs = String(Math.abs(m.minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * RFC 4180 quoting (fields with a comma, quote or line break are quoted, quotes doubled). Text that
 * a spreadsheet would run as a formula (=, +, @, or - not followed by a digit) is prefixed with an
 * apostrophe: labels come from users and vendors.
 */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+@\t\r]/.test(v) || /^-(?!\d)/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}
