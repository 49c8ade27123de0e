/**
 * The reseller's own business (issue 16): customers, what each item is sold to whom for how much, "keep"
 * marks, currency rates; and the reports built on them (margin, runway, spending). None of it can be
 * fetched again from any vendor, so main keeps it in one file with atomic writes and rolling backups
 * (main/core/business/). Types shared by main and the renderer; zod schemas for the channels.
 */
import { z } from 'zod';
import type { Money, VendorId } from './model';
import { AccountIdSchema } from './schemas';

// ── Items and money ───────────────────────────────────────────────────────────────────────────

/** What can be assigned to a customer: an IP, an order, a sub-user or an unlimited server of an account. */
export const ITEM_KINDS = ['ip', 'order', 'subUser', 'server'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ItemRefSchema = z
  .object({ accountId: AccountIdSchema, kind: z.enum(ITEM_KINDS), id: z.string().min(1).max(200) })
  .strict();
export type ItemRef = z.infer<typeof ItemRefSchema>;

/** The one key of an item everywhere (maps, files, the renderer): account, kind and vendor id. */
export const itemKey = (r: ItemRef): string => `${r.accountId}|${r.kind}|${r.id}`;

export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'Use a three-letter currency code such as USD or CNY.' });
/** A sell price: integer minor units per month in one currency. */
export const MonthlyPriceSchema = z
  .object({ minor: z.number().int().min(0).max(100_000_000_00), currency: CurrencySchema })
  .strict();

// ── Customers ─────────────────────────────────────────────────────────────────────────────────

export const CustomerInputSchema = z
  .object({
    /** Absent = a new customer. */
    id: z.string().uuid().optional(),
    name: z.string().trim().min(1).max(120),
    contact: z.string().trim().max(300).default(''),
    notes: z.string().max(4000).default(''),
    /** Export template id of the IPs view's export (renderer/views/ips); null = the user's last one. */
    exportTemplate: z.string().min(1).max(60).nullable().default(null),
    /** Default sell price per month for this customer's items without their own price. */
    defaultPrice: MonthlyPriceSchema.nullable().default(null),
  })
  .strict();
export type CustomerInput = z.input<typeof CustomerInputSchema>;

export interface Customer {
  id: string;
  name: string;
  contact: string;
  notes: string;
  exportTemplate: string | null;
  defaultPrice: Money | null;
  createdAt: string;
  updatedAt: string;
}

// ── What the user knows about an item ─────────────────────────────────────────────────────────

/** One record per item the user said something about (customer, price or keep), keyed by itemKey. */
export interface ItemMeta {
  item: ItemRef;
  vendor: VendorId;
  /** How the item read when last seen (IP, product, user name): shown when it is no longer at the vendor. */
  label: string;
  customerId: string | null;
  /** Sell price per month for this item; null = the customer's default price (if any). */
  price: Money | null;
  /** "Keep": counts as committed renewal spend in the runway even with auto-renew off. */
  keep: boolean;
  /**
   * Since when the item is with its current customer (or, without one, since it got a price): the margin
   * report counts it from that month. Null in files written before it existed.
   */
  assignedAt: string | null;
  updatedAt: string;
}

/** The record's `assignedAt` after a change: kept while the customer stays the same, now when it changes. */
export function assignedSince(
  old: Pick<ItemMeta, 'customerId' | 'assignedAt'> | undefined,
  customerId: string | null,
  at: string,
): string {
  return old && old.customerId === customerId ? (old.assignedAt ?? at) : at;
}

/**
 * Whether the item is still at the vendor, from the account's last snapshot: 'missing' = the vendor no
 * longer lists it (kept, shown "no longer at <vendor>", until the user clears it); 'unknown' = the
 * account has no snapshot (or was removed).
 */
export type ItemPresence = 'present' | 'missing' | 'unknown';

export interface CurrencyRates {
  /** Reports convert into this currency when the user chooses to. */
  base: string;
  /** 1 unit of `currency` = `perUnit` units of base. */
  rates: { currency: string; perUnit: number }[];
}

export interface BusinessView {
  customers: Customer[];
  items: (ItemMeta & { presence: ItemPresence })[];
  rates: CurrencyRates | null;
  /** Plain notices about the file (restored from a backup, damaged file moved aside). */
  notices: string[];
}

