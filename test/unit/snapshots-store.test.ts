/**
 * The snapshot store after issue 12: its own compact files (not conf), written off the event loop
 * (temp file + fsync + rename, 0600), read and validated once and served from memory, a version per
 * account, and old conf files still read. Nothing lost, nothing doubled; no timing asserted here
 * (bench/snapshots.ts measures).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PasswordCodec } from '../../main/core/secrets/snapshot-codec';
import { DiskHealth } from '../../main/core/store/disk-health';
import type { BackendCtor } from '../../main/core/store/open-file';
import { PART_SIZE } from '../../main/core/store/snapshot-file';
import { SnapshotStore } from '../../main/core/store/snapshot-store';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import type { AccountSnapshot, ProxyEndpoint } from '../../preload/contract/model';
import { tempDir } from '../helpers/tmp';

const Backend = Conf as unknown as BackendCtor;
const id = '0b7f2c1e-5d4a-4e8b-9c3d-2a1f0e9d8c7b';
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const file = () => join(dir, 'snapshots', `${id}.json`);
const leftovers = () => readdirSync(join(dir, 'snapshots')).filter((f) => f.includes('.tmp'));

function snap(n: number, tag = 'a'): AccountSnapshot {
  const proxies: ProxyEndpoint[] = Array.from({ length: n }, (_, i) => ({
    id: String(1_000_000_000_000_000_000n + BigInt(i)),
    ip: `10.0.${(i >> 8) & 255}.${i & 255}`,
    host: null,
    httpPort: 8000,
    socksPort: null,
    protocol: 'http',
    username: `u${i}`,
    password: `secret-${tag}-${i}`,
    country: 'US',
    kind: 'isp',
    expiresAt: '2027-01-01T00:00:00.000Z',
    orderId: '1',
    status: 'active',
    autoRenew: false,
  }));
  return {
    accountId: id,
    fetchedAt: `2026-11-20T10:00:00.000Z#${tag}`,
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

async function sealing(): Promise<PasswordCodec> {
  const codec = new PasswordCodec();
  await codec.init(new MemoryVault());
  return codec;
}

describe('snapshot files', () => {
  it('are compact JSON (v3: the IPs as columns), private (0600), with no temp file left', async () => {
    const store = new SnapshotStore(dir, Backend);
    await store.put(snap(3));
    const text = readFileSync(file(), 'utf8');
    expect(text).not.toMatch(/\n|\t/);
    const json = JSON.parse(text);
    expect([json.v, json.snapshot.proxies, json.columns.n]).toEqual([3, [], 3]);
    expect(new SnapshotStore(dir, Backend).get(id)).toEqual(snap(3));
    if (process.platform !== 'win32') expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(leftovers()).toEqual([]);
  });

  it('written by conf (tab-indented { "snapshot": ... }) are still read, and rewritten compact on the next save', async () => {
    mkdirSync(join(dir, 'snapshots'), { recursive: true });
    writeFileSync(file(), JSON.stringify({ snapshot: snap(2) }, null, '\t'));
    const store = new SnapshotStore(dir, Backend);
    expect(store.get(id)).toEqual(snap(2));
    await store.put(snap(2, 'b'));
    expect(readFileSync(file(), 'utf8')).not.toContain('\t');
    expect(new SnapshotStore(dir, Backend).get(id)).toEqual(snap(2, 'b'));
  });

  it('are saved off the event loop: put returns before the file is written, and other work runs meanwhile', async () => {
    const store = new SnapshotStore(dir, Backend, undefined, await sealing());
    let ticks = 0;
    const tick = setInterval(() => ticks++, 0);
    const saved = store.put(snap(PART_SIZE * 3));
    expect(existsSync(file())).toBe(false);
    expect(store.get(id)?.proxies).toHaveLength(PART_SIZE * 3); // served from memory at once
    await saved;
    clearInterval(tick);
    expect(existsSync(file())).toBe(true);
    expect(ticks).toBeGreaterThan(0);
  });

  it('a large sealed snapshot round-trips as columns: every IP once, in order, no password in the file', async () => {
    const codec = await sealing();
    const n = PART_SIZE * 2 + 123;
    await new SnapshotStore(dir, Backend, undefined, codec).put(snap(n));
    const text = readFileSync(file(), 'utf8');
    expect(text).not.toContain('secret-a-');
    const json = JSON.parse(text);
    expect(json.columns.n).toBe(n);
    expect(json.passwords.sealed).toMatch(/^enc:v1:/);
    const read = new SnapshotStore(dir, Backend, undefined, codec).get(id)!;
    expect(read.proxies.map((p) => p.id)).toEqual(snap(n).proxies.map((p) => p.id));
    expect(read.proxies.map((p) => p.password)).toEqual(snap(n).proxies.map((p) => p.password));
    // Another keychain: nothing opens, every password is withheld (none lost, none doubled).
    const other = new SnapshotStore(dir, Backend, undefined, await sealing()).get(id)!;
    expect(other.proxies).toHaveLength(n);
    expect(other.proxies.every((p) => p.password === null && p.passwordWithheld)).toBe(true);
  });

  it('saves in a burst are coalesced: the newest reaches the disk, older ones never overwrite it', async () => {
    const store = new SnapshotStore(dir, Backend);
    void store.put(snap(PART_SIZE, 'a'));
    void store.put(snap(5, 'b'));
    void store.put(snap(7, 'c'));
    await store.idle();
    expect(JSON.parse(readFileSync(file(), 'utf8')).snapshot.fetchedAt).toBe(snap(7, 'c').fetchedAt);
    expect(new SnapshotStore(dir, Backend).get(id)).toEqual(snap(7, 'c'));
    expect(leftovers()).toEqual([]);
  });

  it('a delete while a save is under way leaves no file behind', async () => {
    const store = new SnapshotStore(dir, Backend, undefined, await sealing());
    const saved = store.put(snap(PART_SIZE * 2));
    store.delete(id);
    await saved;
    await store.idle();
    expect(existsSync(file())).toBe(false);
    expect(leftovers()).toEqual([]);
    expect(store.get(id)).toBeNull();
    expect(store.ids()).toEqual([]);
  });
});

describe('snapshots in memory', () => {
  it('are read and validated once, then served from memory (the file is not read again)', async () => {
    const store = new SnapshotStore(dir, Backend);
    await store.put(snap(2));
    const fresh = new SnapshotStore(dir, Backend);
    const first = fresh.get(id);
    writeFileSync(file(), 'not json at all'); // behind its back: the copy in memory is what it serves
    expect(fresh.get(id)).toBe(first);
    expect(fresh.notices).toEqual([]);
    // A store that never read it sees the damage, sets the file aside and says so.
    const late = new SnapshotStore(dir, Backend);
    expect(late.get(id)).toBeNull();
    expect(late.notices).toHaveLength(1);
  });

  it('carry a version that changes with each save or delete, not with reads', async () => {
    const store = new SnapshotStore(dir, Backend);
    await store.put(snap(1));
    const v1 = store.version(id);
    store.get(id);
    expect(store.version(id)).toBe(v1);
    await store.put(snap(1, 'b'));
    const v2 = store.version(id);
    expect(v2).toBeGreaterThan(v1);
    store.delete(id);
    expect(store.version(id)).toBeGreaterThan(v2);
    expect(store.version('not-an-id')).toBe(0);
  });

  it('another store of the same folder sees a save at once (before it reaches the disk) and after', async () => {
    const a = new SnapshotStore(dir, Backend);
    const b = new SnapshotStore(dir, Backend);
    await a.put(snap(1, 'a'));
    expect(b.get(id)?.fetchedAt).toMatch(/#a$/);
    const saved = a.put(snap(PART_SIZE, 'b'));
    expect(b.get(id)?.fetchedAt).toMatch(/#b$/);
    await saved;
    expect(b.get(id)?.fetchedAt).toMatch(/#b$/);
    expect(b.get(id)?.proxies).toHaveLength(PART_SIZE);
  });

  it('a save the disk refuses is served from memory and written by the retry', async () => {
    const timers = { setTimeout: () => 0, clearTimeout: () => {} };
    const disk = new DiskHealth(dir, timers);
    const store = new SnapshotStore(dir, Backend, disk);
    rmSync(join(dir, 'snapshots'), { recursive: true });
    writeFileSync(join(dir, 'snapshots'), 'a file where the folder was');
    await store.put(snap(4));
    expect(disk.unsaved()).toEqual([`snapshot:${id}`]);
    expect(store.get(id)).toEqual(snap(4));
    rmSync(join(dir, 'snapshots'));
    disk.retryNow();
    expect(disk.unsaved()).toEqual([]);
    expect(new SnapshotStore(dir, Backend).get(id)).toEqual(snap(4));
  });
});

describe('sealing old plaintext files at start-up', () => {
  it('rewrites a file with plain passwords, sealed; leaves sealed files alone', async () => {
    await new SnapshotStore(dir, Backend).put(snap(3)); // identity codec: plain passwords, as before encryption
    expect(readFileSync(file(), 'utf8')).toContain('secret-a-0');
    const codec = await sealing();
    const store = new SnapshotStore(dir, Backend, undefined, codec);
    expect(await store.sealPlaintext()).toBe(1);
    await store.idle();
    expect(readFileSync(file(), 'utf8')).not.toContain('secret-a-0');
    expect(await new SnapshotStore(dir, Backend, undefined, codec).sealPlaintext()).toBe(0);
    expect(new SnapshotStore(dir, Backend, undefined, codec).get(id)).toEqual(snap(3));
  });
});
