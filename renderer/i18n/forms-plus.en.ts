/** English strings of the formsPlus namespace (issue 11). Keys live under `formsPlus` only, so they cannot clash. */
export const formsPlusEn = {
  formsPlus: {
    /** A vendor's rule for a typed value (preload/contract/vendors.ts VENDOR_FORM_RULES), checked as the user types. */
    rule: {
      noPrefix: 'Paste only the key, without the word "{{prefix}}" in front.',
      forbidden: 'This cannot contain {{chars}}. Copy only the key itself.',
      alnum: 'Use only letters (a–z, A–Z) and digits (0–9): no spaces, symbols or accented letters.',
      startsWithLetter: 'Start with a letter (a–z or A–Z).',
      between: 'Use {{min}} to {{max}} characters (now {{length}}).',
      atLeast: 'This is too short: it needs at least {{min}} characters (now {{length}}). Copy it again.',
      atMost: 'Use at most {{max}} characters (now {{length}}).',
      noteTooLong: 'Keep the note to {{max}} characters, or {{cjkMax}} if it has Chinese (now {{length}}).',
      help: {
        between: '{{min}}–{{max}} characters',
        atLeast: 'at least {{min}} characters',
        atMost: 'at most {{max}} characters',
        alnum: 'letters and digits only',
        startsWithLetter: 'starts with a letter',
        forbidden: 'no {{chars}}',
        noPrefix: 'without "{{prefix}}" in front',
      },
    },
    credentials: {
      rules: 'Format: {{rules}}, no spaces.',
    },
    subUsers: {
      rules: '{{vendor}} rule: {{rules}}.',
      noteRule: '{{vendor}} keeps notes up to {{max}} characters ({{cjkMax}} in Chinese).',
      passwordGenerated: '{{vendor}} makes the password itself. It shows in the list once the sub-user is created.',
      newPassword: 'Make a new password ({{vendor}} chooses it; the old one stops working)',
    },
    whitelist: {
      cidrYes: '{{vendor}} also takes ranges, like 203.0.113.0/24.',
      cidrNo: '{{vendor}} takes single addresses only, not ranges like 203.0.113.0/24.',
      rangeLine_one:
        'Line {{line}}: {{value}} is a range; {{vendor}} takes single addresses only. It holds {{count}} address.',
      rangeLine_other:
        'Line {{line}}: {{value}} is a range; {{vendor}} takes single addresses only. It holds {{count}} addresses.',
      rangeTooBig_one:
        'Line {{line}}: {{value}} is a range of {{count}} address; {{vendor}} takes single addresses only.',
      rangeTooBig_other:
        'Line {{line}}: {{value}} is a range of {{count}} addresses, too many to add one by one; {{vendor}} takes single addresses only. Enter the addresses you need.',
      expand_one: 'Put the {{count}} single address in its place',
      expand_other: 'Put the {{count}} single addresses in their place',
    },
    activity: {
      filters: 'Filter the activity',
      allActions: 'All actions',
      from: 'From',
      to: 'To',
      backwards: 'The end date is before the start date.',
      search: 'Search',
      searchPlaceholder: 'IP, order, account, reference…',
      clear: 'Clear filters',
      count_one: '{{count}} of {{total}} entries shown',
      count_other: '{{count}} of {{total}} entries shown',
      noMatch: 'No activity matches these filters.',
      csvNote: 'Export CSV saves the whole activity log, whatever the filters show.',
      result: '{{done}} renewed, {{failed}} failed',
      resultUnknown_one: ', {{count}} outcome unknown',
      resultUnknown_other: ', {{count}} outcomes unknown',
      upTo: '(up to {{amount}} may have been charged)',
    },
    testReminder: {
      title: 'Expiry reminders',
      intro:
        'Proxydeck reminds you {{days}} days before an IP, order or server expires, also while the window is closed. Send one now to see that reminders reach you.',
      send: 'Send a test reminder',
      sending: 'Sending…',
      sent: 'Test reminder sent:',
      notSeen:
        'It shows as a desktop notification. If none appeared, allow notifications for Proxydeck in your system settings.',
    },
    /** Main's known English sentences, said whole (renderer/lib/error-sentences.ts). English mirrors main. */
    say: {
      unknownError: 'Something went wrong.',
      notAdded: 'The account was not added. ',
      invalidCredentials:
        '{{vendor}} did not accept the API key. Check it in your {{vendor}} dashboard and update the account in Proxydeck.',
      credentialField:
        '{{vendor}} did not accept the {{field}}. Copy the {{field}} again from My Account in the {{vendor}} dashboard, then update the account in Proxydeck.',
      field: { token: 'token', key: 'key' },
      insufficientFunds: 'Your {{vendor}} balance is too low for this. Top up at {{vendor}}, then try again.',
      notSupported: '{{vendor}} does not offer this through its API.',
      rateLimited: '{{vendor}} is receiving too many requests right now. Wait a minute and try again.',
      rateLimitedWait: '{{vendor}} is receiving too many requests and asks to wait {{wait}}. Try again after that.',
      unit: {
        second_one: '{{count}} second',
        second_other: '{{count}} seconds',
        minute_one: '{{count}} minute',
        minute_other: '{{count}} minutes',
        hour_one: '{{count}} hour',
        hour_other: '{{count}} hours',
      },
      vendorUnavailable: "{{vendor}}'s service is not answering properly right now. Try again in a few minutes.",
      badResponse:
        '{{vendor}} sent an answer Proxydeck could not understand. Try again later; if it keeps happening, the vendor may have changed its API.',
      network: 'Could not reach {{vendor}}. Check your internet connection and try again.',
      timeout: '{{vendor}} did not answer within {{secs}} seconds. Try again in a few minutes.',
      cancelled: 'The request was cancelled.',
      renewalCancelled: 'The renewal was cancelled before this part was sent.',
      rejectedSaid: '{{vendor}} refused the request ({{vendor}} said: {{words}})',
      rejected: '{{vendor}} refused the request.',
      invalidArgument: 'Some of the values are not valid for {{vendor}}.',
      outcomeUnknown:
        '{{what}}{{vendor}} may have carried this out, but {{why}}. Proxydeck is checking with {{vendor}}; paying again is blocked until that is settled.',
      what: '{{what}}: ',
      why: {
        unreadable: 'its answer could not be read',
        incomplete: 'no complete answer came back',
        notUnderstood: 'its answer could not be understood',
        httpError: 'it answered with an error (HTTP {{status}})',
      },
      vendorSaid: ' ({{vendor}} said: {{words}})',
      vendorCodeMeans: " ({{vendor}}'s error {{code}}: {{meaning}})",
      nothingSent: ' Nothing was sent.',
      journalNotSent:
        'Not sent: Proxydeck could not write the renewal to its journal first ({{reason}}), so the renewal at {{account}} was not sent and nothing was paid. {{fix}}, then renew again.',
      saveFailed: 'Proxydeck could not save this to {{folder}}: {{reason}}. {{fix}}, then try again.',
      auditUnreadable: 'Proxydeck could not read its activity log ({{path}}): {{reason}}. {{fix}}, then reload.',
      accountNotSaved: 'Proxydeck could not save the account. Check that your disk is not full, then try again.',
      testFailed: 'The connection test failed for an unexpected reason. Try again.',
      productLabel: '{{product}}{{off}}',
      product: '{{product}}. ',
      products: { residential: 'Residential', unlimited: 'Unlimited servers' },
      disabled: ' (disabled)',
      subUserUnitNote: 'Used traffic read as MB per Thordata docs (its SDK says KB).',
      remindersUnreadable:
        'The list of expiry reminders already shown could not be read. Some reminders may show again.',
      reason: {
        full: 'the disk is full',
        read_only: 'the folder is read-only',
        no_permission: 'Proxydeck is not allowed to write there',
        missing: 'the folder is missing (a drive was removed, or the folder was moved or deleted)',
        other: 'the disk reported an error ({{code}})',
      },
      fix: {
        full: 'Free some space on that disk',
        read_only: 'Make the folder writable again (for example, mount the disk with write access)',
        no_permission: 'Give your user account write access to that folder',
        missing: 'Reconnect the drive or put the folder back',
        other: 'Check the disk',
      },
    },
  },
};