export const ItemPatchSchema = z
  .object({
    /** null = no customer. */
    customerId: z.string().uuid().nullable().optional(),
    /** null = no own price. */
    price: MonthlyPriceSchema.nullable().optional(),
    keep: z.boolean().optional(),
  })
  .strict();

export const ItemsUpdateSchema = z
  .object({ items: z.array(ItemRefSchema).min(1).max(200_000), patch: ItemPatchSchema })
  .strict();
/** Clears the records of items (e.g. lines "no longer at <vendor>"). */
export const ItemsForgetSchema = z.object({ items: z.array(ItemRefSchema).min(1).max(200_000) }).strict();
export const CustomerRefSchema = z.object({ id: z.string().uuid() }).strict();
export const CurrencyRatesSchema = z
  .object({
    base: CurrencySchema,
    rates: z
      .array(z.object({ currency: CurrencySchema, perUnit: z.number().positive().max(1_000_000) }).strict())
      .max(50),
  })
  .strict()
  .nullable();

// ── CSV import of assignments ─────────────────────────────────────────────────────────────────

/** `ip` or item id, customer (and optional price) per line; nothing is applied until confirmed. */
export const AssignmentCsvSchema = z.object({ csv: z.string().max(10_000_000) }).strict();
export const ImportApplySchema = z.object({ previewId: z.string().uuid() }).strict();

/** Why an import line cannot be applied, for the renderer's own sentence (en and zh-CN). */
export const IMPORT_PROBLEMS = [
  'no_item', // no IP or id on the line
  'no_customer',
  'name_too_long', // values.max
  'bad_price', // values.text
  'no_currency', // values.text
  'bad_currency', // values.currency
  'no_account', // values.account: no account of that name
  'not_in_account', // values.item, values.account
  'not_found', // values.item
  'several_accounts', // values.item, values.accounts (comma-separated names)
  'twice', // values.line: the line that already has the item
] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

export interface AssignmentImportLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  item: ItemRef | null;
  itemLabel: string | null;
  customerName: string;
  /** null = a new customer of that name is created on apply. */
  customerId: string | null;
  price: Money | null;
  /** Plain words when the line cannot be applied; such lines are skipped on apply. */
  error: string | null;
  /** The same as `error` as a code and the values its sentence needs (null when there is no error). */
  problem?: { code: ImportProblem; values: Record<string, string> } | null;
}

export interface AssignmentImportPreview {
  previewId: string;
  lines: AssignmentImportLine[];
  ok: number;
  errors: number;
  newCustomers: string[];
}

// ── Reports ───────────────────────────────────────────────────────────────────────────────────

/** Where an item's cost came from, in this order of preference (issue 16 §2). */
export type CostSource = 'vendor' | 'journal' | 'quote' | 'none';

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const MarginQuerySchema = z
  .object({
    /** Inclusive months `YYYY-MM` (the computer's zone). */
    from: MonthSchema,
    to: MonthSchema,
    /** Convert everything into the rates' base currency; false = one figure per currency. */
    convert: z.boolean().default(false),
  })
  .strict();

export interface MarginRow {
  month: string;
  customerId: string | null;
  vendor: VendorId;
  revenue: Money;
  cost: Money;
  margin: Money;
  /** How many item-months took their cost from each source. */
  costSources: Record<CostSource, number>;
}

export interface MarginReport {
  months: string[];
  rows: MarginRow[];
  converted: boolean;
  /** Currencies that had no rate (left out of a converted report, and said so). */
  missingRates: string[];
}

/** The cost per month of each item (a customer's page), from cost-basis.ts in main. */
export const ItemCostsQuerySchema = z.object({ items: z.array(ItemRefSchema).max(200_000) }).strict();
export interface ItemCost {
  /** `accountId|kind|id` of the item asked about. */
  key: string;
  /** Per 30 days; null when no source knows it (source 'none'). */
  perMonth: Money | null;
  source: CostSource;
}

export const SpendQuerySchema = z.object({ from: MonthSchema, to: MonthSchema }).strict();

export interface SpendRow {
  month: string;
  vendor: VendorId;
  accountId: string;
  accountLabel: string;
  spent: Money;
  /** 'audit' = Proxydeck's own record of money it moved; 'vendor' = the vendor's order history. */
  source: 'audit' | 'vendor';
}

