/**
 * The real built main under the fake Electron: the application menu, the tray and the notifications
 * follow the UI language, switching at once when `settings:update` changes it; the demo accounts'
 * test reminder names the account once ("演示 · Thordata").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeState, launchMain, type MainProcess, type MenuNode } from './harness';

let main: MainProcess;
beforeAll(async () => {
  main = launchMain(); // this machine: Linux menus (File, Edit, View, Window, Help)
  await main.started();
});
afterAll(() => main?.dispose());

const top = (menu: MenuNode[] | null) => (menu ?? []).map((m) => m.label);
const items = (menu: MenuNode[] | null, label: string) =>
  (menu?.find((m) => m.label === label)?.submenu ?? []).filter((i) => i.type !== 'separator').map((i) => i.label);
const trayLabels = (s: FakeState) =>
  (s.trays.at(-1)?.menu ?? []).filter((i) => i.type !== 'separator').map((i) => i.label);

describe('the desktop parts follow the language setting', () => {
  it('start in English, then menu and tray switch to 简体中文 at once, and back', async () => {
    let s = await main.state();
    expect(top(s.applicationMenu)).toContain('Edit');
    expect(items(s.applicationMenu, 'Edit')).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select All']);
    expect(trayLabels(s)).toEqual(['Open Proxydeck', 'Quit Proxydeck']);

    const r = await main.invoke('settings:update', [{ language: 'zh-CN' }]);
    expect(r.thrown ?? r.error).toBeUndefined();
    s = await main.state();
    // On macOS the app's own menu ("Proxydeck") comes first.
    const menus = top(s.applicationMenu).filter((l) => l !== 'Proxydeck');
    expect(menus.slice(0, 4)).toEqual(['文件', '编辑', '视图', '窗口']);
    expect(items(s.applicationMenu, '编辑')).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
    expect(trayLabels(s)).toEqual(['打开 Proxydeck', '退出 Proxydeck']);

    // Later notifications are in the new language too; a demo account is named once. (Until the first
    // refresh of the demo accounts is saved, the test reminder is the sample: asked again until then.)
    let title = '';
    for (let i = 0; i < 100 && !title.includes(' 的 '); i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      await main.invoke('reminders:test', []);
      title = (await main.state()).notifications.at(-1)?.title ?? '';
    }
    expect(title).toMatch(/^测试提醒：演示 · (Thordata|ProxyShard|YouProxy|BestProxy) 的 \d+ (个 IP|个订单|台服务器)/);
    expect(title).not.toMatch(/Demo|(Thordata|ProxyShard|YouProxy|BestProxy).*\1/);

    await main.invoke('settings:update', [{ language: 'en' }]);
    s = await main.state();
    expect(top(s.applicationMenu)).toContain('Edit');
    expect(trayLabels(s)).toEqual(['Open Proxydeck', 'Quit Proxydeck']);
  });
});
