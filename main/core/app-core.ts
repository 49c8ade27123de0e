import { join } from 'node:path';
import type { AppInfo, VendorSummary } from '../../preload/contract/channels';
import { VENDOR_IDS, type VendorId } from '../../preload/contract/model';
import { SettingsSchema } from '../../preload/contract/schemas';
import { VENDORS, type VendorPage } from '../../preload/contract/vendors';
import type { SystemProxyResolver } from '../vendors/http/route';
import type { ClientOptions } from '../vendors/vendor-client';
import { AccountsService, type VendorRegistry } from './accounts/accounts-service';
import { BusinessStore } from './business/business-store';
import { RunwayReminder } from './business/runway-reminder';
import { DEMO_LABELS, type DemoEnvironment } from './demo/demo-environment';
import { EventHub } from './events';
import { HealthResultsStore } from './health/results-store';
import { HealthRunService } from './health/run-service';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import type { AppLogger } from './logging/logger';
import { ConnectionService, connectionHandlers } from './network/connection-service';
import { accountOperations } from './operations/account-operations';
import { businessHandlers } from './operations/business-handlers';
import { healthHandlers } from './operations/health-handlers';
import { orderTools } from './operations/order-tools';
import { purchaseHandlers } from './operations/purchase-handlers';
import { renewalHandlers } from './operations/renewal-handlers';
import { type ReportSources, reportsBuilder, reportsHandlers } from './operations/reports-handlers';
import { residential } from './operations/residential';
import { serverHandlers } from './operations/servers';
import { trafficCodes } from './operations/traffic-codes';
import { userDataHandlers } from './operations/userdata-handlers';
import { whitelistBulkHandlers } from './operations/whitelist-bulk';
import { PurchaseService } from './purchases/purchase-service';
import { RefreshService } from './refresh/refresh-service';
import { RefreshScheduler } from './refresh/scheduler';
import { ReminderRunner } from './renewals/reminder-runner';
import { RenewalService } from './renewals/renewal-service';
import { PasswordCodec } from './secrets/snapshot-codec';
import { isSafeExternalUrl } from './security/urls';
import { AppStore } from './store/app-store';
import { type DiskHealth, diskHealth, isDiskError, releaseDiskHealth } from './store/disk-health';
import type { BackendCtor } from './store/open-file';
import { ensurePrivateDir, tightenTree } from './store/private-files';
import { SnapshotStore } from './store/snapshot-store';
import type { Vault } from './vault/vault';

