import { z } from 'zod';
import type { AccountSnapshot } from '../../../preload/contract/model';
import { decodeProxies, encodeSnapshot, type WireSnapshot } from '../../../preload/contract/proxy-columns';
import { holdsPlainSecrets, type SealedSnapshot, type SnapshotCodec } from '../secrets/snapshot-codec';
import { BadColumns, openHead, readColumns } from './snapshot-columns';

/**
 * Reading a snapshot file's parsed JSON (every version, see ./snapshot-file.ts) into what the store
 * holds. Validation happens here, once per file: the frame strictly (a file that is not a snapshot of
 * this account is not used), v3 columns field by field (./snapshot-columns.ts).
 */
export const SnapshotFrame = z.object({
  accountId: z.string(),
  fetchedAt: z.string(),
  balance: z.unknown(),
  orders: z.array(z.unknown()),
  proxies: z.array(z.unknown()),
  whitelist: z.array(z.unknown()),
  subUsers: z.array(z.unknown()),
  servers: z.array(z.unknown()),
  traffic: z.array(z.unknown()),
  /** The snapshot's secrets (v2: proxy passwords too), sealed in one blob (main/core/secrets/snapshot-codec.ts). */
  secrets: z.string().optional(),
  // Snapshots written before error codes were kept hold plain strings: read them as message-only.
  errors: z.record(
    z.string(),
    z.union([
      z.string().transform((message) => ({ message })),
      z.object({ code: z.string().optional(), message: z.string() }),
    ]),
  ),
});
/** More IPs of a large account (v2), each part sealed on its own. */
const MoreParts = z.array(z.object({ proxies: z.array(z.unknown()), secrets: z.string().optional() })).optional();

/**
 * One account's snapshot in memory: as objects (`snap`, what main's services read) and/or as columns
 * (`wire`, what the window is sent). A v3 file gives the columns; the objects are built only when a
 * service asks (`snapOf`), and the columns of a saved snapshot only when the window asks (`wireOf`).
 */
export interface Held {
  snap?: AccountSnapshot;
  wire?: WireSnapshot;
}

/** Encoded snapshots, by the snapshot (shared, never mutated): built once, dropped with it. */
const wired = new WeakMap<AccountSnapshot, WireSnapshot>();

export function snapOf(h: Held): AccountSnapshot {
  if (!h.snap) {
    const w = h.wire as WireSnapshot;
    h.snap = { ...w, proxies: decodeProxies(w.proxies) };
    wired.set(h.snap, w);
  }
  return h.snap;
}

export function wireOf(h: Held): WireSnapshot {
  if (!h.wire) {
    const s = h.snap as AccountSnapshot;
    h.wire = wired.get(s) ?? encodeSnapshot(s);
    wired.set(s, h.wire);
  }
  return h.wire;
}

/** Remembers the columns a writer built for a snapshot (so 'snapshots:get' does not build them again). */
export function rememberColumns(s: AccountSnapshot, proxies: WireSnapshot['proxies']): void {
  if (!wired.has(s)) wired.set(s, { ...s, proxies });
}

export function knownWire(s: AccountSnapshot): WireSnapshot | undefined {
  return wired.get(s);
}

/** The held snapshot of a file's JSON, or why it cannot be used. */
export function parseFile(
  accountId: string,
  data: Record<string, unknown>,
  codec: SnapshotCodec,
): { held: Held } | { invalid: string } {
  const frame = SnapshotFrame.safeParse(data.snapshot);
  if (!frame.success) return { invalid: frame.error.issues[0]?.message ?? 'not a snapshot' };
  if (frame.data.accountId !== accountId) return { invalid: 'another account' };
  const sealed = frame.data as SealedSnapshot;
  if (data.v === 3) {
    try {
      const proxies = readColumns(accountId, data.columns, data.passwords, codec);
      return { held: { wire: { ...openHead(sealed, codec), proxies } } };
    } catch (e) {
      if (e instanceof BadColumns) return { invalid: e.message };
      throw e;
    }
  }
  const more = MoreParts.safeParse(data.more);
  if (!more.success) return { invalid: 'not a snapshot' };
  const head = codec.open(sealed);
  if (!more.data?.length) return { held: { snap: head } };
  const proxies = [...head.proxies];
  for (const part of more.data) {
    const opened = codec.open({
      ...sealed,
      orders: [],
      servers: [],
      proxies: part.proxies,
      secrets: part.secrets,
    } as SealedSnapshot);
    for (const p of opened.proxies) proxies.push(p);
  }
  return { held: { snap: { ...head, proxies } } };
}

/** True when a file's JSON still holds a secret in plain text (written before encryption, or by a tool). */
export function fileHoldsPlainSecrets(data: Record<string, unknown> | null): boolean {
  const frame = SnapshotFrame.safeParse(data?.snapshot);
  if (!data || !frame.success) return false;
  if (holdsPlainSecrets(frame.data as AccountSnapshot)) return true;
  if (data.v === 3) return typeof (data.passwords as { plain?: unknown } | undefined)?.plain === 'object';
  const more = MoreParts.safeParse(data.more);
  return (
    more.success &&
    (more.data ?? []).some((p) =>
      holdsPlainSecrets({ ...(frame.data as AccountSnapshot), proxies: p.proxies } as AccountSnapshot),
    )
  );
}
