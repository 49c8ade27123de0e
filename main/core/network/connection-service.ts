/**
 * "Connect to vendors" (issue 13 §7): keeps the route in force (main/vendors/http/route.ts) in step
 * with the setting and the proxy password, keeps that password in the keychain (never in the settings
 * file, never sent to the window: it only learns whether one is kept), and tests a connection setting
 * against each vendor's API origin before or after it is saved.
 */
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import type { AccountSummary, ConnectionTestItem, ConnectionTestResult } from '../../../preload/contract/channels';
import type { VendorId } from '../../../preload/contract/model';
import type { ConnectionSettings } from '../../../preload/contract/schemas';
import { BESTPROXY_BASE_URL } from '../../vendors/bestproxy/constants';
import { VENDOR_NAMES } from '../../vendors/errors';
import { connectReason, ProxyRouteError, proxyLabel } from '../../vendors/http/proxy-errors';
import {
  buildDispatcher,
  configureRoute,
  type Route,
  type RouteConfig,
  resolveRoute,
  routeView,
  type SystemProxyResolver,
  throughRoute,
} from '../../vendors/http/route';
import { PRODUCTION_BASE_URL as PROXYSHARD_BASE_URL } from '../../vendors/proxyshard/constants';
import { PUBLIC_BASE_URL as THORDATA_BASE_URL } from '../../vendors/thordata/constants';
import { YOUPROXY_BASE_URL } from '../../vendors/youproxy/constants';
import { AppFailure } from '../errors';
import { PROXY_PASSWORD_ACCOUNT, type Vault } from '../vault/vault';

/** Where each vendor's API lives in production (the clients' default base URLs). */
const PRODUCTION_ORIGINS: Record<VendorId, string> = {
  thordata: new URL(THORDATA_BASE_URL).origin,
  proxyshard: new URL(PROXYSHARD_BASE_URL).origin,
  youproxy: new URL(YOUPROXY_BASE_URL).origin,
  bestproxy: new URL(BESTPROXY_BASE_URL).origin,
};

/** A test answers within this, whatever the route (a real call keeps its own deadline). */
export const TEST_TIMEOUTS = { connectMs: 8_000, headersMs: 10_000, bodyMs: 10_000, deadlineMs: 12_000 };

export interface ConnectionServiceDeps {
  vault: Vault;
  settings: () => ConnectionSettings;
  accounts: () => AccountSummary[];
  /** The vendors this build talks to (tested when no account exists yet). */
  vendors: readonly VendorId[];
  /** Where demo accounts live (the simulators); null when the demo is not running. */
  demoBaseUrl?: (vendor: VendorId) => string | null;
  baseUrls?: Partial<Record<VendorId, string>>;
  /** The shell's `session.resolveProxy`; omitted: the environment's HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  resolveSystemProxy?: SystemProxyResolver;
  env?: Record<string, string | undefined>;
  log?: { warn(obj: Record<string, unknown>, msg: string): void };
}

const isTimeout = (e: unknown): boolean => {
  for (let cur: unknown = e, i = 0; cur && typeof cur === 'object' && i < 5; i++) {
    const { code, name } = cur as { code?: unknown; name?: unknown };
    if (name === 'TimeoutError' || name === 'AbortError') return true;
    if (typeof code === 'string' && /TIMEOUT|ETIMEDOUT/.test(code)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
};

const codeOf = (e: unknown): string | undefined => {
  for (let cur: unknown = e, i = 0; cur && typeof cur === 'object' && i < 5; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
};

function routeWords(route: Route): string {
  if (route.kind === 'direct')
    return route.source === 'system' ? 'directly (the system setting uses no proxy for it)' : 'directly';
  const label = proxyLabel(route.proxy);
  return `through ${route.source === 'system' ? label.replace('the proxy', 'the system proxy') : label}`;
}

export class ConnectionService {
  private password: string | null = null;
  /** The keychain is read once, and only when a proxy login is configured (no prompt for anyone else). */
  private passwordRead = false;

  constructor(private readonly deps: ConnectionServiceDeps) {}

  /** Puts the saved setting in force at start. */
  async init(): Promise<void> {
    await this.apply(this.deps.settings());
  }

  /** Reads the kept password once (a locked keychain leaves the proxy without one: its login is refused, and says so). */
  private async loadPassword(connection: ConnectionSettings): Promise<void> {
    if (this.passwordRead || connection.proxy?.username === undefined) return;
    this.passwordRead = true;
    try {
      this.password = await this.readPassword();
    } catch (e) {
      this.passwordRead = false;
      this.deps.log?.warn({ err: e instanceof Error ? e.message : String(e) }, 'proxy password unreadable');
    }
  }

  private config(connection: ConnectionSettings, password: string | null): RouteConfig {
    return {
      connection,
      password,
      resolveSystemProxy: this.deps.resolveSystemProxy,
      ...(this.deps.env ? { env: this.deps.env } : {}),
    };
  }

  /** The saved setting changed: the next vendor request takes the new route. */
  async apply(connection: ConnectionSettings): Promise<void> {
    await this.loadPassword(connection);
    await configureRoute(this.config(connection, this.password));
  }

