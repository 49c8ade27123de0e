import type { RestartResult, ServerMonitor, ServerSubUsers } from '../../../preload/contract/servers';
import { MONITOR_RANGE_SPEC } from '../../../preload/contract/servers';
import { VENDORS } from '../../../preload/contract/vendors';
import { isVendorError } from '../../vendors/errors';
import type { VendorClient } from '../../vendors/vendor-client';
import type { AccountsService } from '../accounts/accounts-service';
import { AppFailure } from '../errors';
import type { Handlers } from '../ipc/dispatcher';
import { writeThenRead } from './settle-by-reading';

type ServerClient = VendorClient &
  Required<
    Pick<
      VendorClient,
      | 'serverMonitor'
      | 'balancingMonitor'
      | 'restartServer'
      | 'serverSubUsers'
      | 'bindServerSubUser'
      | 'unbindServerSubUser'
    >
  >;

type ServerChannels =
  | 'servers:monitor'
  | 'servers:balancing'
  | 'servers:restart'
  | 'servers:subUsers'
  | 'servers:bind'
  | 'servers:unbind';

/**
 * Allows (bind) or removes (unbind) a sub-user on a server, sent once. An unknown outcome is settled by
 * READING the server's sub-users (S7), never by sending again: the name there (bind) or gone (unbind) →
 * applied; the other way → not applied; an unreadable list → the unknown outcome stands.
 */
export function changeBindingAndSettle(
  client: ServerClient,
  serverId: string,
  username: string,
  bind: boolean,
): Promise<ServerSubUsers> {
  return writeThenRead(
    () => (bind ? client.bindServerSubUser(serverId, username) : client.unbindServerSubUser(serverId, username)),
    () => client.serverSubUsers(serverId),
    (s) => s.users.some((u) => u.username === username) === bind,
  );
}

/**
 * Restarts a server, sent once. Nothing records a restart that Thordata could be asked about, so an
 * unknown outcome cannot be settled by reading: it is answered as 'unconfirmed' (never "nothing changed").
 */
export async function restartOnce(client: ServerClient, serverId: string): Promise<RestartResult> {
  try {
    await client.restartServer(serverId);
    return { serverId, outcome: 'restarted' };
  } catch (e) {
    if (isVendorError(e) && e.uncertain) return { serverId, outcome: 'unconfirmed' };
    throw e;
  }
}

/** Unlimited servers (issue 14 §3, Thordata S2–S4, S7–S9): monitors, restart, bound sub-users. */
export function serverHandlers(accounts: AccountsService, now: () => Date): Pick<Handlers, ServerChannels> {
  async function serverClient(accountId: string): Promise<ServerClient> {
    const client = await accounts.client(accountId);
    const c = client as Partial<ServerClient>;
    const has =
      c.serverMonitor &&
      c.balancingMonitor &&
      c.restartServer &&
      c.serverSubUsers &&
      c.bindServerSubUser &&
      c.unbindServerSubUser;
    if (!client.capabilities.has('serverMonitor') || !has) {
      throw new AppFailure(
        'not_supported',
        `${VENDORS[client.vendor].name} does not offer server monitoring through its API.`,
      );
    }
    return client as ServerClient;
  }
  const window = (range: keyof typeof MONITOR_RANGE_SPEC) => {
    const spec = MONITOR_RANGE_SPEC[range];
    // Whole periods, so the last point is a finished one.
    const end = Math.floor(now().getTime() / 1000 / spec.period) * spec.period;
    return {
      from: new Date((end - spec.seconds) * 1000).toISOString(),
      to: new Date(end * 1000).toISOString(),
      period: spec.period,
    };
  };

  return {
    'servers:monitor': async ({ accountId, serverId, range }): Promise<ServerMonitor> =>
      (await serverClient(accountId)).serverMonitor(serverId, window(range)),
    'servers:balancing': async ({ accountId, serverId, range }): Promise<ServerMonitor> =>
      (await serverClient(accountId)).balancingMonitor(serverId, window(range)),
    'servers:restart': async ({ accountId, serverId }) => restartOnce(await serverClient(accountId), serverId),
    'servers:subUsers': async ({ accountId, serverId }) => (await serverClient(accountId)).serverSubUsers(serverId),
    'servers:bind': async ({ accountId, serverId, username }) =>
      changeBindingAndSettle(await serverClient(accountId), serverId, username, true),
    'servers:unbind': async ({ accountId, serverId, username }) =>
      changeBindingAndSettle(await serverClient(accountId), serverId, username, false),
  };
}
