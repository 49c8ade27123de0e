import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { AccountSnapshot, VendorId } from '../../../preload/contract/model';
import { accountName, accountWithVendor, type DesktopLanguage, type DesktopT, desktopText } from '../i18n/desktop-text';
import { type DiskHealth, diskHealth } from '../store/disk-health';
import { tryMoveAside } from '../store/open-file';
import { ensurePrivateDir } from '../store/private-files';
import { writeFileAtomic } from './atomic-file';

/**
 * Expiry reminders: which notifications to show now. Pure logic over items + a clock, plus a small
 * file (`<dataDir>/reminders.json`) of reminders already shown, so a restart does not repeat them.
 * Showing them (Electron Notification) is the shell's job. The words come from the desktop resources
 * shared with the renderer (preload/contract/locales/desktop.*), in the app's language.
 *
 * Rules: each item gets at most one reminder per threshold for a given expiry date. When several
 * thresholds are crossed at once (the app was closed for days, or an item is due tomorrow on a first
 * launch), only the nearest one is told and the wider ones are recorded as told. One pass gives at most
 * one notification per account (at its most urgent threshold), or one summary when several accounts
 * are due. A renewed item has a new expiry date, so its reminders start over. Items already expired get
 * no "expires within" reminder.
 */

const DAY = 86_400_000;

export interface ReminderItem {
  accountId: string;
  accountLabel: string;
  vendor: VendorId;
  kind: 'ip' | 'order' | 'server';
  id: string;
  label: string;
  expiresAt: string | null;
  /** A demo account's items: named in the UI language (see accountWithVendor). */
  accountDemo?: boolean;
}

export interface ReminderNotification {
  /** Stable id (account + threshold + time bucket) for the notification system. */
  key: string;
  /** The account; '' for a summary over several accounts (see `itemIds`). */
  accountId: string;
  /** The most urgent threshold reached by the items told. */
  thresholdDays: number;
  title: string;
  body: string;
  /** Items to filter the IPs/orders view on when the notification is clicked. */
  items: { accountId: string; kind: ReminderItem['kind']; id: string }[];
  /** Convenience for the IPs view: the ids; for a summary (`accountId` '') `${accountId}|${id}`. */
  itemIds: string[];
  earliestExpiry: string;
}

const firedKey = (i: ReminderItem, t: number) => `${i.accountId}|${i.kind}:${i.id}|${i.expiresAt}|${t}`;

interface Due {
  item: ReminderItem;
  /** The nearest threshold the item has reached. */
  t: number;
}

/**
 * Pure: the notifications due at `now`, and the keys to record as shown. Calm by design: one
 * notification per account, at its most urgent threshold reached, and a single summary instead when
 * several accounts are due.
 */
export function dueReminders(
  items: readonly ReminderItem[],
  fired: ReadonlySet<string>,
  now: Date,
  thresholds: readonly number[] = [7, 3, 1],
  language: ReminderLanguage = 'en',
): { notifications: ReminderNotification[]; newlyFired: string[] } {
  const ascending = [...new Set(thresholds)].filter((t) => t > 0).sort((a, b) => a - b);
  const due: Due[] = [];
  const newlyFired: string[] = [];
  for (const item of items) {
    if (!item.expiresAt) continue;
    const left = Date.parse(item.expiresAt) - now.getTime();
    if (Number.isNaN(left) || left <= 0) continue;
    const nearest = ascending.find((t) => left <= t * DAY);
    if (nearest === undefined) continue;
    // Wider thresholds already passed are recorded too, so they never fire late.
    for (const t of ascending.filter((x) => x > nearest)) {
      const k = firedKey(item, t);
      if (!fired.has(k)) newlyFired.push(k);
    }
    const k = firedKey(item, nearest);
    if (fired.has(k)) continue;
    newlyFired.push(k);
    due.push({ item, t: nearest });
  }
  due.sort((a, b) => Date.parse(a.item.expiresAt!) - Date.parse(b.item.expiresAt!));
  const byAccount = new Map<string, Due[]>();
  for (const d of due) byAccount.set(d.item.accountId, [...(byAccount.get(d.item.accountId) ?? []), d]);
  if (byAccount.size > 1) return { notifications: [summaryNotification(due, byAccount.size, language)], newlyFired };
  const notifications = [...byAccount.values()].map((ds) => accountNotification(ds, language));
  return { notifications, newlyFired };
}

const earliestOf = (ds: readonly Due[]) => ds.map((d) => d.item.expiresAt!).sort()[0]!;
const itemsOf = (ds: readonly Due[]) => ds.map(({ item: i }) => ({ accountId: i.accountId, kind: i.kind, id: i.id }));

