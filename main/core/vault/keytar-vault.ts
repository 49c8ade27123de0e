import type { Credentials } from '../../../preload/contract/vendors';
import { AppFailure } from '../errors';
import { keychainMessage } from './keychain-errors';
import { DATA_KEY_ACCOUNT, KEYCHAIN_SERVICE, PROXY_PASSWORD_ACCOUNT, type Vault, type VaultStatus } from './vault';

/** The part of keytar we use (a structural type, so tests may pass a fake and keytar loads lazily). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** Loads keytar on first use: a missing native module becomes a plain "keychain unavailable". */
export async function loadKeytar(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as unknown as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
}

const PROBE_ACCOUNT = '__proxydeck_probe__';

export class KeytarVault implements Vault {
  private keytar: Promise<KeytarLike> | null = null;

  constructor(
    private readonly load: () => Promise<KeytarLike> = loadKeytar,
    private readonly service: string = KEYCHAIN_SERVICE,
  ) {}

  private async k(): Promise<KeytarLike> {
    this.keytar ??= this.load();
    try {
      return await this.keytar;
    } catch (e) {
      this.keytar = null;
      throw this.unavailable(e);
    }
  }

  private unavailable(e: unknown): AppFailure {
    const raw = e instanceof Error ? e.message : String(e);
    return new AppFailure('keychain_unavailable', keychainMessage(raw));
  }

  private async call<T>(fn: (k: KeytarLike) => Promise<T>): Promise<T> {
    const k = await this.k();
    try {
      return await fn(k);
    } catch (e) {
      throw this.unavailable(e);
    }
  }

  async get(accountId: string): Promise<Credentials | null> {
    const raw = await this.call((k) => k.getPassword(this.service, accountId));
    if (raw === null) return null;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const out: Credentials = {};
        for (const [key, v] of Object.entries(parsed)) if (typeof v === 'string') out[key] = v;
        return out;
      }
    } catch {
      // fall through: an entry we cannot read is treated as missing, and the user re-enters the key
    }
    return null;
  }

  async set(accountId: string, credentials: Credentials): Promise<void> {
    await this.call((k) => k.setPassword(this.service, accountId, JSON.stringify(credentials)));
  }

  async delete(accountId: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, accountId));
  }

  async list(): Promise<string[]> {
    const all = await this.call((k) => k.findCredentials(this.service));
    return all
      .map((c) => c.account)
      .filter((a) => a !== PROBE_ACCOUNT && a !== DATA_KEY_ACCOUNT && a !== PROXY_PASSWORD_ACCOUNT);
  }

  async getDataKey(): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, DATA_KEY_ACCOUNT));
  }

  async setDataKey(key: string): Promise<void> {
    await this.call((k) => k.setPassword(this.service, DATA_KEY_ACCOUNT, key));
  }

  async status(): Promise<VaultStatus> {
    try {
      // A read-only probe: Secret Service reports a missing provider or a locked keyring on reads too.
      await this.call((k) => k.getPassword(this.service, PROBE_ACCOUNT));
      return { available: true, message: null };
    } catch (e) {
      return { available: false, message: e instanceof AppFailure ? e.message : keychainMessage(String(e)) };
    }
  }
}
