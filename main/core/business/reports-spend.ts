import type { SpendReport, SpendRow } from '../../../preload/contract/business';
import type { AccountSnapshot, Money, VendorId } from '../../../preload/contract/model';
import type { AuditRow } from '../renewals/audit';
import { sumByCurrency } from '../renewals/format';
import { monthOf, monthRange, previousMonth } from './months';

/**
 * Spending per month, vendor and account (issue 16 §4), from two sources:
 *  - 'audit': Proxydeck's own record of money it moved. One operation is counted once: its rows
 *    (renew / retry / buy, then 'reconcile' rows when an unknown outcome was settled) share an
 *    operationId; the LAST row's charge is the operation's figure (a reconcile replaces what was
 *    known before; a settled "nothing was charged" gives nothing), dated at the FIRST row (when the
 *    money was sent).
 *  - 'vendor': the vendor's order history in the last snapshot (orders with a creation date and a
 *    price), except the orders Proxydeck bought itself (an audit 'buy' row naming the order in its
 *    reference or items, or a purchase record listing it as created), which the audit already counts.
 *    Cancelled and pending (unpaid) orders are not spending.
 * Different currencies are separate rows, never added.
 */

export interface SpendInput {
  audit: readonly AuditRow[];
  snapshots: readonly AccountSnapshot[];
  accounts: readonly { id: string; label: string; vendor: VendorId }[];
  /** Purchases from the purchase journal: the vendor order ids each created. */
  purchases?: readonly { accountId: string; reference: string | null; created: readonly string[] }[];
  query: { from: string; to: string };
  timeZone: string;
}

const PAID_ACTIONS = new Set<AuditRow['action']>(['renew', 'retry', 'buy']);

/** Each operation once: dated at its first row, charged as its last row says. */
export function auditCharges(rows: readonly AuditRow[]): { first: AuditRow; charged: Money | null }[] {
  const byOp = new Map<string, AuditRow[]>();
  for (const r of rows) byOp.set(r.operationId, [...(byOp.get(r.operationId) ?? []), r]);
  const out: { first: AuditRow; charged: Money | null }[] = [];
  for (const group of byOp.values()) {
    const first = group.find((r) => PAID_ACTIONS.has(r.action)) ?? group[0]!;
    out.push({ first, charged: group[group.length - 1]!.charged });
  }
  return out;
}

export function spendReport(input: SpendInput): SpendReport {
  const { query, timeZone } = input;
  const months = monthRange(query.from, query.to);
  const inRange = new Set(months);
  const labels = new Map(input.accounts.map((a) => [a.id, a]));
  const acc = new Map<string, SpendRow>();
  const add = (month: string | null, r: Omit<SpendRow, 'month' | 'spent'>, m: Money) => {
    if (!month || !inRange.has(month) || m.minor === 0) return;
    const k = `${month}|${r.accountId}|${r.source}|${m.currency}`;
    const row = acc.get(k);
    if (row) row.spent = { minor: row.spent.minor + m.minor, currency: m.currency };
    else acc.set(k, { month, ...r, spent: { ...m } });
  };

  for (const { first, charged } of auditCharges(input.audit)) {
    if (!charged) continue;
    const label = labels.get(first.accountId)?.label ?? first.accountLabel;
    add(
      monthOf(first.at, timeZone),
      { vendor: first.vendor, accountId: first.accountId, accountLabel: label, source: 'audit' },
      charged,
    );
  }

  // Orders Proxydeck bought: already in the audit, never counted again from the vendor's history.
  const bought = new Set<string>();
  for (const r of input.audit) {
    if (r.action !== 'buy') continue;
    if (r.reference) bought.add(`${r.accountId}|${r.reference}`);
    for (const i of r.items) bought.add(`${r.accountId}|${i.id}`);
  }
  for (const p of input.purchases ?? []) {
    if (p.reference) bought.add(`${p.accountId}|${p.reference}`);
    for (const id of p.created) bought.add(`${p.accountId}|${id}`);
  }
  for (const s of input.snapshots) {
    const a = labels.get(s.accountId);
    if (!a) continue;
    for (const o of s.orders) {
      if (!o.createdAt || !o.price || o.status === 'cancelled' || o.status === 'pending') continue;
      if (bought.has(`${s.accountId}|${o.id}`)) continue;
      add(
        monthOf(o.createdAt, timeZone),
        { vendor: a.vendor, accountId: a.id, accountLabel: a.label, source: 'vendor' },
        o.price,
      );
    }
  }

  const rows = [...acc.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      a.vendor.localeCompare(b.vendor) ||
      a.accountLabel.localeCompare(b.accountLabel) ||
      a.source.localeCompare(b.source) ||
      a.spent.currency.localeCompare(b.spent.currency),
  );
  return { months, rows };
}

/** The Dashboard's spend line: this month and last month, per currency, from the spend report. */
export function spendLine(
  input: Omit<SpendInput, 'query'>,
  now: Date,
): { thisMonth: Money[]; lastMonth: Money[]; month: string } {
  const month = monthOf(now, input.timeZone)!;
  const last = previousMonth(month);
  const report = spendReport({ ...input, query: { from: last, to: month } });
  const total = (m: string) => sumByCurrency(report.rows.filter((r) => r.month === m).map((r) => r.spent));
  return { month, thisMonth: total(month), lastMonth: total(last) };
}
