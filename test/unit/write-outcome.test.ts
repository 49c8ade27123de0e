import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AFTER_APPLY_ANSWERS, SimServer } from '../../main/simulators/sim-server';
import { VendorError } from '../../main/vendors/errors';
import { HttpTransport } from '../../main/vendors/http/transport';
import { isObj } from '../../main/vendors/parse';
import { type DocumentedRefusals, settleWrite, write } from '../../main/vendors/write-outcome';

/**
 * The one write outcome rule, against a real HTTP server: only a documented refusal after sending
 * means "not applied"; before anything was sent everything does; anything else is "unknown".
 */
const sim = new SimServer('rule');
let applied = 0;
sim.route('POST', '/pay', (req) => {
  if (req.body.refuse) return { json: { code: 4001, msg: 'balance too low' } };
  applied += 1;
  sim.charge({ account: 'a', amountMinor: 350, currency: 'USD', what: 'renew', items: ['s1'] });
  return { json: { code: 200, data: { paid: 3.5 } } };
});
sim.route('GET', '/state', () => ({ json: { code: 200, data: { applied } } }));

/** Documented: code 4001 (insufficient balance). Nothing else. */
const refusals: DocumentedRefusals = (e) => e.vendorCode === '4001';

const http = () => new HttpTransport({ vendor: 'thordata', baseUrl: sim.url, secrets: [], retry: { max: 0 } });

/** A client-like write: POST, then read the envelope strictly (as the vendor clients do). */
async function pay(t: HttpTransport, body: Record<string, unknown> = {}): Promise<number> {
  const r = await t.requestJson({ method: 'POST', path: '/pay', body: { form: body as Record<string, string> } });
  if (r.status >= 500) throw t.error('vendor_unavailable', { httpStatus: r.status });
  const j = isObj(r.json) ? r.json : null;
  if (!j) throw t.error('bad_response', { httpStatus: r.status });
  if (j.code !== 200) throw t.error('vendor_rejected', { vendorCode: String(j.code), message: String(j.msg) });
  const paid = isObj(j.data) ? j.data.paid : undefined;
  if (typeof paid !== 'number') throw t.error('bad_response', { detail: 'The paid amount could not be read.' });
  return paid;
}

beforeAll(async () => {
  await sim.listen();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.clearFaults();
  sim.ledger.length = 0;
  applied = 0;
});

describe('settleWrite: the write outcome rule', () => {
  it('applied: the value', async () => {
    expect(await settleWrite('thordata', refusals, () => pay(http()))).toEqual({ outcome: 'applied', value: 3.5 });
  });

  it('a documented refusal after sending: refused, the vendor words kept', async () => {
    const r = await settleWrite('thordata', refusals, () => pay(http(), { refuse: '1' }));
    expect(r.outcome).toBe('refused');
    expect(r.outcome !== 'applied' && r.error.message).toBe('Thordata refused the request: balance too low');
    expect(sim.ledger).toHaveLength(0);
  });

  it('an undocumented business error after sending is NOT a refusal: unknown', async () => {
    const undocumented: DocumentedRefusals = () => false;
    const r = await settleWrite('thordata', undocumented, () => pay(http(), { refuse: '1' }));
    expect(r.outcome).toBe('unknown');
  });

  it('nothing reached the vendor (connection refused): refused, whatever the error', async () => {
    const t = new HttpTransport({ vendor: 'thordata', baseUrl: 'http://127.0.0.1:1', secrets: [] });
    const r = await settleWrite(
      'thordata',
      () => false,
      () => pay(t),
    );
    expect(r.outcome).toBe('refused');
  });

  it('a failing read before the write (nothing written yet): refused', async () => {
    const r = await settleWrite(
      'thordata',
      () => false,
      async () => {
        throw http().error('bad_response');
      },
    );
    expect(r.outcome).toBe('refused');
  });

  it.each(AFTER_APPLY_ANSWERS)(
    'applied, then answered %s: unknown, in words that block paying again',
    async (answer) => {
      sim.injectFault({ kind: 'after_apply', answer, path: '/pay' });
      const r = await settleWrite('thordata', refusals, () => pay(http()));
      expect(r.outcome).toBe('unknown');
      const e = (r as { error: VendorError }).error;
      expect(e.code).toBe('outcome_unknown');
      expect(e.uncertain).toBe(true);
      expect(e.message).toMatch(
        /^Thordata may have carried this out, but .+\. Proxydeck is checking with Thordata; paying again is blocked until that is settled\.$/,
      );
      expect(e.message).not.toMatch(/nothing was changed|try again/i);
      expect(sim.ledger).toHaveLength(1);
      expect(applied).toBe(1);
    },
  );

  it('a bug of ours while reading an answer that arrived: unknown (never "not applied")', async () => {
    const r = await settleWrite('thordata', refusals, async () => {
      await pay(http());
      throw new TypeError('x is undefined');
    });
    expect(r.outcome).toBe('unknown');
  });

  it('write(): returns the value, throws the refusal as is, throws outcome_unknown otherwise', async () => {
    expect(await write('thordata', refusals, () => pay(http()))).toBe(3.5);
    await expect(write('thordata', refusals, () => pay(http(), { refuse: '1' }))).rejects.toMatchObject({
      code: 'vendor_rejected',
      uncertain: false,
    });
    sim.injectFault({ kind: 'after_apply', answer: '5xx_envelope', path: '/pay' });
    await expect(write('thordata', refusals, () => pay(http()))).rejects.toMatchObject({
      code: 'outcome_unknown',
      uncertain: true,
      httpStatus: 500,
    });
  });
});

describe('VendorError words', () => {
  it("Proxydeck's own words are never quoted as the vendor's", () => {
    const own = new VendorError('youproxy', 'invalid_argument', { detail: 'Nothing was selected.' });
    expect(own.message).toBe('Some of the values are not valid for YouProxy. Nothing was selected.');
    const theirs = new VendorError('youproxy', 'invalid_argument', { message: 'Incorrect goal' });
    expect(theirs.message).toBe('Some of the values are not valid for YouProxy. (YouProxy said: Incorrect goal)');
  });

  it('bad_response no longer claims that nothing was changed', () => {
    expect(new VendorError('bestproxy', 'bad_response').message).not.toMatch(/nothing was changed/i);
  });
});
