import { randomUUID } from 'node:crypto';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { AppError } from '../../../preload/contract/errors';
import type { ConnectionCheck, VendorId } from '../../../preload/contract/model';
import { type Credentials, VENDORS } from '../../../preload/contract/vendors';
import type { TransportLog } from '../../vendors/http/transport';
import type { ClientOptions, VendorClient, VendorModule } from '../../vendors/vendor-client';
import { AppFailure } from '../errors';
import type { AppStore } from '../store/app-store';
import type { AccountMeta } from '../store/schema';
import type { SnapshotStore } from '../store/snapshot-store';
import type { Vault } from '../vault/vault';

export type VendorRegistry = Partial<Record<VendorId, VendorModule>>;

/** Where demo accounts get their keys and addresses: the built-in simulators. */
export interface DemoSource {
  credentials(vendor: VendorId): Credentials | null;
  baseUrl(vendor: VendorId): string | null;
}

export interface AccountsDeps {
  store: AppStore;
  snapshots: SnapshotStore;
  vault: Vault;
  vendors: VendorRegistry;
  demo?: DemoSource | undefined;
  /** Base URL overrides per vendor (tests and the browser host point real accounts at simulators). */
  baseUrls?: Partial<Record<VendorId, string>>;
  log?: TransportLog;
  transport?: ClientOptions['transport'];
  now?: () => Date;
}

/** Shows the last four characters of long keys, so the user can tell two keys apart. */
export function credentialHint(credentials: Credentials, vendor: VendorId): string | null {
  const first = VENDORS[vendor].fields[0];
  const value = first ? credentials[first.name] : undefined;
  return value && value.length >= 16 ? `••••${value.slice(-4)}` : null;
}

const sameLabel = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Accounts: metadata in the store, credentials in the vault (one keychain entry each). Secrets go in
 * and never come back out of this service except to a vendor client inside main.
 * A disk that refuses writes (full, read-only) never makes these throw, except `add`: renames,
 * removals and refresh results are kept in memory and saved later (AppStore).
 */
export class AccountsService {
  constructor(private readonly deps: AccountsDeps) {}

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  list(): AccountSummary[] {
    return this.deps.store.accounts().map((a) => ({ ...a }));
  }

  get(id: string): AccountMeta {
    const found = this.deps.store.accounts().find((a) => a.id === id);
    if (!found)
      throw new AppFailure('not_found', 'That account no longer exists. It may have been removed in another window.');
    return found;
  }

  private module(vendor: VendorId): VendorModule {
    const m = this.deps.vendors[vendor];
    if (!m)
      throw new AppFailure(
        'not_supported',
        `${VENDORS[vendor].name} is not available in this version of Proxydeck yet.`,
      );
    return m;
  }

  /** Checks the credential object against the vendor's declared fields; returns the cleaned object. */
  validateCredentials(vendor: VendorId, credentials: Credentials): Credentials {
    const fields = VENDORS[vendor].fields;
    const clean: Credentials = {};
    for (const f of fields) {
      const v = credentials[f.name];
      if (!v)
        throw new AppFailure(
          'invalid_argument',
          `Enter the ${f.label} from your ${VENDORS[vendor].name} dashboard.`,
          f.name,
        );
      clean[f.name] = v;
    }
    const extra = Object.keys(credentials).find((k) => !fields.some((f) => f.name === k));
    if (extra)
      throw new AppFailure(
        'invalid_argument',
        `${VENDORS[vendor].name} does not use a field called "${extra}".`,
        extra,
      );
    const problem = this.deps.vendors[vendor]?.checkCredentials(clean);
    if (problem) throw new AppFailure('invalid_argument', problem);
    return clean;
  }

  private assertLabelFree(label: string, exceptId?: string): void {
    const clash = this.deps.store.accounts().find((a) => a.id !== exceptId && sameLabel(a.label, label));
    if (clash) {
      throw new AppFailure(
        'duplicate_label',
        `You already have an account named "${clash.label}". Choose another name.`,
        'label',
      );
    }
  }

