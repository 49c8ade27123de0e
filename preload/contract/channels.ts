/**
 * The IPC channel map: every request channel, the zod schema of its arguments (a tuple) and the
 * type of its answer. The single source of truth imported by main (handlers, validation), preload
 * (channel names) and the renderer (types). Adding a channel here without a handler in main is a
 * type error there.
 */
import { z } from 'zod';
import {
  AssignmentCsvSchema,
  type AssignmentImportPreview,
  type BusinessView,
  CurrencyRatesSchema,
  CustomerInputSchema,
  CustomerRefSchema,
  ImportApplySchema,
  type ItemCost,
  ItemCostsQuerySchema,
  ItemsForgetSchema,
  ItemsUpdateSchema,
  MarginQuerySchema,
  type MarginReport,
  type RunwayReport,
  SpendQuerySchema,
  type SpendReport,
} from './business';
import type { ErrorCode } from './errors';
import { type HealthProgress, type HealthResult, HealthRunInputSchema, HealthRunRefSchema } from './health';
import {
  type AccountSnapshot,
  type Capability,
  type ConnectionCheck,
  type Money,
  type Order,
  type RenewPeriod,
  type SubUser,
  type TrafficSeries,
  VENDOR_IDS,
  type VendorId,
  type WhitelistEntry,
} from './model';
import {
  AddonCancelScheduleSchema,
  AddonScheduleSchema,
  BillingCycleChangeSchema,
  DropChangeSchema,
  type OrderAddons,
  type OrderIpTools,
  OrderTagChangeSchema,
  OrderToolRefSchema,
  SignatureChangeSchema,
} from './order-tools';
import type { WireSnapshot } from './proxy-columns';
import {
  type PurchaseBatchView,
  type PurchaseCatalog,
  PurchaseCatalogInputSchema,
  PurchaseConfirmationSchema,
  PurchaseQuoteInputSchema,
  type PurchaseQuoteView,
  type PurchaseRecordView,
  PurchaseRefSchema,
  PurchaseResolveSchema,
} from './purchases';
import {
  type AuditRowView,
  AutoRenewInputSchema,
  ConfirmationSchema,
  type ExecuteResultView,
  HoldRefSchema,
  type HoldView,
  OperationRefSchema,
  type OperationView,
  RenewalPeriodsInputSchema,
  type RenewalProgressView,
  type RenewalQuoteView,
  RenewalSelectionSchema,
  ResolveItemSchema,
} from './renewals';
import {
  type ResidentialForm,
  ResidentialFormQuerySchema,
  type ResidentialLocations,
  ResidentialLocationsQuerySchema,
  ResidentialRequestSchema,
  type ResidentialResult,
} from './residential';
import {
  AccountRefSchema,
  AddAccountInputSchema,
  ConnectionTestInputSchema,
  ProxyPasswordInputSchema,
  type ProxyServer,
  RenameAccountInputSchema,
  type Settings,
  SettingsPatchSchema,
  SubUserCreateSchema,
  SubUserRefSchema,
  SubUserUpdateSchema,
  TestCredentialsInputSchema,
  TrafficQuerySchema,
  WhitelistChangeSchema,
} from './schemas';
import {
  type RestartResult,
  type ServerMonitor,
  ServerMonitorInputSchema,
  ServerRefSchema,
  ServerSubUserChangeSchema,
  type ServerSubUsers,
} from './servers';
import { type TrafficCodeList, TrafficCodeListSchema, TrafficCodeRefSchema } from './traffic-codes';
import {
  type BackupInfo,
  BackupRefSchema,
  type RestoredBusiness,
  type UserDataExportResult,
  UserDataExportSchema,
  UserDataImportApplySchema,
  type UserDataImportPreview,
  UserDataImportPreviewSchema,
  type UserDataImportSummary,
} from './userdata';
import { type CredentialField, type RenewRule, VENDOR_PAGES, type VendorPage } from './vendors';
import {
  type BulkAccountPlan,
  type BulkAccountResult,
  type FollowIpAccountResult,
  type FollowIpPrompt,
  FollowIpRefSchema,
  FollowIpReplaceSchema,
  type PublicIp,
  WhitelistBulkInputSchema,
} from './whitelist-bulk';

