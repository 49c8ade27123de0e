import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadPort } from '../../../main/core/demo/local-proxies';
import { probe, readExit } from '../../../main/core/health/checker';
import { leaksIn } from '../../helpers/key-spellings';
import { Lab } from './fixtures';

const EXIT = { ip: '203.0.113.7', country: 'DE' };
const PASSWORD = 'pä ss:w0rd/Secret%42';
const login = { username: 'alice', password: PASSWORD };

describe('health checker: through real local proxies', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await new Lab().start();
  });
  afterEach(() => lab.close());

  const opts = (timeoutMs = 3000) => ({ checkUrl: lab.target.url, timeoutMs });

  it('an HTTP CONNECT proxy without login: ok, with the exit the check site reports', async () => {
    const p = await lab.proxy('http', EXIT);
    const out = await probe({ protocol: 'http', host: '127.0.0.1', port: p.port }, opts());
    expect(out).toMatchObject({ ok: true, exitIp: '203.0.113.7', exitCountry: 'DE' });
    expect(out.latencyMs).toBeGreaterThanOrEqual(0);
    expect(p.tunnels).toHaveLength(1); // it really went through the proxy
  });

  it('an HTTP proxy with a login: right password ok, wrong password auth_failed (407), no password in words', async () => {
    const p = await lab.proxy('http', EXIT, { login });
    const good = await probe({ protocol: 'http', host: '127.0.0.1', port: p.port, ...login }, opts());
    expect(good.ok).toBe(true);
    const wrong = `${PASSWORD}-wrong`;
    const bad = await probe(
      { protocol: 'http', host: '127.0.0.1', port: p.port, username: 'alice', password: wrong },
      opts(),
    );
    expect(bad).toMatchObject({ ok: false, failure: 'auth_failed' });
    expect(p.refusedLogins).toBe(1);
    expect(leaksIn(JSON.stringify(bad), [PASSWORD, wrong])).toEqual([]);
  });

  it('a SOCKS5 proxy, without and with a login (right and wrong password)', async () => {
    const open = await lab.proxy('socks5', EXIT);
    expect(await probe({ protocol: 'socks5', host: '127.0.0.1', port: open.port }, opts())).toMatchObject({
      ok: true,
      exitCountry: 'DE',
    });
    const locked = await lab.proxy('socks5', { ip: '198.51.100.9', country: 'FR' }, { login });
    expect(await probe({ protocol: 'socks5', host: '127.0.0.1', port: locked.port, ...login }, opts())).toMatchObject({
      ok: true,
      exitIp: '198.51.100.9',
      exitCountry: 'FR',
    });
    const bad = await probe(
      { protocol: 'socks5', host: '127.0.0.1', port: locked.port, username: 'alice', password: 'nope-nope' },
      opts(),
    );
    expect(bad).toMatchObject({ ok: false, failure: 'auth_failed' });
    expect(leaksIn(JSON.stringify(bad), ['nope-nope', PASSWORD])).toEqual([]);
  });

  it('a dead port is refused (HTTP and SOCKS5)', async () => {
    const port = await deadPort();
    expect(await probe({ protocol: 'http', host: '127.0.0.1', port }, opts())).toMatchObject({ failure: 'refused' });
    expect(await probe({ protocol: 'socks5', host: '127.0.0.1', port }, opts())).toMatchObject({ failure: 'refused' });
  });

  it('a proxy slower than the time limit times out; within it, the latency shows the wait', async () => {
    const p = await lab.proxy('http', EXIT, { delayMs: 400 });
    const t = { protocol: 'http' as const, host: '127.0.0.1', port: p.port };
    expect(await probe(t, opts(150))).toMatchObject({ ok: false, failure: 'timeout' });
    const s = await lab.proxy('socks5', EXIT, { delayMs: 400 });
    expect(await probe({ ...t, protocol: 'socks5', port: s.port }, opts(150))).toMatchObject({ failure: 'timeout' });
    const ok = await probe(t, opts(3000));
    expect(ok.ok).toBe(true);
    expect(ok.latencyMs).toBeGreaterThanOrEqual(380);
  });

  it('an unreadable answer through the proxy is bad_answer', async () => {
    const garbled = await new Lab().start({ garble: true });
    try {
      const p = await garbled.proxy('http', EXIT);
      const out = await probe(
        { protocol: 'http', host: '127.0.0.1', port: p.port },
        {
          checkUrl: garbled.target.url,
          timeoutMs: 3000,
        },
      );
      expect(out).toMatchObject({ ok: false, failure: 'bad_answer' });
    } finally {
      await garbled.close();
    }
  });

  it('an abort while checking is cancelled, at once', async () => {
    const p = await lab.proxy('http', EXIT, { delayMs: 2000 });
    const c = new AbortController();
    setTimeout(() => c.abort(), 100);
    const started = Date.now();
    const out = await probe({ protocol: 'http', host: '127.0.0.1', port: p.port }, { ...opts(5000), signal: c.signal });
    expect(out).toMatchObject({ failure: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('readExit', () => {
  it('reads ipinfo-style answers and normalizes the country', () => {
    expect(readExit('{"ip":"1.2.3.4","country":"deu"}')).toEqual({ ip: '1.2.3.4', country: 'DE' });
    expect(readExit('{"ip":"1.2.3.4","country_code":"GB"}')).toEqual({ ip: '1.2.3.4', country: 'GB' });
    expect(readExit('{"ip":"1.2.3.4"}')).toEqual({ ip: '1.2.3.4', country: null });
    expect(readExit('{"country":"US"}')).toBeNull();
    expect(readExit('<html>')).toBeNull();
  });
});
