/**
 * Tiny local proxies on 127.0.0.1 (demo mode's health check, and the health tests): an HTTP CONNECT
 * proxy (RFC 9110 §9.3.6, optional Basic login → 407) and a SOCKS5 proxy (RFC 1928 CONNECT, optional
 * user/password login RFC 1929). Each can wait before opening a tunnel (a slow proxy) and tells an
 * ExitRegistry which exit (IP, country) each of its tunnels stands for, so the local check target
 * (check-target.ts) answers the country that proxy "exits" in — the way ipinfo.io answers a real exit.
 * The tests use these too (test/helpers/proxies.ts).
 */
import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';

export interface Exit {
  ip: string;
  country: string | null;
}

/** Which exit a connection to the check target stands for, by the source port the target sees. */
export class ExitRegistry {
  private readonly byPort = new Map<number, Exit>();
  set(localPort: number | undefined, exit: Exit): void {
    if (localPort) this.byPort.set(localPort, exit);
  }
  forget(localPort: number | undefined): void {
    if (localPort) this.byPort.delete(localPort);
  }
  get(remotePort: number | undefined): Exit | undefined {
    return remotePort ? this.byPort.get(remotePort) : undefined;
  }
}

export interface Login {
  username: string;
  password: string;
}

export interface LocalProxyOptions {
  login?: Login;
  /** Waits this long before answering the tunnel request (a slow proxy). */
  delayMs?: number;
  /** The exit this proxy stands for; given the login name the client sent (null without one). */
  exit?: (username: string | null) => Exit;
  registry?: ExitRegistry;
}

