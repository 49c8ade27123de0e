/**
 * The export file of all local user data (issue 16 §5): one JSON document, `format: 'proxydeck-export'`.
 *
 * Version 1: { format, version: 1, exportedAt, appVersion, settings, accounts: [{ id, vendor, label, demo }],
 *   business: business.json's data (customers, items, rates), secrets: null | sealed }.
 * Version 0 (the first shape, kept readable): no appVersion, customers and items at the top level, items
 *   without `keep`, no currency rates. It is brought up to version 1 before anything else looks at it.
 *
 * `secrets`, when present, is the JSON of { accounts: { [accountId]: credentials }, proxyPassword } sealed
 * with the user's passphrase (userdata-crypto.ts). Nothing secret is ever in the file in clear.
 */
import { z } from 'zod';
import { CredentialsSchema, LabelSchema, SettingsSchema, VendorIdSchema } from '../../../preload/contract/schemas';
import { BusinessDataSchema } from './business-schema';
import { SealedSchema } from './userdata-crypto';

export const EXPORT_FORMAT = 'proxydeck-export';
export const EXPORT_VERSION = 1;

const AccountLineSchema = z
  .object({ id: z.string().uuid(), vendor: VendorIdSchema, label: LabelSchema, demo: z.boolean() })
  .strict();
export type ExportAccount = z.infer<typeof AccountLineSchema>;

const IsoDate = z.string().datetime({ offset: true });

export const ExportV1Schema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(1),
    exportedAt: IsoDate,
    appVersion: z.string().max(60),
    settings: SettingsSchema,
    accounts: z.array(AccountLineSchema).max(5000),
    business: BusinessDataSchema,
    secrets: SealedSchema.nullable(),
  })
  .strict();
export type ExportV1 = z.infer<typeof ExportV1Schema>;
export type ExportV1Input = z.input<typeof ExportV1Schema>;

/** Version 0: checked for its own shape (strictly), then migrated; its records are checked as version 1's. */
export const ExportV0Schema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(0),
    exportedAt: IsoDate,
    settings: z.record(z.string(), z.unknown()),
    accounts: z.array(AccountLineSchema).max(5000),
    customers: z.array(z.record(z.string(), z.unknown())).max(100_000),
    items: z.array(z.record(z.string(), z.unknown())).max(1_000_000),
    secrets: SealedSchema.nullable(),
  })
  .strict();

/** What the sealed part holds once opened. */
export const SecretsSchema = z
  .object({
    accounts: z.record(z.string().uuid(), CredentialsSchema),
    proxyPassword: z.string().min(1).max(255).nullable(),
  })
  .strict();
export type ExportSecrets = z.infer<typeof SecretsSchema>;

const NOT_EXPORT = 'This file is not a Proxydeck export. Choose the file Proxydeck saved with "Export".';
const NEWER =
  'This file was made by a newer version of Proxydeck. Update Proxydeck on this computer, then import it again. Nothing was imported.';

export type ReadResult = { file: ExportV1; fileVersion: number; migrated: boolean } | { error: string };

function damaged(issues: z.core.$ZodIssue[]): string {
  const first = issues[0];
  const where = first?.path.length ? ` (at ${first.path.join('.')})` : '';
  return `This export file is damaged or was changed after it was saved${where}. Nothing was imported.`;
}

/** Checks a file's text and brings an older version up to date; errors are plain sentences. */
export function readExport(text: string): ReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: NOT_EXPORT };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: NOT_EXPORT };
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== EXPORT_FORMAT) return { error: NOT_EXPORT };
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 0)
    return { error: damaged([]) };
  if (head.version > EXPORT_VERSION) return { error: NEWER };
  if (head.version === 0) {
    const v0 = ExportV0Schema.safeParse(raw);
    if (!v0.success) return { error: damaged(v0.error.issues) };
    const migrated = ExportV1Schema.safeParse(migrateV0(v0.data));
    if (!migrated.success) return { error: damaged(migrated.error.issues) };
    return { file: migrated.data, fileVersion: 0, migrated: true };
  }
  const v1 = ExportV1Schema.safeParse(raw);
  if (!v1.success) return { error: damaged(v1.error.issues) };
  return { file: v1.data, fileVersion: 1, migrated: false };
}

/** Version 0 → 1: business data moves under `business`, items get `keep: false`, no rates. */
export function migrateV0(v0: z.infer<typeof ExportV0Schema>): unknown {
  return {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: v0.exportedAt,
    appVersion: 'unknown',
    settings: v0.settings,
    accounts: v0.accounts,
    business: {
      version: 1,
      customers: v0.customers,
      items: v0.items.map((i) => ({ keep: false, ...i })),
      rates: null,
    },
    secrets: v0.secrets,
  };
}
