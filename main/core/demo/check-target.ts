/**
 * A local check target on 127.0.0.1 answering like ipinfo.io/json: `{ ip, country }` of the caller.
 * A caller that came through one of the local proxies (local-proxies.ts) gets that proxy's exit, found
 * by the source port the target sees; any other caller gets `direct`. Demo mode points demo accounts'
 * health checks here (so the demo works offline); the health tests use it too.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Exit, ExitRegistry } from './local-proxies';

export interface CheckTarget {
  /** e.g. http://127.0.0.1:41234/json */
  readonly url: string;
  /** Requests answered, and the most being answered at once. */
  readonly answered: number;
  readonly maxInFlight: number;
  close(): Promise<void>;
}

export interface CheckTargetOptions {
  registry: ExitRegistry;
  /** What a caller that came through no known proxy is told. */
  direct?: Exit;
  /** Waits before answering (tests of concurrency and cancel). */
  delayMs?: number;
  /** Answers this instead of JSON (a proxy that garbles the answer). */
  garble?: boolean;
}

export async function startCheckTarget(opts: CheckTargetOptions): Promise<CheckTarget> {
  let answered = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Only the check itself is answered (GET /json); anything else is not this server's (404).
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/json') {
      res.writeHead(404).end();
      return;
    }
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const exit = opts.registry.get(req.socket.remotePort) ?? opts.direct ?? { ip: '127.0.0.1', country: null };
    const answer = () => {
      inFlight--;
      answered++;
      if (res.destroyed) return;
      if (opts.garble) {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in to continue</html>');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(exit));
    };
    if (opts.delayMs) setTimeout(answer, opts.delayMs);
    else answer();
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/json`,
    get answered() {
      return answered;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
