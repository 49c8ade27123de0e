import type { AccountSnapshot } from '../../preload/contract/model';
import { encodeSnapshot } from '../../preload/contract/proxy-columns';
import { type HeldSnapshot, ProxyTable } from '../../renderer/stores/proxy-table';

/** A snapshot as the window holds it (IPs as columns), through the same encoding main sends. */
export function held(s: AccountSnapshot): HeldSnapshot {
  const w = encodeSnapshot({ ...s, proxies: s.proxies ?? [] });
  return { ...w, proxies: ProxyTable.fromColumns(w.proxies) };
}

/** held() over every account of a record. */
export function heldAll(snaps: Record<string, AccountSnapshot>): Record<string, HeldSnapshot> {
  return Object.fromEntries(Object.entries(snaps).map(([id, s]) => [id, held(s)]));
}
