/**
 * Demo accounts: the label stored when they are created is only a marker meaning "not renamed" (unique
 * per vendor, so the one-name-per-account rule holds). It is never shown as such: main and the renderer
 * show such an account as the localized `desktop.demo.name` next to its vendor ("Demo · Thordata",
 * "演示 · Thordata"). A demo account the user renamed shows its new label like any other.
 * No runtime imports beyond the contract: shared by main and the renderer.
 */
import type { VendorId } from '../model';

/** The stored label of a new demo account (also what earlier versions stored and showed). */
export const DEMO_LABELS: Record<VendorId, string> = {
  thordata: 'Demo · Thordata',
  proxyshard: 'Demo · ProxyShard',
  youproxy: 'Demo · YouProxy',
  bestproxy: 'Demo · BestProxy',
};

/**
 * True when `label` is the label a demo account of `vendor` is created with. For records that do not
 * carry the demo flag (quotes, the activity log); a real account named exactly so reads the same anyway.
 */
export function isDemoLabel(label: string, vendor: VendorId): boolean {
  return label === DEMO_LABELS[vendor];
}

/** True for a demo account still carrying the label it was created with. */
export function isDefaultDemoLabel(account: { label: string; vendor: VendorId; demo?: boolean | undefined }): boolean {
  return account.demo === true && isDemoLabel(account.label, account.vendor);
}
