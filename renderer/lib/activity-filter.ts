/** Filters of the Activity view (pure, for tests): account, vendor, action, date range (local days), text. */
import type { VendorId } from '../../preload/contract/model';
import type { AuditRowView } from '../../preload/contract/renewals';

export interface ActivityFilter {
  vendor: VendorId | 'all';
  accountId: string | 'all';
  action: AuditRowView['action'] | 'all';
  /** yyyy-mm-dd, inclusive, in the computer's zone; '' = open. */
  from: string;
  to: string;
  text: string;
}

export const NO_ACTIVITY_FILTER: ActivityFilter = {
  vendor: 'all',
  accountId: 'all',
  action: 'all',
  from: '',
  to: '',
  text: '',
};

/** The local calendar day of an instant, yyyy-mm-dd. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** True when the range is backwards (from after to). */
export const rangeBackwards = (f: ActivityFilter) => f.from !== '' && f.to !== '' && f.from > f.to;

export function filterActivity(rows: readonly AuditRowView[], f: ActivityFilter): AuditRowView[] {
  const needle = f.text.trim().toLocaleLowerCase();
  return rows.filter((r) => {
    if (f.vendor !== 'all' && r.vendor !== f.vendor) return false;
    if (f.accountId !== 'all' && r.accountId !== f.accountId) return false;
    if (f.action !== 'all' && r.action !== f.action) return false;
    const day = localDay(r.at);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    if (needle) {
      const hay = [
        r.accountLabel,
        r.reference ?? '',
        r.message ?? '',
        r.result,
        ...r.items.flatMap((i) => [i.id, i.label]),
      ]
        .join('\n')
        .toLocaleLowerCase();
      if (!hay.includes(needle)) return false;
    }
    return true;
  });
}

/** Counts of an audit row's items by state (the result column, rebuilt in the UI language). */
export function resultCounts(r: AuditRowView): { done: number; failed: number; unknown: number } {
  const done = r.items.filter((i) => i.state === 'done').length;
  const failed = r.items.filter((i) => i.state === 'failed').length;
  return { done, failed, unknown: r.items.length - done - failed };
}
