import { VENDOR_IDS, type VendorId } from '../../../preload/contract/model';
import type { Credentials } from '../../../preload/contract/vendors';
import type { SimulatorOptions, VendorSimulator } from '../../simulators/types';
import type { DemoSource } from '../accounts/accounts-service';
import { DemoHealth } from './demo-health';

/** Stored labels of new demo accounts; shown localized (see preload/contract/locales/demo-label.ts). */
export { DEMO_LABELS } from '../../../preload/contract/locales/demo-label';

/**
 * The four vendor simulators running inside the app on 127.0.0.1, so a new user sees every view
 * work before entering a key. Demo accounts use the simulators' own keys, never the keychain.
 */
export class DemoEnvironment implements DemoSource {
  private readonly sims = new Map<VendorId, VendorSimulator>();
  /** Local proxies and check target behind the demo IPs' health checks (demo-health.ts). */
  readonly health = new DemoHealth();

  constructor(
    private readonly factories: Record<VendorId, (o?: SimulatorOptions) => VendorSimulator>,
    private readonly options: SimulatorOptions = { seed: 7 },
  ) {}

  async start(): Promise<void> {
    for (const vendor of VENDOR_IDS) {
      if (this.sims.has(vendor)) continue;
      const sim = this.factories[vendor](this.options);
      await sim.listen(0);
      this.sims.set(vendor, sim);
    }
    await this.health.start();
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.sims.values()].map((s) => s.close()).concat(this.health.stop()));
    this.sims.clear();
  }

  simulator(vendor: VendorId): VendorSimulator | undefined {
    return this.sims.get(vendor);
  }

  credentials(vendor: VendorId): Credentials | null {
    return this.sims.get(vendor)?.credentials ?? null;
  }

  baseUrl(vendor: VendorId): string | null {
    return this.sims.get(vendor)?.baseUrl() ?? null;
  }
}
