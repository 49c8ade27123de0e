import type { AccountSnapshot } from '../../../preload/contract/model';
import { AssignmentImport } from '../business/assignment-import';
import type { BusinessStore } from '../business/business-store';
import { CustomersService } from '../business/customers';
import type { AccountRef } from '../business/item-lookup';
import type { Handlers } from '../ipc/dispatcher';

type BusinessChannels =
  | 'business:get'
  | 'customers:save'
  | 'customers:delete'
  | 'items:update'
  | 'items:forget'
  | 'items:importPreview'
  | 'items:importApply'
  | 'rates:set';

export interface BusinessHandlerDeps {
  store: BusinessStore;
  accounts: () => AccountRef[];
  /** The account's last snapshot (from memory; null when none). */
  snapshot: (accountId: string) => AccountSnapshot | null;
  now: () => Date;
}

/**
 * Customers, per-item customer / price / keep, currency rates and the CSV import of assignments
 * (issue 16). The store tells its listeners after every saved change ('business-changed' in app-core).
 */
export function businessHandlers(deps: BusinessHandlerDeps): Pick<Handlers, BusinessChannels> {
  const customers = new CustomersService(deps);
  const assignments = new AssignmentImport({ ...deps, customers });
  return {
    'business:get': () => customers.view(),
    'customers:save': (input) => customers.saveCustomer(input),
    'customers:delete': ({ id }) => customers.deleteCustomer(id),
    'items:update': ({ items, patch }) => customers.updateItems(items, patch),
    'items:forget': ({ items }) => customers.forgetItems(items),
    'items:importPreview': ({ csv }) => assignments.preview(csv),
    'items:importApply': ({ previewId }) => assignments.apply(previewId),
    'rates:set': (rates) => customers.setRates(rates),
  };
}
