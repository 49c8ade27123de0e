import { afterEach, describe, expect, it } from 'vitest';
import { BusinessStore } from '../../../main/core/business/business-store';
import { CustomersService } from '../../../main/core/business/customers';
import type { ItemRef } from '../../../preload/contract/business';
import { A1, A2, A3, proxy, snap, world } from './customers-fixtures';
import { clock, tempDir } from './store-fixtures';

let t: ReturnType<typeof tempDir>;
afterEach(() => t?.cleanup());

function setup() {
  t = tempDir();
  const w = world();
  const c = clock('2026-03-01');
  const store = new BusinessStore({ dataDir: t.dir, now: c.now });
  const svc = new CustomersService({ ...w.deps, store, now: c.now });
  return { w, c, store, svc };
}
const usd = (minor: number) => ({ minor, currency: 'USD' });
const ip = (id: string, accountId = A1): ItemRef => ({ accountId, kind: 'ip', id });

describe('customers', () => {
  it('a new customer gets an id and times; saving with the id changes it', () => {
    const { svc, c } = setup();
    const v = svc.saveCustomer({ name: '  Ana Shop ', defaultPrice: usd(500) });
    const ana = v.customers[0]!;
    expect(ana.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ana).toMatchObject({
      name: 'Ana Shop',
      contact: '',
      notes: '',
      exportTemplate: null,
      defaultPrice: usd(500),
    });
    expect(ana.createdAt).toBe(c.now().toISOString());
    c.tick();
    const after = svc.saveCustomer({ id: ana.id, name: 'Ana', contact: 'tg @ana' }).customers;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: ana.id, name: 'Ana', contact: 'tg @ana', createdAt: ana.createdAt });
    expect(after[0]!.updatedAt).not.toBe(ana.createdAt);
  });

  it('names are unique regardless of case: a plain duplicate_label error, nothing saved', () => {
    const { svc, store } = setup();
    const ana = svc.saveCustomer({ name: 'Ana' }).customers[0]!;
    const bo = svc.saveCustomer({ name: 'Bo' }).customers[1]!;
    expect(() => svc.saveCustomer({ name: ' ana ' })).toThrow(
      expect.objectContaining({
        code: 'duplicate_label',
        message: 'You already have a customer named "Ana". Choose another name.',
      }),
    );
    expect(() => svc.saveCustomer({ id: bo.id, name: 'ANA' })).toThrow(
      expect.objectContaining({ code: 'duplicate_label' }),
    );
    // Its own name in other letters is fine.
    expect(svc.saveCustomer({ id: ana.id, name: 'ANA' }).customers.map((c) => c.name)).toEqual(['ANA', 'Bo']);
    expect(store.get().customers).toHaveLength(2);
  });

  it('saving a customer that was deleted meanwhile says so', () => {
    const { svc } = setup();
    expect(() => svc.saveCustomer({ id: '99999999-9999-4999-8999-999999999999', name: 'Zed' })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });

  it('deleting a customer: its items keep their own price and keep mark; items left with nothing go', () => {
    const { svc } = setup();
    const ana = svc.saveCustomer({ name: 'Ana' }).customers[0]!;
    svc.updateItems([ip('p-1')], { customerId: ana.id, price: usd(1200) });
    svc.updateItems([ip('p-2')], { customerId: ana.id, keep: true });
    svc.updateItems([ip('p-9')], { customerId: ana.id });
    const v = svc.deleteCustomer(ana.id);
    expect(v.customers).toEqual([]);
    expect(v.items.map((m) => [m.item.id, m.customerId, m.price, m.keep])).toEqual([
      ['p-1', null, usd(1200), false],
      ['p-2', null, null, true],
    ]);
    expect(() => svc.deleteCustomer(ana.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

describe('items', () => {
  it('sets customer, price and keep on many items at once, with vendor and label from the last snapshot', () => {
    const { svc } = setup();
    const ana = svc.saveCustomer({ name: 'Ana' }).customers[0]!;
    const v = svc.updateItems(
      [
        ip('p-1'),
        { accountId: A1, kind: 'order', id: 'o-1' },
        { accountId: A2, kind: 'subUser', id: 'su-1' },
        { accountId: A2, kind: 'server', id: 'srv-1' },
      ],
      { customerId: ana.id, price: usd(999) },
    );
    expect(v.items.map((m) => [m.item.kind, m.vendor, m.label, m.customerId, m.price, m.keep, m.presence])).toEqual([
      ['ip', 'youproxy', '1.1.1.1', ana.id, usd(999), false, 'present'],
      ['order', 'youproxy', 'ISP US (shop A)', ana.id, usd(999), false, 'present'],
      ['subUser', 'thordata', 'alice', ana.id, usd(999), false, 'present'],
      ['server', 'thordata', '7.7.7.7', ana.id, usd(999), false, 'present'],
    ]);
    // A patch changes only what it names.
    const kept = svc.updateItems([ip('p-1')], { keep: true }).items.find((m) => m.item.id === 'p-1')!;
    expect(kept).toMatchObject({ customerId: ana.id, price: usd(999), keep: true });
  });

  it('assignedAt: set when the item goes to a customer, kept while it stays, reset when it changes hands', () => {
    const { svc, c } = setup();
    const ana = svc.saveCustomer({ name: 'Ana' }).customers[0]!;
    const bo = svc.saveCustomer({ name: 'Bo' }).customers[1]!;
    const at = (v: ReturnType<typeof svc.updateItems>) => v.items.find((m) => m.item.id === 'p-1')!.assignedAt;
    const first = at(svc.updateItems([ip('p-1')], { customerId: ana.id }));
    expect(first).toBe(c.now().toISOString());
    c.day('2026-04-10');
    expect(at(svc.updateItems([ip('p-1')], { price: usd(700), keep: true }))).toBe(first);
    expect(at(svc.updateItems([ip('p-1')], { customerId: bo.id }))).toBe(c.now().toISOString());
  });

  it('a record left with no customer, no price and keep off is removed', () => {
    const { svc } = setup();
    svc.updateItems([ip('p-1'), ip('p-2')], { keep: true, price: usd(100) });
    const v = svc.updateItems([ip('p-1')], { keep: false, price: null });
    expect(v.items.map((m) => m.item.id)).toEqual(['p-2']);
    expect(svc.updateItems([ip('p-2')], { customerId: null, price: null, keep: false }).items).toEqual([]);
  });

  it('an unknown customer or a removed account is refused plainly, nothing saved', () => {
    const { svc, store } = setup();
    expect(() => svc.updateItems([ip('p-1')], { customerId: '99999999-9999-4999-8999-999999999999' })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(() => svc.updateItems([ip('p-1', '12345678-1234-4234-8234-123456789012')], { keep: true })).toThrow(
      /account that was removed/,
    );
    expect(store.get().items).toEqual([]);
  });

  it("presence: 'missing' when the account's snapshot no longer lists the item (label kept), 'unknown' without snapshot or account", () => {
    const { svc, w } = setup();
    svc.updateItems([ip('p-1'), ip('p-2')], { keep: true });
    svc.updateItems([ip('x', A3)], { keep: true }); // A3 has no snapshot
    expect(svc.view().items.find((m) => m.item.accountId === A3)).toMatchObject({ label: 'x', presence: 'unknown' });
    w.snaps.set(A1, snap(A1, { proxies: [proxy('p-2', '2.2.2.2')] }));
    const v = svc.view();
    expect(v.items.map((m) => [m.item.id, m.label, m.presence])).toEqual([
      ['p-1', '1.1.1.1', 'missing'],
      ['p-2', '2.2.2.2', 'present'],
      ['x', 'x', 'unknown'],
    ]);
    w.accounts.splice(0, 1); // the account is removed
    expect(svc.view().items.map((m) => m.presence)).toEqual(['unknown', 'unknown', 'unknown']);
    // The label from when it was last seen stays when the item is updated while missing.
    w.accounts.unshift({ id: A1, vendor: 'youproxy', label: 'Shop' });
    expect(svc.updateItems([ip('p-1')], { price: usd(5) }).items[0]).toMatchObject({
      label: '1.1.1.1',
      presence: 'missing',
    });
  });

  it("presence is 'unknown', not 'missing', when the item's list could not be read in the last refresh", () => {
    const { svc, w } = setup();
    svc.updateItems([ip('p-1'), { accountId: A1, kind: 'order', id: 'o-1' }], { keep: true });
    w.snaps.set(A1, { ...snap(A1, { orders: [] }), errors: { proxies: { message: 'down' } } });
    expect(svc.view().items.map((m) => [m.item.kind, m.presence])).toEqual([
      ['ip', 'unknown'],
      ['order', 'missing'],
    ]);
  });

  it('forget clears the records of items', () => {
    const { svc } = setup();
    svc.updateItems([ip('p-1'), ip('p-2')], { keep: true });
    expect(svc.forgetItems([ip('p-1'), ip('nope')]).items.map((m) => m.item.id)).toEqual(['p-2']);
  });
});

describe('rates', () => {
  it('sets and clears the rates; one rate per currency', () => {
    const { svc } = setup();
    const rates = { base: 'USD', rates: [{ currency: 'CNY', perUnit: 0.14 }] };
    expect(svc.setRates(rates).rates).toEqual(rates);
    expect(() =>
      svc.setRates({
        base: 'USD',
        rates: [
          { currency: 'CNY', perUnit: 0.14 },
          { currency: 'CNY', perUnit: 0.15 },
        ],
      }),
    ).toThrow(/CNY is listed twice/);
    expect(svc.setRates(null).rates).toBeNull();
  });

  it('the view carries the store notices', () => {
    const { svc, store } = setup();
    expect(svc.view().notices).toEqual(store.notices());
  });
});