export interface SpendReport {
  months: string[];
  rows: SpendRow[];
}

export interface RunwayItem {
  item: ItemRef;
  label: string;
  expiresAt: string;
  /** Known renewal price for one period; null = not known (not in the total, counted in `unpriced`). */
  price: Money | null;
  costSource: CostSource;
  reason: 'autoRenew' | 'keep';
}

export interface AccountRunway {
  accountId: string;
  accountLabel: string;
  vendor: VendorId;
  /** Null when the vendor has no balance API (`hasBalanceApi` false) or it was not read yet. */
  balance: Money | null;
  hasBalanceApi: boolean;
  /** Committed spend in the window, per currency. */
  committed: Money[];
  items: RunwayItem[];
  unpriced: number;
  /** The balance covers every known renewal in the window: the last one's date (or null when none). */
  coversUntil: string | null;
  /** The first renewal the balance cannot cover: how much is missing then. */
  shortBy: { amount: Money; on: string } | null;
}

export interface RunwayReport {
  windowDays: number;
  accounts: AccountRunway[];
}

// ── Notices about the business file ───────────────────────────────────────────────────────────

/** 'damaged': not valid business data; 'unreadable': the disk refused to read it. */
export type BusinessFileProblem = 'damaged' | 'unreadable';
export interface BusinessFileNotice {
  problem: BusinessFileProblem;
  /** Where the file was kept unchanged. */
  kept: string;
  /** The day (`YYYY-MM-DD`) of the backup that was restored; null = no backup, started empty. */
  restoredDay: string | null;
}

const PROBLEM_WORDS: Record<BusinessFileProblem, string> = {
  damaged: 'could not be used: it is damaged',
  unreadable: 'could not be used: the disk could not read it',
};

/** Where the user restores another copy or imports an export (named in the notice). */
export const YOUR_DATA_PLACE = 'Settings → Your data';

/** The notice main shows (English); the renderer words it itself in zh-CN via parseBusinessNotice. */
export function businessNotice(n: BusinessFileNotice): string {
  const what = `Your customers and prices file ${PROBLEM_WORDS[n.problem]}`;
  if (n.restoredDay === null) {
    return `${what} and there is no backup of it. Proxydeck started with no customers or prices. The file was kept unchanged at ${n.kept}; keep it if you want to have it repaired. If you have an export file, import it in ${YOUR_DATA_PLACE}.`;
  }
  return `${what}. It was kept unchanged at ${n.kept}, and the backup taken on ${n.restoredDay} was restored: changes made after that are missing, so please check your customers and prices. To restore another copy, open ${YOUR_DATA_PLACE}.`;
}

export function parseBusinessNotice(text: string): BusinessFileNotice | null {
  const m =
    /^Your customers and prices file could not be used: (it is damaged|the disk could not read it)(?: and there is no backup of it\. Proxydeck started with no customers or prices\. The file was kept unchanged at (.+); keep it if you want to have it repaired\. If you have an export file, import it in Settings → Your data\.|\. It was kept unchanged at (.+), and the backup taken on (\d{4}-\d{2}-\d{2}) was restored: changes made after that are missing, so please check your customers and prices\. To restore another copy, open Settings → Your data\.)$/s.exec(
      text,
    );
  if (!m) return null;
  const problem: BusinessFileProblem = m[1] === 'it is damaged' ? 'damaged' : 'unreadable';
  return m[2] !== undefined
    ? { problem, kept: m[2], restoredDay: null }
    : { problem, kept: m[3] as string, restoredDay: m[4] as string };
}

/** The notice when the list of balance (runway) reminders already shown could not be read at start-up. */
export function runwayRemindersNotice(kept: string | null): string {
  return `The list of balance reminders already shown could not be read${kept ? ` (kept as ${kept})` : ''}. A balance reminder may show again.`;
}

/** Where the unreadable list was kept ('' when it could not be moved), or null for any other text. */
export function parseRunwayRemindersNotice(text: string): { kept: string } | null {
  const m =
    /^The list of balance reminders already shown could not be read(?: \(kept as (.+)\))?\. A balance reminder may show again\.$/s.exec(
      text,
    );
  return m ? { kept: m[1] ?? '' } : null;
}
