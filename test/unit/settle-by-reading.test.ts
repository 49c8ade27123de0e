import { describe, expect, it } from 'vitest';
import { allOrNone, writeThenRead } from '../../main/core/operations/settle-by-reading';
import { VendorError } from '../../main/vendors/errors';
import { unknownOutcome } from '../../main/vendors/write-outcome';

/** Whitelist / sub-user / auto-renew changes with an unknown outcome are settled by reading state. */
describe('writeThenRead', () => {
  const unknown = () => {
    throw unknownOutcome('bestproxy', new VendorError('bestproxy', 'vendor_unavailable', { httpStatus: 502 }));
  };

  it('applied after all (the state shows it): the fresh state, no error', async () => {
    const state = await writeThenRead(
      unknown,
      async () => ['1.2.3.4'],
      (l) => allOrNone(new Set(l), ['1.2.3.4']),
    );
    expect(state).toEqual(['1.2.3.4']);
  });

  it('not applied (the state shows it): a plain refusal that says Proxydeck checked', async () => {
    await expect(
      writeThenRead(
        unknown,
        async () => [],
        (l) => allOrNone(new Set(l), ['1.2.3.4']),
      ),
    ).rejects.toMatchObject({
      code: 'vendor_rejected',
      message: 'Proxydeck checked with BestProxy: the change was not made. You can try again.',
    });
  });

  it('cannot tell, or cannot read: the unknown outcome stands', async () => {
    await expect(
      writeThenRead(
        unknown,
        async () => ['a'],
        (l) => allOrNone(new Set(l), ['a', 'b']),
      ),
    ).rejects.toMatchObject({ code: 'outcome_unknown' });
    await expect(
      writeThenRead(
        unknown,
        async () => {
          throw new VendorError('bestproxy', 'network');
        },
        () => true,
      ),
    ).rejects.toMatchObject({ code: 'outcome_unknown' });
  });

  it('done, but the read-back fails: says the change WAS made and to refresh, not to try again', async () => {
    const err = await writeThenRead(
      async () => undefined,
      async () => {
        throw new VendorError('proxyshard', 'network');
      },
      () => true,
    ).catch((e: unknown) => e as Error & { code: string });
    expect(err).toMatchObject({ code: 'bad_response' });
    expect(err.message).toMatch(/^ProxyShard made the change, but Proxydeck could not read the result back \(/);
    expect(err.message).toMatch(/do not make the change again\.$/);
  });

  it('a refusal is passed on as it is, without reading', async () => {
    let reads = 0;
    await expect(
      writeThenRead(
        () => {
          throw new VendorError('bestproxy', 'vendor_rejected', { message: 'IP already listed' });
        },
        async () => {
          reads += 1;
          return [];
        },
        () => true,
      ),
    ).rejects.toMatchObject({ code: 'vendor_rejected', message: 'BestProxy refused the request: IP already listed' });
    expect(reads).toBe(0);
  });
});
