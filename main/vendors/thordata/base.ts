/**
 * Workaround for a typing gap in the shared BaseVendorClient: its `not_supported` defaults are
 * declared `(): Promise<never>` with no parameters, so a subclass cannot override them with the
 * real VendorClient signatures (TS2416). This is the same class at runtime (instanceof holds, the
 * defaults still run), typed without those defaults; its protected helpers are re-declared with
 * `declare` in the subclass. Remove once base-client.ts types the defaults as VendorClient's.
 */
import { BaseVendorClient } from '../base-client';

type OverriddenDefaults =
  | 'listWhitelist'
  | 'addWhitelist'
  | 'removeWhitelist'
  | 'listSubUsers'
  | 'createSubUser'
  | 'updateSubUser'
  | 'deleteSubUser'
  | 'listUnlimitedServers'
  | 'listOrders'
  | 'listProxies'
  | 'getTraffic'
  | 'renewalPeriods'
  | 'quoteRenewal'
  | 'renew'
  | 'setAutoRenew';

export const VendorClientBase = BaseVendorClient as unknown as abstract new () => Omit<
  BaseVendorClient,
  OverriddenDefaults
> & {
  listOrders(): Promise<never>;
  setAutoRenew(): Promise<void>;
};
