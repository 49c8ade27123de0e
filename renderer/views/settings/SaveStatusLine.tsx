import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../preload/contract/errors';
import { useErrorText } from '../../lib/error-text';

/** Where a settings section stands: idle, saving, saved, or why it could not save. */
export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'error'; error: AppError };

/** "Saving…" / "✓ Saved" announced politely; an error in plain words. Shared by every settings section. */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <>
      <span role="status" className="save-status">
        {status.state === 'saving' ? (
          t('settings.saving')
        ) : status.state === 'saved' ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t('settings.saved')}
          </>
        ) : null}
      </span>
      {status.state === 'error' ? (
        <span role="alert" className="result-error">
          {errorText(status.error)}
        </span>
      ) : null}
    </>
  );
}
