import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { type RunwayReport, runwayRemindersNotice } from '../../../preload/contract/business';
import type { VendorId } from '../../../preload/contract/model';
import type { EventHub } from '../events';
import { accountWithVendor, type DesktopLanguage, desktopText } from '../i18n/desktop-text';
import { writeFileAtomic } from '../renewals/atomic-file';
import { formatMoney } from '../renewals/format';
import { type DiskHealth, diskHealth } from '../store/disk-health';
import { tryMoveAside } from '../store/open-file';
import { ensurePrivateDir } from '../store/private-files';
import { dayOf, localZone } from './months';
import { runwayLow } from './runway';

/**
 * The runway reminder (issue 16 §3): a desktop notification when an account's balance will not cover a
 * committed renewal due within `runwayAlertDays` (0 = off). Once per account per low-runway episode: the
 * episode starts when the runway becomes low and ends when it is covered again (a top-up, auto-renew
 * turned off); only a new episode notifies again. The accounts told in the current episode are kept in
 * `<dataDir>/runway-reminders.json` so a restart does not repeat it. Demo accounts never notify. The
 * notification goes through the same 'reminder' event as expiry reminders (the shell shows it).
 */

const StateFile = z.object({ version: z.literal(1), low: z.array(z.string()) });

export interface RunwayReminderDeps {
  events: EventHub;
  report: () => RunwayReport;
  accounts: () => { id: string; label: string; vendor: VendorId; demo?: boolean }[];
  alertDays: () => number;
  language?: () => DesktopLanguage;
  now?: () => Date;
  timeZone?: string;
  disk?: DiskHealth;
}

export class RunwayReminder {
  private readonly path: string;
  private low = new Set<string>();
  private readonly disk: DiskHealth;
  readonly notices: string[] = [];

  constructor(
    dataDir: string,
    private readonly deps: RunwayReminderDeps,
  ) {
    this.path = join(dataDir, 'runway-reminders.json');
    this.disk = deps.disk ?? diskHealth(dataDir);
    if (!existsSync(this.path)) return;
    try {
      this.low = new Set(StateFile.parse(JSON.parse(readFileSync(this.path, 'utf8'))).low);
    } catch {
      const moved = tryMoveAside(this.path, 'damaged', this.now());
      this.notices.push(runwayRemindersNotice(moved));
    }
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Checks every real account; notifies those whose runway just became low. Returns the accounts told. */
  check(): string[] {
    const alertDays = this.deps.alertDays();
    if (alertDays <= 0) return [];
    const now = this.now();
    const accounts = new Map(this.deps.accounts().map((a) => [a.id, a]));
    const report = this.deps.report();
    const told: string[] = [];
    let changed = false;
    for (const r of report.accounts) {
      const a = accounts.get(r.accountId);
      if (!a || a.demo) continue;
      const low = runwayLow(r, alertDays, now);
      if (!low) {
        if (this.low.delete(r.accountId)) changed = true; // the episode is over
        continue;
      }
      if (this.low.has(r.accountId) || !r.shortBy) continue;
      this.low.add(r.accountId);
      changed = true;
      told.push(r.accountId);
      const tr = desktopText(this.deps.language?.() ?? 'en');
      const on = dayOf(r.shortBy.on, this.deps.timeZone ?? localZone());
      const dueBy = Date.parse(r.shortBy.on);
      const count = r.items.filter((i) => i.price && Date.parse(i.expiresAt) <= dueBy).length;
      this.deps.events.emit({
        type: 'reminder',
        reminder: {
          key: `runway|${r.accountId}|${r.shortBy.on}`,
          accountId: r.accountId,
          title: tr('runway.title', { where: accountWithVendor(tr, a), date: on }),
          body: tr('runway.body', { amount: formatMoney(r.shortBy.amount), date: on, count }),
          itemIds: r.items.filter((i) => i.item.kind === 'ip').map((i) => i.item.id),
          thresholdDays: alertDays,
        },
      });
    }
    // Accounts removed since: their episode is forgotten.
    for (const id of this.low) if (!accounts.has(id) && this.low.delete(id)) changed = true;
    if (changed) this.save();
    return told;
  }

  private save(): void {
    const text = JSON.stringify({ version: 1, low: [...this.low] });
    this.disk.write('runway-reminders', () => {
      ensurePrivateDir(dirname(this.path));
      writeFileAtomic(this.path, text);
    });
  }
}
