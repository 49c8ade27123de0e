import type { AccountSnapshot, Capability } from '../../../preload/contract/model';
import { VENDORS } from '../../../preload/contract/vendors';
import type { VendorClient } from '../../vendors/vendor-client';
import type { AccountsService } from '../accounts/accounts-service';
import { AppFailure } from '../errors';
import type { EventHub } from '../events';
import type { Handlers } from '../ipc/dispatcher';
import type { SnapshotStore } from '../store/snapshot-store';

type OperationChannels =
  | 'whitelist:add'
  | 'whitelist:remove'
  | 'subusers:create'
  | 'subusers:update'
  | 'subusers:delete'
  | 'traffic:get';

/**
 * Per-account reads and writes other than money: whitelists, sub-users, traffic. Each write is sent
 * once, then the list is read back from the vendor and saved into the account's snapshot, so every
 * view shows the vendor's own state (never a guess of ours).
 */
export function accountOperations(
  accounts: AccountsService,
  snapshots: SnapshotStore,
  events: EventHub,
): Pick<Handlers, OperationChannels> {
  async function clientWith(accountId: string, capability: Capability): Promise<VendorClient> {
    const client = await accounts.client(accountId);
    if (!client.capabilities.has(capability)) {
      throw new AppFailure('not_supported', `${VENDORS[client.vendor].name} does not offer this through its API.`);
    }
    return client;
  }

  function saveSection<K extends 'whitelist' | 'subUsers'>(accountId: string, key: K, value: AccountSnapshot[K]): void {
    const snap = snapshots.get(accountId);
    if (!snap) return;
    snapshots.put({ ...snap, [key]: value });
    events.emit({ type: 'snapshot-updated', accountId });
  }

  return {
    'whitelist:add': async ({ accountId, ips }) => {
      const client = await clientWith(accountId, 'whitelistEdit');
      await client.addWhitelist(ips);
      const list = await client.listWhitelist();
      saveSection(accountId, 'whitelist', list);
      return list;
    },
    'whitelist:remove': async ({ accountId, ips, verifyCode }) => {
      const client = await clientWith(accountId, 'whitelistEdit');
      await client.removeWhitelist(ips, verifyCode ? { verifyCode } : undefined);
      const list = await client.listWhitelist();
      saveSection(accountId, 'whitelist', list);
      return list;
    },
    'subusers:create': async ({ accountId, username, password, limitBytes, note }) => {
      const client = await clientWith(accountId, 'subUsersEdit');
      await client.createSubUser({ username, password, limitBytes, note: note ?? null });
      const list = await client.listSubUsers();
      saveSection(accountId, 'subUsers', list);
      return list;
    },
    'subusers:update': async ({ accountId, id, patch }) => {
      const client = await clientWith(accountId, 'subUsersEdit');
      await client.updateSubUser(id, patch);
      const list = await client.listSubUsers();
      saveSection(accountId, 'subUsers', list);
      return list;
    },
    'subusers:delete': async ({ accountId, id }) => {
      const client = await clientWith(accountId, 'subUsersEdit');
      await client.deleteSubUser(id);
      const list = await client.listSubUsers();
      saveSection(accountId, 'subUsers', list);
      return list;
    },
    'traffic:get': async ({ accountId, from, to, granularity, subUserId }) => {
      if (from > to) throw new AppFailure('invalid_argument', 'The start date is after the end date.', 'from');
      const client = await clientWith(accountId, granularity === 'hour' ? 'trafficHourly' : 'traffic');
      return client.getTraffic({ from, to, granularity, subUserId: subUserId ?? null });
    },
  };
}