export interface LocalProxy {
  readonly port: number;
  /** Tunnels opened ("host:port" each). */
  readonly tunnels: string[];
  readonly refusedLogins: number;
  /** Tunnel requests being served right now (during the delay), and the most ever at once. */
  readonly open: number;
  readonly maxOpen: number;
  close(): Promise<void>;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function joinBoth(a: Socket, b: Socket): void {
  a.pipe(b);
  b.pipe(a);
  a.on('error', () => b.destroy());
  b.on('error', () => a.destroy());
  a.on('close', () => b.destroy());
  b.on('close', () => a.destroy());
}

async function serve(
  opts: LocalProxyOptions,
  handle: (client: Socket, tunnel: (host: string, port: number, user: string | null) => Promise<Socket | null>) => void,
  counters: { refused: number },
): Promise<LocalProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  let open = 0;
  let maxOpen = 0;
  const tunnel = async (host: string, port: number, user: string | null): Promise<Socket | null> => {
    open++;
    maxOpen = Math.max(maxOpen, open);
    try {
      if (opts.delayMs) await wait(opts.delayMs);
      const upstream = connect(port, host);
      sockets.add(upstream);
      const ok = await new Promise<boolean>((resolve) => {
        upstream.once('connect', () => resolve(true));
        upstream.once('error', () => resolve(false));
      });
      if (!ok) return null;
      const localPort = upstream.localPort;
      if (opts.exit && opts.registry) opts.registry.set(localPort, opts.exit(user));
      upstream.on('close', () => {
        sockets.delete(upstream);
        opts.registry?.forget(localPort);
      });
      tunnels.push(`${host}:${port}`);
      return upstream;
    } finally {
      open--;
    }
  };
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    handle(client, tunnel);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    tunnels,
    get refusedLogins() {
      return counters.refused;
    },
    get open() {
      return open;
    },
    get maxOpen() {
      return maxOpen;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP proxy that only tunnels (CONNECT host:port); with `login`, Proxy-Authorization Basic is required. */
export function startHttpConnectProxy(opts: LocalProxyOptions = {}): Promise<LocalProxy> {
  const counters = { refused: 0 };
  return serve(
    opts,
    (client, tunnel) => {
      let head = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        client.off('data', onData);
        const [requestLine = '', ...lines] = head.subarray(0, end).toString('latin1').split('\r\n');
        const rest = head.subarray(end + 4);
        const [method, target] = requestLine.split(' ');
        if (method !== 'CONNECT' || !target) {
          client.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\n\r\n');
          return;
        }
        const auth = lines.find((l) => l.toLowerCase().startsWith('proxy-authorization:'));
        const sent = auth ? auth.slice(auth.indexOf(':') + 1).trim() : '';
        const decoded = /^Basic /i.test(sent) ? Buffer.from(sent.slice(6), 'base64').toString('utf8') : null;
        const user = decoded === null ? null : decoded.slice(0, Math.max(0, decoded.indexOf(':')));
        if (opts.login && decoded !== `${opts.login.username}:${opts.login.password}`) {
          counters.refused++;
          client.end(
            'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="demo"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
          );
          return;
        }
        const colon = target.lastIndexOf(':');
        const host = target.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
        void tunnel(host, Number(target.slice(colon + 1)), user).then((upstream) => {
          if (client.destroyed) return upstream?.destroy();
          if (!upstream)
            return client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          if (rest.length) upstream.write(rest);
          joinBoth(client, upstream);
        });
      };
      client.on('data', onData);
    },
    counters,
  );
}

/** Reads exactly n bytes at a time from a socket (the SOCKS handshake is small fixed-size steps). */
function reader(socket: Socket) {
  let buf = Buffer.alloc(0);
  let waiting: { n: number; resolve: (b: Buffer) => void; reject: (e: Error) => void } | null = null;
  const pump = () => {
    if (waiting && buf.length >= waiting.n) {
      const out = buf.subarray(0, waiting.n);
      buf = buf.subarray(waiting.n);
      const w = waiting;
      waiting = null;
      w.resolve(out);
    }
  };
  const onData = (c: Buffer) => {
    buf = Buffer.concat([buf, c]);
    pump();
  };
  socket.on('data', onData);
  socket.on('close', () => waiting?.reject(new Error('closed')));
  return {
    read: (n: number) =>
      new Promise<Buffer>((resolve, reject) => {
        waiting = { n, resolve, reject };
        pump();
      }),
    rest: () => {
      socket.off('data', onData);
      return buf;
    },
  };
}

/** A SOCKS5 proxy (CONNECT; IPv4 and domain targets); with `login`, user/password is required. */
export function startSocks5Proxy(opts: LocalProxyOptions = {}): Promise<LocalProxy> {
  const counters = { refused: 0 };
  return serve(
    opts,
    (client, tunnel) => {
      const r = reader(client);
      void (async () => {
        const [ver, nMethods] = await r.read(2);
        if (ver !== 5) return client.destroy();
        const methods = [...(await r.read(nMethods as number))];
        const want = opts.login ? 2 : methods.includes(2) ? 2 : 0;
        if (!methods.includes(want)) {
          counters.refused++;
          client.end(Buffer.from([5, 0xff]));
          return;
        }
        client.write(Buffer.from([5, want]));
        let user: string | null = null;
        if (want === 2) {
          const [, ulen] = await r.read(2);
          user = (await r.read(ulen as number)).toString('utf8');
          const [plen] = await r.read(1);
          const pass = (await r.read(plen as number)).toString('utf8');
          const ok = !opts.login || (user === opts.login.username && pass === opts.login.password);
          client.write(Buffer.from([1, ok ? 0 : 1]));
          if (!ok) {
            counters.refused++;
            client.end();
            return;
          }
        }
        const [, cmd, , atyp] = await r.read(4);
        let host: string;
        if (atyp === 1) host = [...(await r.read(4))].join('.');
        else if (atyp === 3) host = (await r.read((await r.read(1))[0] as number)).toString('utf8');
        else return client.end(Buffer.from([5, 8, 0, 1, 0, 0, 0, 0, 0, 0])); // address type not supported
        const port = (await r.read(2)).readUInt16BE(0);
        if (cmd !== 1) return client.end(Buffer.from([5, 7, 0, 1, 0, 0, 0, 0, 0, 0]));
        const upstream = await tunnel(host, port, user);
        if (client.destroyed) return upstream?.destroy();
        if (!upstream) return client.end(Buffer.from([5, 5, 0, 1, 0, 0, 0, 0, 0, 0])); // connection refused
        client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
        const early = r.rest();
        if (early.length) upstream.write(early);
        joinBoth(client, upstream);
      })().catch(() => client.destroy());
    },
    counters,
  );
}

/** A port on 127.0.0.1 where nothing listens (a proxy that is down). */
export async function deadPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
