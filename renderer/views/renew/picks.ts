/**
 * Turns rows of the IPs and Orders views into renewal picks: what will be renewed here (the button's
 * count) and what is left out by the vendor's rule (explained in the dialog, with the next step).
 */
import type { VendorSummary } from '../../../preload/contract/channels';
import type { IpRow, OrderRow } from '../../lib/inventory';
import type { HeldSnapshot } from '../../stores/proxy-table';
import { type LeftOut, type RenewPick, ruleOf, sortPicks } from './plan';

/** The vendor id of an IP row: its key is `${accountId}|p|${id}` or `${accountId}|s|${id}`. */
export function ipRowId(row: IpRow): string {
  return row.key.split('|').slice(2).join('|');
}

export interface RenewPlan {
  /** Renewed here; the button counts these. */
  picks: RenewPick[];
  /** Left out automatically, each with its vendor's rule. */
  leftOut: LeftOut[];
}

function ipPick(r: IpRow): RenewPick {
  return {
    accountId: r.accountId,
    accountLabel: r.accountLabel,
    vendor: r.vendor,
    vendorName: r.vendorName,
    target: {
      kind: r.source === 'server' ? 'server' : 'ip',
      id: ipRowId(r),
      label: r.port == null ? r.ip : `${r.ip}:${r.port}`,
      expiresAt: r.expiresAt,
    },
    itemKind: r.kind,
    status: r.status,
  };
}

/**
 * Picks of selected IP rows. An IP of a vendor that renews whole orders ('viaOrder') becomes its
 * order (once, however many of its IPs are selected), and the order's rule applies.
 */
export function ipPicks(
  rows: IpRow[],
  vendors: VendorSummary[],
  snaps: Record<string, Pick<HeldSnapshot, 'orders'>> = {},
): RenewPlan {
  const picks: RenewPick[] = [];
  for (const r of rows) {
    const pick = ipPick(r);
    if (ruleOf(vendors, pick) === 'viaOrder') {
      const snap = snaps[r.accountId];
      const orderId = r.orderId;
      const order = orderId ? snap?.orders.find((o) => o.id === orderId) : undefined;
      if (order) {
        const { accountId, accountLabel, vendor, vendorName } = r;
        picks.push(orderPick({ accountId, accountLabel, vendor, vendorName, order }));
        continue;
      }
    }
    picks.push(pick);
  }
  const { renew, leftOut } = sortPicks(picks, vendors);
  return { picks: renew, leftOut };
}

export function orderPick(
  row: Pick<OrderRow, 'accountId' | 'accountLabel' | 'vendor' | 'vendorName' | 'order'>,
): RenewPick {
  return {
    accountId: row.accountId,
    accountLabel: row.accountLabel,
    vendor: row.vendor,
    vendorName: row.vendorName,
    target: {
      kind: 'order',
      id: row.order.id,
      label: `${row.order.product} #${row.order.id}`,
      expiresAt: row.order.expiresAt,
    },
    itemKind: row.order.kind,
    status: row.order.status,
    autoRenew: row.order.autoRenew,
  };
}
