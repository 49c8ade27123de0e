import type { VendorId } from '../../preload/contract/model';
import { bestproxyModule } from './bestproxy';
import { proxyshardModule } from './proxyshard';
import { thordataModule } from './thordata';
import type { VendorModule } from './vendor-client';
import { youproxyModule } from './youproxy';

/** Every vendor Proxydeck speaks to, by id. */
export const VENDOR_MODULES: Record<VendorId, VendorModule> = {
  thordata: thordataModule,
  proxyshard: proxyshardModule,
  youproxy: youproxyModule,
  bestproxy: bestproxyModule,
};
