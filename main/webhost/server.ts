/**
 * The browser host: the same core as the Electron app, the built renderer served on loopback, and
 * the IPC contract carried over HTTP. Used for development in a normal browser and for Playwright
 * end-to-end tests in Chromium (the Electron binary is not always available).
 *
 * Protection: loopback bind only; a random per-run token required on every API call (Bearer header,
 * compared in constant time); the Host header must be our own address (DNS rebinding); an Origin
 * header, when present, must be ours (cross-site requests).
 *
 * Edges answer with the usual typed error body ({ ok: false, error }), never a reset or a 500 for
 * what a client sent: a body over MAX_BODY_BYTES gets 413, a malformed address (`/%zz`) gets 400.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { AppEvent } from '../../preload/contract/channels';
import type { Result } from '../../preload/contract/errors';
import type { Dispatch } from '../core/ipc/dispatcher';
import { SECURITY_HEADERS } from '../core/security/csp';
import { isLoopbackHost } from './loopback';

export interface WebHostOptions {
  dispatch: Dispatch;
  subscribe: (listener: (e: AppEvent) => void) => () => void;
  /** The built renderer (out/renderer). */
  staticDir: string;
  host?: string;
  port?: number;
  /** Given by tests; random otherwise. */
  token?: string;
}

export interface WebHost {
  /** Base URL without the token. */
  origin: string;
  token: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to servers. */
  appUrl: string;
  close(): Promise<void>;
}

/**
 * The largest IPC request body the browser host reads: 4 MiB. The biggest real request is a renewal
 * of several accounts' 5000 items each (about 130 bytes per item); anything larger is refused with
 * 413 and a typed error, never a reset connection.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/**
 * Past the limit the rest of the body is still read and dropped, so the client has sent everything
 * and reads the 413 (closing a socket with unread data makes the kernel answer with a reset, which
 * loses the answer). Up to this much, or this long; past either the answer goes out and the
 * connection is closed.
 */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
const DRAIN_MAX_MS = 10_000;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(text);
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden_sender', message: 'This request did not come from the Proxydeck page and was refused.' },
};

const fail = (message: string): Result<never> => ({ ok: false, error: { code: 'invalid_argument', message } });

const TOO_LARGE = fail(
  `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB, the most Proxydeck accepts. ` +
    'Select fewer items and try again.',
);
const UNREADABLE = fail('The request was not readable.');
const BAD_ADDRESS = fail('This address is not valid. Check it and try again.');

/** decodeURIComponent without the throw: null for a malformed escape such as `%zz` or a cut-off `%E0%A4%A`. */
function decodePath(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

type Body =
  | { kind: 'text'; text: string }
  /** `drained`: the whole body was read, so the connection can stay open. */
  | { kind: 'too_large'; drained: boolean }
  | { kind: 'failed' };

function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    let size = 0;
    let over = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const chunks: Buffer[] = [];
    const finish = (body: Body) => {
      clearTimeout(timer);
      resolve(body); // later calls are no-ops
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (!over && size > MAX_BODY_BYTES) {
        over = true;
        chunks.length = 0;
        timer = setTimeout(() => finish({ kind: 'too_large', drained: false }), DRAIN_MAX_MS);
      }
      if (!over) chunks.push(c);
      else if (size > DRAIN_MAX_BYTES) finish({ kind: 'too_large', drained: false });
    });
    req.on('end', () =>
      finish(
        over ? { kind: 'too_large', drained: true } : { kind: 'text', text: Buffer.concat(chunks).toString('utf8') },
      ),
    );
    req.on('error', () => finish({ kind: 'failed' }));
    req.on('close', () => finish({ kind: 'failed' }));
  });
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new Error(`Refusing to serve on ${host}: the browser host only listens on loopback (127.0.0.1 or ::1).`);
  }
  const token = opts.token ?? randomBytes(24).toString('hex');
  const tokenBuf = Buffer.from(token);
  let origin = '';

  const authorized = (req: IncomingMessage): boolean => {
    const auth = req.headers.authorization ?? '';
    const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7) : '');
    if (given.length !== tokenBuf.length || !timingSafeEqual(given, tokenBuf)) return false;
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return false;
    return true;
  };

  const serveStatic = (pathname: string, res: ServerResponse) => {
    const decoded = decodePath(pathname === '/' ? '/index.html' : pathname);
    if (decoded === null) return json(res, 400, BAD_ADDRESS);
    const rel = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(opts.staticDir, rel);
    if (!file.startsWith(opts.staticDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain', ...SECURITY_HEADERS });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...SECURITY_HEADERS });
    res.end(readFileSync(file));
  };

  const server: Server = createServer(async (req, res) => {
    try {
      // DNS rebinding: a page on evil.example resolving to 127.0.0.1 would send Host: evil.example.
      if (req.headers.host !== new URL(origin).host) {
        res.writeHead(421, { 'content-type': 'text/plain' });
        res.end('Misdirected request');
        return;
      }
      let url: URL;
      try {
        url = new URL(req.url ?? '/', origin);
      } catch {
        return json(res, 400, BAD_ADDRESS);
      }
      if (url.pathname.startsWith('/ipc/')) {
        if (req.method !== 'POST') return json(res, 405, FORBIDDEN);
        if (!authorized(req)) return json(res, 403, FORBIDDEN);
        const channel = decodePath(url.pathname.slice('/ipc/'.length));
        const body = await readBody(req);
        if (body.kind === 'too_large') {
          // Not fully read (too much, too slow): say so, then close instead of reading on.
          if (!body.drained) res.setHeader('connection', 'close');
          return json(res, 413, TOO_LARGE);
        }
        if (channel === null) return json(res, 400, BAD_ADDRESS);
        let args: unknown;
        try {
          args = body.kind === 'text' ? JSON.parse(body.text || '[]') : undefined;
        } catch {
          args = undefined;
        }
        if (!Array.isArray(args)) return json(res, 400, UNREADABLE);
        return json(res, 200, await opts.dispatch(channel, args));
      }
      if (url.pathname === '/events') {
        if (!authorized(req)) return json(res, 403, FORBIDDEN);
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          ...SECURITY_HEADERS,
        });
        res.write(': connected\n\n');
        const off = opts.subscribe((e) => res.write(`data: ${JSON.stringify(e)}\n\n`));
        const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
        req.on('close', () => {
          clearInterval(ping);
          off();
        });
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, FORBIDDEN);
      serveStatic(url.pathname, res);
    } catch {
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'internal', message: 'The request failed.' } });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const hostPart = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  origin = `http://${hostPart}:${addr.port}`;

  return {
    origin,
    token,
    appUrl: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
