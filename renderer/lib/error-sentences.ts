/**
 * Main's known English sentences (vendor errors, transport timeouts, unknown outcomes, disk problems),
 * recognised so 简体中文 shows them whole in Chinese. The vendor's own words stay as they are, in
 * brackets ("（Thordata 的原话：…）"); any part not recognised is kept as English details in brackets.
 * Pure, for tests: `translateKnown(message, t)` returns null when nothing of the message is known.
 */
import { DISK_PROBLEMS, type DiskProblem, diskFix, diskReason } from '../../preload/contract/notices';
import { VENDORS } from '../../preload/contract/vendors';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Groups = Record<string, string | undefined>;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const V = `(?<v>${Object.values(VENDORS)
  .map((v) => esc(v.name))
  .join('|')})`;
const REASON = `(?<reason>${DISK_PROBLEMS.map((k) => esc(diskReason(k, '\u0000')).replace('\u0000', '[A-Z0-9_]+')).join('|')})`;
const FIX = `(?<fix>${DISK_PROBLEMS.map((k) => esc(diskFix(k))).join('|')})`;

const kindOfReason = (text: string): DiskProblem =>
  DISK_PROBLEMS.find((k) =>
    new RegExp(`^${esc(diskReason(k, '\u0000')).replace('\u0000', '[A-Z0-9_]+')}$`).test(text),
  ) ?? 'other';
const codeOfReason = (text: string) => /\(([A-Z0-9_]+)\)$/.exec(text)?.[1] ?? '';
const kindOfFix = (text: string): DiskProblem => DISK_PROBLEMS.find((k) => diskFix(k) === text) ?? 'other';

interface Pattern {
  re: string;
  key: string;
  values?: (g: Groups, t: Translate) => Record<string, unknown>;
}

const disk = (g: Groups, t: Translate) => ({
  reason: t(`formsPlus.say.reason.${kindOfReason(g.reason ?? '')}`, { code: codeOfReason(g.reason ?? '') }),
  fix: t(`formsPlus.say.fix.${kindOfFix(g.fix ?? '')}`),
});

const PRODUCT = '(?<product>Residential|Unlimited servers)';
const product = (g: Groups, t: Translate) => ({
  product: t(`formsPlus.say.products.${g.product === 'Residential' ? 'residential' : 'unlimited'}`),
  off: g.off ? t('formsPlus.say.disabled') : '',
});

const WHY: Record<string, string> = {
  'its answer could not be read': 'unreadable',
  'no complete answer came back': 'incomplete',
  'its answer could not be understood': 'notUnderstood',
};

/** The note main wrote on an item, in the UI language where it is a known one (else as it is). */
export function knownNote(note: string, language: string, t: Translate): string {
  if (!language.startsWith('zh')) return note;
  return translateKnown(note, t) ?? note;
}

