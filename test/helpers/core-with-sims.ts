import Conf from 'conf';
import { afterAll, beforeAll } from 'vitest';
import { type Core, createCore } from '../../main/core/app-core';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { type BestproxySimulator, createBestproxySimulator } from '../../main/simulators/bestproxy';
import { createProxyshardSimulator, type ProxyshardSimulator } from '../../main/simulators/proxyshard';
import { createThordataSimulator, type ThordataSimulator } from '../../main/simulators/thordata';
import { bestproxyModule } from '../../main/vendors/bestproxy';
import { proxyshardModule } from '../../main/vendors/proxyshard';
import { thordataModule } from '../../main/vendors/thordata';
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

/** A real core with one Thordata and one BestProxy account on their simulators (seed 5), not refreshed. */
export interface CoreWithThordata {
  core: Core;
  th: ThordataSimulator;
  bp: BestproxySimulator;
  thId: string;
  bpId: string;
}

const dispatcher =
  (env: { core: Core }) =>
  <C extends Channel>(ch: C, ...args: ChannelArgs<C>) =>
    env.core.dispatch(ch, args) as Promise<Result<ChannelResponses[C]>>;

function coreOn(
  dir: string,
  vendors: Parameters<typeof createCore>[0]['vendors'],
  baseUrls: Record<string, string>,
  now?: () => Date,
) {
  return createCore({
    dataDir: dir,
    Backend: Conf as unknown as BackendCtor,
    vault: new MemoryVault(),
    vendors,
    version: 't',
    ...(now ? { now } : {}),
    baseUrls,
  });
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
    env.core = await coreOn(
      dir,
      { bestproxy: bestproxyModule, proxyshard: proxyshardModule },
      { bestproxy: env.bp.baseUrl(), proxyshard: env.ps.baseUrl() },
    );
    env.bpId = (await env.core.accounts.add({ vendor: 'bestproxy', label: 'BP', credentials: env.bp.credentials })).id;
    env.psId = (await env.core.accounts.add({ vendor: 'proxyshard', label: 'PS', credentials: env.ps.credentials })).id;
    env.core.refresh.start();
    await env.core.refresh.idle();
  });
  afterAll(async () => {
    await env.core.refresh.idle();
    await env.bp.close();
    await env.ps.close();
    cleanup();
  });
  return { env, call: dispatcher(env) };
}

/** The same for the Thordata tools over IPC (servers, traffic codes); `now` is shared by core and simulator. */
export function coreWithThordata(opts: { now?: () => Date } = {}) {
  const { dir, cleanup } = tempDir();
  const env = {} as CoreWithThordata;
  beforeAll(async () => {
    env.th = createThordataSimulator({ seed: 5, ...(opts.now ? { now: opts.now } : {}) });
    env.bp = createBestproxySimulator({ seed: 5 });
    await env.th.listen();
    await env.bp.listen();
    env.core = await coreOn(
      dir,
      { thordata: thordataModule, bestproxy: bestproxyModule },
      { thordata: env.th.baseUrl(), bestproxy: env.bp.baseUrl() },
      opts.now,
    );
    env.thId = (await env.core.accounts.add({ vendor: 'thordata', label: 'TH', credentials: env.th.credentials })).id;
    env.bpId = (await env.core.accounts.add({ vendor: 'bestproxy', label: 'BP', credentials: env.bp.credentials })).id;
  });
  afterAll(async () => {
    await env.core.shutdown();
    await env.th.close();
    await env.bp.close();
    cleanup();
  });
  return { env, call: dispatcher(env) };
}
