import type { Capability } from '../../../preload/contract/model';
import type { OrderIpTools } from '../../../preload/contract/order-tools';
import { VENDORS } from '../../../preload/contract/vendors';
import type { VendorClient } from '../../vendors/vendor-client';
import type { AccountsService } from '../accounts/accounts-service';
import { AppFailure } from '../errors';
import type { Handlers } from '../ipc/dispatcher';
import type { RefreshService } from '../refresh/refresh-service';
import { writeThenRead } from './settle-by-reading';

type OrderToolChannels = 'orders:close' | 'orders:ips' | 'orders:setSignatures' | 'orders:dropAtRenewal';

/**
 * A vendor's own order tools that move no money (issue 14 §3). Each write is sent once; an unknown
 * outcome is settled by reading the vendor's state (settle-by-reading.ts), and the account is then
 * refreshed so every view shows what the vendor says.
 */
export function orderTools(
  accounts: AccountsService,
  refresh: Pick<RefreshService, 'start'>,
): Pick<Handlers, OrderToolChannels> {
  async function clientWith<M extends keyof VendorClient>(
    accountId: string,
    capability: Capability | readonly Capability[],
    ...methods: M[]
  ): Promise<VendorClient & Required<Pick<VendorClient, M>>> {
    const client = await accounts.client(accountId);
    const any = (typeof capability === 'string' ? [capability] : capability).some((c) => client.capabilities.has(c));
    if (!any || methods.some((m) => typeof client[m] !== 'function')) {
      throw new AppFailure('not_supported', `${VENDORS[client.vendor].name} does not offer this through its API.`);
    }
    return client as VendorClient & Required<Pick<VendorClient, M>>;
  }

  return {
    'orders:close': async ({ accountId, orderId }) => {
      const client = await clientWith(accountId, 'orderClose', 'closeOrder');
      try {
        await writeThenRead(
          () => client.closeOrder(orderId),
          () => client.listOrders(),
          // Closed = no longer an unpaid (pending) order; still pending = not closed.
          (orders) => !orders.some((o) => o.id === orderId && o.status === 'pending'),
        );
      } finally {
        refresh.start([accountId]);
      }
      return { ok: true };
    },
    'orders:ips': async ({ accountId, orderId }) => {
      const client = await clientWith(accountId, ['p0fSignatures', 'dropAtRenewal'], 'orderIpTools');
      return client.orderIpTools(orderId);
    },
    'orders:setSignatures': async ({ accountId, orderId, items }) => {
      const client = await clientWith(accountId, 'p0fSignatures', 'setSignatures', 'orderIpTools');
      const wanted = new Map(items.map((i) => [i.ip, i.signature] as const));
      let state: OrderIpTools;
      try {
        state = await writeThenRead(
          () => client.setSignatures(orderId, items),
          () => client.orderIpTools(orderId),
          (s) => {
            const hits = s.ips.filter((x) => wanted.has(x.ip) && x.signature === wanted.get(x.ip)).length;
            if (hits === wanted.size) return true;
            // An IP that already had the wanted value cannot tell either way.
            return hits === 0 ? false : null;
          },
        );
      } finally {
        refresh.start([accountId]);
      }
      return state;
    },
    'orders:dropAtRenewal': async ({ accountId, orderId, items }) => {
      const client = await clientWith(accountId, 'dropAtRenewal', 'setDropAtRenewal', 'orderIpTools');
      // The vendor does not say which IPs are marked; it recalculates the order's quantity. A changed
      // quantity tells "applied"; an unchanged one cannot tell (the marks may have been set already).
      const before = await client.orderIpTools(orderId);
      let state: OrderIpTools;
      try {
        state = await writeThenRead(
          () => client.setDropAtRenewal(orderId, items),
          () => client.orderIpTools(orderId),
          (s) => (s.quantity !== null && before.quantity !== null && s.quantity !== before.quantity ? true : null),
        );
      } finally {
        refresh.start([accountId]);
      }
      return state;
    },
  };
}
