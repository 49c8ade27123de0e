import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CheckServer {
  url: string;
  /** What the next answer holds (tests change the IP between refreshes). */
  answer: { body: string; status: number };
  setIp(ip: string): void;
  /** How many times it was asked. */
  hits: number;
  close(): Promise<void>;
}

/** A local check target on 127.0.0.1: answers `{ ip, country }` like the default check URL does. */
export async function checkServer(ip = '198.51.100.20'): Promise<CheckServer> {
  const answer = { body: '', status: 200 };
  const out: CheckServer = {
    url: '',
    answer,
    hits: 0,
    setIp: (v) => {
      answer.body = JSON.stringify({ ip: v, country: 'DE' });
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
  out.setIp(ip);
  const server: Server = createServer((_req, res) => {
    out.hits += 1;
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  out.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/json`;
  return out;
}
