import type { MenuItemConstructorOptions } from 'electron';
import { type DesktopT, desktopText } from '../core/i18n/desktop-text';

/**
 * The application menu with the usual platform items (macOS app menu, Edit for copy/paste, View,
 * Window; Help with About outside macOS), every label in the UI language: Electron translates the role items' default labels
 * only partly, so each gets an explicit label (the role still gives the native behaviour and shortcut).
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  isDev: boolean,
  t: DesktopT = desktopText('en'),
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const item = (role: NonNullable<MenuItemConstructorOptions['role']>, key: string): MenuItemConstructorOptions => ({
    role,
    label: t(`menu.${key}`),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: t('menu.app'),
      submenu: [
        item('about', 'about'),
        separator,
        { role: 'services', label: t('menu.services') },
        separator,
        item('hide', 'hide'),
        item('hideOthers', 'hideOthers'),
        item('unhide', 'unhide'),
        separator,
        item('quit', 'quit'),
      ],
    });
  }
  template.push(
    { label: t('menu.file'), submenu: [isMac ? item('close', 'close') : item('quit', 'exit')] },
    {
      label: t('menu.edit'),
      submenu: [
        item('undo', 'undo'),
        item('redo', 'redo'),
        separator,
        item('cut', 'cut'),
        item('copy', 'copy'),
        item('paste', 'paste'),
        item('selectAll', 'selectAll'),
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        item('resetZoom', 'resetZoom'),
        item('zoomIn', 'zoomIn'),
        item('zoomOut', 'zoomOut'),
        separator,
        item('togglefullscreen', 'toggleFullScreen'),
        ...(isDev ? [separator, item('reload', 'reload'), item('toggleDevTools', 'toggleDevTools')] : []),
      ],
    },
    {
      // role 'window' makes it macOS's Window menu (the open windows are listed there).
      label: t('menu.window'),
      role: 'window',
      submenu: isMac
        ? [item('minimize', 'minimize'), item('zoom', 'zoom'), separator, item('front', 'front')]
        : [item('minimize', 'minimize'), item('close', 'close')],
    },
  );
  // macOS has About in the app menu; elsewhere it goes in Help, as Windows and Linux apps do.
  if (!isMac) template.push({ label: t('menu.help'), submenu: [item('about', 'about')] });
  return template;
}
