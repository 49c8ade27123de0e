/**
 * One account's IPs in the window, as columns (struct of arrays): 100,000 IPs hold a few MB in a
 * handful of strings and typed arrays instead of 100,000 objects (issue 12: heap at 100k ≤ 4× 1k).
 * Built from the columns main sends (preload/contract/proxy-columns.ts); rows are read by index, and
 * a ProxyEndpoint object is only built when a caller asks for one (`row(i)`), e.g. the rows shown.
 *
 * Immutable: a changed account arrives as a new table.
 */
import type {
  AccountSnapshot,
  ProductKind,
  ProxyEndpoint,
  ProxyProtocol,
  ProxyStatus,
} from '../../preload/contract/model';
import {
  codesOf,
  DICT_FIELDS,
  type DictField,
  type DictValue,
  endsOf,
  type ProxyColumns,
  TEXT_FIELDS,
  type TextField,
} from '../../preload/contract/proxy-columns';

/**
 * An account's snapshot as the window holds it: its IPs as a ProxyTable, read by index, never as
 * 100,000 objects. Every other section is as main keeps it.
 */
export type HeldSnapshot = Omit<AccountSnapshot, 'proxies'> & { proxies: ProxyTable };

type Codes = Uint8Array | Uint16Array | Uint32Array;

class TextCol {
  constructor(
    readonly text: string,
    /** ends[i] = end of row i in text; row i starts at ends[i - 1] (0 for the first). */
    readonly ends: Uint32Array,
    /** 1 = null; empty when no row is null. */
    readonly nulls: Uint8Array,
  ) {}
  get(i: number): string | null {
    if (this.nulls.length > 0 && this.nulls[i] === 1) return null;
    return this.text.slice(i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }
}

class DictCol {
  constructor(
    /** The distinct values; one past the end (`values.length`) = absent. */
    readonly values: readonly DictValue[],
    readonly codes: Codes,
  ) {}
  get(i: number): DictValue | undefined {
    return this.values[this.codes[i] as number];
  }
}

const codesFor = (count: number, n: number): Codes =>
  count < 0xff ? new Uint8Array(n) : count < 0xffff ? new Uint16Array(n) : new Uint32Array(n);

function bad(what: string): never {
  throw new Error(`The IP list from main is not readable (${what}). Restart Proxydeck.`);
}

export class ProxyTable {
  readonly length: number;
  private readonly text: Record<TextField, TextCol>;
  private readonly dict: Record<DictField, DictCol>;

  private constructor(n: number, text: Record<TextField, TextCol>, dict: Record<DictField, DictCol>) {
    this.length = n;
    this.text = text;
    this.dict = dict;
  }

  static readonly empty = ProxyTable.fromColumns({
    n: 0,
    text: Object.fromEntries(
      TEXT_FIELDS.map((f) => [f, { text: '', lens: [], nulls: [] }]),
    ) as unknown as ProxyColumns['text'],
    dict: Object.fromEntries(DICT_FIELDS.map((f) => [f, { values: [], codes: [] }])) as unknown as ProxyColumns['dict'],
  });

  /** From the wire columns; throws when they do not fit together (a bug in main, not data to show). */
  static fromColumns(c: ProxyColumns): ProxyTable {
    const n = c.n;
    if (!Number.isInteger(n) || n < 0) bad('count');
    const text = {} as Record<TextField, TextCol>;
    for (const f of TEXT_FIELDS) {
      const col = c.text?.[f];
      if (!col || typeof col.text !== 'string') bad(f);
      let ends: Uint32Array;
      try {
        ends = endsOf(col, n);
      } catch {
        bad(f);
      }
      let nulls = new Uint8Array(0);
      if (col.nulls.length > 0) {
        nulls = new Uint8Array(n);
        for (const i of col.nulls) nulls[i] = 1;
      }
      text[f] = new TextCol(col.text, ends, nulls);
    }
    const dict = {} as Record<DictField, DictCol>;
    for (const f of DICT_FIELDS) {
      const col = c.dict?.[f];
      if (!col) bad(f);
      let wire: Int32Array;
      try {
        wire = codesOf(col, n);
      } catch {
        bad(f);
      }
      const absent = col.values.length;
      const codes = codesFor(absent, n);
      for (let i = 0; i < n; i++) {
        const code = wire[i] as number;
        if (code >= absent) bad(f);
        codes[i] = code < 0 ? absent : code;
      }
      dict[f] = new DictCol(col.values, codes);
    }
    return new ProxyTable(n, text, dict);
  }

