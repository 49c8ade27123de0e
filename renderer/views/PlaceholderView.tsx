import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function PlaceholderView({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="view" aria-labelledby={headingId}>
      <header className="view-header">
        <h1 id={headingId} tabIndex={-1}>
          {t(titleKey)}
        </h1>
      </header>
      <p className="placeholder">{t('placeholder.body')}</p>
    </section>
  );
}
