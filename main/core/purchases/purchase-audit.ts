import type { AuditRow } from '../renewals/audit';
import { formatMoney } from '../renewals/format';
import type { PurchaseRecord } from './purchase-record';

/**
 * A purchase as one audit row (the Activity view): action 'buy' for the purchase itself, 'reconcile'
 * when an unknown outcome was settled later (by reading, or by the user's check). Built field by field
 * (ids, labels, amounts, states; nothing secret).
 *  - charged: when bought, the record's charge (the vendor's figure, else the quoted total; an
 *    'external' order created unpaid: only the vendor's figure); nothing otherwise;
 *  - while unknown, the result says "up to <quoted total> may have been charged" (as renewals do);
 *  - a purchase without a price in advance shows 0 in the quoted column with vendorQuoted false, and
 *    says so in the result.
 */
export function purchaseAuditRow(r: PurchaseRecord, action: 'buy' | 'reconcile', now: Date): AuditRow {
  const done = r.state === 'done' ? 1 : 0;
  const failed = r.state === 'failed' ? 1 : 0;
  const open = 1 - done - failed;
  const currency = r.quotedTotal?.currency ?? r.charged?.currency ?? r.balanceBefore?.currency ?? 'USD';
  const upTo =
    open && r.quotedTotal && r.spends !== 'external'
      ? ` (up to ${formatMoney(r.quotedTotal)} may have been charged)`
      : '';
  const noPrice = r.quotedTotal ? '' : ' (no price in advance)';
  return {
    at: now.toISOString(),
    action,
    operationId: r.id,
    accountId: r.accountId,
    accountLabel: r.accountLabel,
    vendor: r.vendor,
    items: [{ kind: `purchase:${r.request.kind}`, id: r.reference ?? r.id, label: r.summary, state: r.state }],
    quoteTotal: r.quotedTotal ?? { minor: 0, currency },
    vendorQuoted: r.quotedTotal ? r.vendorQuoted : false,
    charged: r.state === 'done' ? r.charged : null,
    result: `${r.state}: ${done} bought, ${failed} failed${open ? `, ${open} unknown` : ''}${upTo}${noPrice}`,
    reference: r.reference,
    message: r.message,
  };
}
