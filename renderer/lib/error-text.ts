/**
 * Shows an AppError (whose `message` main writes in plain English) in the UI language.
 * English: main's message unchanged (it is already specific). zh-CN: the Chinese sentence for the
 * error code, followed by main's English message in parentheses when it carries specifics
 * (an account name, the vendor's own words, platform-specific keychain steps...).
 * Pure `errorText` for tests; `useErrorText` re-renders when the language changes.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ERROR_CODES, type ErrorCode } from '../../preload/contract/errors';
import type { ConnectionCheck } from '../../preload/contract/model';
import { parseDiskNotice, UNEXPECTED_NOTICE } from '../../preload/contract/notices';
import { en } from '../i18n/en';
import { businessNoticeText } from './business-notices';
import { translateKnown } from './error-sentences';
import { formatBytes, formatMoney } from './format';

/** A translate function as i18next's `t` (only the form used here). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Something with a code and main's English message (an AppError, a refresh failure...). */
export type ErrorLike = { code?: ErrorCode | string | undefined; message: string | null };

/**
 * Codes whose messages from main are known to be generic (no specifics beyond the code's sentence),
 * so no English detail is appended in zh-CN:
 * - internal: "Something went wrong inside Proxydeck…" / "The request failed." (dispatcher, web host);
 * - forbidden_sender: the fixed refusal of a request from an unknown window/page (IPC guard, web host);
 * Every other code may carry specifics (vendor name and words, account name, field, keychain steps;
 * storage: the folder, what is wrong with the disk, and whether a renewal was sent).
 */
const GENERIC_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['internal', 'forbidden_sender']);

const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);

const isChinese = (language: string) => language === 'zh-CN' || language.startsWith('zh');

/** Errors the renderer's own HTTP transport makes (English message, see api/http.ts): fully translated. */
const TRANSPORT_KEYS = Object.fromEntries(
  Object.entries(en.transport).map(([key, message]) => [message, `transport.${key}`]),
) as Record<string, string>;

/** Chinese sentence + English detail in parentheses (used for errors, keychain status and notices). */
function withDetail(sentence: string, detail: string, t: Translate): string {
  const d = detail.trim();
  return d ? `${sentence}${t('errorText.detail', { detail: d })}` : sentence;
}

export function errorText(error: ErrorLike | null | undefined, language: string, t: Translate): string {
  if (!error?.message) return '';
  if (!isChinese(language)) return error.message;
  const transportKey = Object.hasOwn(TRANSPORT_KEYS, error.message) ? TRANSPORT_KEYS[error.message] : undefined;
  if (transportKey) return t(transportKey);
  // Main's known sentences (vendor errors, timeouts, unknown outcomes, disk problems) come out whole in
  // Chinese; the vendor's own words and unknown specifics stay in brackets.
  const known = translateKnown(error.message, t);
  if (known) return known;
  // An error without a code (a refresh failure, a section error): a Chinese sentence, main's words as details.
  if (!isErrorCode(error.code)) return withDetail(t('formsPlus.say.unknownError'), error.message, t);
  const sentence = t(`errorText.codes.${error.code}`);
  if (!sentence || sentence === `errorText.codes.${error.code}`) return error.message;
  if (GENERIC_CODES.has(error.code)) return sentence;
  return withDetail(sentence, error.message, t);
}

/** The keychain banner: AppInfo.keychain.message has no code. */
export function keychainText(message: string | null, language: string, t: Translate): string | null {
  if (!message) return null;
  return isChinese(language) ? withDetail(t('errorText.keychain'), message, t) : message;
}

/**
 * A notice (plain English from main). zh-CN: the notices main makes while running (cannot save to the
 * data folder, an unexpected error) are translated whole; start-up notices about files get the
 * generic sentence with main's English in parentheses.
 */
export function noticeText(notice: string, language: string, t: Translate): string {
  if (!isChinese(language)) return notice;
  const disk = parseDiskNotice(notice);
  if (disk) return t(`errorText.disk.${disk.kind}`, { folder: disk.folder, code: disk.code ?? '' });
  if (notice === UNEXPECTED_NOTICE) return t('errorText.unexpected');
  const business = businessNoticeText(notice, t);
  if (business) return business;
  const known = translateKnown(notice, t);
  if (known) return known;
  return withDetail(t('errorText.notice'), notice, t);
}

/**
 * A connection test's result. English: main's sentence (it names vendor specifics, e.g. that BestProxy
 * has no money balance). zh-CN: rebuilt from the figures it carries; a failure goes through errorText.
 */
export function connectionText(check: ConnectionCheck, language: string, t: Translate): string {
  if (!isChinese(language)) return check.message;
  if (!check.ok) return errorText({ code: check.code, message: check.message }, language, t);
  if (check.balance) return t('errorText.connection.balance', { balance: formatMoney(check.balance, language) });
  if (typeof check.trafficLeftBytes === 'number') {
    return t('errorText.connection.traffic', { traffic: formatBytes(check.trafficLeftBytes) });
  }
  return t('errorText.connection.connected');
}

/** `connectionText` bound to the current UI language. */
export function useConnectionText(): (check: ConnectionCheck) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((check: ConnectionCheck) => connectionText(check, language, t as Translate), [language, t]);
}

/** `errorText` bound to the current UI language; components re-render when it changes. */
export function useErrorText(): (error: ErrorLike | null | undefined) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (error: ErrorLike | null | undefined) => errorText(error, language, t as Translate),
    [language, t],
  );
}
