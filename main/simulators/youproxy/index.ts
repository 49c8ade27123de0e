/**
 * Stateful YouProxy simulator (tests, e2e, demo mode). The API key is a path segment, so the base
 * URL handed to the client is the bare server origin; the client adds `/client/api/v1/{apiKey}/`.
 */
import { SimServer } from '../sim-server';
import type { SimulatorOptions, VendorSimulator } from '../types';
import { registerRoutes } from './routes';
import { generateIps } from './seed-data';
import { YouproxyState } from './state';

/** The key the simulator accepts (any other gets code 2 "Error api key"). */
export const YOUPROXY_SIM_API_KEY = 'yp-demo-7f3c9a1e5b2d4c68a0e1';

export interface YouproxySimulator extends VendorSimulator {
  state: YouproxyState;
}

export function createYouproxySimulator(opts: SimulatorOptions = {}): YouproxySimulator {
  const server = new SimServer('youproxy');
  if (opts.now) server.now = opts.now;
  const ips = generateIps({ seed: opts.seed ?? 2002, ipCount: opts.ipCount ?? 48, now: server.now() });
  const state = new YouproxyState(ips, opts.balanceMinor ?? 2503);
  const apiKey = opts.credentials?.apiKey ?? YOUPROXY_SIM_API_KEY;
  registerRoutes({ server, state, apiKey });
  // YouProxy's own envelope (youproxy.md §1.3): `success` + `error {code, message}` at the top level.
  // Code 3 is the PHP integrator's "service unavailable" (undocumented by YouProxy itself).
  server.errorEnvelope = (status, message) => ({
    success: false,
    error: { code: 3, message: message ?? `Service unavailable (${status})` },
  });
  server.envelopeKeys = ['success', 'error'];
  return {
    vendor: 'youproxy',
    server,
    state,
    credentials: { apiKey },
    baseUrl: () => server.url,
    listen: (port?: number) => server.listen(port),
    close: () => server.close(),
    setBalance: (minor: number) => {
      state.balanceMinor = minor;
    },
    balance: () => state.balanceMinor,
  };
}
