/**
 * The rows of the IPs view as views over the snapshot's own objects (see IpRow in inventory.ts):
 * the four account fields are own (shared strings, so spreading a row keeps them), everything else
 * is read from the proxy or server when asked. No string of a row is copied or kept twice.
 */
import type { ProxyEndpoint, UnlimitedServer, VendorId } from '../../preload/contract/model';
import type { AccountRef, IpRow, Searchable } from './inventory';

/** Epoch ms of an ISO time, or null. */
export const epochMs = (iso: string | null): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};
const ms = epochMs;

/** Own fields: the account's (shared, so spreading a row keeps them) and the source object. */
abstract class RowBase implements AccountRef {
  readonly accountId: string;
  readonly accountLabel: string;
  readonly vendor: VendorId;
  readonly vendorName: string;
  constructor(ref: AccountRef) {
    this.accountId = ref.accountId;
    this.accountLabel = ref.accountLabel;
    this.vendor = ref.vendor;
    this.vendorName = ref.vendorName;
  }
}

export class ProxyIpRow extends RowBase implements IpRow, Searchable {
  readonly #p: ProxyEndpoint;
  constructor(ref: AccountRef, p: ProxyEndpoint) {
    super(ref);
    this.#p = p;
  }
  get key() {
    return `${this.accountId}|p|${this.#p.id}`;
  }
  get source() {
    return 'proxy' as const;
  }
  get ip() {
    return this.#p.ip;
  }
  get port() {
    return this.#p.httpPort ?? this.#p.socksPort;
  }
  get socksPort() {
    return this.#p.socksPort;
  }
  get user() {
    return this.#p.username;
  }
  get pass() {
    return this.#p.password;
  }
  get passWithheld() {
    return this.#p.password === null && this.#p.passwordWithheld === true;
  }
  get country() {
    return this.#p.country;
  }
  get kind() {
    return this.#p.kind;
  }
  get status() {
    return this.#p.status;
  }
  get expiresAt() {
    return this.#p.expiresAt;
  }
  get expiresMs() {
    return ms(this.#p.expiresAt);
  }
  searchText() {
    const p = this.#p;
    return `${p.ip} ${p.host ?? ''} ${p.username ?? ''} ${p.country ?? ''} ${this.accountLabel} ${this.vendorName} ${p.orderId ?? ''}`;
  }
}

export class ServerIpRow extends RowBase implements IpRow, Searchable {
  readonly #s: UnlimitedServer;
  constructor(ref: AccountRef, s: UnlimitedServer) {
    super(ref);
    this.#s = s;
  }
  get key() {
    return `${this.accountId}|s|${this.#s.id}`;
  }
  get source() {
    return 'server' as const;
  }
  get ip() {
    return this.#s.ip;
  }
  get port() {
    return null;
  }
  get socksPort() {
    return null;
  }
  get user() {
    return null;
  }
  get pass() {
    return null;
  }
  get passWithheld() {
    return false;
  }
  get country() {
    return this.#s.details.country ?? this.#s.details.region ?? null;
  }
  get kind() {
    return 'unlimited' as const;
  }
  get status() {
    return this.#s.status;
  }
  get expiresAt() {
    return this.#s.expiresAt;
  }
  get expiresMs() {
    return ms(this.#s.expiresAt);
  }
  searchText() {
    const s = this.#s;
    return `${s.ip} ${s.spec ?? ''} ${s.bandwidth ?? ''} ${this.accountLabel} ${this.vendorName}`;
  }
}
