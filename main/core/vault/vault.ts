import type { Credentials } from '../../../preload/contract/vendors';

/** The keychain service name every entry is filed under. */
export const KEYCHAIN_SERVICE = 'Proxydeck';

export interface VaultStatus {
  available: boolean;
  message: string | null;
}

/**
 * Where account credentials live: one OS-keychain entry per account (service "Proxydeck", account
 * = the account id, password = the credential object as JSON). Only main reads it.
 */
export interface Vault {
  get(accountId: string): Promise<Credentials | null>;
  set(accountId: string, credentials: Credentials): Promise<void>;
  /** True when an entry existed. */
  delete(accountId: string): Promise<boolean>;
  /** Ids of every account with an entry (to find orphans). */
  list(): Promise<string[]>;
  /** Probes the keychain; never throws. */
  status(): Promise<VaultStatus>;
  /**
   * The key that encrypts proxy passwords in the local cache (base64; main/core/secrets/), kept in
   * the keychain beside the accounts and never in a file. Null when none was made yet. Throws a
   * `keychain_unavailable` AppFailure when the keychain cannot be used.
   */
  getDataKey(): Promise<string | null>;
  setDataKey(key: string): Promise<void>;
}

/** The keychain entry (account name) of the data key; never listed as an account. */
export const DATA_KEY_ACCOUNT = '__proxydeck_data_key__';

/** The keychain entry of the "Connect to vendors" proxy password ({ password }); never listed as an account. */
export const PROXY_PASSWORD_ACCOUNT = '__proxydeck_proxy_password__';
