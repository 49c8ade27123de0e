/**
 * p0f OS signatures of DC/ISP IPs (doc §3.2 #12, §3.3 #17): what `/proxies/active` says per IP, the
 * order's slots (`p0f_slots_available - p0f_slots_used`, #9), and the check made before sending:
 * every IP that gets its first signature takes one slot for good; changing a signed IP takes none.
 */
import {
  type DropItem,
  type OrderIpTools,
  P0F_SIGNATURES,
  type SignatureItem,
} from '../../../preload/contract/order-tools';
import { BadField, type Obj, optNum, optStr, pick } from '../parse';
import { rowsOf } from './mappers';

/** GET /proxies/active?order_id: each IP with its `signature` (null = none set; v1.0.0 has no field). */
export function mapIpSignatures(json: unknown): OrderIpTools['ips'] {
  const rows = Array.isArray(json) ? rowsOf(json, 'data') : rowsOf(pick(json as Obj, 'data', 'proxies'), 'data');
  return rows.map((p) => {
    const ip = optStr(pick(p, 'ip', 'host'));
    if (!ip) throw new BadField('ip', p.ip);
    const sig = p.signature;
    if (sig !== undefined && sig !== null && typeof sig !== 'string') throw new BadField('signature', sig);
    return { ip, signature: sig ? sig : null };
  });
}

/** #9 detail: the order's p0f slots; null when the detail has neither field (no add-on ever bought). */
export function slotsOf(detail: Obj): OrderIpTools['slots'] {
  const available = optNum(detail.p0f_slots_available);
  const used = optNum(detail.p0f_slots_used);
  if (available === null && used === null) return null;
  for (const [k, v] of [
    ['p0f_slots_available', available],
    ['p0f_slots_used', used],
  ] as const) {
    if (v !== null && (!Number.isInteger(v) || v < 0)) throw new BadField(k, v);
  }
  return { available: available ?? 0, used: used ?? 0 };
}

export type SignaturePlan = { ok: true; items: SignatureItem[] } | { ok: false; sentence: string };

/** Checks a change against the order as read now; the sentence says what to do when it cannot go. */
export function planSignatures(items: readonly SignatureItem[], state: OrderIpTools): SignaturePlan {
  if (!items.length) return { ok: false, sentence: 'Choose at least one IP.' };
  const current = new Map(state.ips.map((x) => [x.ip, x.signature] as const));
  const byIp = new Map<string, SignatureItem>();
  for (const it of items) {
    if (!(P0F_SIGNATURES as readonly string[]).includes(it.signature)) {
      return { ok: false, sentence: `"${it.signature}" is not an OS signature ProxyShard offers.` };
    }
    if (!current.has(it.ip)) return { ok: false, sentence: `${it.ip} is not an IP of this order.` };
    byIp.set(it.ip, it);
  }
  const newlySigned = [...byIp.keys()].filter((ip) => !current.get(ip)).length;
  const free = state.slots ? Math.max(0, state.slots.available - state.slots.used) : 0;
  if (newlySigned > free) {
    return {
      ok: false,
      sentence:
        `This order has ${free} free p0f slot${free === 1 ? '' : 's'}, but ${newlySigned} of these IPs have no ` +
        `signature yet and each takes one slot for good. Buy ${newlySigned - free} more p0f slot` +
        `${newlySigned - free === 1 ? '' : 's'} (the order's add-on) first, or choose fewer IPs. Nothing was sent.`,
    };
  }
  return { ok: true, items: [...byIp.values()] };
}

export type DropPlan = { ok: true; items: DropItem[] } | { ok: false; sentence: string };

/** del-np (#18): every IP must be in the order, and at least one must stay (the vendor's "keep=0"). */
export function planDrops(items: readonly DropItem[], state: OrderIpTools): DropPlan {
  if (!items.length) return { ok: false, sentence: 'Choose at least one IP.' };
  const inOrder = new Set(state.ips.map((x) => x.ip));
  const byIp = new Map<string, DropItem>();
  for (const it of items) {
    if (!inOrder.has(it.ip)) return { ok: false, sentence: `${it.ip} is not an IP of this order.` };
    byIp.set(it.ip, it);
  }
  const dropped = [...byIp.values()].filter((i) => i.drop).length;
  if (inOrder.size > 0 && dropped >= inOrder.size) {
    return {
      ok: false,
      sentence: 'At least one IP must stay in the order. Leave one IP unmarked; nothing was sent.',
    };
  }
  return { ok: true, items: [...byIp.values()] };
}
