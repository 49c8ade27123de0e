/**
 * BestProxy residential endpoint generator (reference §3.5 #16–#23, §3.1 #1). Reads only.
 *
 *  - #16 GET /gateway/ip/v3: `cc`, `state`, `city`, `num`, `life` (minutes), `ep` (us / hk / de);
 *    `format` is not sent (its values are undocumented; the documented example is the JSON answer).
 *    `data.list` is an array of arrays of "ip:port" strings: every one is checked.
 *  - Location lists, two trees:
 *      the proxy account's own (V4) — #19 dal4 `?username=` (country → state → city in one answer);
 *      the general pool — #22 dynamic-states (countries), #23 dynamic-states/search (states),
 *      #21 dynamic-citys/search (cities of a state), #20 dynamic-citys (every city, per country).
 *    The V4 pages say "login required": they may refuse the app_key. Its documented refusal is code 3
 *    ("invalid app_key"); on that answer the general tree is used and the window says so.
 */

import type { SubUser } from '../../../preload/contract/model';
import type {
  ResidentialChoice,
  ResidentialEndpoint,
  ResidentialForm,
  ResidentialLocations,
  ResidentialLocationsQuery,
  ResidentialNote,
  ResidentialPlace,
  ResidentialRequest,
  ResidentialResult,
} from '../../../preload/contract/residential';
import { VendorError } from '../errors';
import type { QueryValue } from '../http/transport';
import { BadField, isObj, type Obj, optStr, pick } from '../parse';
import { CODE } from './constants';

export const RESIDENTIAL_PATHS = {
  extract: '/gateway/ip/v3',
  accountCities: '/gateway/ip/dcl4',
  accountStates: '/gateway/ip/dsl4',
  accountTree: '/gateway/ip/dal4',
  cities: '/gateway/ip/dynamic-citys',
  citySearch: '/gateway/ip/dynamic-citys/search',
  states: '/gateway/ip/dynamic-states',
  stateSearch: '/gateway/ip/dynamic-states/search',
} as const;

/** `ep` enumeration of #16. */
export const GATEWAYS = ['us', 'hk', 'de'] as const;
export const MAX_EXTRACT = 1000;
/** `life` is in minutes; no range is documented. Proxydeck allows up to a day. */
export const MAX_LIFE_MINUTES = 1440;

export interface BestproxyResidentialIo {
  get(path: string, query?: Record<string, QueryValue>): Promise<unknown>;
  parse<T>(what: string, fn: () => T): T;
  error: (code: 'invalid_argument' | 'bad_response', opts: { detail: string; field?: string }) => VendorError;
  listSubUsers(): Promise<SubUser[]>;
}

const HOST_PORT = /^([A-Za-z0-9.-]+):(\d{1,5})$/;

/** `data.list` as an array (else bad_response). */
function listOf(data: unknown): unknown[] {
  if (!isObj(data) || !Array.isArray(data.list)) throw new BadField('data.list', data);
  return data.list;
}

/** #21 / #23: `data.list` of strings. */
export function mapNameList(data: unknown): ResidentialPlace[] {
  const names = new Set<string>();
  for (const v of listOf(data)) {
    if (v === null) continue;
    if (typeof v !== 'string') throw new BadField('data.list[]', v);
    if (v.trim()) names.add(v.trim());
  }
  return [...names].map((n) => ({ code: n, name: n }));
}

/** #20 / #22: countries, each with `items[]`. */
function countryRows(data: unknown): Obj[] {
  return listOf(data).map((r) => {
    if (!isObj(r)) throw new BadField('data.list[]', r);
    if (r.items !== undefined && r.items !== null && !Array.isArray(r.items)) throw new BadField('items', r.items);
    return r;
  });
}

export function mapCountries(data: unknown): ResidentialPlace[] {
  const out: ResidentialPlace[] = [];
  for (const r of countryRows(data)) {
    const code = optStr(r.country_code);
    if (code && !out.some((p) => p.code === code))
      out.push({ code, name: optStr(pick(r, 'name_en', 'name_zh_cn')) ?? code });
  }
  return out;
}

/** #20: the cities of one country (optionally one state), from every country's `items`. */
export function mapCitiesOf(data: unknown, country: string, state?: string): ResidentialPlace[] {
  const names = new Set<string>();
  for (const r of countryRows(data)) {
    if (optStr(r.country_code)?.toUpperCase() !== country.toUpperCase()) continue;
    for (const it of (r.items as unknown[] | undefined) ?? []) {
      if (!isObj(it)) throw new BadField('items[]', it);
      const city = optStr(it.city);
      if (city && (!state || optStr(it.state) === state)) names.add(city);
    }
  }
  return [...names].map((n) => ({ code: n, name: n }));
}

/** #19 dal4: `list[] {Area, states[] {State, cities[]}}` (capitalised keys; nulls in the example). */
export function mapAccountTree(data: unknown): Map<string, Map<string, string[]>> {
  const tree = new Map<string, Map<string, string[]>>();
  for (const r of listOf(data)) {
    if (!isObj(r)) throw new BadField('data.list[]', r);
    const area = optStr(r.Area);
    if (!area) continue;
    const states = tree.get(area) ?? new Map<string, string[]>();
    tree.set(area, states);
    if (r.states === null || r.states === undefined) continue;
    if (!Array.isArray(r.states)) throw new BadField('states', r.states);
    for (const s of r.states) {
      if (!isObj(s)) throw new BadField('states[]', s);
      const name = optStr(s.State);
      if (!name) continue;
      if (s.cities !== null && s.cities !== undefined && !Array.isArray(s.cities))
        throw new BadField('cities', s.cities);
      const cities = ((s.cities as unknown[] | null) ?? []).map((c) => optStr(c)).filter((c): c is string => !!c);
      states.set(name, [...(states.get(name) ?? []), ...cities]);
    }
  }
  return tree;
}

