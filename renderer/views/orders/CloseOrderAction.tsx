import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../lib/error-text';
import type { OrderRow } from '../../lib/inventory';

type Outcome = { kind: 'done' } | { kind: 'unknown' } | { kind: 'error'; text: string } | null;

/**
 * "Close this unpaid order" (vendors declaring 'orderClose'): a confirm dialog in plain words, then one
 * request. Main settles an unknown answer by reading the orders and refreshes the account afterwards.
 */
export function CloseOrderAction({ detail }: { detail: OrderRow }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const bodyId = useId();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const vendor = detail.vendorName;

  const confirm = async () => {
    if (pending) return;
    setPending(true);
    const r = await getApi().orders.close({ accountId: detail.accountId, orderId: detail.order.id });
    setPending(false);
    setOpen(false);
    if (r.ok) setOutcome({ kind: 'done' });
    else if (r.error.code === 'outcome_unknown') setOutcome({ kind: 'unknown' });
    else setOutcome({ kind: 'error', text: errorText(r.error) });
  };

  return (
    <div className="order-tool">
      <button
        type="button"
        className="btn btn-small btn-danger"
        disabled={pending || outcome?.kind === 'done'}
        onClick={() => {
          setOutcome(null);
          setOpen(true);
        }}
      >
        {t('orderTools.close.button')}
      </button>
      <span className="muted small" role="status">
        {outcome?.kind === 'done' ? t('orderTools.close.done') : ''}
      </span>
      {outcome?.kind === 'unknown' ? (
        <p className="inline-error" role="alert">
          {t('orderTools.close.unknown', { vendor })}
        </p>
      ) : null}
      {outcome?.kind === 'error' ? (
        <p className="inline-error" role="alert">
          {outcome.text}
        </p>
      ) : null}
      {open ? (
        <Dialog
          title={t('orderTools.close.title', { id: detail.order.id })}
          onClose={() => setOpen(false)}
          busy={pending}
          describedBy={bodyId}
        >
          <div id={bodyId} className="dialog-body">
            <p>{t('orderTools.close.body', { vendor })}</p>
          </div>
          <div className="dialog-actions">
            <span className="spacer" />
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => setOpen(false)}
              disabled={pending}
              data-autofocus
            >
              {t('orderTools.close.keep')}
            </button>
            <button type="button" className="btn btn-danger" onClick={() => void confirm()} disabled={pending}>
              {pending ? t('orderTools.close.closing') : t('orderTools.close.confirm')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
