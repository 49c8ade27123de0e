/**
 * The words of "Connect to vendors": the connection test's per-vendor sentence rebuilt in the UI
 * language from the figures main sends (route, problem, reason, ms), and the proxy fields' messages.
 * Pure, so tests check them without a window.
 */
import type { ConnectionTestItem, RouteView } from '../../../preload/contract/channels';
import { PROXY_FIELD_TEXT } from '../../../preload/contract/schemas';
import { VENDORS } from '../../../preload/contract/vendors';
import type { Translate } from '../../lib/error-text';

export type ProxyField = keyof typeof PROXY_FIELD_TEXT;

/** Main's (and the schema's) English refusal of a proxy field → that field and its translation key. */
const FIELD_BY_MESSAGE = new Map<string, ProxyField>(
  (Object.entries(PROXY_FIELD_TEXT) as [ProxyField, string][]).map(([field, message]) => [message, field]),
);

export function fieldOfMessage(message: string): ProxyField | null {
  return FIELD_BY_MESSAGE.get(message) ?? null;
}

export const fieldMessage = (field: ProxyField, t: Translate) => t(`connection.field.${field}`);

const hostPort = (host: string, port: number) => `${host.includes(':') ? `[${host}]` : host}:${port}`;

/** "10.0.0.2:1080 (SOCKS5)" in the UI language. */
export function proxyName(route: Extract<RouteView, { kind: 'proxy' }>, t: Translate): string {
  return t('connection.proxyName', {
    hostPort: hostPort(route.host, route.port),
    protocol: t(`connection.protocolName.${route.protocol}`),
  });
}

const how = (route: RouteView | null, t: Translate) =>
  route?.kind === 'proxy' ? t('connection.how.proxy', { proxy: proxyName(route, t) }) : t('connection.how.direct');

/** One vendor's test result as a sentence that says which route worked, or what to do. */
export function resultText(item: ConnectionTestItem, t: Translate): string {
  const vendor = VENDORS[item.vendor].name;
  const route = item.route;
  const proxy = route?.kind === 'proxy' ? proxyName(route, t) : '';
  if (item.ok && route) {
    const key =
      route.kind === 'direct'
        ? route.source === 'system'
          ? 'okSystemDirect'
          : 'okDirect'
        : route.source === 'system'
          ? 'okSystemProxy'
          : 'okProxy';
    return t(`connection.result.${key}`, { vendor, proxy, ms: item.ms });
  }
  const problem = item.problem ?? 'vendor_unreachable';
  return t(`connection.result.${problem}`, {
    vendor,
    proxy,
    how: how(route, t),
    reason: t(`connection.reason.${item.reason ?? 'closed'}`),
    seconds: Math.max(1, Math.round(item.ms / 1000)),
  });
}
