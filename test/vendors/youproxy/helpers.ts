import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createYouproxySimulator, type YouproxySimulator } from '../../../main/simulators/youproxy';
import { parseJsonLossless } from '../../../main/vendors/http/json';
import type { ClientOptions } from '../../../main/vendors/vendor-client';
import { type YouproxyClient, youproxyModule } from '../../../main/vendors/youproxy';

/** A fixed clock so expiry assertions are stable. */
export const NOW = new Date('2026-11-23T12:00:00.000Z');

export function startSim(opts: Parameters<typeof createYouproxySimulator>[0] = {}): YouproxySimulator {
  return createYouproxySimulator({ now: () => NOW, ...opts });
}

export function clientFor(sim: YouproxySimulator, extra: Partial<ClientOptions> = {}): YouproxyClient {
  return youproxyModule.create({
    credentials: sim.credentials,
    baseUrl: sim.baseUrl(),
    // One clock for the simulator and its client (tests never depend on today's date).
    now: () => sim.server.now(),
    transport: { retry: { baseMs: 1, capMs: 5 } },
    ...extra,
  }) as YouproxyClient;
}

/** Fixture JSON parsed the way the transport parses responses (big integers → strings). */
export function fixture(name: string): unknown {
  return parseJsonLossless(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
}

/** Calls that hit one path (method + path suffix) in the simulator's request log. */
export const hits = (sim: YouproxySimulator, method: string, suffix: string): number =>
  sim.server.requests.filter((r) => r.method === method && r.path.endsWith(suffix)).length;
