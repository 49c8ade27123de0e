import type { VendorModule } from '../vendor-client';
import { THORDATA_CAPABILITIES, ThordataClient } from './client';

export { THORDATA_CAPABILITIES, ThordataClient } from './client';
export { UPGRADE_BANDWIDTHS, UPGRADE_SIZES } from './constants';

export const thordataModule: VendorModule = {
  vendor: 'thordata',
  capabilities: THORDATA_CAPABILITIES,
  checkCredentials(c) {
    const token = c.token?.trim() ?? '';
    const key = c.key?.trim() ?? '';
    if (!token) return 'Enter the Thordata token (Dashboard → My Account).';
    if (!key) return 'Enter the Thordata key (Dashboard → My Account).';
    if (/\s/.test(token) || /\s/.test(key)) return 'The token and key contain no spaces; copy them again.';
    if (token.length < 8 || key.length < 8) return 'That looks too short for a Thordata token or key; copy it again.';
    return null;
  },
  create: (opts) => new ThordataClient(opts),
};
