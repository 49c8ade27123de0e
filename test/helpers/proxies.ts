/**
 * Two tiny local proxies for tests, each on 127.0.0.1 with a free port: an HTTP CONNECT proxy
 * (RFC 9110 §9.3.6, optional Basic login → 407) and a SOCKS5 proxy (RFC 1928, optional user/password
 * login RFC 1929, CONNECT only). Each counts the tunnels it opened and the logins it refused, and
 * records the targets, so a test proves its requests really went through it.
 */
import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';

export interface TestProxy {
  readonly port: number;
  /** Tunnels opened to a target ("host:port" each). */
  readonly tunnels: string[];
  /** Connections refused for a missing or wrong login. */
  readonly refusedLogins: number;
  close(): Promise<void>;
}

interface Login {
  username: string;
  password: string;
}

function tracking(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return sockets;
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

function closer(server: Server, sockets: Set<Socket>) {
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

/** Joins two sockets both ways; either side closing closes the other. */
function pipeBoth(a: Socket, b: Socket): void {
  a.pipe(b);
  b.pipe(a);
  a.on('error', () => b.destroy());
  b.on('error', () => a.destroy());
  a.on('close', () => b.destroy());
  b.on('close', () => a.destroy());
}

/** An HTTP proxy that only tunnels (CONNECT host:port); with `login`, Proxy-Authorization Basic is required. */
export async function startHttpConnectProxy(opts: { login?: Login } = {}): Promise<TestProxy> {
  const tunnels: string[] = [];
  let refusedLogins = 0;
  const server = createServer((client) => {
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
      if (opts.login) {
        const auth = lines.find((l) => l.toLowerCase().startsWith('proxy-authorization:'));
        const want = `Basic ${Buffer.from(`${opts.login.username}:${opts.login.password}`).toString('base64')}`;
        if (auth?.slice(auth.indexOf(':') + 1).trim() !== want) {
          refusedLogins++;
          client.end(
            'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
          );
          return;
        }
      }
      const colon = target.lastIndexOf(':');
      const host = target.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
      const upstream = connect(Number(target.slice(colon + 1)), host);
      upstream.once('connect', () => {
        tunnels.push(target);
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (rest.length) upstream.write(rest);
        pipeBoth(client, upstream);
      });
      upstream.once('error', () => {
        if (!client.destroyed) client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      });
    };
    client.on('data', onData);
    client.on('error', () => {});
  });
  const sockets = tracking(server);
  const port = await listen(server);
  return {
    port,
    tunnels,
    get refusedLogins() {
      return refusedLogins;
    },
    close: closer(server, sockets),
  };
}

/** Reads exactly n bytes from a socket (the SOCKS handshake is small, fixed-size steps). */
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
  socket.on('data', (c: Buffer) => {
    buf = Buffer.concat([buf, c]);
    pump();
  });
  socket.on('close', () => waiting?.reject(new Error('closed')));
  return {
    read: (n: number) =>
      new Promise<Buffer>((resolve, reject) => {
        waiting = { n, resolve, reject };
        pump();
      }),
    rest: () => {
      socket.removeAllListeners('data');
      return buf;
    },
  };
}

/** A SOCKS5 proxy (CONNECT; IPv4, domain and IPv6 targets); with `login`, user/password is required. */
export async function startSocks5Proxy(opts: { login?: Login } = {}): Promise<TestProxy> {
  const tunnels: string[] = [];
  let refusedLogins = 0;
  const server = createServer((client) => {
    client.on('error', () => {});
    const r = reader(client);
    void (async () => {
      const [ver, nMethods] = await r.read(2);
      if (ver !== 5) return client.destroy();
      const methods = [...(await r.read(nMethods as number))];
      const want = opts.login ? 2 : 0;
      if (!methods.includes(want)) {
        if (opts.login) refusedLogins++;
        client.end(Buffer.from([5, 0xff]));
        return;
      }
      client.write(Buffer.from([5, want]));
      if (opts.login) {
        const [, ulen] = await r.read(2);
        const user = (await r.read(ulen as number)).toString('utf8');
        const [plen] = await r.read(1);
        const pass = (await r.read(plen as number)).toString('utf8');
        const ok = user === opts.login.username && pass === opts.login.password;
        client.write(Buffer.from([1, ok ? 0 : 1]));
        if (!ok) {
          refusedLogins++;
          client.end();
          return;
        }
      }
      const [, cmd, , atyp] = await r.read(4);
      let host: string;
      if (atyp === 1) host = [...(await r.read(4))].join('.');
      else if (atyp === 3) host = (await r.read((await r.read(1))[0] as number)).toString('utf8');
      else if (atyp === 4)
        host = ((await r.read(16)).toString('hex').match(/.{4}/g) as string[]).join(':').replace(/(^|:)0{1,3}/g, '$1');
      else return client.destroy();
      const port = (await r.read(2)).readUInt16BE(0);
      if (cmd !== 1) {
        client.end(Buffer.from([5, 7, 0, 1, 0, 0, 0, 0, 0, 0]));
        return;
      }
      const upstream = connect(port, host);
      upstream.once('connect', () => {
        tunnels.push(`${host}:${port}`);
        client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
        const early = r.rest();
        if (early.length) upstream.write(early);
        pipeBoth(client, upstream);
      });
      upstream.once('error', () => {
        if (!client.destroyed) client.end(Buffer.from([5, 5, 0, 1, 0, 0, 0, 0, 0, 0])); // connection refused
      });
    })().catch(() => client.destroy());
  });
  const sockets = tracking(server);
  const port = await listen(server);
  return {
    port,
    tunnels,
    get refusedLogins() {
      return refusedLogins;
    },
    close: closer(server, sockets),
  };
}

/** A port on 127.0.0.1 where nothing listens (a proxy that is down). */
export async function deadPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
