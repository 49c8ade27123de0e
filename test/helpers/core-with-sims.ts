import Conf from 'conf';
import { afterAll, beforeAll } from 'vitest';
import { type Core, createCore } from '../../main/core/app-core';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { type BestproxySimulator, createBestproxySimulator } from '../../main/simulators/bestproxy';
import { createProxyshardSimulator, type ProxyshardSimulator } from '../../main/simulators/proxyshard';
import { bestproxyModule } from '../../main/vendors/bestproxy';
import { proxyshardModule } from '../../main/vendors/proxyshard';
import type { Channel, ChannelArgs, ChannelResponses } from '../../preload/contract/channels';
import type { Result } from '../../preload/contract/errors';
import { tempDir } from './tmp';

/** A real core with one BestProxy and one ProxyShard account on their simulators (seed 5), refreshed once. */
export interface CoreWithSims {
  core: Core;
  bp: BestproxySimulator;
  ps: ProxyshardSimulator;
  bpId: string;
  psId: string;
}

/**
 * Registers beforeAll / afterAll for a test file of the order tools over IPC. The returned object's
 * fields are set in beforeAll; `call` dispatches a channel exactly as the window does.
 */
export function coreWithSims() {
  const { dir, cleanup } = tempDir();
  const env = {} as CoreWithSims;
  beforeAll(async () => {
    env.bp = createBestproxySimulator({ seed: 5 });
    env.ps = createProxyshardSimulator({ seed: 5 });
    await env.bp.listen();
    await env.ps.listen();
    env.core = await createCore({
      dataDir: dir,
      Backend: Conf as unknown as BackendCtor,
      vault: new MemoryVault(),
      vendors: { bestproxy: bestproxyModule, proxyshard: proxyshardModule },
      version: 't',
      baseUrls: { bestproxy: env.bp.baseUrl(), proxyshard: env.ps.baseUrl() },
    });
    const add = (vendor: 'bestproxy' | 'proxyshard', label: string, credentials: Record<string, string>) =>
      env.core.accounts.add({ vendor, label, credentials });
    env.bpId = (await add('bestproxy', 'BP', env.bp.credentials)).id;
    env.psId = (await add('proxyshard', 'PS', env.ps.credentials)).id;
    env.core.refresh.start();
    await env.core.refresh.idle();
  });
  afterAll(async () => {
    await env.core.refresh.idle();
    await env.bp.close();
    await env.ps.close();
    cleanup();
  });
  const call = <C extends Channel>(ch: C, ...args: ChannelArgs<C>) =>
    env.core.dispatch(ch, args) as Promise<Result<ChannelResponses[C]>>;
  return { env, call };
}
