/**
 * Allowlist (#11, #12) and proxy-account (sub-user, #2–#9) writes. Each vendor request is one write
 * under the write outcome rule; re-reads happen outside it, so a failing re-read never turns an
 * applied write into a failure.
 *
 * Creating a sub-user with a cap takes two requests (#2 has no cap field, #8 sets it). When the
 * second fails, the account exists without its cap: SubUserCapError says so in plain words and
 * carries the username, and `updateSubUser(username, { limitBytes })` retries just the cap.
 */
import type { SubUser } from '../../../preload/contract/model';
import { VENDOR_NAMES, VendorError, type VendorErrorCode } from '../errors';
import type { SubUserInput, SubUserPatch } from '../vendor-client';
import type { BestproxyClient } from './client';
import { GB, PATHS, PRODUCT_TYPE } from './constants';

const ALNUM = /^[A-Za-z0-9]+$/;
const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]+)$/;
const VERIFY_TYPES = ['phone', 'email', 'wechat', 'totp'] as const;
/** Sub-account caps are whole GB, at most 102400; 0 means no cap (reference §3.1). */
const MAX_LIMIT_GB = 102_400;

/**
 * The second step of createSubUser (its traffic cap) did not certainly happen: the account EXISTS,
 * without its cap. `stepOutcome` 'refused' = BestProxy refused the cap (documented refusal);
 * 'unknown' = its answer could not be read (code outcome_unknown, uncertain). Retry only the cap
 * with updateSubUser(subUserId, { limitBytes }).
 */
export class SubUserCapError extends VendorError {
  readonly subUserId: string;
  readonly pendingStep = 'limit' as const;
  readonly stepOutcome: 'refused' | 'unknown';
  readonly limitGb: number;

  constructor(username: string, limitGb: number, outcome: 'refused' | 'unknown', cause: VendorError) {
    const name = VENDOR_NAMES.bestproxy;
    const rest = `Until the cap is set, "${username}" works without one; setting the cap again retries only that step.`;
    const sentence =
      outcome === 'refused'
        ? `${name} created the proxy account "${username}" but did not set its traffic cap of ${limitGb} GB. ${cause.message} ${rest}`
        : `${name} created the proxy account "${username}", but Proxydeck cannot tell whether it also set its traffic cap of ${limitGb} GB: the answer could not be read. Check the cap in the account list. ${rest}`;
    const code: VendorErrorCode = outcome === 'refused' ? cause.code : 'outcome_unknown';
    super('bestproxy', code, {
      sentence,
      uncertain: outcome === 'unknown',
      ...(cause.vendorCode !== undefined ? { vendorCode: cause.vendorCode } : {}),
      ...(cause.httpStatus !== undefined ? { httpStatus: cause.httpStatus } : {}),
      cause,
    });
    this.name = 'SubUserCapError';
    this.subUserId = username;
    this.stepOutcome = outcome;
    this.limitGb = limitGb;
  }
}

function checkIps(c: BestproxyClient, ips: string[]): string[] {
  const clean = ips.map((s) => s.trim()).filter(Boolean);
  if (clean.length === 0) c.invalid('No IP address was given.');
  const bad = clean.find((s) => !IP.test(s));
  if (bad) c.invalid(`"${bad}" is not an IP address.`);
  return clean;
}

/** #11 for dynamic residential traffic (type 9): the API needs a package type and the interface has none. */
export async function addWhitelist(c: BestproxyClient, ips: string[]): Promise<void> {
  const clean = checkIps(c, ips);
  await c.writeOnce(() => c.post(PATHS.ipAdd, { ips: clean.join(','), product_type: PRODUCT_TYPE.dynamicTraffic }));
}

