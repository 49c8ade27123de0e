/**
 * A ProxyShard order request checked against the product list (doc §3.1 #1, §4.1), before anything is
 * sent: DC/ISP need a listed location and a cycle and send the IP count; per-GB residential send no
 * location and no cycle (fixed "lifetime") and the GB count; Unmetered needs a cycle and sends no
 * quantity. Options: `p0f_slots` (DC/ISP, 0..quantity) and `auto_renewal` yes/no (not per-GB tiers).
 */
import type { OrderPurchase } from '../../../preload/contract/purchases';
import type { QueryValue } from '../http/transport';
import { buyClassOf, type CatalogRow, choosableCycles, P0F_ADDON } from './purchase-mappers';

/** What calculate asks (query) and purchase sends (body) for one order request. */
export interface OrderPlan {
  row: CatalogRow;
  query: Record<string, QueryValue>;
  body: Record<string, unknown>;
  p0f: number;
  summary: string;
}

/** `bad` throws the plain refusal (the client's invalid_argument); nothing is sent after it. */
export function planOrder(req: OrderPurchase, rows: CatalogRow[], bad: (sentence: string) => never): OrderPlan {
  const row = rows.find((r) => r.name === req.productId) ?? bad(`ProxyShard does not sell "${req.productId}" now.`);
  const cls = buyClassOf(row.name);
  if (cls === 'other')
    bad(`Proxydeck cannot buy ${row.name} through the ProxyShard API; use the ProxyShard dashboard.`);
  const body: Record<string, unknown> = { product: row.name };
  const parts = [cls === 'unmetered' ? row.name : `${req.quantity} ${cls === 'pergb' ? 'GB' : '×'} ${row.name}`];
  if (cls === 'static') {
    if (!req.location) bad(`Choose a location for ${row.name}.`);
    const loc = row.locations.find((l) => l.toUpperCase() === req.location?.toUpperCase());
    if (!loc) bad(`ProxyShard does not offer ${row.name} in ${req.location} now.`);
    body.location = loc;
    parts.push(String(loc));
  }
  if (cls === 'static' || cls === 'unmetered') {
    if (!req.cycleId) bad(`Choose a billing cycle for ${row.name}.`);
    const cycle = choosableCycles(row).find((c) => c === req.cycleId);
    if (!cycle) bad(`ProxyShard does not offer the "${req.cycleId}" cycle for ${row.name}.`);
    body.cycle = cycle;
    parts.push(String(cycle));
  }
  if (cls === 'unmetered' && req.quantity !== 1) bad(`${row.name} is bought one plan at a time.`);
  if (cls !== 'unmetered') body.quantity = req.quantity;
  let p0f = 0;
  for (const [key, value] of Object.entries(req.options)) {
    if (value.trim() === '') continue; // an option left empty is not sent
    if (key === P0F_ADDON) {
      if (cls !== 'static') bad('p0f slots are offered for datacenter and ISP proxies only.');
      if (!/^\d+$/.test(value.trim())) bad('The number of p0f slots must be a whole number.');
      p0f = Number(value.trim());
      if (p0f > req.quantity) bad(`At most one p0f slot per IP: choose ${req.quantity} or fewer.`);
    } else if (key === 'auto_renewal') {
      if (cls === 'pergb') bad('Per-GB residential plans do not renew, so auto-renewal does not apply.');
      if (value !== 'yes' && value !== 'no') bad('Auto-renewal is on or off.');
      body.auto_renewal = value === 'yes';
    } else {
      bad(`ProxyShard has no "${key}" option.`);
    }
  }
  if (p0f > 0) {
    body.addons = [{ addon_key: P0F_ADDON, qty: p0f }];
    parts.push(`${p0f} p0f slots`);
  }
  if (req.promoCode) body.promo_code = req.promoCode;
  const query: Record<string, QueryValue> = {
    product: row.name,
    location: body.location as string | undefined,
    cycle: body.cycle as string | undefined,
    quantity: body.quantity as number | undefined,
    addons_json: p0f > 0 ? JSON.stringify(body.addons) : undefined,
  };
  return { row, query, body, p0f, summary: parts.join(' · ') };
}
