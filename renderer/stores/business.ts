/**
 * The reseller's own business data (issue 16): customers and what the user said about each item
 * (customer, sell price, "keep"). One store, reloaded on the 'business-changed' event. Rows of the big
 * tables read it through Maps keyed by itemKey (never a search of the arrays per row).
 */
import { create } from 'zustand';
import type {
  AssignmentImportPreview,
  BusinessView,
  Customer,
  CustomerInput,
  ItemMeta,
  ItemPresence,
  ItemRef,
} from '../../preload/contract/business';
import { itemKey } from '../../preload/contract/business';
import type { AppError, Result } from '../../preload/contract/errors';
import type { Money } from '../../preload/contract/model';
import { getApi } from '../api';

export type ItemEntry = ItemMeta & { presence: ItemPresence };

export interface ItemPatch {
  customerId?: string | null;
  price?: Money | null;
  keep?: boolean;
}

/** What the tables read: built once per change of the business data. */
export interface BusinessIndex {
  /** itemKey → the item's record. */
  byItem: ReadonlyMap<string, ItemEntry>;
  customers: ReadonlyMap<string, Customer>;
}

export const EMPTY_INDEX: BusinessIndex = { byItem: new Map(), customers: new Map() };

export function buildIndex(view: BusinessView | null): BusinessIndex {
  if (!view) return EMPTY_INDEX;
  const byItem = new Map<string, ItemEntry>();
  for (const it of view.items) byItem.set(itemKey(it.item), it);
  const customers = new Map<string, Customer>();
  for (const c of view.customers) customers.set(c.id, c);
  return { byItem, customers };
}

interface BusinessState {
  view: BusinessView | null;
  index: BusinessIndex;
  loaded: boolean;
  error: AppError | null;
  fetch: () => Promise<void>;
  saveCustomer: (input: CustomerInput) => Promise<Result<BusinessView>>;
  deleteCustomer: (id: string) => Promise<Result<BusinessView>>;
  updateItems: (items: ItemRef[], patch: ItemPatch) => Promise<Result<BusinessView>>;
  forgetItems: (items: ItemRef[]) => Promise<Result<BusinessView>>;
  importPreview: (csv: string) => Promise<Result<AssignmentImportPreview>>;
  importApply: (previewId: string) => Promise<Result<BusinessView>>;
}

// Coalesce reloads: events can come in bursts.
let inflight: Promise<void> | null = null;
let again = false;

export const useBusinessStore = create<BusinessState>()((set, get) => {
  /** Every write answers with the whole view: take it at once (the event reloads it again). */
  const took = (r: Result<BusinessView>): Result<BusinessView> => {
    if (r.ok) set({ view: r.data, index: buildIndex(r.data), loaded: true, error: null });
    return r;
  };
  const api = () => getApi().business;
  return {
    view: null,
    index: EMPTY_INDEX,
    loaded: false,
    error: null,
    fetch: async () => {
      if (inflight) {
        again = true;
        return inflight;
      }
      inflight = (async () => {
        do {
          again = false;
          const r = await api().get();
          if (r.ok) took(r);
          else set({ error: r.error, loaded: get().loaded });
        } while (again);
      })();
      try {
        await inflight;
      } finally {
        inflight = null;
      }
    },
    saveCustomer: async (input) => took(await api().saveCustomer(input)),
    deleteCustomer: async (id) => took(await api().deleteCustomer({ id })),
    updateItems: async (items, patch) => took(await api().updateItems({ items, patch })),
    forgetItems: async (items) => took(await api().forgetItems({ items })),
    importPreview: (csv) => api().importPreview({ csv }),
    importApply: async (previewId) => took(await api().importApply({ previewId })),
  };
});
