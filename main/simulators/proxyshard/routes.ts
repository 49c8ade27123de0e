/**
 * ProxyShard's documented User API on SimServer: `/user/api/*`, Bearer auth, the actix
 * Content-Length quirk, the several response shapes and `{success:false,message}` errors.
 * Routes by area: routes-orders.ts (General, seed 001), routes-static.ts (DC & ISP, seed 004),
 * routes-residential.ts (profile, sub-users, targeting), routes-purchase.ts (products, stock, prices,
 * purchase, p0f add-ons); shared plumbing in routes-common.ts.
 *
 * wrong_units fault: money fields come back in dollars (decimal) instead of cents, and traffic
 * fields (profile, sub-users) in GB instead of bytes.
 */
import { makeApi, ok, type RouteContext } from './routes-common';
import { registerOrderRoutes } from './routes-orders';
import { registerPurchaseRoutes } from './routes-purchase';
import { registerResidentialRoutes } from './routes-residential';
import { registerStaticRoutes } from './routes-static';

export type { RouteContext, WriteLogEntry } from './routes-common';

export function registerRoutes(ctx: RouteContext): void {
  const api = makeApi(ctx);
  // Health (no auth).
  ctx.server.route('GET', '/health', () => ok({ status: 'ok' }));
  ctx.server.route('GET', '/health/live', () => ok({ status: 'ok' }));
  // First: `/orders/calculate` must win over `/orders/:id` (the first matching route answers).
  registerPurchaseRoutes(ctx, api);
  registerOrderRoutes(ctx, api);
  registerStaticRoutes(ctx, api);
  registerResidentialRoutes(ctx, api);
}
