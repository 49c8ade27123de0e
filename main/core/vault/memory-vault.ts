import type { Credentials } from '../../../preload/contract/vendors';
import { PROXY_PASSWORD_ACCOUNT, type Vault, type VaultStatus } from './vault';

/** An in-memory vault for unit tests and for demo accounts (their keys are the simulators' own). */
export class MemoryVault implements Vault {
  private readonly entries = new Map<string, string>();
  private dataKey: string | null = null;

  async get(id: string): Promise<Credentials | null> {
    const v = this.entries.get(id);
    return v === undefined ? null : (JSON.parse(v) as Credentials);
  }
  async set(id: string, c: Credentials): Promise<void> {
    this.entries.set(id, JSON.stringify(c));
  }
  async delete(id: string): Promise<boolean> {
    return this.entries.delete(id);
  }
  async list(): Promise<string[]> {
    return [...this.entries.keys()].filter((id) => id !== PROXY_PASSWORD_ACCOUNT);
  }
  async status(): Promise<VaultStatus> {
    return { available: true, message: null };
  }
  async getDataKey(): Promise<string | null> {
    return this.dataKey;
  }
  async setDataKey(key: string): Promise<void> {
    this.dataKey = key;
  }
}
