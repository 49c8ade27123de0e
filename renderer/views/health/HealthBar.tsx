import { useTranslation } from 'react-i18next';
import { useHealthStore } from '../../stores/health';
import './health.css';

/**
 * The run in progress: "Checked 120 of 500 · 3 dead", a progress bar and Cancel; when it ends, its
 * summary until closed. Shown by every view that can start a check (one run at a time).
 */
export function HealthBar() {
  const { t } = useTranslation();
  const run = useHealthStore((s) => s.run);
  if (!run) return null;
  const running = run.state === 'running';
  const text = running
    ? t('health.progress', { done: run.done, count: run.total, dead: run.dead })
    : run.state === 'cancelled'
      ? t('health.cancelledSummary', { done: run.done, total: run.total, dead: run.dead })
      : t('health.finished', { ok: run.ok, count: run.total, dead: run.dead });
  return (
    <div className="health-bar" data-testid="health-bar">
      <progress max={run.total || 1} value={run.done} aria-label={t('health.progressLabel')} />
      <span className="health-bar-text" role="status" aria-live="polite">
        {text}
      </span>
      {running ? (
        <button
          type="button"
          className="btn btn-small"
          disabled={run.cancelling}
          onClick={() => void useHealthStore.getState().cancel()}
        >
          {run.cancelling ? t('health.cancelling') : t('health.cancel')}
        </button>
      ) : (
        <button type="button" className="btn btn-small btn-ghost" onClick={() => useHealthStore.getState().dismiss()}>
          {t('health.dismiss')}
        </button>
      )}
    </div>
  );
}
