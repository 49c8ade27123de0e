/**
 * ProxyShard residential endpoint generator (vendor file §3.3 #20, #29–#32, §4.4). Residential has no
 * IP list: the app BUILDS the gateway logins (no API call is needed to generate, only the password).
 *
 *  - Lists: #29 countries, #30 regions (`country_code`), #31 cities (`country_code` + `region_code`),
 *    each `{count, results: [{code, name}]}` under the pool's `proxy_type` (standart | premium).
 *    #32 ISPs exist for premium, but the ISP login token is unverified (§4.4): not offered.
 *  - Login (§4.4, LCH/DOCS): `plan-<plan>[-country-<cc>][-region-<code>][-city-<code>][-sid-<id>]`,
 *    plan `limited` (Standart) / `premium`; country lower-cased, region and city as the API returns
 *    them; `sid` = 12 lowercase letters/digits, one per sticky line. `-ttl-<seconds>` (60–86400) is an
 *    unverified token: added only when the user sets a lifetime, and the window says so.
 *  - Password: `proxy_password` of #20 (the pool owner) or of the sub-user (#22).
 *  - Gateways: relay-eu.proxyshard.com (default), relay-ru.proxyshard.net, relay-ua.proxyshard.com;
 *    HTTP 8080, SOCKS5 1080.
 */
import type { SubUser } from '../../../preload/contract/model';
import type {
  ResidentialForm,
  ResidentialLocations,
  ResidentialLocationsQuery,
  ResidentialNote,
  ResidentialPlace,
  ResidentialRequest,
  ResidentialResult,
} from '../../../preload/contract/residential';
import type { VendorError } from '../errors';
import type { QueryValue } from '../http/transport';
import { BadField, isObj, optStr } from '../parse';
import { parseSubUserKey, TIERS, type Tier } from './mappers';

export const RESIDENTIAL_PATHS = {
  profile: '/proxies/profile',
  countries: '/proxies/countries',
  regions: '/proxies/regions',
  cities: '/proxies/cities',
} as const;

export const RELAY_HOSTS = ['relay-eu.proxyshard.com', 'relay-ru.proxyshard.net', 'relay-ua.proxyshard.com'] as const;
export const PORTS = { http: 8080, socks5: 1080 } as const;
export const PLAN_OF: Record<Tier, string> = { standart: 'limited', premium: 'premium' };
export const MAX_LINES = 1000;
const OWNER = 'owner:';

export interface ProxyshardResidentialIo {
  get(path: string, query?: Record<string, QueryValue>): Promise<unknown>;
  parse<T>(what: string, fn: () => T): T;
  error: (code: 'invalid_argument' | 'bad_response', opts: { detail: string; field?: string }) => VendorError;
  tiersSetUp(): Promise<Tier[]>;
  listSubUsers(): Promise<SubUser[]>;
  subUserProxyPassword(id: string): Promise<string | null>;
  /** Random session ids (tests pass a fixed one). */
  sessionId?: () => string;
}

/** `{count, results: [{code, name}]}`: strict on the shape, lenient on names. */
export function mapResults(json: unknown): ResidentialPlace[] {
  if (!isObj(json) || !Array.isArray(json.results)) throw new BadField('results', json);
  const out: ResidentialPlace[] = [];
  for (const r of json.results) {
    if (!isObj(r)) throw new BadField('results[]', r);
    const code = optStr(r.code);
    if (code && !out.some((p) => p.code === code)) out.push({ code, name: optStr(r.name) ?? code });
  }
  return out;
}

const SID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
export function randomSid(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => SID_CHARS[b % SID_CHARS.length]).join('');
}

/** One gateway login (§4.4). Codes are checked to be login-safe (letters, digits, - _ .). */
export function buildLogin(
  tier: Tier,
  t: { country?: string; state?: string; city?: string; sid?: string; ttlSeconds?: number },
): string {
  const parts = [`plan-${PLAN_OF[tier]}`];
  if (t.country) parts.push(`country-${t.country.toLowerCase()}`);
  if (t.state) parts.push(`region-${t.state}`);
  if (t.city) parts.push(`city-${t.city}`);
  if (t.sid) parts.push(`sid-${t.sid}`);
  if (t.sid && t.ttlSeconds) parts.push(`ttl-${t.ttlSeconds}`);
  return parts.join('-');
}

const SAFE = /^[A-Za-z0-9_.]+(?:-[A-Za-z0-9_.]+)*$/;

export class ProxyshardResidential {
  constructor(private readonly io: ProxyshardResidentialIo) {}

