/**
 * Runtime schemas of every IPC argument (zod). Main parses each call's arguments with these before
 * any handler runs; the renderer uses the same ones for form validation. Preload never imports this
 * file at runtime (it only needs channel names), so the sandboxed preload stays small.
 */
import { z } from 'zod';
import { VENDOR_IDS } from './model';

export const VendorIdSchema = z.enum(VENDOR_IDS);

export const AccountIdSchema = z.string().uuid({ message: 'Unknown account.' });

export const LabelSchema = z
  .string()
  .trim()
  .min(1, { message: 'Give the account a name.' })
  .max(60, { message: 'Keep the name under 60 characters.' })
  // Control characters would break lists and exports.
  .refine((s) => !/\p{Cc}/u.test(s), { message: 'The name contains characters that cannot be shown.' });

/** Credential values: printable, no surrounding spaces (trimmed), bounded (Windows caps secrets at 2560 bytes). */
export const CredentialValueSchema = z
  .string()
  .trim()
  .min(1, { message: 'This field is required.' })
  .max(512, { message: 'This value is too long to be a key.' })
  .refine((s) => !/[\p{Cc}\s]/u.test(s), { message: 'Keys never contain spaces or line breaks. Copy it again.' });

export const CredentialsSchema = z.record(z.string().min(1).max(40), CredentialValueSchema);

export const AddAccountInputSchema = z.object({
  vendor: VendorIdSchema,
  label: LabelSchema,
  credentials: CredentialsSchema,
});
export type AddAccountInput = z.input<typeof AddAccountInputSchema>;

export const RenameAccountInputSchema = z.object({ id: AccountIdSchema, label: LabelSchema });
export const AccountRefSchema = z.object({ id: AccountIdSchema });
export const TestCredentialsInputSchema = z.object({ vendor: VendorIdSchema, credentials: CredentialsSchema });

export const THEMES = ['system', 'light', 'dark'] as const;
export const LANGUAGES = ['en', 'zh-CN'] as const;

export const SettingsSchema = z.object({
  /** Minutes between background refreshes; 0 = manual only. */
  refreshIntervalMin: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** "Expiring soon" window, days. */
  expiryWindowDays: z.number().int().min(1).max(90),
  /** Reminder thresholds, days before expiry. */
  reminderDays: z.array(z.number().int().min(0).max(90)).max(6),
  theme: z.enum(THEMES),
  language: z.enum(LANGUAGES),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  refreshIntervalMin: 30,
  expiryWindowDays: 7,
  reminderDays: [7, 3, 1],
  theme: 'system',
  language: 'en',
};

export const SettingsPatchSchema = SettingsSchema.partial().strict();
