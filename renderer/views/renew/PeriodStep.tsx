import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text';
import { type RenewGroup, useRenewalsStore } from '../../stores/renewals';
import { LeftOutNotice } from './LeftOutNotice';

/** Step 1: what is renewed here (a period per part), and what is left out with its next step. */
export function PeriodStep() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const whyId = useId();
  const groups = useRenewalsStore((s) => s.groups);
  const leftOut = useRenewalsStore((s) => s.leftOut);
  const setPeriod = useRenewalsStore((s) => s.setPeriod);
  const removeGroup = useRenewalsStore((s) => s.removeGroup);
  const checkPrice = useRenewalsStore((s) => s.checkPrice);
  const close = useRenewalsStore((s) => s.close);
  const usable = groups.filter((g) => g.periodId && !g.periodsError);
  const failed = groups.filter((g) => g.periodsError).length;
  const loading = groups.some((g) => g.periods === null);
  const why = loading
    ? t('renewFlow.period.why.loading')
    : usable.length === 0
      ? t('renewFlow.period.why.nothing')
      : null;
  return (
    <>
      <LeftOutNotice leftOut={leftOut} />
      {groups.length > 0 ? <p className="muted">{t('renew.period.intro')}</p> : null}
      {groups.some((g) => g.split) ? <p className="muted small">{t('renewFlow.period.split')}</p> : null}
      <ul className="renew-groups">
        {groups.map((g) => (
          <PeriodGroup
            key={g.key}
            group={g}
            errorText={errorText(g.periodsError)}
            onPeriod={(id) => setPeriod(g.key, id)}
            onRemove={() => removeGroup(g.key)}
          />
        ))}
      </ul>
      {groups.length === 0 && leftOut.length === 0 ? <p className="inline-error">{t('renew.noneRenewable')}</p> : null}
      {failed > 0 && usable.length > 0 ? (
        <p className="muted small">{t('renewFlow.period.leftOutErrors', { count: failed })}</p>
      ) : null}
      {why ? (
        <p id={whyId} className="muted small renew-why">
          {why}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close}>
          {t('renew.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={why !== null}
          aria-describedby={why ? whyId : undefined}
          onClick={() => void checkPrice()}
        >
          {t('renew.period.checkPrice')}
        </button>
      </div>
    </>
  );
}

function PeriodGroup({
  group: g,
  errorText,
  onPeriod,
  onRemove,
}: {
  group: RenewGroup;
  errorText: string;
  onPeriod: (id: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const selectId = useId();
  const types = [...new Set(g.kinds.map((k) => k ?? 'other'))].map((k) => t(`orders.kind.${k}`)).join(', ');
  const noFit = g.split && g.periodsError?.code === 'not_supported' && !g.periodsError.message;
  return (
    <li className="renew-group" data-testid={`renew-group-${g.vendor}`}>
      <div className="renew-group-head">
        <strong>
          {g.accountLabel} <span className="muted">· {g.vendorName}</span>
        </strong>
        <span className="muted small">
          {g.split ? `${t('renewFlow.period.types', { types })} · ` : null}
          {t('renew.period.items', { count: g.targets.length })}
        </span>
      </div>
      <p className="muted small renew-labels">{g.targets.map((x) => x.label || x.id).join(', ')}</p>
      {g.periods === null ? (
        <p className="muted" role="status">
          {t('renew.period.loading')}
        </p>
      ) : g.periodsError ? (
        <div className="inline-error" role="alert">
          {t('renew.period.unavailable', {
            reason: noFit
              ? t('renewFlow.period.noFit', { vendor: g.vendorName })
              : errorText || t('renew.period.noPeriods', { vendor: g.vendorName }),
          })}{' '}
          <button type="button" className="btn btn-small" onClick={onRemove}>
            {t('renew.period.remove')}
          </button>
        </div>
      ) : (
        <div className="renew-period">
          <label htmlFor={selectId}>{t('renew.period.label')}</label>
          <select
            id={selectId}
            className="input"
            value={g.periodId ?? ''}
            aria-label={`${t('renew.period.label')} — ${g.accountLabel} · ${g.vendorName}${g.split ? ` · ${types}` : ''}`}
            onChange={(e) => onPeriod(e.target.value)}
          >
            {g.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </li>
  );
}
