import type { AccountSnapshot, Capability } from '../../../preload/contract/model';
import { VENDORS } from '../../../preload/contract/vendors';
import type { VendorClient } from '../../vendors/vendor-client';
import type { AccountsService } from '../accounts/accounts-service';
import { AppFailure } from '../errors';
import type { EventHub } from '../events';
import type { Handlers } from '../ipc/dispatcher';
import type { SnapshotStore } from '../store/snapshot-store';
import { allOrNone, writeThenRead } from './settle-by-reading';

const negate = (v: boolean | null) => (v === null ? null : !v);
const GiB = 1024 ** 3;

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
    events.emit({ type: 'snapshot-updated', accountId, version: snapshots.version(accountId) });
  }

  return {
    'whitelist:add': async ({ accountId, ips }) => {
      const client = await clientWith(accountId, 'whitelistEdit');
      const list = await writeThenRead(
        () => client.addWhitelist(ips),
        () => client.listWhitelist(),
        (l) => allOrNone(new Set(l.map((w) => w.ip)), ips),
      );
      saveSection(accountId, 'whitelist', list);
      return list;
    },
    'whitelist:remove': async ({ accountId, ips, verifyCode }) => {
      const client = await clientWith(accountId, 'whitelistEdit');
      const list = await writeThenRead(
        () => client.removeWhitelist(ips, verifyCode ? { verifyCode } : undefined),
        () => client.listWhitelist(),
        (l) => negate(allOrNone(new Set(l.map((w) => w.ip)), ips)),
      );
      saveSection(accountId, 'whitelist', list);
      return list;
    },
    'subusers:create': async ({ accountId, username, password, limitBytes, note }) => {
      const client = await clientWith(accountId, 'subUsersEdit');
      try {
        const list = await writeThenRead(
          () => client.createSubUser({ username, password, limitBytes, note: note ?? null }),
          () => client.listSubUsers(),
          (l) => {
            const u = l.find((x) => x.username === username);
            if (!u) return false;
            // Created; a cap set in a second step (BestProxy) is only "applied" when it reads back.
            // Vendors round a limit to their unit (at most whole GB): within that, it is the one asked for.
            const near = (a: number | null) => a !== null && limitBytes !== null && Math.abs(a - limitBytes) < GiB;
            return limitBytes === null || near(u.limitBytes) ? true : null;
          },
        );
        saveSection(accountId, 'subUsers', list);
        return list;
      } catch (e) {
        // A two-step create that stopped after the first step changed vendor state: show the account
        // that exists (without its cap) while the error says what is left to do.
        await client
          .listSubUsers()
          .then((l) => saveSection(accountId, 'subUsers', l))
          .catch(() => undefined);
        throw e;
      }
    },
    'subusers:update': async ({ accountId, id, patch }) => {
      const client = await clientWith(accountId, 'subUsersEdit');
      const list = await writeThenRead(
        () => client.updateSubUser(id, patch),
        () => client.listSubUsers(),
        (l) => {
          const u = l.find((x) => x.id === id);
          // A password cannot be read back: only the status and the limit can tell.
          if (!u || patch.password !== undefined) return null;
          // A limit is rounded to the vendor's unit: equal tells "applied", unequal cannot tell.
          const checks: (boolean | null)[] = [];
          if (patch.status !== undefined) checks.push(u.status === patch.status);
          if (patch.limitBytes !== undefined) {
            const near =
              patch.limitBytes === null
                ? u.limitBytes === null
                : u.limitBytes !== null && Math.abs(u.limitBytes - patch.limitBytes) < GiB;
            checks.push(near ? true : null);
          }
          if (checks.length === 0) return null;
          if (checks.every((c) => c === true)) return true;
          return checks.every((c) => c === false) ? false : null;
        },
      );
      saveSection(accountId, 'subUsers', list);
      return list;
    },
    'subusers:delete': async ({ accountId, id }) => {
      const client = await clientWith(accountId, 'subUsersEdit');
      const list = await writeThenRead(
        () => client.deleteSubUser(id),
        () => client.listSubUsers(),
        (l) => !l.some((u) => u.id === id),
      );
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