export interface CoreOptions {
  /** Folder for settings and snapshots (Electron: app.getPath('userData')). */
  dataDir: string;
  /** electron-store in Electron, conf in plain Node. */
  Backend: BackendCtor;
  vault: Vault;
  vendors: VendorRegistry;
  version: string;
  platform?: string;
  /** Built-in simulators for demo mode; omitted = no demo. */
  demo?: DemoEnvironment;
  /** Point every account of a vendor at another base URL (tests against simulators). */
  baseUrls?: Partial<Record<VendorId, string>>;
  log?: AppLogger;
  now?: () => Date;
  /** Transport tuning for every vendor client (tests shorten deadlines and retries). */
  transport?: ClientOptions['transport'];
  /** More notices to show while running (the process guard's). */
  guard?: NoticeSource;
  /** Opens a vendor page in the system browser (Electron's shell.openExternal); omitted = the window opens it. */
  openExternal?: (url: string) => Promise<void>;
  /** The system proxy for a URL (Electron's session.resolveProxy); omitted = HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  resolveSystemProxy?: SystemProxyResolver;
}

/** Something with notices that can change while the app runs. */
export interface NoticeSource {
  notices(): string[];
  onChange(listener: () => void): () => void;
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventHub;
  accounts: AccountsService;
  refresh: RefreshService;
  renewals: RenewalService;
  purchases: PurchaseService;
  reminders: ReminderRunner;
  store: AppStore;
  /** The reseller's customers, prices, keep marks and rates (issue 16): one per data folder. */
  business: BusinessStore;
  /** Saves the disk refused, retried until they get through (and the notice they show). */
  disk: DiskHealth;
  shutdown(): Promise<void>;
}

/**
 * Composes the app: store, vault, accounts, refresh, demo, and the IPC handlers over them.
 * No electron import here: the Electron shell and the browser host both wrap this.
 */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const now = opts.now ?? (() => new Date());
  const log = opts.log;
  const events = new EventHub();
  // Private data folder: 0700 folders, 0600 files, also for what older versions wrote (0644 / 0755).
  try {
    ensurePrivateDir(opts.dataDir);
  } catch (e) {
    if (!isDiskError(e)) throw e; // read-only or missing: the app runs from memory and says so
  }
  tightenTree(opts.dataDir);
  const disk = diskHealth(opts.dataDir);
  if (log) disk.log = log;
  const noticesChanged = () => events.emit({ type: 'notices-changed' });
  const offs = [disk.onChange(noticesChanged), ...(opts.guard ? [opts.guard.onChange(noticesChanged)] : [])];
  const store = new AppStore(opts.dataDir, opts.Backend, now, disk);
  const business = new BusinessStore({ dataDir: opts.dataDir, now });
  let businessNotices = business.notices().join('\n');
  offs.push(
    business.onChange(() => {
      events.emit({ type: 'business-changed' });
      // A restore or import clears the "damaged file" notice: the app's notices change too.
      const text = business.notices().join('\n');
      if (text !== businessNotices) noticesChanged();
      businessNotices = text;
    }),
  );
  // Proxy passwords are sealed on disk with a key kept in the keychain (memory only without one).
  const passwords = new PasswordCodec();
  await passwords.init(opts.vault);
  const snapshots = new SnapshotStore(opts.dataDir, opts.Backend, disk, passwords);
  // Every saved snapshot is read into memory now, asynchronously: the window's first answer is ready.
  void snapshots.ready();
  // In the background: files are scanned (not parsed) for plain passwords; shutdown waits for it.
  if (passwords.sealing)
    void snapshots.sealPlaintext().catch((e: unknown) => {
      log?.warn({ err: e instanceof Error ? e.message : String(e) }, 'sealing old snapshots failed');
    });
  const accounts = new AccountsService({
    store,
    snapshots,
    vault: opts.vault,
    vendors: opts.vendors,
    demo: opts.demo,
    ...(opts.baseUrls ? { baseUrls: opts.baseUrls } : {}),
    ...(log ? { log } : {}),
    ...(opts.transport ? { transport: opts.transport } : {}),
    now,
  });
  // "Connect to vendors": the route is in force before any vendor request (demo and refresh below).
  const connection = new ConnectionService({
    vault: opts.vault,
    settings: () => store.settings().connection,
    accounts: () => accounts.list(),
    vendors: VENDOR_IDS.filter((v) => opts.vendors[v]),
    ...(opts.demo ? { demoBaseUrl: (v: VendorId) => opts.demo?.baseUrl(v) ?? null } : {}),
    ...(opts.baseUrls ? { baseUrls: opts.baseUrls } : {}),
    ...(opts.resolveSystemProxy ? { resolveSystemProxy: opts.resolveSystemProxy } : {}),
    ...(log ? { log } : {}),
  });
  await connection.init();
  const refresh = new RefreshService(accounts, snapshots, events, now);
  const renewals = new RenewalService({ dataDir: opts.dataDir, accounts, now });
  // Buying: its own journal, the same audit log (one file, one writer) and a refresh after each purchase.
  const purchases = new PurchaseService({ dataDir: opts.dataDir, accounts, audit: renewals.audit, refresh, now });
  // Reports (issue 16 §2–4) read local data only: the business file, snapshots, journals and the audit log.
  const reportSources: ReportSources = {
    business: () => business.get(),
    accounts: () => accounts.list(),
    snapshots: () => refresh.list(),
    capabilities: (v) => opts.vendors[v]?.capabilities ?? new Set(),
    operations: () => renewals.journal.list(),
    audit: () => renewals.audit.list(),
    purchases: () => purchases.journal.list(),
    runwayDays: () => store.settings().runwayDays,
    now,
  };
  const runwayReminder = new RunwayReminder(opts.dataDir, {
    events,
    report: () => reportsBuilder(reportSources).runway(),
    accounts: () => accounts.list(),
    alertDays: () => store.settings().runwayAlertDays,
    language: () => store.settings().language,
    now,
    disk,
  });
  const reminders = new ReminderRunner(opts.dataDir, {
    events,
    snapshots: () => refresh.list(),
    accounts: () => accounts.list(),
    thresholds: () => store.settings().reminderDays,
    language: () => store.settings().language,
    now,
    runway: runwayReminder,
  });
  events.on((e) => {
    if (e.type === 'refresh-progress' && e.state === 'done') reminders.schedule();
    // "Keep" marks change the committed renewals: the runway reminder checks again (expiry ones repeat nothing).
    if (e.type === 'business-changed') reminders.schedule();
    if (e.type === 'settings-changed' || e.type === 'accounts-changed') reminders.updateDueSoon();
  });

