/**
 * The computer's public IP, as the vendors see it (issue 15 §2): GET the check URL of Settings
 * (`health.checkUrl`, answers `{ ip, country }` of the caller) the way the vendor calls go — through
 * the "Connect to vendors" route (main/vendors/http/route.ts). A whitelist entry must be the address a
 * vendor sees; with a proxy chosen for vendor calls that is the proxy's exit, not this machine's line.
 * Strict on the answer: a valid IPv4 or IPv6 `ip`, or a plain error.
 */
import { request } from 'undici';
import { IpAddressSchema } from '../../../preload/contract/schemas';
import type { PublicIp } from '../../../preload/contract/whitelist-bulk';
import { dispatcherFor, throughRoute } from '../../vendors/http/route';
import { AppFailure } from '../errors';

const MAX_BODY = 64 * 1024;

export interface PublicIpOptions {
  checkUrl: () => string;
  timeoutMs: () => number;
  now?: () => Date;
}

export function publicIpReader(opts: PublicIpOptions): () => Promise<PublicIp> {
  const now = opts.now ?? (() => new Date());
  return async () => {
    const url = opts.checkUrl();
    const ms = opts.timeoutMs();
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      throw new AppFailure(
        'invalid_argument',
        'The check address in Settings is not a web address. Fix it in Settings.',
      );
    }
    const body = await fetchText(url, ms).catch((e: unknown) => {
      if (e instanceof AppFailure) throw e;
      const why = e instanceof Error && e.name === 'ProxyRouteError' ? ` (${e.message})` : '';
      throw new AppFailure(
        'network',
        `Proxydeck could not reach ${host} to find your public IP${why}. Check your connection, or the check address in Settings.`,
      );
    });
    const ip = parseIpAnswer(body);
    if (!ip) {
      throw new AppFailure(
        'bad_response',
        `${host} did not answer with an IP address. Check the check address in Settings (it must answer {"ip": …}).`,
      );
    }
    return { ip, checkedAt: now().toISOString() };
  };
}

/** `{ "ip": "<IPv4 or IPv6>" }` → the address; anything else → null. */
export function parseIpAnswer(body: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const ip = (data as Record<string, unknown>).ip;
  if (typeof ip !== 'string') return null;
  const r = IpAddressSchema.safeParse(ip);
  return r.success ? r.data : null;
}

async function fetchText(url: string, ms: number): Promise<string> {
  const origin = new URL(url).origin;
  const { dispatcher, route } = await dispatcherFor(origin, { connectMs: ms, headersMs: ms, bodyMs: ms });
  const res = await throughRoute(route, ms, () =>
    request(url, {
      method: 'GET',
      dispatcher,
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(ms),
    }),
  );
  if (res.statusCode < 200 || res.statusCode >= 300) {
    await res.body.dump().catch(() => undefined);
    throw new AppFailure(
      'bad_response',
      `${new URL(url).host} answered with an error (HTTP ${res.statusCode}) instead of your public IP. Check the check address in Settings.`,
    );
  }
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) {
      res.body.destroy();
      throw new AppFailure('bad_response', `${new URL(url).host} answered far more than an IP address.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
