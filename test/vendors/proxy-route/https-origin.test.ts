/**
 * An https vendor origin through each proxy: the TLS handshake with the vendor runs inside the tunnel
 * (CONNECT or SOCKS5), end to end. The local server's certificate is self-signed, so the client refuses
 * it: that refusal, with the proxy's tunnel to the server's port and the server seeing the handshake,
 * shows TLS went through the proxy to the vendor (not to the proxy, and not around it).
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDispatcher } from '../../../main/vendors/http/route';
import { startHttpConnectProxy, startSocks5Proxy } from '../../helpers/proxies';
import { tempDir } from '../../helpers/tmp';

let server: Server;
let port: number;
let handshakes = 0;
const tmp = tempDir('proxydeck-tls-');

beforeAll(async () => {
  const key = join(tmp.dir, 'key.pem');
  const cert = join(tmp.dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '3650',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => res.end('ok'));
  server.on('tlsClientError', () => handshakes++);
  server.on('secureConnection', () => handshakes++);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  tmp.cleanup();
});

const T = { connectMs: 3000, headersMs: 3000, bodyMs: 3000 };

describe.each([
  ['HTTP CONNECT', 'http', startHttpConnectProxy],
  ['SOCKS5', 'socks5', startSocks5Proxy],
] as const)('an https origin through a %s proxy', (_label, protocol, start) => {
  it('runs the vendor TLS handshake inside the tunnel', async () => {
    const proxy = await start();
    const before = handshakes;
    const d = buildDispatcher(
      { kind: 'proxy', source: 'settings', proxy: { protocol, host: '127.0.0.1', port: proxy.port } },
      T,
    );
    try {
      const err = await request(`https://localhost:${port}/`, { dispatcher: d }).then(
        () => null,
        (e: unknown) => e as { code?: string; cause?: { code?: string } },
      );
      expect(err?.code ?? err?.cause?.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
      expect(proxy.tunnels).toEqual([`localhost:${port}`]);
      // The server sees the refused handshake once its socket closes.
      await vi.waitFor(() => expect(handshakes).toBeGreaterThan(before));
    } finally {
      await d.destroy();
      await proxy.close();
    }
  });
});
