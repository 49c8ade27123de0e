import { useTranslation } from 'react-i18next';
import { DEFAULT_HEALTH_SETTINGS } from '../../../preload/contract/schemas';
import { formatRelative } from '../../lib/time';
import { useHealthStore } from '../../stores/health';
import { useSettingsStore } from '../../stores/settings';
import { HealthText } from './HealthCell';
import { healthTitle, offersRestart } from './model';
import './health.css';

/** A server's last check in its detail: the result, "last checked <when>", and Restart when it failed. */
export function ServerHealth({
  accountId,
  serverId,
  onRestart,
}: {
  accountId: string;
  serverId: string;
  onRestart: () => void;
}) {
  const { t, i18n } = useTranslation();
  const result = useHealthStore((s) => s.byKey.get(`${accountId}|server|${serverId}`));
  const timeoutMs = useSettingsStore((s) => s.settings?.health.timeoutMs ?? DEFAULT_HEALTH_SETTINGS.timeoutMs);
  if (!result) return null;
  const restart = offersRestart(result);
  return (
    <div className="health-detail" data-testid="server-health">
      <strong>{t('health.server.title')}</strong>
      <HealthText result={result} timeoutMs={timeoutMs} />
      <span className="muted small">
        {healthTitle(result, t, timeoutMs, (iso) => formatRelative(iso, i18n.language))}
      </span>
      {restart ? (
        <>
          <span className="small">{t('health.server.failing')}</span>
          <button type="button" className="btn btn-small" onClick={onRestart}>
            {t('health.server.restart')}
          </button>
        </>
      ) : null}
    </div>
  );
}
