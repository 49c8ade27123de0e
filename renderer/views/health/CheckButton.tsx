import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemRef } from '../../../preload/contract/business';
import { DEFAULT_HEALTH_SETTINGS } from '../../../preload/contract/schemas';
import { useErrorText } from '../../lib/error-text';
import { useHealthStore } from '../../stores/health';
import { useSettingsStore } from '../../stores/settings';

/**
 * "Check <n>": starts a health check of the given items (the selection the filter shows). Says what the
 * check does on hover; refuses while a run is going on.
 */
export function CheckButton({ items, label }: { items: ItemRef[]; label?: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const running = useHealthStore((s) => s.run?.state === 'running');
  const url = useSettingsStore((s) => s.settings?.health.checkUrl ?? DEFAULT_HEALTH_SETTINGS.checkUrl);
  const [error, setError] = useState<string | null>(null);
  const why = items.length === 0 ? t('health.noneSelected') : running ? t('health.busy') : '';
  const help = t('health.checkHelp', { url });
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        disabled={items.length === 0 || running}
        title={why ? `${why} ${help}` : help}
        onClick={async () => {
          setError(null);
          const e = await useHealthStore.getState().start(items);
          if (e) setError(t('health.startFailed', { reason: errorText(e) }));
        }}
      >
        {label ?? (items.length > 0 ? t('health.checkCount', { count: items.length }) : t('health.check'))}
      </button>
      {error ? (
        <span className="danger-text small" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