/** #16 `data.list`: arrays of "ip:port" strings, every one checked. */
export function mapExtract(data: unknown): ResidentialEndpoint[] {
  const out: ResidentialEndpoint[] = [];
  for (const group of listOf(data)) {
    const items = Array.isArray(group) ? group : [group];
    for (const v of items) {
      const m = typeof v === 'string' ? HOST_PORT.exec(v.trim()) : null;
      const port = m ? Number(m[2]) : 0;
      if (!m || port < 1 || port > 65535) throw new BadField('data.list[][]', v);
      out.push({ host: m[1]!, port, user: null, pass: null });
    }
  }
  return out;
}

const places = (names: Iterable<string>): ResidentialPlace[] => [...new Set(names)].map((n) => ({ code: n, name: n }));

export class BestproxyResidential {
  constructor(private readonly io: BestproxyResidentialIo) {}

  async form(): Promise<ResidentialForm> {
    const users = await this.io.listSubUsers().catch(() => [] as SubUser[]);
    const logins: ResidentialChoice[] = users.map((u) => ({
      id: u.username,
      label: u.note ? `${u.username} (${u.note})` : u.username,
    }));
    return {
      modes: [
        {
          mode: 'extract',
          levels: ['country', 'state', 'city'],
          countryRequired: false,
          cityNeedsState: false,
          sessions: ['rotating', 'sticky'],
          lifetime: { min: 1, max: MAX_LIFE_MINUTES },
          maxCount: MAX_EXTRACT,
          login: 'pick',
          gateways: [...GATEWAYS],
          servers: [],
          whitelist: null,
          notes: ['lifetimeMinutes'],
        },
      ],
      logins,
    };
  }

  async options(q: Omit<ResidentialLocationsQuery, 'accountId'>): Promise<ResidentialLocations> {
    if (q.level === 'asn')
      throw this.io.error('invalid_argument', { detail: 'BestProxy has no ASN list.', field: 'level' });
    if (q.level !== 'country' && !q.country) {
      throw this.io.error('invalid_argument', { detail: 'Choose a country first.', field: 'country' });
    }
    let notes: ResidentialNote[] = [];
    if (q.login) {
      const tree = await this.accountTree(q.login);
      if (tree) {
        notes = ['accountTreeUsed'];
        const states = q.country ? (tree.get(q.country) ?? new Map<string, string[]>()) : null;
        if (q.level === 'country') return { level: q.level, places: places(tree.keys()), notes };
        if (q.level === 'state') return { level: q.level, places: places(states?.keys() ?? []), notes };
        const cities = q.state ? (states?.get(q.state) ?? []) : [...(states?.values() ?? [])].flat();
        return { level: q.level, places: places(cities), notes };
      }
      notes = ['accountTreeRefused'];
    }
    const country = q.country ?? '';
    if (q.level === 'country') {
      const data = await this.io.get(RESIDENTIAL_PATHS.states);
      return { level: q.level, places: this.io.parse('country list', () => mapCountries(data)), notes };
    }
    if (q.level === 'state') {
      const data = await this.io.get(RESIDENTIAL_PATHS.stateSearch, { country_code: country });
      return { level: q.level, places: this.io.parse('state list', () => mapNameList(data)), notes };
    }
    if (q.state) {
      const data = await this.io.get(RESIDENTIAL_PATHS.citySearch, { country_code: country, state: q.state });
      return { level: q.level, places: this.io.parse('city list', () => mapNameList(data)), notes };
    }
    const data = await this.io.get(RESIDENTIAL_PATHS.cities);
    return { level: q.level, places: this.io.parse('city list', () => mapCitiesOf(data, country)), notes };
  }

  /** The proxy account's own tree; null when BestProxy refuses the app_key there (code 3, "login required"). */
  private async accountTree(username: string): Promise<Map<string, Map<string, string[]>> | null> {
    try {
      const data = await this.io.get(RESIDENTIAL_PATHS.accountTree, { username });
      return this.io.parse('location list', () => mapAccountTree(data));
    } catch (e) {
      if (e instanceof VendorError && e.vendorCode === String(CODE.invalidKey)) return null;
      throw e;
    }
  }

  async generate(req: Omit<ResidentialRequest, 'accountId'>): Promise<ResidentialResult> {
    if (req.mode !== 'extract') {
      throw this.io.error('invalid_argument', { detail: 'BestProxy offers the extraction link only.', field: 'mode' });
    }
    if (req.gateway && !(GATEWAYS as readonly string[]).includes(req.gateway)) {
      throw this.io.error('invalid_argument', {
        detail: `The gateway must be one of ${GATEWAYS.join(', ')}.`,
        field: 'gateway',
      });
    }
    const sticky = req.session === 'sticky';
    if (sticky && !req.lifetimeMinutes) {
      throw this.io.error('invalid_argument', {
        detail: 'Choose how many minutes a session keeps its IP.',
        field: 'lifetimeMinutes',
      });
    }
    const data = await this.io.get(RESIDENTIAL_PATHS.extract, {
      num: req.count,
      ...(req.country ? { cc: req.country } : {}),
      ...(req.state ? { state: req.state } : {}),
      ...(req.city ? { city: req.city } : {}),
      ...(sticky ? { life: req.lifetimeMinutes } : {}),
      ...(req.gateway ? { ep: req.gateway } : {}),
    });
    const endpoints = this.io.parse('extracted IPs', () => mapExtract(data));
    return {
      endpoints: endpoints.slice(0, req.count),
      protocol: req.protocol,
      country: req.country ?? null,
      notes: sticky ? ['lifetimeMinutes'] : [],
    };
  }
}
