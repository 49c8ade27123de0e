import type { VendorId } from '../../preload/contract/model';
import type { Credentials } from '../../preload/contract/vendors';
import type { SimServer } from './sim-server';

export interface SimulatorOptions {
  /** Deterministic seed for generated data (same seed, same accounts, same screenshots). */
  seed?: number;
  /** How many static IPs to generate (tens by default; thousands for scale tests). */
  ipCount?: number;
  /** Starting money balance in minor units (cents). */
  balanceMinor?: number;
  /** Clock for expiry dates and traffic history. */
  now?: () => Date;
  /** Credentials to accept instead of the built-in demo ones (tests plant keys of every spelling). */
  credentials?: Credentials;
}

/** What every vendor simulator exposes to tests and demo mode. */
export interface VendorSimulator {
  vendor: VendorId;
  server: SimServer;
  /** Credentials this simulator accepts. Anything else gets the vendor's "invalid key" answer. */
  credentials: Credentials;
  /** The base URL to give the client (server URL plus the vendor's path prefix, if any). */
  baseUrl(): string;
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
  /** Sets the money balance (minor units) so tests can reach "insufficient funds". */
  setBalance(minor: number): void;
  /** Current money balance in minor units. */
  balance(): number;
}
