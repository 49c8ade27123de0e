import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHub } from '../../main/core/events';
import { createDispatcher, type Handlers } from '../../main/core/ipc/dispatcher';
import { isLoopbackHost } from '../../main/webhost/loopback';
import { startWebHost, type WebHost } from '../../main/webhost/server';
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
