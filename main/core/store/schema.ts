/**
 * What the settings file holds, as a zod schema (the source) and the JSON schema derived from it
 * (handed to electron-store/conf, which validates every write). Secrets never go here.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../../../preload/contract/errors';
import { DEFAULT_SETTINGS, SettingsSchema, VendorIdSchema } from '../../../preload/contract/schemas';

export const STORE_VERSION = 2;

export const AccountMetaSchema = z.object({
  id: z.string().uuid(),
  vendor: VendorIdSchema,
  label: z.string().min(1).max(60),
  createdAt: z.string(),
  lastRefreshAt: z.string().nullable(),
  demo: z.boolean(),
  credentialHint: z.string().nullable(),
  /** Why the last refresh failed (kept so "needs attention" survives a restart); null after a good one. */
  lastError: z
    .object({ code: z.enum(ERROR_CODES), message: z.string(), at: z.string() })
    .nullable()
    .default(null),
});
export type AccountMeta = z.infer<typeof AccountMetaSchema>;

export const StoreDataSchema = z.object({
  schemaVersion: z.literal(STORE_VERSION),
  settings: SettingsSchema,
  accounts: z.array(AccountMetaSchema),
  /** True once the user removed the demo accounts or added a real one: demo mode never returns uninvited. */
  demoDismissed: z.boolean(),
});
export type StoreData = z.infer<typeof StoreDataSchema>;

export const DEFAULT_STORE: StoreData = {
  schemaVersion: STORE_VERSION,
  settings: DEFAULT_SETTINGS,
  accounts: [],
  demoDismissed: false,
};

/** Per-key JSON schemas for conf's `schema` option (it wraps them in an object schema itself). */
export function confSchema(): Record<string, unknown> {
  const js = z.toJSONSchema(StoreDataSchema, { target: 'draft-07' }) as { properties: Record<string, unknown> };
  return js.properties;
}
