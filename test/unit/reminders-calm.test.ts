import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../main/core/events';
import { ReminderRunner } from '../../main/core/renewals/reminder-runner';
import { dueReminders, dueSoon, type ReminderItem, Reminders } from '../../main/core/renewals/reminders';
import type { AccountSnapshot } from '../../preload/contract/model';
import { tempDir } from '../helpers/tmp';

// A recording stand-in for the few Electron APIs runInBackground uses.
const rec = vi.hoisted(() => ({
  notifications: [] as { title: string; body: string; click?: () => void; shown: boolean }[],
  badge: [] as number[],
  titles: [] as string[],
  tooltips: [] as string[],
}));
vi.mock('electron', () => {
  class Notification {
    static isSupported = () => true;
    private readonly entry: (typeof rec.notifications)[number];
    constructor(o: { title: string; body: string }) {
      this.entry = { title: o.title, body: o.body, shown: false };
      rec.notifications.push(this.entry);
    }
    on(_: 'click', f: () => void) {
      this.entry.click = f;
    }
    show() {
      this.entry.shown = true;
    }
  }
  class Tray {
    setToolTip(t: string) {
      rec.tooltips.push(t);
    }
    setTitle(t: string) {
      rec.titles.push(t);
    }
    setContextMenu() {}
    on() {}
    destroy() {}
  }
  return {
    Notification,
    Tray,
    Menu: { buildFromTemplate: (t: unknown) => t },
    nativeImage: { createFromDataURL: () => ({}) },
  };
});

const DAY = 86_400_000;
const START = Date.parse('2026-11-23T12:00:00.000Z');
const at = (days: number) => new Date(START + days * DAY).toISOString();
const item = (accountId: string, id: string, days: number, over: Partial<ReminderItem> = {}): ReminderItem => ({
  accountId,
  accountLabel: accountId.toUpperCase(),
  vendor: 'youproxy',
  kind: 'ip',
  id,
  label: `10.0.0.${id}`,
  expiresAt: at(days),
  ...over,
});

const dirs: (() => void)[] = [];
const fresh = () => {
  const t = tempDir('proxydeck-reminders-calm-');
  dirs.push(t.cleanup);
  return t.dir;
};
afterEach(() => {
  for (const c of dirs.splice(0)) c();
});

