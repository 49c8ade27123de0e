import type { Credentials } from '../../../preload/contract/vendors';
import type { ClientOptions, VendorModule } from '../vendor-client';
import { BESTPROXY_CAPABILITIES, BestproxyClient } from './client';

export { BestproxyClient } from './client';
export { BESTPROXY_BASE_URL } from './constants';

/** The app_key is a 32-character token in the docs' examples; accept any plausible token. */
function checkCredentials(c: Credentials): string | null {
  const key = c.appKey?.trim();
  if (!key) return 'Enter the BestProxy app key.';
  if (/\s/.test(key)) return 'The app key should not contain spaces.';
  if (key.length < 16) return 'The app key looks too short. Copy it again from the BestProxy personal center.';
  return null;
}

export const bestproxyModule: VendorModule = {
  vendor: 'bestproxy',
  capabilities: BESTPROXY_CAPABILITIES,
  checkCredentials,
  create: (opts: ClientOptions) => new BestproxyClient(opts),
};
