/**
 * Export of all local user data as one file (issue 16 §5): settings, accounts (id, vendor, name), the
 * business data. By default it holds no keys. With `includeKeys`, the accounts' API keys and the
 * connection proxy password are read from the keychain here in main and sealed with the user's passphrase
 * before they are put in the text; they are never in the file, the window or a log in clear.
 */
import type { Settings } from '../../../preload/contract/schemas';
import type { UserDataExportResult } from '../../../preload/contract/userdata';
import type { Credentials } from '../../../preload/contract/vendors';
import type { AccountsService } from '../accounts/accounts-service';
import { AppFailure } from '../errors';
import { PROXY_PASSWORD_ACCOUNT, type Vault } from '../vault/vault';
import type { BusinessStore } from './business-store';
import { checkPassphrase, seal } from './userdata-crypto';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportSecrets, type ExportV1Input } from './userdata-format';

export interface ExportDeps {
  business: BusinessStore;
  accounts: AccountsService;
  vault: Vault;
  settings: () => Settings;
  version: string;
  now: () => Date;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The accounts' keys and the proxy password, from the keychain (only what is there). */
async function readSecrets(deps: ExportDeps): Promise<ExportSecrets> {
  const accounts: Record<string, Credentials> = {};
  try {
    for (const a of deps.accounts.list()) {
      if (a.demo) continue; // a demo account's key belongs to the built-in simulator
      const creds = await deps.vault.get(a.id);
      if (creds) accounts[a.id] = creds;
    }
    const proxy = await deps.vault.get(PROXY_PASSWORD_ACCOUNT);
    const proxyPassword = typeof proxy?.password === 'string' && proxy.password ? proxy.password : null;
    return { accounts, proxyPassword };
  } catch (e) {
    if (e instanceof AppFailure && e.code === 'keychain_unavailable')
      throw new AppFailure(
        'keychain_unavailable',
        `The keys could not be read from the system keychain, so no file was made. ${e.message} Or export without the keys.`,
      );
    throw e;
  }
}

export async function exportUserData(
  deps: ExportDeps,
  input: { includeKeys: boolean; passphrase: string | null },
): Promise<UserDataExportResult> {
  const now = deps.now();
  let secrets: ExportV1Input['secrets'] = null;
  let keys = 0;
  if (input.includeKeys) {
    const passphrase = checkPassphrase(input.passphrase);
    const plain = await readSecrets(deps);
    keys = Object.keys(plain.accounts).length;
    secrets = await seal(JSON.stringify(plain), passphrase);
  }
  const file: ExportV1Input = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    appVersion: deps.version.slice(0, 60),
    settings: deps.settings(),
    accounts: deps.accounts.list().map((a) => ({ id: a.id, vendor: a.vendor, label: a.label, demo: a.demo })),
    business: deps.business.get(),
    secrets,
  };
  return {
    fileName: `proxydeck-export-${dayOf(now)}${input.includeKeys ? '-with-keys' : ''}.json`,
    content: `${JSON.stringify(file, null, 2)}\n`,
    keys,
  };
}
