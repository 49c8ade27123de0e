import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createThordataSimulator, type ThordataSimulatorOptions } from '../../../main/simulators/thordata';
import { ThordataClient, type ThordataHosts } from '../../../main/vendors/thordata/client';
import type { ClientOptions } from '../../../main/vendors/vendor-client';

/** The one clock shared by the simulator and its client (never today's date: runs under faketime). */
export const NOW = new Date('2026-11-23T12:00:00.000Z');
export const now = () => NOW;
export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function makeSim(opts: ThordataSimulatorOptions = {}) {
  return createThordataSimulator({ seed: 7, now, ...opts });
}

export type Sim = ReturnType<typeof makeSim>;

/** A client of `sim`; both hosts point at it unless `hosts` says otherwise. */
export function makeClient(sim: Sim, extra: Partial<ClientOptions> = {}, hosts?: Partial<ThordataHosts>) {
  return new ThordataClient(
    {
      credentials: sim.credentials,
      baseUrl: sim.baseUrl(),
      now,
      transport: { retry: { baseMs: 1, capMs: 5 } },
      ...extra,
    },
    hosts,
  );
}

/** Requests the simulator saw for a path (the log holds method, path, status). */
export const seen = (sim: Sim, method: string, path: string) =>
  sim.server.requests.filter((r) => r.method === method && r.path === `/api${path}`);

/** An origin that answers every request with an HTML 404 page (a host that no longer serves the API). */
export async function html404Origin(): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url?.split('?')[0]}`);
    req.resume();
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!DOCTYPE html><html><body><h1>404 Not Found</h1><hr>nginx</body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * Two simulators with the same seed (identical accounts) as the two hosts: `public` (openapi.) and
 * `legacy` (api.). A write resent to the other host would show up in the other ledger.
 */
export async function twoHosts(opts: ThordataSimulatorOptions = {}) {
  const pub = makeSim(opts);
  const legacy = makeSim(opts);
  await pub.listen(0);
  await legacy.listen(0);
  const client = makeClient(pub, {}, { publicBase: pub.baseUrl(), legacyBase: legacy.baseUrl() });
  return {
    pub,
    legacy,
    client,
    charges: () => pub.server.ledger.length + legacy.server.ledger.length,
    close: async () => {
      await pub.close();
      await legacy.close();
    },
  };
}
