import { describe, expect, it } from 'vitest';
import { bypassesProxy, envProxyFor, firstUsable, parsePacResult } from '../../main/vendors/http/system-proxy';

describe('parsePacResult (Electron session.resolveProxy answers)', () => {
  it('reads DIRECT, PROXY, HTTPS and SOCKS5 entries in order', () => {
    expect(parsePacResult('DIRECT')).toEqual([{ kind: 'direct' }]);
    expect(
      parsePacResult('PROXY 10.0.0.2:8080; SOCKS5 proxy.example.cn:1080;HTTPS secure.example:8443 ; DIRECT'),
    ).toEqual([
      { kind: 'proxy', proxy: { protocol: 'http', host: '10.0.0.2', port: 8080 } },
      { kind: 'proxy', proxy: { protocol: 'socks5', host: 'proxy.example.cn', port: 1080 } },
      { kind: 'proxy', proxy: { protocol: 'https', host: 'secure.example', port: 8443 } },
      { kind: 'direct' },
    ]);
  });

  it('gives each kind its default port, reads IPv6 in brackets, and treats an empty answer as DIRECT', () => {
    expect(parsePacResult('PROXY corp-proxy')).toEqual([
      { kind: 'proxy', proxy: { protocol: 'http', host: 'corp-proxy', port: 80 } },
    ]);
    expect(parsePacResult('socks5 [2001:db8::1]:1080')).toEqual([
      { kind: 'proxy', proxy: { protocol: 'socks5', host: '2001:db8::1', port: 1080 } },
    ]);
    expect(parsePacResult('HTTPS h')[0]).toMatchObject({ proxy: { port: 443 } });
    expect(parsePacResult('')).toEqual([{ kind: 'direct' }]);
    expect(parsePacResult(' ; ')).toEqual([{ kind: 'direct' }]);
  });

  it('keeps what it cannot use (SOCKS v4, QUIC, a bad port, garbage) as unusable, with its text', () => {
    expect(parsePacResult('SOCKS 10.0.0.2:1080; QUIC q:443; PROXY h:99999; PROXY a b; hello')).toEqual([
      { kind: 'unusable', text: 'SOCKS 10.0.0.2:1080' },
      { kind: 'unusable', text: 'QUIC q:443' },
      { kind: 'unusable', text: 'PROXY h:99999' },
      { kind: 'unusable', text: 'PROXY a b' },
      { kind: 'unusable', text: 'hello' },
    ]);
  });

  it('firstUsable skips unusable entries and never looks past the first usable one', () => {
    expect(firstUsable(parsePacResult('SOCKS 1.2.3.4:1080; PROXY 10.0.0.2:3128; DIRECT'))).toEqual({
      kind: 'proxy',
      proxy: { protocol: 'http', host: '10.0.0.2', port: 3128 },
    });
    expect(firstUsable(parsePacResult('DIRECT; PROXY 10.0.0.2:3128'))).toEqual({ kind: 'direct' });
    expect(firstUsable(parsePacResult('SOCKS 1.2.3.4:1080'))).toBeNull();
  });
});

describe('the environment (plain Node)', () => {
  const https = new URL('https://openapi.thordata.com');
  const http = new URL('http://127.0.0.1:4100');

  it('HTTPS_PROXY for https origins, HTTP_PROXY for http ones, either case, with a login', () => {
    const env = { https_proxy: 'socks5://u:p%40ss@10.0.0.2:1080', HTTP_PROXY: '10.0.0.3:3128' };
    expect(envProxyFor(https, env)).toEqual({
      kind: 'proxy',
      proxy: { protocol: 'socks5', host: '10.0.0.2', port: 1080, username: 'u', password: 'p@ss' },
    });
    expect(envProxyFor(http, env)).toEqual({
      kind: 'proxy',
      proxy: { protocol: 'http', host: '10.0.0.3', port: 3128 },
    });
    expect(envProxyFor(https, {})).toEqual({ kind: 'direct' });
    expect(envProxyFor(https, { HTTPS_PROXY: 'ftp://x:21' })).toEqual({ kind: 'unusable', text: 'HTTPS_PROXY (ftp)' });
  });

  it('NO_PROXY: *, names and their subdomains, ports', () => {
    expect(bypassesProxy(https, '*')).toBe(true);
    expect(bypassesProxy(https, 'thordata.com')).toBe(true);
    expect(bypassesProxy(https, '.thordata.com')).toBe(true);
    expect(bypassesProxy(https, '*.thordata.com')).toBe(true);
    expect(bypassesProxy(https, 'data.com')).toBe(false);
    expect(bypassesProxy(https, 'openapi.thordata.com:8443')).toBe(false);
    expect(bypassesProxy(https, 'openapi.thordata.com:443')).toBe(true);
    expect(bypassesProxy(http, 'localhost, 127.0.0.1')).toBe(true);
    expect(bypassesProxy(http, undefined)).toBe(false);
    expect(envProxyFor(http, { HTTP_PROXY: 'h:1', NO_PROXY: '127.0.0.1' })).toEqual({ kind: 'direct' });
  });
});
