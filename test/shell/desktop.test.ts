/**
 * Notifications, tray and menu of the real built main under the fake Electron: a calm first launch
 * in demo mode, a working notification path, and menus that follow the UI language (en / zh-CN).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNEL } from '../../preload/contract/api';
import { flatten, launchMain, type MainProcess, type MenuNode, refreshesEnded } from './harness';

let main: MainProcess;
beforeAll(async () => {
  main = launchMain();
  await main.started();
  await refreshesEnded(main, 4);
  // The reminder pass runs 1 s after the last refresh of a burst ends.
  await new Promise((r) => setTimeout(r, 2000));
}, 30_000); // a child process starts: more than the default 10 s hook time on a slow machine
afterAll(() => main?.dispose());

const CJK = /[\u4e00-\u9fff]/;
const labels = (menu: MenuNode[] | null) =>
  flatten(menu)
    .map((x) => x.item)
    .filter((i) => i.type !== 'separator')
    .map((i) => i.label);

describe('the first launch in demo mode', () => {
  it('fires no desktop notification and counts nothing due (demo accounts never notify)', async () => {
    const s = await main.state();
    expect(s.notifications).toEqual([]);
    expect((await main.journal({ api: 'new Notification' })).length).toBe(0);
    const badges = (await main.journal({ api: 'app.setBadgeCount' })).map((e) => e.args[0]);
    expect(badges.every((n) => n === 0)).toBe(true);
  });
});

describe('a reminder', () => {
  it('becomes one notification; clicking it brings the window up on the IPs view', async () => {
    await main.call('hideWindow');
    const sent = await main.invoke<{ ok: boolean; data: { title: string; body: string } }>('reminders:test');
    expect(sent.value?.ok).toBe(true);
    const s = await main.state();
    expect(s.notifications).toEqual([{ title: sent.value!.data.title, body: sent.value!.data.body, shown: true }]);
    const mark = (await main.journal()).at(-1)!.seq;
    await main.call('clickNotification', 0);
    expect((await main.state()).windows[0]).toMatchObject({ visible: true, focused: true });
    const open = (await main.journal({ api: 'webContents.send', after: mark })).map((e) => e.args);
    expect(open).toContainEqual([EVENT_CHANNEL, expect.objectContaining({ type: 'open-view', view: 'ips' })]);
  });
});

describe('the menus', () => {
  it('the application menu has the usual items, each with a label', async () => {
    const menu = (await main.state()).applicationMenu;
    expect(menu?.length).toBeGreaterThanOrEqual(4);
    const roles = flatten(menu).map((x) => x.item.role);
    expect(roles).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    for (const item of menu!) expect(item.label, JSON.stringify(item)).not.toBe('');
  });

  it('menu, tray and notifications switch to Chinese when the language setting does, and back', async () => {
    const before = await main.state();
    expect(labels(before.applicationMenu).some((l) => CJK.test(l))).toBe(false);
    expect(labels(before.trays[0]!.menu).some((l) => CJK.test(l))).toBe(false);
    const mark = (await main.journal()).at(-1)!.seq;

    const updated = await main.invoke<{ ok: boolean }>('settings:update', [{ language: 'zh-CN' }]);
    expect(updated.value?.ok).toBe(true);
    expect((await main.journal({ api: 'Menu.setApplicationMenu', after: mark })).length).toBe(1);
    expect((await main.journal({ api: 'Tray.setContextMenu', after: mark })).length).toBe(1);
    const zh = await main.state();
    // Every top-level menu (but macOS's app menu, named after the app) and both tray items are in
    // Chinese; the items keep their roles.
    const named = process.platform === 'darwin' ? zh.applicationMenu!.slice(1) : zh.applicationMenu!;
    for (const item of named) expect(item.label, item.label).toMatch(CJK);
    for (const l of labels(zh.trays[0]!.menu)) expect(l).toMatch(CJK);
    expect(flatten(zh.applicationMenu).map((x) => x.item.role)).toEqual(
      flatten(before.applicationMenu).map((x) => x.item.role),
    );
    const reminder = await main.invoke<{ data: { title: string } }>('reminders:test');
    expect(reminder.value?.data.title).toMatch(CJK);

    await main.invoke('settings:update', [{ language: 'en' }]);
    const en = await main.state();
    expect(labels(en.applicationMenu)).toEqual(labels(before.applicationMenu));
    expect(labels(en.trays[0]!.menu)).toEqual(labels(before.trays[0]!.menu));
  });

  it('another settings change does not rebuild them', async () => {
    const mark = (await main.journal()).at(-1)!.seq;
    await main.invoke('settings:update', [{ refreshIntervalMin: 15 }]);
    expect(await main.journal({ api: ['Menu.setApplicationMenu', 'Tray.setContextMenu'], after: mark })).toEqual([]);
  });

  it('met no error on the way', async () => {
    expect((await main.state()).errors).toEqual([]);
  });
});
