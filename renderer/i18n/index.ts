import { zhCN as dateZhCN, enUS } from 'date-fns/locale';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { desktopEn } from '../../preload/contract/locales/desktop.en';
import { desktopZhCN } from '../../preload/contract/locales/desktop.zh-CN';
import type { Settings } from '../../preload/contract/schemas';
import { buyEn } from './buy.en';
import { buyZhCN } from './buy.zh-CN';
import { connectionEn } from './connection.en';
import { connectionZhCN } from './connection.zh-CN';
import { customersEn } from './customers.en';
import { customersZhCN } from './customers.zh-CN';
import { dashboardPlusEn } from './dashboard-plus.en';
import { dashboardPlusZhCN } from './dashboard-plus.zh-CN';
import { en } from './en';
import { errorsEn } from './errors.en';
import { errorsZhCN } from './errors.zh-CN';
import { formsPlusEn } from './forms-plus.en';
import { formsPlusZhCN } from './forms-plus.zh-CN';
import { healthEn } from './health.en';
import { healthZhCN } from './health.zh-CN';
import { inventoryEn } from './inventory.en';
import { inventoryZhCN } from './inventory.zh-CN';
import { manageEn } from './manage.en';
import { manageZhCN } from './manage.zh-CN';
import { orderEditEn } from './order-edit.en';
import { orderEditZhCN } from './order-edit.zh-CN';
import { orderToolsEn } from './order-tools.en';
import { orderToolsZhCN } from './order-tools.zh-CN';
import { renewEn } from './renew.en';
import { renewZhCN } from './renew.zh-CN';
import { renewFlowEn } from './renew-flow.en';
import { renewFlowZhCN } from './renew-flow.zh-CN';
import { reportsEn } from './reports.en';
import { reportsZhCN } from './reports.zh-CN';
import { residentialEn } from './residential.en';
import { residentialZhCN } from './residential.zh-CN';
import { searchEn } from './search.en';
import { searchZhCN } from './search.zh-CN';
import { serversEn } from './servers.en';
import { serversZhCN } from './servers.zh-CN';
import { tablesPlusEn } from './tables-plus.en';
import { tablesPlusZhCN } from './tables-plus.zh-CN';
import { trafficCodesEn } from './traffic-codes.en';
import { trafficCodesZhCN } from './traffic-codes.zh-CN';
import { userdataEn } from './userdata.en';
import { userdataZhCN } from './userdata.zh-CN';
import { whitelistBulkEn } from './whitelist-bulk.en';
import { whitelistBulkZhCN } from './whitelist-bulk.zh-CN';
import { zhCN } from './zh-CN';

export type Language = Settings['language'];

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    en: {
      translation: {
        ...en,
        ...inventoryEn,
        ...manageEn,
        ...errorsEn,
        ...renewEn,
        ...renewFlowEn,
        ...dashboardPlusEn,
        ...tablesPlusEn,
        ...formsPlusEn,
        ...connectionEn,
        ...orderToolsEn,
        ...orderEditEn,
        ...trafficCodesEn,
        ...userdataEn,
        ...residentialEn,
        ...serversEn,
        ...buyEn,
        ...customersEn,
        ...reportsEn,
        ...healthEn,
        ...searchEn,
        ...whitelistBulkEn,
        ...desktopEn, // shared with main (menu, tray, notifications): `desktop.*`
      },
    },
    'zh-CN': {
      translation: {
        ...zhCN,
        ...inventoryZhCN,
        ...manageZhCN,
        ...errorsZhCN,
        ...renewZhCN,
        ...renewFlowZhCN,
        ...dashboardPlusZhCN,
        ...tablesPlusZhCN,
        ...formsPlusZhCN,
        ...connectionZhCN,
        ...orderToolsZhCN,
        ...orderEditZhCN,
        ...trafficCodesZhCN,
        ...userdataZhCN,
        ...residentialZhCN,
        ...serversZhCN,
        ...buyZhCN,
        ...customersZhCN,
        ...reportsZhCN,
        ...healthZhCN,
        ...searchZhCN,
        ...whitelistBulkZhCN,
        ...desktopZhCN,
      },
    },
  },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh-CN'],
  nonExplicitSupportedLngs: false,
  load: 'currentOnly',
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
  initAsync: false,
});

/** Switches the UI language at once and mirrors it on <html lang>. */
export function applyLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export function dateLocale(language: string) {
  return language === 'zh-CN' ? dateZhCN : enUS;
}
