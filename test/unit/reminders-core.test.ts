import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/app-core';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import type { VendorSimulator } from '../../main/simulators/types';
import { createYouproxySimulator } from '../../main/simulators/youproxy';
import { youproxyModule } from '../../main/vendors/youproxy';
import type { AppEvent } from '../../preload/contract/channels';
import { tempDir } from '../helpers/tmp';

const { dir, cleanup } = tempDir();
const START = new Date('2026-11-23T09:00:00.000Z');
let clock = START.getTime();
const now = () => new Date(clock);
let sim: VendorSimulator;
const vault = new MemoryVault();

beforeAll(async () => {
  sim = createYouproxySimulator({ seed: 4, now: () => START });
  await sim.listen();
});
afterAll(async () => {
  await sim.close();
  cleanup();
});

const start = () =>
  createCore({
    dataDir: dir,
    Backend: Conf as unknown as BackendCtor,
    vault,
    vendors: { youproxy: youproxyModule },
    version: 't',
    baseUrls: { youproxy: sim.baseUrl() },
    now,
  });

const reminderEvents = (events: AppEvent[]) => events.flatMap((e) => (e.type === 'reminder' ? [e.reminder] : []));

describe('expiry reminders in the core (controllable clock)', () => {
  it('announce each item once per expiry, one notification per account, and never again after a restart', async () => {
    const core = await start();
    await core.accounts.add({ vendor: 'youproxy', label: 'YP', credentials: sim.credentials });
    const events: AppEvent[] = [];
    core.events.on((e) => events.push(e));
    core.refresh.start();
    await core.refresh.idle();

    const soon = core.refresh
      .list()[0]!
      .proxies.filter(
        (p) => p.expiresAt && Date.parse(p.expiresAt) > clock && Date.parse(p.expiresAt) - clock <= 7 * 86_400_000,
      );
    expect(soon.length).toBeGreaterThan(0); // the simulator's demo data has IPs expiring this week

    const first = core.reminders.check();
    expect(first).toHaveLength(1); // one account: one notification, at its most urgent threshold
    expect(core.reminders.dueSoon().count).toBeGreaterThanOrEqual(soon.length); // the tray's count
    const announced = new Set(first.flatMap((n) => n.itemIds));
    for (const p of soon) expect(announced.has(p.id)).toBe(true);
    expect(reminderEvents(events).length).toBe(first.length);
    expect(first[0]!.title).toMatch(/YP/);

    // Same moment again, and after a restart: nothing new.
    expect(core.reminders.check()).toEqual([]);
    await core.shutdown();
    const again = await start();
    expect(again.reminders.check()).toEqual([]);

    // Later: move the clock to 6 days before the next item beyond the 7-day window → its 7-day
    // threshold is crossed and announced, once.
    const next = again.refresh
      .list()[0]!
      .proxies.filter((p) => p.expiresAt && Date.parse(p.expiresAt) - START.getTime() > 7 * 86_400_000)
      .sort((a, b) => Date.parse(a.expiresAt!) - Date.parse(b.expiresAt!))[0]!;
    clock = Date.parse(next.expiresAt!) - 6 * 86_400_000;
    const later = again.reminders.check();
    expect(later.flatMap((n) => n.itemIds)).toContain(next.id);
    expect(later.find((n) => n.itemIds.includes(next.id))?.thresholdDays).toBe(7);
    expect(again.reminders.check()).toEqual([]);
    await again.shutdown();
  });
});
