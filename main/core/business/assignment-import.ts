/**
 * Importing "which item is whose" from a CSV file (issue 16): each line names an item (its IP or id, with
 * an optional account name when the same id is in several accounts), a customer and optionally a sell
 * price per month. The preview says line by line what would happen, in plain words; nothing changes until
 * the user applies that preview (once, within 10 minutes). Lines with an error are skipped on apply; a
 * customer name not known yet is not an error: the customer is created on apply.
 */
import { randomUUID } from 'node:crypto';
import type {
  AssignmentImportLine,
  AssignmentImportPreview,
  BusinessView,
  ImportProblem,
  ItemKind,
  ItemRef,
} from '../../../preload/contract/business';
import { itemKey } from '../../../preload/contract/business';
import type { Money } from '../../../preload/contract/model';
import { AppFailure } from '../errors';
import { readCsv } from './csv-read';
import type { CustomersService } from './customers';
import { type FoundItem, ItemFinder, type LookupDeps } from './item-lookup';

export const PREVIEW_TTL_MS = 10 * 60_000;

type Column = 'item' | 'account' | 'customer' | 'price' | 'currency';
const HEADERS: Record<string, Column> = {
  ip: 'item',
  id: 'item',
  item: 'item',
  'item id': 'item',
  account: 'account',
  customer: 'customer',
  client: 'customer',
  price: 'price',
  'sell price': 'price',
  currency: 'currency',
  // The same columns as a Chinese spreadsheet names them.
  项目: 'item',
  编号: 'item',
  账户: 'account',
  账号: 'account',
  客户: 'customer',
  价格: 'price',
  售价: 'price',
  币种: 'currency',
  货币: 'currency',
};
/** Without a header: item, customer, price, currency. */
const POSITIONAL: Column[] = ['item', 'customer', 'price', 'currency'];
/** When one account lists the same text as several items: an IP first, then a server, an order, a sub-user. */
const KIND_ORDER: ItemKind[] = ['ip', 'server', 'order', 'subUser'];

export interface ImportDeps extends LookupDeps {
  customers: CustomersService;
  now: () => Date;
  uuid?: () => string;
}

/** "12.50 USD", "USD 12.50", "12,50" → minor units and currency (null when none is written). */
export function readPrice(text: string): { minor: number; currency: string | null } | null {
  const m = /^(?:([A-Za-z]{3})\s*)?(\d{1,10})(?:[.,](\d{1,2}))?(?:\s*([A-Za-z]{3}))?$/.exec(text.trim());
  if (!m || (m[1] && m[4])) return null;
  const minor = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
  if (!Number.isSafeInteger(minor) || minor > 100_000_000_00) return null;
  return { minor, currency: (m[1] ?? m[4] ?? '').toUpperCase() || null };
}

const sameText = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The plain English of each problem (the renderer words them itself in zh-CN from `problem`). */
export const IMPORT_SENTENCES: Record<ImportProblem, (v: Record<string, string>) => string> = {
  no_item: () => 'There is no IP or id on this line.',
  no_customer: () => 'There is no customer on this line.',
  name_too_long: (v) => `The customer name is too long (${v.max} characters at most).`,
  bad_price: (v) => `"${v.text}" is not a price. Write it like 12.50 or 12.50 USD.`,
  no_currency: (v) => `The price ${v.text} has no currency. Write it like 12.50 USD, or add a currency column.`,
  bad_currency: (v) => `"${v.currency}" is not a currency. Use a three-letter code such as USD.`,
  no_account: (v) => `There is no account named "${v.account}".`,
  not_in_account: (v) => `"${v.item}" was not found in the account "${v.account}".`,
  not_found: (v) => `"${v.item}" was not found in any account. Check it, or refresh your accounts and try again.`,
  several_accounts: (v) =>
    `"${v.item}" is in several accounts (${v.accounts}). Add an "account" column with the account's name.`,
  twice: (v) => `This item is already on line ${v.line}. Each item can be on one line only.`,
};

export class AssignmentImport {
  private readonly previews = new Map<string, { expires: number; lines: AssignmentImportLine[] }>();

  constructor(private readonly deps: ImportDeps) {}