export interface KeychainStatus {
  available: boolean;
  /** Plain words when unavailable: what is wrong and what to do. */
  message: string | null;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** True while only demo accounts exist. */
  demo: boolean;
  keychain: KeychainStatus;
  /** Problems found with stored files at start (moved aside, migrated), in plain words. */
  notices: string[];
}

export interface AccountSummary {
  id: string;
  vendor: VendorId;
  label: string;
  createdAt: string;
  lastRefreshAt: string | null;
  /** Demo accounts talk to the built-in simulators and can be removed like any other. */
  demo: boolean;
  /** e.g. "••••a1b2" — enough to tell keys apart, never the key. Null for short keys. */
  credentialHint: string | null;
  /** Why the last refresh failed, in plain words, with its code; null after a good refresh. */
  lastError: { code: ErrorCode; message: string; at: string } | null;
}

/** One account's snapshot and its version. `snapshot` absent: unchanged from the version you hold; null: none. */
export interface SnapshotVersion {
  accountId: string;
  version: number;
  /** Its IPs as columns (proxy-columns.ts); omitted = the version the caller holds; null = none. */
  snapshot?: WireSnapshot | null;
}

export interface VendorSummary {
  id: VendorId;
  name: string;
  website: string;
  fields: CredentialField[];
  capabilities: Capability[];
  /** See VendorInfo.naiveTime: 'vendor' = shown as the vendor's own wall-clock time. */
  naiveTime: 'utc' | 'vendor';
  /** See VendorInfo.renewal: how each kind of item is renewed (the renew flow explains the rest). */
  renewal: Record<'order' | 'ip' | 'server', RenewRule>;
  /** See VendorInfo.holdDays: days an ended item stays on hold and renewable; absent = not stated. */
  holdDays?: number;
  /** Which of the vendor's pages exist (their URLs stay in main: 'app:openVendorPage'). */
  pages: VendorPage[];
}

/** The way one request went out: straight to the vendor, or through a proxy (from the settings or the system's). */
export type RouteView =
  | { kind: 'direct'; source: 'settings' | 'system' }
  | { kind: 'proxy'; source: 'settings' | 'system'; protocol: ProxyServer['protocol']; host: string; port: number };

/** Why a vendor could not be reached (the renderer words each one; `message` is main's English). */
export type ConnectionProblem =
  | 'proxy_unreachable'
  | 'proxy_auth'
  | 'proxy_refused'
  | 'system_unusable'
  | 'vendor_unreachable'
  | 'timeout';

export type ConnectionReason = 'refused' | 'not_found' | 'unreachable' | 'timeout' | 'closed';

export interface ConnectionTestItem {
  vendor: VendorId;
  /** The API origin tried (a simulator's in demo mode). */
  origin: string;
  ok: boolean;
  /** The route tried; null when none could be decided (the system setting could not be read). */
  route: RouteView | null;
  ms: number;
  problem: ConnectionProblem | null;
  /** With proxy_unreachable and vendor_unreachable: why the connection failed. */
  reason?: ConnectionReason;
  /** Plain English: "Reached Thordata through the proxy 10.0.0.2:1080 (SOCKS5) in 120 ms". */
  message: string;
}

export interface ConnectionTestResult {
  items: ConnectionTestItem[];
}

