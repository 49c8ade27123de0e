/**
 * Account names as the views show them. A demo account the user has not renamed is named in the UI
 * language from the shared desktop resources: "Demo · Thordata" / "演示 · Thordata" where it is shown on
 * its own (lists, pickers), and "Demo" / "演示" next to its vendor (rows: "演示 · Thordata"), so the
 * vendor is never said twice. Every other account shows its label.
 */
import type { AccountSummary } from '../../preload/contract/channels';
import { isDefaultDemoLabel, isDemoLabel } from '../../preload/contract/locales/demo-label';
import { VENDORS } from '../../preload/contract/vendors';
import { i18n } from '../i18n';

type Named = Pick<AccountSummary, 'label' | 'vendor'> & { demo?: boolean | undefined };

const demoName = () => i18n.t('desktop.demo.name');
const demoFullName = (a: Named) =>
  i18n.t('desktop.account.withVendor', { label: demoName(), vendor: VENDORS[a.vendor].name });

/** The list from main with each not-renamed demo account named in the current UI language. */
export function localizeAccounts<T extends Named>(items: readonly T[]): T[] {
  return items.map((a) => (isDefaultDemoLabel(a) ? { ...a, label: demoFullName(a) } : a));
}

/**
 * The name to show next to the vendor's name: "Demo" in "Demo · Thordata" for a demo account (also in
 * records from main that carry only the stored label: quotes, the activity log), else the label.
 */
export function nameBesideVendor(a: Named): string {
  return isDemoLabel(a.label, a.vendor) || (a.demo && a.label === demoFullName(a)) ? demoName() : a.label;
}
