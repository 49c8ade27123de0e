import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../main/core/app-core';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { createThordataSimulator } from '../../main/simulators/thordata';
import type { VendorSimulator } from '../../main/simulators/types';
import { thordataModule } from '../../main/vendors/thordata';
import type { Channel, ChannelArgs, ChannelResponses } from '../../preload/contract/channels';
import type { Result } from '../../preload/contract/errors';
import { tempDir } from '../helpers/tmp';

const { dir, cleanup } = tempDir();
let sim: VendorSimulator;
let core: Core;
let accountId: string;
const call = <C extends Channel>(ch: C, ...args: ChannelArgs<C>) =>
  core.dispatch(ch, args) as Promise<Result<ChannelResponses[C]>>;

beforeAll(async () => {
  sim = createThordataSimulator({ seed: 2 });
  await sim.listen();
  core = await createCore({
    dataDir: dir,
    Backend: Conf as unknown as BackendCtor,
    vault: new MemoryVault(),
    vendors: { thordata: thordataModule },
    version: 't',
    baseUrls: { thordata: sim.baseUrl() },
  });
  accountId = (await core.accounts.add({ vendor: 'thordata', label: 'TD', credentials: sim.credentials })).id;
  core.refresh.start();
  await core.refresh.idle();
});
afterAll(async () => {
  await core.shutdown();
  await sim.close();
  cleanup();
});

describe('items without a price in advance (Thordata)', () => {
  it('are never paid without an explicit acceptance of the unknown price', async () => {
    const server = core.refresh.list()[0]!.servers.find((s) => s.status === 'active')!;
    const periods = await call('renewals:periods', { accountId, kind: 'server' });
    expect(periods.ok).toBe(true);
    const periodId = periods.ok ? periods.data[0]!.id : '';
    const target = { kind: 'server' as const, id: server.id, label: server.ip, expiresAt: server.expiresAt };
    const quote = await call('renewals:quote', [{ accountId, targets: [target], periodId }]);
    if (!quote.ok) throw new Error(quote.error.message);
    expect(quote.data.accounts[0]!.quote!.items[0]!.price).toBeNull();
    const before = sim.server.ledger.length;

    const refused = await call('renewals:execute', { quoteId: quote.data.quoteId, totals: quote.data.totals });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringMatching(/no price in advance/) },
    });
    expect(sim.server.ledger.length).toBe(before);

    const again = await call('renewals:quote', [{ accountId, targets: [target], periodId }]);
    if (!again.ok) throw new Error(again.error.message);
    const paid = await call('renewals:execute', {
      quoteId: again.data.quoteId,
      totals: again.data.totals,
      acceptUnknownPrices: true,
    });
    expect(paid.ok && paid.data.operations[0]!.state).toBe('done');
    expect(sim.server.ledger.length - before).toBe(1);

    // The refreshed snapshot shows the new expiry the renewal reported.
    const newExpiry = paid.ok ? paid.data.operations[0]!.items[0]!.newExpiresAt : null;
    core.refresh.start([accountId]);
    await core.refresh.idle();
    const snap = core.refresh.list()[0]!;
    expect(snap.errors).toEqual({});
    expect(snap.servers.find((s) => s.id === server.id)?.expiresAt).toBe(newExpiry);
  });
});