export const requestSchemas = {
  'app:info': z.tuple([]),
  'app:openVendorPage': z.tuple([z.object({ vendor: z.enum(VENDOR_IDS), page: z.enum(VENDOR_PAGES) }).strict()]),
  'vendors:list': z.tuple([]),
  'accounts:list': z.tuple([]),
  'accounts:add': z.tuple([AddAccountInputSchema]),
  'accounts:rename': z.tuple([RenameAccountInputSchema]),
  'accounts:remove': z.tuple([AccountRefSchema]),
  'accounts:test': z.tuple([AccountRefSchema]),
  'accounts:testCredentials': z.tuple([TestCredentialsInputSchema]),
  'snapshots:list': z.tuple([]),
  /**
   * Snapshots by account (ids omitted = every account), each with its version; an account whose
   * version the caller already holds (`known`) comes back without its snapshot (nothing re-sent).
   */
  'snapshots:get': z.tuple([
    z
      .object({
        ids: z.array(z.string().uuid()).max(500).optional(),
        known: z.record(z.string().uuid(), z.number().int().nonnegative()).optional(),
      })
      .strict(),
  ]),
  'accounts:refresh': z.tuple([z.object({ ids: z.array(z.string().uuid()).max(500).optional() }).strict()]),
  'settings:get': z.tuple([]),
  'settings:update': z.tuple([SettingsPatchSchema]),
  /** The proxy password (issue 13 §7): only whether one is kept; it never leaves main. */
  'settings:proxyPassword': z.tuple([]),
  'settings:setProxyPassword': z.tuple([ProxyPasswordInputSchema]),
  /** Tries each vendor's API origin through the connection on screen (maybe unsaved). */
  'settings:testConnection': z.tuple([ConnectionTestInputSchema]),
  'whitelist:add': z.tuple([WhitelistChangeSchema]),
  'whitelist:remove': z.tuple([WhitelistChangeSchema]),
  'subusers:create': z.tuple([SubUserCreateSchema]),
  'subusers:update': z.tuple([SubUserUpdateSchema]),
  'subusers:delete': z.tuple([SubUserRefSchema]),
  'traffic:get': z.tuple([TrafficQuerySchema]),
  /** A vendor's own order tools (order-tools.ts), each gated by its capability. */
  'orders:close': z.tuple([OrderToolRefSchema]),
  'orders:ips': z.tuple([OrderToolRefSchema]),
  'orders:setSignatures': z.tuple([SignatureChangeSchema]),
  'orders:dropAtRenewal': z.tuple([DropChangeSchema]),
  /** Thordata traffic redeem codes (traffic-codes.ts): read when asked, revoke sent once. */
  'trafficCodes:list': z.tuple([TrafficCodeListSchema]),
  'trafficCodes:revoke': z.tuple([TrafficCodeRefSchema]),
  /** Residential endpoint generator (residential.ts): reads and local building only, no money moves. */
  'residential:form': z.tuple([ResidentialFormQuerySchema]),
  'residential:locations': z.tuple([ResidentialLocationsQuerySchema]),
  'residential:generate': z.tuple([ResidentialRequestSchema]),
  /** Thordata unlimited servers (servers.ts): monitors read when asked; restart and bind/unbind sent once. */
  'servers:monitor': z.tuple([ServerMonitorInputSchema]),
  'servers:balancing': z.tuple([ServerMonitorInputSchema]),
  'servers:restart': z.tuple([ServerRefSchema]),
  'servers:subUsers': z.tuple([ServerRefSchema]),
  'servers:bind': z.tuple([ServerSubUserChangeSchema]),
  'servers:unbind': z.tuple([ServerSubUserChangeSchema]),
  'orders:setTag': z.tuple([OrderTagChangeSchema]),
  'orders:changeCycle': z.tuple([BillingCycleChangeSchema]),
  /** ProxyShard p0f add-ons of a DC/ISP order: read, downgrade at the next renewal, cancel it (no money). */
  'orders:addons': z.tuple([OrderToolRefSchema]),
  'orders:scheduleAddon': z.tuple([AddonScheduleSchema]),
  'orders:cancelAddonSchedule': z.tuple([AddonCancelScheduleSchema]),
  'renewals:periods': z.tuple([RenewalPeriodsInputSchema]),
  'renewals:quote': z.tuple([z.array(RenewalSelectionSchema).min(1).max(200)]),
  'renewals:execute': z.tuple([ConfirmationSchema]),
  'renewals:operations': z.tuple([]),
  'renewals:reconcile': z.tuple([OperationRefSchema]),
  'renewals:retry': z.tuple([OperationRefSchema]),
  'renewals:autoRenew': z.tuple([AutoRenewInputSchema]),
  'renewals:resolve': z.tuple([ResolveItemSchema]),
  'renewals:holds': z.tuple([]),
  'renewals:releaseHold': z.tuple([HoldRefSchema]),
  'audit:list': z.tuple([]),
  'audit:csv': z.tuple([]),
  /** Buying (purchases.ts): catalog → the vendor's price check → confirm the exact totals once. */
  'purchases:catalog': z.tuple([PurchaseCatalogInputSchema]),
  'purchases:quote': z.tuple([PurchaseQuoteInputSchema]),
  'purchases:confirm': z.tuple([PurchaseConfirmationSchema]),
  'purchases:list': z.tuple([]),
  'purchases:reconcile': z.tuple([PurchaseRefSchema]),
  'purchases:resolve': z.tuple([PurchaseResolveSchema]),
  /** Settings: show the next expiry reminder now, as a desktop notification (issue 11). */
  'reminders:test': z.tuple([]),
  /** The reseller's customers, sell prices, keep marks and rates (business.ts, issue 16). */
  'business:get': z.tuple([]),
  'customers:save': z.tuple([CustomerInputSchema]),
  'customers:delete': z.tuple([CustomerRefSchema]),
  'items:update': z.tuple([ItemsUpdateSchema]),
  'items:forget': z.tuple([ItemsForgetSchema]),
  'items:importPreview': z.tuple([AssignmentCsvSchema]),
  'items:importApply': z.tuple([ImportApplySchema]),
  'rates:set': z.tuple([CurrencyRatesSchema]),
  /** Reports over local data only (issue 16 §2–4): margin, spending, balance runway, and each as CSV. */
  'reports:margin': z.tuple([MarginQuerySchema]),
  'reports:spend': z.tuple([SpendQuerySchema]),
  'reports:runway': z.tuple([]),
  /** Each item's cost per month and where it came from (a customer's page). */
  'reports:itemCosts': z.tuple([ItemCostsQuerySchema]),
  'reports:csv': z.tuple([
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('margin'), query: MarginQuerySchema }).strict(),
      z.object({ kind: z.literal('spend'), query: SpendQuerySchema }).strict(),
      z.object({ kind: z.literal('runway'), query: z.object({}).strict().optional() }).strict(),
    ]),
  ]),
  /** Backups and the export / import of all local user data (userdata.ts); keys never come back out. */
  'backups:list': z.tuple([]),
  'backups:restore': z.tuple([BackupRefSchema]),
  'userdata:export': z.tuple([UserDataExportSchema]),
  'userdata:importPreview': z.tuple([UserDataImportPreviewSchema]),
  'userdata:importApply': z.tuple([UserDataImportApplySchema]),
  /** Proxy health check (health.ts, issue 15 §3): through each item to the check URL; progress as events. */
  'health:run': z.tuple([HealthRunInputSchema]),
  'health:cancel': z.tuple([HealthRunRefSchema]),
  'health:results': z.tuple([]),
  /** Whitelist once for many accounts (whitelist-bulk.ts, issue 15 §2). */
  'publicIp:get': z.tuple([]),
  'whitelist:bulkCheck': z.tuple([WhitelistBulkInputSchema]),
  'whitelist:bulkAdd': z.tuple([WhitelistBulkInputSchema]),
  'followIp:pending': z.tuple([]),
  'followIp:dismiss': z.tuple([FollowIpRefSchema]),
  'followIp:replace': z.tuple([FollowIpReplaceSchema]),
} as const;