describe('calm reminders: one pass, one notification per account, or one summary', () => {
  it('an item due tomorrow is told once, "within 1 day"; its 7- and 3-day reminders never come later', () => {
    let now = new Date(START);
    const r = new Reminders(fresh(), { now: () => now });
    const items = [item('a', '1', 0.8)];
    const first = r.check(items);
    expect(first.map((n) => [n.title, n.thresholdDays])).toEqual([['1 IP at A · YouProxy expires within 1 day', 1]]);
    for (const h of [1, 4, 8, 12, 18]) {
      now = new Date(START + h * 3_600_000);
      expect(r.check(items)).toEqual([]);
    }
    const { newlyFired } = dueReminders(items, new Set(), new Date(START));
    expect(newlyFired.map((k) => k.split('|').at(-1)).sort()).toEqual(['1', '3', '7']);
  });

  it('one account with items at several thresholds: one notification at the most urgent, the rest mentioned', () => {
    const { notifications } = dueReminders(
      [item('a', '1', 5), item('a', '2', 0.5), item('a', '3', 2), item('a', '4', 20)],
      new Set(),
      new Date(START),
    );
    expect(notifications).toHaveLength(1);
    const n = notifications[0]!;
    expect(n.title).toBe('1 IP at A · YouProxy expires within 1 day');
    expect(n.body).toBe('10.0.0.2. Also 2 IPs within 7 days. Renew in Proxydeck to keep them.');
    expect(n.thresholdDays).toBe(1);
    expect(n.accountId).toBe('a');
    expect(n.itemIds).toEqual(['2', '3', '1']); // soonest first; the item 20 days out is not due
  });

  it('several accounts: a single summary listing the soonest, pointing at every item of the pass', () => {
    const items = [
      ...['1', '2', '3', '4'].map((id, i) => item('a', id, 6 - i * 0.1)),
      item('b', '5', 2.5, { kind: 'order', label: 'ISP plan' }),
      item('c', '6', 0.5),
    ];
    const { notifications } = dueReminders(items, new Set(), new Date(START));
    expect(notifications).toHaveLength(1);
    const s = notifications[0]!;
    expect(s.title).toBe('6 items in 3 accounts expire within 7 days');
    expect(s.body).toBe(
      'Soonest: 10.0.0.6 at C (within 1 day), ISP plan at B (within 3 days), 10.0.0.4 at A (within 7 days) and 3 more. Renew in Proxydeck to keep them.',
    );
    expect(s.accountId).toBe('');
    expect(s.thresholdDays).toBe(1);
    expect(s.itemIds).toEqual(['c|6', 'b|5', 'a|4', 'a|3', 'a|2', 'a|1']);

    const zh = dueReminders(items, new Set(), new Date(START), [7, 3, 1], 'zh-CN').notifications;
    expect(zh).toHaveLength(1);
    expect(zh[0]!.title).toBe('3 个账户中的 6 项将在 7 天内到期');
    expect(zh[0]!.body).toBe(
      '最早到期：10.0.0.6（C，1 天内）、ISP plan（B，3 天内）、10.0.0.4（A，7 天内） 等另外 3 项。请在 Proxydeck 中续费以保留它们。',
    );
    // One kind only: the title names it.
    const ips = dueReminders([item('a', '1', 2), item('b', '2', 2)], new Set(), new Date(START)).notifications;
    expect(ips.map((n) => n.title)).toEqual(['2 IPs in 2 accounts expire within 3 days']);
  });

  it('counts items due soon (for the tray), in the user language', () => {
    const items = [
      item('a', '1', 2),
      item('a', '2', 6.9),
      item('b', '3', 8),
      item('b', '4', -1),
      item('b', '5', 1, { kind: 'server' }),
    ];
    expect(dueSoon(items, new Date(START), [7, 3, 1], 'en')).toEqual({
      count: 3,
      text: '2 IPs and 1 server expire within 7 days',
    });
    expect(dueSoon(items, new Date(START), [7, 3, 1], 'zh-CN').text).toBe('2 个 IP和1 台服务器将在 7 天内到期');
    expect(dueSoon([], new Date(START), [7], 'en')).toEqual({ count: 0, text: '' });
  });
});

const snapshot = (accountId: string, proxies: { id: string; days: number }[]): AccountSnapshot =>
  ({
    accountId,
    fetchedAt: at(0),
    balance: null,
    orders: [],
    proxies: proxies.map((p) => ({ id: p.id, ip: `10.1.0.${p.id}`, expiresAt: at(p.days) })),
    whitelist: [],
    subUsers: [],
    servers: [],
    traffic: [],
    errors: {},
  }) as unknown as AccountSnapshot;

describe('the reminder runner', () => {
  const accounts = [
    { id: 'demo1', label: 'Demo', vendor: 'youproxy' as const, demo: true },
    { id: 'real', label: 'Mine', vendor: 'youproxy' as const, demo: false },
  ];
  const snaps = [snapshot('demo1', [{ id: '1', days: 0.5 }]), snapshot('real', [{ id: '2', days: 9 }])];

  it('demo accounts never notify nor count; the test reminder still uses them', () => {
    let clock = START;
    const events = new EventHub();
    const seen: string[] = [];
    events.on((e) => {
      if (e.type === 'reminder') seen.push(e.reminder.title);
    });
    const runner = new ReminderRunner(fresh(), {
      events,
      snapshots: () => snaps,
      accounts: () => accounts,
      thresholds: () => [7, 3, 1],
      now: () => new Date(clock),
    });
    const counts: number[] = [];
    runner.onDueSoon((d) => counts.push(d.count));
    expect(runner.check()).toEqual([]);
    expect(runner.dueSoon().count).toBe(0);
    clock = START + 3 * DAY; // the real IP: 6 days left
    const due = runner.check();
    expect(due.map((n) => [n.accountId, n.title])).toEqual([['real', '1 IP at Mine · YouProxy expires within 7 days']]);
    expect(seen).toEqual(['1 IP at Mine · YouProxy expires within 7 days']);
    expect(counts).toEqual([0, 1]);
    runner.updateDueSoon(); // unchanged: not told again
    expect(counts).toEqual([0, 1]);
    clock = START;
    expect(runner.sendTest().title).toBe('Test reminder: 1 IP at Demo · YouProxy expires within 1 day');
  });
});

