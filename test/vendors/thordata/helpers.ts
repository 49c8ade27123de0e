import { createThordataSimulator, type ThordataSimulatorOptions } from '../../../main/simulators/thordata';
import { ThordataClient } from '../../../main/vendors/thordata/client';
import type { ClientOptions } from '../../../main/vendors/vendor-client';

export const NOW = new Date('2026-11-23T12:00:00.000Z');
export const now = () => NOW;
export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function makeSim(opts: ThordataSimulatorOptions = {}) {
  return createThordataSimulator({ seed: 7, now, ...opts });
}

export type Sim = ReturnType<typeof makeSim>;

export function makeClient(sim: Sim, extra: Partial<ClientOptions> = {}) {
  return new ThordataClient(
    {
      credentials: sim.credentials,
      baseUrl: sim.baseUrl(),
      transport: { retry: { baseMs: 1, capMs: 5 } },
      ...extra,
    },
    undefined,
    now,
  );
}

/** Requests the simulator saw for a path (the log holds method, path, status). */
export const seen = (sim: Sim, method: string, path: string) =>
  sim.server.requests.filter((r) => r.method === method && r.path === `/api${path}`);
