import { afterEach, describe, expect, it } from 'vitest';
import { AssignmentImport, readPrice } from '../../../main/core/business/assignment-import';
import { BusinessStore } from '../../../main/core/business/business-store';
import { CustomersService } from '../../../main/core/business/customers';
import { A1, A2, world } from './customers-fixtures';
import { clock, tempDir } from './store-fixtures';

let t: ReturnType<typeof tempDir>;
afterEach(() => t?.cleanup());

function setup() {
  t = tempDir();
  const w = world();
  const c = clock('2026-03-01');
  const store = new BusinessStore({ dataDir: t.dir, now: c.now });
  const customers = new CustomersService({ ...w.deps, store, now: c.now });
  const imp = new AssignmentImport({ ...w.deps, customers, now: c.now });
  return { w, c, store, customers, imp };
}
const usd = (minor: number) => ({ minor, currency: 'USD' });

describe('assignment import: reading prices', () => {
  it.each([
    ['12.50 USD', { minor: 1250, currency: 'USD' }],
    ['12,5', { minor: 1250, currency: null }],
    ['usd 3', { minor: 300, currency: 'USD' }],
    ['0.07CNY', { minor: 7, currency: 'CNY' }],
  ])('%s', (text, want) => expect(readPrice(text)).toEqual(want));
  it.each(['12.505', '-3', 'USD 1 EUR', 'twelve', '1e3', '12.50 US'])('refuses %s', (text) =>
    expect(readPrice(text)).toBeNull(),
  );
});

describe('assignment import: preview', () => {
  it('matches IPs, orders, sub-users by name and servers by host across accounts; new customers listed, nothing applied', () => {
    const { imp, customers, store } = setup();
    customers.saveCustomer({ name: 'Ana' });
    const p = imp.preview('ip,customer,price\n1.1.1.1,ana,12.50 USD\no-1,Bo,\nALICE,Bo,3 CNY\n7.7.7.7,Cy\n');
    expect(
      p.lines.map((l) => [
        l.line,
        l.item?.accountId,
        l.item?.kind,
        l.item?.id,
        l.itemLabel,
        l.customerName,
        l.price,
        l.error,
      ]),
    ).toEqual([
      [2, A1, 'ip', 'p-1', '1.1.1.1', 'ana', usd(1250), null],
      [3, A1, 'order', 'o-1', 'ISP US (shop A)', 'Bo', null, null],
      [4, A2, 'subUser', 'su-1', 'alice', 'Bo', { minor: 300, currency: 'CNY' }, null],
      [5, A2, 'server', 'srv-1', '7.7.7.7', 'Cy', null, null],
    ]);
    expect(p.lines[0]!.customerId).toBe(store.get().customers[0]!.id);
    expect(p.lines[1]!.customerId).toBeNull();
    expect(p.newCustomers).toEqual(['Bo', 'Cy']);
    expect([p.ok, p.errors]).toEqual([4, 0]);
    expect(store.get().items).toEqual([]);
    expect(store.get().customers).toHaveLength(1);
  });

  it('per-line errors in plain words: not found, in several accounts (which), bad price, empty fields, twice', () => {
    const { imp } = setup();
    const p = imp.preview(
      'id,customer,price\n8.8.8.8,Ana\n9.9.9.9,Ana\n1.1.1.1,Ana,cheap\n2.2.2.2,Ana,5\n,Ana\np-1,\n1.1.1.1,Ana\np-1,Bo\n',
    );
    expect(p.lines.map((l) => l.error)).toEqual([
      '"8.8.8.8" was not found in any account. Check it, or refresh your accounts and try again.',
      '"9.9.9.9" is in several accounts (Shop, Thor main). Add an "account" column with the account\'s name.',
      '"cheap" is not a price. Write it like 12.50 or 12.50 USD.',
      'The price 5 has no currency. Write it like 12.50 USD, or add a currency column.',
      'There is no IP or id on this line.',
      'There is no customer on this line.',
      null,
      'This item is already on line 8. Each item can be on one line only.',
    ]);
    expect([p.ok, p.errors]).toEqual([1, 7]);
    // The same, as codes and values for the window's own language.
    expect(p.lines.map((l) => l.problem)).toEqual([
      { code: 'not_found', values: { item: '8.8.8.8' } },
      { code: 'several_accounts', values: { item: '9.9.9.9', accounts: 'Shop, Thor main' } },
      { code: 'bad_price', values: { text: 'cheap' } },
      { code: 'no_currency', values: { text: '5' } },
      { code: 'no_item', values: {} },
      { code: 'no_customer', values: {} },
      null,
      { code: 'twice', values: { line: '8' } },
    ]);
  });

  it('an IP with its port is found by the IP', () => {
    const { imp } = setup();
    expect(imp.preview('1.1.1.1:8080,Ana\n').lines[0]).toMatchObject({ item: { id: 'p-1' }, error: null });
  });

  it('an account column settles ids found in several accounts', () => {
    const { imp } = setup();
    const p = imp.preview('ip,account,customer\n9.9.9.9,thor MAIN,Ana\n9.9.9.9,Nope,Ana\n1.1.1.1,Thor main,Ana\n');
    expect(p.lines[0]!.item).toEqual({ accountId: A2, kind: 'ip', id: '9.9.9.9' });
    expect(p.lines[1]!.error).toBe('There is no account named "Nope".');
    expect(p.lines[2]!.error).toBe('"1.1.1.1" was not found in the account "Thor main".');
  });

  it("no header, semicolons, quotes, a BOM and Excel's CRLF; price with a currency column", () => {
    const { imp } = setup();
    const p = imp.preview('\uFEFF1.1.1.1;"Smith; Jo";12,50;usd\r\n2.2.2.2;Ana\r\n');
    expect(p.lines.map((l) => [l.line, l.item?.id, l.customerName, l.price, l.error])).toEqual([
      [1, 'p-1', 'Smith; Jo', usd(1250), null],
      [2, 'p-2', 'Ana', null, null],
    ]);
    const h = imp.preview('customer,id,price,currency\r\nAna,2.2.2.2,4.5,EUR\r\n');
    expect(h.lines[0]).toMatchObject({ item: { id: 'p-2' }, price: { minor: 450, currency: 'EUR' }, error: null });
  });

  it('reads Chinese column names, and ignores columns it does not know', () => {
    const { imp } = setup();
    const p = imp.preview('端口,IP,客户,售价\n8080,1.1.1.1,安娜,12.50 CNY\n');
    expect(p.lines[0]).toMatchObject({
      item: { id: 'p-1' },
      customerName: '安娜',
      price: { minor: 1250, currency: 'CNY' },
    });
  });

  it('a header without an item or customer column, or an empty file, is refused plainly', () => {
    const { imp } = setup();
    expect(() => imp.preview('customer,price\nAna,1\n')).toThrow(/no "ip" or "id" column/);
    expect(() => imp.preview('ip,price\n1.1.1.1,1 USD\n')).toThrow(/no "customer" column/);
    expect(() => imp.preview('\n\n')).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });
});

