/**
 * Error sentences by AppError code (English). In English the renderer shows main's own message,
 * which is already specific; these sentences are the generic reference for the translations.
 * zh-CN must have the same keys.
 */
import type { ErrorCode } from '../../preload/contract/errors';

const codes: Record<ErrorCode, string> = {
  invalid_credentials:
    'The provider did not accept the API key. Check the key in the provider dashboard and update the account in Proxydeck.',
  insufficient_funds: 'Your balance at the provider is too low for this. Top up at the provider, then try again.',
  not_supported: 'The provider does not offer this through its API.',
  rate_limited: 'The provider is receiving too many requests right now. Wait a minute and try again.',
  vendor_unavailable: "The provider's service is not answering properly right now. Try again in a few minutes.",
  bad_response:
    'The provider sent an answer Proxydeck could not understand. Try again later; if it keeps happening, the provider may have changed its API.',
  network: 'Could not connect. Check your internet connection and try again.',
  vendor_rejected: 'The provider refused the request.',
  invalid_argument: 'Some of the values are not valid. Check them and try again.',
  outcome_unknown:
    'The provider may have carried this out, but its answer could not be read. Proxydeck is checking with the provider; paying again is blocked until that is settled.',
  not_found: 'This item no longer exists. It may have been removed; reload and try again.',
  duplicate_label: 'You already have an account with this name. Choose another name.',
  keychain_unavailable:
    'The system keychain is not available, so API keys cannot be read or saved. Accounts are shown read-only from the last saved data.',
  forbidden_sender:
    'This request did not come from the Proxydeck window and was refused. Close this window and open it again from Proxydeck.',
  storage:
    'Proxydeck could not save to its data folder (for example, the disk is full or the folder is read-only). Do what the details say, then try again.',
  internal: 'Something went wrong inside Proxydeck. Try again; if it keeps happening, restart the app.',
};

export const errorsEn = {
  errorText: {
    codes,
    /** Appended after a translated sentence: main's English message with the specifics. */
    detail: ' (Details: {{detail}})',
    keychain:
      'The system keychain is not available, so Proxydeck is in read-only mode: accounts are shown from the last saved data, and keys cannot be saved or used.',
    notice: 'Proxydeck found a problem with its saved files.',
    /** Notices main makes while it cannot save (preload/contract/notices.ts), translated whole. */
    disk: {
      full: 'Proxydeck cannot save to {{folder}}: the disk is full. Free some space on that disk; Proxydeck will try again by itself. Until then, new changes are kept only while Proxydeck stays open.',
      read_only:
        'Proxydeck cannot save to {{folder}}: the folder is read-only. Make the folder writable again (for example, mount the disk with write access); Proxydeck will try again by itself. Until then, new changes are kept only while Proxydeck stays open.',
      no_permission:
        'Proxydeck cannot save to {{folder}}: Proxydeck is not allowed to write there. Give your user account write access to that folder; Proxydeck will try again by itself. Until then, new changes are kept only while Proxydeck stays open.',
      missing:
        'Proxydeck cannot save to {{folder}}: the folder is missing (a drive was removed, or the folder was moved or deleted). Reconnect the drive or put the folder back; Proxydeck will try again by itself. Until then, new changes are kept only while Proxydeck stays open.',
      other:
        'Proxydeck cannot save to {{folder}}: the disk reported an error ({{code}}). Check the disk; Proxydeck will try again by itself. Until then, new changes are kept only while Proxydeck stays open.',
    },
    unexpected:
      'Something went wrong inside Proxydeck (the details are in its log). It keeps running on what it has; if something looks wrong, restart Proxydeck. Your renewals are safe: each one is recorded before it is sent.',
    /** A successful connection test, rebuilt from its figures (English shows main's own sentence). */
    connection: {
      connected: 'Connected.',
      balance: 'Connected. Balance {{balance}}.',
      traffic: 'Connected. {{traffic}} of residential traffic left.',
    },
  },
};

export type ErrorMessages = typeof errorsEn;
