/** Turns rows of the IPs and Orders views into renewal picks (only items whose vendor can renew). */
import type { VendorSummary } from '../../../preload/contract/channels';
import { hasCap, type IpRow, type OrderRow } from '../../lib/inventory';
import type { RenewPick } from '../../stores/renewals';

/** The vendor id of an IP row: its key is `${accountId}|p|${id}` or `${accountId}|s|${id}`. */
export function ipRowId(row: IpRow): string {
  return row.key.split('|').slice(2).join('|');
}

export function ipPicks(rows: IpRow[], vendors: VendorSummary[]): { picks: RenewPick[]; skipped: number } {
  const ok = rows.filter((r) => hasCap(vendors, r.vendor, 'renew'));
  return {
    skipped: rows.length - ok.length,
    picks: ok.map((r) => ({
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
    })),
  };
}

export function orderPick(row: OrderRow): RenewPick {
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
  };
}
