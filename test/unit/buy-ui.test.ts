/**
 * The renderer side of buying: en and zh-CN hold the same words, a line the vendor would refuse never
 * reaches the price check, and the purchases store sends a confirmation at most once per price check
 * (double click, expired or blocked quotes), drops the price check on a refusal before sending, and takes
 * only its own purchase's progress.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApi } from '../../preload/contract/api';
import type {
  PurchaseCatalog,
  PurchaseQuoteView,
  PurchaseRecordView,
  PurchaseSelection,
} from '../../preload/contract/purchases';
import { setApiForTests } from '../../renderer/api';
import { buyEn } from '../../renderer/i18n/buy.en';
import { buyZhCN } from '../../renderer/i18n/buy.zh-CN';
import { usePurchasesStore } from '../../renderer/stores/purchases';
import { draftFor, EMPTY_DRAFT, lineProblems, selectionOf } from '../../renderer/views/buy/catalog';

function leaves(obj: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out[`${prefix}${k}`] = v;
    else Object.assign(out, leaves(v as object, `${prefix}${k}.`));
  }
  return out;
}

const ACCOUNT = '0b7f2c1e-5d4a-4e8b-9c3d-2a1f0e9d8c7a';
const QUOTE_ID = '5f0c8a52-1d2e-4b7a-9c1f-3e4d5a6b7c8d';
const T0 = Date.parse('2030-01-01T10:00:00Z');

const catalog: PurchaseCatalog = {
  accountId: ACCOUNT,
  vendor: 'proxyshard',
  products: [
    {
      id: 'Datacenter Proxy',
      label: 'Datacenter Proxy',
      kind: 'datacenter',
      description: null,
      locations: [
        { code: 'DE', label: 'Germany', stock: 0 },
        { code: 'US', label: 'United States', stock: 12 },
      ],
      locationRequired: true,
      cycles: [{ id: 'monthly', label: 'Monthly', days: 30 }],
      quantity: { min: 5, max: 100, step: 5, unit: 'ip' },
      unitPrice: null,
      unavailable: null,
    },
  ],
  options: [
    { key: 'goal', label: 'Goal', required: true, choices: null, products: null, help: null },
    { key: 'other', label: 'Other', required: false, choices: null, products: ['Something else'], help: null },
  ],
  promoCodeAllowed: false,
  promoCodes: null,
  topUpBonus: null,
  vendorPage: null,
  notes: [],
  fetchedAt: new Date(T0).toISOString(),
};

describe('buy words', () => {
  it('en and zh-CN have the same keys and placeholders, and zh-CN is translated', () => {
    const en = leaves(buyEn);
    const zh = leaves(buyZhCN);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) expect(names(zh[key] as string), key).toEqual(names(en[key] as string));
    for (const [key, v] of Object.entries(zh)) {
      expect(/[\u4e00-\u9fff]/.test(v) || /^\{\{count\}\} GB$|^(IP|GB)$/.test(v), key).toBe(true);
    }
  });
});

describe('a buy line', () => {
  it('starts at the first location in stock, the first cycle and the minimum quantity', () => {
    const d = draftFor(catalog.products[0], EMPTY_DRAFT);
    expect(d).toMatchObject({ location: 'US', cycleId: 'monthly', quantity: '5' });
    // The required goal is still missing.
    expect(lineProblems(catalog, d)).toEqual([{ field: 'option:goal', key: 'option' }]);
  });

  it('refuses what the vendor would refuse: no stock, no location, quantity off the range or the step', () => {
    const d = { ...draftFor(catalog.products[0], EMPTY_DRAFT), options: { goal: 'shop' } };
    expect(lineProblems(catalog, { ...d, location: 'DE' })).toEqual([{ field: 'location', key: 'noStock' }]);
    expect(lineProblems(catalog, { ...d, location: '' })).toEqual([{ field: 'location', key: 'location' }]);
    expect(lineProblems(catalog, { ...d, quantity: '3' })).toEqual([{ field: 'quantity', key: 'quantityMin' }]);
    expect(lineProblems(catalog, { ...d, quantity: '105' })).toEqual([{ field: 'quantity', key: 'quantityMax' }]);
    expect(lineProblems(catalog, { ...d, quantity: '7' })).toEqual([{ field: 'quantity', key: 'quantityStep' }]);
    expect(lineProblems(catalog, { ...d, quantity: '2.5' })).toEqual([{ field: 'quantity', key: 'quantityWhole' }]);
    expect(lineProblems(catalog, { ...d, productId: 'nope' })).toEqual([{ field: 'product', key: 'product' }]);
    expect(lineProblems(catalog, { ...d, quantity: '10' })).toEqual([]);
  });

  it('sends only the options of its product, and no promo code where none is allowed', () => {
    const d = {
      ...draftFor(catalog.products[0], EMPTY_DRAFT),
      quantity: '10',
      promoCode: 'SAVE',
      options: { goal: ' shop ', other: 'x' },
    };
    expect(selectionOf(ACCOUNT, catalog, d)).toEqual({
      accountId: ACCOUNT,
      request: {
        kind: 'order',
        productId: 'Datacenter Proxy',
        location: 'US',
        cycleId: 'monthly',
        quantity: 10,
        promoCode: null,
        options: { goal: 'shop' },
      },
    });
  });
});

// ── The store against a fake main ─────────────────────────────────────────────────────────────

const selection: PurchaseSelection = {
  accountId: ACCOUNT,
  request: { kind: 'order', productId: 'x', location: null, cycleId: null, quantity: 1, promoCode: null, options: {} },
};

const quoteView = (over: Partial<PurchaseQuoteView> = {}): PurchaseQuoteView => ({
  quoteId: QUOTE_ID,
  createdAt: new Date(Date.now()).toISOString(),
  expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
  parts: [],
  totals: [{ minor: 1234, currency: 'USD' }],
  unpriced: 0,
  blocked: [],
  ...over,
});

const record = (over: Partial<PurchaseRecordView> = {}): PurchaseRecordView => ({
  id: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  batchId: 'b1',
  accountId: ACCOUNT,
  accountLabel: 'Shop',
  vendor: 'proxyshard',
  request: selection.request,
  summary: '1 × x',
  state: 'done',
  quotedTotal: null,
  charged: null,
  reference: '42',
  created: ['order:42'],
  spends: 'money',
  message: null,
  createdAt: new Date(Date.now()).toISOString(),
  updatedAt: new Date(Date.now()).toISOString(),
  ...over,
});

let calls: { channel: string; input: unknown }[];
let answers: Record<string, () => unknown>;
let release: (() => void) | null;

beforeEach(() => {
  calls = [];
  release = null;
  answers = {
    'purchases:quote': () => ({ ok: true, data: quoteView() }),
    'purchases:confirm': () => ({ ok: true, data: { batchId: 'b1', records: [record()] } }),
    'snapshots:get': () => ({ ok: true, data: [] }),
    'accounts:refresh': () => ({ ok: true, data: { started: [] } }),
  };
  const invoke = async (channel: string, input: unknown) => {
    calls.push({ channel, input });
    if (channel === 'purchases:confirm') await new Promise<void>((r) => (release = r));
    return (answers[channel] ?? (() => ({ ok: true, data: [] })))();
  };
  setApiForTests(buildApi(invoke as never, () => () => {}));
});

afterEach(() => {
  usePurchasesStore.getState().close();
  setApiForTests(null);
});

const sent = () => calls.filter((c) => c.channel === 'purchases:confirm');

async function quoted(over?: Partial<PurchaseQuoteView>) {
  if (over) answers['purchases:quote'] = () => ({ ok: true, data: quoteView(over) });
  usePurchasesStore.getState().start([selection]);
  await expect.poll(() => usePurchasesStore.getState().quote).not.toBeNull();
}

describe('the purchases store', () => {
  it('sends the exact totals once, however often Pay is pressed', async () => {
    await quoted();
    const s = usePurchasesStore.getState();
    const first = s.confirm();
    const second = s.confirm();
    await expect.poll(() => release).not.toBeNull();
    release?.();
    const [batch, none] = await Promise.all([first, second]);
    expect(sent()).toHaveLength(1);
    expect(sent()[0]?.input).toEqual({ quoteId: QUOTE_ID, totals: [{ minor: 1234, currency: 'USD' }] });
    expect(batch?.batchId).toBe('b1');
    expect(none).toBeNull();
    expect(usePurchasesStore.getState().step).toBe('results');
    // A used price check is not sent again.
    await usePurchasesStore.getState().confirm();
    expect(sent()).toHaveLength(1);
  });

  it('sends nothing for an expired, blocked or not yet accepted price check', async () => {
    await quoted({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    await usePurchasesStore.getState().confirm();
    await quoted({ blocked: ['Balance too low'] });
    await usePurchasesStore.getState().confirm();
    await quoted({ unpriced: 1 });
    await usePurchasesStore.getState().confirm();
    expect(sent()).toHaveLength(0);
    // Accepting the unknown price sends it, saying so.
    usePurchasesStore.getState().setAcceptUnknown(true);
    const p = usePurchasesStore.getState().confirm();
    await expect.poll(() => release).not.toBeNull();
    release?.();
    await p;
    expect(sent()[0]?.input).toMatchObject({ acceptUnknownPrices: true });
  });

  it('drops the price check when main refuses before sending', async () => {
    answers['purchases:confirm'] = () => ({
      ok: false,
      error: { code: 'invalid_argument', message: 'The price check was used already. Check prices again.' },
    });
    await quoted();
    const p = usePurchasesStore.getState().confirm();
    await expect.poll(() => release).not.toBeNull();
    release?.();
    await p;
    const s = usePurchasesStore.getState();
    expect(s.quote).toBeNull();
    expect(s.step).toBe('quote');
    expect(s.error?.message).toContain('Check prices again');
  });

  it('takes progress of its own purchase only, newest first', async () => {
    await quoted();
    const p = usePurchasesStore.getState().confirm();
    await expect.poll(() => release).not.toBeNull();
    // While sending, a record of this account newer than the click is this purchase's.
    usePurchasesStore.getState().onProgress(record({ state: 'sending' }));
    usePurchasesStore.getState().onProgress(record({ id: 'other', accountId: 'someone-else', state: 'sending' }));
    expect(usePurchasesStore.getState().records.map((r) => r.state)).toEqual(['sending']);
    release?.();
    await p;
    // An older version never replaces a newer one; another batch is ignored.
    const old = new Date(Date.now() - 60_000).toISOString();
    usePurchasesStore.getState().onProgress(record({ state: 'sending', updatedAt: old }));
    usePurchasesStore.getState().onProgress(record({ id: 'x2', batchId: 'b2' }));
    expect(usePurchasesStore.getState().records.map((r) => r.state)).toEqual(['done']);
  });
});
