/** The health channels over the real core in demo mode: offline, through the local demo proxies. */
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../../main/core/app-core';
import { DemoEnvironment } from '../../../main/core/demo/demo-environment';
import type { BackendCtor } from '../../../main/core/store/open-file';
import { MemoryVault } from '../../../main/core/vault/memory-vault';
import { SIMULATOR_FACTORIES } from '../../../main/simulators/registry';
import { VENDOR_MODULES } from '../../../main/vendors/registry';
import type { ItemRef } from '../../../preload/contract/business';
import type { Channel, ChannelArgs, ChannelResponses } from '../../../preload/contract/channels';
import type { Result } from '../../../preload/contract/errors';
import type { HealthProgress } from '../../../preload/contract/health';
import { tempDir } from '../../helpers/tmp';

describe('health channels (demo mode)', () => {
  const { dir, cleanup } = tempDir();
  let core: Core;
  const call = <C extends Channel>(ch: C, ...args: ChannelArgs<C>) =>
    core.dispatch(ch, args) as Promise<Result<ChannelResponses[C]>>;
  const open = () =>
    createCore({
      dataDir: dir,
      Backend: Conf as unknown as BackendCtor,
      vault: new MemoryVault(),
      vendors: VENDOR_MODULES,
      version: 't',
      demo: new DemoEnvironment(SIMULATOR_FACTORIES),
    });
  beforeAll(async () => {
    core = await open();
    core.refresh.start();
    await core.refresh.idle();
  });
  afterAll(async () => {
    await core.shutdown();
    cleanup();
  });

  it('runs a check of demo IPs, pushes batched progress, and keeps the results across a restart', async () => {
    const snaps = core.refresh.list().filter((s) => s.proxies.length >= 5);
    expect(snaps.length).toBeGreaterThan(0);
    const snap = snaps[0];
    if (!snap) throw new Error('no demo IPs');
    const items: ItemRef[] = snap.proxies.slice(0, 5).map((p) => ({ accountId: snap.accountId, kind: 'ip', id: p.id }));
    const events: HealthProgress[] = [];
    const done = new Promise<HealthProgress>((resolve) => {
      core.events.on((e) => {
        if (e.type !== 'health-progress') return;
        events.push(e.progress);
        if (e.progress.state !== 'running') resolve(e.progress);
      });
    });
    const started = await call('health:run', { items });
    if (!started.ok) throw new Error(started.error.message);
    const last = await done;
    expect(last).toMatchObject({ runId: started.data.runId, state: 'done', total: 5, done: 5 });
    const results = new Map(events.flatMap((e) => e.results).map((r) => [r.item.id, r]));
    const at = (i: number) => results.get(snap.proxies[i]?.id ?? '');
    expect(at(0)?.ok).toBe(true);
    expect(at(1)?.ok).toBe(true);
    expect(at(2)).toMatchObject({ ok: true, countryMatches: false });
    expect(at(3)).toMatchObject({ ok: false, failure: 'refused' });
    expect(at(4)).toMatchObject({ ok: true, slow: true });
    const saved = await call('health:results');
    expect(saved.ok && saved.data).toHaveLength(5);
    // Bad input is refused by the channel's schema; an unknown run is cancelled harmlessly.
    expect((await call('health:run', { items: [] })).ok).toBe(false);
    expect(await call('health:cancel', { runId: '00000000-0000-4000-8000-000000000000' })).toEqual({
      ok: true,
      data: { ok: true },
    });
    await core.shutdown();
    core = await open();
    const after = await call('health:results');
    expect(after.ok && after.data.map((r) => r.checkedAt)).toHaveLength(5);
  });
});
