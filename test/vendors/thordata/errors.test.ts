import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ThorError } from '../../../main/simulators/thordata/state';
import { VendorError } from '../../../main/vendors/errors';
import type { ThordataClient } from '../../../main/vendors/thordata/client';
import { BUSINESS_CODES, classifyBusinessCode } from '../../../main/vendors/thordata/errors';
import { thordataRefusals } from '../../../main/vendors/thordata/refusals';
import { makeClient, makeSim, type Sim } from './helpers';

/** Every documented business code (vendor file §5.1) and the typed code it must become. */
const EXPECTED: Record<number, string> = {
  10000: 'invalid_argument',
  10001: 'invalid_argument',
  10002: 'invalid_argument',
  10003: 'invalid_argument',
  10004: 'invalid_argument',
  10005: 'vendor_rejected',
  10006: 'invalid_argument',
  10007: 'vendor_rejected',
  10008: 'insufficient_funds',
  10009: 'vendor_unavailable',
  10010: 'vendor_rejected',
  10011: 'rate_limited',
  10012: 'invalid_argument',
  10013: 'invalid_credentials',
  10014: 'invalid_credentials',
  10015: 'invalid_argument',
  10016: 'invalid_argument',
  10017: 'insufficient_funds',
  10018: 'invalid_argument',
  10019: 'vendor_rejected',
  10020: 'vendor_rejected',
  10021: 'invalid_argument',
};

