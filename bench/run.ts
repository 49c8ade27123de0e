import { join } from 'node:path';
/**
 * `npm run bench`: measures side by side, in one run, and prints ratios (no absolute targets: the
 * machine varies, the ratio between two ways of doing the same work does not).
 *  1. Parsing a large vendor answer: our lossless JSON parse vs JSON.parse (the price of exact ids).
 *  2. Saving and reading an account snapshot with 100,000 IPs vs 1,000 IPs (does it scale linearly?).
 *  3. Opening the renewal journal: a year of operations all live vs the 90 days the archive keeps live.
 */
import Conf from 'conf';
import { ARCHIVE_AFTER_DAYS, Journal } from '../main/core/renewals/journal';
import { PasswordCodec } from '../main/core/secrets/snapshot-codec';
import type { BackendCtor } from '../main/core/store/open-file';
import { SnapshotStore } from '../main/core/store/snapshot-store';
import { MemoryVault } from '../main/core/vault/memory-vault';
import { parseJsonLossless } from '../main/vendors/http/json';
import type { AccountSnapshot, ProxyEndpoint } from '../preload/contract/model';
import { journalOp } from '../test/helpers/journal-op';
import { tempDir } from '../test/helpers/tmp';

function time(label: string, runs: number, fn: () => void): number {
  fn(); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  console.log(`  ${label.padEnd(52)} ${ms.toFixed(2).padStart(9)} ms`);
  return ms;
}

function ipPayload(n: number): string {
  const rows = [];
  for (let i = 0; i < n; i++) {
    rows.push(
      `{"id":${1111111111111111111n + BigInt(i)},"orderId":"${1000 + (i % 50)}","ip":"10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}","port":${8000 + (i % 1000)},"login":"u${i}","password":"p${i}x","dateEnd":"2026-12-0${1 + (i % 9)}T00:00:00.000+00:00","country":"USA"}`,
    );
  }
  return `{"success":true,"error":null,"ipAddresses":[${rows.join(',')}]}`;
}

function snapshot(id: string, n: number): AccountSnapshot {
  const proxies: ProxyEndpoint[] = Array.from({ length: n }, (_, i) => ({
    id: String(i),
    ip: `10.0.${(i >> 8) & 255}.${i & 255}`,
    host: null,
    httpPort: 8000,
    socksPort: 9000,
    protocol: 'http+socks5',
    username: `user${i}`,
    password: `pass${i}`,
    country: 'US',
    kind: 'isp',
    expiresAt: '2026-12-01T00:00:00.000Z',
    orderId: String(i % 40),
    status: 'active',
    autoRenew: false,
  }));
  return {
    accountId: id,
    fetchedAt: new Date().toISOString(),
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

console.log('1. Parsing a vendor answer with 20,000 IPs (19-digit ids)');
const text = ipPayload(20_000);
const native = time('JSON.parse (corrupts ids above 2^53)', 10, () => JSON.parse(text));
const lossless = time('parseJsonLossless (exact ids)', 10, () => parseJsonLossless(text));
console.log(`  ratio lossless / native: ${(lossless / native).toFixed(2)}x\n`);

console.log('2. Offline snapshot: save + read one account');
const { dir, cleanup } = tempDir('proxydeck-bench-');
const store = new SnapshotStore(dir, Conf as unknown as BackendCtor);
const small = snapshot('00000000-0000-4000-8000-000000000001', 1_000);
const large = snapshot('00000000-0000-4000-8000-000000000002', 100_000);
const s1 = time('1,000 IPs', 5, () => {
  store.put(small);
  store.get(small.accountId);
});
const s100 = time('100,000 IPs', 3, () => {
  store.put(large);
  store.get(large.accountId);
});
console.log(`  ratio 100,000 / 1,000 IPs: ${(s100 / s1).toFixed(1)}x (100x would be linear)`);
// The same 100,000 IPs with every proxy password sealed (AES-256-GCM, key from a vault) on the way.
const codec = new PasswordCodec();
await codec.init(new MemoryVault());
const sealedStore = new SnapshotStore(join(dir, 'sealed'), Conf as unknown as BackendCtor, undefined, codec);
const sealed = time('100,000 IPs, passwords encrypted at rest', 3, () => {
  sealedStore.put(large);
  sealedStore.get(large.accountId);
});
console.log(`  ratio encrypted / plain at 100,000 IPs: ${(sealed / s100).toFixed(2)}x`);
cleanup();

console.log('\n3. Renewal journal at start-up (10 operations a day)');
const at = new Date('2026-06-01T00:00:00.000Z');
const clock = () => at; // every entry is recent, so nothing is archived while measuring
function journalDir(count: number): { dir: string; cleanup: () => void } {
  const t = tempDir('proxydeck-bench-journal-');
  const j = new Journal(t.dir, clock);
  for (let i = 0; i < count; i++) j.save(journalOp(at, i % 10 === 0 ? 'failed' : 'done'));
  return t;
}
const year = journalDir(3_650);
const kept = journalDir(ARCHIVE_AFTER_DAYS * 10);
const jYear = time('a year live (3,650 entries, no archive)', 3, () => new Journal(year.dir, clock));
const jKept = time(
  `${ARCHIVE_AFTER_DAYS} days live (${ARCHIVE_AFTER_DAYS * 10} entries, older archived)`,
  3,
  () => new Journal(kept.dir, clock),
);
console.log(
  `  ratio year / ${ARCHIVE_AFTER_DAYS} days: ${(jYear / jKept).toFixed(1)}x (grows with every year kept live)`,
);
year.cleanup();
kept.cleanup();
