import type { AccountSnapshot, VendorId } from '../../../preload/contract/model';
import type { EventHub } from '../events';
import { type ReminderLanguage, type ReminderNotification, Reminders, reminderItems, testReminder } from './reminders';

/**
 * Runs the expiry reminders after refreshes: collects every item with an expiry from the saved
 * snapshots, asks Reminders which thresholds are newly crossed (each fires once per item, persisted),
 * and emits one event per account batch. Thresholds come from settings at each check.
 */
export class ReminderRunner {
  private readonly reminders: Reminders;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    dataDir: string,
    private readonly deps: {
      events: EventHub;
      snapshots: () => AccountSnapshot[];
      accounts: () => { id: string; label: string; vendor: VendorId }[];
      thresholds: () => number[];
      /** The app's language: reminders are written in it. */
      language?: () => ReminderLanguage;
      now?: () => Date;
    },
  ) {
    const opts = {
      ...(deps.now ? { now: deps.now } : {}),
      get thresholds() {
        return deps.thresholds();
      },
      get language() {
        return deps.language?.() ?? 'en';
      },
    };
    this.reminders = new Reminders(dataDir, opts);
  }

  get notices(): string[] {
    return this.reminders.notices;
  }

  /** Checks now; returns what was announced. */
  check(): ReminderNotification[] {
    const due = this.reminders.check(reminderItems(this.deps.snapshots(), this.deps.accounts()));
    for (const n of due) this.announce(n);
    return due;
  }

  /** Settings' "Send a test reminder": the next reminder the user would get, shown now, recorded nowhere. */
  sendTest(): { title: string; body: string } {
    const n = testReminder(
      reminderItems(this.deps.snapshots(), this.deps.accounts()),
      this.deps.now?.() ?? new Date(),
      this.deps.thresholds(),
      this.deps.language?.() ?? 'en',
    );
    this.announce(n);
    return { title: n.title, body: n.body };
  }

  private announce(n: ReminderNotification): void {
    this.deps.events.emit({
      type: 'reminder',
      reminder: {
        key: n.key,
        accountId: n.accountId,
        title: n.title,
        body: n.body,
        itemIds: n.itemIds,
        thresholdDays: n.thresholdDays,
      },
    });
  }

  /** Coalesces bursts (one refresh event per account) into one check shortly after the last. */
  schedule(delayMs = 1000): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.check();
    }, delayMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
