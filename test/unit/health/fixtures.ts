/** Local proxies, a local check target and a snapshot of IPs pointing at them, for the health tests. */

import { type CheckTarget, type CheckTargetOptions, startCheckTarget } from '../../../main/core/demo/check-target';
import {
  type Exit,
  ExitRegistry,
  type LocalProxy,
  type LocalProxyOptions,
  startHttpConnectProxy,
  startSocks5Proxy,
} from '../../../main/core/demo/local-proxies';
import type { AccountSnapshot, ProxyEndpoint } from '../../../preload/contract/model';

export const ACCOUNT = '11111111-1111-4111-8111-111111111111';

export class Lab {
  readonly registry = new ExitRegistry();
  private readonly closers: (() => Promise<void>)[] = [];
  target!: CheckTarget;

  async start(opts: Omit<CheckTargetOptions, 'registry'> = {}): Promise<this> {
    this.target = await startCheckTarget({ ...opts, registry: this.registry });
    this.closers.push(() => this.target.close());
    return this;
  }

  /** A proxy whose exit the check target reports as `exit`. */
  async proxy(kind: 'http' | 'socks5', exit: Exit, opts: Omit<LocalProxyOptions, 'registry' | 'exit'> = {}) {
    const start = kind === 'http' ? startHttpConnectProxy : startSocks5Proxy;
    const p: LocalProxy = await start({ ...opts, registry: this.registry, exit: () => exit });
    this.closers.push(() => p.close());
    return p;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.closers.map((c) => c()));
  }
}

export function endpoint(id: string, over: Partial<ProxyEndpoint>): ProxyEndpoint {
  return {
    id,
    ip: '127.0.0.1',
    host: null,
    httpPort: null,
    socksPort: null,
    protocol: 'http',
    username: null,
    password: null,
    country: null,
    kind: 'datacenter',
    expiresAt: null,
    orderId: null,
    status: 'active',
    autoRenew: null,
    ...over,
  };
}

export function snapshotOf(proxies: ProxyEndpoint[], servers: AccountSnapshot['servers'] = []): AccountSnapshot {
  return {
    accountId: ACCOUNT,
    fetchedAt: '2026-01-01T00:00:00.000Z',
    balance: null,
    orders: [],
    proxies,
    whitelist: [],
    subUsers: [],
    servers,
    traffic: [],
    errors: {},
  };
}
