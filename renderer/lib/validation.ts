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
import type { CredentialRule, TextRule } from '../../preload/contract/vendors';

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

// ----- Vendor form rules (preload/contract/vendors.ts VENDOR_FORM_RULES): help text and live checks -----

/** What is wrong with a value under a rule, as a translation key under formsPlus.rule.*, or null. */
export type RuleProblem = { key: string; values?: Record<string, unknown> } | null;

const ALNUM = /^[A-Za-z0-9]*$/;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** Checks text against a vendor rule; the first problem found (empty text is the caller's "required"). */
export function checkTextRule(value: string, rule: TextRule | CredentialRule): RuleProblem {
  const cred = rule as CredentialRule;
  const lower = value.toLowerCase();
  if (cred.noPrefix && lower.startsWith(cred.noPrefix))
    return { key: 'noPrefix', values: { prefix: cred.noPrefix.trim() } };
  if (cred.forbidden && [...value].some((c) => cred.forbidden?.includes(c)))
    return { key: 'forbidden', values: { chars: [...cred.forbidden].join(' ') } };
  if (rule.charset === 'alnum' && !ALNUM.test(value)) return { key: 'alnum' };
  if (rule.startsWithLetter && value && !/^[A-Za-z]/.test(value)) return { key: 'startsWithLetter' };
  const n = [...value].length;
  if (rule.minLength !== undefined && n < rule.minLength) {
    return rule.maxLength !== undefined
      ? { key: 'between', values: { min: rule.minLength, max: rule.maxLength, length: n } }
      : { key: 'atLeast', values: { min: rule.minLength, length: n } };
  }
  if (rule.maxLength !== undefined && n > rule.maxLength) {
    return rule.minLength !== undefined
      ? { key: 'between', values: { min: rule.minLength, max: rule.maxLength, length: n } }
      : { key: 'atMost', values: { max: rule.maxLength, length: n } };
  }
  return null;
}

/** Note length: Latin characters up to maxLength, or fewer when it holds Chinese (BestProxy remark). */
export function checkNoteRule(value: string, rule: { maxLength: number; cjkMaxLength?: number }): RuleProblem {
  const n = [...value].length;
  const max = rule.cjkMaxLength !== undefined && CJK.test(value) ? rule.cjkMaxLength : rule.maxLength;
  if (n > max)
    return { key: 'noteTooLong', values: { max: rule.maxLength, cjkMax: rule.cjkMaxLength ?? max, length: n } };
  return null;
}

/** The help sentence for a rule: its parts joined ("6–15 characters · letters and digits only · …"). */
export function ruleHelpParts(rule: TextRule | CredentialRule): { key: string; values?: Record<string, unknown> }[] {
  const cred = rule as CredentialRule;
  const parts: { key: string; values?: Record<string, unknown> }[] = [];
  if (rule.minLength !== undefined && rule.maxLength !== undefined)
    parts.push({ key: 'help.between', values: { min: rule.minLength, max: rule.maxLength } });
  else if (rule.minLength !== undefined) parts.push({ key: 'help.atLeast', values: { min: rule.minLength } });
  else if (rule.maxLength !== undefined) parts.push({ key: 'help.atMost', values: { max: rule.maxLength } });
  if (rule.charset === 'alnum') parts.push({ key: 'help.alnum' });
  if (rule.startsWithLetter) parts.push({ key: 'help.startsWithLetter' });
  if (cred.forbidden) parts.push({ key: 'help.forbidden', values: { chars: [...cred.forbidden].join(' ') } });
  if (cred.noPrefix) parts.push({ key: 'help.noPrefix', values: { prefix: cred.noPrefix.trim() } });
  return parts;
}

/** Translated rule problem (formsPlus.rule.*). */
export const ruleProblemText = (p: RuleProblem, t: TFunction): string | null =>
  p ? String(t(`formsPlus.rule.${p.key}`, p.values ?? {})) : null;

/** Translated help line of a rule (formsPlus.rule.help.*, joined with " · "). */
export const ruleHelpText = (rule: TextRule | CredentialRule, t: TFunction): string =>
  ruleHelpParts(rule)
    .map((p) => String(t(`formsPlus.rule.${p.key}`, p.values ?? {})))
    .join(' · ');
