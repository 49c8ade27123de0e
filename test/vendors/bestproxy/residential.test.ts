import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BestproxySimulator } from '../../../main/simulators/bestproxy';
import { residentialKnobs } from '../../../main/simulators/bestproxy/residential';
import type { BestproxyClient } from '../../../main/vendors/bestproxy/client';
import { mapExtract } from '../../../main/vendors/bestproxy/residential';
import { clientFor, startSim, vendorError } from './helpers';

/** BestProxy residential generator: ip/v3 extraction and the two location trees (reference §3.5 #16–#23). */
describe('bestproxy residential', () => {
  let sim: BestproxySimulator;
  let client: BestproxyClient;
  const knobs = () => residentialKnobs(sim.server);
  beforeAll(async () => {
    sim = await startSim();
    client = clientFor(sim);
  });
  afterAll(() => sim.close());

  it('offers the extraction link with the proxy accounts as logins', async () => {
    expect(client.capabilities.has('residential')).toBe(true);
    const form = await client.residentialForm();
    expect(form.modes).toHaveLength(1);
    expect(form.modes[0]).toMatchObject({ mode: 'extract', gateways: ['us', 'hk', 'de'], login: 'pick' });
    expect(form.logins.map((l) => l.id)).toContain('shopA01');
    expect(form.modes[0]!.whitelist).toBeNull();
  });

  it('general tree: countries, states of a country, cities of a state, every city of a country', async () => {
    const countries = await client.residentialOptions({ mode: 'extract', level: 'country' });
    expect(countries.places).toContainEqual({ code: 'US', name: 'United States' });
    expect(countries.notes).toEqual([]);
    const states = await client.residentialOptions({ mode: 'extract', level: 'state', country: 'US' });
    expect(states.places.map((p) => p.code)).toContain('Texas');
    const tx = await client.residentialOptions({ mode: 'extract', level: 'city', country: 'US', state: 'Texas' });
    expect(tx.places.map((p) => p.name)).toEqual(['Dallas', 'Houston', 'Austin', 'San Antonio']);
    const all = await client.residentialOptions({ mode: 'extract', level: 'city', country: 'US' });
    expect(all.places.length).toBeGreaterThan(tx.places.length);
  });

  it('the account tree (V4) refused with the documented code 3: falls back to the general tree and says so', async () => {
    const r = await client.residentialOptions({ mode: 'extract', level: 'state', country: 'US', login: 'shopA01' });
    expect(r.notes).toEqual(['accountTreeRefused']);
    expect(r.places.map((p) => p.code)).toContain('California');
    expect(sim.server.requests.some((q) => q.path === '/gateway/ip/dal4')).toBe(true);
  });

  it('the account tree when BestProxy accepts the app key there', async () => {
    knobs().v4AcceptsAppKey = true;
    try {
      const r = await client.residentialOptions({
        mode: 'extract',
        level: 'city',
        country: 'US',
        state: 'Texas',
        login: 'shopA01',
      });
      expect(r.notes).toEqual(['accountTreeUsed']);
      expect(r.places.map((p) => p.code)).toContain('Dallas');
      // Another refusal than code 3 is not hidden behind the fallback.
      const e = await vendorError(() =>
        client.residentialOptions({ mode: 'extract', level: 'country', login: 'nobody' }),
      );
      expect(e.vendorCode).toBe('400');
    } finally {
      knobs().v4AcceptsAppKey = false;
    }
  });

  it('extracts 10 endpoints by city with the documented parameters; nested arrays are flattened and checked', async () => {
    const r = await client.generateResidential({
      mode: 'extract',
      country: 'US',
      state: 'Texas',
      city: 'Dallas',
      session: 'sticky',
      lifetimeMinutes: 30,
      count: 10,
      protocol: 'socks5',
      gateway: 'hk',
    });
    expect(r.endpoints).toHaveLength(10);
    expect(r.endpoints[0]).toEqual({ host: '150.109.114.72', port: 1140, user: null, pass: null });
    expect(knobs().extracts.at(-1)).toEqual({
      num: '10',
      cc: 'US',
      state: 'Texas',
      city: 'Dallas',
      life: '30',
      ep: 'hk',
    });
    const rotating = await client.generateResidential({
      mode: 'extract',
      session: 'rotating',
      count: 25,
      protocol: 'http',
    });
    expect(rotating.endpoints).toHaveLength(25);
    expect(knobs().extracts.at(-1)).toEqual({ num: '25' });
  });

  it('a sticky session needs its lifetime; an unknown gateway is refused before sending', async () => {
    const base = { mode: 'extract' as const, session: 'sticky' as const, count: 1, protocol: 'http' as const };
    expect((await vendorError(() => client.generateResidential(base))).code).toBe('invalid_argument');
    const before = knobs().extracts.length;
    expect(
      (await vendorError(() => client.generateResidential({ ...base, lifetimeMinutes: 5, gateway: 'xx' }))).code,
    ).toBe('invalid_argument');
    expect(knobs().extracts.length).toBe(before);
  });

  it('a refused app key is said plainly; a wrong answer shape is a bad_response', async () => {
    const bad = clientFor(sim, undefined, 'wrong-key-000000');
    const e = await vendorError(() =>
      bad.generateResidential({ mode: 'extract', session: 'rotating', count: 1, protocol: 'http' }),
    );
    expect(e.code).toBe('invalid_credentials');
    expect(() => mapExtract({ list: [['1.2.3.4:80', 'oops']] })).toThrow();
    expect(() => mapExtract({ list: '1.2.3.4:80' })).toThrow();
    expect(mapExtract({ list: [['1.2.3.4:80'], ['5.6.7.8:81']] })).toHaveLength(2);
  });
});
