import type { Money, RenewQuote, RenewRequest, VendorId } from '../../../preload/contract/model';
import type { VendorClient } from '../../vendors/vendor-client';
import type { ItemState, Operation } from './journal';

/** The shapes RenewalService takes and gives (renewal-service.ts). */

export interface RenewalAccounts {
  client(accountId: string): Promise<VendorClient>;
  get(accountId: string): { id: string; vendor: VendorId; label: string };
}

export interface RenewalDeps {
  dataDir: string;
  accounts: RenewalAccounts;
  now?: () => Date;
  /** How long a price check may be confirmed (default 10 minutes). */
  quoteTtlMs?: number;
  /** Test seam: runs after the vendor call settles and before its outcome is recorded (simulate a crash). */
  afterSend?: (op: Operation) => void | Promise<void>;
}

export interface AccountQuote {
  accountId: string;
  accountLabel: string;
  vendor: VendorId;
  request: RenewRequest;
  /** Null when the price check failed (see blocked). */
  quote: RenewQuote | null;
  balance: Money | null;
  /** Plain reasons why this part cannot be confirmed; empty = fine. */
  blocked: string[];
}

export interface RenewalQuote {
  /** Confirm with this id; it works once and for a limited time. */
  quoteId: string;
  createdAt: string;
  expiresAt: string;
  accounts: AccountQuote[];
  /** Totals per currency (never mixed). */
  totals: Money[];
  /** All blocking reasons across accounts; non-empty = cannot confirm. */
  blocked: string[];
}

export interface RenewalProgress {
  operationId: string;
  accountId: string;
  target: { kind: string; id: string; label: string };
  state: ItemState;
  newExpiresAt: string | null;
  message: string | null;
}
export type OnProgress = (p: RenewalProgress) => void;

export interface ExecuteResult {
  batchId: string;
  operations: Operation[];
}
