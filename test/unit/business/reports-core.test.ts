import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/app-core';
import { EventHub } from '../../../main/core/events';
import { ReminderRunner } from '../../../main/core/renewals/reminder-runner';
import type { BackendCtor } from '../../../main/core/store/open-file';
import { MemoryVault } from '../../../main/core/vault/memory-vault';
import type { VendorSimulator } from '../../../main/simulators/types';
import { createYouproxySimulator } from '../../../main/simulators/youproxy';
import { youproxyModule } from '../../../main/vendors/youproxy';
import type { RunwayReport } from '../../../preload/contract/business';
import { tempDir } from '../../helpers/tmp';

const { dir, cleanup } = tempDir();
const START = new Date('2026-11-23T09:00:00.000Z');
let sim: VendorSimulator;

beforeAll(async () => {
  sim = createYouproxySimulator({ seed: 4, now: () => START });
  await sim.listen();
});
afterAll(async () => {
  await sim.close();
  cleanup();
});

describe('money reports in the core', () => {
  it('answers the report channels from local data and keeps the runway settings through patches', async () => {
    const core = await createCore({
      dataDir: dir,
      Backend: Conf as unknown as BackendCtor,
      vault: new MemoryVault(),
      vendors: { youproxy: youproxyModule },
      version: 't',
      baseUrls: { youproxy: sim.baseUrl() },
      now: () => START,
    });
    try {
      const added = await core.accounts.add({ vendor: 'youproxy', label: 'YP', credentials: sim.credentials });
      core.refresh.start();
      await core.refresh.idle();
      const snap = core.refresh.list()[0]!;
      const soon = snap.proxies.filter(
        (p) => p.expiresAt && Date.parse(p.expiresAt) - START.getTime() <= 7 * 86_400_000,
      );
      expect(soon.length).toBeGreaterThan(0);
      // The user keeps two of them.
      core.business.update((d) => ({
        ...d,
        items: soon.slice(0, 2).map((p) => ({
          item: { accountId: added.id, kind: 'ip' as const, id: p.id },
          vendor: 'youproxy' as const,
          label: p.ip,
          customerId: null,
          price: null,
          keep: true,
          assignedAt: null,
          updatedAt: START.toISOString(),
        })),
      }));

      const runway = await core.dispatch('reports:runway', []);
      expect(runway.ok).toBe(true);
      const report = (runway as { ok: true; data: RunwayReport }).data;
      expect(report.windowDays).toBe(30);
      const a = report.accounts.find((x) => x.accountId === added.id)!;
      expect(a.hasBalanceApi).toBe(true);
      expect(a.balance).toEqual(snap.balance?.money);
      const kept = a.items.filter((i) => i.reason === 'keep').map((i) => i.item.id);
      const listed = a.items.map((i) => i.item.id);
      for (const p of soon.slice(0, 2)) {
        expect(listed).toContain(p.id); // committed: kept, or renewing on its own
        if (p.autoRenew !== true) expect(kept).toContain(p.id);
      }

      const bad = await core.dispatch('reports:margin', [{ from: '2026-12', to: '2026-11' }]);
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      const csv = await core.dispatch('reports:csv', [{ kind: 'spend', query: { from: '2026-11', to: '2026-11' } }]);
      expect(csv).toMatchObject({ ok: true, data: { fileName: 'proxydeck-spend-2026-11.csv' } });

      // A patch of one runway setting leaves the other as it was.
      await core.dispatch('settings:update', [{ runwayAlertDays: 3 }]);
      const after = await core.dispatch('settings:update', [{ runwayDays: 14 }]);
      expect(after).toMatchObject({ ok: true, data: { runwayDays: 14, runwayAlertDays: 3 } });
      const shorter = (await core.dispatch('reports:runway', [])) as { ok: true; data: RunwayReport };
      expect(shorter.data.windowDays).toBe(14);
    } finally {
      await core.shutdown();
    }
  });

  it('the reminder pass also checks the runway, and a failing runway check does not stop it', () => {
    const { dir: d, cleanup: c } = tempDir();
    try {
      let runs = 0;
      const runner = new ReminderRunner(d, {
        events: new EventHub(),
        snapshots: () => [],
        accounts: () => [],
        thresholds: () => [7],
        runway: {
          notices: ['runway notice'],
          check: () => {
            runs += 1;
            if (runs === 2) throw new Error('damaged');
          },
        },
      });
      expect(runner.check()).toEqual([]);
      expect(runner.check()).toEqual([]);
      expect(runs).toBe(2);
      expect(runner.notices).toContain('runway notice');
    } finally {
      c();
    }
  });
});
