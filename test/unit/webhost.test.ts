import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../main/core/events';
import { createDispatcher, type Handlers } from '../../main/core/ipc/dispatcher';
import { isLoopbackHost } from '../../main/webhost/loopback';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from '../../main/webhost/server';
import type { Channel } from '../../preload/contract/channels';
import { createHttpTransport } from '../../renderer/api/http';
import { en } from '../../renderer/i18n/en';
import { errorsZhCN } from '../../renderer/i18n/errors.zh-CN';
import { zhCN } from '../../renderer/i18n/zh-CN';
import { errorText, type Translate } from '../../renderer/lib/error-text';
import { tempDir } from '../helpers/tmp';

const { dir, cleanup } = tempDir();
const events = new EventHub();
let host: WebHost;
const handlers = new Proxy({} as Handlers, { get: (_t, ch: string) => () => ({ channel: ch }) });

beforeAll(async () => {
  mkdirSync(join(dir, 'static'));
  writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html><title>Proxydeck</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the static folder');
  host = await startWebHost({
    dispatch: createDispatcher(handlers),
    subscribe: (l) => events.on(l),
    staticDir: join(dir, 'static'),
    token: 'a'.repeat(48),
  });
});
afterAll(async () => {
  await host.close();
  cleanup();
});

const ipc = (channel: string, headers: Record<string, string> = {}, body = '[]') =>
  request(`${host.origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
const auth = () => ({ authorization: `Bearer ${host.token}` });

describe('browser host', () => {
  it('refuses to listen anywhere but loopback', async () => {
    await expect(
      startWebHost({
        dispatch: async () => ({ ok: true, data: null }),
        subscribe: () => () => {},
        staticDir: dir,
        host: '0.0.0.0',
      }),
    ).rejects.toThrow(/only listens on loopback/);
    expect(['127.0.0.1', '127.8.0.1', '::1', '[::1]', 'localhost'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.2', '10.0.0.1', 'example.com', ''].some(isLoopbackHost)).toBe(false);
  });

  it('puts the token in the URL fragment, never in a path or query', () => {
    expect(host.appUrl).toBe(`${host.origin}/#token=${host.token}`);
  });

  it('answers IPC calls with the right token', async () => {
    const r = await ipc('accounts:list', auth());
    expect(r.statusCode).toBe(200);
    expect(await r.body.json()).toEqual({ ok: true, data: { channel: 'accounts:list' } });
  });

  it('refuses calls without the token, with a wrong one, or from another origin', async () => {
    for (const headers of <Record<string, string>[]>[
      {},
      { authorization: 'Bearer wrong' },
      { authorization: `Bearer ${host.token}x` },
      { ...auth(), origin: 'https://evil.example' },
    ]) {
      const r = await ipc('accounts:list', headers);
      expect(r.statusCode).toBe(403);
      expect(await r.body.json()).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const r = await request(`${host.origin}/ipc/accounts:list`, {
      method: 'POST',
      headers: { ...auth(), host: 'evil.example' },
      body: '[]',
    });
    expect(r.statusCode).toBe(421);
    await r.body.dump();
  });

  it('validates arguments through the same dispatcher (typed error)', async () => {
    const r = await ipc('accounts:rename', auth(), '[{"id":"nope","label":""}]');
    expect(await r.body.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const bad = await ipc('accounts:list', auth(), '{not json');
    expect(bad.statusCode).toBe(400);
    await bad.body.dump();
  });

  it('serves the page with the CSP and never a file outside the static folder', async () => {
    const page = await request(`${host.origin}/`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(await page.body.text()).toContain('<title>Proxydeck</title>');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const r = await request(`${host.origin}${p}`);
      expect(r.statusCode).toBe(404);
      expect(await r.body.text()).not.toContain('outside');
    }
  });

  it('streams events to an authorized reader only', async () => {
    const denied = await request(`${host.origin}/events`);
    expect(denied.statusCode).toBe(403);
    await denied.body.dump();
    const ac = new AbortController();
    const res = await request(`${host.origin}/events`, { headers: auth(), signal: ac.signal });
    expect(res.headers['content-type']).toContain('text/event-stream');
    const got = new Promise<string>((resolve) => {
      let buf = '';
      res.body.on('data', (c: Buffer) => {
        buf += c.toString();
        if (buf.includes('data: ')) resolve(buf);
      });
    });
    setTimeout(() => events.emit({ type: 'accounts-changed' }), 20);
    expect(await got).toContain('data: {"type":"accounts-changed"}');
    ac.abort();
  });
});

/** A JSON array of exactly `bytes` bytes: `[` + spaces + `]` (an empty argument list). */
const paddedArgs = (bytes: number) => `[${' '.repeat(bytes - 2)}]`;
const TEN_MB = 10 * 1024 * 1024;

