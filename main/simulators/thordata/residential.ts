/**
 * Thordata residential routes of the simulator (vendor file §3.2 L1–L4, §3.7 E1/E2, §5.2):
 *  - L1–L4 under `/api/locations/*` (token + key, the usual envelope). The US has thousands of cities
 *    (the window's pickers must stay usable); L3 needs `pool=0` as the newest docs say.
 *  - E1 `GET /api` and E2 `GET /unlimited_api` at the server root (production: get-ip.thordata.net),
 *    no token: the CALLER's public IP must be on the whitelist (proxy_type 1 for E1, 2 for E2). The
 *    simulator's caller always has the public IP `SIM_PUBLIC_IP` (as if behind a router), so a test
 *    (or a demo user) adds that IP first. Errors are the documented extract codes with HTTP 200.
 *  - Every extract request's query is kept in `residentialLog(server)` for tests.
 */
import type { SimRequest, SimServer } from '../sim-server';
import type { ThordataState } from './state';
import { ThorError } from './state';

/** The public IP the simulator sees for every caller (TEST-NET-3). */
export const SIM_PUBLIC_IP = '203.0.113.77';
/** The account name (`td-customer`, shown on My Account) of the simulated account. */
export const SIM_ACCOUNT_NAME = 'Thor00000001';
const ENTRY_HOST = '43.159.28.14';

