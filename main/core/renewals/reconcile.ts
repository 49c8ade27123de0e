import type { Money, RenewTarget } from '../../../preload/contract/model';
import { VENDOR_NAMES } from '../../vendors/errors';
import type { VendorClient } from '../../vendors/vendor-client';
import { formatMoney } from './format';
import type { JournalItem, Operation } from './journal';
import type { Holds } from './journal-holds';

/**
 * Settles renewals whose outcome is unknown (a lost answer, or a crash between send and record) by
 * READING vendor state — never by sending the renewal again, which could charge twice.
 *
 * 1. Expiry: the journal holds each item's expiry read just before sending. Later than that now →
 *    renewed ('done'). Exactly the same → not renewed ('failed', safe to retry).
 * 2. Balance, when expiry cannot tell (no expiry, item not listed): the journal holds the balance read
 *    before sending. Unchanged → nothing was paid ('failed'); dropped by at least the quoted price →
 *    paid ('done'). Only used when this is the account's latest money operation in the journal,
 *    otherwise a later renewal's charge could be mistaken for this one's.
 * 3. Otherwise the item stays 'uncertain', with plain words on what to check in the vendor dashboard.
 */

const targetKey = (t: { kind: string; id: string }) => `${t.kind}:${t.id}`;

/**
 * Current expiry of each target, from the vendor's own lists. A target absent from its list maps to
 * undefined (cannot tell); present without an expiry maps to null. A failing read throws.
 */
export async function readExpiries(
  client: VendorClient,
  targets: readonly RenewTarget[],
): Promise<Map<string, string | null>> {
  const kinds = new Set(targets.map((t) => t.kind));
  const out = new Map<string, string | null>();
  if (kinds.has('ip')) for (const p of await client.listProxies()) out.set(`ip:${p.id}`, p.expiresAt);
  if (kinds.has('order')) for (const o of await client.listOrders()) out.set(`order:${o.id}`, o.expiresAt);
  if (kinds.has('server')) for (const s of await client.listUnlimitedServers()) out.set(`server:${s.id}`, s.expiresAt);
  const wanted = new Set(targets.map(targetKey));
  for (const k of [...out.keys()]) if (!wanted.has(k)) out.delete(k);
  return out;
}

export interface Verdict {
  state: 'done' | 'failed' | 'uncertain';
  newExpiresAt: string | null;
  message: string | null;
}

/** Expiry before vs now. Null when the dates cannot decide. */
export function judgeByExpiry(before: string | null, now: string | null | undefined): Verdict | null {
  if (!before || !now) return null;
  const b = Date.parse(before);
  const n = Date.parse(now);
  if (Number.isNaN(b) || Number.isNaN(n)) return null;
  if (n > b) return { state: 'done', newExpiresAt: now, message: null };
  if (n === b) {
    return {
      state: 'failed',
      newExpiresAt: null,
      message: 'Not renewed: its expiry has not changed, so nothing was paid for it. It is safe to try again.',
    };
  }
  return null; // moved backwards: something else happened; do not guess
}

export interface ReconcileInput {
  op: Operation;
  client: VendorClient;
  /** False when the journal has a later money operation for this account (balance would mislead). */
  latestForAccount: boolean;
}

