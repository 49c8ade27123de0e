import type { VendorModule } from '../vendor-client';
import { YOUPROXY_CAPABILITIES, YouproxyClient } from './client';

export { YOUPROXY_CAPABILITIES, YouproxyClient } from './client';
export { YOUPROXY_BASE_URL } from './constants';

export const youproxyModule: VendorModule = {
  vendor: 'youproxy',
  capabilities: YOUPROXY_CAPABILITIES,
  checkCredentials(c) {
    const key = c.apiKey?.trim() ?? '';
    if (key === '') return 'Enter your YouProxy API key.';
    // The key travels as a URL path segment: whitespace or slashes mean a copy/paste slip.
    if (/[\s/\\?#]/.test(key)) return 'The API key should not contain spaces, slashes, "?" or "#". Copy it again.';
    if (/^\.+$/.test(key) || key.length < 8) return 'This does not look like a YouProxy API key. Copy it again.';
    return null;
  },
  create: (opts) => new YouproxyClient(opts),
};
