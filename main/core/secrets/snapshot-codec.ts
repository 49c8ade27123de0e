import type { AccountSnapshot, ProxyEndpoint } from '../../../preload/contract/model';
import type { TextColumn } from '../../../preload/contract/proxy-columns';
import type { Vault } from '../vault/vault';
import { DATA_KEY_BYTES, newDataKey, open, seal } from './password-box';

/**
 * Proxy passwords in the snapshot cache, encrypted at rest. The snapshot files hold every proxy's
 * password (the reseller's customers' credentials), so on disk each password is replaced by a
 * placeholder and all of one snapshot's secrets travel in one AES-256-GCM sealed blob (`secrets`),
 * bound to the account, with a data key that lives in the OS keychain beside the accounts' API keys.
 * One seal per snapshot keeps 100,000 IPs cheap (see `npm run bench`). A copied data folder without
 * the keychain reveals no password.
 *
 * Without a keychain (locked, missing provider) there is no key: passwords are written as null and
 * kept in this process's memory only; what is not in memory is "withheld" (the IPs view says "refresh
 * to reveal"). Detail fields whose name says password / secret / token are treated the same.
 */

/** A snapshot as written to disk: its secrets sealed in one blob. */
export type SealedSnapshot = AccountSnapshot & { secrets?: string };

/**
 * A snapshot's password column as saved (version-3 files, main/core/store/snapshot-columns.ts): the
 * whole column in one sealed blob (`sealed`, null when there is no key), which rows have no password
 * (`nulls`, so a blob that does not open says which rows are withheld), or `plain` (identityCodec only:
 * tests and tools).
 */
export interface SealedColumn {
  sealed: string | null;
  nulls: number[];
  plain?: { text: string; lens: number[] | string };
}

/** An opened password column, and the rows whose password exists but could not be opened. */
export interface OpenedColumn {
  col: TextColumn;
  withheld: number[];
}

export interface SnapshotCodec {
  /** The copy to write to disk. */
  seal(s: AccountSnapshot): SealedSnapshot;
  /** The copy to use, from what was read. */
  open(s: SealedSnapshot): AccountSnapshot;
  /** A password column for the disk; `ids` = the id column's text (what the column belongs to). */
  sealColumn(accountId: string, col: TextColumn, ids: string): SealedColumn;
  /** The column back, for `n` rows with these ids; what does not open is withheld. */
  openColumn(accountId: string, sealed: SealedColumn, n: number, ids: string): OpenedColumn;
}

/** Every row null; the rows that had a password are withheld. */
function withheldColumn(sealed: SealedColumn, n: number): OpenedColumn {
  const had = new Uint8Array(n).fill(1);
  for (const i of sealed.nulls) if (i >= 0 && i < n) had[i] = 0;
  const withheld: number[] = [];
  for (let i = 0; i < n; i++) if (had[i]) withheld.push(i);
  return {
    col: { text: '', lens: new Array<number>(n).fill(0), nulls: Array.from({ length: n }, (_, i) => i) },
    withheld,
  };
}

/** A column from `{ text, lens }` and the null rows, or null when they do not fit `n` rows. */
function columnOf(v: unknown, nulls: number[], n: number): TextColumn | null {
  const c = v as { text?: unknown; lens?: unknown };
  const lens = c?.lens;
  if (typeof c?.text !== 'string' || !(Array.isArray(lens) || typeof lens === 'string') || lens.length !== n)
    return null;
  return { text: c.text, lens: lens as number[] | string, nulls };
}

export const identityCodec: SnapshotCodec = {
  seal: (s) => s,
  open: (s) => s,
  sealColumn: (_id, col) => ({ sealed: null, nulls: col.nulls, plain: { text: col.text, lens: col.lens } }),
  openColumn: (_id, sealed, n) => {
    const col = sealed.plain ? columnOf(sealed.plain, sealed.nulls, n) : null;
    return col ? { col, withheld: [] } : withheldColumn(sealed, n);
  },
};

/** What stands on disk where a sealed secret was. */
export const SEALED_REF = 'enc:ref';

const SECRET_DETAIL = /pass|pwd|secret|token/i;

/** Every secret of a snapshot by place ("proxy:<id>", "order:<id>:<field>"...). */
function secretsOf(s: AccountSnapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of s.proxies) if (p.password) out.set(`proxy:${p.id}`, p.password);
  for (const [kind, rows] of [
    ['order', s.orders],
    ['server', s.servers],
  ] as const) {
    for (const row of rows) {
      for (const [k, v] of Object.entries(row.details))
        if (SECRET_DETAIL.test(k) && v) out.set(`${kind}:${row.id}:${k}`, v);
    }
  }
  return out;
}

