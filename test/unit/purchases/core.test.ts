import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../../main/core/app-core';
import type { BackendCtor } from '../../../main/core/store/open-file';
import { MemoryVault } from '../../../main/core/vault/memory-vault';
import type { VendorClient, VendorModule } from '../../../main/vendors/vendor-client';
import type { Capability } from '../../../preload/contract/model';
import type { PurchaseQuoteView, PurchaseRecordView } from '../../../preload/contract/purchases';
import { tempDir } from '../../helpers/tmp';
import { type FakeBuyer, fakeBuyer, order } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('proxydeck-purchase-core-')));
afterEach(() => cleanup());

function moduleOf(buyer: FakeBuyer): VendorModule {
  const capabilities: ReadonlySet<Capability> = new Set<Capability>(['balance', 'purchase']);
  return {
    vendor: 'proxyshard',
    capabilities,
    checkCredentials: () => null,
    create: () =>
      Object.assign(buyer.client, {
        testConnection: async () => ({ ok: true, message: 'Connected.' }),
      }) as VendorClient,
  } as unknown as VendorModule;
}

const vault = new MemoryVault();
const start = (buyer: FakeBuyer) =>
  createCore({
    dataDir: dir,
    Backend: Conf as unknown as BackendCtor,
    vault,
    vendors: { proxyshard: moduleOf(buyer) },
    version: 't',
  });

async function call<T>(core: Core, channel: string, args: unknown[]): Promise<T> {
  const r = await core.dispatch(channel, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

describe('purchases in the app core', () => {
  it('quitting waits for a purchase being sent; a record left sending is settled at start-up by reading', async () => {
    const buyer = fakeBuyer('proxyshard', ['purchase']);
    buyer.behaviour = 'hold';
    const core = await start(buyer);
    const { id: accountId } = await call<{ id: string }>(core, 'accounts:add', [
      { vendor: 'proxyshard', label: 'Shop', credentials: { apiKey: 'k'.repeat(16) } },
    ]);
    const q = await call<PurchaseQuoteView>(core, 'purchases:quote', [
      { selections: [{ accountId, request: order() }] },
    ]);
    const confirming = call(core, 'purchases:confirm', [{ quoteId: q.quoteId, totals: q.totals }]);
    for (let i = 0; i < 100 && buyer.sent.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    await core.refresh.idle(); // the refresh the new account started is not what quitting waits for here
    let quit = false;
    const quitting = core.shutdown().then(() => {
      quit = true;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(quit).toBe(false); // the purchase is still being sent
    buyer.release();
    await Promise.all([confirming, quitting]);
    const [done] = core.purchases.list();
    expect(done!.state).toBe('done');

    // A copy of it left 'sending' by a crash (a new id, the vendor state before it as it was).
    const raw = JSON.parse(readFileSync(join(dir, 'purchases', `${done!.id}.json`), 'utf8'));
    const crashedId = '4b1f9a2e-7c3d-4e5f-8a9b-0c1d2e3f4a5b';
    writeFileSync(
      join(dir, 'purchases', `${crashedId}.json`),
      JSON.stringify({ ...raw, id: crashedId, state: 'sending', created: [], charged: null, createdAt: raw.updatedAt }),
    );
    buyer.items.push('order:after-crash'); // the vendor shows what the crashed request bought
    const again = await start(buyer);
    let rec: PurchaseRecordView | undefined;
    for (let i = 0; i < 100; i++) {
      rec = (await call<PurchaseRecordView[]>(again, 'purchases:list', [])).find((r) => r.id === crashedId);
      if (rec?.state !== 'uncertain') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(rec).toMatchObject({ state: 'done', created: ['order:after-crash'] });
    expect(buyer.sent).toHaveLength(1); // read, never resent
    const audit = await call<{ rows: { action: string }[] }>(again, 'audit:list', []);
    expect(audit.rows.map((r) => r.action)).toEqual(['buy', 'reconcile']);
    await again.shutdown();
  });
});
