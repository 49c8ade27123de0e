import type { ItemState, Operation } from '../../main/core/renewals/journal';

let n = 0;

/** A valid one-IP YouProxy operation in `state`, created at `at` (journal tests and the bench). */
export function journalOp(at: Date, state: ItemState): Operation {
  n += 1;
  const target = { kind: 'ip' as const, id: `ip-${n}`, label: `10.0.${(n >> 8) & 255}.${n & 255}`, expiresAt: null };
  const usd = (minor: number) => ({ minor, currency: 'USD' });
  return {
    version: 1,
    id: `3f0e4a4e-0000-4000-8000-${String(n).padStart(12, '0')}`,
    batchId: 'batch',
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    accountId: 'acc',
    accountLabel: 'Shop',
    vendor: 'youproxy',
    request: { targets: [target], periodId: '30' },
    quote: {
      items: [{ target, price: usd(300), newExpiresAt: null }],
      total: usd(300),
      vendorQuoted: true,
      balance: usd(1000),
      warnings: [],
    },
    balanceBefore: usd(1000),
    state,
    items: [
      { target, state, expiresBefore: null, newExpiresAt: null, price: usd(300), message: null, retriedBy: null },
    ],
    reference: null,
    charged: state === 'done' ? usd(300) : null,
    chargedUpTo: null,
    retryOf: null,
    history: [],
  };
}
