/**
 * Turns renewal/auto-renew targets into YouProxy requests. Every extend call needs the proxy type,
 * which only the IP list knows, and IPv6 IPs can only be extended together with their whole order
 * (youproxy.md §3.8, §4.2; PHP error 28), so IPv6 IP targets are promoted to their order.
 *
 * No silent widening: a promotion that takes in IPs the caller did not select is a `Widening`, named
 * IP by IP in the quote's warning (renewals) or refused before sending (auto-renew, auto-renew.ts),
 * and after a renewal the IPs it also extended are reported (extrasOf).
 */
import type { RenewTarget } from '../../../preload/contract/model';
import { LIST_IN_WORDS, type YpProxyType } from './constants';
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

/** An IPv6 order taken in whole for IP targets that do not cover it: `extras` were not selected. */
export interface Widening {
  orderId: string;
  proxyType: YpProxyType;
  /** The caller's IP targets in this order. */
  requested: RenewTarget[];
  /** The order's other IPs, which the vendor changes too. */
  extras: YpIp[];
  /** All IPs of the order. */
  size: number;
}

export interface GroupedTargets {
  groups: TargetGroup[];
  /** Targets that are not in the account's IP list (or have no known proxy type). */
  unknown: RenewTarget[];
  /** IPv6 orders that take in IPs the caller did not select. */
  widenings: Widening[];
}

export function groupTargets(
  targets: RenewTarget[],
  ips: YpIp[],
  opts: { fallbackType?: YpProxyType | null; promoteIpv6?: boolean } = {},
): GroupedTargets {
  const byId = new Map(ips.map((ip) => [ip.id, ip]));
  const byOrder = membersByOrder(ips);
  const groups = new Map<string, TargetGroup>();
  const unknown: RenewTarget[] = [];
  const promoted = new Map<string, { type: YpProxyType; requested: RenewTarget[] }>();
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
        const p = promoted.get(ip.orderId) ?? { type, requested: [] };
        p.requested.push(t);
        promoted.set(ip.orderId, p);
        add(type, 'order', ip.orderId, t, byOrder.get(ip.orderId)?.length ?? 1);
      } else {
        add(type, 'ip', t.id, t, 1);
      }
    } else {
      unknown.push(t);
    }
  }
  const orderTargets = new Set(targets.filter((t) => t.kind === 'order').map((t) => t.id));
  const widenings: Widening[] = [];
  for (const [orderId, p] of promoted) {
    if (orderTargets.has(orderId)) continue; // the whole order was asked for
    const members = byOrder.get(orderId) ?? [];
    const asked = new Set(p.requested.map((t) => t.id));
    const extras = members.filter((m) => !asked.has(m.id));
    if (extras.length > 0) {
      widenings.push({ orderId, proxyType: p.type, requested: p.requested, extras, size: members.length });
    }
  }
  return { groups: [...groups.values()], unknown, widenings };
}

export function membersByOrder(ips: YpIp[]): Map<string, YpIp[]> {
  const byOrder = new Map<string, YpIp[]>();
  for (const ip of ips) {
    if (ip.orderId === null) continue;
    byOrder.set(ip.orderId, [...(byOrder.get(ip.orderId) ?? []), ip]);
  }
  return byOrder;
}

/** One IP the vendor changed although the caller did not select it. */
export interface ExtraIp {
  id: string;
  /** The address when the IP list knows it, else the id. */
  label: string;
  orderId: string | null;
  /** Its expiry before the write (from the IP list read before sending). */
  expiresAt: string | null;
}

/**
 * The IPs a group's request changed that the caller did not select: what the vendor's echo
 * (`ipAddressIds`) says was affected when it says so, else what the IP list says the request covers.
 */
export function extrasOf(group: TargetGroup, ips: YpIp[], echoIds: readonly string[]): ExtraIp[] {
  const byId = new Map(ips.map((ip) => [ip.id, ip]));
  const byOrder = membersByOrder(ips);
  const selected = new Set<string>();
  for (const t of group.targets) {
    if (t.kind === 'ip') selected.add(t.id);
    else if (t.kind === 'order') for (const m of byOrder.get(t.id) ?? []) selected.add(m.id);
  }
  const covered =
    echoIds.length > 0
      ? [...echoIds]
      : group.by === 'ip'
        ? group.ids
        : group.ids.flatMap((o) => (byOrder.get(o) ?? []).map((m) => m.id));
  return [...new Set(covered)]
    .filter((id) => !selected.has(id))
    .map((id) => {
      const ip = byId.get(id);
      return {
        id,
        label: ip?.endpoint.ip ?? id,
        orderId: ip?.orderId ?? null,
        expiresAt: ip?.endpoint.expiresAt ?? null,
      };
    });
}

/** "2a0e:… (id 1…), 2a0e:… (id 1…) and 12 more" — every extra IP by address and id. */
export function ipsInWords(ips: readonly { id: string; label: string }[]): string {
  const named = ips
    .slice(0, LIST_IN_WORDS)
    .map((ip) => (ip.label === ip.id ? `id ${ip.id}` : `${ip.label} (id ${ip.id})`));
  const more = ips.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const extraWords = (w: Widening): { id: string; label: string }[] =>
  w.extras.map((ip) => ({ id: ip.id, label: ip.endpoint.ip }));

/** The quote's warning: which unselected IPs the renewal also extends and pays for. */
export function wideningWarning(w: Widening): string {
  const asked = w.requested.map((t) => t.label || t.id).join(', ');
  return (
    `YouProxy extends IPv6 only by whole order, so renewing ${asked} extends all ${w.size} IPs of order ` +
    `${w.orderId}, and the price includes them. Also extended: ${plural(w.extras.length, 'IP')} you did not ` +
    `select: ${ipsInWords(extraWords(w))}.`
  );
}

/** Auto-renew refuses a subset of an IPv6 order: these words say which IPs would change too. */
export function wideningRefusal(ws: readonly Widening[]): string {
  const parts = ws.map(
    (w) => `order ${w.orderId}: ${plural(w.extras.length, 'more IP')}, ${ipsInWords(extraWords(w))}`,
  );
  return (
    'YouProxy turns auto-renew on or off for IPv6 only by whole order, so this would also change IPs you ' +
    `did not select (${parts.join('; ')}). Select those IPs too, or choose the whole order. Nothing was sent.`
  );
}
