/**
 * Request limits of a refresh (issue #12, point 1): per account (its key) and per vendor host, never one
 * global cap; a 429 with Retry-After pauses only the account that got it. Counts and orderings only: no
 * timed assertion (speed is in bench/refresh.ts).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_CONCURRENCY, HOST_CONCURRENCY } from '../../main/vendors/http/limits';
import { HttpTransport } from '../../main/vendors/http/transport';

interface Seen {
  key: string;
  path: string;
  at: number;
}

/** A loopback server that answers after `delayMs`, counting requests in flight (overall and per key). */
async function server(
  delayMs: number,
  answer?: (req: IncomingMessage, n: number) => { status: number; headers?: Record<string, string> } | null,
) {
  const seen: Seen[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const perKey = new Map<string, { now: number; max: number }>();
  let n = 0;
  const s: Server = createServer((req, res) => {
    const key = String(req.headers.authorization ?? '');
    seen.push({ key, path: req.url ?? '', at: n++ });
    const special = answer?.(req, n);
    if (special) {
      res.writeHead(special.status, { 'content-type': 'application/json', ...special.headers });
      res.end('{"message":"Too Many Requests"}');
      return;
    }
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const k = perKey.get(key) ?? { now: 0, max: 0 };
    k.now++;
    k.max = Math.max(k.max, k.now);
    perKey.set(key, k);
    setTimeout(() => {
      inFlight--;
      k.now--;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    }, delayMs);
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    maxInFlight: () => maxInFlight,
    maxOf: (key: string) => perKey.get(key)?.max ?? 0,
    close: () => {
      s.closeAllConnections();
      return new Promise<void>((r) => s.close(() => r()));
    },
  };
}

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function transport(url: string, key: string, extra: Partial<ConstructorParameters<typeof HttpTransport>[0]> = {}) {
  return new HttpTransport({ vendor: 'bestproxy', baseUrl: url, secrets: [key], ...extra });
}
const get = (t: HttpTransport, key: string, path = 'x') =>
  t.request({ method: 'GET', path, headers: { authorization: key } });

describe('limits per account and per vendor host', () => {
  it('sizes each vendor from its documentation, and every host allows more than one account', () => {
    expect(ACCOUNT_CONCURRENCY.youproxy).toBe(3); // youproxy.md §1.5: "≤ 2–3 parallel calls per key"
    for (const v of ['thordata', 'proxyshard', 'bestproxy'] as const) expect(ACCOUNT_CONCURRENCY[v]).toBe(4);
    for (const v of Object.keys(HOST_CONCURRENCY) as Array<keyof typeof HOST_CONCURRENCY>) {
      expect(HOST_CONCURRENCY[v]).toBeGreaterThan(ACCOUNT_CONCURRENCY[v] * 10);
    }
  });

  it('one account never has more than its limit in flight, even through several clients (transports)', async () => {
    const s = await server(30);
    open.push(s);
    // A refresh and a renewal of the same account each make their own client: one limit between them.
    const a1 = transport(s.url, 'key-a');
    const a2 = transport(s.url, 'key-a');
    await Promise.all(Array.from({ length: 12 }, (_, i) => get(i % 2 ? a1 : a2, 'key-a')));
    expect(s.maxOf('key-a')).toBe(ACCOUNT_CONCURRENCY.bestproxy);
  });

  it('accounts of one vendor run side by side: no global cap of 4', async () => {
    const s = await server(30);
    open.push(s);
    const keys = Array.from({ length: 6 }, (_, i) => `key-${i}`);
    await Promise.all(keys.flatMap((k) => Array.from({ length: 4 }, () => get(transport(s.url, k), k))));
    expect(s.maxInFlight()).toBeGreaterThan(ACCOUNT_CONCURRENCY.bestproxy * 2);
    for (const k of keys) expect(s.maxOf(k)).toBeLessThanOrEqual(ACCOUNT_CONCURRENCY.bestproxy);
    expect(s.seen).toHaveLength(24);
  });

  it('all accounts of one vendor host together never exceed the host limit', async () => {
    const s = await server(100);
    open.push(s);
    const cap = HOST_CONCURRENCY.bestproxy;
    const keys = Array.from({ length: Math.ceil(cap / 4) + 20 }, (_, i) => `host-${i}`);
    await Promise.all(keys.flatMap((k) => Array.from({ length: 4 }, () => get(transport(s.url, k), k))));
    expect(s.seen).toHaveLength(keys.length * 4);
    expect(s.maxInFlight()).toBeLessThanOrEqual(cap);
    expect(s.maxInFlight()).toBeGreaterThan(ACCOUNT_CONCURRENCY.bestproxy * 4);
  });

  it('a 429 with Retry-After pauses that account only: the others go on, and it waits before sending again', async () => {
    let limited = false;
    const s = await server(5, (req) => {
      if (req.headers.authorization === 'key-a' && !limited) {
        limited = true;
        return { status: 429, headers: { 'retry-after': '1' } };
      }
      return null;
    });
    open.push(s);
    const a = transport(s.url, 'key-a', { retry: { max: 2, baseMs: 1, capMs: 2 } });
    const b = transport(s.url, 'key-b');
    const first = get(a, 'key-a', 'a1');
    // Once A is paused, its next call is not sent before the pause ends; B's calls are sent at once.
    await new Promise((r) => setTimeout(r, 100));
    const second = get(a, 'key-a', 'a2');
    const others = await Promise.all(Array.from({ length: 6 }, (_, i) => get(b, 'key-b', `b${i}`)));
    expect(others.every((r) => r.status === 200)).toBe(true);
    const [r1, r2] = await Promise.all([first, second]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    const order = s.seen.map((x) => x.path.replace(/^\//, ''));
    // a1 (429), every b, then a1 again and a2 — nothing of A in between.
    expect(order[0]).toBe('a1');
    expect(order.slice(1, 7).every((p) => p.startsWith('b'))).toBe(true);
    expect(order.slice(7).sort()).toEqual(['a1', 'a2']);
  });
});
