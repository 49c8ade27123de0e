import { useTranslation } from 'react-i18next';
import { keychainText, noticeText, useErrorText } from '../lib/error-text';
import { useAppStore } from '../stores/app';

/** Top banners: read-only mode (no keychain), start-up notices, demo mode. */
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
