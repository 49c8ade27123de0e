/** Accounts and snapshots for the customers and import tests (only what item lookups read). */
import type { AccountRef } from '../../../main/core/business/item-lookup';
import type { AccountSnapshot } from '../../../preload/contract/model';

export const A1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
export const A2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
export const A3 = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

export function snap(
  accountId: string,
  s: Partial<Pick<AccountSnapshot, 'proxies' | 'orders' | 'subUsers' | 'servers'>>,
) {
  return {
    accountId,
    fetchedAt: '2026-03-01T00:00:00.000Z',
    balance: null,
    orders: [],
    proxies: [],
    whitelist: [],
    subUsers: [],
    servers: [],
    traffic: [],
    errors: {},
    ...s,
  } as AccountSnapshot;
}

export const proxy = (id: string, ip = id) =>
  ({
    id,
    ip,
    host: null,
    kind: 'isp',
    status: 'active',
    orderId: null,
  }) as unknown as AccountSnapshot['proxies'][number];
export const order = (id: string, product: string, tag: string | null = null) =>
  ({ id, product, tag }) as unknown as AccountSnapshot['orders'][number];
export const subUser = (id: string, username: string) =>
  ({ id, username }) as unknown as AccountSnapshot['subUsers'][number];
export const server = (id: string, ip: string) => ({ id, ip }) as unknown as AccountSnapshot['servers'][number];

/** A mutable world: accounts and their snapshots, as the core would answer. */
export function world() {
  const accounts: AccountRef[] = [
    { id: A1, vendor: 'youproxy', label: 'Shop' },
    { id: A2, vendor: 'thordata', label: 'Thor main' },
    { id: A3, vendor: 'proxyshard', label: 'Shard' },
  ];
  const snaps = new Map<string, AccountSnapshot>([
    [
      A1,
      snap(A1, {
        proxies: [proxy('p-1', '1.1.1.1'), proxy('p-2', '2.2.2.2'), proxy('p-9', '9.9.9.9')],
        orders: [order('o-1', 'ISP US', 'shop A')],
      }),
    ],
    [
      A2,
      snap(A2, {
        proxies: [proxy('9.9.9.9')],
        subUsers: [subUser('su-1', 'alice')],
        servers: [server('srv-1', '7.7.7.7')],
      }),
    ],
  ]);
  return {
    accounts,
    snaps,
    deps: { accounts: () => accounts.map((a) => ({ ...a })), snapshot: (id: string) => snaps.get(id) ?? null },
  };
}
