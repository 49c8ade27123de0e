/**
 * Main's notices about what only the user has (issue 16 §5), in the UI language: the customers and
 * prices file that could not be used (restored from a copy, or started empty), the list of balance
 * reminders that could not be read, and why an account of an imported file was not added. Main builds
 * the English sentences in preload/contract/business.ts and userdata-import.ts; they are recognised here.
 * Pure, for tests; null when the text is none of them.
 */
import { parseBusinessNotice, parseRunwayRemindersNotice } from '../../preload/contract/business';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A start-up notice of the business data in Chinese (or English keys' words), else null. */
export function businessNoticeText(notice: string, t: Translate): string | null {
  const b = parseBusinessNotice(notice);
  if (b) {
    const problem = t(`userdata.notice.problem.${b.problem}`);
    return b.restoredDay === null
      ? t('userdata.notice.businessEmpty', { problem, kept: b.kept })
      : t('userdata.notice.businessRestored', { problem, kept: b.kept, day: b.restoredDay });
  }
  const r = parseRunwayRemindersNotice(notice);
  if (r) return r.kept ? t('userdata.notice.runwayKept', { kept: r.kept }) : t('userdata.notice.runway');
  return null;
}

/** Why an account of an imported file was not added (main's sentences of userdata-import.ts), else null. */
export function importFailureText(message: string, t: Translate): string | null {
  const taken = /^Another account here is already named "(.+)"\.$/s.exec(message);
  if (taken) return t('userdata.notice.accountNameTaken', { name: taken[1] });
  if (message === 'It could not be added.') return t('userdata.notice.accountNotAdded');
  return null;
}
