import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../preload/contract/errors';
import type { HoldView } from '../../../preload/contract/renewals';
import { getApi } from '../../api';
import { useErrorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/time';

/**
 * Damaged renewal records that still block items (they may have been paid): what is blocked, what to
 * check in the vendor dashboard, and a release once the user has checked. Shown above the Activity
 * list; nothing when there is no hold.
 */
export function HoldsNotice() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [holds, setHolds] = useState<HoldView[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    void getApi()
      .renewals.holds()
      .then((r) => (r.ok ? setHolds(r.data) : setError(r.error)));
  }, []);

  const release = async (file: string) => {
    setBusy(file);
    setError(null);
    const r = await getApi().renewals.releaseHold({ file });
    setBusy(null);
    if (r.ok) setHolds(r.data);
    else setError(r.error);
  };

  if (holds.length === 0 && !error) return null;
  const scope = (h: HoldView) =>
    h.targets === null
      ? h.accountId === null
        ? t('holds.scopeAll')
        : t('holds.scopeAccount')
      : h.targets.map((x) => x.label || x.id).join(', ');

  return (
    <section className="renew-alert renew-alert-warn" aria-label={t('holds.title')}>
      <strong>{t('holds.title')}</strong>
      <p>{t('holds.intro')}</p>
      {error ? <p role="alert">{errorText(error)}</p> : null}
      <ul>
        {holds.map((h) => (
          <li key={h.file} data-testid="hold">
            {t('holds.item', {
              scope: scope(h),
              when: h.operationAt ? formatDateTime(h.operationAt, i18n.language) : t('holds.whenUnknown'),
            })}{' '}
            <button
              type="button"
              className="btn btn-small"
              disabled={busy !== null}
              onClick={() => void release(h.file)}
            >
              {busy === h.file ? t('holds.releasing') : t('holds.release')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
