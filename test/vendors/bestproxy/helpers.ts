import { type BestproxySimulator, createBestproxySimulator } from '../../../main/simulators/bestproxy';
import type { SimulatorOptions } from '../../../main/simulators/types';
import { BestproxyClient } from '../../../main/vendors/bestproxy/client';
import { VendorError } from '../../../main/vendors/errors';
import type { ClientOptions } from '../../../main/vendors/vendor-client';

/**
 * A fixed clock so expiry/traffic assertions are stable. The simulator and its client share it (the
 * client gets the simulator's clock), so no test depends on today's date.
 */
export const NOW = new Date('2026-11-23T12:00:00Z');

export async function startSim(opts: SimulatorOptions = {}): Promise<BestproxySimulator> {
  const sim = createBestproxySimulator({ now: () => NOW, ...opts });
  await sim.listen(0);
  return sim;
}

export function clientFor(
  sim: BestproxySimulator,
  transport: ClientOptions['transport'] = { retry: { baseMs: 1, capMs: 5 } },
  appKey = sim.credentials.appKey!,
): BestproxyClient {
  return new BestproxyClient({
    credentials: { appKey },
    baseUrl: sim.baseUrl(),
    transport,
    now: () => sim.server.now(),
  });
}

/** Runs fn, expects a VendorError, returns it. */
export async function vendorError(fn: () => Promise<unknown>): Promise<VendorError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof VendorError) return e;
    throw e;
  }
  throw new Error('expected a VendorError, got success');
}

export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const GiB = 1024 ** 3;
