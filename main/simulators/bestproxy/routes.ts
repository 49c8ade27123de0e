import { registerResidentialRoutes } from './residential';
import { registerAccountRoutes } from './routes-accounts';
import { registerOrderRoutes } from './routes-orders';
import { registerPurchaseRoutes } from './routes-purchase';
import type { SimContext } from './wire';

/** Every documented path the client uses, under the vendor's own `/gateway/` prefix. */
export function registerRoutes(ctx: SimContext): void {
  registerAccountRoutes(ctx);
  registerOrderRoutes(ctx);
  registerPurchaseRoutes(ctx);
  registerResidentialRoutes(ctx);
}
