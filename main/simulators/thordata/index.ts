/**
 * Stateful simulator of Thordata's Public API (vendor file §2–§5) for tests and demo mode.
 *
 * wrong_units fault: MB fields (traffic_balance of A1, sub-user traffic_limit/usage_traffic)
 * come back ×1024 (as KB), KB fields (usage statistics) ÷1024 (as MB), and money
 * (wallet_balance, order_money) in cents instead of dollars.
 *
 * after_apply faults: a 5xx "envelope" is Thordata's own shape `{code, data, msg}` with the HTTP status
 * as `code` (undocumented, so a client must read it as unknown); `wrong_types` keeps `code` and `msg`.
 * `state.patches` lets a test rewrite one route's `data` (wrong shapes, impossible dates).
 */
import { SimServer } from '../sim-server';
import type { VendorSimulator } from '../types';
import { CdkStore } from './cdk';
import { API_PREFIX, registerRoutes } from './routes';
import { type ThordataSimulatorOptions, ThordataState } from './state';

export type { ThordataSimulatorOptions } from './state';
export { ThordataState } from './state';

export const THORDATA_SIM_CREDENTIALS = {
  token: 'thsim7f3c9a1e5b2d4f6081a3c5e7',
  key: 'thkey2b4d6f8a0c1e3f5a7b9d1c3e',
} as const;

export interface ThordataSimulator extends VendorSimulator {
  state: ThordataState;
  /** Traffic redeem codes (CDK), drawing on `state.trafficBalanceMb`. */
  cdk: CdkStore;
  credentials: { token: string; key: string };
}

export function createThordataSimulator(opts: ThordataSimulatorOptions = {}): ThordataSimulator {
  const server = new SimServer('thordata');
  if (opts.now) server.now = opts.now;
  server.errorEnvelope = (status, message) => ({
    code: status,
    data: null,
    msg: message ?? 'system error, please try again later',
  });
  server.envelopeKeys = ['code', 'msg'];
  const credentials = {
    token: opts.credentials?.token ?? THORDATA_SIM_CREDENTIALS.token,
    key: opts.credentials?.key ?? THORDATA_SIM_CREDENTIALS.key,
  };
  const state = new ThordataState(server, credentials.token, opts);
  const cdk = new CdkStore(server, state, opts.seed ?? 1);
  registerRoutes(server, state, credentials, cdk);
  return {
    vendor: 'thordata',
    server,
    state,
    cdk,
    credentials,
    baseUrl: () => `${server.url}${API_PREFIX}`,
    listen: (port?: number) => server.listen(port),
    close: () => server.close(),
    setBalance(minor: number) {
      state.walletCents = minor;
    },
    balance: () => state.walletCents,
  };
}