/** #12 needs a one-time code (phone, email, wechat or totp); without one we stop before calling. */
export async function removeWhitelist(
  c: BestproxyClient,
  ips: string[],
  opts?: { verifyCode?: string; verifyType?: string },
): Promise<void> {
  const clean = checkIps(c, ips);
  const code = opts?.verifyCode?.trim();
  if (!code) {
    c.invalid(
      'BestProxy asks for a verification code to remove allowlist IPs (for example the code of your authenticator app).',
    );
  }
  const type = opts?.verifyType ?? 'totp';
  if (!(VERIFY_TYPES as readonly string[]).includes(type)) {
    c.invalid('The verification type must be phone, email, wechat or totp.');
  }
  await c.writeOnce(() => c.post(PATHS.ipDelete, { ips: clean.join(','), verify_type: type, verify_code: code }));
}

/** Caps are whole GB: bytes are rounded to the nearest GB, at least 1 (0 would mean "no cap"). */
function limitGb(c: BestproxyClient, bytes: number | null | undefined): number {
  if (bytes === null || bytes === undefined) return 0;
  if (!Number.isFinite(bytes) || bytes < 0) c.invalid('The traffic limit must be a positive number.');
  return Math.min(MAX_LIMIT_GB, Math.max(1, Math.round(bytes / GB)));
}

/** #2, then #8 for the cap (two requests: see SubUserCapError), then a re-read of #1. */
export async function createSubUser(c: BestproxyClient, input: SubUserInput): Promise<SubUser | null> {
  if (!ALNUM.test(input.username)) c.invalid('The username may contain only letters and digits.');
  if (!ALNUM.test(input.password)) c.invalid('The password may contain only letters and digits.');
  const cap = limitGb(c, input.limitBytes);
  await c.writeOnce(() =>
    c.post(PATHS.accountAdd, {
      accounts: `${input.username}:${input.password}`,
      remark: input.note ?? '',
      product_type: PRODUCT_TYPE.dynamicTraffic,
    }),
  );
  if (cap > 0) {
    const step = await c.settleOnce(() => c.post(PATHS.accountLimit, { account: input.username, limit: cap }));
    if (step.outcome !== 'applied') throw new SubUserCapError(input.username, cap, step.outcome, step.error);
  }
  try {
    return (await c.listSubUsers()).find((u) => u.username === input.username) ?? null;
  } catch {
    return null; // created; the list is read again on the next refresh
  }
}

/**
 * One changed field → its single-purpose endpoint (#4–#8); several → /proxy-account/change (#9) in
 * one call, so a half-applied edit cannot happen.
 */
export async function updateSubUser(c: BestproxyClient, id: string, patch: SubUserPatch): Promise<void> {
  if (patch.password !== undefined && !ALNUM.test(patch.password)) {
    c.invalid('The password may contain only letters and digits.');
  }
  const changes: Record<string, unknown> = {};
  if (patch.password !== undefined) changes.password = patch.password;
  if (patch.note !== undefined) changes.remark = patch.note ?? '';
  if (patch.limitBytes !== undefined) changes.limit = limitGb(c, patch.limitBytes);
  if (patch.status !== undefined) changes.status = patch.status === 'active' ? 1 : 0;
  const keys = Object.keys(changes);
  if (keys.length === 0) return;
  if (keys.length > 1) {
    if (patch.password !== undefined && (patch.password.length < 6 || patch.password.length > 16)) {
      c.invalid('The password must be 6 to 16 letters or digits.');
    }
    await c.writeOnce(() => c.post(PATHS.accountChange, { account: id, ...changes }));
    return;
  }
  const [path, body]: [string, Record<string, unknown>] =
    changes.password !== undefined
      ? [PATHS.accountPassword, { account: id, password: changes.password }]
      : changes.remark !== undefined
        ? [PATHS.accountRemark, { account: id, remark: changes.remark }]
        : changes.limit !== undefined
          ? [PATHS.accountLimit, { account: id, limit: changes.limit }]
          : [changes.status === 1 ? PATHS.accountEnable : PATHS.accountDisable, { accounts: id }];
  await c.writeOnce(() => c.post(path, body));
}

/** #3 (irreversible; the account keeps working about 5 minutes). */
export async function deleteSubUser(c: BestproxyClient, id: string): Promise<void> {
  await c.writeOnce(() => c.post(PATHS.accountDelete, { accounts: id }));
}
