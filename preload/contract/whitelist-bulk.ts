/**
 * Whitelist once for many accounts (issue 15 §2): the computer's public IP, a pasted list checked per
 * line against each vendor's rules (VENDOR_FORM_RULES.whitelist, the one place they are declared)
 * before anything is sent, and "Follow my IP". Shared by main (which checks again before sending) and
 * the window (which shows the same verdicts as the user types).
 */
import { z } from 'zod';
import type { AppError } from './errors';
import { AccountIdSchema, IpAddressSchema } from './schemas';
import type { VendorFormRules } from './vendors';

export interface PublicIp {
  ip: string;
  /** ISO time of the check. */
  checkedAt: string;
}

/** The most lines one paste may hold (the vendor call takes 500 addresses at most). */
export const MAX_BULK_LINES = 500;

export const WhitelistBulkInputSchema = z
  .object({
    accountIds: z.array(AccountIdSchema).min(1).max(200),
    text: z.string().max(100_000),
  })
  .strict();
export type WhitelistBulkInput = z.infer<typeof WhitelistBulkInputSchema>;

/** What one line is, for one account (the window says it as `whitelistBulk.verdict.<v>`). */
export const LINE_VERDICTS = [
  'ok', // will be sent
  'invalid', // not an IPv4 / IPv6 address
  'ipv6', // an IPv6 address this vendor does not take
  'range', // a CIDR range this vendor does not take
  'duplicate', // the same address on an earlier line
  'listed', // already on this account's whitelist
  'full', // no room left on this account's whitelist for it
  'too_many', // past the most lines one paste may hold
] as const;
export type LineVerdict = (typeof LINE_VERDICTS)[number];

export interface CheckedLine {
  line: number;
  value: string;
  verdict: LineVerdict;
}

export interface BulkAccountPlan {
  accountId: string;
  lines: CheckedLine[];
  /** The lines that will be sent, in order. */
  toAdd: string[];
  /** Slots left before sending; null when nobody says. */
  room: number | null;
  /** The whitelist has no room for at least one line (said before sending). */
  full: boolean;
  /** The account's list could not be read (nothing will be sent to it). */
  error: AppError | null;
}

export interface BulkAccountResult {
  accountId: string;
  /** Sent and read back on the vendor's list. */
  added: string[];
  /** Lines not sent, with why (the plan's refusals). */
  refused: CheckedLine[];
  error: AppError | null;
}

/** Same address, whatever the spelling of an IPv6 one (case). */
export const ipKey = (ip: string) => ip.trim().toLowerCase();

const CIDR = /^[0-9a-fA-F:.]+\/\d{1,3}$/;

/**
 * Checks every line of a paste for one account: the vendor's rules, duplicates, what the account
 * already lists, and how much room its whitelist has left. Pure: main and the window agree.
 */
export function checkLines(
  text: string,
  rules: NonNullable<VendorFormRules['whitelist']>,
  listed: Iterable<string>,
  room: number | null,
): Omit<BulkAccountPlan, 'accountId' | 'error'> {
  const have = new Set([...listed].map(ipKey));
  const seen = new Set<string>();
  const lines: CheckedLine[] = [];
  const toAdd: string[] = [];
  const fixedRoom = typeof rules.maxEntries === 'number' ? Math.max(0, rules.maxEntries - have.size) : null;
  const left = room ?? fixedRoom;
  let count = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const value = raw.trim();
    if (!value) return;
    count += 1;
    const key = ipKey(value);
    let verdict: LineVerdict;
    if (count > MAX_BULK_LINES) verdict = 'too_many';
    else if (CIDR.test(value) && !rules.cidr) verdict = 'range';
    else if (!IpAddressSchema.safeParse(value).success) verdict = 'invalid';
    else if (value.includes(':') && !rules.ipv6) verdict = 'ipv6';
    else if (seen.has(key)) verdict = 'duplicate';
    else if (have.has(key)) verdict = 'listed';
    else if (left !== null && toAdd.length >= left) verdict = 'full';
    else verdict = 'ok';
    seen.add(key);
    if (verdict === 'ok') toAdd.push(value);
    lines.push({ line: i + 1, value, verdict });
  });
  return { lines, toAdd, room: left, full: lines.some((l) => l.verdict === 'full') };
}

// ---------- Follow my IP ----------

/** A change of the public IP waiting for the user's answer. */
export interface FollowIpPrompt {
  changeId: string;
  from: string;
  to: string;
  detectedAt: string;
  /** The accounts (with whitelist editing) whose whitelist had `from` at the last refresh. */
  accounts: { accountId: string; label: string; removeNeedsCode: boolean }[];
}

export const FollowIpRefSchema = z.object({ changeId: z.string().min(1).max(100) }).strict();

export const FollowIpReplaceSchema = z
  .object({
    changeId: z.string().min(1).max(100),
    accounts: z
      .array(
        z
          .object({
            accountId: AccountIdSchema,
            /** BestProxy: the one-time code its removal needs; without it the old entry stays. */
            verifyCode: z.string().trim().min(1).max(32).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();
export type FollowIpReplace = z.infer<typeof FollowIpReplaceSchema>;

export interface FollowIpAccountResult {
  accountId: string;
  /** The new IP is on the account's list (added now, or already there). */
  added: boolean;
  /** 'done' removed; 'kept' not removed because adding failed; 'needs_code' no code given; 'failed'. */
  removed: 'done' | 'kept' | 'needs_code' | 'failed';
  error: AppError | null;
}
