/**
 * "For a customer…" of generated residential endpoints (issue 14 §2, issue 16): which sub-user the
 * endpoints were generated for (if any), the customer's export format, and what was recorded. No React.
 * Generated endpoints are not vendor items: only the sub-user's assignment is stored, never the list.
 */
import type { Customer } from '../../../preload/contract/business';
import type { SubUser } from '../../../preload/contract/model';
import type { ExportFormat } from '../../lib/proxy-format';
import { fromTemplateId } from '../customers/export-template';

/**
 * The sub-user of the login the endpoints were generated with, as the account's snapshot lists it (its
 * id is the item id of the assignment). Null for the main account (no login, a ProxyShard `owner:` pool)
 * or a login the snapshot does not list (then nothing is assigned).
 */
export function subUserOfLogin(login: string | null, subUsers: readonly SubUser[] | undefined): SubUser | null {
  if (!login || login.startsWith('owner:') || !subUsers) return null;
  return subUsers.find((u) => u.id === login) ?? subUsers.find((u) => u.username === login) ?? null;
}

/** The format (and template line) to copy in for a customer; null = the customer has none set. */
export function customerFormat(
  customer: Pick<Customer, 'exportTemplate'>,
): { format: ExportFormat; template: string | null } | null {
  return fromTemplateId(customer.exportTemplate);
}

/** The key (under residential.forCustomer) of the sentence saying what was recorded and copied. */
export function recordedKey(o: { assigned: boolean; ownFormat: boolean; copied: boolean }): string {
  const who = o.assigned ? 'assigned' : 'notAssigned';
  if (!o.copied) return `${who}CopyFailed`;
  return `${who}${o.ownFormat ? 'Theirs' : 'Current'}`;
}