describe('browser host: request size limit', () => {
  it('states the limit as one constant: 4 MiB', () => {
    expect(MAX_BODY_BYTES).toBe(4 * 1024 * 1024);
  });

  it('answers a real 10 MB POST with 413 and a typed error, not a reset', async () => {
    const r = await ipc('accounts:list', auth(), paddedArgs(TEN_MB));
    expect(r.statusCode).toBe(413);
    expect(r.headers['content-type']).toContain('application/json');
    expect(await r.body.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'The request is larger than 4 MB, the most Proxydeck accepts. Select fewer items and try again.',
      },
    });
    // The host is still there and answers the next call.
    const next = await ipc('accounts:list', auth());
    expect(await next.body.json()).toEqual({ ok: true, data: { channel: 'accounts:list' } });
  });

  it('answers the same through fetch, with a body sent in chunks of unknown length', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('['));
        if (sent >= TEN_MB) {
          controller.enqueue(new TextEncoder().encode(']'));
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const r = await fetch(`${host.origin}/ipc/accounts:list`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: /4 MB/ } });
  });

  it('accepts a body of exactly the limit and refuses one byte more', async () => {
    const at = await ipc('accounts:list', auth(), paddedArgs(MAX_BODY_BYTES));
    expect(at.statusCode).toBe(200);
    expect(await at.body.json()).toEqual({ ok: true, data: { channel: 'accounts:list' } });
    const over = await ipc('accounts:list', auth(), paddedArgs(MAX_BODY_BYTES + 1));
    expect(over.statusCode).toBe(413);
    expect(await over.body.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('still refuses a large call without the token or from another origin (403, before reading it)', async () => {
    for (const headers of [{}, { ...auth(), origin: 'https://evil.example' }]) {
      const r = await ipc('accounts:list', headers, paddedArgs(TEN_MB));
      expect(r.statusCode).toBe(403);
      expect(await r.body.json()).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
  });
});

describe('browser host: malformed addresses', () => {
  const BAD = ['/%E0%A4%A', '/%zz', '/%', '/assets/%E0%A4%A.js', '/%C0%AF'];

  it('answers a malformed percent escape with 400 and a typed error, never 500', async () => {
    for (const path of BAD) {
      const r = await request(`${host.origin}${path}`);
      expect(r.statusCode, path).toBe(400);
      expect(await r.body.json(), path).toEqual({
        ok: false,
        error: { code: 'invalid_argument', message: 'This address is not valid. Check it and try again.' },
      });
    }
  });

  it('answers a malformed channel name with 400 for an authorized call, and still 403 without the token', async () => {
    for (const channel of ['%E0%A4%A', '%zz', 'accounts%3Alist%']) {
      const r = await ipc(channel, auth());
      expect(r.statusCode, channel).toBe(400);
      expect(await r.body.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      const denied = await ipc(channel);
      expect(denied.statusCode, channel).toBe(403);
      expect(await denied.body.json()).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
  });

  it('keeps serving well-formed escapes (a missing file is 404, the page is 200)', async () => {
    const missing = await request(`${host.origin}/%E6%B5%8B%E8%AF%95.js`);
    expect(missing.statusCode).toBe(404);
    await missing.body.dump();
    const page = await request(`${host.origin}/index%2Ehtml`);
    expect(page.statusCode).toBe(200);
    expect(await page.body.text()).toContain('<title>Proxydeck</title>');
  });
});

describe('browser host: text that cannot be saved', () => {
  it('refuses a lone surrogate in a label with the field and a plain message', async () => {
    // JSON.stringify escapes a lone surrogate as \ud83d, exactly as the page sends it.
    const body = JSON.stringify([{ vendor: 'thordata', label: 'Shop \ud83d', credentials: { token: 'abc' } }]);
    expect(body).toContain('\\ud83d');
    const r = await ipc('accounts:add', auth(), body);
    expect(r.statusCode).toBe(200);
    expect(await r.body.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'The name contains a character that cannot be saved. Remove it and try again.',
        field: 'label',
      },
    });
    const fine = await ipc(
      'accounts:add',
      auth(),
      JSON.stringify([{ vendor: 'thordata', label: '店铺 😀', credentials: { token: 'abc' } }]),
    );
    expect(await fine.body.json()).toEqual({ ok: true, data: { channel: 'accounts:add' } });
  });
});

/** A minimal i18next-like `t` over one catalog (dotted keys). */
function makeT(catalog: object): Translate {
  return (key) => {
    let v: unknown = catalog;
    for (const part of key.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
    return typeof v === 'string' ? v : key;
  };
}

describe('the page’s transport against the real host', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => vi.unstubAllGlobals());

  it('shows a too-large request as a plain sentence in English and Chinese, not a network failure', async () => {
    // The page fetches relative addresses; in Node they are resolved against the host here.
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => realFetch(new URL(input, host.origin), init));
    const { invoke } = createHttpTransport(host.token);
    const call = invoke as (channel: Channel, ...args: unknown[]) => ReturnType<typeof invoke>;
    const r = await call('accounts:rename', { id: 'x', label: 'x'.repeat(TEN_MB) });
    expect(r).toEqual({ ok: false, error: { code: 'invalid_argument', message: en.transport.tooLarge } });
    if (r.ok) return;
    expect(errorText(r.error, 'en', makeT(en))).toBe(
      'This request is too large for Proxydeck to accept. Select fewer items and try again.',
    );
    expect(errorText(r.error, 'zh-CN', makeT({ ...zhCN, ...errorsZhCN }))).toBe(zhCN.transport.tooLarge);
    expect(zhCN.transport.tooLarge).toMatch(/[\u4e00-\u9fff]/);

    expect(await call('accounts:list')).toEqual({ ok: true, data: { channel: 'accounts:list' } });
  });

  it('keeps the host’s typed error of a 400 (the page itself never sends a malformed address)', async () => {
    vi.stubGlobal('fetch', (_input: string, init?: RequestInit) =>
      realFetch(new URL('/ipc/%E0%A4%A', host.origin), init),
    );
    const { invoke } = createHttpTransport(host.token);
    expect(await (invoke as (channel: Channel) => ReturnType<typeof invoke>)('accounts:list')).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: 'This address is not valid. Check it and try again.' },
    });
  });
});
