/**
 * Strict reads and the refusal declaration: list fields of the wrong shape are errors (never an empty
 * account), every documented timestamp form reads to the same instant, impossible dates are refused,
 * the whole IP list is read, and only HTTP-200 envelope errors with a documented code are refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimServer } from '../../../main/simulators/sim-server';
import { createYouproxySimulator, type YouproxySimulator } from '../../../main/simulators/youproxy';
import { DATE_FORMS, ypDate } from '../../../main/simulators/youproxy/records';
import { VendorError } from '../../../main/vendors/errors';
import { BadField } from '../../../main/vendors/parse';
import { type YouproxyClient, youproxyModule } from '../../../main/vendors/youproxy';
import { mapIpList, mapQuote, mapRentPeriods } from '../../../main/vendors/youproxy/mappers';
import { REFUSAL_CODES, youproxyRefusals } from '../../../main/vendors/youproxy/refusals';
import { expectUnknownWords } from '../../helpers/post-apply';
import { clientFor, NOW, startSim } from './helpers';

const write = { requestId: 'req-strict' };
const ip = (dateEnd: unknown) => ({ ipAddresses: [{ ipAddressId: '1', orderId: '9', ip: '1.2.3.4', dateEnd }] });

describe('youproxy timestamps (§4.5: ISO-8601 with milliseconds and an explicit offset)', () => {
  let sim: YouproxySimulator;
  let client: YouproxyClient;
  beforeAll(async () => {
    sim = startSim();
    await sim.listen(0);
    client = clientFor(sim);
  });
  afterAll(() => sim.close());

  it('the simulator writes every offset form, with milliseconds', async () => {
    const text = await (await fetch(`${sim.baseUrl()}/client/api/v1/${sim.credentials.apiKey}/ipAddress`)).text();
    const forms = new Set(
      [...text.matchAll(/"date(?:Start|End)":"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})"/g)].map(
        (m) => m[1],
      ),
    );
    expect(forms).toEqual(new Set(['+00:00', 'Z', '+03:00', '-05:00', '+05:30']));
    expect(text).not.toMatch(/"dateEnd":"[^"]*\d{2}:\d{2}:\d{2}"/); // never naive
  });

  it('each form is the same instant', () => {
    const at = new Date('2026-11-23T12:00:00.250Z');
    for (let f = 0; f < DATE_FORMS; f++) {
      const [read] = mapIpList(ip(ypDate(at, f)), NOW);
      expect(read?.endpoint.expiresAt, ypDate(at, f)).toBe(at.toISOString());
    }
    expect(ypDate(at, 2)).toBe('2026-11-23T15:00:00.250+03:00');
  });

  it('through the client: every IP expiry and every order start are the simulator’s true instants', async () => {
    const proxies = await client.listProxies();
    for (const s of sim.state.ips) expect(proxies.find((p) => p.id === s.id)?.expiresAt).toBe(s.dateEnd.toISOString());
    for (const o of await client.listOrders()) {
      const starts = sim.state.ips.filter((x) => x.orderId === o.id).map((x) => x.dateStart.getTime());
      expect(o.createdAt).toBe(new Date(Math.min(...starts)).toISOString());
    }
  });

  it('a naive timestamp (none is documented) is read as UTC wall-clock digits, never the machine zone', () => {
    expect(mapIpList(ip('2026-11-23 12:00:00.250'), NOW)[0]?.endpoint.expiresAt).toBe('2026-11-23T12:00:00.250Z');
    expect(mapIpList(ip('2026-11-23T12:00:00'), NOW)[0]?.endpoint.expiresAt).toBe('2026-11-23T12:00:00.000Z');
  });

  it.each(['2026-02-30T10:00:00.000+00:00', '2026-13-01T10:00:00.000Z', '2026-11-23T25:00:00.000+03:00', 'soon'])(
    'impossible expiry %s → BadField',
    (d) => {
      expect(() => mapIpList(ip(d), NOW)).toThrow(BadField);
    },
  );

  it('the whole IP list is read (3000 IPs, no page cap, nothing dropped)', async () => {
    const big = createYouproxySimulator({ ipCount: 3000, now: () => NOW });
    await big.listen(0);
    try {
      const ids = (await clientFor(big).listProxies()).map((p) => p.id);
      expect(new Set(ids).size).toBe(3000);
    } finally {
      await big.close();
    }
  });
});

describe('youproxy strict list reads', () => {
  it.each([
    ['ipAddresses is a string', { ipAddresses: 'none' }],
    ['a per-type part is a number', { ipAddresses: { IPv4: 5 } }],
    ['IP records are strings', { ipAddresses: ['1.2.3.4'] }],
    ['orders is a string', { ipAddresses: { IPv6: [{ orderId: '1', ipAddresses: 'x' }] } }],
  ])('%s → BadField (not an empty list)', (_name, body) => {
    expect(() => mapIpList({ success: true, error: null, ...body }, NOW)).toThrow(BadField);
  });

  it('absent or null lists are empty', () => {
    expect(mapIpList({ success: true, error: null }, NOW)).toEqual([]);
    expect(mapIpList({ success: true, ipAddresses: null, error: null }, NOW)).toEqual([]);
  });

  it('rent periods and quote warnings of the wrong shape → BadField', () => {
    expect(() => mapRentPeriods({ success: true, rentPeriodDays: '30,60' })).toThrow(BadField);
    expect(() => mapQuote({ success: true, price: 1, warnings: 'funds' })).toThrow(BadField);
  });
});

describe('youproxy refusals (refusals.ts)', () => {
  const err = (vendorCode: number | undefined, httpStatus: number | undefined, code = 'invalid_argument' as const) =>
    new VendorError('youproxy', code, {
      ...(vendorCode === undefined ? {} : { vendorCode }),
      ...(httpStatus === undefined ? {} : { httpStatus }),
    });

  it('documented codes and the PHP input checks on HTTP 200 are refusals', () => {
    for (const c of [2, 4, 14, 16, 29, 6, 7, 10, 11, 19, 23, 24, 25, 28]) {
      expect(youproxyRefusals(err(c, 200)), String(c)).toBe(true);
    }
    expect([...REFUSAL_CODES].sort((a, b) => a - b)).toEqual([2, 4, 6, 7, 10, 11, 14, 16, 19, 23, 24, 25, 28, 29]);
  });

  it('3 (service unavailable), 35 (unknown) and unlisted codes are not; nor any code off HTTP 200', () => {
    for (const c of [3, 35, 77]) expect(youproxyRefusals(err(c, 200)), String(c)).toBe(false);
    for (const s of [400, 401, 403, 404, 429, 500, 502]) expect(youproxyRefusals(err(16, s)), String(s)).toBe(false);
    expect(youproxyRefusals(err(undefined, 200))).toBe(false);
    expect(youproxyRefusals(err(undefined, 401, 'invalid_credentials' as never))).toBe(false);
  });
});

describe('youproxy write answers through the client (a scripted vendor)', () => {
  let vendor: SimServer;
  let client: YouproxyClient;
  let extendAnswer: { status?: number; json: unknown } = { json: {} };
  let ipList: unknown = {};
  const target = { kind: 'ip' as const, id: '1111111111111111111', label: '45.1.2.3', expiresAt: null };

  beforeAll(async () => {
    vendor = new SimServer('scripted-youproxy');
    vendor.route('GET', '/client/api/v1/:key/ipAddress', () => ({ json: ipList }));
    vendor.route('GET', '/client/api/v1/:key/balance', () => ({
      json: { success: true, balance: 10, currencyCode: 'USD', error: null },
    }));
    vendor.route('POST', '/client/api/v1/:key/extend', () => extendAnswer);
    await vendor.listen(0);
    client = youproxyModule.create({
      credentials: { apiKey: 'scripted-key-123456' },
      baseUrl: vendor.url,
      now: () => NOW,
      transport: { retry: { baseMs: 1, capMs: 5 } },
    }) as YouproxyClient;
  });
  afterAll(() => vendor.close());

  const good = () => ({
    success: true,
    ipAddresses: {
      IPv4: [
        {
          orderId: '5',
          ipAddresses: [{ ipAddressId: target.id, ip: target.label, dateEnd: '2026-12-01T00:00:00.000Z' }],
        },
      ],
    },
    error: null,
  });
  const fail = (code: number, message = 'Odd') => ({
    success: false,
    proxyType: null,
    quantity: 0,
    ipAddressIds: [],
    balance: 10,
    currency: 'USD',
    error: { code, message },
  });
  const renew = () => client.renew({ targets: [target], periodId: '30' }, write);

  it('HTTP 200 + documented code 16 → refused (insufficient_funds)', async () => {
    ipList = good();
    extendAnswer = { json: fail(16, 'Insufficient funds on balance') };
    await expect(renew()).rejects.toMatchObject({ code: 'insufficient_funds', vendorCode: '16', uncertain: false });
  });

  it.each([
    ['an unlisted code (77)', { json: fail(77) }],
    ['code 35 (unknown)', { json: fail(35) }],
    ['code 3 (service unavailable)', { json: fail(3) }],
    ['code 16 on HTTP 400 (status off the documented 200)', { status: 400, json: fail(16) }],
    ['success:true with an error object', { json: { ...fail(16), success: true } }],
    ['success:false without an error', { json: { ...fail(16), error: null } }],
    ['ipAddressIds of the wrong shape', { json: { success: true, ipAddressIds: 'all', balance: 8, error: null } }],
  ])('%s on a paid write → unknown', async (_name, answer) => {
    ipList = good();
    extendAnswer = answer;
    const e = await renew().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VendorError);
    expectUnknownWords(e as VendorError);
  });

  it('an IP list of the wrong shape → bad_response, and nothing is sent', async () => {
    ipList = { success: true, ipAddresses: 'none', error: null };
    const before = vendor.requests.filter((r) => r.method === 'POST').length;
    await expect(client.listProxies()).rejects.toMatchObject({ code: 'bad_response' });
    await expect(renew()).rejects.toMatchObject({ code: 'bad_response', uncertain: false });
    expect(vendor.requests.filter((r) => r.method === 'POST').length).toBe(before);
  });

  it('an impossible expiry in the IP list → bad_response', async () => {
    ipList = { success: true, ipAddresses: [{ ipAddressId: '1', ip: '1.2.3.4', dateEnd: '2026-02-30T00:00:00.000Z' }] };
    await expect(client.listProxies()).rejects.toMatchObject({ code: 'bad_response' });
  });
});
