import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../main/core/app-core';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import type { VendorSimulator } from '../../main/simulators/types';
import { createYouproxySimulator } from '../../main/simulators/youproxy';
import { youproxyModule } from '../../main/vendors/youproxy';
import type { AppEvent, Channel, ChannelArgs, ChannelResponses } from '../../preload/contract/channels';
import type { Result } from '../../preload/contract/errors';
import { tempDir } from '../helpers/tmp';

const { dir, cleanup } = tempDir();
let sim: VendorSimulator;
let core: Core;
let accountId: string;
const events: AppEvent[] = [];
const call = <C extends Channel>(ch: C, ...args: ChannelArgs<C>) =>
  core.dispatch(ch, args) as Promise<Result<ChannelResponses[C]>>;
const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
};

beforeAll(async () => {
  sim = createYouproxySimulator({ seed: 9 });
  await sim.listen();
  core = await createCore({
    dataDir: dir,
    Backend: Conf as unknown as BackendCtor,
    vault: new MemoryVault(),
    vendors: { youproxy: youproxyModule },
    version: 't',
    baseUrls: { youproxy: sim.baseUrl() },
  });
  core.events.on((e) => events.push(e));
  accountId = (await core.accounts.add({ vendor: 'youproxy', label: 'YP', credentials: sim.credentials })).id;
  core.refresh.start();
  await core.refresh.idle();
});
afterAll(async () => {
  await core.shutdown();
  await sim.close();
  cleanup();
});

describe('renew through IPC', () => {
  it('periods → quote → execute once; a second execute of the same confirmation is refused; the audit has it', async () => {
    const ip = core.refresh.list()[0]!.proxies.find((p) => p.kind !== 'ipv6' && p.status === 'active')!;
    const periods = ok(await call('renewals:periods', { accountId, kind: 'ip' }));
    expect(periods.length).toBeGreaterThan(0);
    const quote = ok(
      await call('renewals:quote', [
        {
          accountId,
          targets: [{ kind: 'ip', id: ip.id, label: ip.ip, expiresAt: ip.expiresAt }],
          periodId: periods[0]!.id,
        },
      ]),
    );
    expect(quote.blocked).toEqual([]);
    expect(quote.totals).toHaveLength(1);
    const ledgerBefore = sim.server.ledger.length;

    const [first, second] = await Promise.all([
      call('renewals:execute', { quoteId: quote.quoteId, totals: quote.totals }),
      call('renewals:execute', { quoteId: quote.quoteId, totals: quote.totals }),
    ]);
    const results = [first, second];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error.code).toBe('invalid_argument');
    expect(sim.server.ledger.length - ledgerBefore).toBe(1);

    const done = results.find((r) => r.ok);
    const op = done?.ok ? done.data.operations[0]! : null;
    expect(op?.state).toBe('done');
    expect(op?.items[0]?.newExpiresAt && op.items[0].newExpiresAt > (ip.expiresAt ?? '')).toBe(true);
    expect(events.some((e) => e.type === 'renewal-progress' && e.progress.state === 'done')).toBe(true);

    expect(ok(await call('renewals:operations')).map((o) => o.id)).toContain(op!.id);
    const audit = ok(await call('audit:list'));
    expect(audit.rows.some((row) => row.operationId === op!.id && row.action === 'renew')).toBe(true);
    const csv = ok(await call('audit:csv'));
    expect(csv.split('\n')[0]).toMatch(/^Time \(UTC\),Action,Account,Vendor,/);
    expect(csv).toContain(op!.id);
    expect(csv).not.toContain(sim.credentials.apiKey!);
  });

  it('refuses a confirmation whose totals differ from the price shown', async () => {
    const ip = core.refresh.list()[0]!.proxies.find((p) => p.kind !== 'ipv6')!;
    const periods = ok(await call('renewals:periods', { accountId, kind: 'ip' }));
    const quote = ok(
      await call('renewals:quote', [
        {
          accountId,
          targets: [{ kind: 'ip', id: ip.id, label: ip.ip, expiresAt: ip.expiresAt }],
          periodId: periods[0]!.id,
        },
      ]),
    );
    const before = sim.server.ledger.length;
    const wrong = quote.totals.map((m) => ({ ...m, minor: m.minor - 1 }));
    const r = await call('renewals:execute', { quoteId: quote.quoteId, totals: wrong });
    expect(r.ok).toBe(false);
    expect(sim.server.ledger.length).toBe(before);
  });

  it('auto-renew toggles reach the vendor', async () => {
    const order = core.refresh.list()[0]!.orders[0]!;
    const periods = ok(await call('renewals:periods', { accountId, kind: 'order' }));
    const r = await call('renewals:autoRenew', {
      accountId,
      kind: 'order',
      ids: [order.id],
      enabled: true,
      periodId: periods[0]!.id,
    });
    expect(r).toEqual({ ok: true, data: { ok: true } });
  });
});
