/**
 * The residential endpoint generator (issue 14 §2): what a vendor offers (modes, filters, sessions),
 * its location lists, and the generate request and answer. Generation moves no money: an extract link
 * is a read of the vendor's pool, a gateway login is built locally.
 *
 * Notes are codes (not sentences) so the window says them in its own language.
 */
import { z } from 'zod';
import type { WhitelistEntry } from './model';
import { AccountIdSchema } from './schemas';

/**
 * extract: the vendor hands out entry endpoints (Thordata E1, BestProxy ip/v3), authorised by IP whitelist;
 * unlimited: Thordata's unlimited-server extract link (E2);
 * gateway: a login built locally with targeting in the username (ProxyShard).
 */
export const RESIDENTIAL_MODES = ['extract', 'unlimited', 'gateway'] as const;
export type ResidentialMode = (typeof RESIDENTIAL_MODES)[number];

export const LOCATION_LEVELS = ['country', 'state', 'city', 'asn'] as const;
export type LocationLevel = (typeof LOCATION_LEVELS)[number];

export const SESSION_KINDS = ['rotating', 'sticky'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const RESIDENTIAL_PROTOCOLS = ['http', 'socks5'] as const;
export type ResidentialProtocol = (typeof RESIDENTIAL_PROTOCOLS)[number];

/** Things the window says about a mode or an answer (translated there: `residential.notes.<code>`). */
export const RESIDENTIAL_NOTES = [
  'whitelistNeeded', // Thordata E1/E2: your public IP must be on the account's whitelist
  'stickyFixed10', // Thordata: a sticky session lasts 10 minutes (fixed)
  'cityUnverified', // Thordata: state/city in the extract link use the SDK's names (not in the docs)
  'serverIdUnverified', // Thordata E2: the server short id is taken from the hostname (unverified)
  'accountTreeRefused', // BestProxy: the account's own list (V4) refused the app key; the general list is used
  'accountTreeUsed', // BestProxy: the list of the chosen proxy account (V4)
  'lifetimeMinutes', // BestProxy: session lifetime in minutes (`life`)
  'rotatingSame', // ProxyShard: rotating lines are the same login; every connection gets a new IP
  'ttlUnverified', // ProxyShard: the session lifetime token (-ttl-) is not confirmed by the vendor
  'passwordInside', // the lines carry the proxy password: copy/export only when you mean to
] as const;
export type ResidentialNote = (typeof RESIDENTIAL_NOTES)[number];

export interface ResidentialChoice {
  id: string;
  label: string;
}

export interface ResidentialModeInfo {
  mode: ResidentialMode;
  /** Filters this mode takes, in order; the first is required when `countryRequired`. */
  levels: LocationLevel[];
  countryRequired: boolean;
  /** The city list needs a state or region first (ProxyShard lists cities per region). */
  cityNeedsState: boolean;
  sessions: SessionKind[];
  /** Sticky lifetime in minutes the user may choose; null when the vendor fixes it or has none. */
  lifetime: { min: number; max: number } | null;
  maxCount: number;
  /** What the login field is: the vendor account name typed by the user (Thordata `td-customer`), one of `logins`, or none. */
  login: 'typed' | 'pick' | null;
  /** Entry gateways to choose from (BestProxy `ep`, ProxyShard relay hosts); empty = none to choose. */
  gateways: string[];
  /** Thordata E2: the unlimited servers. */
  servers: ResidentialChoice[];
  /**
   * Thordata: the whitelist this mode's extract link needs (entries null when it could not be read).
   * `canAdd`: the window may add an IP to it here (through `whitelist:add`); otherwise the Whitelists view.
   */
  whitelist: { entries: WhitelistEntry[] | null; canAdd: boolean } | null;
  notes: ResidentialNote[];
}

export interface ResidentialForm {
  modes: ResidentialModeInfo[];
  /** Logins to pick from: BestProxy proxy accounts (their own location list), ProxyShard pools and sub-users. */
  logins: ResidentialChoice[];
}

export interface ResidentialPlace {
  code: string;
  name: string;
}

export interface ResidentialLocations {
  level: LocationLevel;
  places: ResidentialPlace[];
  notes: ResidentialNote[];
}

export interface ResidentialEndpoint {
  host: string;
  port: number;
  /** Gateway logins carry credentials; extract endpoints (whitelist auth) carry none. */
  user: string | null;
  pass: string | null;
}

export interface ResidentialResult {
  endpoints: ResidentialEndpoint[];
  protocol: ResidentialProtocol;
  country: string | null;
  notes: ResidentialNote[];
}

const Code = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{M}\p{N} .,_'’()&/-]+$/u, 'Unexpected characters in a location.');
const LoginText = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:@-]+$/, 'Only letters, digits and . _ : @ - are allowed here.');

export const ResidentialFormQuerySchema = z.object({ accountId: AccountIdSchema }).strict();

export const ResidentialLocationsQuerySchema = z
  .object({
    accountId: AccountIdSchema,
    mode: z.enum(RESIDENTIAL_MODES),
    level: z.enum(LOCATION_LEVELS),
    country: Code.optional(),
    state: Code.optional(),
    login: LoginText.optional(),
  })
  .strict();
export type ResidentialLocationsQuery = z.infer<typeof ResidentialLocationsQuerySchema>;

export const ResidentialRequestSchema = z
  .object({
    accountId: AccountIdSchema,
    mode: z.enum(RESIDENTIAL_MODES),
    login: LoginText.optional(),
    country: Code.optional(),
    state: Code.optional(),
    city: Code.optional(),
    asn: Code.optional(),
    session: z.enum(SESSION_KINDS),
    lifetimeMinutes: z.number().int().min(1).max(1440).optional(),
    count: z.number().int().min(1).max(1000),
    protocol: z.enum(RESIDENTIAL_PROTOCOLS),
    gateway: LoginText.optional(),
    server: LoginText.optional(),
  })
  .strict();
export type ResidentialRequest = z.infer<typeof ResidentialRequestSchema>;
