/**
 * Turns renewal/auto-renew targets into YouProxy requests. Every extend call needs the proxy type,
 * which only the IP list knows, and IPv6 IPs can only be extended together with their whole order
 * (youproxy.md §3.8, §4.2), so IPv6 IP targets are promoted to their order.
 */
import type { RenewTarget } from '../../../preload/contract/model';
import type { YpProxyType } from './constants';
import type { YpIp } from './mappers';

export interface TargetGroup {
  proxyType: YpProxyType;
  /** 'order' → /extend/order (orderIds); 'ip' → /extend (ipAddressIds). */
  by: 'order' | 'ip';
  ids: string[];
  /** The caller's targets answered by this request. */
  targets: RenewTarget[];
  /** IPs the vendor will extend (for the quote's explanation). */
  ipCount: number;
}

export interface GroupedTargets {
  groups: TargetGroup[];
  /** Targets that are not in the account's IP list (or have no known proxy type). */
  unknown: RenewTarget[];
  /** Plain-language notes, e.g. IPv6 promotion to the whole order. */
  notes: string[];
}

export function groupTargets(
  targets: RenewTarget[],
  ips: YpIp[],
  opts: { fallbackType?: YpProxyType | null; promoteIpv6?: boolean } = {},
): GroupedTargets {
  const byId = new Map(ips.map((ip) => [ip.id, ip]));
  const byOrder = new Map<string, YpIp[]>();
  for (const ip of ips) {
    if (ip.orderId === null) continue;
    byOrder.set(ip.orderId, [...(byOrder.get(ip.orderId) ?? []), ip]);
  }
  const groups = new Map<string, TargetGroup>();
  const unknown: RenewTarget[] = [];
  const notes: string[] = [];
  const add = (type: YpProxyType, by: 'order' | 'ip', id: string, target: RenewTarget, ipCount: number) => {
    const key = `${type}|${by}`;
    const g = groups.get(key) ?? { proxyType: type, by, ids: [], targets: [], ipCount: 0 };
    if (!g.ids.includes(id)) {
      g.ids.push(id);
      g.ipCount += ipCount;
    }
    g.targets.push(target);
    groups.set(key, g);
  };

  for (const t of targets) {
    if (t.kind === 'order') {
      const members = byOrder.get(t.id) ?? [];
      const type = members.find((m) => m.proxyType)?.proxyType ?? opts.fallbackType ?? null;
      if (type === null || (members.length === 0 && !opts.fallbackType)) unknown.push(t);
      else add(type, 'order', t.id, t, members.length);
    } else if (t.kind === 'ip') {
      const ip = byId.get(t.id);
      const type = ip?.proxyType ?? opts.fallbackType ?? null;
      if (type === null) {
        unknown.push(t);
      } else if (type === 'IPv6' && opts.promoteIpv6 !== false && ip?.orderId) {
        const size = byOrder.get(ip.orderId)?.length ?? 1;
        if (size > 1) {
          notes.push(
            `IPv6 ${t.label || t.id} is extended with its whole order ${ip.orderId} (${size} IPs): YouProxy extends IPv6 only by order.`,
          );
        }
        add(type, 'order', ip.orderId, t, size);
      } else {
        add(type, 'ip', t.id, t, 1);
      }
    } else {
      unknown.push(t);
    }
  }
  return { groups: [...groups.values()], unknown, notes: [...new Set(notes)] };
}
