/**
 * An account's IPs as columns instead of one object per IP (issue 12): how they travel to the window
 * ('snapshots:get') and, with the passwords sealed, how they are saved (main/core/store/snapshot-columns.ts).
 * 100,000 proxy objects are ~28 MB of JSON and ~23 MiB of heap; as columns a few MB, and the window
 * keeps them as columns (renderer/stores/proxy-table.ts) without ever building the objects.
 *
 * - `text` columns (id, ip, username, password): every value joined into one string, with each
 *   value's length; `nulls` lists the rows whose value is null.
 * - `dict` columns (every other field, few distinct values: ports, country, status, expiry...): the
 *   distinct values once, and per row its value's position (-1 = the field is absent on that row),
 *   either one per row (`codes`) or as runs (`runs`: code, count, code, count...) when shorter.
 * - Lengths and codes travel packed in a string, one character per row (see `pack`): 100,000 of them
 *   are ~100 KB instead of ~400 KB of JSON numbers, and parse without an array of 100,000 numbers.
 *
 * Pure functions, no Node or DOM: main encodes, the window and main decode.
 */
import type { AccountSnapshot, ProxyEndpoint } from './model';

export const TEXT_FIELDS = ['id', 'ip', 'username', 'password'] as const;
export const DICT_FIELDS = [
  'host',
  'httpPort',
  'socksPort',
  'protocol',
  'passwordWithheld',
  'country',
  'kind',
  'expiresAt',
  'orderId',
  'status',
  'autoRenew',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type DictField = (typeof DICT_FIELDS)[number];

export type DictValue = string | number | boolean | null;

export interface TextColumn {
  text: string;
  /** lens[i] = length of row i's value in `text` (0 for null); an array or packed (see `pack`). */
  lens: number[] | string;
  /** Rows whose value is null (ascending). */
  nulls: number[];
}

export interface DictColumn {
  values: DictValue[];
  /** Per row: its value's position in `values`; -1 = absent. An array or packed (see `pack`). */
  codes?: number[] | string;
  /** The same as runs: code, count, code, count... */
  runs?: number[];
}

export interface ProxyColumns {
  n: number;
  text: Record<TextField, TextColumn>;
  dict: Record<DictField, DictColumn>;
}

/** A snapshot as 'snapshots:get' sends it: the IPs as columns. */
export type WireSnapshot = Omit<AccountSnapshot, 'proxies'> & { proxies: ProxyColumns };

/** Builds the columns a slice of IPs at a time (a caller can yield between slices). */
export class ColumnsEncoder {
  private n = 0;
  private readonly parts = TEXT_FIELDS.map(() => [] as string[]);
  private readonly lens = TEXT_FIELDS.map(() => [] as number[]);
  private readonly nulls = TEXT_FIELDS.map(() => [] as number[]);
  private readonly values = DICT_FIELDS.map(() => [] as DictValue[]);
  private readonly seen = DICT_FIELDS.map(() => new Map<DictValue, number>());
  private readonly codes = DICT_FIELDS.map(() => [] as number[]);

  add(proxies: readonly ProxyEndpoint[], from = 0, to = proxies.length): this {
    for (let i = from; i < to; i++) {
      const p = proxies[i] as ProxyEndpoint;
      const row = this.n++;
      for (let f = 0; f < TEXT_FIELDS.length; f++) {
        const v = p[TEXT_FIELDS[f] as TextField];
        if (typeof v === 'string') {
          (this.parts[f] as string[]).push(v);
          (this.lens[f] as number[]).push(v.length);
        } else {
          (this.lens[f] as number[]).push(0);
          (this.nulls[f] as number[]).push(row);
        }
      }
      for (let f = 0; f < DICT_FIELDS.length; f++) {
        const v = p[DICT_FIELDS[f] as DictField];
        if (v === undefined) {
          (this.codes[f] as number[]).push(-1);
          continue;
        }
        const seen = this.seen[f] as Map<DictValue, number>;
        let c = seen.get(v);
        if (c === undefined) {
          const values = this.values[f] as DictValue[];
          c = values.length;
          values.push(v);
          seen.set(v, c);
        }
        (this.codes[f] as number[]).push(c);
      }
    }
    return this;
  }

  finish(): ProxyColumns {
    const steps = this.finishing();
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /** finish() a column at a time: a writer yields to the event loop between the steps. */
  *finishing(): Generator<void, ProxyColumns> {
    const text = {} as Record<TextField, TextColumn>;
    for (const [k, f] of TEXT_FIELDS.entries()) {
      const lens = this.lens[k] as number[];
      text[f] = {
        text: (this.parts[k] as string[]).join(''),
        lens: pack(lens, 0) ?? lens,
        nulls: this.nulls[k] as number[],
      };
      yield;
    }
    const dict = {} as Record<DictField, DictColumn>;
    for (const [k, f] of DICT_FIELDS.entries()) {
      const codes = this.codes[k] as number[];
      const values = this.values[k] as DictValue[];
      const runs = toRuns(codes);
      dict[f] = runs.length < codes.length / 4 ? { values, runs } : { values, codes: pack(codes, 1) ?? codes };
      yield;
    }
    return { n: this.n, text, dict };
  }
}

function toRuns(codes: number[]): number[] {
  const runs: number[] = [];
  for (let i = 0; i < codes.length; ) {
    const c = codes[i] as number;
    let j = i + 1;
    while (j < codes.length && codes[j] === c) j++;
    runs.push(c, j - i);
    if (runs.length >= codes.length) return runs; // no shorter: plain codes
    i = j;
  }
  return runs;
}

export function encodeProxies(proxies: readonly ProxyEndpoint[]): ProxyColumns {
  return new ColumnsEncoder().add(proxies).finish();
}

export function encodeSnapshot(s: AccountSnapshot): WireSnapshot {
  return { ...s, proxies: encodeProxies(s.proxies) };
}

/** Characters below this are never used when packing (no control character, no quote). */
const PACK_BASE = 48;
/** The largest packed value: below the surrogates, so every value is one UTF-16 unit. */
const PACK_MAX = 0xd7ff - PACK_BASE;

/**
 * Small non-negative integers (after adding `shift`) as one character each, or null when one does
 * not fit. Chunked: String.fromCharCode takes a bounded number of arguments.
 */
export function pack(values: readonly number[], shift: number): string | null {
  const parts: string[] = [];
  for (let i = 0; i < values.length; i += 8192) {
    const chunk = values.slice(i, i + 8192);
    for (let k = 0; k < chunk.length; k++) {
      const v = (chunk[k] as number) + shift;
      if (!Number.isInteger(v) || v < 0 || v > PACK_MAX) return null;
      chunk[k] = v + PACK_BASE;
    }
    parts.push(String.fromCharCode(...chunk));
  }
  return parts.join('');
}

/** The integers of an array or a packed string, `n` of them (RangeError otherwise). */
export function intsOf(v: readonly number[] | string, shift: number, n: number): Int32Array {
  if (v.length !== n) throw new RangeError('does not match the row count');
  if (typeof v !== 'string') return Int32Array.from(v);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = v.charCodeAt(i) - PACK_BASE - shift;
  return out;
}

/** Per row codes of a dict column (-1 = absent), from either form. */
export function codesOf(col: DictColumn, n: number): Int32Array {
  if (col.codes !== undefined) {
    try {
      return intsOf(col.codes, 1, n);
    } catch {
      throw new RangeError('codes do not match the row count');
    }
  }
  const out = new Int32Array(n);
  const runs = col.runs ?? [];
  let at = 0;
  for (let k = 0; k + 1 < runs.length; k += 2) {
    const count = runs[k + 1] as number;
    if (!Number.isInteger(count) || count < 1 || at + count > n)
      throw new RangeError('runs do not match the row count');
    out.fill(runs[k] as number, at, at + count);
    at += count;
  }
  if (at !== n || runs.length % 2 !== 0) throw new RangeError('runs do not match the row count');
  return out;
}

/** Where each row's value ends in the column's text (checked against the text). */
export function endsOf(col: TextColumn, n: number): Uint32Array {
  if (col.lens.length !== n) throw new RangeError('lengths do not match the row count');
  const lens = intsOf(col.lens, 0, n);
  const ends = new Uint32Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const len = lens[i] as number;
    if (!Number.isInteger(len) || len < 0) throw new RangeError('a length is not a count');
    at += len;
    ends[i] = at;
  }
  if (at !== col.text.length) throw new RangeError('lengths do not match the text');
  return ends;
}

/** The IPs back as objects (main, when something needs them; tests). */
export function decodeProxies(c: ProxyColumns): ProxyEndpoint[] {
  const n = c.n;
  const text = TEXT_FIELDS.map((f) => {
    const col = c.text[f];
    const nulls = new Set(col.nulls);
    return { f, col, ends: endsOf(col, n), nulls };
  });
  const dict = DICT_FIELDS.map((f) => ({ f, values: c.dict[f].values, codes: codesOf(c.dict[f], n) }));
  const out = new Array<ProxyEndpoint>(n);
  for (let i = 0; i < n; i++) {
    const p: Record<string, unknown> = {};
    for (const t of text) p[t.f] = t.nulls.has(i) ? null : t.col.text.slice(i === 0 ? 0 : t.ends[i - 1], t.ends[i]);
    for (const d of dict) {
      const code = d.codes[i] as number;
      if (code >= 0) p[d.f] = d.values[code];
    }
    out[i] = p as unknown as ProxyEndpoint;
  }
  return out;
}
