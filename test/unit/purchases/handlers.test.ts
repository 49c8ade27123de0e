import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../../main/core/events';
import { createDispatcher, type Handlers } from '../../../main/core/ipc/dispatcher';
import { purchaseHandlers } from '../../../main/core/operations/purchase-handlers';
import { AuditRowSchema } from '../../../main/core/renewals/audit';
import type { AppEvent } from '../../../preload/contract/channels';
import type { Capability } from '../../../preload/contract/model';
import type { PurchaseQuoteView } from '../../../preload/contract/purchases';
import { A, makePurchaseEnv, type PurchaseEnv, setCapabilities } from './helpers';

let env: PurchaseEnv;
beforeEach(() => {
  env = makePurchaseEnv();
});
afterEach(() => env.close());

function ipc() {
  const events = new EventHub();
  const seen: AppEvent[] = [];
  events.on((e) => seen.push(e));
  const handlers = purchaseHandlers(env.service(), env.accounts, events);
  return { dispatch: createDispatcher(handlers as Handlers), seen };
}

describe('purchase channels', () => {
  it('arguments are validated by the channel schemas before anything runs', async () => {
    const { dispatch } = ipc();
    const bad = [
      ['purchases:quote', [{ selections: [] }]],
      ['purchases:quote', [{ selections: [{ accountId: A, request: { kind: 'order', productId: 'x' } }] }]],
      ['purchases:confirm', [{ quoteId: 'not-a-uuid', totals: [] }]],
      ['purchases:confirm', [{ quoteId: '5e0c1a52-0000-4000-8000-000000000000', totals: [], extra: 1 }]],
      ['purchases:resolve', [{ id: '5e0c1a52-0000-4000-8000-000000000000' }]],
      ['purchases:catalog', [{}]],
    ] as const;
    for (const [channel, args] of bad) {
      const r = await dispatch(channel, args);
      expect(r.ok, channel).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_argument');
    }
    expect(env.a.quotes).toBe(0);
  });

  it('quote → confirm over IPC: progress events carry each record', async () => {
    const { dispatch, seen } = ipc();
    const q = await dispatch('purchases:quote', [{ selections: [env.sel(A)] }]);
    if (!q.ok) throw new Error(q.error.message);
    const view = q.data as PurchaseQuoteView;
    const r = await dispatch('purchases:confirm', [{ quoteId: view.quoteId, totals: view.totals }]);
    expect(r.ok).toBe(true);
    const states = seen.flatMap((e) => (e.type === 'purchase-progress' ? [e.record.state] : []));
    expect(states).toEqual(['sending', 'done']);
    const list = await dispatch('purchases:list', []);
    expect(list.ok && (list.data as unknown[]).length).toBe(1);
  });

  it.each<Capability>(['purchase', 'addons', 'serverUpgrade', 'trafficCodesCreate'])(
    'catalog opens with %s',
    async (cap) => {
      setCapabilities(env.a, [cap]);
      const { dispatch } = ipc();
      const r = await dispatch('purchases:catalog', [{ accountId: A }]);
      expect(r.ok).toBe(true);
      expect(env.a.catalogCalls).toBe(1);
    },
  );

  it('catalog of a vendor that cannot buy anything: not_supported in plain words', async () => {
    setCapabilities(env.a, ['balance', 'renew']);
    const { dispatch } = ipc();
    const r = await dispatch('purchases:catalog', [{ accountId: A }]);
    expect(r).toEqual({
      ok: false,
      error: { code: 'not_supported', message: 'ProxyShard does not offer this through its API.' },
    });
    expect(env.a.catalogCalls).toBe(0);
  });

  it("audit rows: 'buy' is an action; rows written before it still read", () => {
    const old = {
      at: '2025-01-01T00:00:00.000Z',
      action: 'renew',
      operationId: 'x',
      accountId: A,
      accountLabel: 'Shop',
      vendor: 'proxyshard',
      items: [],
      quoteTotal: { minor: 1, currency: 'USD' },
      vendorQuoted: true,
      charged: null,
      result: 'done',
      reference: null,
      message: null,
    };
    expect(AuditRowSchema.safeParse(old).success).toBe(true);
    expect(AuditRowSchema.safeParse({ ...old, action: 'buy' }).success).toBe(true);
  });
});
