import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../preload/contract/errors';
import { keychainText, noticeText, useErrorText } from '../lib/error-text';
import { useAccountsStore } from '../stores/accounts';
import { useAppStore } from '../stores/app';

/** Top banners: read-only mode (no keychain), start-up notices, demo mode, the offer to remove the demo. */
export function Banners() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const info = useAppStore((s) => s.info);
  const dismissed = useAppStore((s) => s.dismissedNotices);
  const dismissNotice = useAppStore((s) => s.dismissNotice);
  const openAdd = useAppStore((s) => s.openAdd);
  const loadError = useAppStore((s) => s.load.error);
  const loadInfo = useAppStore((s) => s.loadInfo);

  const notices = (info?.notices ?? []).filter((n) => !dismissed.includes(n));
  const accounts = useAccountsStore((s) => s.items);
  const removeDemo = useAccountsStore((s) => s.removeDemo);
  const removingDemo = useAccountsStore((s) => s.removingDemo);
  const offerDismissed = useAppStore((s) => s.demoOfferDismissed);
  const dismissOffer = useAppStore((s) => s.dismissDemoOffer);
  const [demoRemoved, setDemoRemoved] = useState(false);
  const [demoError, setDemoError] = useState<AppError | null>(null);
  const demoCount = accounts.filter((a) => a.demo).length;
  // The first real account is in and demo accounts are still there: offer to remove them all at once.
  const offerRemoval = demoCount > 0 && demoCount < accounts.length && !offerDismissed;

  const removeAllDemo = async () => {
    setDemoError(null);
    const error = await removeDemo();
    if (error) setDemoError(error);
    else setDemoRemoved(true);
  };

  return (
    <div className="banners">
      {loadError && !info ? (
        <div className="banner banner-error" role="alert">
          <div className="banner-text">
            <strong>{t('app.couldNotStart')}</strong> {errorText(loadError)}
          </div>
          <button type="button" className="btn btn-small" onClick={() => void loadInfo()}>
            {t('app.tryAgain')}
          </button>
        </div>
      ) : null}
      {info && !info.keychain.available ? (
        <div className="banner banner-warning" role="alert">
          <div className="banner-text">
            <strong>{t('banner.keychainTitle')}.</strong>{' '}
            {keychainText(info.keychain.message, i18n.language, t) || t('banner.keychainFallback')}
          </div>
        </div>
      ) : null}
      {notices.map((notice) => (
        <div className="banner banner-info" role="status" key={notice}>
          <div className="banner-text">
            <strong>{t('banner.noticeTitle')}:</strong> {noticeText(notice, i18n.language, t)}
          </div>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => dismissNotice(notice)}>
            {t('banner.dismiss')}
          </button>
        </div>
      ))}
      {offerRemoval ? (
        <section className="banner banner-demo" aria-label={t('dashboardPlus.demo.offerTitle')}>
          <div className="banner-text">
            <strong>{t('dashboardPlus.demo.offerTitle')}.</strong>{' '}
            {t('dashboardPlus.demo.offerBody', { count: demoCount })}
            {demoError ? (
              <span className="danger-text" role="alert">
                {' '}
                {errorText(demoError)}
              </span>
            ) : null}
          </div>
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={removingDemo}
            onClick={() => void removeAllDemo()}
          >
            {removingDemo ? t('dashboardPlus.demo.removing') : t('dashboardPlus.demo.remove')}
          </button>
          <button type="button" className="btn btn-small btn-ghost" disabled={removingDemo} onClick={dismissOffer}>
            {t('dashboardPlus.demo.keep')}
          </button>
        </section>
      ) : null}
      {demoRemoved ? (
        <div className="banner banner-info" role="status">
          <div className="banner-text">{t('dashboardPlus.demo.removed')}</div>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setDemoRemoved(false)}>
            {t('banner.dismiss')}
          </button>
        </div>
      ) : null}
      {info?.demo ? (
        <div className="banner banner-demo" role="status">
          <div className="banner-text">
            <strong>{t('banner.demoTitle')}.</strong> {t('banner.demoBody')}
          </div>
          <button type="button" className="btn btn-small" onClick={openAdd}>
            {t('banner.demoAction')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
