/**
 * Refresh bound by the network: N accounts spread over the 4 vendors (N = 1 / 50 / 200), each vendor
 * request delayed 200 ms by the simulators' `latency` fault, refreshed by the real RefreshService and
 * vendor clients (the store and accounts are in-memory stand-ins: only the network path is measured).
 * Printed as full refresh ÷ the slowest single account, measured side by side in this run, and the
 * requests per refresh per account of each vendor (from the simulators' request logs).
 *
 * Each account has its own simulator (its own key and data); the simulators of one vendor share the
 * host 127.0.0.1, so they share that vendor's host limit as real accounts share the vendor's origin.
 */
import { EventHub } from '../main/core/events';
import { RefreshService } from '../main/core/refresh/refresh-service';
import { SIMULATOR_FACTORIES } from '../main/simulators/registry';
import type { VendorSimulator } from '../main/simulators/types';
import { closeAllAgents } from '../main/vendors/http/transport';
import { VENDOR_MODULES } from '../main/vendors/registry';
import type { VendorClient } from '../main/vendors/vendor-client';
import type { AccountSnapshot, VendorId } from '../preload/contract/model';

const VENDORS: VendorId[] = ['thordata', 'proxyshard', 'youproxy', 'bestproxy'];
const LATENCY_MS = 200;

interface Fleet {
  sims: Map<string, { vendor: VendorId; sim: VendorSimulator }>;
  close(): Promise<void>;
}

async function fleet(perVendor: Record<VendorId, number>, tag: string): Promise<Fleet> {
  const sims = new Map<string, { vendor: VendorId; sim: VendorSimulator }>();
  let seed = 1;
  for (const vendor of VENDORS) {
    for (let i = 0; i < perVendor[vendor]; i++) {
      const sim = SIMULATOR_FACTORIES[vendor]({ seed: seed++ });
      await sim.listen();
      sim.server.injectFault({ kind: 'latency', ms: LATENCY_MS, times: 0 });
      sims.set(`${tag}-${vendor}-${i}`, { vendor, sim });
    }
  }
  return {
    sims,
    close: async () => {
      await Promise.all([...sims.values()].map((s) => s.sim.close()));
    },
  };
}

/** One full refresh of every account of the fleet; ms and requests per account of each vendor. */
async function refreshAll(f: Fleet): Promise<{ ms: number; perVendor: Partial<Record<VendorId, number>> }> {
  const snaps = new Map<string, AccountSnapshot>();
  const failed: string[] = [];
  const ids = [...f.sims.keys()];
  const accounts = {
    list: () => ids.map((id) => ({ id })),
    client: async (id: string): Promise<VendorClient> => {
      const { vendor, sim } = f.sims.get(id)!;
      return VENDOR_MODULES[vendor].create({ credentials: sim.credentials, baseUrl: sim.baseUrl() });
    },
    markRefreshed: () => {},
    markRefreshFailed: (id: string) => failed.push(id),
  };
  const store = {
    get: (id: string) => snaps.get(id) ?? null,
    put: (s: AccountSnapshot) => snaps.set(s.accountId, s),
    idle: async () => {},
    version: () => 1,
  };
  const service = new RefreshService(accounts as never, store as never, new EventHub());
  const before = new Map([...f.sims].map(([id, s]) => [id, s.sim.server.requests.length]));
  const t0 = performance.now();
  service.start();
  await service.idle();
  const ms = performance.now() - t0;
  if (failed.length) throw new Error(`refresh failed for ${failed.join(', ')}`);
  const errors = [...snaps.values()].filter((s) => Object.keys(s.errors).length > 0);
  if (errors.length) throw new Error(`sections failed: ${JSON.stringify(errors[0]?.errors)}`);
  const totals: Partial<Record<VendorId, { req: number; n: number }>> = {};
  for (const [id, { vendor, sim }] of f.sims) {
    const t = totals[vendor] ?? { req: 0, n: 0 };
    totals[vendor] = t;
    t.req += sim.server.requests.length - (before.get(id) ?? 0);
    t.n++;
  }
  const perVendor: Partial<Record<VendorId, number>> = {};
  for (const [v, t] of Object.entries(totals)) perVendor[v as VendorId] = t.req / t.n;
  return { ms, perVendor };
}

function spread(n: number): Record<VendorId, number> {
  const out = { thordata: 0, proxyshard: 0, youproxy: 0, bestproxy: 0 } as Record<VendorId, number>;
  for (let i = 0; i < n; i++) out[VENDORS[i % VENDORS.length]!]++;
  return out;
}

export async function run(): Promise<void> {
  console.log(`Refresh with ${LATENCY_MS} ms added per vendor request (4 vendors)`);
  // The slowest single account: each vendor alone, best of 2 (the first run warms the code paths).
  let slowest = 0;
  let slowestVendor: VendorId = 'thordata';
  const requests: Partial<Record<VendorId, number>> = {};
  for (const vendor of VENDORS) {
    const f = await fleet({ ...spread(0), [vendor]: 1 }, 'one');
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 2; i++) {
      const r = await refreshAll(f);
      best = Math.min(best, r.ms);
      requests[vendor] = r.perVendor[vendor] ?? 0;
    }
    await f.close();
    console.log(`  one ${vendor} account`.padEnd(40), `${best.toFixed(0).padStart(6)} ms`);
    if (best > slowest) {
      slowest = best;
      slowestVendor = vendor;
    }
  }
  console.log(`  slowest single account: ${slowestVendor}, ${slowest.toFixed(0)} ms`);
  for (const n of [1, 50, 200]) {
    // N = 1 is one account of the slowest vendor (so 1.00x is the floor); more spread over the 4 vendors.
    const f = await fleet(n === 1 ? { ...spread(0), [slowestVendor]: 1 } : spread(n), `n${n}`);
    const r = await refreshAll(f);
    await f.close();
    console.log(
      `  N = ${String(n).padStart(3)} accounts: ${r.ms.toFixed(0).padStart(6)} ms, ` +
        `full refresh / slowest single account: ${(r.ms / slowest).toFixed(2)}x`,
    );
  }
  console.log('  requests per refresh, per account:');
  for (const v of VENDORS) console.log(`    ${v.padEnd(12)} ${String(requests[v] ?? 0).padStart(4)}`);
  await closeAllAgents();
}
