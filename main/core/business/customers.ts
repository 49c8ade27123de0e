/**
 * Customers and what the user knows about items (issue 16): save / delete customers, set customer, price
 * and keep on many items at once, forget items, set currency rates, and the view the window shows (each
 * item with whether the vendor still lists it). All of it goes through the BusinessStore (one atomic
 * write per call).
 */
import { randomUUID } from 'node:crypto';
import {
  assignedSince,
  type BusinessView,
  type CurrencyRates,
  type Customer,
  CustomerInputSchema,
  type ItemMeta,
  type ItemRef,
  itemKey,
} from '../../../preload/contract/business';
import type { Money } from '../../../preload/contract/model';
import { AppFailure } from '../errors';
import type { BusinessData, BusinessStore } from './business-store';
import { ItemIndex, type LookupDeps } from './item-lookup';

export interface CustomersDeps extends LookupDeps {
  store: BusinessStore;
  now: () => Date;
  uuid?: () => string;
}

export interface ItemPatch {
  customerId?: string | null;
  price?: Money | null;
  keep?: boolean;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** A record that says nothing (no customer, no price, not kept) is not kept. */
export const saysSomething = (m: ItemMeta) => m.customerId !== null || m.price !== null || m.keep;

export function duplicateName(name: string): AppFailure {
  return new AppFailure('duplicate_label', `You already have a customer named "${name}". Choose another name.`, 'name');
}

export class CustomersService {
  constructor(private readonly deps: CustomersDeps) {}

  private stamp(): string {
    return this.deps.now().toISOString();
  }

  private newId(): string {
    return (this.deps.uuid ?? randomUUID)();
  }

  /** `d`: the data just saved (saves a copy of everything); the store's otherwise. */
  view(d: BusinessData = this.deps.store.get()): BusinessView {
    const index = new ItemIndex(this.deps);
    return {
      customers: d.customers,
      items: d.items.map((m) => ({ ...m, presence: index.presence(m.item) })),
      rates: d.rates,
      notices: this.deps.store.notices(),
    };
  }

  /** New (no id) or changed customer; names are unique regardless of case. */
  saveCustomer(input: unknown): BusinessView {
    const c = CustomerInputSchema.parse(input);
    const at = this.stamp();
    const saved = this.deps.store.update((d) => {
      const clash = d.customers.find((x) => x.id !== c.id && sameName(x.name, c.name));
      if (clash) throw duplicateName(clash.name);
      const fields = {
        name: c.name,
        contact: c.contact,
        notes: c.notes,
        exportTemplate: c.exportTemplate,
        defaultPrice: c.defaultPrice,
        updatedAt: at,
      };
      if (!c.id) {
        return { ...d, customers: [...d.customers, { id: this.newId(), ...fields, createdAt: at }] };
      }
      if (!d.customers.some((x) => x.id === c.id)) throw gone();
      return { ...d, customers: d.customers.map((x) => (x.id === c.id ? { ...x, ...fields } : x)) };
    }, 'customer saved');
    return this.view(saved);
  }

  /** The customer goes; its items keep their own price and keep mark (and go when nothing is left). */
  deleteCustomer(id: string): BusinessView {
    const at = this.stamp();
    const saved = this.deps.store.update((d) => {
      if (!d.customers.some((c) => c.id === id)) throw gone();
      const items = d.items
        .map((m) => (m.customerId === id ? { ...m, customerId: null, assignedAt: at, updatedAt: at } : m))
        .filter(saysSomething);
      return { ...d, customers: d.customers.filter((c) => c.id !== id), items };
    }, 'customer deleted');
    return this.view(saved);
  }