  preview(csv: string): AssignmentImportPreview {
    const now = this.deps.now().getTime();
    for (const [id, p] of this.previews) if (p.expires <= now) this.previews.delete(id);
    const rows = readCsv(csv).filter((r) => r.cells.some((c) => c.trim() !== ''));
    if (rows.length === 0)
      throw new AppFailure('invalid_argument', 'The file is empty. Choose a CSV file with one item per line.');
    const head = rows[0]!.cells.map((c) => HEADERS[c.trim().toLowerCase()] ?? null);
    const hasHeader = head.includes('customer') || (head.includes('item') && head.filter(Boolean).length >= 2);
    if (hasHeader && !head.includes('item')) {
      throw new AppFailure(
        'invalid_argument',
        'The file has no "ip" or "id" column. Name the column of the items ip or id.',
      );
    }
    if (hasHeader && !head.includes('customer')) {
      throw new AppFailure(
        'invalid_argument',
        'The file has no "customer" column. Add one with the customer of each item.',
      );
    }
    const columns = hasHeader ? head : POSITIONAL;
    const body = hasHeader ? rows.slice(1) : rows;
    const finder = new ItemFinder(this.deps);
    const accounts = this.deps.accounts();
    const customers = this.deps.customers.view().customers;
    const seen = new Map<string, number>();
    const newCustomers: string[] = [];
    const lines = body.map((row): AssignmentImportLine => {
      const get = (c: Column) => {
        const i = columns.indexOf(c);
        return i >= 0 ? (row.cells[i] ?? '').trim() : '';
      };
      const itemText = get('item');
      const customerName = get('customer').replace(/\s+/g, ' ');
      const base: AssignmentImportLine = {
        line: row.line,
        text: row.text,
        item: null,
        itemLabel: null,
        customerName,
        customerId: null,
        price: null,
        error: null,
        problem: null,
      };
      const fail = (code: ImportProblem, values: Record<string, string>) => ({
        ...base,
        error: IMPORT_SENTENCES[code](values),
        problem: { code, values },
      });
      if (!itemText) return fail('no_item', {});
      if (!customerName) return fail('no_customer', {});
      if (customerName.length > 120) return fail('name_too_long', { max: '120' });
      let price: Money | null = null;
      const priceText = get('price');
      if (priceText) {
        const p = readPrice(priceText);
        if (!p) return fail('bad_price', { text: priceText });
        const currency = p.currency ?? get('currency').toUpperCase();
        if (!currency) return fail('no_currency', { text: priceText });
        if (!/^[A-Z]{3}$/.test(currency)) return fail('bad_currency', { currency });
        price = { minor: p.minor, currency };
      }
      let found = finder.find(itemText);
      // "1.2.3.4:8080" as copied from a proxy line: the IP alone.
      const withPort = /^([^:\s]+):\d{1,5}$/.exec(itemText);
      if (found.length === 0 && withPort) found = finder.find(withPort[1] as string);
      const accountName = get('account');
      if (accountName) {
        if (!accounts.some((a) => sameText(a.label, accountName))) {
          return fail('no_account', { account: accountName });
        }
        found = found.filter((f) => sameText(f.account.label, accountName));
        if (found.length === 0) return fail('not_in_account', { item: itemText, account: accountName });
      }
      if (found.length === 0) {
        return fail('not_found', { item: itemText });
      }
      const inAccounts = [...new Map(found.map((f) => [f.account.id, f.account.label])).values()];
      if (inAccounts.length > 1) {
        return fail('several_accounts', { item: itemText, accounts: inAccounts.join(', ') });
      }
      const pick = choose(found);
      const key = itemKey(pick.item);
      const earlier = seen.get(key);
      if (earlier !== undefined) return fail('twice', { line: String(earlier) });
      seen.set(key, row.line);
      const known = customers.find((c) => sameText(c.name, customerName));
      if (!known && !newCustomers.some((n) => sameText(n, customerName))) newCustomers.push(customerName);
      return { ...base, item: pick.item, itemLabel: pick.label, customerId: known?.id ?? null, price };
    });
    const previewId = (this.deps.uuid ?? randomUUID)();
    this.previews.set(previewId, { expires: now + PREVIEW_TTL_MS, lines });
    const errors = lines.filter((l) => l.error).length;
    return { previewId, lines, ok: lines.length - errors, errors, newCustomers };
  }

  apply(previewId: string): BusinessView {
    const p = this.previews.get(previewId);
    this.previews.delete(previewId);
    if (!p || p.expires <= this.deps.now().getTime()) {
      throw new AppFailure('not_found', 'This import has expired or was already applied. Choose the file again.');
    }
    const good = p.lines.filter((l): l is AssignmentImportLine & { item: ItemRef } => !l.error && l.item !== null);
    const names: string[] = [];
    // Every name: one deleted since the preview is created again rather than its lines dropped.
    for (const l of good) if (!names.some((n) => sameText(n, l.customerName))) names.push(l.customerName);
    return this.deps.customers.applyAssignments(
      names,
      good.map((l) => ({
        item: l.item,
        label: l.itemLabel ?? l.item.id,
        customerName: l.customerName,
        price: l.price,
      })),
    );
  }
}

function choose(found: FoundItem[]): FoundItem {
  return [...found].sort((a, b) => KIND_ORDER.indexOf(a.item.kind) - KIND_ORDER.indexOf(b.item.kind))[0]!;
}
