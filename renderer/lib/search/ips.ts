/**
 * IPs in the one search: each account's IPs stay the columns of its ProxyTable (read by index, see
 * renderer/stores/proxy-table.ts), and the search text of a table — ip, ip:port, SOCKS port, user name,
 * host, lower-cased — is built ONCE per table, lazily (on the first search, or in idle time when the
 * palette opens), as one string (renderer/lib/filter-index.ts). A keystroke is then one native string
 * search per table; only the hits shown (a few per group) are turned into words.
 */
import type { UnlimitedServer } from '../../../preload/contract/model';
import type { ProxyTable } from '../../stores/proxy-table';
import { buildIndex, type RowIndex } from '../filter-index';
import type { AccountRef } from '../inventory';
import type { SearchHit } from './types';

const indexes = new WeakMap<ProxyTable, RowIndex>();

/** The text one proxy row is matched on (no password, no account: those have their own group). */
function rowText(t: ProxyTable, i: number): string {
  const ip = t.ip(i);
  const http = t.httpPort(i);
  const socks = t.socksPort(i);
  const host = t.host(i);
  return `${ip}${http != null ? `:${http}` : ''}${socks != null ? ` :${socks}` : ''} ${t.username(i) ?? ''}${host && host !== ip ? ` ${host}:${http ?? socks ?? ''}` : ''}`.toLowerCase();
}

/** The table's search index, built on first use and kept while the table lives (tables are immutable). */
export function tableIndex(t: ProxyTable): RowIndex {
  let index = indexes.get(t);
  if (!index) {
    index = buildIndex(new Array<undefined>(t.length), (_, i) => rowText(t, i), undefined, true);
    indexes.set(t, index);
  }
  return index;
}

/** Whether the table's index is built already (the palette builds the others in idle time). */
export const hasTableIndex = (t: ProxyTable): boolean => indexes.has(t);

/** The last row whose text starts at or before `pos` (rows from `lo` on). */
function rowAt(starts: Uint32Array, pos: number, lo: number, n: number): number {
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Rows of `index` whose text holds `q` (normalized): calls `take` for the first `cap`, counts all.
 * Counting goes on past the cap without building anything: one indexOf per matching row.
 */
export function scanIndex(index: RowIndex, q: string, cap: number, take: (row: number) => void): number {
  if (q === '' || index.size === 0) return 0;
  const { text, starts, size: n } = index;
  let total = 0;
  let row = 0;
  let pos = text.indexOf(q);
  while (pos !== -1) {
    row = rowAt(starts, pos, row, n);
    if (total < cap) take(row);
    total++;
    row++;
    if (row >= n) break;
    pos = text.indexOf(q, starts[row]);
  }
  return total;
}

export interface IpSource {
  ref: AccountRef;
  table: ProxyTable;
}

const portsOf = (t: ProxyTable, i: number): string => {
  const http = t.httpPort(i);
  return http != null ? `:${http}` : t.socksPort(i) != null ? `:${t.socksPort(i)}` : '';
};

/** IPs (ports, user names) of every account matching `q`: the first `cap` as hits, and the count. */
export function searchIps(sources: readonly IpSource[], q: string, cap: number): { hits: SearchHit[]; total: number } {
  const hits: SearchHit[] = [];
  let total = 0;
  for (const { ref, table } of sources) {
    total += scanIndex(tableIndex(table), q, cap - hits.length, (i) => {
      const id = table.id(i);
      hits.push({
        kind: 'ip',
        key: `ip|${ref.accountId}|${id}`,
        title: `${table.ip(i)}${portsOf(table, i)}`,
        detail: table.username(i) ?? '',
        where: `${ref.accountLabel} · ${ref.vendorName}`,
        // The IPs view's own search box is emptied: an earlier search there would hide the find.
        open: { view: 'ips', accountId: ref.accountId, itemIds: [id], text: '' },
      });
    });
  }
  return { hits, total };
}

/** Unlimited servers matching `q` (ip, id, spec, bandwidth); Enter shows the server in the IPs view. */
export function serverHit(ref: AccountRef, s: UnlimitedServer): SearchHit {
  return {
    kind: 'server',
    key: `server|${ref.accountId}|${s.id}`,
    title: s.ip,
    detail: [s.spec, s.bandwidth].filter(Boolean).join(' · '),
    where: `${ref.accountLabel} · ${ref.vendorName}`,
    open: { view: 'ips', accountId: ref.accountId, itemIds: [s.id], text: '' },
  };
}

export const serverText = (s: UnlimitedServer): string => `${s.ip} ${s.id} ${s.spec ?? ''} ${s.bandwidth ?? ''}`;
