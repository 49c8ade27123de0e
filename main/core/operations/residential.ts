import type { ResidentialForm, ResidentialLocations, ResidentialResult } from '../../../preload/contract/residential';
import { VENDORS } from '../../../preload/contract/vendors';
import type { VendorClient } from '../../vendors/vendor-client';
import type { AccountsService } from '../accounts/accounts-service';
import { AppFailure } from '../errors';
import type { Handlers } from '../ipc/dispatcher';

type ResidentialClient = VendorClient &
  Required<Pick<VendorClient, 'residentialForm' | 'residentialOptions' | 'generateResidential'>>;

/**
 * The residential endpoint generator (issue 14 §2), gated by the 'residential' capability. Reads only:
 * location lists, the vendor's extract link, or gateway logins built locally; no money moves, nothing
 * is kept. The answer may carry proxy passwords (gateway logins): the window shows them masked and
 * copies or exports them only when the user asks; nothing here logs them.
 */
export function residential(
  accounts: AccountsService,
): Pick<Handlers, 'residential:form' | 'residential:locations' | 'residential:generate'> {
  async function client(accountId: string): Promise<ResidentialClient> {
    const c = await accounts.client(accountId);
    const r = c as Partial<ResidentialClient>;
    if (!c.capabilities.has('residential') || !r.residentialForm || !r.residentialOptions || !r.generateResidential) {
      throw new AppFailure(
        'not_supported',
        `${VENDORS[c.vendor].name} does not offer residential endpoints through its API.`,
      );
    }
    return c as ResidentialClient;
  }

  return {
    'residential:form': async ({ accountId }): Promise<ResidentialForm> => (await client(accountId)).residentialForm(),
    'residential:locations': async ({ accountId, ...q }): Promise<ResidentialLocations> =>
      (await client(accountId)).residentialOptions(q),
    'residential:generate': async ({ accountId, ...req }): Promise<ResidentialResult> =>
      (await client(accountId)).generateResidential(req),
  };
}
