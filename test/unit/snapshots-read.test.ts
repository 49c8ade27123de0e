/**
 * Reading snapshot files (issue 12): v3 files hold the IPs as columns, read asynchronously at start-up
 * (`ready()`), validated strictly once; a damaged file is set aside (kept for recovery) and reported,
 * never replaces what memory holds, and never hides another account. Older v2 files (IPs in sealed
 * parts) still read. What 'snapshots:get' sends (`wire`) decodes to exactly the saved IPs.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PasswordCodec } from '../../main/core/secrets/snapshot-codec';
import { SnapshotStore } from '../../main/core/store/snapshot-store';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import type { AccountSnapshot } from '../../preload/contract/model';
import { decodeProxies } from '../../preload/contract/proxy-columns';
import { manyProxies } from '../helpers/many-proxies';
import { tempDir } from '../helpers/tmp';

const A = '0b7f2c1e-5d4a-4e8b-9c3d-2a1f0e9d8c7b';
const B = '1c8e3d2f-6e5b-4f9c-8d4e-3b2a1f0e9d8c';
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const file = (id: string) => join(dir, 'snapshots', `${id}.json`);
const aside = () => readdirSync(join(dir, 'snapshots')).filter((f) => /\.(invalid|corrupt)-/.test(f));

function snap(id: string, n: number, tag = 'a'): AccountSnapshot {
  return {
    accountId: id,
    fetchedAt: `2026-11-20T10:00:00.000Z#${tag}`,
    balance: { money: { minor: 1234, currency: 'USD' }, trafficRemainingBytes: null },
    orders: [],
    proxies: manyProxies(n).map((p, i) => ({ ...p, password: `secret-${tag}-${i}` })),
    whitelist: [],
    subUsers: [],
    servers: [],
    traffic: [],
    errors: {},
  } as unknown as AccountSnapshot;
}

interface FileJson {
  snapshot: { accountId: string };
  columns?: {
    text: Record<'id' | 'ip' | 'username', { text: string; lens: number[] | string; nulls: number[] }>;
    dict: Record<'status' | 'httpPort' | 'expiresAt' | 'country', { values: unknown[]; codes?: number[] | string }>;
  };
}
type Cols = NonNullable<FileJson['columns']>;
const cols = (j: FileJson): Cols => j.columns as Cols;

/** Rewrites one part of a saved v3 file's JSON. */
function damage(id: string, change: (json: FileJson) => void): void {
  const json = JSON.parse(readFileSync(file(id), 'utf8'));
  change(json);
  writeFileSync(file(id), JSON.stringify(json));
}

describe('v3 snapshot files', () => {
  it('are read asynchronously by ready(), once: then served from memory, every IP once and in order', async () => {
    await new SnapshotStore(dir).put(snap(A, 12_345));
    const store = new SnapshotStore(dir);
    let ticks = 0;
    const tick = setInterval(() => ticks++, 0);
    await store.ready();
    clearInterval(tick);
    expect(ticks).toBeGreaterThan(0); // the event loop ran meanwhile
    writeFileSync(file(A), 'gone'); // behind its back: memory is what it serves
    expect(store.get(A)).toEqual(snap(A, 12_345));
    expect(store.notices).toEqual([]);
  });

  it('what the window is sent (wire) decodes to exactly the saved IPs, passwords too', async () => {
    const codec = new PasswordCodec();
    await codec.init(new MemoryVault());
    await new SnapshotStore(dir, undefined, undefined, codec).put(snap(A, 7_000));
    expect(readFileSync(file(A), 'utf8')).not.toContain('secret-a-');
    const store = new SnapshotStore(dir, undefined, undefined, codec);
    await store.ready();
    const w = store.wire(A)!;
    expect(decodeProxies(JSON.parse(JSON.stringify(w.proxies)))).toEqual(snap(A, 7_000).proxies);
    expect(store.wire(A)).toBe(w); // built once
  });

  it.each([
    ['a column shorter than the others', (j: FileJson) => (cols(j).text.ip.lens = cols(j).text.ip.lens.slice(1))],
    ['a status that does not exist', (j: FileJson) => (cols(j).dict.status.values = ['sold'])],
    ['a port that is not one', (j: FileJson) => (cols(j).dict.httpPort.values[0] = 'eighty')],
    ['an expiry that is not a time', (j: FileJson) => (cols(j).dict.expiresAt.values = ['soon'])],
    ['an empty id', (j: FileJson) => (cols(j).text.id = { text: '', lens: [0, 0, 0], nulls: [] })],
    ['a code past its values', (j: FileJson) => (cols(j).dict.country = { values: ['US'], codes: [0, 1, 0] })],
    ['no columns at all', (j: FileJson) => (j.columns = undefined)],
    ['another account’s snapshot', (j: FileJson) => (j.snapshot.accountId = B)],
  ])('with %s: set aside (kept), reported, the other account still read', async (_what, change) => {
    await new SnapshotStore(dir).put(snap(A, 3));
    await new SnapshotStore(dir).put(snap(B, 3));
    damage(A, change);
    const damaged = readFileSync(file(A), 'utf8');
    const store = new SnapshotStore(dir);
    await store.ready();
    expect(store.get(A)).toBeNull();
    expect(store.get(B)).toEqual(snap(B, 3));
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatch(/set aside .*fetched again/);
    const kept = aside();
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, 'snapshots', kept[0]!), 'utf8')).toBe(damaged);
    expect(existsSync(file(A))).toBe(false);
  });

  it('a truncated file is set aside too; a store that already holds the good data keeps serving it', async () => {
    await new SnapshotStore(dir).put(snap(A, 50));
    const holding = new SnapshotStore(dir);
    await holding.ready();
    writeFileSync(file(A), readFileSync(file(A), 'utf8').slice(0, 500));
    expect(holding.get(A)).toEqual(snap(A, 50)); // the last good data
    const fresh = new SnapshotStore(dir);
    await fresh.ready();
    expect(fresh.get(A)).toBeNull();
    expect(fresh.notices).toHaveLength(1);
    expect(aside()).toHaveLength(1);
  });
});

describe('older files', () => {
  it('v2 (the IPs as objects, more of them in parts) still read, every IP once and in order', async () => {
    const s = snap(A, 12);
    mkdirSync(join(dir, 'snapshots'), { recursive: true });
    const parts = [s.proxies.slice(5, 10), s.proxies.slice(10)].map((proxies) => ({ proxies }));
    writeFileSync(file(A), JSON.stringify({ v: 2, snapshot: { ...s, proxies: s.proxies.slice(0, 5) }, more: parts }));
    const store = new SnapshotStore(dir);
    await store.ready();
    expect(store.get(A)).toEqual(s);
    await store.put(store.get(A)!);
    expect(JSON.parse(readFileSync(file(A), 'utf8')).v).toBe(3); // the next save writes v3
    expect(new SnapshotStore(dir).get(A)).toEqual(s);
  });
});
