import { z } from 'zod';
import {
  codesOf,
  DICT_FIELDS,
  type DictField,
  type DictValue,
  endsOf,
  type ProxyColumns,
  type TextColumn,
  type WireSnapshot,
} from '../../../preload/contract/proxy-columns';
import type { SealedColumn, SealedSnapshot, SnapshotCodec } from '../secrets/snapshot-codec';

/**
 * The IPs of a version-3 snapshot file, as columns (preload/contract/proxy-columns.ts):
 *
 *   {"v":3,"snapshot":{...every other section, sealed; "proxies":[]},
 *    "columns":{"n":..,"text":{"id","ip","username"},"dict":{...}},"passwords":{...sealed column}}
 *
 * 100,000 IPs are ~8 MB instead of ~36 MB, parse in ~25 ms instead of ~300 ms (no object per IP, one
 * sealed blob for all passwords), and are exactly what 'snapshots:get' sends the window. Validation is
 * strict and happens once, on read: every column fits the row count, every value has its field's
 * type (ports, statuses, kinds, expiry times, ids); a file that does not pass is not used.
 */

const Port = z.number().int().min(0).max(65_535).nullable();
const NullableText = z.string().nullable();
const Iso = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a time')
  .nullable();
const VALUE: Record<DictField, z.ZodType<DictValue>> = {
  host: NullableText,
  httpPort: Port,
  socksPort: Port,
  protocol: z.enum(['http', 'https', 'socks5', 'http+socks5']),
  passwordWithheld: z.boolean(),
  country: NullableText,
  kind: z.enum(['residential', 'isp', 'datacenter', 'mobile', 'ipv6', 'unlimited', 'static-residential', 'other']),
  expiresAt: Iso,
  orderId: NullableText,
  status: z.enum(['active', 'expired', 'pending', 'disabled', 'unknown']),
  autoRenew: z.boolean().nullable(),
};
/** Fields a row may lack (optional in ProxyEndpoint). */
const OPTIONAL = new Set<DictField>(['passwordWithheld']);

const Ints = z.union([z.array(z.number()), z.string()]);
const TextCol = z.object({ text: z.string(), lens: Ints, nulls: z.array(z.number()) });
const DictCol = z.object({
  values: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
  codes: Ints.optional(),
  runs: z.array(z.number()).optional(),
});
const DiskColumns = z.object({
  n: z.number().int().nonnegative(),
  text: z.object({ id: TextCol, ip: TextCol, username: TextCol }),
  dict: z.object(Object.fromEntries(DICT_FIELDS.map((f) => [f, DictCol])) as Record<DictField, typeof DictCol>),
});
export const SealedPasswords = z.object({
  sealed: z.string().nullable(),
  nulls: z.array(z.number()),
  plain: z.object({ text: z.string(), lens: Ints }).optional(),
});

/** Why a file's columns cannot be used (thrown by readColumns). */
export class BadColumns extends Error {}

/** Checks a text column; returns where each row ends. */
function checkText(name: string, col: TextColumn, n: number, nullable: boolean): Uint32Array {
  let ends: Uint32Array;
  try {
    ends = endsOf(col, n);
  } catch (e) {
    throw new BadColumns(`${name}: ${(e as Error).message}`);
  }
  const len = (i: number) => (ends[i] as number) - (i === 0 ? 0 : (ends[i - 1] as number));
  let last = -1;
  for (const i of col.nulls) {
    if (!Number.isInteger(i) || i <= last || i >= n || len(i) !== 0) throw new BadColumns(`${name}: bad null row`);
    last = i;
  }
  if (!nullable && col.nulls.length > 0) throw new BadColumns(`${name}: missing on ${col.nulls.length} rows`);
  return ends;
}

/** The file's columns, checked field by field, with the passwords opened by `codec`. Throws BadColumns. */
export function readColumns(
  accountId: string,
  rawColumns: unknown,
  rawPasswords: unknown,
  codec: SnapshotCodec,
): ProxyColumns {
  const parsed = DiskColumns.safeParse(rawColumns);
  if (!parsed.success) throw new BadColumns(parsed.error.issues[0]?.message ?? 'not columns');
  const c = parsed.data;
  const n = c.n;
  const idEnds = checkText('id', c.text.id, n, false);
  checkText('ip', c.text.ip, n, false);
  checkText('username', c.text.username, n, true);
  const ids = c.text.id;
  for (let i = 0; i < n; i++)
    if (idEnds[i] === (i === 0 ? 0 : idEnds[i - 1])) throw new BadColumns(`id: empty on row ${i + 1}`);
  for (const f of DICT_FIELDS) {
    const col = c.dict[f];
    for (const v of col.values) if (!VALUE[f].safeParse(v).success) throw new BadColumns(`${f}: ${JSON.stringify(v)}`);
    let codes: Int32Array;
    try {
      codes = codesOf(col, n);
    } catch (e) {
      throw new BadColumns(`${f}: ${(e as Error).message}`);
    }
    const lowest = OPTIONAL.has(f) ? -1 : 0;
    for (let i = 0; i < n; i++) {
      const code = codes[i] as number;
      if (!Number.isInteger(code) || code < lowest || code >= col.values.length)
        throw new BadColumns(`${f}: row ${i + 1}`);
    }
  }
  const sealed = SealedPasswords.safeParse(rawPasswords);
  if (!sealed.success) throw new BadColumns('passwords: not a sealed column');
  const opened = codec.openColumn(accountId, sealed.data, n, ids.text);
  checkText('password', opened.col, n, true);
  const dict = { ...c.dict } as ProxyColumns['dict'];
  if (opened.withheld.length > 0) dict.passwordWithheld = markWithheld(dict.passwordWithheld, n, opened.withheld);
  return { n, text: { ...c.text, password: opened.col }, dict };
}

/** The passwordWithheld column with `rows` set to true. */
function markWithheld(col: ProxyColumns['dict']['passwordWithheld'], n: number, rows: number[]) {
  const values = [...col.values];
  let yes = values.indexOf(true);
  if (yes === -1) yes = values.push(true) - 1;
  const codes = Array.from(codesOf(col, n));
  for (const i of rows) codes[i] = yes;
  return { values, codes };
}

/** What the file holds for the columns: the passwords sealed by `codec`, the rest as they are. */
export function diskColumns(
  accountId: string,
  c: ProxyColumns,
  codec: SnapshotCodec,
): { columns: unknown; passwords: SealedColumn } {
  const { password, ...text } = c.text;
  return { columns: { n: c.n, text, dict: c.dict }, passwords: codec.sealColumn(accountId, password, c.text.id.text) };
}

/** The head (every other section) of a v3 file, opened. */
export function openHead(frame: SealedSnapshot, codec: SnapshotCodec): Omit<WireSnapshot, 'proxies'> {
  const { proxies: _none, ...head } = codec.open({ ...frame, proxies: [] });
  return head;
}
