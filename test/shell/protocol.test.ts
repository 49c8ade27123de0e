/**
 * The app:// handler of the real built main: serves the built renderer files with the CSP and security
 * headers, and nothing else — traversal in every spelling, other hosts, folders and missing files get 404.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../main/core/security/csp';
import { launchMain, type MainProcess, RENDERER_DIR } from './harness';

interface Answer {
  status?: number;
  headers?: Record<string, string>;
  text?: string;
  size?: number;
  error?: string;
}

let main: MainProcess;
beforeAll(async () => {
  main = launchMain({ FAKE_ELECTRON_PACKAGED: '1' });
  await main.started();
}, 30_000); // a child process starts: more than the default 10 s hook time on a slow machine
afterAll(() => main?.dispose());

const get = (url: string) => main.call<Answer>('protocolRequest', url);

describe('app://proxydeck serves the renderer', () => {
  it('index.html, with the CSP and security headers', async () => {
    const res = await get('app://proxydeck/index.html');
    expect(res.status).toBe(200);
    expect(res.headers?.['content-type']).toMatch(/^text\/html/);
    expect(res.text).toBe(readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8'));
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(res.headers?.[k], k).toBe(v);
  });

  it('its scripts, byte for byte, with the same headers', async () => {
    const script = readdirSync(join(RENDERER_DIR, 'assets')).find((f) => f.endsWith('.js'))!;
    const res = await get(`app://proxydeck/assets/${script}`);
    expect(res.status).toBe(200);
    expect(res.headers?.['content-type']).toMatch(/javascript/);
    expect(res.size).toBe(readFileSync(join(RENDERER_DIR, 'assets', script)).length);
    expect(res.headers?.['content-security-policy']).toBe(SECURITY_HEADERS['content-security-policy']);
  });
});

describe('app:// refuses everything else with 404', () => {
  // out/main/index.js sits next to out/renderer: each of these would read it if the handler let them through.
  const traversal = [
    'app://proxydeck/../main/index.js',
    'app://proxydeck/%2e%2e/main/index.js',
    'app://proxydeck/%2e%2e%2fmain%2findex.js',
    'app://proxydeck/..%2Fmain%2Findex.js',
    'app://proxydeck/assets/..%2F..%2Fmain%2Findex.js',
    'app://proxydeck/..%5Cmain%5Cindex.js',
    'app://proxydeck/..\\main\\index.js',
    'app://proxydeck/%252e%252e%252fmain%252findex.js',
    'app://proxydeck/..%252Fmain%252Findex.js',
    'app://proxydeck/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://proxydeck/index.html%00.js',
    'app://proxydeck/%E0%A4%A',
  ];
  it.each(traversal)('%s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.text).toBe('Not found');
  });

  it.each([
    'app://evil/index.html',
    'app://proxydeck.evil.example/index.html',
    'app://proxydeck:8080/index.html',
    'app://PROXYDECK.evil/index.html',
  ])('another host: %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
  });

  it.each(['app://proxydeck/', 'app://proxydeck/assets', 'app://proxydeck/assets/', 'app://proxydeck/nope.js'])(
    'a folder or a missing file: %s',
    async (url) => {
      expect((await get(url)).status).toBe(404);
    },
  );
});
