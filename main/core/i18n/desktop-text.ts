/**
 * Main's translator for the desktop parts (menu, tray, notifications, native dialogs): i18next over the
 * same resources the renderer registers (preload/contract/locales/desktop.*), so plurals and
 * interpolation behave the same in both processes. No electron import: runs in plain Node.
 */
import i18next from 'i18next';
import { isDefaultDemoLabel } from '../../../preload/contract/locales/demo-label';
import { desktopEn } from '../../../preload/contract/locales/desktop.en';
import { desktopZhCN } from '../../../preload/contract/locales/desktop.zh-CN';
import type { VendorId } from '../../../preload/contract/model';
import { VENDORS } from '../../../preload/contract/vendors';

export type DesktopLanguage = 'en' | 'zh-CN';

/** A key under `desktop.` (e.g. 'menu.copy') and its values ({{name}}, `count` for plurals). */
export type DesktopT = (key: string, values?: Record<string, unknown>) => string;

const instance = i18next.createInstance();
void instance.init({
  resources: { en: { translation: desktopEn }, 'zh-CN': { translation: desktopZhCN } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh-CN'],
  nonExplicitSupportedLngs: false,
  load: 'currentOnly',
  interpolation: { escapeValue: false }, // plain text for native menus and notifications, not HTML
  returnNull: false,
  initAsync: false,
});

/** The translator for one language; an unknown language falls back to English. */
export function desktopText(language: string | undefined): DesktopT {
  const lng: DesktopLanguage = language === 'zh-CN' ? 'zh-CN' : 'en';
  const t = instance.getFixedT(lng, null, 'desktop');
  return (key, values) => String(t(key, values ?? {}));
}

/**
 * An account as shown next to its vendor ("Mine · Thordata"); a demo account the user has not renamed
 * is named in the UI language ("Demo · Thordata", "演示 · Thordata"), never "Demo · Thordata · Thordata".
 */
export function accountWithVendor(
  t: DesktopT,
  account: { label: string; vendor: VendorId; demo?: boolean | undefined },
): string {
  return t('account.withVendor', { label: accountName(t, account), vendor: VENDORS[account.vendor].name });
}

/** The account's own name (without the vendor): its label, or the localized demo name. */
export function accountName(t: DesktopT, account: { label: string; vendor: VendorId; demo?: boolean | undefined }) {
  return isDefaultDemoLabel(account) ? t('demo.name') : account.label;
}
