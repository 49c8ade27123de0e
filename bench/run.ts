/**
 * `npm run bench`: measures side by side, in one run, and prints ratios (no absolute targets: the
 * machine varies, the ratio between two ways of doing the same work does not).
 *  1. Parsing a large vendor answer: our lossless JSON parse vs JSON.parse (the price of exact ids).
 *  2. Opening the renewal journal: a year of operations all live vs the 90 days the archive keeps live.
 *  3. Snapshots (bench/snapshots.ts): overwrite at 100,000 vs 1,000 IPs with the longest event-loop stall,
 *     passwords sealed; the start-up read of a 100,000-IP file, v2 objects vs v3 columns; `snapshots:list`
 *     time and size, and what 'snapshots:get' sends the window.
 *  4. Refresh (bench/refresh.ts): N = 1 / 50 / 200 accounts vs the slowest single account, requests per refresh.
 *  5. Bundle and cold start (bench/bundle.ts): initial vs all JS, preload, first IP rows at 1k vs 100k.
 *  6. The IPs view in headless Chromium (bench/ui.ts): keystroke → frame, long frames while scrolling, heap;
 *     Orders and Sub-users at 10,000 rows.
 */
import { ARCHIVE_AFTER_DAYS, Journal } from '../main/core/renewals/journal';
import { parseJsonLossless } from '../main/vendors/http/json';
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

console.log('1. Parsing a vendor answer with 20,000 IPs (19-digit ids)');
const text = ipPayload(20_000);
const native = time('JSON.parse (corrupts ids above 2^53)', 10, () => JSON.parse(text));
const lossless = time('parseJsonLossless (exact ids)', 10, () => parseJsonLossless(text));
console.log(`  ratio lossless / native: ${(lossless / native).toFixed(2)}x\n`);

console.log('\n2. Renewal journal at start-up (10 operations a day)');
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

for (const [title, file] of [
  ['3. Snapshots', './snapshots'],
  ['4. Refresh with 200 ms per vendor request', './refresh'],
  ['5. Bundle and cold start', './bundle'],
  ['6. IPs at 100,000 rows, Orders and Sub-users at 10,000 (headless Chromium)', './ui'],
] as const) {
  console.log(`\n${title}`);
  const mod = (await import(file)) as { run: () => Promise<void> };
  await mod.run();
}
