import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SimServer } from '../../main/simulators/sim-server';
import { isVendorError, type VendorError } from '../../main/vendors/errors';
import { HttpTransport, parseRetryAfter } from '../../main/vendors/http/transport';

const KEY = 'sk_live_0123456789abcdef';
const sim = new SimServer('test');
let calls = 0;
// Raw text: a JS number literal could not even hold this id exactly.
sim.route('GET', '/items', () => ({ raw: '{"items":[1,2],"big":1234567890123456789}' }));
sim.route('POST', '/pay', () => {
  calls += 1;
  sim.charge({ account: 'a', amountMinor: 500, currency: 'USD', what: 'renew', items: ['x'] });
  return { json: { ok: true } };
});
sim.route('GET', `/k/${KEY}/echo`, (req) => ({ json: { path: req.path } }));

beforeAll(async () => {
  await sim.listen();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.clearFaults();
  sim.requests.length = 0;
  sim.ledger.length = 0;
  calls = 0;
});

const slept: number[] = [];
const transport = (over: Partial<ConstructorParameters<typeof HttpTransport>[0]> = {}) =>
  new HttpTransport({
    vendor: 'proxyshard',
    baseUrl: sim.url,
    secrets: [KEY],
    retry: { max: 3, baseMs: 1, capMs: 4 },
    sleep: async (ms) => {
      slept.push(ms);
    },
    ...over,
  });
const caught = async (p: Promise<unknown>): Promise<VendorError> => {
  try {
    await p;
  } catch (e) {
    if (isVendorError(e)) return e;
    throw e;
  }
  throw new Error('expected a VendorError');
};

describe('HttpTransport', () => {
  it('parses JSON losslessly: integers beyond 2^53 come back as exact strings', async () => {
    const r = await transport().requestJson({ method: 'GET', path: '/items' });
    expect(r.json).toEqual({ items: [1, 2], big: '1234567890123456789' });
  });

  it('retries reads on 5xx and 429, then succeeds', async () => {
    sim.injectFault({ kind: 'status', status: 503, path: '/items', times: 1 });
    sim.injectFault({ kind: 'rate_limit', path: '/items', retryAfterSec: 0, times: 1 });
    const r = await transport().requestJson({ method: 'GET', path: '/items' });
    expect(r.status).toBe(200);
    expect(sim.requests.map((q) => q.status)).toEqual([503, 429, 200]);
  });

  it('honours Retry-After on 429', async () => {
    slept.length = 0;
    sim.injectFault({ kind: 'rate_limit', path: '/items', retryAfterSec: 7, times: 1 });
    await transport().requestJson({ method: 'GET', path: '/items' });
    expect(slept).toEqual([7000]);
  });

  it('gives up on reads after the retry budget with a typed error', async () => {
    sim.injectFault({ kind: 'rate_limit', path: '/items', retryAfterSec: 0, times: 0 });
    const e = await caught(transport().requestJson({ method: 'GET', path: '/items' }));
    expect(e.code).toBe('rate_limited');
    expect(sim.requests).toHaveLength(4); // 1 + 3 retries
  });

  it('never retries a write, even on 503', async () => {
    sim.injectFault({ kind: 'status', status: 503, path: '/pay', times: 0 });
    const e = await caught(transport().requestJson({ method: 'POST', path: '/pay', body: { json: {} } }));
    expect(e.code).toBe('vendor_unavailable');
    expect(sim.requests).toHaveLength(1);
    expect(sim.ledger).toHaveLength(0);
  });

  it('marks a write whose answer was lost as uncertain; the vendor charged exactly once', async () => {
    sim.injectFault({ kind: 'drop_after_apply', path: '/pay' });
    const e = await caught(transport().requestJson({ method: 'POST', path: '/pay', body: { json: {} } }));
    expect(e.code).toBe('network');
    expect(e.uncertain).toBe(true);
    expect(calls).toBe(1);
    expect(sim.ledger).toHaveLength(1);
  });

  it('a write refused before connecting is certain (not sent)', async () => {
    const t = transport({ baseUrl: 'http://127.0.0.1:1' });
    const e = await caught(t.request({ method: 'POST', path: '/pay', body: { json: {} } }));
    expect(e.code).toBe('network');
    expect(e.uncertain).toBe(false);
  });

  it('surfaces a hang as a network error within the deadline', async () => {
    sim.injectFault({ kind: 'hang', path: '/items', times: 0 });
    const started = Date.now();
    const e = await caught(transport({ timeouts: { deadlineMs: 300 } }).requestJson({ method: 'GET', path: '/items' }));
    expect(e.code).toBe('network');
    // The real time waited, in Proxydeck's own words (never quoted as the vendor's).
    expect(e.message).toMatch(/^ProxyShard did not answer within 0\.[3-9] seconds\./);
    expect(e.message).not.toMatch(/said:/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a timeout names the seconds really waited, not the configured deadline', async () => {
    sim.injectFault({ kind: 'hang', path: '/items', times: 0 });
    const dispatcher = new Agent({ headersTimeout: 400 });
    const t = transport({ timeouts: { deadlineMs: 30_000 }, retry: { max: 0 }, dispatcher });
    const e = await caught(t.requestJson({ method: 'GET', path: '/items' }));
    expect(e.code).toBe('network');
    expect(e.message).toMatch(/within 0\.[4-9] seconds/);
    expect(e.message).not.toMatch(/30 seconds/);
    await dispatcher.close();
  });

  it('a 429 asking to wait past the deadline ends as rate_limited with the wait in plain words', async () => {
    slept.length = 0;
    sim.injectFault({ kind: 'rate_limit', path: '/items', retryAfterSec: 180, times: 0 });
    const e = await caught(
      transport({ timeouts: { deadlineMs: 30_000 } }).requestJson({ method: 'GET', path: '/items' }),
    );
    expect(e.code).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(180_000);
    expect(e.message).toBe(
      'ProxyShard is receiving too many requests and asks to wait 3 minutes. Try again after that.',
    );
    expect(e.message).not.toMatch(/internet connection/);
    expect(slept).toEqual([]); // a wait longer than the deadline is not waited
    expect(sim.requests).toHaveLength(1);
  });

  it('maps malformed JSON to bad_response', async () => {
    sim.injectFault({ kind: 'malformed', path: '/items' });
    expect((await caught(transport().requestJson({ method: 'GET', path: '/items' }))).code).toBe('bad_response');
  });

  it('keeps secrets out of logs and error messages, also when they sit in the URL path', async () => {
    const lines: string[] = [];
    const log = {
      debug: (o: object, m: string) => lines.push(JSON.stringify(o) + m),
      warn: (o: object, m: string) => lines.push(JSON.stringify(o) + m),
    };
    const t = transport({ log });
    await t.requestJson({ method: 'GET', path: `/k/${encodeURIComponent(KEY)}/echo` });
    sim.injectFault({ kind: 'hang', path: '/echo', times: 0 });
    const e = await caught(
      transport({ log, timeouts: { deadlineMs: 200 } }).request({ method: 'GET', path: `/k/${KEY}/echo` }),
    );
    const err = t.error('vendor_rejected', { message: `key ${KEY} is disabled` });
    expect(lines.length).toBeGreaterThan(1);
    for (const text of [...lines, e.message, err.message]) expect(text).not.toContain(KEY);
    expect(lines.join('\n')).toContain('/k/***/echo');
    expect(err.message).toContain('key *** is disabled');
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
