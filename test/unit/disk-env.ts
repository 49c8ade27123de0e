/** A core over a given data folder with a real YouProxy simulator, for the disk tests. */
import Conf from 'conf';
import { type Core, createCore, type NoticeSource } from '../../main/core/app-core';
import type { AppLogger } from '../../main/core/logging/logger';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { createYouproxySimulator, type YouproxySimulator } from '../../main/simulators/youproxy';
import { youproxyModule } from '../../main/vendors/youproxy';
import type { AppEvent, Channel, ChannelArgs, ChannelResponses } from '../../preload/contract/channels';
import type { AppError, Result } from '../../preload/contract/errors';
import type { RenewTarget } from '../../preload/contract/model';

export const Backend = Conf as unknown as BackendCtor;

export interface DiskEnv {
  core: Core;
  sim: YouproxySimulator;
  vault: MemoryVault;
  events: AppEvent[];
  call<C extends Channel>(ch: C, ...args: ChannelArgs<C>): Promise<Result<ChannelResponses[C]>>;
  close(): Promise<void>;
}

export async function startCore(
  dataDir: string,
  opts: { sim?: YouproxySimulator; vault?: MemoryVault; log?: AppLogger; guard?: NoticeSource } = {},
): Promise<DiskEnv> {
  const sim = opts.sim ?? createYouproxySimulator({ seed: 11 });
  if (!opts.sim) await sim.listen();
  const vault = opts.vault ?? new MemoryVault();
  const core = await createCore({
    dataDir,
    Backend,
    vault,
    vendors: { youproxy: youproxyModule },
    version: 't',
    baseUrls: { youproxy: sim.baseUrl() },
    transport: { retry: { max: 0 }, timeouts: { deadlineMs: 3000 } },
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.guard ? { guard: opts.guard } : {}),
  });
  const events: AppEvent[] = [];
  core.events.on((e) => events.push(e));
  return {
    core,
    sim,
    vault,
    events,
    call: (ch, ...args) => core.dispatch(ch, args) as never,
    async close() {
      await core.shutdown();
      if (!opts.sim) await sim.close();
    },
  };
}

export const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
};

export const fails = <T>(r: Result<T>): AppError => {
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

/** Live IPv4 IPs at the YouProxy simulator, as renewal targets. */
export function liveIps(sim: YouproxySimulator, n = 1): RenewTarget[] {
  const now = Date.now();
  return sim.state.ips
    .filter((x) => x.proxyType === 'IPv4' && x.dateEnd.getTime() > now)
    .slice(0, n)
    .map((ip) => ({ kind: 'ip', id: String(ip.id), label: ip.ip, expiresAt: null }));
}

export const hits = (sim: YouproxySimulator, method: string, re: RegExp) =>
  sim.server.requests.filter((r) => r.method === method && re.test(r.path)).length;
