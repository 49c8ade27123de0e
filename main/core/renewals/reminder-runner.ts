import type { AccountSnapshot, VendorId } from '../../../preload/contract/model';
import type { EventHub } from '../events';
import {
  dueSoon,
  type ReminderLanguage,
  type ReminderNotification,
  Reminders,
  reminderItems,
  testReminder,
} from './reminders';

/** What the tray shows: how many items are due soon, and the words for its tooltip ('' when none). */
export interface DueSoon {
  count: number;
  text: string;
}

/**
 * Runs the expiry reminders after refreshes: collects every item with an expiry from the saved
 * snapshots, asks Reminders which thresholds are newly crossed (each fires once per item, persisted),
 * and emits one event per account, or one summary for several. Demo accounts never notify (the test
 * reminder still uses them). Thresholds come from settings at each check. It also keeps the count of
 * items due soon for the tray (`dueSoon`, `onDueSoon`).
 */
export class ReminderRunner {
  private readonly reminders: Reminders;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly dueListeners = new Set<(due: DueSoon) => void>();
  private lastDue: DueSoon | null = null;

  constructor(
    dataDir: string,
    private readonly deps: {
      events: EventHub;
      snapshots: () => AccountSnapshot[];
      accounts: () => { id: string; label: string; vendor: VendorId; demo?: boolean }[];
      thresholds: () => number[];
      /** The app's language: reminders are written in it. */
      language?: () => ReminderLanguage;
      now?: () => Date;
      /** The balance runway reminder (main/core/business/runway-reminder.ts), checked in the same pass. */
      runway?: { check(): unknown; readonly notices: string[] };
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
    return [...this.reminders.notices, ...(this.deps.runway?.notices ?? [])];
  }

  /** Items of real accounts: demo accounts never notify nor count. */
  private realItems() {
    return reminderItems(
      this.deps.snapshots(),
      this.deps.accounts().filter((a) => !a.demo),
    );
  }

  /** Checks now; returns what was announced. */
  check(): ReminderNotification[] {
    const due = this.reminders.check(this.realItems());
    for (const n of due) this.announce(n);
    this.updateDueSoon();
    try {
      this.deps.runway?.check();
    } catch {
      // A report that cannot be built (a damaged file) must not stop the expiry reminders; it says so elsewhere.
    }
    return due;
  }

  /** Items due soon now (within the widest threshold), for the tray. */
  dueSoon(): DueSoon {
    return dueSoon(
      this.realItems(),
      this.deps.now?.() ?? new Date(),
      this.deps.thresholds(),
      this.deps.language?.() ?? 'en',
    );
  }

  /** Called with the new count when it (or its words) changes: after each check, and on `updateDueSoon`. */
  onDueSoon(listener: (due: DueSoon) => void): () => void {
    this.dueListeners.add(listener);
    return () => this.dueListeners.delete(listener);
  }

  /** Recounts (e.g. settings changed: thresholds or language) and tells the listeners if it changed. */
  updateDueSoon(): void {
    const due = this.dueSoon();
    if (this.lastDue && this.lastDue.count === due.count && this.lastDue.text === due.text) return;
    this.lastDue = due;
    for (const l of this.dueListeners) l(due);
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