/** One account: told at its most urgent threshold; the items due at wider ones are mentioned. */
function accountNotification(ds: readonly Due[], language: ReminderLanguage): ReminderNotification {
  const first = ds[0]!.item;
  const t = Math.min(...ds.map((d) => d.t));
  const urgent = ds.filter((d) => d.t === t).map((d) => d.item);
  const rest = ds.filter((d) => d.t !== t).map((d) => d.item);
  const restDays = Math.max(t, ...ds.map((d) => d.t));
  const tr = desktopText(language);
  const also = rest.length ? tr('reminders.also', { what: describeCount(tr, rest), days: days(tr, restDays) }) : '';
  const text = reminderText(urgent, t, language, also);
  const earliest = earliestOf(ds);
  return {
    key: `${first.accountId}|${t}|${earliest}`,
    accountId: first.accountId,
    thresholdDays: t,
    title: text.title,
    body: text.body,
    items: itemsOf(ds),
    itemIds: ds.map((d) => d.item.id),
    earliestExpiry: earliest,
  };
}

const days = (tr: DesktopT, count: number) => tr('reminders.days', { count });

/** "a, b, c" and " and 2 more" for the first three names of a list. */
function listed(tr: DesktopT, names: readonly string[]): { names: string; more: string } {
  const more = names.length - 3;
  return {
    names: names.slice(0, 3).join(tr('reminders.listSeparator')),
    more: more > 0 ? tr('reminders.more', { count: more }) : '',
  };
}

/** Several accounts: one notification for the whole pass, listing the soonest items. */
function summaryNotification(ds: readonly Due[], accounts: number, language: ReminderLanguage): ReminderNotification {
  const tr = desktopText(language);
  const its = ds.map((d) => d.item);
  const widest = Math.max(...ds.map((d) => d.t));
  const t = Math.min(...ds.map((d) => d.t));
  const oneKind = new Set(its.map((i) => i.kind)).size === 1;
  const what = oneKind ? describeCount(tr, its) : tr('reminders.items', { count: its.length });
  const title = tr('reminders.summaryTitle', { what, accounts, days: days(tr, widest) });
  // Each item's threshold is said only when they differ (the title already says the one).
  const within = (d: number) => (t === widest ? '' : tr('reminders.summaryWithin', { days: days(tr, d) }));
  const names = ds.map(({ item: i, t: d }) =>
    tr('reminders.summaryItem', { label: i.label || i.id, account: itemAccountName(tr, i), within: within(d) }),
  );
  const body = tr('reminders.summaryBody', { ...listed(tr, names), renew: tr('reminders.renew') });
  const earliest = earliestOf(ds);
  return {
    key: `summary|${t}|${earliest}`,
    accountId: '',
    thresholdDays: t,
    title,
    body,
    items: itemsOf(ds),
    itemIds: ds.map((d) => `${d.item.accountId}|${d.item.id}`),
    earliestExpiry: earliest,
  };
}

const asAccount = (i: ReminderItem) => ({ label: i.accountLabel, vendor: i.vendor, demo: i.accountDemo });
const itemAccountName = (tr: DesktopT, i: ReminderItem) => accountName(tr, asAccount(i));

/**
 * Items due soon (for the tray: a badge or title count): not yet expired and within the widest
 * threshold. With the words for a tooltip.
 */
export function dueSoon(
  items: readonly ReminderItem[],
  now: Date,
  thresholds: readonly number[],
  language: ReminderLanguage,
): { count: number; text: string } {
  const widest = Math.max(0, ...thresholds.filter((x) => x > 0));
  const soon = items.filter((i) => {
    const left = i.expiresAt ? Date.parse(i.expiresAt) - now.getTime() : Number.NaN;
    return left > 0 && left <= widest * DAY;
  });
  if (soon.length === 0) return { count: 0, text: '' };
  const tr = desktopText(language);
  const text = tr('reminders.dueSoon', { count: soon.length, what: describeCount(tr, soon), days: days(tr, widest) });
  return { count: soon.length, text };
}

/** The language of the desktop notifications (the app's language setting). */
export type ReminderLanguage = DesktopLanguage;

/** Title and body of one reminder, in the user's language; `also` mentions items due later. */
function reminderText(
  its: readonly ReminderItem[],
  t: number,
  language: ReminderLanguage,
  also = '',
): { title: string; body: string } {
  const tr = desktopText(language);
  const where = accountWithVendor(tr, asAccount(its[0]!));
  const what = describeCount(tr, its);
  const names = listed(
    tr,
    its.map((i) => i.label || i.id),
  );
  return {
    title: tr('reminders.title', { count: its.length, what, where, days: days(tr, t) }),
    body: tr('reminders.body', { ...names, also, renew: tr('reminders.renew') }),
  };
}

/**
 * "Send a test reminder" (Settings): the reminder the user would get next — the nearest expiring items,
 * batched as usual — marked as a test, recorded nowhere (real reminders still fire). With nothing
 * expiring, a sample that says so.
 */
