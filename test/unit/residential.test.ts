/**
 * The residential generator's contract (issue 14 §2): request schemas, the capability gate of its
 * handlers, and the window's words (en and zh-CN hold the same keys and placeholders; every note code
 * the vendors can send has a sentence).
 */
import { describe, expect, it } from 'vitest';
import type { AccountsService } from '../../main/core/accounts/accounts-service';
import { residential } from '../../main/core/operations/residential';
import type { VendorClient } from '../../main/vendors/vendor-client';
import {
  RESIDENTIAL_NOTES,
  ResidentialLocationsQuerySchema,
  ResidentialRequestSchema,
} from '../../preload/contract/residential';
import { residentialEn } from '../../renderer/i18n/residential.en';
import { residentialZhCN } from '../../renderer/i18n/residential.zh-CN';

const ID = '0b6f7c2a-8d3e-4f10-9a1b-2c3d4e5f6a7b';

function leaves(obj: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out[`${prefix}${k}`] = v;
    else Object.assign(out, leaves(v as object, `${prefix}${k}.`));
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('residential request schemas', () => {
  const ok = { accountId: ID, mode: 'extract', session: 'rotating', count: 10, protocol: 'http' };
  it('takes a plain request and rejects counts, unknown fields and odd location text', () => {
    expect(ResidentialRequestSchema.safeParse({ ...ok, country: 'US', city: 'San Antonio' }).success).toBe(true);
    expect(ResidentialRequestSchema.safeParse({ ...ok, city: 'São Paulo' }).success).toBe(true);
    expect(ResidentialRequestSchema.safeParse({ ...ok, city: 'Washington, D.C.' }).success).toBe(true);
    expect(ResidentialRequestSchema.safeParse({ ...ok, count: 0 }).success).toBe(false);
    expect(ResidentialRequestSchema.safeParse({ ...ok, count: 1001 }).success).toBe(false);
    expect(ResidentialRequestSchema.safeParse({ ...ok, count: 2.5 }).success).toBe(false);
    expect(ResidentialRequestSchema.safeParse({ ...ok, password: 'x' }).success).toBe(false);
    expect(ResidentialRequestSchema.safeParse({ ...ok, city: 'a&b=c' }).success).toBe(false);
    expect(ResidentialRequestSchema.safeParse({ ...ok, login: 'user name' }).success).toBe(false);
    expect(ResidentialRequestSchema.safeParse({ ...ok, lifetimeMinutes: 1441 }).success).toBe(false);
    expect(ResidentialLocationsQuerySchema.safeParse({ accountId: ID, mode: 'gateway', level: 'city' }).success).toBe(
      true,
    );
    expect(ResidentialLocationsQuerySchema.safeParse({ accountId: ID, mode: 'gateway', level: 'zip' }).success).toBe(
      false,
    );
  });
});

describe('residential handlers', () => {
  const accountsWith = (client: Partial<VendorClient>) =>
    ({ client: async () => client as VendorClient }) as unknown as AccountsService;

  it('refuse a vendor without the capability in plain words', async () => {
    const h = residential(accountsWith({ vendor: 'youproxy', capabilities: new Set() }));
    await expect(h['residential:form']({ accountId: ID })).rejects.toMatchObject({ code: 'not_supported' });
  });

  it('pass the request on without the account id', async () => {
    const seen: unknown[] = [];
    const client: Partial<VendorClient> = {
      vendor: 'thordata',
      capabilities: new Set(['residential']),
      residentialForm: async () => ({ modes: [], logins: [] }),
      residentialOptions: async (q) => {
        seen.push(q);
        return { level: q.level, places: [], notes: [] };
      },
      generateResidential: async (r) => {
        seen.push(r);
        return { endpoints: [], protocol: r.protocol, country: null, notes: [] };
      },
    };
    const h = residential(accountsWith(client));
    await h['residential:locations']({ accountId: ID, mode: 'extract', level: 'country' });
    await h['residential:generate']({
      accountId: ID,
      mode: 'extract',
      session: 'sticky',
      count: 3,
      protocol: 'socks5',
    });
    expect(seen).toEqual([
      { mode: 'extract', level: 'country' },
      { mode: 'extract', session: 'sticky', count: 3, protocol: 'socks5' },
    ]);
  });
});

describe('residential words', () => {
  const en = leaves(residentialEn);
  const zh = leaves(residentialZhCN);
  it('en and zh-CN have the same keys and placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) expect(placeholders(zh[k]!), k).toEqual(placeholders(en[k]!));
  });
  it('every note code has a sentence', () => {
    for (const n of RESIDENTIAL_NOTES) {
      expect(en[`residential.notes.${n}`], n).toBeTruthy();
      expect(zh[`residential.notes.${n}`], n).toBeTruthy();
    }
  });
});
