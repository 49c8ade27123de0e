import type { Capability } from '../../../preload/contract/model';
import { VENDORS } from '../../../preload/contract/vendors';
import type { VendorClient } from '../../vendors/vendor-client';
import type { AccountsService } from '../accounts/accounts-service';
import { AppFailure } from '../errors';
import type { EventHub } from '../events';
import type { Handlers } from '../ipc/dispatcher';
import type { OnProgress, RenewalService } from '../renewals/renewal-service';
import { allOrNone, writeThenRead } from './settle-by-reading';

type RenewalChannels =
  | 'renewals:periods'
  | 'renewals:quote'
  | 'renewals:execute'
  | 'renewals:operations'
  | 'renewals:reconcile'
  | 'renewals:retry'
  | 'renewals:autoRenew'
  | 'renewals:resolve'
  | 'renewals:holds'
  | 'renewals:releaseHold'
  | 'audit:list'
  | 'audit:csv';

/**
 * The renew / extend flow over IPC. Money only moves through RenewalService (journal first, one
 * request per item, never resent blindly); this module only adapts it to the channels and turns its
 * per-item progress into events for the window.
 */
export function renewalHandlers(
  renewals: RenewalService,
  accounts: AccountsService,
  events: EventHub,
): Pick<Handlers, RenewalChannels> {
  const progress: OnProgress = (p) => events.emit({ type: 'renewal-progress', progress: p });

  async function clientWith(accountId: string, capability: Capability): Promise<VendorClient> {
    const client = await accounts.client(accountId);
    if (!client.capabilities.has(capability)) {
      throw new AppFailure('not_supported', `${VENDORS[client.vendor].name} does not offer this through its API.`);
    }
    return client;
  }

  return {
    'renewals:periods': async ({ accountId, kind }) => (await clientWith(accountId, 'renew')).renewalPeriods(kind),
    'renewals:quote': (selections) => renewals.quote(selections),
    'renewals:execute': (confirmation) => renewals.execute(confirmation, progress),
    'renewals:operations': () => renewals.operations(),
    'renewals:reconcile': ({ operationId }) => renewals.reconcile(operationId),
    'renewals:retry': ({ operationId }) => renewals.retryFailed(operationId, progress),
    'renewals:autoRenew': async ({ accountId, kind, ids, enabled, periodId }) => {
      const client = await clientWith(accountId, 'autoRenew');
      await writeThenRead(
        () => client.setAutoRenew({ kind, ids, enabled, ...(periodId ? { periodId } : {}) }),
        async () => {
          const rows = kind === 'order' ? await client.listOrders() : await client.listProxies();
          return new Map(rows.map((r) => [r.id, r.autoRenew] as const));
        },
        (flags) => allOrNone(new Set(ids.filter((id) => flags.get(id) === enabled)), ids),
      );
      return { ok: true };
    },
    'renewals:resolve': async ({ operationId, kind, id, renewed }) =>
      renewals.resolveManually(operationId, { kind, id }, renewed),
    'renewals:holds': () => renewals.holds(),
    'renewals:releaseHold': ({ file }) => renewals.releaseHold(file),
    'audit:list': () => renewals.audit.read(),
    'audit:csv': () => renewals.audit.toCsv(),
  };
}
