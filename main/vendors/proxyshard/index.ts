/**
 * ProxyShard vendor module: one API key (Bearer), base URL https://user-api.proxyshard.com.
 */
import type { Credentials } from '../../../preload/contract/vendors';
import type { ClientOptions, VendorModule } from '../vendor-client';
import { PROXYSHARD_CAPABILITIES, ProxyshardClient } from './client';

export { PRODUCTION_BASE_URL, PROXYSHARD_CAPABILITIES, ProxyshardClient } from './client';

/** Shape check of the credentials: the key is an opaque dashboard token (not a JWT). */
export function checkProxyshardCredentials(c: Credentials): string | null {
  const key = (c.apiKey ?? '').trim();
  if (!key) return 'Enter your ProxyShard API key.';
  if (/^bearer\s/i.test(key)) return 'Paste only the key, without the word "Bearer".';
  if (/\s/.test(key)) return 'The API key should not contain spaces. Copy it again from the ProxyShard dashboard.';
  if (key.length < 8) return 'This API key looks too short. Copy it again from the ProxyShard dashboard.';
  return null;
}

export const proxyshardModule: VendorModule = {
  vendor: 'proxyshard',
  capabilities: PROXYSHARD_CAPABILITIES,
  checkCredentials: checkProxyshardCredentials,
  create: (opts: ClientOptions) => new ProxyshardClient(opts),
};
