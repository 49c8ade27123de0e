import { type App, type BrowserWindow, Menu, Notification, nativeImage, Tray } from 'electron';
import { EVENT_CHANNEL } from '../../preload/contract/api';
import type { AppEvent } from '../../preload/contract/channels';
import type { EventHub } from '../core/events';
import { desktopText } from '../core/i18n/desktop-text';
import type { DueSoon } from '../core/renewals/reminder-runner';
import { followLanguage, trayMenuTemplate, trayTooltip } from './localize';
import { TRAY_ICON_DATA_URL } from './tray-icon';

/**
 * Keeps Proxydeck working while its window is hidden: a tray icon (where the platform has one) with
 * Open / Quit, closing the window hides it instead of quitting, and expiry reminders from the core
 * become desktop notifications; clicking one opens the IPs view on those items. The count of items due
 * soon shows as the app badge (macOS, Linux Unity), the tray title (macOS) and the tray tooltip.
 * The tray's menu and tooltip are in the UI language (`language`) and follow it when the setting changes.
 */
export function runInBackground(
  app: App,
  events: EventHub,
  getWindow: () => BrowserWindow | null,
  due?: { dueSoon(): DueSoon; onDueSoon(listener: (due: DueSoon) => void): () => void },
  language: () => string | undefined = () => 'en',
): () => void {
  const icon = nativeImage.createFromDataURL(TRAY_ICON_DATA_URL);
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });

  const show = () => {
    const win = getWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  let tray: Tray | null = null;
  try {
    tray = new Tray(icon);
    tray.on('click', show);
  } catch {
    tray = null; // some Linux desktops have no tray; the window then closes normally
  }

  let lastDue: DueSoon | null = null;
  let text = desktopText(language());
  const showDue = (d: DueSoon) => {
    lastDue = d;
    if (process.platform !== 'win32') app.setBadgeCount(d.count); // macOS dock, Linux Unity launchers
    if (process.platform === 'darwin') tray?.setTitle(d.count ? String(d.count) : '');
    tray?.setToolTip(trayTooltip(text, d));
  };
  // Now and at each language change: the menu is rebuilt, the tooltip said again in the new words
  // (the core recounts on settings changes, so `due` then tells the new text if there is one).
  const offLanguage = followLanguage(events, language, (t) => {
    text = t;
    tray?.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(t, { open: show, quit: () => app.quit() })));
    tray?.setToolTip(trayTooltip(t, lastDue));
  });
  if (due) showDue(due.dueSoon());
  const offDue = due?.onDueSoon(showDue);

  const win = getWindow();
  win?.on('close', (e) => {
    // With a tray (or on macOS, where apps stay in the dock) closing only hides the window.
    if (!quitting && (tray || process.platform === 'darwin')) {
      e.preventDefault();
      win.hide();
    }
  });

  const off = events.on((event) => {
    if (event.type !== 'reminder' || !Notification.isSupported()) return;
    const n = new Notification({ title: event.reminder.title, body: event.reminder.body, icon });
    n.on('click', () => {
      show();
      const target = getWindow();
      const open: AppEvent = {
        type: 'open-view',
        view: 'ips',
        accountId: event.reminder.accountId,
        itemIds: event.reminder.itemIds,
      };
      if (target && !target.isDestroyed()) target.webContents.send(EVENT_CHANNEL, open);
    });
    n.show();
  });

  return () => {
    off();
    offLanguage();
    offDue?.();
    tray?.destroy();
  };
}
