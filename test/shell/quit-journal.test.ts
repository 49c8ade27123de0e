/**
 * Quitting during a renewal, in the real built main under the fake Electron: the quit waits for the
 * vendor's answer, so the journal on disk holds the result; the next start shows it and never sends
 * it again.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { launchMain, type MainProcess, refreshesEnded, slowSimulators } from './harness';

/** A channel's data, or a thrown error saying why it was refused. */
async function ask<T>(main: MainProcess, channel: string, args: unknown[] = []): Promise<T> {
  const r = await main.invoke<{ ok: boolean; data: T }>(channel, args);
  if (!r.value?.ok) throw new Error(`${channel} refused: ${JSON.stringify(r)}`);
  return r.value.data;
}

const tmp = tempDir('proxydeck-quit-journal-');
const dataDir = join(tmp.dir, 'data');
const mains: MainProcess[] = [];
afterAll(async () => {
  for (const m of mains) await m.dispose();
  tmp.cleanup();
});

const journalOps = () => {
  const dir = join(dataDir, 'journal');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; items: { state: string }[] });
};

describe('quitting while a renewal is under way', () => {
  it('waits for the vendor’s answer and journals it; the next start shows it and sends nothing', async () => {
    const main = launchMain({}, dataDir);
    mains.push(main);
    await main.started();
    await refreshesEnded(main, 4);
    const accounts = await ask<{ id: string; vendor: string }[]>(main, 'accounts:list');
    const yp = accounts.find((a) => a.vendor === 'youproxy')!;
    const snaps = await ask<
      {
        accountId: string;
        proxies: { id: string; ip: string; kind: string; status: string; expiresAt: string | null }[];
      }[]
    >(main, 'snapshots:list');
    const ip = snaps
      .find((s) => s.accountId === yp.id)!
      .proxies.find((p) => p.kind !== 'ipv6' && p.status === 'active')!;
    const periods = await ask<{ id: string }[]>(main, 'renewals:periods', [{ accountId: yp.id, kind: 'ip' }]);
    const quote = await ask<{ quoteId: string; totals: { minor: number; currency: string }[] }>(
      main,
      'renewals:quote',
      [
        [
          {
            accountId: yp.id,
            targets: [{ kind: 'ip', id: ip.id, label: ip.ip, expiresAt: ip.expiresAt }],
            periodId: periods[0]!.id,
          },
        ],
      ],
    );
    // The vendor answers its writes slowly: the quit comes while the renewal is being sent.
    expect(await slowSimulators(main, 3000, { method: 'POST' })).toBe(4);
    void main.invoke('renewals:execute', [{ quoteId: quote.quoteId, totals: quote.totals }]).catch(() => {});
    for (let i = 0; i < 500 && !journalOps().some((op) => op.items.some((x) => x.state === 'sending')); i++)
      await new Promise((r) => setTimeout(r, 10));
    await main.call('quit').catch(() => {});
    const exit = await main.exited;
    expect(exit.code).toBe(0);
    expect(exit.errors).toEqual([]);

    const onDisk = journalOps();
    expect(onDisk).toHaveLength(1);
    const opId = onDisk[0]!.id;
    // Quitting waited (within its cap) for the vendor's answer: the result is journaled, not 'sending'.
    expect(onDisk[0]!.items[0]!.state).toBe('done');

    // Next start: the operation is there, settled by reading the vendor (never re-sent).
    const next = launchMain({}, dataDir);
    mains.push(next);
    await next.started();
    let ops: { id: string; state: string }[] = [];
    for (let i = 0; i < 100; i++) {
      ops = await ask<{ id: string; state: string }[]>(next, 'renewals:operations');
      if (ops.some((o) => o.id === opId)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(ops.map((o) => o.id)).toEqual([opId]);
    expect(ops[0]!.state).toBe('done');
    // This run's demo vendors (the demo's local proxies and check target listen too, and answer no ledger).
    const ledgers = (
      await Promise.all(
        (
          await next.journal({ api: 'fake.listening' })
        ).map(async (e) => {
          const { port } = e.args[0] as { port: number };
          const res = await fetch(`http://127.0.0.1:${port}/__sim/ledger`, { signal: AbortSignal.timeout(2000) }).catch(
            () => null,
          );
          return res?.ok ? ((await res.json()) as unknown[]) : null;
        }),
      )
    ).filter((l) => l !== null);
    expect(ledgers).toHaveLength(4);
    expect(ledgers.flat()).toEqual([]); // no money moved at the next start
  });
});
