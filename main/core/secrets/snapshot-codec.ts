import type { AccountSnapshot, ProxyEndpoint } from '../../../preload/contract/model';
import type { Vault } from '../vault/vault';
import { DATA_KEY_BYTES, isSealed, newDataKey, open, seal } from './password-box';

/**
 * Proxy passwords in the snapshot cache, encrypted at rest. The snapshot files hold every proxy's
 * password (the reseller's customers' credentials), so on disk they are AES-256-GCM sealed with a data
 * key that lives in the OS keychain beside the accounts' API keys. A copied data folder without the
 * keychain reveals no password.
 *
 * Without a keychain (locked, missing provider) there is no key: passwords are written as null and
 * kept in this process's memory only; what is not in memory is shown as "withheld" (the IPs view says
 * "refresh to reveal"). Details fields whose name says password / secret / token are treated the same.
 */

export interface SnapshotCodec {
  /** The copy to write to disk. */
  seal(s: AccountSnapshot): AccountSnapshot;
  /** The copy to use, from what was read. */
  open(s: AccountSnapshot): AccountSnapshot;
}

export const identityCodec: SnapshotCodec = { seal: (s) => s, open: (s) => s };

const SECRET_DETAIL = /pass|pwd|secret|token/i;

type Box = { seal(plain: string, aad: string): string | null; open(v: string, aad: string): string | null };

export class PasswordCodec implements SnapshotCodec {
  private key: Buffer | null = null;
  /** accountId → place → plaintext, for the passwords that could not be sealed (no key). */
  private readonly memory = new Map<string, Map<string, string>>();

  /** True when passwords are sealed with a keychain key (false = memory only). */
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

  seal(s: AccountSnapshot): AccountSnapshot {
    return this.map(
      s,
      {
        seal: (plain, aad) => {
          this.remember(s.accountId, aad, plain);
          return this.key ? seal(this.key, plain, `${s.accountId}|${aad}`) : null;
        },
        open: (v) => v,
      },
      'seal',
    );
  }

  open(s: AccountSnapshot): AccountSnapshot {
    return this.map(
      s,
      {
        seal: (v) => v,
        open: (v, aad) => {
          const inMemory = this.memory.get(s.accountId)?.get(aad);
          if (inMemory !== undefined) return inMemory;
          return this.key && v ? open(this.key, v, `${s.accountId}|${aad}`) : null;
        },
      },
      'open',
    );
  }

  private remember(accountId: string, place: string, plain: string): void {
    // Only without a key: with one, the disk copy is the source and memory need not hold secrets.
    if (this.key) return;
    const m = this.memory.get(accountId) ?? new Map<string, string>();
    this.memory.set(accountId, m);
    m.set(place, plain);
  }

  private map(s: AccountSnapshot, box: Box, dir: 'seal' | 'open'): AccountSnapshot {
    const one = (value: string | null, place: string): { value: string | null; withheld: boolean } => {
      if (value === null || value === '') return { value, withheld: false };
      if (dir === 'seal') {
        // A value already sealed (read back, then saved again) stays as it is.
        if (isSealed(value)) return { value, withheld: false };
        return { value: box.seal(value, place), withheld: false };
      }
      if (!isSealed(value)) return { value, withheld: false }; // written before encryption: tightened on save
      const plain = box.open(value, place);
      return plain === null ? { value: null, withheld: true } : { value: plain, withheld: false };
    };
    const proxies = s.proxies.map((p): ProxyEndpoint => {
      const { passwordWithheld, ...rest } = p;
      const place = `proxy:${p.id}`;
      if (p.password === null && passwordWithheld) {
        // Withheld before (no key when it was saved): memory may still hold it in this run.
        const remembered = dir === 'open' ? box.open('', place) : null;
        return remembered ? { ...rest, password: remembered } : { ...rest, password: null, passwordWithheld: true };
      }
      const r = one(p.password, place);
      // A password that could not be sealed (no key) goes to disk as null, marked withheld.
      const withheld = r.withheld || (dir === 'seal' && r.value === null && !!p.password);
      return { ...rest, password: r.value, ...(withheld ? { passwordWithheld: true } : {}) };
    });
    const details = <T extends { id: string; details: Record<string, string> }>(rows: T[], kind: string): T[] =>
      rows.map((row) => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(row.details)) {
          if (!SECRET_DETAIL.test(k)) out[k] = v;
          else {
            const r = one(v, `${kind}:${row.id}:${k}`);
            if (r.value !== null) out[k] = r.value;
          }
        }
        return { ...row, details: out };
      });
    return { ...s, proxies, orders: details(s.orders, 'order'), servers: details(s.servers, 'server') };
  }
}
