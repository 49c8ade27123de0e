/**
 * Stateful BestProxy simulator (tests, e2e and demo mode). See main/vendors/bestproxy/README.md for the
 * assumptions it makes where the vendor's doc is silent (static IP rows, insufficient-balance answer).
 */
import { SimServer } from '../sim-server';
import type { SimulatorOptions, VendorSimulator } from '../types';
import { registerRoutes } from './routes';
import { seedState } from './seed-data';
import type { BestproxyState, SimPaging } from './state';
import { ENVELOPE_KEYS, errorEnvelope } from './wire';

export { SIM_APP_KEY, SIM_VERIFY_CODE } from './seed-data';

export interface BestproxySimulator extends VendorSimulator {
  state: BestproxyState;
  /** false → code 156 (account not verified) on account writes and usage/package reads. */
  setVerified(verified: boolean): void;
  /** The renew_duration form /order/create accepts (default: integer, as its doc types it). */
  setCreateDurationForm(form: 'integer' | 'string'): void;
  /** Server-side page cap (default 50 rows) and what page counts are computed from (default 'served'). */
  setPaging(paging: Partial<SimPaging>): void;
  /** The next request to `path` gets BestProxy's documented failure `code` (3, 156, 400) with `msg`. */
  refuseNext(path: string, code: number, msg: string): void;
}

export function createBestproxySimulator(opts: SimulatorOptions = {}): BestproxySimulator {
  const server = new SimServer('bestproxy');
  const clock = opts.now ?? (() => new Date());
  server.now = clock;
  server.errorEnvelope = errorEnvelope;
  server.envelopeKeys = ENVELOPE_KEYS;
  const state = seedState({
    seed: opts.seed ?? 3,
    ipCount: opts.ipCount ?? 40,
    balanceCents: opts.balanceMinor ?? 18_650,
    now: clock(),
  });
  if (opts.credentials?.appKey) state.appKey = opts.credentials.appKey;
  registerRoutes({ server, state, now: () => server.now() });
  return {
    vendor: 'bestproxy',
    server,
    state,
    credentials: { appKey: state.appKey },
    // Paths carry /gateway/ themselves, so the base URL is the bare origin (as in production).
    baseUrl: () => server.url,
    listen: (port?: number) => server.listen(port),
    close: () => server.close(),
    setBalance: (minor: number) => {
      state.balanceCents = minor;
    },
    balance: () => state.balanceCents,
    setVerified: (verified: boolean) => {
      state.verified = verified;
    },
    setCreateDurationForm: (form) => {
      state.createDurationForm = form;
    },
    setPaging: (paging) => {
      state.paging = { ...state.paging, ...paging };
    },
    refuseNext: (path, code, msg) => {
      state.refuseNext.push({ path, code, msg });
    },
  };
}
