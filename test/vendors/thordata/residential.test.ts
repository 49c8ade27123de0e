import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentialLog, SIM_ACCOUNT_NAME, SIM_PUBLIC_IP } from '../../../main/simulators/thordata/residential';
import { VendorError } from '../../../main/vendors/errors';
import { parseHostPortLines } from '../../../main/vendors/thordata/residential';
import { makeClient, makeSim, seen } from './helpers';

/** Thordata residential generator: L1–L4 lists and the E1/E2 extract links (vendor file §3.2, §3.7, §5.2). */
describe('thordata residential', () => {
  const sim = makeSim();
  let client: ReturnType<typeof makeClient>;
  const extracts = () => residentialLog(sim.server).extracts;
  const fail = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof VendorError) return e;
      throw e;
    }
    throw new Error('expected a VendorError');
  };
  beforeAll(async () => {
    await sim.listen(0);
    client = makeClient(sim);
  });
  afterAll(() => sim.close());

  it('declares the capability and offers the extract modes, with the residential whitelist', async () => {
    expect(client.capabilities.has('residential')).toBe(true);
    const form = await client.residentialForm();
    expect(form.modes.map((m) => m.mode)).toEqual(['extract', 'unlimited']);
    const extract = form.modes[0]!;
    expect(extract.levels).toEqual(['country', 'state', 'city']);
    expect(extract.login).toBe('typed');
    expect(extract.notes).toContain('whitelistNeeded');
    expect(form.modes[1]!.servers.length).toBe(sim.state.servers.length);
    expect(extract.whitelist).toEqual({ entries: expect.any(Array), canAdd: true });
    expect(extract.whitelist?.entries?.length).toBe(sim.state.whitelist[1].length);
    expect(form.modes[1]!.whitelist?.canAdd).toBe(false);
    expect(form.modes[1]!.whitelist?.entries?.length).toBe(sim.state.whitelist[2].length);
  });

  it('lists countries, states, thousands of cities (pool=0) and ASNs', async () => {
    const countries = await client.residentialOptions({ mode: 'extract', level: 'country' });
    expect(countries.places).toContainEqual({ code: 'US', name: 'United States' });
    const states = await client.residentialOptions({ mode: 'extract', level: 'state', country: 'US' });
    expect(states.places).toContainEqual({ code: 'texas', name: 'Texas' });
    const all = await client.residentialOptions({ mode: 'extract', level: 'city', country: 'US' });
    expect(all.places.length).toBeGreaterThan(1500);
    const texas = await client.residentialOptions({ mode: 'extract', level: 'city', country: 'us', state: 'texas' });
    expect(texas.places).toContainEqual({ code: 'dallas', name: 'Dallas' });
    expect(texas.places.length).toBeLessThan(all.places.length);
    const asn = await client.residentialOptions({ mode: 'extract', level: 'asn', country: 'US' });
    expect(asn.places[0]).toEqual({ code: 'AS7922', name: 'Comcast Cable Communications' });
    expect(seen(sim, 'GET', '/locations/cities').length).toBe(2);
  });

  it('a list that is not an array of rows is a bad_response', async () => {
    sim.state.patches.set('/locations/countries', () => ({ list: 'US' }));
    try {
      const e = await fail(client.residentialOptions({ mode: 'extract', level: 'country' }));
      expect(e.code).toBe('bad_response');
    } finally {
      sim.state.patches.delete('/locations/countries');
    }
  });

  const req = {
    mode: 'extract' as const,
    login: SIM_ACCOUNT_NAME,
    country: 'US',
    state: 'texas',
    city: 'dallas',
    session: 'sticky' as const,
    count: 10,
    protocol: 'http' as const,
  };

  it('refuses plainly while the public IP is not whitelisted (117), then extracts 10 after it is added', async () => {
    const e = await fail(client.generateResidential(req));
    expect(e.code).toBe('vendor_rejected');
    expect(e.vendorCode).toBe('117');
    expect(e.message).toContain('whitelist');
    await client.addWhitelist([SIM_PUBLIC_IP]);
    const r = await client.generateResidential(req);
    expect(r.endpoints).toHaveLength(10);
    expect(r.endpoints[0]).toEqual({ host: '43.159.28.14', port: 20000, user: null, pass: null });
    expect(r.notes).toContain('stickyFixed10');
    const q = extracts().at(-1)!.query;
    expect(q).toMatchObject({
      'td-customer': SIM_ACCOUNT_NAME,
      sesstype: '1',
      number: '10',
      country: 'us',
      city: 'dallas',
      state: 'texas',
    });
    expect(q.token).toBeUndefined();
    expect(q.key).toBeUndefined();
  });

  it('rotating sends sesstype 2; documented extract codes map to plain errors', async () => {
    const r = await client.generateResidential({
      ...req,
      session: 'rotating',
      count: 3,
      state: undefined,
      city: undefined,
    });
    expect(r.endpoints.map((x) => x.port)).toEqual([40000, 40001, 40002]);
    expect(extracts().at(-1)!.query.sesstype).toBe('2');
    const wrong = await fail(client.generateResidential({ ...req, login: 'Thor99999999' }));
    expect(wrong.code).toBe('invalid_argument');
    expect(wrong.vendorCode).toBe('118');
    const none = await fail(client.generateResidential({ ...req, city: 'atlantis' }));
    expect(none.vendorCode).toBe('114');
    const noName = await fail(client.generateResidential({ ...req, login: undefined }));
    expect(noName.code).toBe('invalid_argument');
  });

  it('E2 extracts for an unlimited server once its list holds the IP', async () => {
    const form = await client.residentialForm();
    const server = form.modes[1]!.servers[0]!.id;
    const u = { ...req, mode: 'unlimited' as const, server, state: undefined, city: undefined };
    expect((await fail(client.generateResidential(u))).vendorCode).toBe('117');
    await client.addWhitelist([`unlimited:${SIM_PUBLIC_IP}`]);
    const r = await client.generateResidential({ ...u, count: 5 });
    expect(r.endpoints).toHaveLength(5);
    expect(extracts().at(-1)).toMatchObject({ path: '/unlimited_api', query: { servers: server } });
  });

  it('an extract answer that is not host:port lines is a bad_response, never endpoints', async () => {
    sim.server.injectFault({ kind: 'malformed', path: '^/api$' });
    const e = await fail(client.generateResidential(req));
    expect(['bad_response', 'vendor_unavailable']).toContain(e.code);
    expect(parseHostPortLines('1.2.3.4:80\nnot a line')).toBeNull();
    expect(parseHostPortLines('1.2.3.4:80\r\n5.6.7.8:99999')).toBeNull();
    expect(parseHostPortLines('1.2.3.4:80\r\n\r\nhost.example:8080\n')).toHaveLength(2);
  });
});