describe('thordata error codes', () => {
  it('maps every documented business code', () => {
    expect(Object.keys(BUSINESS_CODES).map(Number).sort()).toEqual(Object.keys(EXPECTED).map(Number).sort());
    for (const [code, typed] of Object.entries(EXPECTED)) expect(classifyBusinessCode(Number(code)).code).toBe(typed);
    expect(classifyBusinessCode(12345).code).toBe('vendor_rejected');
    expect(classifyBusinessCode(500).code).toBe('vendor_unavailable');
  });

  it('documented refusals: every §5.1 code and the not-processed HTTP statuses; nothing else', () => {
    const err = (code: ConstructorParameters<typeof VendorError>[1], o: ConstructorParameters<typeof VendorError>[2]) =>
      new VendorError('thordata', code, o);
    for (const c of Object.keys(EXPECTED))
      expect(thordataRefusals(err('vendor_rejected', { vendorCode: c })), c).toBe(true);
    for (const st of [400, 401, 402, 403, 422, 429]) {
      expect(thordataRefusals(err('invalid_argument', { httpStatus: st })), String(st)).toBe(true);
    }
    expect(thordataRefusals(err('vendor_rejected', { vendorCode: 12345, httpStatus: 200 }))).toBe(false);
    expect(thordataRefusals(err('vendor_unavailable', { vendorCode: 500, httpStatus: 500 }))).toBe(false);
    expect(thordataRefusals(err('bad_response', { httpStatus: 404 }))).toBe(false);
    expect(thordataRefusals(err('bad_response', { httpStatus: 200 }))).toBe(false);
    expect(thordataRefusals(err('network', { vendorCode: 'ECONNRESET' }))).toBe(false);
  });

  describe('codes the simulator answers, end to end (HTTP 200 + error body)', () => {
    let sim: Sim;
    let client: ThordataClient;
    beforeAll(async () => {
      sim = makeSim();
      await sim.listen(0);
      client = makeClient(sim);
    });
    afterAll(() => sim.close());

    const expectCode = async (p: Promise<unknown>, code: string, vendorCode: string) => {
      const e = await p.then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(VendorError);
      expect(e).toMatchObject({ code, vendorCode, uncertain: false });
      expect((e as VendorError).httpStatus).toBe(200);
      return e as VendorError;
    };
    const server = (i: number) => {
      const s = sim.state.servers[i]!;
      return { kind: 'server' as const, id: s.insId, label: s.planName, expiresAt: null };
    };

    it('10013 wrong token, 10014 wrong key', async () => {
      const badToken = makeClient(sim, { credentials: { token: 'nope-token-1', key: sim.credentials.key } });
      await expectCode(badToken.getBalance(), 'invalid_credentials', '10013');
      const badKey = makeClient(sim, { credentials: { token: sim.credentials.token, key: 'nope-key-12' } });
      await expectCode(badKey.listSubUsers(), 'invalid_credentials', '10014');
      // POST carries credentials in headers: a wrong key there is rejected too, and nothing is charged
      const before = sim.server.ledger.length;
      await expectCode(
        badKey.renew({ targets: [server(0)], periodId: '6' }, { requestId: 'x' }),
        'invalid_credentials',
        '10014',
      );
      expect(sim.server.ledger.length).toBe(before);
    });

    it("an envelope without msg: the meaning is Proxydeck's own sentence, not quoted as Thordata's", async () => {
      sim.state.patches.set('/unlimited/server-list', () => {
        throw new ThorError(10011, ''); // no `msg`
      });
      const e = await expectCode(client.listUnlimitedServers(), 'rate_limited', '10011');
      expect(e.message).not.toMatch(/Thordata said/);
      expect(e.message).toMatch(/error 10011 means: too many operations/);
      sim.state.patches.clear();
    });

    it('10021 range over 180 days (sub-user usage is not split)', async () => {
      const u = sim.state.subUsers[1][0]!.username;
      await expectCode(
        client.getTraffic({ from: '2025-01-01', to: '2026-11-01', granularity: 'hour', subUserId: `residential:${u}` }),
        'invalid_argument',
        '10021',
      );
    });

    it('10015 / 10016 / 10018 / 10019 / 10020 on sub-users', async () => {
      await expectCode(
        client.createSubUser({ username: 'ab', password: 'Abc12345', limitBytes: null }),
        'invalid_argument',
        '10015',
      );
      await expectCode(
        client.createSubUser({ username: 'abcdef12', password: '1abcdef', limitBytes: null }),
        'invalid_argument',
        '10016',
      );
      const existing = sim.state.subUsers[1][0]!.username;
      await expectCode(
        client.createSubUser({ username: existing, password: 'Abc12345', limitBytes: null }),
        'invalid_argument',
        '10018',
      );
      await expectCode(client.deleteSubUser('residential:ghostuser1'), 'vendor_rejected', '10020');
      for (let i = sim.state.subUsers[1].length; i < 20; i++) {
        await client.createSubUser({ username: `filler${100 + i}`, password: 'Abc12345', limitBytes: null });
      }
      await expectCode(
        client.createSubUser({ username: 'onetoomany', password: 'Abc12345', limitBytes: null }),
        'vendor_rejected',
        '10019',
      );
    });

    it('10000 whitelist duplicate, 10010 unknown server, 10007 offline server', async () => {
      const ip = sim.state.whitelist[1][0]!.ip;
      await expectCode(client.addWhitelist([ip]), 'invalid_argument', '10000');
      const ghost = { kind: 'server' as const, id: 'ins-000000000', label: 'ghost', expiresAt: null };
      await expectCode(
        client.renew({ targets: [ghost], periodId: '6' }, { requestId: 'g' }),
        'vendor_rejected',
        '10010',
      );
      await expectCode(
        client.renew({ targets: [server(4)], periodId: '6' }, { requestId: 'o' }),
        'vendor_rejected',
        '10007',
      );
    });

    it('10008 wallet too low, 10017 empty wallet; no charge either way; quote blocks on empty wallet', async () => {
      const before = sim.server.ledger.length;
      sim.setBalance(500);
      const e = await expectCode(
        client.renew({ targets: [server(0)], periodId: '7' }, { requestId: 'i' }),
        'insufficient_funds',
        '10008',
      );
      expect(e.message).toMatch(/balance is too low/);
      sim.setBalance(0);
      await expectCode(client.upgradeServer(server(0).id, '9:4', { requestId: 'u' }), 'insufficient_funds', '10017');
      const q = await client.quoteRenewal({ targets: [server(0)], periodId: '7' });
      expect(q.warnings.find((w) => w.code === 'insufficient_funds')?.blocking).toBe(true);
      expect(sim.server.ledger.length).toBe(before);
      expect(sim.balance()).toBe(0);
    });

    it('a later item failing after an earlier success is reported per item', async () => {
      sim.setBalance(100_000);
      const r = await client.renew({ targets: [server(0), server(4)], periodId: '27' }, { requestId: 'm' });
      expect(r.items.map((i) => i.outcome)).toEqual(['applied', 'refused']);
      expect(r.items[1]!.message).toMatch(/offline/);
      expect(r.items[0]!.newExpiresAt).not.toBeNull();
    });
  });
});
