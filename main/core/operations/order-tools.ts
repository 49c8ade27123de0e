import type { Capability, Money, Order } from '../../../preload/contract/model';
import type { OrderAddons, OrderIpTools } from '../../../preload/contract/order-tools';
import { VENDORS } from '../../../preload/contract/vendors';
import type { VendorClient } from '../../vendors/vendor-client';
import type { AccountsService } from '../accounts/accounts-service';
import { AppFailure } from '../errors';
import type { Handlers } from '../ipc/dispatcher';
import type { RefreshService } from '../refresh/refresh-service';
import { writeThenRead } from './settle-by-reading';

type OrderToolChannels =
  | 'orders:close'
  | 'orders:ips'
  | 'orders:setSignatures'
  | 'orders:dropAtRenewal'
  | 'orders:setTag'
  | 'orders:changeCycle'
  | 'orders:addons'
  | 'orders:scheduleAddon'
  | 'orders:cancelAddonSchedule';

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

  /** The order as the vendor lists it now; an order that is no longer listed is an error in plain words. */
  async function orderNow(client: VendorClient, orderId: string): Promise<Order> {
    const order = (await client.listOrders()).find((o) => o.id === orderId);
    if (!order) {
      throw new AppFailure('not_found', `${VENDORS[client.vendor].name} no longer lists order ${orderId}. Refresh.`);
    }
    return order;
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
    'orders:setTag': async ({ accountId, orderId, tag }) => {
      const client = await clientWith(accountId, 'orderTags', 'setOrderTag');
      // Empty and the vendor's "none" both mean "no tag" (doc §3.1 #11).
      const wanted = tag && tag.toLowerCase() !== 'none' ? tag : null;
      try {
        return await writeThenRead(
          () => client.setOrderTag(orderId, wanted),
          () => orderNow(client, orderId),
          (o) => (o.tag ?? null) === wanted,
        );
      } finally {
        refresh.start([accountId]);
      }
    },
    'orders:changeCycle': async ({ accountId, orderId, cycle }) => {
      const client = await clientWith(accountId, 'billingCycle', 'changeBillingCycle');
      // Nothing is charged (doc §3.1 #3): the new cycle and its price apply from the next renewal.
      let nextPrice: Money | null = null;
      try {
        const order = await writeThenRead(
          async () => {
            nextPrice = await client.changeBillingCycle(orderId, cycle);
          },
          () => orderNow(client, orderId),
          (o) => (o.cycle === undefined ? null : o.cycle === cycle),
        );
        return { order, nextPrice };
      } finally {
        refresh.start([accountId]);
      }
    },
    'orders:addons': async ({ accountId, orderId }) => {
      const client = await clientWith(accountId, 'addons', 'orderAddons');
      return client.orderAddons(orderId);
    },
    // Downgrade at the next renewal and its cancel move no money (doc §3.2 #15/#16); an unknown outcome
    // is settled by reading the add-on line's `pending` (#9).
    'orders:scheduleAddon': async ({ accountId, orderId, addonKey, nextQty }) => {
      const client = await clientWith(accountId, 'addons', 'scheduleAddonDowngrade', 'orderAddons');
      const pendingOf = (v: OrderAddons) => v.lines.find((l) => l.addonKey === addonKey)?.pending ?? null;
      try {
        return await writeThenRead(
          () => client.scheduleAddonDowngrade(orderId, addonKey, nextQty),
          () => client.orderAddons(orderId),
          (v) => {
            const p = pendingOf(v);
            return p?.action === 'downgrade' && p.nextQty === nextQty;
          },
        );
      } finally {
        refresh.start([accountId]);
      }
    },
    'orders:cancelAddonSchedule': async ({ accountId, orderId, addonKey }) => {
      const client = await clientWith(accountId, 'addons', 'cancelAddonSchedule', 'orderAddons');
      try {
        return await writeThenRead(
          () => client.cancelAddonSchedule(orderId, addonKey),
          () => client.orderAddons(orderId),
          (v) => !v.lines.some((l) => l.addonKey === addonKey && l.pending !== null),
        );
      } finally {
        refresh.start([accountId]);
      }
    },
  };
}
