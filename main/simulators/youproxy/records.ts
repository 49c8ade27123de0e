/**
 * How the YouProxy simulator writes records: IP records for /ipAddress and the documented timestamp
 * style (youproxy.md §4.5: ISO-8601 with milliseconds and an explicit offset). Every form the doc
 * allows is used, mixed deterministically across records, each the same true instant.
 */
import { LosslessNumber } from 'lossless-json';
import type { SimIp } from './seed-data';

/** Offsets written by the simulator: +00:00 (the docs' example), Z, and non-UTC offsets. */
const OFFSETS = [
  { minutes: 0, text: '+00:00' },
  { minutes: 0, text: 'Z' },
  { minutes: 180, text: '+03:00' },
  { minutes: -300, text: '-05:00' },
  { minutes: 330, text: '+05:30' },
] as const;
export const DATE_FORMS = OFFSETS.length;

/** The instant `d` as ISO-8601 with milliseconds in offset form `form` (mod DATE_FORMS). */
export function ypDate(d: Date, form = 0): string {
  const o = OFFSETS[((form % DATE_FORMS) + DATE_FORMS) % DATE_FORMS] ?? OFFSETS[0];
  const wall = new Date(d.getTime() + o.minutes * 60_000);
  return `${wall.toISOString().slice(0, 23)}${o.text}`;
}

/** One IP as the simulator writes it (field names are a guess at the undocumented schema). */
export function ipRecord(ip: SimIp, index: number, withOrder: boolean, now: Date): Record<string, unknown> {
  return {
    // Even positions: unquoted integer beyond 2^53; odd positions: quoted string.
    ipAddressId: index % 2 === 0 ? new LosslessNumber(ip.id) : ip.id,
    ...(withOrder ? { orderId: ip.orderId } : {}),
    ip: ip.ip,
    ...(ip.host ? { host: ip.host } : {}),
    port: ip.httpPort,
    ...(ip.socksPort ? { socksPort: ip.socksPort } : {}),
    ...(ip.protocol ? { protocol: ip.protocol } : {}),
    login: ip.login,
    password: ip.password,
    country: ip.country,
    authType: ip.authType,
    authIp: ip.authIp,
    ...(ip.mobileOperator ? { mobileOperator: ip.mobileOperator, rotationTime: ip.rotationTime } : {}),
    dateStart: ypDate(ip.dateStart, index + 1),
    dateEnd: ypDate(ip.dateEnd, index),
    active: ip.dateEnd.getTime() > now.getTime(),
    autoExtend: ip.autoExtend,
    autoExtendRentPeriodDays: ip.autoExtendPeriod,
  };
}