export type Channel = keyof typeof requestSchemas;
export const CHANNELS = Object.keys(requestSchemas) as Channel[];

export interface ChannelResponses {
  'app:info': AppInfo;
  /** opened: the shell opened it in the system browser; false (browser host): the window opens `url` itself. */
  'app:openVendorPage': { url: string; opened: boolean };
  'vendors:list': VendorSummary[];
  'accounts:list': AccountSummary[];
  'accounts:add': AccountSummary;
  'accounts:rename': AccountSummary;
  'accounts:remove': { id: string };
  'accounts:test': ConnectionCheck;
  'accounts:testCredentials': ConnectionCheck;
  'snapshots:list': AccountSnapshot[];
  'snapshots:get': SnapshotVersion[];
  'accounts:refresh': { started: string[] };
  'settings:get': Settings;
  'settings:update': Settings;
  'settings:proxyPassword': { hasPassword: boolean };
  'settings:setProxyPassword': { hasPassword: boolean };
  'settings:testConnection': ConnectionTestResult;
  /** Write answers carry the account's refreshed list, so views update at once. */
  'whitelist:add': WhitelistEntry[];
  'whitelist:remove': WhitelistEntry[];
  'subusers:create': SubUser[];
  'subusers:update': SubUser[];
  'subusers:delete': SubUser[];
  'traffic:get': TrafficSeries[];
  'orders:close': { ok: true };
  /** Read from the vendor when asked (not kept in the snapshot). */
  'orders:ips': OrderIpTools;
  'orders:setSignatures': OrderIpTools;
  'orders:dropAtRenewal': OrderIpTools;
  'trafficCodes:list': TrafficCodeList;
  /** The list read after the revoke. */
  'trafficCodes:revoke': TrafficCodeList;
  'residential:form': ResidentialForm;
  'residential:locations': ResidentialLocations;
  /** Gateway lines carry the proxy password: shown masked, copied/exported only on the user's action. */
  'residential:generate': ResidentialResult;
  'servers:monitor': ServerMonitor;
  'servers:balancing': ServerMonitor;
  'servers:restart': RestartResult;
  'servers:subUsers': ServerSubUsers;
  /** The server's sub-users read after the change. */
  'servers:bind': ServerSubUsers;
  'servers:unbind': ServerSubUsers;
  /** The order as the vendor reads it after the change. */
  'orders:setTag': Order;
  /** nextPrice: the vendor's price for the new cycle, from its answer (null when settled by reading). */
  'orders:changeCycle': { order: Order; nextPrice: Money | null };
  /** Read from the vendor when asked; the writes answer with the add-ons read after them. */
  'orders:addons': OrderAddons;
  'orders:scheduleAddon': OrderAddons;
  'orders:cancelAddonSchedule': OrderAddons;
  'renewals:periods': RenewPeriod[];
  'renewals:quote': RenewalQuoteView;
  'renewals:execute': ExecuteResultView;
  'renewals:operations': OperationView[];
  'renewals:reconcile': OperationView;
  'renewals:retry': ExecuteResultView;
  'renewals:autoRenew': { ok: true };
  'renewals:resolve': OperationView;
  'renewals:holds': HoldView[];
  'renewals:releaseHold': HoldView[];
  /** Every audit row, and how many lines of the log file could not be read (shown in Activity). */
  'audit:list': { rows: AuditRowView[]; damagedLines: number };
  /** The audit log as CSV text (header row, RFC-4180 quoting). */
  'audit:csv': string;
  'purchases:catalog': PurchaseCatalog;
  'purchases:quote': PurchaseQuoteView;
  'purchases:confirm': PurchaseBatchView;
  /** Every purchase in the journal (and damaged records still blocking, as 'uncertain'). */
  'purchases:list': PurchaseRecordView[];
  'purchases:reconcile': PurchaseRecordView;
  'purchases:resolve': PurchaseRecordView;
  /** The test reminder that was sent (also pushed as a 'reminder' event), in the app's language. */
  'reminders:test': { title: string; body: string };
  'business:get': BusinessView;
  'customers:save': BusinessView;
  /** The customer's items lose it and keep their own price and keep mark. */
  'customers:delete': BusinessView;
  'items:update': BusinessView;
  'items:forget': BusinessView;
  /** Nothing is applied: apply with the preview id (once, within 10 minutes). */
  'items:importPreview': AssignmentImportPreview;
  'items:importApply': BusinessView;
  'rates:set': BusinessView;
  'reports:margin': MarginReport;
  'reports:spend': SpendReport;
  'reports:runway': RunwayReport;
  /** In the order asked, one per item. */
  'reports:itemCosts': ItemCost[];
  /** e.g. proxydeck-margin-2026-11.csv; saved by the renderer (renderer/lib/download.ts). */
  'reports:csv': { fileName: string; content: string };
  /** Good backups of the business data, newest first. */
  'backups:list': BackupInfo[];
  'backups:restore': RestoredBusiness;
  'userdata:export': UserDataExportResult;
  'userdata:importPreview': UserDataImportPreview;
  'userdata:importApply': UserDataImportSummary;
  /** Results come as 'health-progress' events. */
  'health:run': { runId: string };
  'health:cancel': { ok: true };
  /** The last result per item, kept on disk. */
  'health:results': HealthResult[];
  /** The computer's public IP as the vendors see it (through the "Connect to vendors" route). */
  'publicIp:get': PublicIp;
  /** Per account, per line: what would be sent and why the rest would not (nothing is sent). */
  'whitelist:bulkCheck': BulkAccountPlan[];
  'whitelist:bulkAdd': BulkAccountResult[];
  'followIp:pending': FollowIpPrompt | null;
  'followIp:dismiss': { ok: true };
  'followIp:replace': FollowIpAccountResult[];
}

