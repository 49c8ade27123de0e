import type { VendorClient, VendorModule } from '../../main/vendors/vendor-client';
import type { Capability, ConnectionCheck, VendorId } from '../../preload/contract/model';
import type { Credentials } from '../../preload/contract/vendors';

/** A vendor module whose client answers testConnection from a function: for core tests only. */
export function fakeVendorModule(
  vendor: VendorId,
  check: (c: Credentials) => ConnectionCheck = () => ({ ok: true, message: 'Connected.' }),
): VendorModule & { created: Credentials[] } {
  const created: Credentials[] = [];
  const capabilities: ReadonlySet<Capability> = new Set<Capability>(['balance']);
  return {
    vendor,
    capabilities,
    created,
    checkCredentials: (c) => (Object.values(c).some((v) => v.length < 8) ? 'That key looks too short.' : null),
    create: ({ credentials }) => {
      created.push(credentials);
      return {
        vendor,
        capabilities,
        testConnection: async () => check(credentials),
        getBalance: async () => ({
          money: { minor: 1234, currency: 'USD' },
          trafficRemainingBytes: null,
          trafficExpiresAt: null,
        }),
      } as unknown as VendorClient;
    },
  };
}
