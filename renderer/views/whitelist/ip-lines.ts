/**
 * The whitelist paste box: one entry per line, checked with the contract's address rule, and CIDR
 * ranges (203.0.113.0/24) handled by the vendor's declared rule (VENDOR_FORM_RULES.whitelist.cidr):
 * kept as ranges where the vendor takes them, else named as ranges the vendor refuses, with the
 * single addresses offered instead when the range is small enough to add.
 */
import { IpAddressSchema } from '../../../preload/contract/schemas';

export interface ParsedLines {
  valid: string[];
  /** `ipv6`: a valid IPv6 address the vendor does not take (VENDOR_FORM_RULES.whitelist.ipv6). */
  invalid: { line: number; value: string; ipv6?: true }[];
  /** Ranges on lines the vendor does not take as ranges (with how many addresses each holds). */
  ranges: { line: number; value: string; size: number; expandable: boolean }[];
}

/** The most addresses one range may expand to (a /24); the vendor call takes 500 at most. */
export const MAX_EXPAND = 256;

/** An IPv4 CIDR range, or null. */
export function parseCidr(value: string): { base: number; prefix: number; size: number } | null {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(value.trim());
  if (!m || !IpAddressSchema.safeParse(m[1]).success) return null;
  const prefix = Number(m[2]);
  if (prefix > 32) return null;
  const base = m[1]!.split('.').reduce((n, p) => n * 256 + Number(p), 0);
  const size = 2 ** (32 - prefix);
  return { base: base - (base % size), prefix, size };
}

const ipv4 = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/** Every address of a range (only called for ranges up to MAX_EXPAND). */
export function expandCidr(value: string): string[] {
  const r = parseCidr(value);
  if (!r || r.size > MAX_EXPAND) return [];
  return Array.from({ length: r.size }, (_, i) => ipv4(r.base + i));
}

/** One entry per line; blank lines ignored; duplicates kept once. */
export function parseIpLines(text: string, opts: { cidr?: boolean; ipv6?: boolean } = {}): ParsedLines {
  const valid: string[] = [];
  const invalid: ParsedLines['invalid'] = [];
  const ranges: ParsedLines['ranges'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const value = raw.trim();
    if (!value) return;
    const range = parseCidr(value);
    if (opts.ipv6 === false && value.includes(':') && IpAddressSchema.safeParse(value).success) {
      invalid.push({ line: i + 1, value, ipv6: true });
    } else if (IpAddressSchema.safeParse(value).success || (range && opts.cidr)) {
      if (!valid.includes(value)) valid.push(value);
    } else if (range) {
      ranges.push({ line: i + 1, value, size: range.size, expandable: range.size <= MAX_EXPAND });
    } else {
      invalid.push({ line: i + 1, value });
    }
  });
  return { valid, invalid, ranges };
}

/** The text with each expandable range replaced by its single addresses (one per line). */
export function expandRangesInText(text: string): string {
  return text
    .split(/\r?\n/)
    .flatMap((raw) => {
      const r = parseCidr(raw);
      return r && r.size <= MAX_EXPAND ? expandCidr(raw) : [raw];
    })
    .join('\n');
}
