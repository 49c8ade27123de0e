/**
 * The customers UI (issue 16 §1): item keys of the views' rows, the Customer filter, a customer's lines
 * and list figures, prices typed by the user, the handoff sheet, the export template ids, the
 * business store (and its reload on 'business-changed'), and the en / zh-CN key sets.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApi, type Invoke } from '../../preload/contract/api';
import { type BusinessView, type Customer, itemKey } from '../../preload/contract/business';
import type { AccountSummary, VendorSummary } from '../../preload/contract/channels';
import type { AccountSnapshot, ProxyEndpoint } from '../../preload/contract/model';
import { encodeSnapshot } from '../../preload/contract/proxy-columns';
import { setApiForTests } from '../../renderer/api';
import { customersEn } from '../../renderer/i18n/customers.en';
import { customersZhCN } from '../../renderer/i18n/customers.zh-CN';
import { ipRows, orderRows } from '../../renderer/lib/inventory';
import { buildIndex, useBusinessStore } from '../../renderer/stores/business';
import { handleEvent } from '../../renderer/stores/events';
import { holdSnapshot } from '../../renderer/stores/snapshots';
import { fromTemplateId, toTemplateId } from '../../renderer/views/customers/export-template';
import { handoffText } from '../../renderer/views/customers/handoff';
import {
  customerOf,
  customerTest,
  ipItemKey,
  ipItemRef,
  parsePrice,
  priceOf,
  resolveLines,
  summarize,
} from '../../renderer/views/customers/model';

const A = '0b7f2c1e-5d4a-4e8b-9c3d-2a1f0e9d8c7a';
const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';
const AT = '2026-01-01T00:00:00.000Z';

const proxy = (id: string, ip: string, expiresAt: string): ProxyEndpoint => ({
  id,
  ip,
  host: null,
  httpPort: 8000,
  socksPort: null,
  protocol: 'http',
  username: `u-${id}`,
  password: `p-${id}`,
  country: 'US',
  kind: 'datacenter',
  expiresAt,
  orderId: null,
  status: 'active',
  autoRenew: false,
});

const snapshot: AccountSnapshot = {
  accountId: A,
  fetchedAt: AT,
  balance: null,
  orders: [
    {
      id: 'o1',
      kind: 'datacenter',
      product: 'DC pack',
      status: 'active',
      vendorStatus: null,
      createdAt: AT,
      expiresAt: '2026-03-01T00:00:00.000Z',
      autoRenew: false,
      quantity: 1,
      price: null,
      tag: null,
      country: null,
      details: {},
    },
  ],
  proxies: [
    proxy('p1', '203.0.113.1', '2026-02-10T00:00:00.000Z'),
    proxy('p2', '203.0.113.2', '2026-02-05T00:00:00.000Z'),
    proxy('p3', '203.0.113.3', '2026-02-01T00:00:00.000Z'),
  ],
  whitelist: [],
  subUsers: [],
  servers: [
    {
      id: 's1',
      ip: '198.51.100.9',
      status: 'active',
      expiresAt: null,
      bandwidth: null,
      spec: null,
      autoRenew: null,
      details: {},
    },
  ],
  traffic: [],
  errors: {},
};
const account: AccountSummary = {
  id: A,
  vendor: 'youproxy',
  label: 'Shop',
  createdAt: AT,
  lastRefreshAt: AT,
  demo: false,
  credentialHint: '••••SECRETKEY',
  lastError: null,
};
const vendors = [{ id: 'youproxy', name: 'YouProxy', capabilities: [] }] as unknown as VendorSummary[];
const snaps = { [A]: holdSnapshot(encodeSnapshot(snapshot)) };

const customer = (id: string, name: string, defaultPrice: Customer['defaultPrice'] = null): Customer => ({
  id,
  name,
  contact: '',
  notes: '',
  exportTemplate: null,
  defaultPrice,
  createdAt: AT,
  updatedAt: AT,
});

const view: BusinessView = {
  customers: [customer(C1, 'Acme', { minor: 300, currency: 'USD' }), customer(C2, 'Beta')],
  items: [
    // p1: Acme at its default price; p2: Acme at its own CNY price; the order: Beta; p9: gone at the vendor.
    {
      item: { accountId: A, kind: 'ip', id: 'p1' },
      vendor: 'youproxy',
      label: '203.0.113.1',
      customerId: C1,
      price: null,
      keep: false,
      assignedAt: null,
      updatedAt: AT,
      presence: 'present',
    },
    {
      item: { accountId: A, kind: 'ip', id: 'p2' },
      vendor: 'youproxy',
      label: '203.0.113.2',
      customerId: C1,
      price: { minor: 2000, currency: 'CNY' },
      keep: true,
      assignedAt: null,
      updatedAt: AT,
      presence: 'present',
    },
    {
      item: { accountId: A, kind: 'order', id: 'o1' },
      vendor: 'youproxy',
      label: 'DC pack',
      customerId: C2,
      price: { minor: 999, currency: 'USD' },
      keep: false,
      assignedAt: null,
      updatedAt: AT,
      presence: 'present',
    },
    {
      item: { accountId: A, kind: 'ip', id: 'p9' },
      vendor: 'youproxy',
      label: '203.0.113.9',
      customerId: C1,
      price: { minor: 500, currency: 'USD' },
      keep: false,
      assignedAt: null,
      updatedAt: AT,
      presence: 'missing',
    },
    // A price without a customer: not in any customer's figures.
    {
      item: { accountId: A, kind: 'ip', id: 'p3' },
      vendor: 'youproxy',
      label: '203.0.113.3',
      customerId: null,
      price: { minor: 100, currency: 'USD' },
      keep: false,
      assignedAt: null,
      updatedAt: AT,
      presence: 'present',
    },
  ],
  rates: null,
  notices: [],
};

describe('customers model', () => {
  const rows = ipRows([account], vendors, snaps);

  it('gives the itemKey of proxy and server rows without splitting keys, as the contract builds it', () => {
    const p1 = rows.find((r) => r.ip === '203.0.113.1');
    const s1 = rows.find((r) => r.source === 'server');
    expect(p1 && ipItemKey(p1)).toBe(itemKey({ accountId: A, kind: 'ip', id: 'p1' }));
    expect(s1 && ipItemRef(s1)).toEqual({ accountId: A, kind: 'server', id: 's1' });
  });

  it('filters by customer: all keeps everything, none keeps unassigned items, a customer only theirs', () => {
    const index = buildIndex(view);
    expect(customerTest(index, 'all')).toBeUndefined();
    const none = customerTest(index, 'none');
    const acme = customerTest(index, C1);
    expect(rows.filter((r) => none?.(ipItemKey(r))).map((r) => r.ip)).toEqual(['203.0.113.3', '198.51.100.9']);
    expect(rows.filter((r) => acme?.(ipItemKey(r))).map((r) => r.ip)).toEqual(['203.0.113.1', '203.0.113.2']);
    expect(customerOf(index, itemKey({ accountId: A, kind: 'order', id: 'o1' }))?.name).toBe('Beta');
  });

  it("takes an item's own price, else its customer's default", () => {
    const index = buildIndex(view);
    expect(priceOf(view.items[0]!, index.customers)).toEqual({ minor: 300, currency: 'USD' });
    expect(priceOf(view.items[1]!, index.customers)).toEqual({ minor: 2000, currency: 'CNY' });
  });

  it('resolves lines and sums revenue per currency, leaving out lines no longer at the vendor', () => {
    const index = buildIndex(view);
    const assigned = view.items.filter((e) => e.customerId);
    const lines = resolveLines(assigned, index, [account], vendors, snaps, rows, orderRows([account], vendors, snaps));
    const gone = lines.find((l) => l.entry.item.id === 'p9');
    expect(gone?.missing).toBe(true);
    expect(gone?.label).toBe('203.0.113.9');
    expect(lines.find((l) => l.kind === 'order')?.label).toBe('DC pack #o1');
    const [acme, beta] = summarize(view.customers, lines);
    expect(acme).toMatchObject({
      items: 3,
      missing: 1,
      revenue: [
        { currency: 'CNY', minor: 2000 },
        { currency: 'USD', minor: 300 },
      ],
      nextExpiry: '2026-02-05T00:00:00.000Z',
    });
    expect(beta).toMatchObject({
      items: 1,
      revenue: [{ currency: 'USD', minor: 999 }],
      nextExpiry: '2026-03-01T00:00:00.000Z',
    });
  });

  it('reads typed prices in minor units and refuses what is not a price', () => {
    expect(parsePrice('4.5', 'USD', 2)).toEqual({ minor: 450, currency: 'USD' });
    expect(parsePrice('12,30', 'EUR', 2)).toEqual({ minor: 1230, currency: 'EUR' });
    expect(parsePrice('500', 'JPY', 0)).toEqual({ minor: 500, currency: 'JPY' });
    expect(parsePrice('', 'USD', 2)).toBeNull();
    for (const bad of ['-1', '1.234', 'abc', '1e3']) expect(parsePrice(bad, 'USD', 2)).toBe('invalid');
    expect(parsePrice('1', 'usd', 2)).toBe('invalid');
  });

  it('writes a handoff sheet of the template lines and expiry dates, with no account, vendor or key', () => {
    const acme = rows.filter((r) => r.ip === '203.0.113.1' || r.ip === '203.0.113.2');
    const text = handoffText('Acme', acme, 'template', '{ip}:{port}:{user}:{pass}', 'en', {
      title: 'Proxies for',
      expires: 'expires',
      none: '(none)',
    });
    expect(text.split('\n')[0]).toBe('Proxies for: Acme');
    expect(text).toContain('203.0.113.1:8000:u-p1:p-p1');
    expect(text).toContain('203.0.113.2:8000:u-p2:p-p2');
    expect(text).toMatch(/expires .*2026/);
    for (const secret of ['Shop', 'YouProxy', 'youproxy', 'SECRETKEY']) expect(text).not.toContain(secret);
    // A CSV export format becomes readable lines (a sheet is read by a person), never a CSV header.
    expect(handoffText('Acme', acme, 'csv', '', 'en', { title: 'T', expires: 'e', none: 'n' })).not.toContain('ip,');
  });

  it('keeps a default export template as a format id or a short template line', () => {
    expect(fromTemplateId(toTemplateId('socks5', ''))).toEqual({ format: 'socks5', template: null });
    expect(fromTemplateId(toTemplateId('template', '{user}:{pass}@{ip}'))).toEqual({
      format: 'template',
      template: '{user}:{pass}@{ip}',
    });
    expect(toTemplateId('template', 'x'.repeat(61))).toBeNull();
    expect(fromTemplateId(null)).toBeNull();
  });
});

describe('business store', () => {
  let calls: { channel: string; input: unknown }[];
  let current: BusinessView;
  beforeEach(() => {
    calls = [];
    current = { ...view, items: [] };
    const invoke = (async (channel: string, input: unknown) => {
      calls.push({ channel, input });
      if (channel === 'items:update') current = view;
      return { ok: true, data: current };
    }) as unknown as Invoke;
    setApiForTests(buildApi(invoke, () => () => {}));
    useBusinessStore.setState({ view: null, index: buildIndex(null), loaded: false, error: null });
  });
  afterEach(() => setApiForTests(null));

  it('loads, takes the answer of a write at once, and reloads on business-changed', async () => {
    await useBusinessStore.getState().fetch();
    expect(useBusinessStore.getState().index.byItem.size).toBe(0);
    const items = [{ accountId: A, kind: 'ip' as const, id: 'p1' }];
    const r = await useBusinessStore.getState().updateItems(items, { customerId: C1, keep: true });
    expect(r.ok).toBe(true);
    expect(calls.at(-1)).toEqual({ channel: 'items:update', input: { items, patch: { customerId: C1, keep: true } } });
    expect(useBusinessStore.getState().index.byItem.get(itemKey(items[0]!))?.customerId).toBe(C1);
    handleEvent({ type: 'business-changed' });
    await useBusinessStore.getState().fetch();
    expect(calls.filter((c) => c.channel === 'business:get').length).toBeGreaterThanOrEqual(2);
  });
});

describe('customers strings', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
  it('has the same keys in en and zh-CN, none empty', () => {
    expect(keys(customersZhCN).sort()).toEqual(keys(customersEn).sort());
    for (const o of [customersEn, customersZhCN]) {
      for (const k of keys(o)) {
        const v = k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o);
        expect(String(v).trim(), k).not.toBe('');
      }
    }
  });
});
