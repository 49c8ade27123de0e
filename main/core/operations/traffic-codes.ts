import type { TrafficCode, TrafficCodeList } from '../../../preload/contract/traffic-codes';
import { VENDORS } from '../../../preload/contract/vendors';
import type { VendorClient } from '../../vendors/vendor-client';
import type { AccountsService } from '../accounts/accounts-service';
import { AppFailure } from '../errors';
import type { Handlers } from '../ipc/dispatcher';
import { writeThenRead } from './settle-by-reading';

type CdkClient = VendorClient & Required<Pick<VendorClient, 'listCdks' | 'cdkInfo' | 'revokeCdk'>>;

/**
 * Revokes one traffic code, sent once. An unknown outcome is settled by READING the code (C4), never by
 * sending again: revoked → applied; still unused or used → not applied; an unreadable code → the unknown
 * outcome stands.
 */
export function revokeAndSettle(client: CdkClient, code: string): Promise<TrafficCode> {
  return writeThenRead(
    () => client.revokeCdk(code),
    () => client.cdkInfo(code),
    (info) => info.status === 'revoked',
  );
}

/** Traffic redeem codes (issue 14 §3, Thordata CDK): list and revoke. Create is not offered yet. */
export function trafficCodes(accounts: AccountsService): Pick<Handlers, 'trafficCodes:list' | 'trafficCodes:revoke'> {
  async function cdkClient(accountId: string): Promise<CdkClient> {
    const client = await accounts.client(accountId);
    const c = client as Partial<CdkClient>;
    if (!client.capabilities.has('trafficCodes') || !c.listCdks || !c.cdkInfo || !c.revokeCdk) {
      throw new AppFailure(
        'not_supported',
        `${VENDORS[client.vendor].name} does not offer traffic codes through its API.`,
      );
    }
    return client as CdkClient;
  }
  const listOf = (client: CdkClient, status?: TrafficCode['status']): Promise<TrafficCodeList> =>
    client.listCdks(status ? { status } : {});

  return {
    'trafficCodes:list': async ({ accountId, status }) => listOf(await cdkClient(accountId), status),
    'trafficCodes:revoke': async ({ accountId, code }) => {
      const client = await cdkClient(accountId);
      await revokeAndSettle(client, code);
      return listOf(client);
    },
  };
}