/** Returns the op's items with unresolved ones settled where state allows. Never sends a write. */
export async function reconcileItems({ op, client, latestForAccount }: ReconcileInput): Promise<JournalItem[]> {
  const open = op.items.filter((i) => i.state === 'uncertain' || i.state === 'sending');
  if (open.length === 0) return op.items;
  let expiries: Map<string, string | null> | null = null;
  try {
    expiries = await readExpiries(
      client,
      open.map((i) => i.target),
    );
  } catch {
    expiries = null; // cannot read now: the balance may still tell, else stay uncertain
  }
  const verdicts = new Map<JournalItem, Verdict>();
  for (const item of open) {
    const v = judgeByExpiry(item.expiresBefore, expiries?.get(targetKey(item.target)));
    if (v) verdicts.set(item, v);
  }
  const undecided = open.filter((i) => !verdicts.has(i));
  // The balance speaks for the whole operation only: with some items settled, their charges would
  // be mixed into the drop.
  if (undecided.length > 0 && undecided.length === op.items.length && latestForAccount) {
    const byBalance = await judgeByBalance(op, client);
    for (const item of undecided) {
      if (byBalance) {
        const now = expiries?.get(targetKey(item.target)) ?? null;
        verdicts.set(item, { ...byBalance, newExpiresAt: byBalance.state === 'done' ? now : null });
      }
    }
  }
  return op.items.map((item) => {
    if (!open.includes(item)) return item;
    const v = verdicts.get(item) ?? {
      state: 'uncertain' as const,
      newExpiresAt: null,
      message: whatToCheck(op, item),
    };
    return { ...item, state: v.state, newExpiresAt: v.newExpiresAt ?? item.newExpiresAt, message: v.message };
  });
}

async function judgeByBalance(op: Operation, client: VendorClient): Promise<Verdict | null> {
  const before = op.balanceBefore;
  if (!before) return null;
  let now: Money | null = null;
  try {
    now = (await client.getBalance()).money;
  } catch {
    return null;
  }
  if (!now || now.currency !== before.currency) return null;
  const drop = before.minor - now.minor;
  if (drop === 0) {
    return {
      state: 'failed',
      newExpiresAt: null,
      message: 'Not renewed: no money left your balance. It is safe to try again.',
    };
  }
  // Every item is undecided here (see caller), so the expected charge is the quoted total.
  const expected = op.quote.total.currency === before.currency ? op.quote.total.minor : null;
  if (expected !== null && expected > 0 && drop >= expected) {
    return {
      state: 'done',
      newExpiresAt: null,
      message: 'Renewed: your balance dropped by the quoted price. The new expiry shows after the next refresh.',
    };
  }
  return null;
}

/** Plain words: what the user should look at in the vendor's dashboard to settle this by hand. */
export function whatToCheck(op: Operation, item: JournalItem): string {
  const vendor = VENDOR_NAMES[op.vendor];
  const when = op.history.find((h) => h.state === 'sending')?.at ?? op.createdAt;
  const expiry = item.expiresBefore ? ` (before, it expired ${item.expiresBefore.slice(0, 10)})` : '';
  const price = item.price ? ` of about ${formatMoney(item.price)}` : '';
  return (
    `Proxydeck could not tell whether ${item.target.label || item.target.id} was renewed. ` +
    `Open your ${vendor} dashboard and check its expiry date${expiry}, and your ${vendor} balance history ` +
    `for a charge${price} around ${when.slice(0, 16).replace('T', ' ')} UTC. ` +
    'Then mark it as renewed or not renewed in Proxydeck; it cannot be renewed again until then.'
  );
}

/**
 * Settles the holds of damaged journal entries by reading: an item whose expiry (read before sending,
 * salvaged from the damaged entry) has moved, or is unchanged, is no longer in doubt. Holds without
 * that information stay for the user to release. Never sends anything.
 */
export async function settleHolds(holds: Holds, clientOf: (accountId: string) => Promise<VendorClient>): Promise<void> {
  for (const hold of holds.list()) {
    if (!hold.accountId || !hold.targets?.length) continue;
    try {
      const client = await clientOf(hold.accountId);
      const now = await readExpiries(
        client,
        hold.targets.map((t) => ({ ...t, expiresAt: t.expiresBefore })),
      );
      const remaining = hold.targets.filter(
        (t) => judgeByExpiry(t.expiresBefore, now.get(`${t.kind}:${t.id}`)) === null,
      );
      holds.narrow(hold.file, remaining);
    } catch {
      // account gone or vendor unreachable: the hold stays
    }
  }
}
