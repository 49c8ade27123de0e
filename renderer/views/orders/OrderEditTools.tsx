import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VendorSummary } from '../../../preload/contract/channels';
import type { Money } from '../../../preload/contract/model';
import { ORDER_TAG_MAX } from '../../../preload/contract/order-tools';
import { getApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../lib/error-text';
import { formatMoney } from '../../lib/format';
import type { OrderRow } from '../../lib/inventory';
import { formatVendorTime } from '../../lib/time';
import { naiveTimeOf } from '../../stores/vendors';
import { OrderTool } from './OrderTool';

type Outcome = { kind: 'done'; text: string } | { kind: 'unknown' } | { kind: 'error'; text: string } | null;

function OutcomeLine({ outcome, unknown }: { outcome: Outcome; unknown: string }) {
  return (
    <>
      <span className="muted small" role="status">
        {outcome?.kind === 'done' ? outcome.text : ''}
      </span>
      {outcome?.kind === 'unknown' || outcome?.kind === 'error' ? (
        <p className="inline-error" role="alert">
          {outcome.kind === 'unknown' ? unknown : outcome.text}
        </p>
      ) : null}
    </>
  );
}

/**
 * "Edit tag" ('orderTags'): a text field with the limit in words; empty removes the tag. Sent once;
 * main settles an unknown answer by reading the order again and refreshes the account.
 */
export function TagEdit({ detail }: { detail: OrderRow }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(detail.order.tag ?? '');
  // What the vendor answered after a save here; until then (and for changes made elsewhere) the snapshot's.
  const [saved, setSaved] = useState<{ tag: string | null } | null>(null);
  const shown = saved ? saved.tag : detail.order.tag;
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const vendor = detail.vendorName;
  const tooLong = value.trim().length > ORDER_TAG_MAX;

  const save = async () => {
    if (pending || tooLong) return;
    setPending(true);
    setOutcome(null);
    const tag = value.trim() ? value.trim() : null;
    const r = await getApi().orders.setTag({ accountId: detail.accountId, orderId: detail.order.id, tag });
    setPending(false);
    if (r.ok) {
      setSaved({ tag: r.data.tag });
      setEditing(false);
      setOutcome({ kind: 'done', text: r.data.tag ? t('orderEdit.tag.saved') : t('orderEdit.tag.cleared') });
    } else if (r.error.code === 'outcome_unknown') setOutcome({ kind: 'unknown' });
    else setOutcome({ kind: 'error', text: errorText(r.error) });
  };

  return (
    <div className="order-tool-inline">
      {editing ? (
        <form
          className="order-tool-row"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <input
            type="text"
            aria-label={t('orderEdit.tag.label', { id: detail.order.id })}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            disabled={pending}
          />
          <button type="submit" className="btn btn-small btn-primary" disabled={pending || tooLong}>
            {pending ? t('orderEdit.tag.saving') : t('orderEdit.tag.save')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={pending}
            onClick={() => {
              setEditing(false);
              setValue(shown ?? '');
            }}
          >
            {t('orderEdit.tag.cancel')}
          </button>
          <p className="muted small">{t('orderEdit.tag.hint', { max: ORDER_TAG_MAX, vendor })}</p>
          {tooLong ? (
            <p className="inline-error" role="alert">
              {t('orderEdit.tag.tooLong', { max: ORDER_TAG_MAX })}
            </p>
          ) : null}
        </form>
      ) : (
        <>
          <span data-testid="order-tag">{shown || t('orders.noTag')}</span>{' '}
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => {
              setOutcome(null);
              setValue(shown ?? '');
              setEditing(true);
            }}
          >
            {t('orderEdit.tag.edit')}
          </button>
        </>
      )}
      <OutcomeLine outcome={outcome} unknown={t('orderEdit.tag.unknown', { vendor })} />
    </div>
  );
}

/**
 * "Change billing cycle" ('billingCycle'): the cycles the order's product offers, and in plain words
 * what changes (from the next renewal; nothing is charged now; a promo code may be dropped).
 */
export function CycleChange({ detail, vendors }: { detail: OrderRow; vendors: VendorSummary[] }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const bodyId = useId();
  const selectId = useId();
  const [changed, setChanged] = useState<string | null>(null);
  const current = changed ?? detail.order.cycle ?? null;
  const periods = detail.order.renewPeriods ?? [];
  const others = periods.filter((p) => p.id !== current);
  const [choice, setChoice] = useState(others[0]?.id ?? '');
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const vendor = detail.vendorName;
  const labelOf = (id: string | null) => periods.find((p) => p.id === id)?.label ?? id ?? '—';
  const picked = others.some((p) => p.id === choice) ? choice : (others[0]?.id ?? '');

  const confirm = async () => {
    if (pending || !picked) return;
    setPending(true);
    const r = await getApi().orders.changeCycle({
      accountId: detail.accountId,
      orderId: detail.order.id,
      cycle: picked,
    });
    setPending(false);
    setOpen(false);
    if (r.ok) {
      const cycle = labelOf(r.data.order.cycle ?? picked);
      const price: Money | null = r.data.nextPrice;
      setChanged(r.data.order.cycle ?? picked);
      setOutcome({
        kind: 'done',
        text: price
          ? t('orderEdit.cycle.donePrice', { cycle, price: formatMoney(price, i18n.language) })
          : t('orderEdit.cycle.done', { cycle }),
      });
    } else if (r.error.code === 'outcome_unknown') setOutcome({ kind: 'unknown' });
    else setOutcome({ kind: 'error', text: errorText(r.error) });
  };

  const words = { id: detail.order.id, cycle: labelOf(picked), current: labelOf(current), vendor };
  const expires = detail.order.expiresAt
    ? formatVendorTime(detail.order.expiresAt, i18n.language, naiveTimeOf(vendors, detail.vendor), t, true)
    : null;

  return (
    <OrderTool title={t('orderEdit.cycle.title')}>
      <p className="small" data-testid="order-cycle">
        {t('orderEdit.cycle.current', { cycle: labelOf(current) })}
      </p>
      {others.length === 0 ? (
        <p className="muted small">{t('orderEdit.cycle.none')}</p>
      ) : (
        <div className="order-tool-row">
          <label htmlFor={selectId}>{t('orderEdit.cycle.choose')}</label>{' '}
          <select id={selectId} value={picked} onChange={(e) => setChoice(e.target.value)} disabled={pending}>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-small"
            disabled={pending || !picked}
            onClick={() => {
              setOutcome(null);
              setOpen(true);
            }}
          >
            {t('orderEdit.cycle.button')}
          </button>
        </div>
      )}
      <OutcomeLine outcome={outcome} unknown={t('orderEdit.cycle.unknown', { vendor })} />
      {open ? (
        <Dialog
          title={t('orderEdit.cycle.dialogTitle', { id: detail.order.id })}
          onClose={() => setOpen(false)}
          busy={pending}
          describedBy={bodyId}
        >
          <div id={bodyId} className="dialog-body">
            <p>{t('orderEdit.cycle.body', words)}</p>
            <p>{expires ? t('orderEdit.cycle.next', { date: expires }) : t('orderEdit.cycle.nextUnknown')}</p>
            <p className="muted small">{t('orderEdit.cycle.promo', { vendor })}</p>
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
              {t('orderEdit.cycle.keep', words)}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void confirm()} disabled={pending}>
              {pending ? t('orderEdit.cycle.changing') : t('orderEdit.cycle.confirm', words)}
            </button>
          </div>
        </Dialog>
      ) : null}
    </OrderTool>
  );
}