  private async readPassword(): Promise<string | null> {
    const entry = await this.deps.vault.get(PROXY_PASSWORD_ACCOUNT);
    return typeof entry?.password === 'string' && entry.password ? entry.password : null;
  }

  async hasPassword(): Promise<{ hasPassword: boolean }> {
    await this.loadPassword(this.deps.settings());
    return { hasPassword: this.password !== null };
  }

  /** Keeps (or, with null, forgets) the proxy password in the keychain, then uses it from the next request. */
  async setPassword(password: string | null): Promise<{ hasPassword: boolean }> {
    if (password === null) await this.deps.vault.delete(PROXY_PASSWORD_ACCOUNT);
    else await this.deps.vault.set(PROXY_PASSWORD_ACCOUNT, { password });
    this.password = password;
    this.passwordRead = true;
    await this.apply(this.deps.settings());
    return this.hasPassword();
  }

  /** Each vendor API origin in use: the accounts' (the simulators' for demo accounts), or all four when none. */
  targets(): { vendor: VendorId; origin: string }[] {
    const accounts = this.deps.accounts();
    const list = accounts.length
      ? accounts.map((a) => ({ vendor: a.vendor, base: a.demo ? (this.deps.demoBaseUrl?.(a.vendor) ?? null) : null }))
      : this.deps.vendors.map((vendor) => ({ vendor, base: null }));
    const seen = new Map<string, { vendor: VendorId; origin: string }>();
    for (const { vendor, base } of list) {
      const origin = new URL(base ?? this.deps.baseUrls?.[vendor] ?? PRODUCTION_ORIGINS[vendor]).origin;
      seen.set(`${vendor}|${origin}`, { vendor, origin });
    }
    return [...seen.values()];
  }

  /**
   * Tries every target through `connection` (the typed `password`, else the kept one) with one
   * unauthenticated HEAD of the API origin: any HTTP answer means the route works. Never falls back.
   */
  async test(connection: ConnectionSettings, password?: string): Promise<ConnectionTestResult> {
    await this.loadPassword(connection);
    const cfg = this.config(connection, password ?? this.password);
    const items = await Promise.all(this.targets().map((t) => this.probe(cfg, t.vendor, t.origin)));
    return { items };
  }

  private async probe(cfg: RouteConfig, vendor: VendorId, origin: string): Promise<ConnectionTestItem> {
    const name = VENDOR_NAMES[vendor];
    const started = performance.now();
    const ms = () => Math.max(1, Math.round(performance.now() - started));
    let route: Route | null = null;
    try {
      route = await resolveRoute(cfg, origin);
      const used = route;
      const dispatcher = buildDispatcher(used, TEST_TIMEOUTS);
      try {
        await throughRoute(used, TEST_TIMEOUTS.connectMs, async () => {
          const res = await request(origin, {
            method: 'HEAD',
            dispatcher,
            signal: AbortSignal.timeout(TEST_TIMEOUTS.deadlineMs),
          });
          await res.body.dump();
        });
      } finally {
        void dispatcher.destroy().catch(() => {});
      }
      const took = ms();
      return {
        vendor,
        origin,
        ok: true,
        route: routeView(used),
        ms: took,
        problem: null,
        message: `Reached ${name} ${routeWords(used)} in ${took} ms.`,
      };
    } catch (e) {
      const view = route ? routeView(route) : null;
      const took = ms();
      if (e instanceof ProxyRouteError) {
        return {
          vendor,
          origin,
          ok: false,
          route: view,
          ms: took,
          problem: e.problem,
          ...(e.code === 'PROXY_UNREACHABLE' ? { reason: connectReason(e.detail) } : {}),
          message: e.message,
        };
      }
      const via = route ? routeWords(route) : '';
      if (isTimeout(e)) {
        return {
          vendor,
          origin,
          ok: false,
          route: view,
          ms: took,
          problem: 'timeout',
          message: `${name} did not answer ${via} within ${Math.round(took / 1000)} seconds. Try again in a few minutes, or choose another way to connect.`,
        };
      }
      return {
        vendor,
        origin,
        ok: false,
        route: view,
        ms: took,
        problem: 'vendor_unreachable',
        reason: connectReason(codeOf(e)),
        message: `Could not reach ${name} ${via} (${codeOf(e) ?? 'the connection failed'}). Check your internet connection, or choose a proxy in Settings.`,
      };
    }
  }
}

/** The handlers of the connection channels. */
export function connectionHandlers(service: ConnectionService) {
  return {
    'settings:proxyPassword': () => service.hasPassword(),
    'settings:setProxyPassword': async ({ password }: { password: string | null }) => {
      try {
        return await service.setPassword(password);
      } catch (e) {
        if (e instanceof AppFailure) throw e;
        throw new AppFailure(
          'keychain_unavailable',
          'The proxy password could not be kept in the system keychain. Unlock the keychain and try again.',
        );
      }
    },
    'settings:testConnection': ({
      connection,
      password,
    }: {
      connection: ConnectionSettings;
      password?: string | undefined;
    }) => service.test(connection, password),
  };
}
