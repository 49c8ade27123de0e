/**
 * Thordata residential endpoint generator (vendor file §3.2 L1–L4, §3.7 E1/E2, §3.4, §5.2).
 *
 *  - Locations: L1 countries, L2 states, L3 cities (`pool=0`, row shape not captured: every field
 *    optional), L4 ASNs. Lists are strict on shape (an array of objects), lenient on names.
 *  - Endpoints: only the API extract links. E1 `get-ip.thordata.net/api` (residential) and E2
 *    `/unlimited_api` (unlimited servers) answer `host:port` lines and need the caller's public IP on
 *    the whitelist (W1–W3). The reference documents no gateway username format for Thordata, so no
 *    gateway logins are built here.
 *  - E1 documents `td-customer`, `sesstype` (1 sticky, fixed 10 min; 2 rotating), `number`, `country`.
 *    State and city are sent under the SDK's names (`state`, `city`: "unverified alternates", §3.7) and
 *    the window says so. L4 ASNs have no documented extract parameter: listed, not sent.
 *  - Extract errors (§5.2): 111 too fast, 114 nothing matches, 117 IP not whitelisted / no unlimited
 *    package, 118 wrong account name, 121 unlimited package expired.
 */
import type { UnlimitedServer, WhitelistEntry } from '../../../preload/contract/model';
import type {
  LocationLevel,
  ResidentialEndpoint,
  ResidentialForm,
  ResidentialLocations,
  ResidentialLocationsQuery,
  ResidentialModeInfo,
  ResidentialPlace,
  ResidentialRequest,
  ResidentialResult,
} from '../../../preload/contract/residential';
import type { VendorError } from '../errors';
import { parseJsonLossless } from '../http/json';
import type { HttpTransport, QueryValue } from '../http/transport';
import { BadField, isObj, type Obj, optNum, optStr, pick } from '../parse';
import { PUBLIC_BASE_URL } from './constants';

export const EXTRACT_BASE_URL = 'https://get-ip.thordata.net';
export const RESIDENTIAL_PATHS = {
  countries: '/locations/countries',
  states: '/locations/states',
  cities: '/locations/cities',
  asn: '/locations/asn',
  extract: '/api',
  extractUnlimited: '/unlimited_api',
} as const;

/** Thordata gives no maximum for `number`; Proxydeck asks for at most this many at once. */
export const MAX_EXTRACT = 1000;
/** Extract-link codes (§5.2). */
export const EXTRACT_CODES = {
  tooFast: 111,
  noMatch: 114,
  notWhitelisted: 117,
  badCustomer: 118,
  expired: 121,
} as const;

export interface ThordataResidentialIo {
  http: HttpTransport;
  /** The Public API base in use (a simulator or test origin when not production). */
  publicBase: string;
  /** A Public API read (token + key, envelope unwrapped). */
  read(path: string, params: Record<string, QueryValue>): Promise<unknown>;
  parse<T>(what: string, fn: () => T): T;
  listWhitelist(): Promise<WhitelistEntry[]>;
  listUnlimitedServers(): Promise<UnlimitedServer[]>;
}

const HOST_PORT = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\]):(\d{1,5})$/;

/** The extract host: production, or the origin of the overridden base (simulators serve both). */
export function extractBase(publicBase: string): string {
  return publicBase === PUBLIC_BASE_URL ? EXTRACT_BASE_URL : new URL(publicBase).origin;
}

/** A location list: an array of objects (else bad_response); rows without a code are skipped. */
export function mapPlaces(data: unknown, codeKeys: string[], nameKeys: string[]): ResidentialPlace[] {
  if (!Array.isArray(data)) throw new BadField('data', data);
  const out: ResidentialPlace[] = [];
  const seen = new Set<string>();
  for (const row of data) {
    if (!isObj(row)) throw new BadField('data[]', row);
    const code = optStr(pick(row, ...codeKeys)) ?? optStr(pick(row, ...nameKeys));
    if (!code || seen.has(code)) continue;
    seen.add(code);
    out.push({ code, name: optStr(pick(row, ...nameKeys)) ?? code });
  }
  return out;
}

