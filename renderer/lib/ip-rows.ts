/**
 * The rows of the IPs view as views over the snapshot (see IpRow in inventory.ts): a proxy row reads
 * its account's columns (renderer/stores/proxy-table.ts) by index, a server row its server object.
 * No string of a row is copied or kept twice.
 */
import type { UnlimitedServer, VendorId } from '../../preload/contract/model';
import type { ProxyTable } from '../stores/proxy-table';
import type { AccountRef, IpRow, Searchable } from './inventory';

/** Epoch ms of an ISO time, or null. */
export const epochMs = (iso: string | null): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};
const ms = epochMs;

/** Own fields: the account's (shared strings) and the source object. */
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

/** One account's IPs as the rows read them: shared by every row of that account. */
export interface ProxySegment {
  readonly ref: AccountRef;
  readonly table: ProxyTable;
}

/**
 * A row of a proxy: two fields (its account's segment and its index), everything else read from the
 * table's columns when asked, so 100,000 rows cost ~2 MB and no string is copied.
 */
export class ProxyIpRow implements IpRow, Searchable {
  readonly #seg: ProxySegment;
  readonly #i: number;
  constructor(seg: ProxySegment, i: number) {
    this.#seg = seg;
    this.#i = i;
  }
  /** The segment and index of a proxy row (null for any other row): for building indexes from the columns. */
  static locate(r: unknown): { seg: ProxySegment; i: number } | null {
    return r instanceof ProxyIpRow ? { seg: r.#seg, i: r.#i } : null;
  }
  get accountId() {
    return this.#seg.ref.accountId;
  }
  get accountLabel() {
    return this.#seg.ref.accountLabel;
  }
  get vendor() {
    return this.#seg.ref.vendor;
  }
  get vendorName() {
    return this.#seg.ref.vendorName;
  }
  get key() {
    return `${this.accountId}|p|${this.#seg.table.id(this.#i)}`;
  }
  get source() {
    return 'proxy' as const;
  }
  get ip() {
    return this.#seg.table.ip(this.#i);
  }
  get port() {
    const t = this.#seg.table;
    return t.httpPort(this.#i) ?? t.socksPort(this.#i);
  }
  get socksPort() {
    return this.#seg.table.socksPort(this.#i);
  }
  get user() {
    return this.#seg.table.username(this.#i);
  }
  get pass() {
    return this.#seg.table.password(this.#i);
  }
  get passWithheld() {
    const t = this.#seg.table;
    return t.password(this.#i) === null && t.passwordWithheld(this.#i);
  }
  get country() {
    return this.#seg.table.country(this.#i);
  }
  get kind() {
    return this.#seg.table.kind(this.#i);
  }
  get status() {
    return this.#seg.table.status(this.#i);
  }
  get expiresAt() {
    return this.#seg.table.expiresAt(this.#i);
  }
  get expiresMs() {
    return ms(this.expiresAt);
  }
  get orderId() {
    return this.#seg.table.orderId(this.#i);
  }
  searchText() {
    const t = this.#seg.table;
    const i = this.#i;
    const r = this.#seg.ref;
    return `${t.ip(i)} ${t.host(i) ?? ''} ${t.username(i) ?? ''} ${t.country(i) ?? ''} ${r.accountLabel} ${r.vendorName} ${t.orderId(i) ?? ''}`;
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
  get orderId() {
    return null;
  }
  searchText() {
    const s = this.#s;
    return `${s.ip} ${s.spec ?? ''} ${s.bandwidth ?? ''} ${this.accountLabel} ${this.vendorName}`;
  }
}