  async add(input: { vendor: VendorId; label: string; credentials: Credentials }): Promise<AccountSummary> {
    const label = input.label.trim();
    this.assertLabelFree(label);
    const credentials = this.validateCredentials(input.vendor, input.credentials);
    const meta: AccountMeta = {
      id: randomUUID(),
      vendor: input.vendor,
      label,
      createdAt: this.now(),
      lastRefreshAt: null,
      demo: false,
      credentialHint: credentialHint(credentials, input.vendor),
      lastError: null,
    };
    // Keychain first: if it refuses, nothing is written anywhere.
    await this.deps.vault.set(meta.id, credentials);
    // Then the settings file, and it must reach the disk: an account kept only in memory would vanish
    // at the next start and leave its key behind in the keychain. If it cannot be saved, undo the key.
    try {
      this.deps.store.setAccounts([...this.deps.store.accounts(), meta], { mustSave: true });
    } catch (e) {
      await this.deps.vault.delete(meta.id).catch(() => false);
      if (e instanceof AppFailure) throw new AppFailure(e.code, `The account was not added. ${e.message}`);
      throw new AppFailure(
        'storage',
        'Proxydeck could not save the account. Check that your disk is not full, then try again.',
      );
    }
    return { ...meta };
  }

  /** Registers a demo account (no keychain entry: its key belongs to the built-in simulator). */
  addDemo(vendor: VendorId, label: string): AccountMeta {
    const meta: AccountMeta = {
      id: randomUUID(),
      vendor,
      label,
      createdAt: this.now(),
      lastRefreshAt: null,
      demo: true,
      credentialHint: null,
      lastError: null,
    };
    this.deps.store.setAccounts([...this.deps.store.accounts(), meta]);
    return meta;
  }

  rename(id: string, label: string): AccountSummary {
    const meta = this.get(id);
    const clean = label.trim();
    this.assertLabelFree(clean, id);
    const updated = { ...meta, label: clean };
    this.deps.store.setAccounts(this.deps.store.accounts().map((a) => (a.id === id ? updated : a)));
    return { ...updated };
  }

  async remove(id: string): Promise<{ id: string }> {
    const meta = this.get(id);
    // Delete the secret first: an account whose key is gone is harmless, a key left behind is not.
    if (!meta.demo) await this.deps.vault.delete(id);
    const rest = this.deps.store.accounts().filter((a) => a.id !== id);
    this.deps.store.setAccounts(rest);
    this.deps.snapshots.delete(id);
    if (meta.demo && !rest.some((a) => a.demo)) this.deps.store.setDemoDismissed(true);
    return { id };
  }

  markRefreshed(id: string, at: string): void {
    this.update(id, (a) => ({ ...a, lastRefreshAt: at, lastError: null }));
  }

  markRefreshFailed(id: string, error: AppError, at: string): void {
    this.update(id, (a) => ({ ...a, lastError: { code: error.code, message: error.message, at } }));
  }

  private update(id: string, fn: (a: AccountMeta) => AccountMeta): void {
    // The account may have been removed while its refresh ran: then there is nothing to record.
    this.deps.store.setAccounts(this.deps.store.accounts().map((a) => (a.id === id ? fn(a) : a)));
  }

  private makeClient(vendor: VendorId, credentials: Credentials, baseUrl?: string | null): VendorClient {
    const url = baseUrl ?? this.deps.baseUrls?.[vendor];
    return this.module(vendor).create({
      credentials,
      ...(url ? { baseUrl: url } : {}),
      ...(this.deps.log ? { log: this.deps.log } : {}),
      ...(this.deps.transport ? { transport: this.deps.transport } : {}),
    });
  }

  /** A vendor client for an account; reads the key from the vault (or the demo simulator). */
  async client(id: string): Promise<VendorClient> {
    const meta = this.get(id);
    if (meta.demo) {
      const creds = this.deps.demo?.credentials(meta.vendor);
      if (!creds)
        throw new AppFailure('not_found', 'The demo is not running. Restart Proxydeck to see the demo accounts again.');
      return this.makeClient(meta.vendor, creds, this.deps.demo?.baseUrl(meta.vendor));
    }
    const creds = await this.deps.vault.get(id);
    if (!creds) {
      throw new AppFailure(
        'invalid_credentials',
        'The API key of this account is missing from the system keychain. Remove the account and add it again.',
      );
    }
    return this.makeClient(meta.vendor, creds);
  }

  async test(id: string): Promise<ConnectionCheck> {
    return (await this.client(id)).testConnection();
  }

  async testCredentials(vendor: VendorId, credentials: Credentials): Promise<ConnectionCheck> {
    return this.makeClient(vendor, this.validateCredentials(vendor, credentials)).testConnection();
  }
}
