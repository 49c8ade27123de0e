import Conf from 'conf';
import { type Core, createCore } from '../../../main/core/app-core';
import { type RenewalDeps, RenewalService } from '../../../main/core/renewals/renewal-service';
import type { BackendCtor } from '../../../main/core/store/open-file';
import { MemoryVault } from '../../../main/core/vault/memory-vault';
import { type BestproxySimulator, createBestproxySimulator } from '../../../main/simulators/bestproxy';
import { createProxyshardSimulator, type ProxyshardSimulator } from '../../../main/simulators/proxyshard';
import type { VendorSimulator } from '../../../main/simulators/types';
import { createYouproxySimulator, type YouproxySimulator } from '../../../main/simulators/youproxy';
import { bestproxyModule } from '../../../main/vendors/bestproxy';
import { proxyshardModule } from '../../../main/vendors/proxyshard';
import { youproxyModule } from '../../../main/vendors/youproxy';
import type { RenewTarget } from '../../../preload/contract/model';
import { tempDir } from '../../helpers/tmp';

/** A core with three real simulators and one account each, in a fresh data folder. */
export async function makeEnv() {
  const { dir, cleanup } = tempDir('proxydeck-renewals-');
  const yp: YouproxySimulator = createYouproxySimulator({ seed: 7 });
  const ps: ProxyshardSimulator = createProxyshardSimulator({ seed: 7 });
  const bp: BestproxySimulator = createBestproxySimulator({ seed: 7 });
  await Promise.all([yp.listen(), ps.listen(), bp.listen()]);
  const core: Core = await createCore({
    dataDir: dir,
    Backend: Conf as unknown as BackendCtor,
    vault: new MemoryVault(),
    vendors: { youproxy: youproxyModule, proxyshard: proxyshardModule, bestproxy: bestproxyModule },
    version: 't',
    baseUrls: { youproxy: yp.baseUrl(), proxyshard: ps.baseUrl(), bestproxy: bp.baseUrl() },
    transport: { retry: { baseMs: 1, capMs: 5 } },
  });
  const ypId = (await core.accounts.add({ vendor: 'youproxy', label: 'Demo', credentials: yp.credentials })).id;
  const psId = (await core.accounts.add({ vendor: 'proxyshard', label: 'Shard', credentials: ps.credentials })).id;
  const bpId = (await core.accounts.add({ vendor: 'bestproxy', label: 'Best', credentials: bp.credentials })).id;
  const service = (extra: Partial<RenewalDeps> = {}) =>
    new RenewalService({ dataDir: dir, accounts: core.accounts, ...extra });
  const close = async () => {
    await core.shutdown();
    await Promise.all([yp.close(), ps.close(), bp.close()]);
    cleanup();
  };
  return { dir, core, yp, ps, bp, ypId, psId, bpId, service, close };
}
export type Env = Awaited<ReturnType<typeof makeEnv>>;

const t = (kind: RenewTarget['kind'], id: string | number, label?: string): RenewTarget => ({
  kind,
  id: String(id),
  label: label ?? String(id),
  expiresAt: null,
});

/** Two live IPv4 IPs at YouProxy (one /extend request). */
export function ypIps(env: Env, n = 2): RenewTarget[] {
  const now = Date.now();
  return env.yp.state.ips
    .filter((x) => x.proxyType === 'IPv4' && x.dateEnd.getTime() > now)
    .slice(0, n)
    .map((ip) => t('ip', ip.id, ip.ip));
}

/** ProxyShard on-hold orders (renewable). */
export function psOnHold(env: Env): RenewTarget[] {
  return [...env.ps.account.orders.values()].filter((o) => o.status === 'on-hold').map((o) => t('order', o.id));
}

/** Live BestProxy static IPs of one product line. */
export function bpIps(env: Env, n = 2, productType = 25): RenewTarget[] {
  const now = Date.now();
  return env.bp.state.ips
    .filter((i) => i.productType === productType && i.expiredAt.getTime() > now)
    .slice(0, n)
    .map((i) => t('ip', i.id));
}

/** How many ledger charges name this item. */
export const chargesFor = (sim: VendorSimulator, id: string) =>
  sim.server.ledger.filter((l) => l.items.includes(id)).length;

/** Requests to paths matching a regex. */
export const hits = (sim: VendorSimulator, method: string, re: RegExp) =>
  sim.server.requests.filter((r) => r.method === method && re.test(r.path)).length;
