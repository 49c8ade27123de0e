/**
 * Items as the accounts' last snapshots list them: their label (how they read when last seen), whether
 * they are still there, and finding an item from what a user typed (an IP, an order id, a sub-user's
 * name, a server's host) across every account. Built once per call over the snapshots it needs.
 */
import type { ItemKind, ItemPresence, ItemRef } from '../../../preload/contract/business';
import type { AccountSnapshot, VendorId } from '../../../preload/contract/model';

export interface AccountRef {
  id: string;
  vendor: VendorId;
  label: string;
}

export interface LookupDeps {
  accounts: () => AccountRef[];
  snapshot: (accountId: string) => AccountSnapshot | null;
}

/** One item of a snapshot: its ref, its label, and the words that find it. */
export interface FoundItem {
  item: ItemRef;
  label: string;
  account: AccountRef;
}

const orderLabel = (o: AccountSnapshot['orders'][number]) => (o.tag ? `${o.product} (${o.tag})` : o.product || o.id);

/** Every item of a snapshot with its label and the keys a user may type for it (lower case). */
function* itemsOf(snap: AccountSnapshot): Generator<{ kind: ItemKind; id: string; label: string; keys: string[] }> {
  for (const p of snap.proxies) {
    yield { kind: 'ip', id: p.id, label: p.ip || p.host || p.id, keys: [p.id, p.ip, p.host ?? ''] };
  }
  for (const o of snap.orders) yield { kind: 'order', id: o.id, label: orderLabel(o), keys: [o.id] };
  for (const s of snap.subUsers)
    yield { kind: 'subUser', id: s.id, label: s.username || s.id, keys: [s.id, s.username] };
  for (const s of snap.servers) yield { kind: 'server', id: s.id, label: s.ip || s.id, keys: [s.id, s.ip] };
}

/** The snapshot section each kind is listed in (a failed section keeps its last list, which may be stale). */
const SECTION: Record<ItemKind, keyof AccountSnapshot> = {
  ip: 'proxies',
  order: 'orders',
  subUser: 'subUsers',
  server: 'servers',
};

/** Per account: kind|id → label, built on first use. */
export class ItemIndex {
  private readonly byAccount = new Map<string, Map<string, string> | null>();
  /** Per account: the kinds whose section failed in the last refresh. */
  private readonly failed = new Map<string, Set<ItemKind>>();
  private readonly accountsById: Map<string, AccountRef>;

  constructor(private readonly deps: LookupDeps) {
    this.accountsById = new Map(deps.accounts().map((a) => [a.id, a]));
  }

  account(id: string): AccountRef | null {
    return this.accountsById.get(id) ?? null;
  }

  private labels(accountId: string): Map<string, string> | null {
    if (this.byAccount.has(accountId)) return this.byAccount.get(accountId) ?? null;
    const snap = this.accountsById.has(accountId) ? this.deps.snapshot(accountId) : null;
    let m: Map<string, string> | null = null;
    if (snap) {
      m = new Map();
      for (const it of itemsOf(snap)) m.set(`${it.kind}|${it.id}`, it.label);
      const failed = new Set((Object.keys(SECTION) as ItemKind[]).filter((k) => snap.errors?.[SECTION[k]]));
      this.failed.set(accountId, failed);
    }
    this.byAccount.set(accountId, m);
    return m;
  }

  /** The item's label in the account's last snapshot; null when not listed (or no snapshot). */
  label(ref: ItemRef): string | null {
    return this.labels(ref.accountId)?.get(`${ref.kind}|${ref.id}`) ?? null;
  }

  /**
   * 'unknown' without account or snapshot (or when its list failed to load last time); 'missing' when the
   * snapshot no longer lists the item.
   */
  presence(ref: ItemRef): ItemPresence {
    const m = this.labels(ref.accountId);
    if (!m) return 'unknown';
    if (m.has(`${ref.kind}|${ref.id}`)) return 'present';
    // Not listed, but the vendor could not be read for that list last time: not known to be gone.
    return this.failed.get(ref.accountId)?.has(ref.kind) ? 'unknown' : 'missing';
  }
}

/**
 * What a user typed (an IP, an id, a sub-user's name, a server's host) → the items it names in every
 * account's snapshot. Case-insensitive. One value may name several items (an IP that is also listed as
 * a server, or the same IP in two accounts): the caller decides.
 */
export class ItemFinder {
  private readonly index = new Map<string, FoundItem[]>();

  constructor(deps: LookupDeps) {
    for (const account of deps.accounts()) {
      const snap = deps.snapshot(account.id);
      if (!snap) continue;
      for (const it of itemsOf(snap)) {
        const found: FoundItem = {
          item: { accountId: account.id, kind: it.kind, id: it.id },
          label: it.label,
          account,
        };
        for (const k of new Set(it.keys.map((x) => x.trim().toLowerCase()).filter(Boolean))) {
          const list = this.index.get(k);
          if (list) list.push(found);
          else this.index.set(k, [found]);
        }
      }
    }
  }

  find(text: string): FoundItem[] {
    return this.index.get(text.trim().toLowerCase()) ?? [];
  }
}