  // Demo mode: the simulators run while demo accounts exist, and are created on a first start.
  if (opts.demo) {
    const existing = store.accounts();
    const firstStart = existing.length === 0 && !store.demoDismissed();
    if (firstStart || existing.some((a) => a.demo)) {
      await opts.demo.start();
      if (firstStart) for (const v of VENDOR_IDS) if (opts.vendors[v]) accounts.addDemo(v, DEMO_LABELS[v]);
    }
  }

  // Each refresh first tries again whatever the disk refused earlier (besides DiskHealth's own timer).
  const scheduler = new RefreshScheduler(() => {
    disk.retryNow();
    refresh.start();
  });
  scheduler.apply(store.settings().refreshIntervalMin);

  const changed = () => events.emit({ type: 'accounts-changed' });

  // Proxy health check (issue 15 §3): results kept in <dataDir>/health.json; demo IPs go to local proxies.
  const healthResults = new HealthResultsStore(opts.dataDir, now);
  const health = new HealthRunService({
    store: healthResults,
    emit: (progress) => events.emit({ type: 'health-progress', progress }),
    settings: () => store.settings().health,
    account: (id) => accounts.get(id),
    snapshot: (id) => snapshots.get(id),
    capabilities: (v) => opts.vendors[v]?.capabilities ?? new Set(),
    ...(opts.demo ? { demoRoute: (p, i) => opts.demo?.health.route(p, i) ?? null } : {}),
    now,
  });