/** `host:port` lines (E1/E2 text answer); null when any non-empty line is not one. */
export function parseHostPortLines(text: string): ResidentialEndpoint[] | null {
  const lines = text
    .split(/[\r\n]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return null;
  const out: ResidentialEndpoint[] = [];
  for (const l of lines) {
    const m = HOST_PORT.exec(l);
    const port = m ? Number(m[2]) : 0;
    if (!m || port < 1 || port > 65535) return null;
    out.push({ host: m[1]!.replace(/^\[|\]$/g, ''), port, user: null, pass: null });
  }
  return out;
}

export class ThordataResidential {
  constructor(private readonly io: ThordataResidentialIo) {}

  async form(): Promise<ResidentialForm> {
    const [whitelist, servers] = await Promise.all([
      this.io.listWhitelist().catch(() => null),
      this.io.listUnlimitedServers().catch(() => [] as UnlimitedServer[]),
    ]);
    const extract: ResidentialModeInfo = {
      mode: 'extract',
      levels: ['country', 'state', 'city'],
      countryRequired: true,
      cityNeedsState: false,
      sessions: ['rotating', 'sticky'],
      lifetime: null,
      maxCount: MAX_EXTRACT,
      login: 'typed',
      gateways: [],
      servers: [],
      whitelist: { entries: whitelist?.filter((e) => !e.id || e.id.startsWith('residential:')) ?? null, canAdd: true },
      notes: ['whitelistNeeded', 'stickyFixed10', 'cityUnverified'],
    };
    const modes: ResidentialModeInfo[] = [extract];
    if (servers.length > 0) {
      modes.push({
        ...extract,
        mode: 'unlimited',
        levels: ['country'],
        countryRequired: false,
        // The short id (e.g. `ntqx59qg`) may equal the hostname's first label (§3.7, unverified).
        servers: servers.map((s) => ({ id: s.ip.split('.')[0] ?? s.ip, label: s.ip })),
        // The unlimited list takes `unlimited:<ip>` entries: added in the Whitelists view.
        whitelist: { entries: whitelist?.filter((e) => e.id?.startsWith('unlimited:')) ?? null, canAdd: false },
        notes: ['whitelistNeeded', 'stickyFixed10', 'serverIdUnverified'],
      });
    }
    return { modes, logins: [] };
  }

  async options(q: Omit<ResidentialLocationsQuery, 'accountId'>): Promise<ResidentialLocations> {
    const proxyType = q.mode === 'unlimited' ? 2 : 1;
    const country = q.country?.toUpperCase();
    const need = (v: string | undefined, what: string): string => {
      if (!v) throw this.io.http.error('invalid_argument', { detail: `Choose a ${what} first.`, field: what });
      return v;
    };
    const list = async (
      level: LocationLevel,
      path: string,
      params: Record<string, QueryValue>,
      keys: [string[], string[]],
    ) => {
      const data = await this.io.read(path, { proxy_type: proxyType, ...params });
      return { level, places: this.io.parse(`${level} list`, () => mapPlaces(data, ...keys)), notes: [] };
    };
    switch (q.level) {
      case 'country':
        return list('country', RESIDENTIAL_PATHS.countries, {}, [['country_code'], ['country_name']]);
      case 'state':
        return list('state', RESIDENTIAL_PATHS.states, { country_code: need(country, 'country') }, [
          ['state_code'],
          ['state_name'],
        ]);
      case 'city':
        return list(
          'city',
          RESIDENTIAL_PATHS.cities,
          { country_code: need(country, 'country'), ...(q.state ? { state_code: q.state } : {}), pool: 0 },
          [['city_code'], ['city_name', 'name']],
        );
      case 'asn':
        return list('asn', RESIDENTIAL_PATHS.asn, { country_code: need(country, 'country') }, [
          ['asn_code'],
          ['asn_name'],
        ]);
    }
  }

  /** E1 (or E2): one GET, no credentials but the account name; the answer must be `host:port` lines. */
  async generate(req: Omit<ResidentialRequest, 'accountId'>): Promise<ResidentialResult> {
    const http = this.io.http;
    if (req.mode === 'gateway') {
      throw http.error('not_supported', {
        detail: 'Thordata documents no gateway login format; use the extract link.',
      });
    }
    const customer = req.login?.trim();
    if (!customer) {
      throw http.error('invalid_argument', {
        detail: 'Type your Thordata account name (shown on My Account, for example Thor00000001).',
        field: 'login',
      });
    }
    if (req.count > MAX_EXTRACT) {
      throw http.error('invalid_argument', {
        detail: `Ask for at most ${MAX_EXTRACT} endpoints at once.`,
        field: 'count',
      });
    }
    const unlimited = req.mode === 'unlimited';
    if (unlimited && !req.server) throw http.error('invalid_argument', { detail: 'Choose a server.', field: 'server' });
    if (!unlimited && !req.country)
      throw http.error('invalid_argument', { detail: 'Choose a country.', field: 'country' });
    const query: Record<string, QueryValue> = {
      'td-customer': customer,
      sesstype: req.session === 'sticky' ? 1 : 2,
      number: req.count,
      ...(req.country ? { country: req.country.toLowerCase() } : {}),
      ...(!unlimited && req.state ? { state: req.state } : {}),
      ...(!unlimited && req.city ? { city: req.city } : {}),
      ...(unlimited ? { servers: req.server } : {}),
    };
    const res = await http.request({
      method: 'GET',
      path: unlimited ? RESIDENTIAL_PATHS.extractUnlimited : RESIDENTIAL_PATHS.extract,
      baseUrl: extractBase(this.io.publicBase),
      query,
    });
    const endpoints = this.readExtract(res.status, res.text);
    return {
      endpoints: endpoints.slice(0, req.count),
      protocol: req.protocol,
      country: req.country?.toUpperCase() ?? null,
      notes: ['whitelistNeeded', ...(req.session === 'sticky' ? (['stickyFixed10'] as const) : [])],
    };
  }

  private readExtract(status: number, text: string): ResidentialEndpoint[] {
    const http = this.io.http;
    if (status >= 500) throw http.error('vendor_unavailable', { httpStatus: status });
    let json: unknown;
    try {
      json = parseJsonLossless(text);
    } catch {
      json = undefined;
    }
    if (isObj(json)) {
      const code = optNum(json.code);
      if ((code === 0 || code === 200) && status < 400) return this.io.parse('extract list', () => jsonEndpoints(json));
      if (code !== null) throw this.extractError(code, optStr(pick(json, 'msg', 'message')), status);
      throw http.error('bad_response', { httpStatus: status, detail: 'The extract answer had no endpoints.' });
    }
    const lines = status < 400 ? parseHostPortLines(text) : null;
    if (lines) return lines;
    const m = /\b(111|114|117|118|121)\b/.exec(text);
    if (m) throw this.extractError(Number(m[1]), text.trim().slice(0, 200), status);
    throw http.error('bad_response', {
      httpStatus: status,
      detail: 'The extract answer was not a list of host:port lines.',
    });
  }

  private extractError(code: number, vendorWords: string | null, status: number): VendorError {
    const http = this.io.http;
    const base = { vendorCode: code, httpStatus: status, ...(vendorWords ? { message: vendorWords } : {}) };
    switch (code) {
      case EXTRACT_CODES.tooFast:
        return http.error('rate_limited', { ...base, retryAfterMs: 2000 });
      case EXTRACT_CODES.noMatch:
        return http.error('vendor_rejected', {
          ...base,
          detail: 'No endpoints match this location; choose a wider one.',
        });
      case EXTRACT_CODES.notWhitelisted:
        return http.error('vendor_rejected', {
          ...base,
          detail:
            "This computer's public IP is not on the account's whitelist (or the account has no such package). Add the IP to the whitelist, then try again.",
        });
      case EXTRACT_CODES.badCustomer:
        return http.error('invalid_argument', {
          ...base,
          field: 'login',
          detail: 'The Thordata account name is wrong, or the account is blocked. Check it on My Account.',
        });
      case EXTRACT_CODES.expired:
        return http.error('vendor_rejected', { ...base, detail: 'The unlimited package has expired.' });
      default:
        return http.error('vendor_rejected', base);
    }
  }
}

/** The SDK's JSON form `{code, data: [{ip, port}]}` (unverified, §3.7): strict on the rows. */
function jsonEndpoints(json: Obj): ResidentialEndpoint[] {
  const rows = json.data;
  if (!Array.isArray(rows)) throw new BadField('data', rows);
  return rows.map((r) => {
    if (!isObj(r)) throw new BadField('data[]', r);
    const host = optStr(r.ip);
    const port = optNum(r.port);
    if (!host || port === null || !Number.isInteger(port) || port < 1 || port > 65535)
      throw new BadField('data[].ip', r);
    return { host, port, user: null, pass: null };
  });
}
