import { isVendorError, VENDOR_NAMES } from '../../vendors/errors';
import { AppFailure } from '../errors';

/**
 * A change that moves no money (whitelist, sub-user, auto-renew) whose outcome came back unknown
 * (write-outcome.ts) is settled the same way as a renewal: by READING the vendor's state, never by
 * sending it again. `judge` looks at the state read after the write: true = applied, false = not
 * applied, null = the state cannot tell (the unknown outcome then stands, with its plain words).
 */
export async function writeThenRead<T>(
  writeFn: () => Promise<unknown>,
  read: () => Promise<T>,
  judge: (state: T) => boolean | null,
): Promise<T> {
  try {
    await writeFn();
  } catch (e) {
    if (!isVendorError(e) || !e.uncertain) throw e;
    let state: T;
    try {
      state = await read();
    } catch {
      throw e;
    }
    const applied = judge(state);
    if (applied === true) return state;
    if (applied === false) {
      throw new AppFailure(
        'vendor_rejected',
        `Proxydeck checked with ${VENDOR_NAMES[e.vendor]}: the change was not made. You can try again.`,
      );
    }
    throw e;
  }
  return readBackAfterDone(read);
}

/**
 * The vendor said the change was made, but reading it back failed: the error must not read as if the
 * change failed (the user would try again). It says the change was made and to refresh.
 */
async function readBackAfterDone<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    const who = isVendorError(e) ? VENDOR_NAMES[e.vendor] : 'The vendor';
    const why = isVendorError(e) || e instanceof AppFailure ? ` (${e.message})` : '';
    throw new AppFailure(
      'bad_response',
      `${who} made the change, but Proxydeck could not read the result back${why}. Refresh the account to see it; do not make the change again.`,
    );
  }
}

/** All of `wanted` in `have` → true; none → false; some → null (cannot tell which way it went). */
export function allOrNone(have: ReadonlySet<string>, wanted: readonly string[]): boolean | null {
  const n = wanted.filter((w) => have.has(w)).length;
  if (n === wanted.length) return true;
  if (n === 0) return false;
  return null;
}
