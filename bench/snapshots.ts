/**
 * Snapshots without stalls (issue 12, point 2), measured side by side in one run:
 *  - overwriting one account's saved snapshot with 100,000 IPs vs 1,000 IPs (passwords sealed, as the
 *    app does): wall time until the file is on disk, and the longest event-loop stall meanwhile
 *    (perf_hooks.monitorEventLoopDelay plus a 1 ms timer probe, whichever saw the longer gap);
 *  - the start-up read of a 100,000-IP file: the v2 format (IPs as objects, ~36 MB) vs v3 (columns),
 *    asynchronous (`ready()`), with the longest event-loop stall;
 *  - `snapshots:list` at 100,000 IPs: the first call (reads the file) vs the next ones, and the size
 *    of the answer (objects) vs what 'snapshots:get' sends the window (columns); with per-account
 *    versions, what travels when nothing changed.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import Conf from 'conf';
import { PasswordCodec } from '../main/core/secrets/snapshot-codec';
import type { BackendCtor } from '../main/core/store/open-file';
import { SnapshotStore } from '../main/core/store/snapshot-store';
import { MemoryVault } from '../main/core/vault/memory-vault';
import type { AccountSnapshot, ProxyEndpoint } from '../preload/contract/model';
import { tempDir } from '../test/helpers/tmp';

const Backend = Conf as unknown as BackendCtor;

function snapshot(id: string, n: number, salt = 0): AccountSnapshot {
  const proxies: ProxyEndpoint[] = Array.from({ length: n }, (_, i) => ({
    id: String(1_000_000_000_000_000_000n + BigInt(i)),
    ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    host: null,
    httpPort: 8000 + (i % 1000),
    socksPort: 9000,
    protocol: 'http+socks5',
    username: `user${i}`,
    password: `pass${i}-${salt}`,
    country: i % 2 ? 'US' : 'DE',
    kind: 'isp',
    expiresAt: '2026-12-01T00:00:00.000Z',
    orderId: String(i % 100),
    status: 'active',
    autoRenew: false,
  }));
  return {
    accountId: id,
    fetchedAt: new Date(Date.now() + salt).toISOString(),
    balance: null,
    orders: [],
    proxies,
    whitelist: [],
    subUsers: [],
    servers: [],
    traffic: [],
    errors: {},
  };
}

/** Resolves once the store has written everything (stores without background writes: at once). */
const settled = (store: SnapshotStore) => (store as { idle?: () => Promise<void> }).idle?.() ?? Promise.resolve();

