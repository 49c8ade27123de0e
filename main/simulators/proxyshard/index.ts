/**
 * Stateful ProxyShard simulator (User API v1.1.0) for contract tests and demo mode.
 * The client's base URL is the server root: every vendor path already starts with /user/api.
 */
import { SimServer } from '../sim-server';
import type { SimulatorOptions, VendorSimulator } from '../types';
import { registerRoutes, type WriteLogEntry } from './routes';
import { DEFAULT_API_KEY, DEFAULT_BALANCE_CENTS, DEFAULT_IP_COUNT, seedAccount } from './seed-data';
import type { SimAccount } from './state';

export interface ProxyshardSimulatorOptions extends SimulatorOptions {
  /** Accepted API key (default: a fixed demo key). */
  apiKey?: string;
  /** Server-side cap on rows per page (orders, sub-users), below the client's requested limit (tests exercise paging). */
  maxPageSize?: number;
}

export interface ProxyshardSimulator extends VendorSimulator {
  /** The account state, for assertions (orders, pools, wallet). */
  account: SimAccount;
  /** Every POST/PATCH/DELETE received (body text and Content-Length), oldest first. */
  writes: WriteLogEntry[];
}

export function createProxyshardSimulator(opts: ProxyshardSimulatorOptions = {}): ProxyshardSimulator {
  const server = new SimServer('proxyshard');
  if (opts.now) server.now = opts.now;
  // The vendor's error body (schema ApiError, doc §2.2); a success answer's envelope is `success`
  // alone: `message` and every other field are data a wrong_types answer scrambles.
  server.errorEnvelope = (status, message) => ({
    success: false,
    message: message ?? `Internal Server Error (${status})`,
  });
  server.envelopeKeys = ['success'];
  const apiKey = opts.apiKey ?? opts.credentials?.apiKey ?? DEFAULT_API_KEY;
  const account = seedAccount({
    seed: opts.seed ?? 20_261_123,
    ipCount: opts.ipCount ?? DEFAULT_IP_COUNT,
    balanceCents: opts.balanceMinor ?? DEFAULT_BALANCE_CENTS,
    apiKey,
    now: server.now(),
  });
  const writes: WriteLogEntry[] = [];
  registerRoutes({ server, account: () => account, writes, maxPageSize: opts.maxPageSize ?? 100 });
  return {
    vendor: 'proxyshard',
    server,
    account,
    writes,
    credentials: { apiKey },
    baseUrl: () => server.url,
    listen: (port?: number) => server.listen(port),
    close: () => server.close(),
    setBalance: (minor: number) => {
      account.walletCents = minor;
    },
    balance: () => account.walletCents,
  };
}
