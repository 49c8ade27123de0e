/**
 * What each vendor asks for when the user adds an account. Shared by the add-account form
 * (labels, help) and main (validation). No runtime imports.
 */
import type { RenewTargetKind, VendorId } from './model';

export interface CredentialField {
  /** Key in the credentials object. */
  name: string;
  label: string;
  /** Where to find it, in plain words. */
  help: string;
  /** True for fields that are secrets (masked input). */
  secret: boolean;
}

export interface VendorInfo {
  id: VendorId;
  name: string;
  website: string;
  fields: CredentialField[];
  /**
   * 'utc': the vendor's times are absolute (offsets, or a documented zone). 'vendor': its docs state no
   * zone for its plain "2026-11-23 12:00" times; they are kept as those wall-clock digits and the
   * window shows them as "vendor time", never converted to the computer's zone.
   */
  naiveTime: 'utc' | 'vendor';
  /**
   * How this vendor renews each kind of item (read by the renew flow; never decided by vendor name in a
   * view). 'here': price check and pay in Proxydeck. 'onHold': only once it has ended and is on hold;
   * until then its auto-renew renews it on time. 'dashboard': only in the vendor's own dashboard.
   * 'viaOrder': renewed as its whole order (the order's rule applies). 'none': cannot be renewed.
   */
  renewal: Record<RenewTargetKind, RenewRule>;
  /**
   * 'onHold' rule only: for how many days after an item ends the vendor keeps it on hold and still renews
   * it (documented); after that it is gone. Absent = the vendor does not say.
   */
  holdDays?: number;
  /** The vendor's own pages the app may open (never a URL from the window). */
  pages: Record<VendorPage, string>;
}

export type RenewRule = 'here' | 'onHold' | 'dashboard' | 'viaOrder' | 'none';
export const VENDOR_PAGES = ['dashboard', 'topup'] as const;
export type VendorPage = (typeof VENDOR_PAGES)[number];

export const VENDORS: Record<VendorId, VendorInfo> = {
  thordata: {
    id: 'thordata',
    name: 'Thordata',
    website: 'https://dashboard.thordata.com',
    naiveTime: 'vendor',
    renewal: { order: 'dashboard', ip: 'dashboard', server: 'here' },
    pages: { dashboard: 'https://dashboard.thordata.com', topup: 'https://dashboard.thordata.com' },
    fields: [
      {
        name: 'token',
        label: 'Token',
        help: 'In the Thordata dashboard open the menu, then My Account (Account settings). Copy the token shown there.',
        secret: true,
      },
      {
        name: 'key',
        label: 'Key',
        help: 'On the same My Account page, copy the key. If you regenerate it there, update it here too.',
        secret: true,
      },
    ],
  },
  proxyshard: {
    id: 'proxyshard',
    name: 'ProxyShard',
    website: 'https://dashboard.proxyshard.com',
    naiveTime: 'utc',
    renewal: { order: 'onHold', ip: 'viaOrder', server: 'none' },
    // Docs §4.2: three days after expiry without payment the order is cancelled and its IPs are lost.
    holdDays: 3,
    pages: { dashboard: 'https://dashboard.proxyshard.com', topup: 'https://dashboard.proxyshard.com' },
    fields: [
      {
        name: 'apiKey',
        label: 'API key',
        help: 'Sign in to dashboard.proxyshard.com and copy your API key from the dashboard.',
        secret: true,
      },
    ],
  },
  youproxy: {
    id: 'youproxy',
    name: 'YouProxy',
    website: 'https://youproxy.io',
    naiveTime: 'utc',
    renewal: { order: 'here', ip: 'here', server: 'none' },
    pages: { dashboard: 'https://youproxy.io', topup: 'https://youproxy.io' },
    fields: [
      {
        name: 'apiKey',
        label: 'API key',
        help: 'Sign in at youproxy.io and open the API section of your personal account to copy your personal API key.',
        secret: true,
      },
    ],
  },
  bestproxy: {
    id: 'bestproxy',
    name: 'BestProxy',
    website: 'https://www.bestproxy.com',
    naiveTime: 'vendor',
    renewal: { order: 'here', ip: 'here', server: 'none' },
    pages: { dashboard: 'https://www.bestproxy.com', topup: 'https://www.bestproxy.com' },
    fields: [
      {
        name: 'appKey',
        label: 'App key',
        help: 'Sign in to BestProxy; the app_key is shown on the personal center home page. It has full rights over your account, so keep it private.',
        secret: true,
      },
    ],
  },
};

