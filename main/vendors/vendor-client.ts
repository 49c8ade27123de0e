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
import type { DropItem, OrderAddons, OrderIpTools, SignatureItem } from '../../preload/contract/order-tools';
import type {
  PurchaseCatalog,
  PurchaseEvidence,
  PurchaseRequest,
  VendorPurchaseAnswer,
  VendorPurchaseQuote,
} from '../../preload/contract/purchases';
import type {
  ResidentialForm,
  ResidentialLocations,
  ResidentialLocationsQuery,
  ResidentialRequest,
  ResidentialResult,
} from '../../preload/contract/residential';
import type { ServerMonitor, ServerSubUsers } from '../../preload/contract/servers';
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
  /**
   * Slots left on the whitelist a bare IP goes to, where the vendor's list answer says it
   * (VENDOR_FORM_RULES whitelist.maxEntries 'vendor'); null when it does not. Read before a bulk add.
   */
  whitelistRoom?(): Promise<number | null>;

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
  /** Thordata (capability 'serverMonitor'): CPU / memory / connections / bandwidth series of a server (S3). */
  serverMonitor?(serverId: string, q: MonitorQuery): Promise<ServerMonitor>;
  /** Thordata: the load balancer's series of a server (S4). */
  balancingMonitor?(serverId: string, q: MonitorQuery): Promise<ServerMonitor>;
  /** Thordata: the sub-users allowed on a server (S7) and the ones that could be added. */
  serverSubUsers?(serverId: string): Promise<ServerSubUsers>;
  /** Thordata: allow / remove a sub-user of the unlimited product on a server (S8 / S9; no money). */
  bindServerSubUser?(serverId: string, username: string): Promise<void>;
  unbindServerSubUser?(serverId: string, username: string): Promise<void>;
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
  /** ProxyShard: the add-ons of a DC/ISP order (p0f slots) with what is pending at the next renewal. */
  orderAddons?(orderId: string): Promise<OrderAddons>;
  /** ProxyShard: from the next renewal keep `nextQty` units of an add-on (no money moves now). */
  scheduleAddonDowngrade?(orderId: string, addonKey: string, nextQty: number): Promise<void>;
  /** ProxyShard: cancel a scheduled add-on downgrade. */
  cancelAddonSchedule?(orderId: string, addonKey: string): Promise<void>;
  /** Thordata: traffic redeem codes (CDK), list / one code / revoke (no money moves). */
  listCdks?(filter?: { status?: TrafficCodeStatus }): Promise<TrafficCodeList>;
  cdkInfo?(code: string): Promise<TrafficCode>;
  revokeCdk?(code: string): Promise<void>;

  // Buying (capability 'purchase', and 'addons' / 'serverUpgrade' / 'trafficCodesCreate' for the other
  // kinds): main/core/purchases runs quote → confirm → journal → send once → settle by reading.
  /** What can be bought now: products, locations with stock, cycles, options (payment methods…). */
  purchaseCatalog?(accountId: string): Promise<PurchaseCatalog>;
  /** The vendor's own price check where it has one (vendorQuoted); never moves money. */
  quotePurchase?(req: PurchaseRequest): Promise<VendorPurchaseQuote>;
  /**
   * Moves money (or traffic). Sent once, never retried; its outcome is decided by write-outcome.ts: a
   * documented refusal throws a VendorError (not uncertain); anything else after sending throws an
   * `uncertain` VendorError. Resolves only when the vendor said it was done.
   */
  purchase?(req: PurchaseRequest, opts: WriteOptions): Promise<VendorPurchaseAnswer>;
  /** Reads the vendor state this purchase changes (before sending, and to settle an unknown outcome). */
  purchaseEvidence?(req: PurchaseRequest): Promise<PurchaseEvidence>;

  // Residential endpoint generator (capability 'residential', issue 14 §2; <vendor>/residential.ts).
  // Reads only: no money moves. Extract answers are validated (host:port); gateway logins are built locally.
  /** What the vendor offers: modes, filters, sessions, logins, and (Thordata) the whitelist the extract link needs. */
  residentialForm?(): Promise<ResidentialForm>;
  /** One location list (countries, states of a country, cities, ASNs). */
  residentialOptions?(q: Omit<ResidentialLocationsQuery, 'accountId'>): Promise<ResidentialLocations>;
  /** The endpoints: extracted from the vendor (a read) or built as gateway logins. */
  generateResidential?(req: Omit<ResidentialRequest, 'accountId'>): Promise<ResidentialResult>;
}

/** A monitor window: ISO instants and seconds per point (60, 300, 3600, 86400). */
export interface MonitorQuery {
  from: string;
  to: string;
  period: number;
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