  async form(): Promise<ResidentialForm> {
    const [tiers, users] = await Promise.all([this.io.tiersSetUp(), this.io.listSubUsers().catch(() => [])]);
    const logins = [
      ...tiers.map((t) => ({ id: `${OWNER}${t}`, label: t })),
      ...users
        .filter((u) => {
          const { tier } = parseSubUserKey(u.id);
          return tier !== null && tiers.includes(tier);
        })
        .map((u) => ({ id: u.id, label: `${u.username} (${parseSubUserKey(u.id).tier})` })),
    ];
    return {
      modes: [
        {
          mode: 'gateway',
          levels: ['country', 'state', 'city'],
          countryRequired: false,
          cityNeedsState: true,
          sessions: ['rotating', 'sticky'],
          lifetime: { min: 1, max: 1440 },
          maxCount: MAX_LINES,
          login: 'pick',
          gateways: [...RELAY_HOSTS],
          servers: [],
          whitelist: null,
          notes: ['passwordInside', 'rotatingSame', 'ttlUnverified'],
        },
      ],
      logins,
    };
  }

  async options(q: Omit<ResidentialLocationsQuery, 'accountId'>): Promise<ResidentialLocations> {
    const tier = this.tierOf(q.login);
    if (q.level === 'asn') throw this.io.error('invalid_argument', { detail: 'ISP targeting is not offered here.' });
    if (q.level !== 'country' && !q.country) {
      throw this.io.error('invalid_argument', { detail: 'Choose a country first.', field: 'country' });
    }
    if (q.level === 'city' && !q.state) {
      throw this.io.error('invalid_argument', {
        detail: 'Choose a region first: ProxyShard lists cities per region.',
        field: 'state',
      });
    }
    const path =
      q.level === 'country'
        ? RESIDENTIAL_PATHS.countries
        : q.level === 'state'
          ? RESIDENTIAL_PATHS.regions
          : RESIDENTIAL_PATHS.cities;
    const json = await this.io.get(path, {
      proxy_type: tier,
      ...(q.country ? { country_code: q.country } : {}),
      ...(q.level === 'city' && q.state ? { region_code: q.state } : {}),
    });
    return { level: q.level, places: this.io.parse(`${q.level} list`, () => mapResults(json)), notes: [] };
  }

  async generate(req: Omit<ResidentialRequest, 'accountId'>): Promise<ResidentialResult> {
    if (req.mode !== 'gateway') {
      throw this.io.error('invalid_argument', { detail: 'ProxyShard residential uses gateway logins.', field: 'mode' });
    }
    const tier = this.tierOf(req.login);
    for (const [field, v] of [
      ['country', req.country],
      ['state', req.state],
      ['city', req.city],
    ] as const) {
      if (v !== undefined && !SAFE.test(v)) {
        throw this.io.error('invalid_argument', { detail: `"${v}" cannot be used in a ProxyShard login.`, field });
      }
    }
    const host = req.gateway ?? RELAY_HOSTS[0];
    if (!(RELAY_HOSTS as readonly string[]).includes(host)) {
      throw this.io.error('invalid_argument', {
        detail: `The gateway must be one of ${RELAY_HOSTS.join(', ')}.`,
        field: 'gateway',
      });
    }
    const pass = await this.password(req.login);
    const sticky = req.session === 'sticky';
    const ttlSeconds =
      sticky && req.lifetimeMinutes ? Math.min(86_400, Math.max(60, req.lifetimeMinutes * 60)) : undefined;
    const sid = this.io.sessionId ?? randomSid;
    const port = PORTS[req.protocol];
    const endpoints = Array.from({ length: req.count }, () => ({
      host,
      port,
      user: buildLogin(tier, {
        ...(req.country ? { country: req.country } : {}),
        ...(req.state ? { state: req.state } : {}),
        ...(req.city ? { city: req.city } : {}),
        ...(sticky ? { sid: sid() } : {}),
        ...(ttlSeconds ? { ttlSeconds } : {}),
      }),
      pass,
    }));
    const notes: ResidentialNote[] = ['passwordInside'];
    if (!sticky) notes.push('rotatingSame');
    if (ttlSeconds) notes.push('ttlUnverified');
    return { endpoints, protocol: req.protocol, country: req.country?.toUpperCase() ?? null, notes };
  }

  /** The pool of a login id: `owner:<tier>` or a sub-user id `<tier>:<user_id>`; none = standart. */
  private tierOf(login: string | undefined): Tier {
    if (!login) return 'standart';
    const t = login.startsWith(OWNER) ? login.slice(OWNER.length) : parseSubUserKey(login).tier;
    if (!t || !(TIERS as readonly string[]).includes(t)) {
      throw this.io.error('invalid_argument', {
        detail: `"${login}" is not a ProxyShard pool or sub-user.`,
        field: 'login',
      });
    }
    return t as Tier;
  }

  private async password(login: string | undefined): Promise<string> {
    const tier = this.tierOf(login);
    let pass: string | null;
    if (!login || login.startsWith(OWNER)) {
      const json = await this.io.get(RESIDENTIAL_PATHS.profile, { proxy_type: tier });
      pass = isObj(json) ? optStr(json.proxy_password) : null;
    } else {
      pass = await this.io.subUserProxyPassword(login);
    }
    if (!pass) throw this.io.error('bad_response', { detail: 'ProxyShard gave no proxy password for this login.' });
    return pass;
  }
}
