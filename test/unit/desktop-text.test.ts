/**
 * Main-process text follows the UI language: the shared desktop resources (same keys in en and zh-CN,
 * registered in the renderer too), the application menu, the tray, the start-up error box and the
 * reminder notifications built from them, and the switch when `settings:update` changes the language.
 */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../main/core/events';
import { desktopText } from '../../main/core/i18n/desktop-text';
import { dueReminders, dueSoon, type ReminderItem } from '../../main/core/renewals/reminders';
import {
  desktopLanguage,
  followLanguage,
  startFailedText,
  trayMenuTemplate,
  trayTooltip,
} from '../../main/shell/localize';
import { menuTemplate } from '../../main/shell/menu';
import { desktopEn } from '../../preload/contract/locales/desktop.en';
import { desktopZhCN } from '../../preload/contract/locales/desktop.zh-CN';
import { i18n } from '../../renderer/i18n';

const rec = vi.hoisted(() => ({ menus: [] as unknown[][], tooltips: [] as string[] }));
vi.mock('electron', () => ({
  Tray: class {
    setToolTip(t: string) {
      rec.tooltips.push(t);
    }
    setTitle() {}
    setContextMenu(m: unknown[]) {
      rec.menus.push(m);
    }
    on() {}
    destroy() {}
  },
  Menu: { buildFromTemplate: (t: unknown) => t },
  Notification: { isSupported: () => false },
  nativeImage: { createFromDataURL: () => ({}) },
}));

/** Every leaf key of a resource tree, dotted. */
const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );

/** The menu item options (electron's type, without importing electron). */
type MenuItemConstructorOptions = ReturnType<typeof menuTemplate>[number];

const labels = (items: MenuItemConstructorOptions[] | undefined) =>
  (items ?? []).filter((i) => i.type !== 'separator').map((i) => i.label);
const sub = (m: MenuItemConstructorOptions | undefined) => m?.submenu as MenuItemConstructorOptions[] | undefined;

const zh = desktopText('zh-CN');
const en = desktopText('en');

describe('the desktop resources', () => {
  it('have the same keys in English and Chinese, none empty, and the Chinese ones are translated', () => {
    const enKeys = keys(desktopEn);
    expect(keys(desktopZhCN).sort()).toEqual([...enKeys].sort());
    expect(enKeys.length).toBeGreaterThan(50);
    for (const k of enKeys)
      expect(zh(k.replace(/^desktop\./, '').replace(/_(one|other)$/, ''), { count: 2 })).not.toBe('');
    // Only the brand and the separators read the same in both languages.
    const same = enKeys.filter((k) => {
      const path = k.split('.');
      const pick = (o: object) => path.reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o);
      return pick(desktopEn) === pick(desktopZhCN);
    });
    expect(same.sort()).toEqual(
      ['desktop.account.withVendor', 'desktop.menu.app', 'desktop.tray.tooltip', 'desktop.tray.tooltipDue'].sort(),
    );
  });

  it('are part of the renderer resources, under desktop.*', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('desktop.menu.copy')).toBe('复制');
    expect(i18n.t('desktop.demo.name')).toBe('演示');
    await i18n.changeLanguage('en');
    expect(i18n.t('desktop.menu.copy')).toBe('Copy');
  });

  it('an unknown language falls back to English; Chinese system locales pick zh-CN before the settings are read', () => {
    expect(desktopText('fr')('menu.edit')).toBe('Edit');
    expect(desktopLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(desktopLanguage('en', ['zh-CN'])).toBe('en');
    expect(desktopLanguage(undefined, ['zh-Hans-CN', 'en'])).toBe('zh-CN');
    expect(desktopLanguage(undefined, ['zh-TW'])).toBe('zh-CN');
    expect(desktopLanguage(undefined, ['de-DE', 'zh-CN'])).toBe('en');
    expect(desktopLanguage(undefined, [])).toBe('en');
  });
});