  const handlers: Handlers = {
    'app:info': async (): Promise<AppInfo> => {
      const list = accounts.list();
      return {
        name: 'Proxydeck',
        version: opts.version,
        platform: opts.platform ?? process.platform,
        demo: list.length > 0 && list.every((a) => a.demo),
        keychain: await opts.vault.status(),
        notices: [
          ...disk.notices(),
          ...store.notices,
          ...business.notices(),
          ...snapshots.notices,
          ...renewals.notices(),
          ...purchases.notices(),
          ...reminders.notices,
          ...healthResults.notices,
          ...(opts.guard?.notices() ?? []),
        ],
      };
    },
    'vendors:list': (): VendorSummary[] =>
      VENDOR_IDS.map((id) => ({
        id,
        name: VENDORS[id].name,
        website: VENDORS[id].website,
        fields: VENDORS[id].fields,
        capabilities: [...(opts.vendors[id]?.capabilities ?? [])],
        naiveTime: VENDORS[id].naiveTime,
        renewal: VENDORS[id].renewal,
        ...(VENDORS[id].holdDays !== undefined ? { holdDays: VENDORS[id].holdDays } : {}),
        pages: Object.keys(VENDORS[id].pages) as VendorPage[],
      })),
    'app:openVendorPage': async ({ vendor, page }) => {
      // The URL comes from the vendor descriptor, never from the window.
      const url = VENDORS[vendor].pages[page];
      if (!opts.openExternal || !isSafeExternalUrl(url)) return { url, opened: false };
      await opts.openExternal(url);
      return { url, opened: true };
    },
    'accounts:list': () => accounts.list(),
    'accounts:add': async (input) => {
      const added = await accounts.add(input);
      changed();
      refresh.start([added.id]);
      return added;
    },
    'accounts:rename': ({ id, label }) => {
      const renamed = accounts.rename(id, label);
      changed();
      return renamed;
    },
    'accounts:remove': async ({ id }) => {
      const removed = await accounts.remove(id);
      changed();
      return removed;
    },
    'accounts:test': ({ id }) => accounts.test(id),
    'accounts:testCredentials': ({ vendor, credentials }) => accounts.testCredentials(vendor, credentials),
    // From memory: each file is read once (SnapshotStore keeps them).
    'snapshots:list': () => refresh.list(),
    // The IPs travel as columns (preload/contract/proxy-columns.ts), encoded once per version.
    'snapshots:get': async ({ ids, known }) => {
      await snapshots.ready();
      return (ids ?? accounts.list().map((a) => a.id)).map((accountId) => {
        const version = snapshots.version(accountId);
        if (known?.[accountId] === version) return { accountId, version };
        return { accountId, version, snapshot: snapshots.wire(accountId) };
      });
    },
    'accounts:refresh': ({ ids }) => {
      if (ids) for (const id of ids) accounts.get(id); // unknown ids fail plainly
      disk.retryNow();
      return { started: refresh.start(ids) };
    },
    ...accountOperations(accounts, snapshots, events),
    // Issue 15 §2: whitelist once for many accounts and "Follow my IP", through the per-account add/remove above.
    ...whitelistBulkHandlers({
      dataDir: opts.dataDir,
      accounts,
      snapshot: (id) => snapshots.get(id),
      events,
      settings: () => store.settings(),
      refreshIdle: () => refresh.idle(),
      add: (input) => handlers['whitelist:add'](input),
      remove: (input) => handlers['whitelist:remove'](input),
      now,
      ...(log ? { warn: (msg: string) => log.warn({}, msg) } : {}),
    }),
    ...orderTools(accounts, refresh),
    ...trafficCodes(accounts),
    ...residential(accounts),
    ...serverHandlers(accounts, now),
    ...renewalHandlers(renewals, accounts, events),
    ...purchaseHandlers(purchases, accounts, events),
    ...reportsHandlers(reportSources),
    ...healthHandlers(health),
    ...connectionHandlers(connection),
    ...businessHandlers({ store: business, accounts: () => accounts.list(), snapshot: (id) => snapshots.get(id), now }),
    // Backups, export and import of all local user data (issue 16 §5); keys stay in main.
    ...userDataHandlers({
      business,
      accounts,
      vault: opts.vault,
      settings: () => store.settings(),
      applySettings: async (next) => {
        await handlers['settings:update'](next);
      },
      setProxyPassword: async (password) => {
        await connection.setPassword(password);
      },
      accountsAdded: (ids) => {
        changed();
        refresh.start(ids);
      },
      view: async () => handlers['business:get'](),
      version: opts.version,
      now,
    }),
    'reminders:test': () => reminders.sendTest(),
    'settings:get': () => store.settings(),
    'settings:update': async (patch) => {
      const next = SettingsSchema.parse({ ...store.settings(), ...patch });
      store.setSettings(next);
      if (patch.connection) await connection.apply(next.connection);
      scheduler.apply(next.refreshIntervalMin);
      events.emit({ type: 'settings-changed' });
      return next;
    },
  };

  // Renewals left with an unknown outcome (a crash mid-request) are settled by reading vendor
  // state in the background; never by sending them again.
  const reconciling = renewals.reconcilePending().catch((e: unknown) => {
    log?.warn({ err: e instanceof Error ? e.message : String(e) }, 'reconcile at start-up failed');
    return [];
  });
  const reconcilingPurchases = purchases.reconcilePending().catch((e: unknown) => {
    log?.warn({ err: e instanceof Error ? e.message : String(e) }, 'reconciling purchases at start-up failed');
    return [];
  });

  return {
    handlers,
    dispatch: createDispatcher(handlers, log),
    events,
    accounts,
    refresh,
    store,
    business,
    disk,
    renewals,
    purchases,
    reminders,
    async shutdown() {
      scheduler.stop();
      reminders.stop();
      health.stop();
      await reconciling;
      await reconcilingPurchases;
      await renewals.idle(); // a renewal being sent finishes and its result is journaled
      await purchases.idle(); // so does a purchase being sent
      await refresh.idle();
      await snapshots.idle(); // saves made outside a refresh (whitelist, sub-users) and the start-up sealing
      await opts.demo?.stop();
      disk.retryNow(); // a last try for what the disk refused
      for (const off of offs) off();
      releaseDiskHealth(opts.dataDir);
    },
  };
}

export const logFile = (dataDir: string) => join(dataDir, 'logs', 'main.log');
