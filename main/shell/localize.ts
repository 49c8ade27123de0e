/**
 * The desktop parts in the UI language: the pure pieces the shell builds its tray and dialogs from, and
 * `followLanguage`, which applies the language at once and again whenever `settings:update` changes it
 * (the core emits `settings-changed` after saving). No electron runtime import: tested in plain Node.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { EventHub } from '../core/events';
import { type DesktopLanguage, type DesktopT, desktopText } from '../core/i18n/desktop-text';
import type { DueSoon } from '../core/renewals/reminder-runner';

/** The tray's context menu: Open / Quit. */
export function trayMenuTemplate(
  t: DesktopT,
  actions: { open: () => void; quit: () => void },
): MenuItemConstructorOptions[] {
  return [
    { label: t('tray.open'), click: actions.open },
    { type: 'separator' },
    { label: t('tray.quit'), click: actions.quit },
  ];
}

/** The tray's tooltip: the app name, and what is due soon when something is. */
export function trayTooltip(t: DesktopT, due: DueSoon | null): string {
  return due?.count ? t('tray.tooltipDue', { text: due.text }) : t('tray.tooltip');
}

/** The native error box shown when start-up fails before the window opens. */
export function startFailedText(t: DesktopT, where: { log: string; dir: string }): { title: string; body: string } {
  return { title: t('dialog.startFailedTitle'), body: t('dialog.startFailedBody', where) };
}

/**
 * The language for the desktop parts: the app's setting when it is known (the core is up), else the
 * system's first preferred language (a start-up failure before the settings could be read).
 */
export function desktopLanguage(setting: string | undefined, system: readonly string[] = []): DesktopLanguage {
  if (setting === 'en' || setting === 'zh-CN') return setting;
  // Any Chinese (zh-TW and zh-HK too): simplified Chinese reads better for them than English.
  return /^zh\b/i.test(system[0] ?? '') ? 'zh-CN' : 'en';
}

/**
 * Calls `apply` with the translator for the current language now, and again each time the language
 * setting changes (other settings changes do nothing). Returns the unsubscribe.
 */
export function followLanguage(
  events: EventHub,
  language: () => string | undefined,
  apply: (t: DesktopT, language: DesktopLanguage) => void,
): () => void {
  let current = desktopLanguage(language());
  apply(desktopText(current), current);
  return events.on((event) => {
    if (event.type !== 'settings-changed') return;
    const next = desktopLanguage(language());
    if (next === current) return;
    current = next;
    apply(desktopText(next), next);
  });
}
