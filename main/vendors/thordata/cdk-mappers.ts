/**
 * Thordata CDK payloads (vendor file §3.8) → TrafficCode. Strict where a wrong value would mislead:
 * the code itself, the status (1 unused / 2 used / 3 revoked), the unix-second times and the traffic
 * figure are BadField when missing or of the wrong type. Lenient on cosmetic fields: the validity
 * (`traffic_duration`) and who redeemed it are null when absent or unreadable. The docs type these
 * fields as strings while their examples are numbers (§6.4 #9): numeric strings are accepted.
 */
import type { TrafficCode, TrafficCodeStatus } from '../../../preload/contract/traffic-codes';
import { BadField, isObj, list, type Obj, optNum, optStr, pick } from '../parse';

/** CDK `traffic` / `flow`: no unit stated; examples (2, 3) suggest GB (§6.2, low confidence). */
export const CDK_TRAFFIC_UNIT_BYTES = 1024 ** 3;
export const CDK_UNIT_NOTE =
  'Thordata gives code traffic as a bare number, read as GB (its docs do not say); compare with your Thordata dashboard once.';

const STATUS: Readonly<Record<number, TrafficCodeStatus>> = { 1: 'unused', 2: 'used', 3: 'revoked' };
export const STATUS_CODE: Readonly<Record<TrafficCodeStatus, 1 | 2 | 3>> = { unused: 1, used: 2, revoked: 3 };

/** Unix seconds (number or numeric string) → ISO; 0 / absent → null when `optional`, else BadField. */
function unixSeconds(v: unknown, field: string, optional: boolean): string | null {
  const n = optNum(v);
  if (n === null || n === 0) {
    if (optional && (v === undefined || v === null || v === '' || n === 0)) return null;
    throw new BadField(field, v);
  }
  // Whole seconds between 2000 and 2100: a millisecond figure or a date string is a wrong answer.
  if (!Number.isInteger(n) || n < 946_684_800 || n > 4_102_444_800) throw new BadField(field, v);
  return new Date(n * 1000).toISOString();
}

function code(v: unknown): string {
  const s = typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : '';
  if (!s) throw new BadField('cdk', v);
  return s;
}

export function mapTrafficCode(row: unknown): TrafficCode {
  if (!isObj(row)) throw new BadField('cdk row', row);
  const status = STATUS[optNum(row.status) ?? -1];
  if (!status) throw new BadField('status', row.status);
  const traffic = optNum(pick(row, 'traffic', 'flow'));
  if (traffic === null || traffic < 0) throw new BadField('traffic', row.traffic);
  const duration = optNum(row.traffic_duration);
  return {
    code: code(row.cdk),
    status,
    trafficBytes: Math.round(traffic * CDK_TRAFFIC_UNIT_BYTES),
    validForSeconds: duration !== null && duration > 0 ? duration : null,
    createdAt: unixSeconds(row.create_time, 'create_time', false) as string,
    usedBy: optStr(row.use_username),
    usedAt: cosmeticTime(row),
  };
}

/** `use_time` is 0 while unused (C4); a present but unreadable one is a wrong answer. */
function cosmeticTime(row: Obj): string | null {
  return unixSeconds(row.use_time, 'use_time', true);
}

/** C2 `data[]` (an object holding `list` tolerated); absent/null is empty; another shape is BadField. */
export function mapTrafficCodes(data: unknown): TrafficCode[] {
  if (isObj(data) && ('list' in data || 'lists' in data))
    return list(pick(data, 'list', 'lists'), 'data').map(mapTrafficCode);
  return list(data, 'data').map(mapTrafficCode);
}

/** C1 `data.cdk: string[]`: the new codes; anything else is BadField. */
export function mapCreatedCodes(data: unknown): string[] {
  const rows = isObj(data) ? data.cdk : undefined;
  if (!Array.isArray(rows)) throw new BadField('cdk', rows);
  return rows.map(code);
}
