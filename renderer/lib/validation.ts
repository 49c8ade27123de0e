/**
 * Client-side validation with the contract's zod schemas; messages translated by the English
 * message the schema gives (the schema stays the single source of the rules).
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import {
  CredentialValueSchema,
  LabelSchema,
  type TextField,
  UNSAVABLE_TEXT,
  wellFormedText,
} from '../../preload/contract/schemas';

const MESSAGE_KEYS: Record<string, string> = {
  'This field is required.': 'validation.required',
  'This value is too long to be a key.': 'validation.tooLong',
  'Keys never contain spaces or line breaks. Copy it again.': 'validation.noSpaces',
  'Give the account a name.': 'validation.labelRequired',
  'Keep the name under 60 characters.': 'validation.labelTooLong',
  'The name contains characters that cannot be shown.': 'validation.labelBadChars',
  // A lone surrogate (half of an emoji) in a text field, one message per field.
  ...Object.fromEntries(
    Object.entries(UNSAVABLE_TEXT).map(([field, message]) => [message, `validation.unsavable.${field}`]),
  ),
};

function firstMessage(schema: z.ZodType, value: unknown, t: TFunction): string | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const message = parsed.error.issues[0]?.message ?? '';
  const key = MESSAGE_KEYS[message];
  return key ? t(key) : message || t('validation.required');
}

export const validateLabel = (value: string, t: TFunction) => firstMessage(LabelSchema, value, t);
export const validateCredential = (value: string, t: TFunction) => firstMessage(CredentialValueSchema, value, t);

/**
 * The contract's rule for other user text (sub-user username, password, note; verification code):
 * the translated message when the text contains a character that cannot be saved, else null.
 */
export const validateText = (value: string, field: TextField, t: TFunction) =>
  firstMessage(wellFormedText(field), value, t);

/** Whole number within [min, max], or an error message. */
export function parseWholeNumber(
  raw: string,
  min: number,
  max: number,
  t: TFunction,
): { value: number; error: null } | { value: null; error: string } {
  const text = raw.trim();
  const n = Number(text);
  if (text === '' || !/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    return { value: null, error: t('validation.wholeNumber', { min, max }) };
  }
  return { value: n, error: null };
}
