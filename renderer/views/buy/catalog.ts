/**
 * The buy window's data: one vendor catalog per account (loaded once per dialog), the line being filled
 * in, and the checks that keep a line the vendor would refuse from reaching the price check.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../preload/contract/errors';
import type {
  PurchaseCatalog,
  PurchaseOptionField,
  PurchaseProduct,
  PurchaseSelection,
} from '../../../preload/contract/purchases';
import { getApi } from '../../api';

export interface CatalogState {
  catalog: PurchaseCatalog | null;
  error: AppError | null;
  loading: boolean;
}

/** The vendor's catalog of one account ('' = none picked); `reload` asks again. */
export function useCatalog(accountId: string): CatalogState & { reload: () => void } {
  const [state, setState] = useState<CatalogState>({ catalog: null, error: null, loading: false });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!accountId) {
      setState({ catalog: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState({ catalog: null, error: null, loading: true });
    // `round` re-runs the load on reload.
    void round;
    void getApi()
      .purchases.catalog({ accountId })
      .then((r) => {
        if (!live) return;
        setState(
          r.ok ? { catalog: r.data, error: null, loading: false } : { catalog: null, error: r.error, loading: false },
        );
      });
    return () => {
      live = false;
    };
  }, [accountId, round]);
  return { ...state, reload: () => setRound((n) => n + 1) };
}

/** What the user is filling in for one line (strings as the inputs hold them). */
export interface LineDraft {
  productId: string;
  location: string;
  cycleId: string;
  quantity: string;
  promoCode: string;
  options: Record<string, string>;
}

export const EMPTY_DRAFT: LineDraft = {
  productId: '',
  location: '',
  cycleId: '',
  quantity: '',
  promoCode: '',
  options: {},
};

/** A draft for a product: its first cycle, its minimum quantity, the first location in stock when required. */
export function draftFor(product: PurchaseProduct | undefined, previous: LineDraft): LineDraft {
  if (!product) return { ...EMPTY_DRAFT, promoCode: previous.promoCode };
  const location = product.locationRequired
    ? (product.locations.find((l) => l.stock !== 0)?.code ?? '')
    : product.locations.some((l) => l.code === previous.location)
      ? previous.location
      : '';
  return {
    productId: product.id,
    location,
    cycleId: product.cycles[0]?.id ?? '',
    quantity: String(product.quantity.min),
    promoCode: previous.promoCode,
    options: previous.options,
  };
}

/** The option fields that apply to a product. */
export function fieldsFor(catalog: PurchaseCatalog, productId: string): PurchaseOptionField[] {
  return catalog.options.filter((f) => f.products === null || f.products.includes(productId));
}

export type LineProblem =
  | { field: 'product'; key: 'product' | 'unavailable' }
  | { field: 'location'; key: 'location' | 'noStock' }
  | { field: 'cycle'; key: 'cycle' }
  | { field: 'quantity'; key: 'quantityWhole' | 'quantityMin' | 'quantityMax' | 'quantityStep' }
  | { field: `option:${string}`; key: 'option' };

/** What keeps this line from the price check, first problem per field. */
export function lineProblems(catalog: PurchaseCatalog, d: LineDraft): LineProblem[] {
  const out: LineProblem[] = [];
  const product = catalog.products.find((p) => p.id === d.productId);
  if (!product) return [{ field: 'product', key: 'product' }];
  if (product.unavailable) out.push({ field: 'product', key: 'unavailable' });
  const loc = product.locations.find((l) => l.code === d.location);
  if (product.locationRequired && !loc) out.push({ field: 'location', key: 'location' });
  else if (loc && loc.stock === 0) out.push({ field: 'location', key: 'noStock' });
  if (product.cycles.length > 0 && !product.cycles.some((c) => c.id === d.cycleId))
    out.push({ field: 'cycle', key: 'cycle' });
  const q = Number(d.quantity);
  const { min, max, step } = product.quantity;
  if (!/^\d+$/.test(d.quantity.trim())) out.push({ field: 'quantity', key: 'quantityWhole' });
  else if (q < min) out.push({ field: 'quantity', key: 'quantityMin' });
  else if (q > max) out.push({ field: 'quantity', key: 'quantityMax' });
  else if (step > 1 && (q - min) % step !== 0) out.push({ field: 'quantity', key: 'quantityStep' });
  for (const f of fieldsFor(catalog, product.id)) {
    if (f.required && !(d.options[f.key] ?? '').trim()) out.push({ field: `option:${f.key}`, key: 'option' });
  }
  return out;
}

/** The selection the price check gets for a valid draft. */
export function selectionOf(accountId: string, catalog: PurchaseCatalog, d: LineDraft): PurchaseSelection {
  const options: Record<string, string> = {};
  for (const f of fieldsFor(catalog, d.productId)) {
    const v = (d.options[f.key] ?? '').trim();
    if (v) options[f.key] = v;
  }
  const promo = catalog.promoCodeAllowed ? d.promoCode.trim() : '';
  return {
    accountId,
    request: {
      kind: 'order',
      productId: d.productId,
      location: d.location || null,
      cycleId: d.cycleId || null,
      quantity: Number(d.quantity),
      promoCode: promo || null,
      options,
    },
  };
}

/** A line of the list: the selection and the words that describe it before the price check. */
export interface BuyLine {
  key: string;
  selection: PurchaseSelection;
  accountLabel: string;
  vendorName: string;
  words: string;
}

/** "10 × Datacenter · Germany · 30 days" from the catalog's own labels. */
export function lineWords(catalog: PurchaseCatalog, d: LineDraft, unit: (n: number, u: string) => string): string {
  const product = catalog.products.find((p) => p.id === d.productId);
  if (!product) return d.productId;
  const parts = [`${unit(Number(d.quantity), product.quantity.unit)} × ${product.label}`];
  const loc = product.locations.find((l) => l.code === d.location);
  if (loc) parts.push(loc.label);
  const cycle = product.cycles.find((c) => c.id === d.cycleId);
  if (cycle) parts.push(cycle.label);
  for (const f of fieldsFor(catalog, product.id)) {
    const v = d.options[f.key];
    if (!v) continue;
    parts.push(f.choices?.find((c) => c.value === v)?.label ?? v);
  }
  if (catalog.promoCodeAllowed && d.promoCode.trim()) parts.push(d.promoCode.trim());
  return parts.join(' · ');
}
