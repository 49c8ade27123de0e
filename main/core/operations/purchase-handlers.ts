import type { Capability } from '../../../preload/contract/model';
import { PURCHASE_KINDS } from '../../../preload/contract/purchases';
import type { AccountsService } from '../accounts/accounts-service';
import { AppFailure } from '../errors';
import type { EventHub } from '../events';
import type { Handlers } from '../ipc/dispatcher';
import { CAPABILITY_OF, notOffered } from '../purchases/purchase-quote';
import type { OnPurchaseProgress, PurchaseService } from '../purchases/purchase-service';

type PurchaseChannels =
  | 'purchases:catalog'
  | 'purchases:quote'
  | 'purchases:confirm'
  | 'purchases:list'
  | 'purchases:reconcile'
  | 'purchases:resolve';

/** Any kind of purchase opens the catalog (an add-on or an upgrade names its choices there too). */
const BUYING: readonly Capability[] = PURCHASE_KINDS.map((k) => CAPABILITY_OF[k]);

/**
 * Buying over IPC (arguments already validated by the channel schemas). Money only moves through
 * PurchaseService (journal first, sent once, settled by reading); this only adapts it to the channels
 * and turns its progress into 'purchase-progress' events.
 */
export function purchaseHandlers(
  purchases: PurchaseService,
  accounts: Pick<AccountsService, 'client'>,
  events: EventHub,
): Pick<Handlers, PurchaseChannels> {
  const progress: OnPurchaseProgress = (record) => events.emit({ type: 'purchase-progress', record });
  return {
    'purchases:catalog': async ({ accountId }) => {
      const client = await accounts.client(accountId);
      if (!BUYING.some((c) => client.capabilities.has(c)) || typeof client.purchaseCatalog !== 'function') {
        throw new AppFailure('not_supported', notOffered(client.vendor));
      }
      return client.purchaseCatalog(accountId);
    },
    'purchases:quote': (input) => purchases.quote(input),
    'purchases:confirm': (confirmation) => purchases.confirm(confirmation, progress),
    'purchases:list': () => purchases.list(),
    'purchases:reconcile': ({ id }) => purchases.reconcile(id),
    'purchases:resolve': ({ id, bought }) => purchases.resolve(id, bought),
  };
}
