/** Each documented YouProxy error code → the typed error code, with the vendor's code kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YouproxySimulator } from '../../../main/simulators/youproxy';
import { VendorError } from '../../../main/vendors/errors';
import { HttpTransport } from '../../../main/vendors/http/transport';
import { type YouproxyClient, youproxyModule } from '../../../main/vendors/youproxy';
import { ERROR_CODE_MAP, unwrap } from '../../../main/vendors/youproxy/envelope';
import { clientFor, fixture, startSim } from './helpers';

const http = new HttpTransport({ vendor: 'youproxy', baseUrl: 'https://youproxy.io', secrets: [] });
const caught = (fn: () => unknown): VendorError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof VendorError) return e;
    throw e;
  }
  throw new Error('expected a VendorError');
};

describe('youproxy error envelope (HTTP 200 + success:false)', () => {
  it.each([
    ['balance.error.json', 'invalid_credentials', '2', 'Error api key'],
    ['extend-order-auto.error.json', 'invalid_argument', '4', 'Incorrect proxy type'],
    ['rent-period.error.json', 'invalid_argument', '4', 'Incorrect proxy type'],
    ['order.error-14.json', 'invalid_argument', '14', 'Incorrect goal'],
    ['extend-order.error-29.json', 'invalid_argument', '29', 'Incorrect orderIds'],
  ])('%s → %s (vendor code %s)', (file, code, vendorCode, text) => {
    const e = caught(() => unwrap(http, { status: 200, json: fixture(file) }));
    expect(e.code).toBe(code);
    expect(e.vendorCode).toBe(vendorCode);
    expect(e.message).toContain(text);
  });

  it('code 16 → insufficient_funds; unknown codes → vendor_rejected with the vendor text', () => {
    const funds = caught(() =>
      unwrap(http, {
        status: 200,
        json: { success: false, error: { code: 16, message: 'Insufficient funds on balance' } },
      }),
    );
    expect(funds).toMatchObject({ code: 'insufficient_funds', vendorCode: '16' });
    const other = caught(() =>
      unwrap(http, { status: 200, json: { success: false, error: { code: 77, message: 'Odd' } } }),
    );
    expect(other).toMatchObject({ code: 'vendor_rejected', vendorCode: '77' });
    expect(other.message).toBe('YouProxy refused the request: Odd');
  });

  it('PHP-listed codes are mapped too', () => {
    expect(ERROR_CODE_MAP[3]).toBe('vendor_unavailable');
    expect(ERROR_CODE_MAP[28]).toBe('invalid_argument');
    expect(ERROR_CODE_MAP[11]).toBe('invalid_argument');
  });

  it('no envelope → bad_response; 5xx → vendor_unavailable; 401 → invalid_credentials', () => {
    expect(caught(() => unwrap(http, { status: 200, json: [1, 2] })).code).toBe('bad_response');
    expect(caught(() => unwrap(http, { status: 200, json: { balance: 1 } })).code).toBe('bad_response');
    expect(caught(() => unwrap(http, { status: 502, json: { success: true } })).code).toBe('vendor_unavailable');
    expect(caught(() => unwrap(http, { status: 401, json: {} })).code).toBe('invalid_credentials');
  });
});

describe('youproxy error codes from the simulator', () => {
  let sim: YouproxySimulator;
  let client: YouproxyClient;
  beforeAll(async () => {
    sim = startSim();
    await sim.listen(0);
    client = clientFor(sim);
  });
  afterAll(() => sim.close());

  it('wrong key → code 2 → invalid_credentials, and testConnection says so', async () => {
    const bad = youproxyModule.create({ credentials: { apiKey: 'not-the-right-key-123' }, baseUrl: sim.baseUrl() });
    await expect(bad.getBalance()).rejects.toMatchObject({ code: 'invalid_credentials', vendorCode: '2' });
    await expect(bad.listProxies()).rejects.toMatchObject({ code: 'invalid_credentials', vendorCode: '2' });
    const check = await bad.testConnection();
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/did not accept the API key/);
  });

  it('unknown order id → code 29 through the client (options.proxyType skips the local check)', async () => {
    await expect(
      client.quoteRenewal({
        targets: [{ kind: 'order', id: '99999999', label: 'gone', expiresAt: null }],
        periodId: '30',
        options: { proxyType: 'IPv4' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_argument', vendorCode: '29' });
  });

  it('period the type does not offer → code 11 → invalid_argument', async () => {
    const ip = sim.state.ips.find((x) => x.proxyType === 'MOBILE')!;
    await expect(
      client.quoteRenewal({ targets: [{ kind: 'ip', id: ip.id, label: ip.ip, expiresAt: null }], periodId: '60' }),
    ).rejects.toMatchObject({ code: 'invalid_argument', vendorCode: '11' });
  });

  it('bad proxy type on /rentPeriod → code 4; insufficient funds on /extend → code 16', async () => {
    const res = await fetch(`${sim.baseUrl()}/client/api/v1/${sim.credentials.apiKey}/rentPeriod?proxyType=IPv5`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: false, rentPeriodDays: [], error: { code: 4 } });
    sim.setBalance(0);
    const ip = sim.state.ips.find((x) => x.proxyType === 'ISP')!;
    await expect(
      client.renew(
        { targets: [{ kind: 'ip', id: ip.id, label: ip.ip, expiresAt: null }], periodId: '30' },
        { requestId: 'r' },
      ),
    ).rejects.toMatchObject({ code: 'insufficient_funds', vendorCode: '16' });
    sim.setBalance(2503);
  });

  it('simulator refuses a partial IPv6 extension by IP ids (code 28) and /order without goal (code 14)', async () => {
    const order = sim.state.ips.find((x) => x.proxyType === 'IPv6')!.orderId;
    const members = sim.state.ips.filter((x) => x.orderId === order);
    expect(members.length).toBeGreaterThan(1);
    const url = `${sim.baseUrl()}/client/api/v1/${sim.credentials.apiKey}`;
    const post = (path: string, body: unknown) =>
      fetch(`${url}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    const partial = await post('extend', { proxyType: 'IPv6', ipAddressIds: [members[0]!.id], rentPeriodDays: 90 });
    expect(partial).toMatchObject({ success: false, error: { code: 28 } });
    const noGoal = await post('order', {
      proxyType: 'IPv4',
      country: 'USA',
      quantity: 1,
      rentPeriodDays: 30,
      goal: '',
    });
    expect(noGoal).toMatchObject({ success: false, error: { code: 14, message: 'Incorrect goal' } });
  });
});