export type ChannelArgs<C extends Channel> = z.input<(typeof requestSchemas)[C]>;

/** Events main pushes to the renderer (one channel, a tagged union). */
export type AppEvent =
  | { type: 'accounts-changed' }
  | {
      type: 'refresh-progress';
      accountId: string;
      state: 'running' | 'done' | 'failed';
      message?: string;
      code?: ErrorCode;
    }
  /** `version`: the account's snapshot version now (see 'snapshots:get'): fetch it only if yours differs. */
  | { type: 'snapshot-updated'; accountId: string; version: number }
  | { type: 'settings-changed' }
  /** AppInfo.notices changed while running (e.g. the disk filled up, or saving works again): reload them. */
  | { type: 'notices-changed' }
  /** The business data (customers, prices, keep, rates) changed: get it again ('business:get'). */
  | { type: 'business-changed' }
  | { type: 'renewal-progress'; progress: RenewalProgressView }
  /** A purchase changed state (sending, done, failed, uncertain). */
  | { type: 'purchase-progress'; record: PurchaseRecordView }
  /** A health check run moved on (batched: at most ~10 a second); `results` are the ones since the last. */
  | { type: 'health-progress'; progress: HealthProgress }
  /** "Follow my IP": the public IP changed and some accounts list the old one (told once per change). */
  | { type: 'public-ip-changed'; prompt: FollowIpPrompt }
  /**
   * An expiry reminder (each item told once per expiry, at its most urgent threshold; one per account, or one
   * summary over several accounts with `accountId` '' and `itemIds` `${accountId}|${id}`); the shell shows it
   * as a notification.
   */
  | {
      type: 'reminder';
      reminder: {
        key: string;
        accountId: string;
        title: string;
        body: string;
        itemIds: string[];
        thresholdDays: number;
      };
    }
  /**
   * Asks the window to show a view (e.g. after a notification click: the IPs view filtered to items).
   * `accountId` '' (a summary over several accounts): `itemIds` are `${accountId}|${id}`.
   */
  | { type: 'open-view'; view: 'ips'; accountId: string; itemIds: string[] };
