import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { AccountSnapshot, VendorId } from '../../../preload/contract/model';
import { VENDOR_NAMES } from '../../vendors/errors';
import { type DiskHealth, diskHealth } from '../store/disk-health';
import { tryMoveAside } from '../store/open-file';
import { ensurePrivateDir } from '../store/private-files';
import { writeFileAtomic } from './atomic-file';

/**
 * Expiry reminders: which notifications to show now. Pure logic over items + a clock, plus a small
 * file (`<dataDir>/reminders.json`) of reminders already shown, so a restart does not repeat them.
 * Showing them (Electron Notification) is the shell's job.
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
  const text = reminderText(urgent, t, language);
  const also = rest.length
    ? language === 'zh-CN'
      ? `另有 ${describeCountZh(rest)} 将在 ${restDays} 天内到期。`
      : `Also ${describeCount(rest)} within ${restDays} days. `
    : '';
  const earliest = earliestOf(ds);
  return {
    key: `${first.accountId}|${t}|${earliest}`,
    accountId: first.accountId,
    thresholdDays: t,
    title: text.title,
    body: also ? text.body.replace(RENEW[language], `${also}${RENEW[language]}`) : text.body,
    items: itemsOf(ds),
    itemIds: ds.map((d) => d.item.id),
    earliestExpiry: earliest,
  };
}

const RENEW: Record<ReminderLanguage, string> = {
  en: 'Renew in Proxydeck to keep them.',
  'zh-CN': '请在 Proxydeck 中续费以保留它们。',
};

/** Several accounts: one notification for the whole pass, listing the soonest items. */
function summaryNotification(ds: readonly Due[], accounts: number, language: ReminderLanguage): ReminderNotification {
  const its = ds.map((d) => d.item);
  const widest = Math.max(...ds.map((d) => d.t));
  const t = Math.min(...ds.map((d) => d.t));
  const soonest = ds.slice(0, 3);
  const more = ds.length - soonest.length;
  const zh = language === 'zh-CN';
  const oneKind = new Set(its.map((i) => i.kind)).size === 1;
  const title = zh
    ? `${accounts} 个账户中的 ${oneKind ? describeCountZh(its) : `${its.length} 项`}将在 ${widest} 天内到期`
    : `${oneKind ? describeCount(its) : `${its.length} items`} in ${accounts} accounts expire within ${widest} ${widest === 1 ? 'day' : 'days'}`;
  // Each item's threshold is said only when they differ (the title already says the one).
  const within = (d: number) => (t === widest ? '' : zh ? `，${d} 天内` : ` (within ${d} ${d === 1 ? 'day' : 'days'})`);
  const listed = soonest.map(({ item: i, t: d }) =>
    zh ? `${i.label || i.id}（${i.accountLabel}${within(d)}）` : `${i.label || i.id} at ${i.accountLabel}${within(d)}`,
  );
  const body = zh
    ? `最早到期：${listed.join('、')}${more ? ` 等另外 ${more} 项` : ''}。${RENEW[language]}`
    : `Soonest: ${listed.join(', ')}${more ? ` and ${more} more` : ''}. ${RENEW[language]}`;
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
  const text =
    language === 'zh-CN'
      ? `${describeCountZh(soon)}将在 ${widest} 天内到期`
      : `${describeCount(soon)} ${soon.length === 1 ? 'expires' : 'expire'} within ${widest} ${widest === 1 ? 'day' : 'days'}`;
  return { count: soon.length, text };
}

/** The language of the desktop notifications (the app's language setting). */
export type ReminderLanguage = 'en' | 'zh-CN';

/** Title and body of one reminder, in the user's language. */
function reminderText(
  its: readonly ReminderItem[],
  t: number,
  language: ReminderLanguage,
): { title: string; body: string } {
  const first = its[0]!;
  const where = `${first.accountLabel} · ${VENDOR_NAMES[first.vendor]}`;
  const names = its.slice(0, 3).map((i) => i.label || i.id);
  if (language === 'zh-CN') {
    return {
      title: `${where} 的 ${describeCountZh(its)} 将在 ${t} 天内到期`,
      body: `${names.join('、')}${its.length > 3 ? ` 等另外 ${its.length - 3} 项` : ''}。请在 Proxydeck 中续费以保留它们。`,
    };
  }
  return {
    title: `${describeCount(its)} at ${where} ${its.length === 1 ? 'expires' : 'expire'} within ${t} ${t === 1 ? 'day' : 'days'}`,
    body:
      its.length <= 3
        ? `${names.join(', ')}. Renew in Proxydeck to keep them.`
        : `${names.join(', ')} and ${its.length - 3} more. Renew in Proxydeck to keep them.`,
  };
}

const NOUN_ZH: Record<ReminderItem['kind'], string> = { ip: '个 IP', order: '个订单', server: '台服务器' };

function describeCountZh(items: readonly ReminderItem[]): string {
  const parts: string[] = [];
  for (const kind of ['ip', 'order', 'server'] as const) {
    const n = items.filter((i) => i.kind === kind).length;
    if (n) parts.push(`${n} ${NOUN_ZH[kind]}`);
  }
  return parts.join('和');
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
  const zh = language === 'zh-CN';
  const mark = zh ? '测试提醒：' : 'Test reminder: ';
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
      title: `${mark}${text.title}`,
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
    title: zh ? `${mark}到期提醒会这样显示` : `${mark}expiry reminders look like this`,
    body: zh
      ? `在 ${widest} 天内没有即将到期的项目。有项目即将到期时，Proxydeck 会在到期前 ${[...thresholds].sort((a, b) => b - a).join('、')} 天提醒您。`
      : `Nothing expires within ${widest} days. When something does, Proxydeck reminds you ${[...thresholds].sort((a, b) => b - a).join(', ')} days before.`,
    items: [],
    itemIds: [],
    earliestExpiry: now.toISOString(),
  };
}

const NOUN: Record<ReminderItem['kind'], [string, string]> = {
  ip: ['IP', 'IPs'],
  order: ['order', 'orders'],
  server: ['server', 'servers'],
};

function describeCount(items: readonly ReminderItem[]): string {
  const parts: string[] = [];
  for (const kind of ['ip', 'order', 'server'] as const) {
    const n = items.filter((i) => i.kind === kind).length;
    if (n) parts.push(`${n} ${NOUN[kind][n === 1 ? 0 : 1]}`);
  }
  return parts.join(' and ');
}

/**
 * Items from snapshots: IPs and servers; orders only when none of their IPs are listed (else the
 * same expiry would be announced twice, e.g. YouProxy orders derived from their IPs).
 */
export function reminderItems(
  snapshots: readonly AccountSnapshot[],
  accounts: readonly { id: string; label: string; vendor: VendorId }[],
): ReminderItem[] {
  const out: ReminderItem[] = [];
  for (const s of snapshots) {
    const a = accounts.find((x) => x.id === s.accountId);
    if (!a) continue;
    const base = { accountId: a.id, accountLabel: a.label, vendor: a.vendor };
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