  /** Sets customer / price / keep on many items; vendor and label come from the accounts' snapshots. */
  updateItems(refs: ItemRef[], patch: ItemPatch): BusinessView {
    const at = this.stamp();
    const index = new ItemIndex(this.deps);
    const saved = this.deps.store.update((d) => {
      if (patch.customerId && !d.customers.some((c) => c.id === patch.customerId)) throw gone();
      const records = new Map(d.items.map((m) => [itemKey(m.item), m]));
      for (const ref of refs) {
        const account = index.account(ref.accountId);
        if (!account) {
          throw new AppFailure(
            'not_found',
            'One of these items belongs to an account that was removed. Refresh the list.',
          );
        }
        const key = itemKey(ref);
        const old = records.get(key);
        const customerId = patch.customerId !== undefined ? patch.customerId : (old?.customerId ?? null);
        const next: ItemMeta = {
          item: { accountId: ref.accountId, kind: ref.kind, id: ref.id },
          vendor: account.vendor,
          label: index.label(ref) ?? old?.label ?? ref.id,
          customerId,
          price: patch.price !== undefined ? patch.price : (old?.price ?? null),
          keep: patch.keep ?? old?.keep ?? false,
          assignedAt: assignedSince(old, customerId, at),
          updatedAt: at,
        };
        if (saysSomething(next)) records.set(key, next);
        else records.delete(key);
      }
      return { ...d, items: [...records.values()] };
    }, 'items updated');
    return this.view(saved);
  }

  /** Clears the records of these items (e.g. those the vendor no longer lists). */
  forgetItems(refs: ItemRef[]): BusinessView {
    const drop = new Set(refs.map(itemKey));
    const saved = this.deps.store.update(
      (d) => ({ ...d, items: d.items.filter((m) => !drop.has(itemKey(m.item))) }),
      'items forgotten',
    );
    return this.view(saved);
  }

  setRates(rates: CurrencyRates | null): BusinessView {
    if (rates) {
      const seen = new Set<string>();
      for (const r of rates.rates) {
        if (seen.has(r.currency)) {
          throw new AppFailure(
            'invalid_argument',
            `${r.currency} is listed twice. Keep one rate per currency.`,
            'rates',
          );
        }
        seen.add(r.currency);
      }
    }
    const saved = this.deps.store.update((d) => ({ ...d, rates }), 'rates set');
    return this.view(saved);
  }

  /** Used by the import: adds customers by name (none may exist yet) and applies per-item changes. */
  applyAssignments(
    newNames: string[],
    lines: { item: ItemRef; label: string; customerName: string; price: Money | null }[],
  ): BusinessView {
    const at = this.stamp();
    const index = new ItemIndex(this.deps);
    const saved = this.deps.store.update(
      (d) => applyLines(d, newNames, lines, at, () => this.newId(), index),
      'assignments imported',
    );
    return this.view(saved);
  }
}

function applyLines(
  d: BusinessData,
  newNames: string[],
  lines: { item: ItemRef; label: string; customerName: string; price: Money | null }[],
  at: string,
  newId: () => string,
  index: ItemIndex,
): BusinessData {
  const customers: Customer[] = [...d.customers];
  const byName = (name: string) => customers.find((c) => sameName(c.name, name));
  for (const name of newNames) {
    if (byName(name)) continue; // created meanwhile (another window): use it
    customers.push({
      id: newId(),
      name: name.trim(),
      contact: '',
      notes: '',
      exportTemplate: null,
      defaultPrice: null,
      createdAt: at,
      updatedAt: at,
    });
  }
  const records = new Map(d.items.map((m) => [itemKey(m.item), m]));
  for (const l of lines) {
    const customer = byName(l.customerName);
    const account = index.account(l.item.accountId);
    if (!customer || !account) continue; // the account was removed since the preview
    const key = itemKey(l.item);
    const old = records.get(key);
    records.set(key, {
      item: l.item,
      vendor: account.vendor,
      label: index.label(l.item) ?? l.label,
      customerId: customer.id,
      price: l.price ?? old?.price ?? null,
      keep: old?.keep ?? false,
      assignedAt: assignedSince(old, customer.id, at),
      updatedAt: at,
    });
  }
  return { ...d, customers, items: [...records.values()] };
}

const gone = () =>
  new AppFailure('not_found', 'That customer no longer exists. It may have been deleted in another window.');