export function testReminder(
  items: readonly ReminderItem[],
  now: Date,
  thresholds: readonly number[],
  language: ReminderLanguage,
): ReminderNotification {
  const widest = Math.max(1, ...thresholds.filter((x) => x > 0));
  const upcoming = items
    .filter((i) => i.expiresAt && Date.parse(i.expiresAt) > now.getTime())
    .sort((a, b) => Date.parse(a.expiresAt!) - Date.parse(b.expiresAt!));
  const tr = desktopText(language);
  const soonest = upcoming[0];
  if (soonest) {
    const days = Math.max(1, Math.ceil((Date.parse(soonest.expiresAt!) - now.getTime()) / DAY));
    const batch = upcoming.filter(
      (i) => i.accountId === soonest.accountId && Date.parse(i.expiresAt!) - now.getTime() <= days * DAY,
    );
    const text = reminderText(batch, days, language);
    return {
      key: `test|${now.toISOString()}`,
      accountId: soonest.accountId,
      thresholdDays: days,
      title: tr('reminders.testTitle', { title: text.title }),
      body: text.body,
      items: batch.map((i) => ({ accountId: i.accountId, kind: i.kind, id: i.id })),
      itemIds: batch.map((i) => i.id),
      earliestExpiry: soonest.expiresAt!,
    };
  }
  return {
    key: `test|${now.toISOString()}`,
    accountId: '',
    thresholdDays: widest,
    title: tr('reminders.testSampleTitle'),
    body: tr('reminders.testSampleBody', {
      days: days(tr, widest),
      thresholds: [...thresholds].sort((a, b) => b - a).join(tr('reminders.listSeparator')),
    }),
    items: [],
    itemIds: [],
    earliestExpiry: now.toISOString(),
  };
}

/** "2 IPs and 1 server" / "2 个 IP和1 台服务器". */
function describeCount(tr: DesktopT, items: readonly ReminderItem[]): string {
  const parts: string[] = [];
  for (const kind of ['ip', 'order', 'server'] as const) {
    const count = items.filter((i) => i.kind === kind).length;
    if (count) parts.push(tr(`reminders.${kind}`, { count }));
  }
  return parts.join(tr('reminders.and'));
}

/**
 * Items from snapshots: IPs and servers; orders only when none of their IPs are listed (else the
 * same expiry would be announced twice, e.g. YouProxy orders derived from their IPs).
 */
export function reminderItems(
  snapshots: readonly AccountSnapshot[],
  accounts: readonly { id: string; label: string; vendor: VendorId; demo?: boolean }[],
): ReminderItem[] {
  const out: ReminderItem[] = [];
  for (const s of snapshots) {
    const a = accounts.find((x) => x.id === s.accountId);
    if (!a) continue;
    const base = { accountId: a.id, accountLabel: a.label, vendor: a.vendor, ...(a.demo ? { accountDemo: true } : {}) };
    const ordersWithIps = new Set(s.proxies.map((p) => p.orderId).filter(Boolean));
    for (const p of s.proxies) out.push({ ...base, kind: 'ip', id: p.id, label: p.ip, expiresAt: p.expiresAt });
    for (const v of s.servers) out.push({ ...base, kind: 'server', id: v.id, label: v.ip, expiresAt: v.expiresAt });
    for (const o of s.orders) {
      if (ordersWithIps.has(o.id) || o.status === 'cancelled') continue;
      out.push({ ...base, kind: 'order', id: o.id, label: o.product, expiresAt: o.expiresAt });
    }
  }
  return out;
}

const FiredFile = z.object({ version: z.literal(1), fired: z.array(z.string()) });

export class Reminders {
  private readonly path: string;
  private fired = new Set<string>();
  /** In plain English: the renderer recognises the sentence and shows it in the UI language (error-sentences.ts). */
  readonly notices: string[] = [];

  private readonly disk: DiskHealth;

  constructor(
    dataDir: string,
    private readonly opts: {
      now?: () => Date;
      thresholds?: number[];
      language?: ReminderLanguage;
      disk?: DiskHealth;
    } = {},
  ) {
    this.disk = opts.disk ?? diskHealth(dataDir);
    this.path = join(dataDir, 'reminders.json');
    if (existsSync(this.path)) {
      try {
        this.fired = new Set(FiredFile.parse(JSON.parse(readFileSync(this.path, 'utf8'))).fired);
      } catch {
        // Worst case some reminders show again; say so rather than fail.
        const moved = tryMoveAside(this.path, 'damaged', this.now());
        this.notices.push(
          `The list of expiry reminders already shown could not be read${moved ? ` (kept as ${moved})` : ''}. Some reminders may show again.`,
        );
      }
    }
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  /** Notifications to show now; records them as shown (persisted before returning). */
  check(items: readonly ReminderItem[]): ReminderNotification[] {
    const now = this.now();
    const { notifications, newlyFired } = dueReminders(
      items,
      this.fired,
      now,
      this.opts.thresholds,
      this.opts.language,
    );
    if (newlyFired.length === 0) return notifications;
    for (const k of newlyFired) this.fired.add(k);
    // Keys of expiries more than 30 days past are dropped: the file stays small.
    for (const k of this.fired) {
      const expiry = Date.parse(k.split('|')[2] ?? '');
      if (!Number.isNaN(expiry) && expiry < now.getTime() - 30 * DAY) this.fired.delete(k);
    }
    // The list stays in memory when the disk refuses it (no reminder repeats while Proxydeck runs) and is saved later.
    this.disk.write('reminders', () => {
      ensurePrivateDir(dirname(this.path));
      writeFileAtomic(this.path, JSON.stringify({ version: 1, fired: [...this.fired] }));
    });
    return notifications;
  }
}
