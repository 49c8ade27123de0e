/** Run in a child process by the keychain tests: prints what the vault reports in this environment. */
import { KeytarVault } from '../../main/core/vault/keytar-vault';

const vault = new KeytarVault(undefined, 'Proxydeck-probe');
const status = await vault.status();
let setError: string | null = null;
try {
  await vault.set('probe-account', { apiKey: 'x' });
  await vault.delete('probe-account');
} catch (e) {
  setError = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
process.stdout.write(JSON.stringify({ status, setError }));
