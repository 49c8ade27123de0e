import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../preload/contract/errors';
import { getApi } from '../../api';
import { useErrorText } from '../../lib/error-text';

/** Settings: "Send a test reminder" — the next expiry reminder, shown now, so the user sees notifications work. */
export function TestReminderSection({ days }: { days: number[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState<{ title: string; body: string } | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const send = async () => {
    setPending(true);
    setError(null);
    setSent(null);
    const r = await getApi().reminders.test();
    setPending(false);
    if (r.ok) setSent(r.data);
    else setError(r.error);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('formsPlus.testReminder.title')}</h2>
      <p className="muted" id={`${id}-help`}>
        {t('formsPlus.testReminder.intro', { days: days.join(', ') })}
      </p>
      <div className="row-actions">
        <button
          type="button"
          className="btn"
          disabled={pending}
          aria-busy={pending || undefined}
          aria-describedby={`${id}-help`}
          onClick={() => void send()}
        >
          {pending ? t('formsPlus.testReminder.sending') : t('formsPlus.testReminder.send')}
        </button>
      </div>
      <div role="status">
        {sent ? (
          <div className="flash">
            <p>{t('formsPlus.testReminder.sent')}</p>
            <p>
              <strong>{sent.title}</strong>
              <br />
              {sent.body}
            </p>
            <p className="muted small">{t('formsPlus.testReminder.notSeen')}</p>
          </div>
        ) : null}
      </div>
      {error ? (
        <p className="inline-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
    </section>
  );
}
