/**
 * One interface for every vendor. Each vendor implements it once (main/vendors/<vendor>/) and
 * declares its capabilities; methods outside a vendor's capabilities throw `not_supported`.
 * Everything returned is the normalized model (preload/contract/model.ts).
 */
import type {
  AccountSnapshot,
  Balance,
  Capability,
  ConnectionCheck,
  Money,
  Order,
  ProxyEndpoint,
  RenewPeriod,
  RenewQuote,
  RenewRequest,
  RenewResult,
  SubUser,
  TrafficSeries,
  UnlimitedServer,
  VendorId,
  WhitelistEntry,
} from '../../preload/contract/model';
import type { DropItem, OrderIpTools, SignatureItem } from '../../preload/contract/order-tools';
import type { TrafficCode, TrafficCodeList, TrafficCodeStatus } from '../../preload/contract/traffic-codes';
import type { Credentials } from '../../preload/contract/vendors';
import type { TransportLog, TransportOptions } from './http/transport';

export interface TrafficQuery {
  /** Inclusive, `YYYY-MM-DD` (UTC). */
  from: string;
  to: string;
  granularity: 'day' | 'hour';
  /** Null/undefined = main account; otherwise one sub-user (id as in SubUser.id). */
  subUserId?: string | null;
}

export interface SubUserInput {
  username: string;
  password: string;
  /** Traffic limit in bytes; null = unlimited. Clients round to the vendor's unit (and say so). */
  limitBytes: number | null;
  note?: string | null;
}

export interface SubUserPatch {
  password?: string;
  limitBytes?: number | null;
  status?: 'active' | 'disabled';
  note?: string | null;
}

export interface AutoRenewTarget {
  kind: 'order' | 'ip';
  ids: string[];
  enabled: boolean;
  /** Period used for automatic renewals where the vendor needs one (YouProxy). */
  periodId?: string;
}

/** Options to write calls that move money: the client request id travels with the journal. */
export interface WriteOptions {
  /** Stable id of this money operation (journal); vendors without idempotency keys ignore it. */
  requestId: string;
  signal?: AbortSignal;
}

export interface VendorClient {
  readonly vendor: VendorId;
  readonly capabilities: ReadonlySet<Capability>;

  /** A cheap authenticated read; says in plain words whether the key works. Never throws. */
  testConnection(): Promise<ConnectionCheck>;

  getBalance(): Promise<Balance>;
  listOrders(): Promise<Order[]>;
  listProxies(): Promise<ProxyEndpoint[]>;
  listUnlimitedServers(): Promise<UnlimitedServer[]>;
  getTraffic(q: TrafficQuery): Promise<TrafficSeries[]>;

  listWhitelist(): Promise<WhitelistEntry[]>;
  addWhitelist(ips: string[]): Promise<void>;
  /** BestProxy requires a verification code for removals; pass it in `verifyCode`. */
  removeWhitelist(ips: string[], opts?: { verifyCode?: string; verifyType?: string }): Promise<void>;

  listSubUsers(): Promise<SubUser[]>;
  createSubUser(input: SubUserInput): Promise<SubUser | null>;
  updateSubUser(id: string, patch: SubUserPatch): Promise<void>;
  deleteSubUser(id: string): Promise<void>;

  /** Periods (and vendor options such as payment methods) offered for renewing these targets. */
  renewalPeriods(kind: 'order' | 'ip' | 'server'): Promise<RenewPeriod[]>;
  /** Price check before any money moves: the vendor's own endpoint where it has one (vendorQuoted). */
  quoteRenewal(req: RenewRequest): Promise<RenewQuote>;
  /**
   * Moves money. Never retried by the transport. Each item says its own outcome ('applied', 'refused',
   * 'unknown'), decided by the write outcome rule (write-outcome.ts); a thrown `uncertain` error means
   * every item is unknown. Unknown items must be reconciled by reading state.
   */
  renew(req: RenewRequest, opts: WriteOptions): Promise<RenewResult>;
  setAutoRenew(target: AutoRenewTarget): Promise<void>;

  /**
   * A view of this client for one refresh: reads made through it share requests between sections (the
   * same list is read once for orders and IPs). Use it for one snapshot and drop it; never for writes
   * or for reads that must follow a write (they would get a read made before it).
   */
  snapshotReader?(): VendorClient;

  // Vendor-specific operations, gated by capabilities.
  /** ProxyShard: set or clear an order's tag. */
  setOrderTag?(orderId: string, tag: string | null): Promise<void>;
  /**
   * ProxyShard: change the billing cycle of an order (nothing is charged). Resolves to the price the
   * vendor's answer gives for the new cycle (its `final_price`), or null when the answer has none.
   */
  changeBillingCycle?(orderId: string, cycle: string): Promise<Money | null>;
  /** ProxyShard: add-on price check and purchase (p0f slots). */
  quoteAddon?(
    orderId: string,
    addonKey: string,
    qty: number,
  ): Promise<{ total: Money; details: Record<string, string> }>;
  purchaseAddon?(orderId: string, addonKey: string, qty: number, opts: WriteOptions): Promise<void>;
  /** Thordata: restart an unlimited server. */
  restartServer?(serverId: string): Promise<void>;
  /** Thordata: upgrade an unlimited server (paid). */
  upgradeServer?(serverId: string, planId: string, opts: WriteOptions): Promise<void>;
  /** BestProxy: close (cancel) an unpaid order. */
  closeOrder?(orderId: string): Promise<void>;
  /** ProxyShard: the IPs of a DC/ISP order with their p0f signature, and the order's p0f slots. */
  orderIpTools?(orderId: string): Promise<OrderIpTools>;
  /** ProxyShard: set the p0f OS signature of IPs of a DC/ISP order (each newly signed IP takes a slot). */
  setSignatures?(orderId: string, items: SignatureItem[]): Promise<void>;
  /** ProxyShard: mark IPs of a DC/ISP order to be dropped (or kept) at its next renewal. */
  setDropAtRenewal?(orderId: string, items: DropItem[]): Promise<void>;
  /** Thordata: traffic redeem codes (CDK), list / one code / revoke (no money moves). */
  listCdks?(filter?: { status?: TrafficCodeStatus }): Promise<TrafficCodeList>;
  cdkInfo?(code: string): Promise<TrafficCode>;
  revokeCdk?(code: string): Promise<void>;
}

export interface ClientOptions {
  credentials: Credentials;
  /** Overrides the vendor's production base URL (simulators, demo mode, tests). */
  baseUrl?: string;
  log?: TransportLog;
  /** The clock for "now" (expiry left, traffic windows). Tests share one clock with the simulator. */
  now?: () => Date;
  /** Passed through to the transport (tests shorten timeouts and retries). */
  transport?: Partial<Pick<TransportOptions, 'timeouts' | 'retry' | 'concurrency' | 'sleep' | 'dispatcher'>>;
}

export interface VendorModule {
  vendor: VendorId;
  capabilities: ReadonlySet<Capability>;
  /** Validates the credential object's shape (fields present and plausible); returns a plain message or null. */
  checkCredentials(c: Credentials): string | null;
  create(opts: ClientOptions): VendorClient;
}

/** Convenience for refresh: fetch everything the capabilities allow into one snapshot. */
export type SnapshotSections = Omit<AccountSnapshot, 'accountId' | 'fetchedAt' | 'errors'>;