describe('assignment import: apply', () => {
  it('applies the good lines once: new customers created, items assigned with their price; error lines skipped', () => {
    const { imp, customers, store } = setup();
    customers.saveCustomer({ name: 'Ana' });
    customers.updateItems([{ accountId: A1, kind: 'ip', id: 'p-2' }], { keep: true, price: usd(700) });
    const p = imp.preview('ip,customer,price\n1.1.1.1,ana,12.50 USD\n2.2.2.2,New Co\n8.8.8.8,Ghost\n');
    const v = imp.apply(p.previewId);
    expect(v.customers.map((c) => c.name)).toEqual(['Ana', 'New Co']);
    const [ana, newCo] = v.customers;
    expect(v.items.map((m) => [m.item.id, m.customerId, m.price, m.keep, m.label])).toEqual([
      ['p-2', newCo!.id, usd(700), true, '2.2.2.2'],
      ['p-1', ana!.id, usd(1250), false, '1.1.1.1'],
    ]);
    expect(store.get().customers.some((c) => c.name === 'Ghost')).toBe(false);
    expect(() => imp.apply(p.previewId)).toThrow(/expired or was already applied/);
  });

  it('a preview is valid for 10 minutes', () => {
    const { imp, c, store } = setup();
    const p = imp.preview('1.1.1.1,Ana\n');
    const q = imp.preview('2.2.2.2,Bo\n');
    c.advance(10 * 60_000 - 1);
    expect(imp.apply(p.previewId).customers.map((x) => x.name)).toEqual(['Ana']);
    c.advance(2);
    expect(() => imp.apply(q.previewId)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(store.get().customers.map((x) => x.name)).toEqual(['Ana']);
  });
});
