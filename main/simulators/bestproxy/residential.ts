/**
 * BestProxy residential routes of the simulator (reference §3.5 #16–#23), dialect A envelopes:
 *  - #16 /gateway/ip/v3: `data.list` = arrays of up to 10 "ip:port" strings (the doc's example shape);
 *    filters that match no city give an empty list.
 *  - #17–#19 V4 trees (dcl4 / dsl4 / dal4, `username` of an owned proxy account). Their pages say
 *    "login required": by default the simulator REFUSES the app_key there with the documented code 3,
 *    as a session-only route would; `residentialKnobs(server).v4AcceptsAppKey = true` lets it through.
 *  - #20–#23 the general tree (dynamic-citys, dynamic-states and their /search).
 * Every extraction request's query is kept in `residentialKnobs(server).extracts` for tests.
 */
import type { SimRequest, SimResponse, SimServer } from '../sim-server';
import { authed, failA, okA, type SimContext } from './wire';

export interface BestproxyResidentialKnobs {
  v4AcceptsAppKey: boolean;
  extracts: Record<string, string>[];
}
const knobs = new WeakMap<SimServer, BestproxyResidentialKnobs>();
export function residentialKnobs(server: SimServer): BestproxyResidentialKnobs {
  let k = knobs.get(server);
  if (!k) {
    k = { v4AcceptsAppKey: false, extracts: [] };
    knobs.set(server, k);
  }
  return k;
}

interface Country {
  code: string;
  en: string;
  zh: string;
  continent: string;
  states: Record<string, string[]>;
}

const US_EXTRA =
  'Springfield Riverside Franklin Greenville Bristol Clinton Fairview Salem Madison Georgetown Arlington Ashland Burlington Manchester Milton Newport Oxford Dayton Lexington Auburn'.split(
    ' ',
  );

export const BP_COUNTRIES: Country[] = [
  {
    code: 'US',
    en: 'United States',
    zh: '美国',
    continent: 'NA',
    states: {
      California: ['Los Angeles', 'San Francisco', 'San Diego', 'San Jose'],
      Texas: ['Dallas', 'Houston', 'Austin', 'San Antonio'],
      'New York': ['New York', 'Buffalo'],
      Florida: ['Miami', 'Orlando', 'Tampa'],
      Ohio: US_EXTRA.map((c) => `${c} OH`),
      Virginia: US_EXTRA.map((c) => `${c} VA`),
    },
  },
  { code: 'GB', en: 'United Kingdom', zh: '英国', continent: 'EU', states: { England: ['London', 'Manchester'] } },
  { code: 'DE', en: 'Germany', zh: '德国', continent: 'EU', states: { Hesse: ['Frankfurt'], Berlin: ['Berlin'] } },
  { code: 'JP', en: 'Japan', zh: '日本', continent: 'AS', states: { Tokyo: ['Tokyo'], Osaka: ['Osaka'] } },
];

const byCode = (c: string | null) => BP_COUNTRIES.find((x) => x.code === (c ?? '').toUpperCase());

export function registerResidentialRoutes(ctx: SimContext): void {
  const { server, state } = ctx;
  const k = residentialKnobs(server);
  const a = (h: (req: SimRequest) => SimResponse) => authed(ctx, 'A', h);
  /** V4: "login required" — the app_key alone is refused (code 3) unless the knob lets it through. */
  const v4 = (h: (req: SimRequest) => SimResponse) =>
    a((req) => {
      if (!k.v4AcceptsAppKey) return failA(3, '请先登录 (login required)');
      const owned = state.accounts.some((x) => x.username === req.query.get('username'));
      return owned ? h(req) : failA(400, '账号不存在 (account not found)');
    });
  const flat = () =>
    BP_COUNTRIES.flatMap((c) =>
      Object.entries(c.states).flatMap(([st, cities]) => cities.map((City) => ({ City, Area: c.code, State: st }))),
    );

  server.route(
    'GET',
    '/gateway/ip/v3',
    a((req) => {
      const q = Object.fromEntries(req.query.entries());
      delete q.app_key;
      k.extracts.push(q);
      const num = q.num === undefined ? 1 : Number(q.num);
      if (!Number.isInteger(num) || num < 1) return failA(400, 'num 参数错误');
      if (q.ep && !['us', 'hk', 'de'].includes(q.ep)) return failA(400, 'ep 参数错误');
      const c = q.cc ? byCode(q.cc) : BP_COUNTRIES[0];
      const cities = c
        ? Object.entries(c.states)
            .filter(([st]) => !q.state || st === q.state)
            .flatMap(([, list]) => list)
            .filter((x) => !q.city || x === q.city)
        : [];
      const host = q.ep === 'hk' ? '150.109.114.72' : q.ep === 'de' ? '49.12.77.30' : '104.248.1.9';
      const lines = cities.length ? Array.from({ length: Math.min(num, 1000) }, (_, i) => `${host}:${1140 + i}`) : [];
      const groups: string[][] = [];
      for (let i = 0; i < lines.length; i += 10) groups.push(lines.slice(i, i + 10));
      return okA({ list: groups });
    }),
  );

  server.route(
    'GET',
    '/gateway/ip/dcl4',
    v4(() => okA({ cache: true, list: flat() })),
  );
  server.route(
    'GET',
    '/gateway/ip/dsl4',
    v4(() => okA({ cache: true, list: flat().filter((r, i, all) => all.findIndex((x) => x.State === r.State) === i) })),
  );
  server.route(
    'GET',
    '/gateway/ip/dal4',
    v4(() =>
      okA({
        cache: false,
        list: BP_COUNTRIES.map((c) => ({
          Area: c.code,
          states: Object.entries(c.states).map(([State, cities]) => ({ State, cities })),
        })),
      }),
    ),
  );

  const country = (c: Country, items: unknown[]) => ({
    name_zh_cn: c.zh,
    name_en: c.en,
    continent_code: c.continent,
    country_code: c.code,
    items,
  });
  server.route(
    'GET',
    '/gateway/ip/dynamic-citys',
    a(() =>
      okA({
        list: BP_COUNTRIES.map((c) =>
          country(
            c,
            Object.entries(c.states).flatMap(([state, cities]) =>
              cities.map((city) => ({ city, state, continent_code: c.continent, country_code: c.code })),
            ),
          ),
        ),
      }),
    ),
  );
  server.route(
    'GET',
    '/gateway/ip/dynamic-citys/search',
    a((req) => {
      const c = byCode(req.query.get('country_code'));
      const st = req.query.get('state');
      if (!c || !st) return failA(400, 'country_code 和 state 必填');
      return okA({ list: c.states[st] ?? [] });
    }),
  );
  server.route(
    'GET',
    '/gateway/ip/dynamic-states',
    a(() =>
      okA({
        list: BP_COUNTRIES.map((c) =>
          country(
            c,
            Object.keys(c.states).map((state) => ({ state, continent_code: c.continent, country_code: c.code })),
          ),
        ),
      }),
    ),
  );
  server.route(
    'GET',
    '/gateway/ip/dynamic-states/search',
    a((req) => {
      const c = byCode(req.query.get('country_code'));
      if (!c) return failA(400, 'country_code 必填');
      return okA({ list: Object.keys(c.states) });
    }),
  );
}