/** Runs `fn` and reports its wall time and the longest event-loop stall seen meanwhile. */
async function measured(fn: () => Promise<void>): Promise<{ ms: number; stallMs: number; gcMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs = Math.max(gcMs, e.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  let last = performance.now();
  let probe = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    probe = Math.max(probe, now - last);
    last = now;
  }, 1);
  await new Promise((r) => setTimeout(r, 5));
  h.enable();
  last = performance.now();
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 10)); // let the probes see the end of the last stall
  h.disable();
  clearInterval(timer);
  gc.disconnect();
  return { ms, stallMs: Math.max(h.max / 1e6, probe), gcMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (label: string, value: string) => console.log(`  ${label.padEnd(60)} ${value.padStart(12)}`);

export async function run(): Promise<void> {
  const { dir, cleanup } = tempDir('proxydeck-bench-snapshots-');
  try {
    const codec = new PasswordCodec();
    await codec.init(new MemoryVault());
    const store = new SnapshotStore(dir, Backend, undefined, codec);

    console.log('Snapshot overwrite (passwords sealed), until on disk');
    const results: Record<number, { ms: number; stallMs: number; gcMs: number }> = {};
    for (const [n, runs] of [
      [1_000, 7],
      [100_000, 3],
    ] as const) {
      const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      store.put(snapshot(id, n));
      await settled(store);
      const times: number[] = [];
      const stalls: number[] = [];
      const gcs: number[] = [];
      for (let i = 1; i <= runs; i++) {
        const next = snapshot(id, n, i);
        const r = await measured(async () => {
          store.put(next);
          await settled(store);
        });
        times.push(r.ms);
        stalls.push(r.stallMs);
        gcs.push(r.gcMs);
      }
      results[n] = { ms: median(times), stallMs: Math.max(...stalls), gcMs: Math.max(...gcs) };
      row(`${n.toLocaleString('en-US')} IPs: time (median of ${runs})`, `${results[n]!.ms.toFixed(1)} ms`);
      row(`${n.toLocaleString('en-US')} IPs: longest event-loop stall`, `${results[n]!.stallMs.toFixed(1)} ms`);
      row(`${n.toLocaleString('en-US')} IPs: of which the longest GC pause`, `${results[n]!.gcMs.toFixed(1)} ms`);
    }
    row(
      'ratio 100,000 / 1,000 IPs (time; 100x = linear)',
      `${(results[100_000]!.ms / results[1_000]!.ms).toFixed(1)}x`,
    );

    console.log('Start-up read of one 100,000-IP file (passwords sealed): v2 objects (before) vs v3 columns (now)');
    const old = '00000000-0000-4000-8000-000000200000';
    writeFileSync(
      join(dir, 'snapshots', `${old}.json`),
      JSON.stringify({ v: 2, snapshot: codec.seal(snapshot(old, 100_000)) }),
    );
    const reads: Record<string, { ms: number; stallMs: number; size: number }> = {};
    for (const [label, id] of [
      ['v3', '00000000-0000-4000-8000-000000100000'],
      ['v2', old],
    ] as const) {
      const times: number[] = [];
      const stalls: number[] = [];
      for (let i = 0; i < 3; i++) {
        const s = new SnapshotStore(dir, Backend, undefined, codec);
        // Only this file: the others are made known first (as held in memory).
        for (const other of s.ids()) if (other !== id) s.version(other);
        const r = await measured(() => s.ready());
        times.push(r.ms);
        stalls.push(r.stallMs);
      }
      reads[label] = {
        ms: median(times),
        stallMs: Math.max(...stalls),
        size: statSync(join(dir, 'snapshots', `${id}.json`)).size,
      };
      row(`${label}: file size`, `${(reads[label]!.size / 1e6).toFixed(1)} MB`);
      row(`${label}: read + validate + open (median of 3)`, `${reads[label]!.ms.toFixed(1)} ms`);
      row(`${label}: longest event-loop stall`, `${reads[label]!.stallMs.toFixed(1)} ms`);
    }
    row('ratio v2 / v3 (read time)', `${(reads.v2!.ms / reads.v3!.ms).toFixed(1)}x`);

    console.log('snapshots:list at 100,000 IPs (one account)');
    const big = '00000000-0000-4000-8000-000000100000';
    const fresh = new SnapshotStore(dir, Backend, undefined, codec); // as after a restart: nothing in memory
    const first = await measured(async () => {
      fresh.get(big);
    });
    const later: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      fresh.get(big);
      later.push(performance.now() - t0);
    }
    const answer = JSON.stringify([fresh.get(big)]);
    const wire = JSON.stringify([fresh.wire(big)]);
    row('first call (reads + validates the file)', `${first.ms.toFixed(1)} ms`);
    row('next calls (median of 5)', `${median(later).toFixed(2)} ms`);
    row('ratio first / next', `${(first.ms / Math.max(median(later), 0.001)).toFixed(0)}x`);
    row('answer size, every account (IPs as objects: snapshots:list)', `${(answer.length / 1e6).toFixed(1)} MB`);
    row('answer size, snapshots:get (IPs as columns, what the window gets)', `${(wire.length / 1e6).toFixed(1)} MB`);
    const version = (fresh as { version?: (id: string) => number }).version?.(big);
    if (version !== undefined) {
      const unchanged = JSON.stringify([{ accountId: big, version }]);
      row('answer size, snapshots:get with the version already known', `${unchanged.length} B`);
    }
  } finally {
    cleanup();
  }
}
