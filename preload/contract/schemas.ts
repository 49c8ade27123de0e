/**
 * Runtime schemas of every IPC argument (zod). Main parses each call's arguments with these before
 * any handler runs; the renderer uses the same ones for form validation. Preload never imports this
 * file at runtime (it only needs channel names), so the sandboxed preload stays small.
 */
import { z } from 'zod';
import { VENDOR_IDS } from './model';

export const VendorIdSchema = z.enum(VENDOR_IDS);

export const AccountIdSchema = z.string().uuid({ message: 'Unknown account.' });

/**
 * A lone UTF-16 surrogate (half of an emoji's pair, left by a cut-off paste or a broken tool) cannot
 * be written as UTF-8: files, logs, exports and vendors would get a replacement character instead of
 * what the user typed. With the `u` flag a well-formed pair is one code point, so `\p{Cs}` only
 * matches halves that stand alone; emoji, CJK and other astral characters pass.
 */
const LONE_SURROGATE = /\p{Cs}/u;
export const isWellFormedText = (s: string): boolean => !LONE_SURROGATE.test(s);
/** For text copied from vendor data (not typed by the user): each lone surrogate becomes U+FFFD. */
export const toWellFormedText = (s: string): string => s.replace(/\p{Cs}/gu, '\uFFFD');

/** The refusal of each user text field, naming the field (the renderer translates them by this text). */
export const UNSAVABLE_TEXT = {
  label: 'The name contains a character that cannot be saved. Remove it and try again.',
  credential: 'This value contains a character that cannot be saved. Copy it again and paste it here.',
  username: 'The username contains a character that cannot be saved. Remove it and try again.',
  password: 'The password contains a character that cannot be saved. Remove it and try again.',
  note: 'The note contains a character that cannot be saved. Remove it and try again.',
  verifyCode: 'The verification code contains a character that cannot be saved. Type it again.',
} as const;
export type TextField = keyof typeof UNSAVABLE_TEXT;

/** The one rule for user text: a string that refuses lone surrogates with the field's message. */
export const wellFormedText = (field: TextField) =>
  z.string().refine(isWellFormedText, { message: UNSAVABLE_TEXT[field] });

export const LabelSchema = wellFormedText('label')
  .trim()
  .min(1, { message: 'Give the account a name.' })
  .max(60, { message: 'Keep the name under 60 characters.' })
  // Control characters would break lists and exports.
  .refine((s) => !/\p{Cc}/u.test(s), { message: 'The name contains characters that cannot be shown.' });

/** Credential values: printable, no surrounding spaces (trimmed), bounded (Windows caps secrets at 2560 bytes). */
export const CredentialValueSchema = wellFormedText('credential')
  .trim()
  .min(1, { message: 'This field is required.' })
  .max(512, { message: 'This value is too long to be a key.' })
  .refine((s) => !/[\p{Cc}\s]/u.test(s), { message: 'Keys never contain spaces or line breaks. Copy it again.' });

export const CredentialsSchema = z.record(z.string().min(1).max(40), CredentialValueSchema);

export const AddAccountInputSchema = z.object({
  vendor: VendorIdSchema,
  label: LabelSchema,
  credentials: CredentialsSchema,
});
export type AddAccountInput = z.input<typeof AddAccountInputSchema>;

export const RenameAccountInputSchema = z.object({ id: AccountIdSchema, label: LabelSchema });
export const AccountRefSchema = z.object({ id: AccountIdSchema });
export const TestCredentialsInputSchema = z.object({ vendor: VendorIdSchema, credentials: CredentialsSchema });

export const CONNECTION_MODES = ['direct', 'system', 'proxy'] as const;
export const PROXY_PROTOCOLS = ['http', 'https', 'socks5'] as const;

/** The refusals of the proxy fields (the renderer translates them by this text). */
export const PROXY_FIELD_TEXT = {
  host: 'Enter the proxy address: a host name or an IP address, without http:// in front.',
  port: 'Enter the proxy port: a whole number from 1 to 65535.',
  username: 'The proxy user name is too long or contains a character that cannot be used. Type it again.',
  password: 'The proxy password is too long or contains a character that cannot be used. Type it again.',
} as const;

