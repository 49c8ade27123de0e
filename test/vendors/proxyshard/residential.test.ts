import { describe, expect, it } from 'vitest';
import { buildLogin, mapResults } from '../../../main/vendors/proxyshard/residential';
import { setup } from './helpers';

/** ProxyShard residential: the targeting lists (#29–#31) and gateway logins built locally (§4.4). */
describe('proxyshard residential', async () => {
  const { sim, client } = await setup();

  it('offers gateway logins for each pool set up and its sub-users', async () => {
    expect(client.capabilities.has('residential')).toBe(true);
    const form = await client.residentialForm();
    expect(form.modes[0]).toMatchObject({ mode: 'gateway', login: 'pick', countryRequired: false });
    expect(form.modes[0]!.gateways[0]).toBe('relay-eu.proxyshard.com');
    expect(form.logins.some((l) => l.id.startsWith('owner:'))).toBe(true);
  });

  it('lists countries, regions and the cities of a region', async () => {
    const c = await client.residentialOptions({ mode: 'gateway', level: 'country', login: 'owner:standart' });
    expect(c.places).toContainEqual({ code: 'US', name: 'United States' });
    const r = await client.residentialOptions({ mode: 'gateway', level: 'state', country: 'US' });
    expect(r.places[0]!.code).toBe('US-01');
    const city = await client.residentialOptions({ mode: 'gateway', level: 'city', country: 'US', state: 'US-01' });
    expect(city.places).toEqual([{ code: 'us-01-capital', name: 'Capital' }]);
    await expect(client.residentialOptions({ mode: 'gateway', level: 'city', country: 'US' })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    expect(() => mapResults({ count: 1, results: 'US' })).toThrow();
  });

  it('builds 10 sticky logins by city with the pool password, each with its own session id, no vendor call but the password', async () => {
    const before = sim.server.requests.length;
    const r = await client.generateResidential({
      mode: 'gateway',
      login: 'owner:standart',
      country: 'US',
      state: 'US-01',
      city: 'us-01-capital',
      session: 'sticky',
      lifetimeMinutes: 10,
      count: 10,
      protocol: 'socks5',
    });
    expect(r.endpoints).toHaveLength(10);
    const first = r.endpoints[0]!;
    expect(first.host).toBe('relay-eu.proxyshard.com');
    expect(first.port).toBe(1080);
    expect(first.user).toMatch(/^plan-limited-country-us-region-US-01-city-us-01-capital-sid-[a-z0-9]{12}-ttl-600$/);
    expect(new Set(r.endpoints.map((e) => e.user)).size).toBe(10);
    expect(first.pass).toBeTruthy();
    expect(r.notes).toEqual(['passwordInside', 'ttlUnverified']);
    const calls = sim.server.requests.slice(before).map((q) => q.path);
    expect(calls).toEqual(['/user/api/proxies/profile']);
  });

  it('rotating lines repeat one login; unsafe codes and unknown gateways are refused', async () => {
    const r = await client.generateResidential({ mode: 'gateway', session: 'rotating', count: 3, protocol: 'http' });
    expect(new Set(r.endpoints.map((e) => e.user))).toEqual(new Set(['plan-limited']));
    expect(r.endpoints[0]!.port).toBe(8080);
    await expect(
      client.generateResidential({ mode: 'gateway', session: 'rotating', count: 1, protocol: 'http', city: 'a b' }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(
      client.generateResidential({
        mode: 'gateway',
        session: 'rotating',
        count: 1,
        protocol: 'http',
        gateway: 'evil.example',
      }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(buildLogin('premium', { country: 'DE', sid: 'abc' })).toBe('plan-premium-country-de-sid-abc');
  });
});