describe('the shell: notifications and the tray count', () => {
  const platform = process.platform;
  beforeEach(() => {
    rec.notifications.length = 0;
    rec.badge.length = 0;
    rec.titles.length = 0;
    rec.tooltips.length = 0;
  });
  afterEach(() => {
    Object.defineProperty(process, 'platform', { value: platform });
  });

  const fakeApp = () => ({
    on: () => undefined,
    quit: () => undefined,
    setBadgeCount: (n: number) => rec.badge.push(n),
  });
  const fakeWindow = () => {
    const sent: unknown[] = [];
    return {
      sent,
      win: {
        on: () => undefined,
        isMinimized: () => false,
        restore: () => undefined,
        show: () => undefined,
        focus: () => undefined,
        hide: () => undefined,
        isDestroyed: () => false,
        webContents: { send: (_: string, e: unknown) => sent.push(e) },
      },
    };
  };

  it('a summary click opens the IPs view on all items of the pass; the count shows as badge, title and tooltip', async () => {
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    const { runInBackground } = await import('../../main/shell/background');
    const events = new EventHub();
    let listener: ((d: { count: number; text: string }) => void) | null = null;
    const due = {
      dueSoon: () => ({ count: 2, text: '2 IPs expire within 7 days' }),
      onDueSoon: (l: (d: { count: number; text: string }) => void) => {
        listener = l;
        return () => {
          listener = null;
        };
      },
    };
    const { win, sent } = fakeWindow();
    const stop = runInBackground(fakeApp() as never, events, () => win as never, due);
    expect(rec.badge).toEqual([2]);
    expect(rec.titles).toEqual(['2']);
    expect(rec.tooltips.at(-1)).toBe('Proxydeck — 2 IPs expire within 7 days');

    events.emit({
      type: 'reminder',
      reminder: {
        key: 'summary|1|x',
        accountId: '',
        title: '3 IPs in 2 accounts expire within 7 days',
        body: 'Soonest: …',
        itemIds: ['a|1', 'a|2', 'b|3'],
        thresholdDays: 1,
      },
    });
    expect(rec.notifications.map((n) => [n.title, n.shown])).toEqual([
      ['3 IPs in 2 accounts expire within 7 days', true],
    ]);
    rec.notifications[0]!.click!();
    expect(sent).toEqual([{ type: 'open-view', view: 'ips', accountId: '', itemIds: ['a|1', 'a|2', 'b|3'] }]);

    listener!({ count: 0, text: '' });
    expect(rec.badge.at(-1)).toBe(0);
    expect(rec.titles.at(-1)).toBe('');
    expect(rec.tooltips.at(-1)).toBe('Proxydeck');
    stop();
    expect(listener).toBeNull();
  });

  it('on Windows: tooltip only (no badge API, no tray title)', async () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    const { runInBackground } = await import('../../main/shell/background');
    const { win } = fakeWindow();
    const stop = runInBackground(fakeApp() as never, new EventHub(), () => win as never, {
      dueSoon: () => ({ count: 1, text: '1 IP expires within 7 days' }),
      onDueSoon: () => () => undefined,
    });
    expect(rec.badge).toEqual([]);
    expect(rec.titles).toEqual([]);
    expect(rec.tooltips.at(-1)).toBe('Proxydeck — 1 IP expires within 7 days');
    stop();
  });
});
