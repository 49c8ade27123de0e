/**
 * What each vendor asks for when the user adds an account. Shared by the add-account form
 * (labels, help) and main (validation). No runtime imports.
 */
import type { VendorId } from './model';

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
}

export const VENDORS: Record<VendorId, VendorInfo> = {
  thordata: {
    id: 'thordata',
    name: 'Thordata',
    website: 'https://dashboard.thordata.com',
    naiveTime: 'vendor',
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
