import type { AuditRow } from './audit';
import { formatMoney } from './format';
import type { Operation } from './journal';
import type { OnProgress } from './renewal-types';

/** What a renewal tells the window (per-item progress) and the audit log (one row per step). */

export function emitProgress(op: Operation, onProgress?: OnProgress): void {
  if (!onProgress) return;
  for (const i of op.items) {
    try {
      onProgress({
        operationId: op.id,
        accountId: op.accountId,
        target: { kind: i.target.kind, id: i.target.id, label: i.target.label },
        state: i.state,
        newExpiresAt: i.newExpiresAt,
        message: i.message,
      });
    } catch {
      // A broken listener (closed window) must never interrupt recording a payment.
    }
  }
}

export function auditRowOf(op: Operation, action: 'renew' | 'reconcile' | 'retry', now: Date): AuditRow {
  const done = op.items.filter((i) => i.state === 'done').length;
  const failed = op.items.filter((i) => i.state === 'failed').length;
  const open = op.items.length - done - failed;
  return {
    at: now.toISOString(),
    action,
    operationId: op.id,
    accountId: op.accountId,
    accountLabel: op.accountLabel,
    vendor: op.vendor,
    items: op.items.map((i) => ({ kind: i.target.kind, id: i.target.id, label: i.target.label, state: i.state })),
    quoteTotal: op.quote.total,
    vendorQuoted: op.quote.vendorQuoted,
    charged: op.charged,
    result:
      `${op.state}: ${done} renewed, ${failed} failed${open ? `, ${open} unknown` : ''}` +
      (op.chargedUpTo ? ` (up to ${formatMoney(op.chargedUpTo)} may have been charged)` : ''),
    reference: op.reference,
    message: op.items.find((i) => i.state !== 'done' && i.message)?.message ?? null,
  };
}
