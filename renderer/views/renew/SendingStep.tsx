import { useTranslation } from 'react-i18next';
import { itemKey, useRenewalsStore } from '../../stores/renewals';

/** Step 3 while sending: live per-item states. */
export function SendingStep() {
  const { t } = useTranslation();
  const quote = useRenewalsStore((s) => s.quote);
  const progress = useRenewalsStore((s) => s.progress);
  const targets = (quote?.accounts ?? []).flatMap((a) =>
    a.request.targets.map((target) => ({ accountId: a.accountId, accountLabel: a.accountLabel, target })),
  );
  const finished = targets.filter((x) => {
    const st = progress[itemKey(x.accountId, x.target)]?.state;
    return st === 'done' || st === 'failed' || st === 'uncertain';
  }).length;
  return (
    <>
      <p className="renew-wait" role="status">
        <span className="spinner" aria-hidden="true" /> {t('renew.sending.title')}{' '}
        {t('renew.sending.progress', { done: finished, total: targets.length })}
      </p>
      <progress className="renew-progress" max={targets.length || 1} value={finished} />
      <ul className="renew-items">
        {targets.map((x) => {
          const p = progress[itemKey(x.accountId, x.target)];
          return (
            <li key={itemKey(x.accountId, x.target)}>
              <span className="mono">{x.target.label || x.target.id}</span>{' '}
              <span className="muted small">· {x.accountLabel}</span>{' '}
              <span className={`pill renew-state-${p?.state ?? 'intent'}`}>
                {t(`renew.sending.state.${p?.state ?? 'intent'}`)}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