/** The snapshot with each secret replaced by `put(place, value)` (undefined = drop a detail field). */
function replaceSecrets(
  s: AccountSnapshot,
  put: (place: string, value: string | null, withheld: boolean) => { value: string | null; withheld: boolean },
): AccountSnapshot {
  const proxies = s.proxies.map((p): ProxyEndpoint => {
    const { passwordWithheld, ...rest } = p;
    if (!p.password && !passwordWithheld) return rest;
    const r = put(`proxy:${p.id}`, p.password, passwordWithheld === true);
    return { ...rest, password: r.value, ...(r.withheld ? { passwordWithheld: true } : {}) };
  });
  const rows = <T extends { id: string; details: Record<string, string> }>(list: T[], kind: string): T[] =>
    list.map((row) => {
      const details: Record<string, string> = {};
      for (const [k, v] of Object.entries(row.details)) {
        if (!SECRET_DETAIL.test(k)) details[k] = v;
        else {
          const r = put(`${kind}:${row.id}:${k}`, v, false);
          if (r.value !== null) details[k] = r.value;
        }
      }
      return { ...row, details };
    });
  return { ...s, proxies, orders: rows(s.orders, 'order'), servers: rows(s.servers, 'server') };
}

export class PasswordCodec implements SnapshotCodec {
  private key: Buffer | null = null;
  /** accountId → place → plaintext, for the secrets that could not be sealed (no key). */
  private readonly memory = new Map<string, Map<string, string>>();
  /** accountId → the password column that could not be sealed (no key), with the ids it belongs to. */
  private readonly memoryColumns = new Map<string, { ids: string; col: TextColumn }>();

  /** True when secrets are sealed with a keychain key (false = memory only). */
  get sealing(): boolean {
    return this.key !== null;
  }

  /**
   * Loads the data key from the keychain, creating it on first use. Any keychain failure leaves the
   * codec in memory-only mode (never a plaintext file). Safe to call again (e.g. once the keychain
   * is unlocked).
   */
  async init(vault: Pick<Vault, 'getDataKey' | 'setDataKey'>): Promise<boolean> {
    try {
      const stored = await vault.getDataKey();
      const found = stored ? Buffer.from(stored, 'base64') : null;
      if (found && found.length === DATA_KEY_BYTES) {
        this.key = found;
      } else {
        const made = newDataKey();
        await vault.setDataKey(made.toString('base64'));
        this.key = made;
      }
    } catch {
      this.key = null;
    }
    return this.sealing;
  }

  seal(s: AccountSnapshot): SealedSnapshot {
    const plain = secretsOf(s);
    const { secrets: _old, ...rest } = s as SealedSnapshot;
    if (!this.key) {
      // No key: nothing secret reaches the disk; this run keeps it in memory.
      if (plain.size) this.memory.set(s.accountId, plain);
      return replaceSecrets(rest, (_place, value, withheld) => ({ value: null, withheld: withheld || !!value }));
    }
    const sealedOut = replaceSecrets(rest, (_place, value, withheld) =>
      value ? { value: SEALED_REF, withheld: false } : { value: null, withheld },
    );
    if (plain.size === 0) return sealedOut;
    return { ...sealedOut, secrets: seal(this.key, JSON.stringify(Object.fromEntries(plain)), s.accountId) };
  }

  sealColumn(accountId: string, col: TextColumn, ids: string): SealedColumn {
    const none = col.nulls.length === col.lens.length;
    const key = this.key;
    if (!key && !none) {
      // No key: nothing secret reaches the disk; this run keeps it in memory.
      this.memoryColumns.set(accountId, { ids, col });
      return { sealed: null, nulls: col.nulls };
    }
    this.memoryColumns.delete(accountId);
    if (none || !key) return { sealed: null, nulls: col.nulls };
    return { sealed: seal(key, JSON.stringify({ text: col.text, lens: col.lens }), accountId), nulls: col.nulls };
  }

  openColumn(accountId: string, sealed: SealedColumn, n: number, ids: string): OpenedColumn {
    const remembered = this.memoryColumns.get(accountId);
    if (remembered && remembered.ids === ids) return { col: remembered.col, withheld: [] };
    // Plain (written by a tool without a codec): used as it is, sealed at the next save.
    const plain = sealed.plain ? columnOf(sealed.plain, sealed.nulls, n) : null;
    if (plain) return { col: plain, withheld: [] };
    if (sealed.sealed && this.key) {
      const text = open(this.key, sealed.sealed, accountId);
      const col = text === null ? null : columnOf(JSON.parse(text), sealed.nulls, n);
      if (col) return { col, withheld: [] };
    }
    return withheldColumn(sealed, n);
  }

  open(s: SealedSnapshot): AccountSnapshot {
    const { secrets, ...rest } = s;
    const remembered = this.memory.get(s.accountId);
    let opened: Map<string, string> | null = null;
    if (secrets && this.key) {
      const text = open(this.key, secrets, s.accountId);
      if (text !== null) opened = new Map(Object.entries(JSON.parse(text) as Record<string, string>));
    }
    return replaceSecrets(rest, (place, value, withheld) => {
      const known = remembered?.get(place) ?? opened?.get(place);
      if (known !== undefined) return { value: known, withheld: false };
      // A plain value in a file written before encryption: used as it is, sealed at the next save.
      if (value && value !== SEALED_REF) return { value, withheld: false };
      return { value: null, withheld: withheld || value === SEALED_REF };
    });
  }
}

/** True when a snapshot read from disk still holds a secret in plain text (written before encryption). */
export function holdsPlainSecrets(s: AccountSnapshot): boolean {
  for (const v of secretsOf(s).values()) if (v !== SEALED_REF) return true;
  return false;
}