describe('the application menu', () => {
  it('in zh-CN: 文件 / 编辑 / 视图 / 窗口 / 帮助, each role item with its Chinese label', () => {
    const menu = menuTemplate('linux', false, zh);
    expect(labels(menu)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    const edit = sub(menu.find((m) => m.label === '编辑'));
    expect(edit?.filter((i) => i.role).map((i) => [i.role, i.label])).toEqual([
      ['undo', '撤销'],
      ['redo', '重做'],
      ['cut', '剪切'],
      ['copy', '复制'],
      ['paste', '粘贴'],
      ['selectAll', '全选'],
    ]);
    expect(labels(sub(menu.find((m) => m.label === '视图')))).toEqual(['重置缩放', '放大', '缩小', '切换全屏']);
    expect(sub(menu[0])?.map((i) => [i.role, i.label])).toEqual([['quit', '退出']]);
    expect(sub(menu.find((m) => m.label === '帮助'))?.map((i) => [i.role, i.label])).toEqual([
      ['about', '关于 Proxydeck'],
    ]);
  });

  it('on macOS: the app menu and the Window menu in Chinese; every role item has an explicit label', () => {
    const menu = menuTemplate('darwin', true, zh);
    expect(labels(menu)).toEqual(['Proxydeck', '文件', '编辑', '视图', '窗口']);
    expect(labels(sub(menu[0]))).toEqual([
      '关于 Proxydeck',
      '服务',
      '隐藏 Proxydeck',
      '隐藏其他',
      '全部显示',
      '退出 Proxydeck',
    ]);
    expect(labels(sub(menu.find((m) => m.label === '窗口')))).toEqual(['最小化', '缩放', '前置全部窗口']);
    const all = menu.flatMap((m) => [m, ...(sub(m) ?? [])]);
    for (const item of all.filter((i) => i.role)) expect(item.label, item.role).toMatch(/^[^a-z.]*$|Proxydeck/);
    // The same menu in English, from the same keys.
    expect(labels(menuTemplate('darwin', false, en))).toEqual(['Proxydeck', 'File', 'Edit', 'View', 'Window']);
    expect(labels(sub(menuTemplate('win32', false, en).find((m) => m.label === 'Edit')))).toContain('Select All');
  });
});

describe('the tray and the start-up error box', () => {
  it('tray labels and the tooltip with the count due soon, in both languages', () => {
    const open = () => undefined;
    const quit = () => undefined;
    expect(labels(trayMenuTemplate(zh, { open, quit }))).toEqual(['打开 Proxydeck', '退出 Proxydeck']);
    expect(trayMenuTemplate(en, { open, quit }).map((i) => i.click)).toEqual([open, undefined, quit]);
    const items: ReminderItem[] = ['1', '2'].map((id) => ({
      accountId: 'a',
      accountLabel: 'Shop',
      vendor: 'thordata',
      kind: 'ip',
      id,
      label: id,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    }));
    const dueZh = dueSoon(items, new Date(), [7, 3, 1], 'zh-CN');
    expect(trayTooltip(zh, dueZh)).toBe('Proxydeck — 2 个 IP将在 7 天内到期');
    expect(trayTooltip(en, dueSoon(items.slice(1), new Date(), [1], 'en'))).toBe(
      'Proxydeck — 1 IP expires within 1 day',
    );
    expect(trayTooltip(zh, { count: 0, text: '' })).toBe('Proxydeck');
  });

  it('the start-up error box says where the log and the data are, in the language', () => {
    const where = { log: '/d/logs/main.log', dir: '/d' };
    expect(startFailedText(zh, where)).toEqual({
      title: 'Proxydeck 无法启动',
      body: '启动时出错（详细信息在日志中：/d/logs/main.log）。请重新启动 Proxydeck；如果问题反复出现，请检查其数据文件夹 /d 所在的磁盘是否正常。',
    });
    expect(startFailedText(en, where).body).toContain('the details are in the log: /d/logs/main.log');
  });
});

describe('switching the language', () => {
  beforeEach(() => {
    rec.menus.length = 0;
    rec.tooltips.length = 0;
  });

  it('followLanguage applies now and on each language change, not on other settings changes', () => {
    const events = new EventHub();
    let language = 'en';
    const applied: [string, string][] = [];
    const off = followLanguage(
      events,
      () => language,
      (t, lng) => applied.push([lng, t('menu.edit')]),
    );
    expect(applied).toEqual([['en', 'Edit']]);
    events.emit({ type: 'settings-changed' }); // e.g. the refresh interval: nothing to redo
    language = 'zh-CN';
    events.emit({ type: 'accounts-changed' });
    expect(applied).toHaveLength(1);
    events.emit({ type: 'settings-changed' });
    expect(applied).toEqual([
      ['en', 'Edit'],
      ['zh-CN', '编辑'],
    ]);
    off();
    language = 'en';
    events.emit({ type: 'settings-changed' });
    expect(applied).toHaveLength(2);
  });

  it('the tray menu and tooltip are rebuilt in the new language at once', async () => {
    const { runInBackground } = await import('../../main/shell/background');
    const events = new EventHub();
    let language = 'en';
    const app = { on: () => undefined, quit: () => undefined, setBadgeCount: () => undefined };
    const win = { on: () => undefined };
    const due = { dueSoon: () => ({ count: 3, text: '…' }), onDueSoon: () => () => undefined };
    const stop = runInBackground(
      app as never,
      events,
      () => win as never,
      due,
      () => language,
    );
    expect(labels(rec.menus.at(-1) as MenuItemConstructorOptions[])).toEqual(['Open Proxydeck', 'Quit Proxydeck']);
    language = 'zh-CN';
    events.emit({ type: 'settings-changed' });
    expect(labels(rec.menus.at(-1) as MenuItemConstructorOptions[])).toEqual(['打开 Proxydeck', '退出 Proxydeck']);
    expect(rec.tooltips.at(-1)).toBe('Proxydeck — …');
    stop();
    language = 'en';
    events.emit({ type: 'settings-changed' });
    expect(labels(rec.menus.at(-1) as MenuItemConstructorOptions[])).toEqual(['打开 Proxydeck', '退出 Proxydeck']);
  });
});

describe('reminder notifications from the shared resources', () => {
  const START = Date.parse('2026-11-23T12:00:00.000Z');
  const item = (accountId: string, id: string, days: number, over: Partial<ReminderItem> = {}): ReminderItem => ({
    accountId,
    accountLabel: accountId.toUpperCase(),
    vendor: 'bestproxy',
    kind: 'ip',
    id,
    label: `10.0.0.${id}`,
    expiresAt: new Date(START + days * 86_400_000).toISOString(),
    ...over,
  });

  it('one account in zh-CN: title, the items due later, and five names cut to three', () => {
    const items = [...['1', '2', '3', '4'].map((id) => item('a', id, 0.5)), item('a', '5', 5, { kind: 'server' })];
    const [n] = dueReminders(items, new Set(), new Date(START), [7, 3, 1], 'zh-CN').notifications;
    expect(n?.title).toBe('A · BestProxy 的 4 个 IP 将在 1 天内到期');
    expect(n?.body).toBe(
      '10.0.0.1、10.0.0.2、10.0.0.3 等另外 1 项。另有 1 台服务器 将在 7 天内到期。请在 Proxydeck 中续费以保留它们。',
    );
    const [e] = dueReminders(items, new Set(), new Date(START), [7, 3, 1], 'en').notifications;
    expect(e?.title).toBe('4 IPs at A · BestProxy expire within 1 day');
    expect(e?.body).toBe(
      '10.0.0.1, 10.0.0.2, 10.0.0.3 and 1 more. Also 1 server within 7 days. Renew in Proxydeck to keep them.',
    );
  });
});