/** Credentials as stored in the keychain: one flat string map per account. */
export type Credentials = Record<string, string>;

// ---------------------------------------------------------------------------------------------
// Form rules (issue 11, points 9 and 14), declared per vendor from its docs (shared/vendors/*.md),
// so the window can say them as help text and check them as the user types, before the vendor
// refuses. Read by the renderer (help + live checks) and kept in step with main's checks by
// test/unit/forms-rules.test.ts. Help sentences are the renderer's (translated), keyed by rule.
// ---------------------------------------------------------------------------------------------

/** A text rule. `alnum`: ASCII letters and digits only. */
export interface TextRule {
  minLength?: number;
  maxLength?: number;
  charset?: 'alnum';
  /** Must start with a letter (Thordata passwords). */
  startsWithLetter?: boolean;
}

/** Shape rules of one credential field (main's vendor module checks the same: checkCredentials). */
export interface CredentialRule extends TextRule {
  /** Characters that mean a copy/paste slip (YouProxy's key is a URL path segment). */
  forbidden?: string;
  /** A pasted word before the key that must go ("Bearer " for ProxyShard). */
  noPrefix?: string;
}

export interface VendorFormRules {
  /** Per credential field name. */
  credentials: Record<string, CredentialRule>;
  /** Sub-user rules; null when the vendor has no sub-users. */
  subUsers: {
    username: TextRule;
    /** 'generated': the vendor makes the password itself (none can be typed). */
    password: TextRule | 'generated';
    /** Note length (BestProxy remark: 64 Latin or 32 Chinese characters); null = no notes at the vendor. */
    note: { maxLength: number; cjkMaxLength?: number } | null;
  } | null;
  whitelist: {
    /** Whether the vendor's whitelist takes CIDR ranges (1.2.3.0/24). No vendor documents it today. */
    cidr: boolean;
    /** Removing an entry needs a one-time verification code (BestProxy #12). */
    removeNeedsCode: boolean;
    /** Whether the vendor takes IPv6 addresses (issue 15: checked per line before anything is sent). */
    ipv6: boolean;
    /**
     * How many entries the whitelist holds at most: a number the docs give, 'vendor' when the vendor's
     * list answer says it (Thordata W1 `remaining_limit`, read before sending), null when nobody says.
     */
    maxEntries: number | 'vendor' | null;
  } | null;
}

export const VENDOR_FORM_RULES: Record<VendorId, VendorFormRules> = {
  thordata: {
    credentials: { token: { minLength: 8 }, key: { minLength: 8 } },
    // thordata.md §3.3 U2 and error codes 10015 / 10016.
    subUsers: {
      username: { minLength: 6, maxLength: 15, charset: 'alnum' },
      password: { minLength: 6, maxLength: 15, charset: 'alnum', startsWithLetter: true },
      note: null,
    },
    // thordata.md §3.4 W2: `ip` is one IPv4 address; W1 answers `limit` / `remaining_limit`.
    whitelist: { cidr: false, removeNeedsCode: false, ipv6: false, maxEntries: 'vendor' },
  },
  proxyshard: {
    credentials: { apiKey: { minLength: 8, noPrefix: 'bearer ' } },
    // proxyshard.md #23: body `{name, data}` only; the password is made by ProxyShard (#28 regenerates it).
    subUsers: { username: { maxLength: 64 }, password: 'generated', note: null },
    // proxyshard.md §4: no IP whitelist documented.
    whitelist: null,
  },
  youproxy: {
    // youproxy.md §1.1: the key is a URL path segment.
    credentials: { apiKey: { minLength: 8, forbidden: '/\\?#' } },
    subUsers: null,
    whitelist: null,
  },
  bestproxy: {
    credentials: { appKey: { minLength: 16 } },
    // bestproxy.md #2 (letters and digits only), #9 (password 6–16 letters/digits), #7 (remark length).
    subUsers: {
      username: { maxLength: 64, charset: 'alnum' },
      password: { minLength: 6, maxLength: 16, charset: 'alnum' },
      note: { maxLength: 64, cjkMaxLength: 32 },
    },
    // bestproxy.md #11: `ips` are addresses separated by commas or newlines; no ranges and no size limit
    // documented. No IP family either: IPv4 only, as its examples and our simulator (it answers "IP格式错误").
    whitelist: { cidr: false, removeNeedsCode: true, ipv6: false, maxEntries: null },
  },
};
