/**
 * Every timestamp form ProxyShard's doc allows, all for the same instant, so a test proves the client
 * reads each one to that instant. Doc §2.4: `expires_at` is an ISO-8601 string, `created_at` "a
 * string", `until` an "ISO8601/string date"; the dashboard shows all dates in UTC+0 (so a value
 * without an offset is UTC). Unix numbers are not allowed by the doc and never sent.
 */

/** ISO-8601 forms (for `expires_at`). */
export const ISO_FORMS = [
  'z', // 2026-11-23T12:00:00Z
  'z_millis', // 2026-11-23T12:00:00.000Z
  'plus_offset', // 2026-11-23T15:00:00.000+03:00
  'minus_offset', // 2026-11-23T06:30:00-05:30
  'naive_micros', // 2026-11-23T12:00:00.000000 (chrono's NaiveDateTime; UTC+0)
] as const;

/** Forms of a "string date" (for `created_at` and `until`): the ISO ones plus the dashboard's "Y-m-d H:i:s". */
export const STRING_DATE_FORMS = [...ISO_FORMS, 'naive_space'] as const;

export type StampForm = (typeof STRING_DATE_FORMS)[number];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Wall-clock digits of an instant shifted by `offsetMin`, without a zone: "YYYY-MM-DDTHH:mm:ss". */
function wall(d: Date, offsetMin: number): string {
  return new Date(d.getTime() + offsetMin * 60_000).toISOString().slice(0, 19);
}

/** The instant `d` written in `form`. A form that cannot carry milliseconds is only used when there are none. */
export function stamp(d: Date, form: StampForm): string {
  const ms = d.getUTCMilliseconds();
  switch (form) {
    case 'z':
      return ms ? d.toISOString() : `${wall(d, 0)}Z`;
    case 'z_millis':
      return d.toISOString();
    case 'plus_offset':
      return `${wall(d, 180)}.${pad(ms, 3)}+03:00`;
    case 'minus_offset':
      return `${wall(d, -330)}${ms ? `.${pad(ms, 3)}` : ''}-05:30`;
    case 'naive_micros':
      return `${wall(d, 0)}.${pad(ms, 3)}000`;
    case 'naive_space':
      return ms ? `${wall(d, 0)}.${pad(ms, 3)}000` : wall(d, 0).replace('T', ' ');
  }
}

/** The `n`-th form of a list (records mix the forms deterministically by their rank). */
export function stampAt(d: Date | null, n: number, forms: readonly StampForm[]): string | null {
  return d ? stamp(d, forms[((n % forms.length) + forms.length) % forms.length]!) : null;
}
