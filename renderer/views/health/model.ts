/**
 * Pure derivations of the health UI (issue 15 §3): the words of a result cell and the health filter.
 * No React; rows read the results Map by itemKey (one read per shown row, never a search).
 */
import type { TFunction } from 'i18next';
import type { HealthResult } from '../../../preload/contract/health';

export const HEALTH_FILTERS = ['all', 'dead', 'slow', 'mismatch', 'unchecked'] as const;
export type HealthFilter = (typeof HEALTH_FILTERS)[number];

/** What a cell shows: its tone (colour) and its words. */
export interface HealthCellText {
  tone: 'ok' | 'slow' | 'dead' | 'mismatch' | 'cannot' | 'never';
  text: string;
}

/**
 * Dead = checked and it did not work. Not dead: a run cancelled before the item, and an item Proxydeck
 * has no address or password for (it could not be tried at all).
 */
export const isDead = (r: HealthResult | undefined): boolean =>
  !!r && !r.ok && r.failure !== 'cancelled' && r.failure !== 'no_credentials';
/** Never really tried: no result, cancelled before it ran, or nothing to connect with. */
export const isUnchecked = (r: HealthResult | undefined): boolean =>
  !r || r.failure === 'cancelled' || r.failure === 'no_credentials';
export const isSlow = (r: HealthResult | undefined): boolean => !!r && r.ok && r.slow;
export const isMismatch = (r: HealthResult | undefined): boolean => !!r && r.ok && r.countryMatches === false;

/** A server that failed its check gets the vendor's next step: restart it. */
export const offersRestart = (r: HealthResult | undefined): boolean =>
  !!r && r.item.kind === 'server' && (isDead(r) || r.nextStep === 'restartServer');

/** The failure in plain words; the time limit comes from the settings. */
export function reasonText(r: HealthResult, t: TFunction, timeoutMs: number, short = false): string {
  const code = r.failure ?? 'bad_answer';
  const group = short ? 'reasonShort' : 'reason';
  // A server is not an IP with a login: say why it cannot be tried, and what to do instead.
  if (code === 'no_credentials' && r.item.kind === 'server') return t(`health.${group}.serverNoLogin`);
  return t(`health.${short ? 'reasonShort' : 'reason'}.${code}`, { seconds: Math.round(timeoutMs / 1000) });
}

/**
 * "OK · 230 ms · DE", "Dead: auth failed", "Slow · 2300 ms", "Country: US, exit DE"; "Not checked" when
 * there is no result. A wrong country is the first thing said of a working proxy, then slowness.
 */
export function healthCell(r: HealthResult | undefined, t: TFunction, timeoutMs: number): HealthCellText {
  if (!r || r.failure === 'cancelled') return { tone: 'never', text: t('health.cell.never') };
  if (r.failure === 'no_credentials') {
    return { tone: 'cannot', text: t('health.cell.cannot', { reason: reasonText(r, t, timeoutMs, true) }) };
  }
  if (!r.ok) return { tone: 'dead', text: t('health.cell.dead', { reason: reasonText(r, t, timeoutMs, true) }) };
  const ms = r.latencyMs ?? 0;
  if (r.countryMatches === false) {
    return {
      tone: 'mismatch',
      text: t('health.cell.mismatch', { advertised: r.advertisedCountry ?? '?', exit: r.exitCountry ?? '?' }),
    };
  }
  if (r.slow) return { tone: 'slow', text: t('health.cell.slow', { ms }) };
  return {
    tone: 'ok',
    text: r.exitCountry ? t('health.cell.okCountry', { ms, country: r.exitCountry }) : t('health.cell.ok', { ms }),
  };
}

/** The hover and detail line: the full reason or exit IP, then "last checked <when>". */
export function healthTitle(
  r: HealthResult | undefined,
  t: TFunction,
  timeoutMs: number,
  when: (iso: string) => string,
): string {
  if (!r) return t('health.cell.never');
  const parts: string[] = [];
  if (!r.ok) parts.push(reasonText(r, t, timeoutMs));
  else if (r.exitIp) parts.push(t('health.cell.exitIp', { ip: r.exitIp }));
  if (r.ok && r.latencyMs != null && (r.slow || r.countryMatches === false)) parts.push(`${r.latencyMs} ms`);
  parts.push(t('health.cell.lastChecked', { when: when(r.checkedAt) }));
  return parts.join(' · ');
}

/** A test for the health filter on an itemKey; undefined when it keeps everything. */
export function healthTest(
  byKey: ReadonlyMap<string, HealthResult>,
  filter: HealthFilter,
): ((key: string) => boolean) | undefined {
  switch (filter) {
    case 'all':
      return undefined;
    case 'dead':
      return (k) => isDead(byKey.get(k));
    case 'slow':
      return (k) => isSlow(byKey.get(k));
    case 'mismatch':
      return (k) => isMismatch(byKey.get(k));
    case 'unchecked':
      return (k) => isUnchecked(byKey.get(k));
  }
}