/** A host name (RFC 1123 labels) or an IPv4 address, or an IPv6 address (with or without brackets). */
const isProxyHost = (v: string): boolean =>
  (v.length <= 253 &&
    /^(?=.*[a-zA-Z0-9])[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(
      v,
    )) ||
  isIPv4(v) ||
  isIPv6(v.replace(/^\[(.*)\]$/, '$1'));

/** Visible characters only (a proxy login travels in a header: no spaces or control characters). */
const proxyLogin = (field: 'username' | 'password') =>
  z
    .string()
    .max(255, { message: PROXY_FIELD_TEXT[field] })
    .refine((s) => isWellFormedText(s) && !/[\p{Cc}]/u.test(s) && (field === 'password' || !s.includes(':')), {
      message: PROXY_FIELD_TEXT[field],
    });

export const ProxyServerSchema = z
  .object({
    protocol: z.enum(PROXY_PROTOCOLS),
    host: z.string().trim().min(1, { message: PROXY_FIELD_TEXT.host }).refine(isProxyHost, {
      message: PROXY_FIELD_TEXT.host,
    }),
    port: z
      .number({ message: PROXY_FIELD_TEXT.port })
      .int({ message: PROXY_FIELD_TEXT.port })
      .min(1, {
        message: PROXY_FIELD_TEXT.port,
      })
      .max(65535, { message: PROXY_FIELD_TEXT.port }),
    /** Optional login; the password is never here: it lives in the keychain ('settings:setProxyPassword'). */
    username: proxyLogin('username').optional(),
  })
  .strict();
export type ProxyServer = z.infer<typeof ProxyServerSchema>;

/** "Connect to vendors": directly, through the system proxy, or through this proxy (which then must be given). */
export const ConnectionSettingsSchema = z
  .object({ mode: z.enum(CONNECTION_MODES), proxy: ProxyServerSchema.optional() })
  .strict()
  .refine((c) => c.mode !== 'proxy' || c.proxy !== undefined, {
    message: PROXY_FIELD_TEXT.host,
    path: ['proxy', 'host'],
  });
export type ConnectionSettings = z.infer<typeof ConnectionSettingsSchema>;

/** The proxy password: set (kept in the keychain) or null to forget it. */
export const ProxyPasswordInputSchema = z.object({ password: proxyLogin('password').min(1).nullable() }).strict();

/** A connection test of the settings on screen (maybe unsaved); `password` = typed but not saved yet. */
export const ConnectionTestInputSchema = z
  .object({ connection: ConnectionSettingsSchema, password: proxyLogin('password').optional() })
  .strict();

export const THEMES = ['system', 'light', 'dark'] as const;
export const LANGUAGES = ['en', 'zh-CN'] as const;

export const RunwayDaysSchema = z.number().int().min(1).max(180);
export const RunwayAlertDaysSchema = z.number().int().min(0).max(90);

/**
 * Proxy health check and public IP (issue 15): the check URL answers the caller's IP and country as JSON
 * ({ ip, country }); called directly it gives the computer's public IP, through a proxy its exit.
 */
export const HealthSettingsSchema = z
  .object({
    checkUrl: z.string().url().max(300),
    /** How many proxies are checked at once. */
    concurrency: z.number().int().min(1).max(64),
    timeoutMs: z.number().int().min(1000).max(60_000),
    /** Latency above this is "slow". */
    slowMs: z.number().int().min(100).max(60_000),
  })
  .strict();
export type HealthSettings = z.infer<typeof HealthSettingsSchema>;
export const DEFAULT_HEALTH_SETTINGS: HealthSettings = {
  checkUrl: 'https://ipinfo.io/json',
  concurrency: 8,
  timeoutMs: 10_000,
  slowMs: 1500,
};

export const SettingsSchema = z.object({
  /** Minutes between background refreshes; 0 = manual only. */
  refreshIntervalMin: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** "Expiring soon" window, days. */
  expiryWindowDays: z.number().int().min(1).max(90),
  /** Reminder thresholds, days before expiry. */
  reminderDays: z.array(z.number().int().min(0).max(90)).max(6),
  /** "Low balance" warning line in whole US dollars (other currencies at a fixed rounded rate); 0 = off. */
  lowBalanceUsd: z.number().int().min(0).max(100_000),
  theme: z.enum(THEMES),
  language: z.enum(LANGUAGES),
  /** How vendor APIs are reached (issue 13 §7); files written before it have none: direct. */
  connection: ConnectionSettingsSchema.default({ mode: 'direct' }),
  /** Balance runway (issue 16): committed renewals counted this many days ahead; older files: 30. */
  runwayDays: RunwayDaysSchema.default(30),
  /** A reminder when the balance runs short within this many days; 0 = off; older files: 7. */
  runwayAlertDays: RunwayAlertDaysSchema.default(7),
  /** Issue 15: the check URL and limits of the health check; older files: the defaults. */
  health: HealthSettingsSchema.default(DEFAULT_HEALTH_SETTINGS),
  /** Issue 15 "Follow my IP": on each refresh, compare the public IP with the last one seen and ask once. */
  followPublicIp: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  refreshIntervalMin: 30,
  expiryWindowDays: 7,
  reminderDays: [7, 3, 1],
  lowBalanceUsd: 5,
  theme: 'system',
  language: 'en',
  connection: { mode: 'direct' },
  runwayDays: 30,
  runwayAlertDays: 7,
  health: DEFAULT_HEALTH_SETTINGS,
  followPublicIp: false,
};

// `connection` without its default: a patch that does not name it must leave it as it is.
// The same for the fields with defaults for older files (runway settings).
export const SettingsPatchSchema = SettingsSchema.extend({
  connection: ConnectionSettingsSchema,
  runwayDays: RunwayDaysSchema,
  runwayAlertDays: RunwayAlertDaysSchema,
  health: HealthSettingsSchema,
  followPublicIp: z.boolean(),
})
  .partial()
  .strict();

/** IPv4 or IPv6 (no CIDR; vendors whitelist single addresses). Checked again in main before sending. */
export const IpAddressSchema = z
  .string()
  .trim()
  .refine((v) => isIPv4(v) || isIPv6(v), { message: 'This is not a valid IPv4 or IPv6 address.' });

function isIPv4(v: string): boolean {
  const parts = v.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIPv6(v: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(v) || !v.includes(':')) return false;
  const double = v.split('::');
  if (double.length > 2) return false;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(double[0] ?? '');
  const tail = double.length === 2 ? groups(double[1] ?? '') : [];
  const all = [...head, ...tail];
  const last = all[all.length - 1];
  const hasV4 = last?.includes('.') === true;
  if (hasV4 && !isIPv4(last as string)) return false;
  const hexGroups = hasV4 ? all.slice(0, -1) : all;
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const width = hexGroups.length + (hasV4 ? 2 : 0);
  return double.length === 2 ? width < 8 : width === 8;
}

export const WhitelistChangeSchema = z.object({
  accountId: AccountIdSchema,
  ips: z.array(IpAddressSchema).min(1).max(500),
  /** BestProxy asks for a verification code to remove entries. */
  verifyCode: wellFormedText('verifyCode').trim().max(32).optional(),
});

const LimitBytesSchema = z
  .number()
  .int()
  .min(0)
  .max(2 ** 53)
  .nullable();

export const SubUserCreateSchema = z.object({
  accountId: AccountIdSchema,
  username: wellFormedText('username').trim().min(1).max(64),
  password: wellFormedText('password').max(64),
  limitBytes: LimitBytesSchema,
  note: wellFormedText('note').max(200).nullable().optional(),
});

export const SubUserUpdateSchema = z.object({
  accountId: AccountIdSchema,
  id: z.string().min(1).max(128),
  patch: z
    .object({
      password: wellFormedText('password').max(64).optional(),
      limitBytes: LimitBytesSchema.optional(),
      status: z.enum(['active', 'disabled']).optional(),
      note: wellFormedText('note').max(200).nullable().optional(),
    })
    .strict(),
});

export const SubUserRefSchema = z.object({ accountId: AccountIdSchema, id: z.string().min(1).max(128) });

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a date like 2026-11-23.' });

export const TrafficQuerySchema = z.object({
  accountId: AccountIdSchema,
  from: DaySchema,
  to: DaySchema,
  granularity: z.enum(['day', 'hour']),
  subUserId: z.string().max(128).nullable().optional(),
});