export interface ResidentialLog {
  extracts: { path: string; query: Record<string, string> }[];
}
const logs = new WeakMap<SimServer, ResidentialLog>();
export function residentialLog(server: SimServer): ResidentialLog {
  let l = logs.get(server);
  if (!l) {
    l = { extracts: [] };
    logs.set(server, l);
  }
  return l;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_');

const COUNTRIES: [string, string][] = [
  ['US', 'United States'],
  ['GB', 'United Kingdom'],
  ['DE', 'Germany'],
  ['JP', 'Japan'],
  ['SG', 'Singapore'],
  ['BR', 'Brazil'],
  ['FR', 'France'],
  ['CA', 'Canada'],
  ['NL', 'Netherlands'],
  ['AU', 'Australia'],
];
const STATES: Record<string, string[]> = {
  US: [
    'California',
    'Texas',
    'New York',
    'Illinois',
    'Virginia',
    'Florida',
    'Ohio',
    'Washington',
    'Georgia',
    'Arizona',
  ],
  GB: ['England', 'Scotland'],
  DE: ['Hesse', 'Berlin'],
  CA: ['Ontario', 'Quebec'],
};
const REAL_CITIES: Record<string, [string, string][]> = {
  US: [
    ['New York', 'New York'],
    ['Los Angeles', 'California'],
    ['Dallas', 'Texas'],
    ['Chicago', 'Illinois'],
    ['Ashburn', 'Virginia'],
  ],
  GB: [
    ['London', 'England'],
    ['Manchester', 'England'],
    ['Edinburgh', 'Scotland'],
  ],
  DE: [
    ['Frankfurt', 'Hesse'],
    ['Berlin', 'Berlin'],
  ],
  CA: [
    ['Toronto', 'Ontario'],
    ['Montreal', 'Quebec'],
  ],
};
const PRE =
  'Oak Cedar Maple Pine Elm Spring River Lake Hill Fair Green Brook Stone Ash Willow Red White Clear Silver Golden North South East West Rock Sand Mill Bridge Glen Wolf Bear Eagle Fox Deer Pleasant Mount Bay Harbor Prairie Sun'.split(
    ' ',
  );
const SUF =
  'ville field wood port ton burg dale view haven ford side crest ridge mont vale creek springs falls grove land bury wick stead water point'.split(
    ' ',
  );

interface SimCity {
  country: string;
  state: string;
  name: string;
  code: string;
}

/** Deterministic: ~2,000 US cities (real ones first), a few elsewhere. */
export function simCities(): SimCity[] {
  const out: SimCity[] = [];
  for (const [c] of COUNTRIES) {
    const states = STATES[c] ?? [];
    for (const [name, state] of REAL_CITIES[c] ?? [])
      out.push({ country: c, state: slug(state), name, code: slug(name) });
    if (c !== 'US') continue;
    let i = 0;
    for (const lead of ['', 'New ']) {
      for (const p of PRE) {
        for (const s of SUF) {
          const name = `${lead}${p}${s}`;
          out.push({ country: c, state: slug(states[i++ % states.length]!), name, code: slug(name) });
        }
      }
    }
  }
  return out;
}

type Get = (path: string, fn: (req: SimRequest, state: ThordataState) => unknown) => void;

export function registerResidentialRoutes(get: Get, server: SimServer, state: ThordataState): void {
  const cities = simCities();
  const proxyType = (req: SimRequest) => {
    const t = req.query.get('proxy_type');
    if (t !== '1' && t !== '2' && t !== '3') throw new ThorError(10000, 'proxy_type is required');
  };
  const country = (req: SimRequest) => {
    proxyType(req);
    const c = (req.query.get('country_code') ?? '').toUpperCase();
    if (!COUNTRIES.some(([code]) => code === c)) throw new ThorError(10000, 'country_code is invalid');
    return c;
  };

  get('/locations/countries', (req) => {
    proxyType(req);
    return COUNTRIES.map(([country_code, country_name]) => ({ country_code, country_name }));
  });
  get('/locations/states', (req) => {
    const c = country(req);
    const name = COUNTRIES.find(([x]) => x === c)![1];
    return (STATES[c] ?? []).map((s) => ({ country_code: c, country_name: name, state_code: slug(s), state_name: s }));
  });
  get('/locations/cities', (req) => {
    const c = country(req);
    if (req.query.get('pool') !== '0') throw new ThorError(10000, 'pool is required');
    const st = req.query.get('state_code');
    return cities
      .filter((x) => x.country === c && (!st || x.state === st))
      .map((x) => ({ country_code: c, state_code: x.state, city_code: x.code, city_name: x.name }));
  });
  get('/locations/asn', (req) => {
    const c = country(req);
    return [
      { country_code: c, asn_code: 'AS7922', asn_name: 'Comcast Cable Communications' },
      { country_code: c, asn_code: 'AS10796', asn_name: 'Charter Communications' },
    ];
  });

  const extract = (path: '/api' | '/unlimited_api') => (req: SimRequest) => {
    const q = Object.fromEntries(req.query.entries());
    residentialLog(server).extracts.push({ path, query: q });
    const fail = (code: number, msg: string) => ({ json: { code, success: false, msg } });
    if (q['td-customer'] !== SIM_ACCOUNT_NAME) return fail(118, 'td-customer error or account abnormal');
    const list = state.whitelist[path === '/api' ? 1 : 2];
    if (!list.some((w) => w.ip === SIM_PUBLIC_IP && w.status)) {
      return fail(117, `IP ${SIM_PUBLIC_IP} is not whitelisted`);
    }
    const n = Number(q.number);
    if (!Number.isInteger(n) || n < 1 || (q.sesstype !== '1' && q.sesstype !== '2')) {
      return fail(10000, 'parameter error');
    }
    if (path === '/unlimited_api') {
      if (!state.servers.some((s) => s.planName.split('.')[0] === q.servers)) return fail(117, 'no unlimited package');
    } else {
      const c = (q.country ?? '').toUpperCase();
      const match = cities.filter(
        (x) => x.country === c && (!q.state || x.state === q.state) && (!q.city || x.code === q.city),
      );
      if (!COUNTRIES.some(([x]) => x === c) || ((q.state || q.city) && match.length === 0)) {
        return fail(114, 'no ip matches the filter');
      }
    }
    const base = q.sesstype === '1' ? 20000 : 40000;
    const lines = Array.from({ length: Math.min(n, 2000) }, (_, i) => `${ENTRY_HOST}:${base + i}`);
    return { raw: lines.join('\r\n'), headers: { 'content-type': 'text/plain; charset=utf-8' } };
  };
  server.route('GET', '/api', extract('/api'));
  server.route('GET', '/unlimited_api', extract('/unlimited_api'));
}