/** In the order they are tried at each point of the message. */
const PATTERNS: Pattern[] = [
  { re: 'The account was not added\\.', key: 'notAdded' },
  {
    re: `${V} did not accept the API key\\. Check it in your \\k<v> dashboard and update the account in Proxydeck\\.`,
    key: 'invalidCredentials',
  },
  {
    re: `${V} did not accept the (?<field>token|key)\\. Copy the \\k<field> again from My Account in the \\k<v> dashboard, then update the account in Proxydeck\\.`,
    key: 'credentialField',
    values: (g, t) => ({ field: t(`formsPlus.say.field.${g.field}`) }),
  },
  { re: `Your ${V} balance is too low for this\\. Top up at \\k<v>, then try again\\.`, key: 'insufficientFunds' },
  { re: `${V} does not offer this through its API\\.`, key: 'notSupported' },
  { re: `${V} is receiving too many requests right now\\. Wait a minute and try again\\.`, key: 'rateLimited' },
  {
    re: `${V} is receiving too many requests and asks to wait (?<n>\\d+) (?<unit>second|minute|hour)s?\\. Try again after that\\.`,
    key: 'rateLimitedWait',
    values: (g, t) => ({ wait: t(`formsPlus.say.unit.${g.unit}`, { count: Number(g.n) }) }),
  },
  {
    re: `${V}'s service is not answering properly right now\\. Try again in a few minutes\\.`,
    key: 'vendorUnavailable',
  },
  {
    re: `${V} sent an answer Proxydeck could not understand\\. Try again later; if it keeps happening, the vendor may have changed its API\\.`,
    key: 'badResponse',
  },
  { re: `Could not reach ${V}\\. Check your internet connection and try again\\.`, key: 'network' },
  {
    re: `${V} did not answer within (?<secs>[\\d.]+) seconds?\\. Try again in a few minutes\\.`,
    key: 'timeout',
  },
  { re: 'The request was cancelled\\.', key: 'cancelled' },
  { re: 'The renewal was cancelled before this (?:server|part) was sent\\.', key: 'renewalCancelled' },
  { re: `${V} refused the request: (?<words>[\\s\\S]+)$`, key: 'rejectedSaid' },
  { re: `${V} refused the request\\.`, key: 'rejected' },
  { re: `Some of the values are not valid for ${V}\\.`, key: 'invalidArgument' },
  {
    re: `(?:(?<what>[^:.]{1,80}): )?${V} may have carried this out, but (?<why>its answer could not be read|no complete answer came back|its answer could not be understood|it answered with an error \\(HTTP (?<status>\\d+)\\))\\. Proxydeck is checking with \\k<v>; paying again is blocked until that is settled\\.`,
    key: 'outcomeUnknown',
    values: (g, t) => ({
      why: g.status
        ? t('formsPlus.say.why.httpError', { status: g.status })
        : t(`formsPlus.say.why.${WHY[g.why ?? ''] ?? 'unreadable'}`),
      what: g.what ? t('formsPlus.say.what', { what: g.what }) : '',
    }),
  },
  { re: `\\(${V} said: (?<words>[\\s\\S]*)\\)$`, key: 'vendorSaid' },
  { re: `${V}'s error (?<code>\\d+) means: (?<meaning>[^.]+)\\.`, key: 'vendorCodeMeans' },
  { re: 'Nothing was sent\\.', key: 'nothingSent' },
  {
    re: `Not sent: Proxydeck could not write the renewal to its journal first \\(${REASON}\\), so the renewal at (?<account>.+?) was not sent and nothing was paid\\. ${FIX}, then renew again\\.`,
    key: 'journalNotSent',
    values: disk,
  },
  {
    re: `Proxydeck could not save this to (?<folder>.+?): ${REASON}\\. ${FIX}, then try again\\.`,
    key: 'saveFailed',
    values: disk,
  },
  {
    re: `Proxydeck could not read its activity log \\((?<path>.+?)\\): ${REASON}\\. ${FIX}, then reload\\.`,
    key: 'auditUnreadable',
    values: disk,
  },
  {
    re: 'Proxydeck could not save the account\\. Check that your disk is not full, then try again\\.',
    key: 'accountNotSaved',
  },
  { re: 'The connection test failed for an unexpected reason\\. Try again\\.', key: 'testFailed' },
  // Notes main puts on items (Thordata product labels and unit caveats), shown in the Whitelists and Sub-users views.
  { re: `${PRODUCT}(?<off> \\(disabled\\))?$`, key: 'productLabel', values: product },
  { re: `${PRODUCT}\\. `, key: 'product', values: product },
  { re: 'Used traffic read as MB per Thordata docs \\(its SDK says KB\\)\\.', key: 'subUserUnitNote' },
  {
    re: 'The list of expiry reminders already shown could not be read(?: \\(kept as (?<file>[^)]+)\\))?\\. Some reminders may show again\\.',
    key: 'remindersUnreadable',
  },
];

const COMPILED = PATTERNS.map((p) => ({ ...p, rx: new RegExp(`^${p.re}`) }));

/**
 * The message in Chinese, sentence by sentence; null when no sentence of it is known.
 * Unknown parts are kept (English) in one "details" bracket at the end.
 */
export function translateKnown(message: string, t: Translate): string | null {
  let rest = message.trim();
  const out: string[] = [];
  const unknown: string[] = [];
  let matched = 0;
  while (rest) {
    const hit = COMPILED.map((p) => ({ p, m: p.rx.exec(rest) })).find((x) => x.m);
    if (hit?.m) {
      const g = (hit.m.groups ?? {}) as Groups;
      const values = { vendor: g.v ?? '', ...g, ...(hit.p.values?.(g, t) ?? {}) };
      out.push(t(`formsPlus.say.${hit.p.key}`, values));
      matched++;
      rest = rest.slice(hit.m[0].length).trim();
      continue;
    }
    // Skip to the next sentence (after ". " or a bracket) and keep this part as English details.
    const next = /^[\s\S]*?(?:[.!?)](?=\s|$))/.exec(rest);
    const part = next ? next[0] : rest;
    unknown.push(part.trim());
    rest = rest.slice(part.length).trim();
  }
  if (matched === 0) return null;
  const text = out.join('');
  return unknown.length ? `${text}${t('errorText.detail', { detail: unknown.join(' ') })}` : text;
}
