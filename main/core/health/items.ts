/**
 * What the health check connects through for one item, read from the account's snapshot.
 * - An IP: the snapshot's ProxyEndpoint (host or IP, the port of its protocol, its login).
 * - A Thordata unlimited server: the server list (S1 in /work/shared/vendors/thordata.md) gives its
 *   hostname (`plan_name`) but no port, and its sub-users' passwords are never read back (S7 lists
 *   names only), so Proxydeck has nothing to connect with: 'no_credentials', said in words.
 */
import type { ItemRef } from '../../../preload/contract/business';
import type { AccountSnapshot, ProxyEndpoint } from '../../../preload/contract/model';
import { countryCode } from '../../vendors/country';
import type { ProbeTarget } from './checker';

export type ItemPlan =
  | { kind: 'probe'; target: ProbeTarget; advertisedCountry: string | null; endpoint: ProxyEndpoint; index: number }
  | { kind: 'skip'; detail: string; advertisedCountry: string | null };

/** The port and protocol to use: HTTP first for an IP that offers both. */
export function endpointTarget(p: ProxyEndpoint): ProbeTarget | null {
  const host = p.host?.trim() || p.ip;
  const login = p.username ? { username: p.username, password: p.password ?? '' } : {};
  if ((p.protocol === 'http' || p.protocol === 'https' || p.protocol === 'http+socks5') && p.httpPort) {
    return { protocol: p.protocol === 'https' ? 'https' : 'http', host, port: p.httpPort, ...login };
  }
  if ((p.protocol === 'socks5' || p.protocol === 'http+socks5') && p.socksPort) {
    return { protocol: 'socks5', host, port: p.socksPort, ...login };
  }
  return null;
}

/** A snapshot with its IPs and servers by id (a run of 100,000 items looks each one up once). */
export interface IndexedSnapshot {
  snapshot: AccountSnapshot;
  /** IP id → its place in the snapshot's list. */
  proxies: Map<string, number>;
  servers: Set<string>;
}

export function indexSnapshot(snapshot: AccountSnapshot | null): IndexedSnapshot | null {
  if (!snapshot) return null;
  const proxies = new Map<string, number>();
  snapshot.proxies.forEach((p, i) => {
    if (!proxies.has(p.id)) proxies.set(p.id, i);
  });
  return { snapshot, proxies, servers: new Set(snapshot.servers.map((s) => s.id)) };
}

export function planItem(item: ItemRef, indexed: IndexedSnapshot | null): ItemPlan {
  if (!indexed) {
    return {
      kind: 'skip',
      detail: 'This account has not been read yet. Refresh it, then check again.',
      advertisedCountry: null,
    };
  }
  if (item.kind === 'server') {
    if (!indexed.servers.has(item.id))
      return {
        kind: 'skip',
        detail: 'This server is no longer in the account. Refresh the account.',
        advertisedCountry: null,
      };
    return {
      kind: 'skip',
      detail:
        "Thordata lists this server's name but not its port or a password Proxydeck can use, so it cannot be checked from here. Check it in a browser or tool set up with one of its sub-users, or restart it if it stopped working.",
      advertisedCountry: null,
    };
  }
  if (item.kind !== 'ip') {
    return { kind: 'skip', detail: 'Only IPs and servers can be checked.', advertisedCountry: null };
  }
  const index = indexed.proxies.get(item.id);
  const p = index === undefined ? undefined : indexed.snapshot.proxies[index];
  if (!p || index === undefined)
    return {
      kind: 'skip',
      detail: 'This IP is no longer in the account. Refresh the account.',
      advertisedCountry: null,
    };
  const advertisedCountry = normalizedCountry(p.country);
  if (p.passwordWithheld) {
    return {
      kind: 'skip',
      detail: "This IP's password is not available right now. Refresh the account to get it back, then check again.",
      advertisedCountry,
    };
  }
  const target = endpointTarget(p);
  if (!target) {
    return {
      kind: 'skip',
      detail: 'The vendor lists no port for this IP, so it cannot be checked.',
      advertisedCountry,
    };
  }
  return { kind: 'probe', target, advertisedCountry, endpoint: p, index };
}

/** Alpha-2 or null: a value that names no country cannot be compared. */
export function normalizedCountry(raw: string | null | undefined): string | null {
  const c = countryCode(raw);
  return c && /^[A-Z]{2}$/.test(c) ? c : null;
}
