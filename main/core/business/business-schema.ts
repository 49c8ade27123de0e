/**
 * The shape of `business.json` (issue 16), checked on every read: strict where it matters (ids, money,
 * kinds, dates), lenient for cosmetic text (a missing note or label reads as ''). A file that fails
 * these checks is treated as damaged (business-store.ts), never half-used.
 */
import { z } from 'zod';
import {
  type CurrencyRates,
  CurrencyRatesSchema,
  type Customer,
  type ItemMeta,
  ItemRefSchema,
  itemKey,
  MonthlyPriceSchema,
} from '../../../preload/contract/business';
import { VENDOR_IDS } from '../../../preload/contract/model';

export interface BusinessData {
  version: 1;
  customers: Customer[];
  items: ItemMeta[];
  rates: CurrencyRates | null;
}

export const emptyBusiness = (): BusinessData => ({ version: 1, customers: [], items: [], rates: null });

const IsoDate = z.string().datetime({ offset: true });
const text = (max: number) => z.string().max(max).catch('');

const CustomerSchema = z.object({
  id: z.string().uuid(),
  name: z.string().trim().min(1).max(120),
  contact: text(300).default(''),
  notes: text(4000).default(''),
  exportTemplate: z.string().min(1).max(60).nullable().catch(null).default(null),
  defaultPrice: MonthlyPriceSchema.nullable(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

const ItemMetaSchema = z.object({
  item: ItemRefSchema,
  vendor: z.enum(VENDOR_IDS),
  label: text(500).default(''),
  customerId: z.string().uuid().nullable(),
  price: MonthlyPriceSchema.nullable(),
  keep: z.boolean(),
  assignedAt: IsoDate.nullable().default(null),
  updatedAt: IsoDate,
});

export const BusinessDataSchema = z
  .object({
    version: z.literal(1),
    customers: z.array(CustomerSchema).max(100_000),
    items: z.array(ItemMetaSchema).max(1_000_000),
    rates: CurrencyRatesSchema,
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    for (const c of d.customers) {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', message: `customer ${c.id} appears twice` });
      ids.add(c.id);
    }
    const keys = new Set<string>();
    for (const m of d.items) {
      const k = itemKey(m.item);
      if (keys.has(k)) ctx.addIssue({ code: 'custom', message: `item ${k} appears twice` });
      keys.add(k);
    }
  })
  .transform((d): BusinessData => {
    // An item pointing at a customer that is not in the file loses the customer, keeps price and keep.
    const ids = new Set(d.customers.map((c) => c.id));
    const items = d.items.map((m) => (m.customerId && !ids.has(m.customerId) ? { ...m, customerId: null } : m));
    return { version: 1, customers: d.customers, items, rates: d.rates };
  });

/** The data, or why it cannot be used (plain words, for the log and the notice). */
export function parseBusiness(raw: unknown): { data: BusinessData } | { reason: string } {
  const r = BusinessDataSchema.safeParse(raw);
  if (r.success) return { data: r.data };
  const first = r.error.issues[0];
  return { reason: `it does not hold valid business data (${first?.path.join('.') || 'file'}: ${first?.message})` };
}