  id(i: number): string {
    return this.text.id.get(i) ?? '';
  }
  ip(i: number): string {
    return this.text.ip.get(i) ?? '';
  }
  username(i: number): string | null {
    return this.text.username.get(i);
  }
  password(i: number): string | null {
    return this.text.password.get(i);
  }
  host(i: number): string | null {
    return (this.dict.host.get(i) ?? null) as string | null;
  }
  httpPort(i: number): number | null {
    return (this.dict.httpPort.get(i) ?? null) as number | null;
  }
  socksPort(i: number): number | null {
    return (this.dict.socksPort.get(i) ?? null) as number | null;
  }
  passwordWithheld(i: number): boolean {
    return this.dict.passwordWithheld.get(i) === true;
  }
  country(i: number): string | null {
    return (this.dict.country.get(i) ?? null) as string | null;
  }
  kind(i: number): ProductKind {
    return this.dict.kind.get(i) as ProductKind;
  }
  expiresAt(i: number): string | null {
    return (this.dict.expiresAt.get(i) ?? null) as string | null;
  }
  orderId(i: number): string | null {
    return (this.dict.orderId.get(i) ?? null) as string | null;
  }
  status(i: number): ProxyStatus {
    return this.dict.status.get(i) as ProxyStatus;
  }

  /** The row's position, or -1 (a scan: for a few look-ups, not one per row). */
  indexOfId(id: string): number {
    if (id === '') return -1; // ids are never empty (checked on read)
    const col = this.text.id;
    let from = 0;
    for (;;) {
      const at = col.text.indexOf(id, from);
      if (at === -1) return -1;
      const i = this.rowAt(col.ends, at);
      if ((i === 0 ? 0 : col.ends[i - 1]) === at && col.ends[i] === at + id.length && col.nulls[i] !== 1) return i;
      from = at + 1;
    }
  }

  /** The row whose text holds position `pos` (ends are ascending). */
  private rowAt(ends: Uint32Array, pos: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ends[mid] as number) > pos) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * The lower-case search text of each row (what the IPs search box matches: ip, host, user, country,
   * the account's label and vendor, order), as `ProxyIpRow.searchText().toLowerCase()` gives it, but
   * without building each row's pieces: when everything is ASCII the columns are lower-cased once.
   */
  searcher(accountLabel: string, vendorName: string): (i: number) => string {
    const ip = this.text.ip;
    const user = this.text.username;
    const d = this.dict;
    const account = ` ${accountLabel} ${vendorName} `;
    const ascii = (v: unknown) => typeof v !== 'string' || /^[ -~]*$/.test(v);
    const allAscii =
      ascii(ip.text) &&
      ascii(user.text) &&
      ascii(account) &&
      [d.host, d.country, d.orderId].every((c) => c.values.every(ascii));
    if (!allAscii) {
      return (i) =>
        `${this.ip(i)} ${this.host(i) ?? ''} ${this.username(i) ?? ''} ${this.country(i) ?? ''}${account}${this.orderId(i) ?? ''}`.toLowerCase();
    }
    const low = (c: DictCol) => [...c.values.map((v) => (v == null ? '' : String(v).toLowerCase())), ''];
    const host = low(d.host);
    const country = low(d.country);
    const order = low(d.orderId);
    const ipText = ip.text.toLowerCase();
    const userText = user.text.toLowerCase();
    const acc = account.toLowerCase();
    const ie = ip.ends;
    const ue = user.ends;
    return (i) =>
      `${ipText.slice(i === 0 ? 0 : ie[i - 1], ie[i])} ${host[d.host.codes[i] as number]} ${userText.slice(i === 0 ? 0 : ue[i - 1], ue[i])} ${country[d.country.codes[i] as number]}${acc}${order[d.orderId.codes[i] as number]}`;
  }

  /** Epoch ms of each row's expiry (NaN = none), each distinct time parsed once. */
  expiresMsOf(): (i: number) => number {
    const col = this.dict.expiresAt;
    const ms = [...col.values.map((v) => (typeof v === 'string' ? Date.parse(v) : Number.NaN)), Number.NaN];
    return (i) => ms[col.codes[i] as number] as number;
  }

  /** How many rows have this status. */
  countStatus(status: ProxyStatus): number {
    const col = this.dict.status;
    const code = col.values.indexOf(status);
    if (code === -1) return 0;
    let n = 0;
    for (let i = 0; i < this.length; i++) if (col.codes[i] === code) n++;
    return n;
  }

  /** The distinct order ids of the rows (null left out). */
  orderIds(): Set<string> {
    const col = this.dict.orderId;
    const used = new Uint8Array(col.values.length + 1);
    for (let i = 0; i < this.length; i++) used[col.codes[i] as number] = 1;
    const out = new Set<string>();
    col.values.forEach((v, c) => {
      if (used[c] && typeof v === 'string' && v) out.add(v);
    });
    return out;
  }

  /** Row i as the object main holds (built on each call: for the rows shown or exported, not all). */
  row(i: number): ProxyEndpoint {
    const out = {} as Record<string, unknown>;
    for (const f of TEXT_FIELDS) out[f] = this.text[f].get(i);
    for (const f of DICT_FIELDS) {
      const v = this.dict[f].get(i);
      if (v !== undefined) out[f] = v;
    }
    return out as unknown as ProxyEndpoint;
  }

  /** Every row as objects (tests, small tables). */
  rows(): ProxyEndpoint[] {
    return Array.from({ length: this.length }, (_, i) => this.row(i));
  }

  autoRenew(i: number): boolean | null {
    return (this.dict.autoRenew.get(i) ?? null) as boolean | null;
  }
  protocol(i: number): ProxyProtocol {
    return this.dict.protocol.get(i) as ProxyProtocol;
  }
}
