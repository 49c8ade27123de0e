import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../../preload/contract/model';
import type { OrderAddons } from '../../../preload/contract/order-tools';
import type { PurchaseSelection } from '../../../preload/contract/purchases';
import { getApi } from '../../api';
import { useErrorText } from '../../lib/error-text';
import { formatMoney } from '../../lib/format';
import type { OrderRow } from '../../lib/inventory';
import { PurchaseDialog } from '../buy/PurchaseDialog';
import { OrderTool, OrderToolLoad } from './OrderTool';

const KEY = 'p0f_slots';

type Status =
  | { kind: 'bought' }
  | { kind: 'scheduled'; next: number }
  | { kind: 'cancelled' }
  | { kind: 'unknown' }
  | { kind: 'error'; text: string }
  | null;

const times = (m: Money | null, n: number): Money | null => (m ? { minor: m.minor * n, currency: m.currency } : null);

/**
 * The p0f slot add-on of a ProxyShard DC/ISP order (capability 'addons'), read from the vendor when
 * asked: what the order has now and what changes at the next renewal; "Buy more slots" (paid: the
 * shared PurchaseDialog shows the vendor's price and asks before anything is charged); a downgrade at
 * the next renewal and its cancel (no money moves now). Main settles an unknown answer by reading.
 */
export function AddonsPanel({ detail }: { detail: OrderRow }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const vendor = detail.vendorName;
  const ref = { accountId: detail.accountId, orderId: detail.order.id };
  const [state, setState] = useState<OrderAddons | null>(null);
  const [busy, setBusy] = useState<'load' | 'schedule' | 'cancel' | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [buyQty, setBuyQty] = useState('1');
  const [nextQty, setNextQty] = useState('');
  const [buying, setBuying] = useState<PurchaseSelection[] | null>(null);

  const load = async (after?: Status) => {
    setBusy('load');
    const r = await getApi().orders.addons(ref);
    setBusy(null);
    if (r.ok) {
      setState(r.data);
      setStatus(after ?? null);
    } else setStatus({ kind: 'error', text: errorText(r.error) });
  };

  const line = state?.lines.find((l) => l.addonKey === KEY) ?? null;
  const qty = line?.qty ?? state?.slots?.available ?? 0;
  const each = line?.pricePerUnit ?? null;
  const pending = line?.pending ?? null;
  const buyN = Number(buyQty);
  const buyOk = Number.isInteger(buyN) && buyN >= 1 && buyN <= 10_000;
  const nextN = Number(nextQty);
  const nextOk = nextQty !== '' && Number.isInteger(nextN) && nextN >= 1 && nextN < qty;
  const active = (state?.status ?? detail.order.vendorStatus ?? '').toLowerCase() === 'active';
  const money = (m: Money | null) => (m ? formatMoney(m, lang) : t('orderTools.addons.priceUnknown'));

  const write = async (kind: 'schedule' | 'cancel') => {
    if (busy) return;
    setBusy(kind);
    setStatus(null);
    const r =
      kind === 'schedule'
        ? await getApi().orders.scheduleAddon({ ...ref, addonKey: KEY, nextQty: nextN })
        : await getApi().orders.cancelAddonSchedule({ ...ref, addonKey: KEY });
    setBusy(null);
    if (r.ok) {
      setState(r.data);
      setNextQty('');
      setStatus(kind === 'schedule' ? { kind: 'scheduled', next: nextN } : { kind: 'cancelled' });
    } else if (r.error.code === 'outcome_unknown') {
      void load({ kind: 'unknown' });
    } else {
      setStatus({ kind: 'error', text: errorText(r.error) });
    }
  };

  return (
    <OrderTool title={t('orderTools.addons.title')} intro={t('orderTools.addons.intro')}>
      <OrderToolLoad
        loaded={state !== null}
        busy={busy === 'load'}
        disabled={busy !== null}
        onLoad={() => void load()}
        label={t('orderTools.addons.load')}
        busyLabel={t('orderTools.addons.loading', { vendor })}
      />
      {state ? (
        <>
          <p className="small" data-testid="addon-slots">
            {qty > 0
              ? t('orderTools.addons.current', { count: qty, used: state.slots?.used ?? 0, price: money(each) })
              : t('orderTools.addons.none')}
          </p>
          {pending ? (
            <p className="small" data-testid="addon-pending">
              {t('orderTools.addons.pending', { count: pending.nextQty ?? 0 })}
            </p>
          ) : null}

          <div className="order-tool-row">
            <label>
              {t('orderTools.addons.buyQty')}{' '}
              <input
                type="number"
                min={1}
                max={10_000}
                step={1}
                className="input"
                value={buyQty}
                onChange={(e) => setBuyQty(e.target.value)}
              />
            </label>
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={busy !== null || !buyOk || !active}
              onClick={() =>
                setBuying([
                  {
                    accountId: detail.accountId,
                    request: { kind: 'addon', orderId: detail.order.id, addonKey: KEY, quantity: buyN },
                  },
                ])
              }
            >
              {t('orderTools.addons.buy')}
            </button>
          </div>
          <p className="muted small">
            {active
              ? t('orderTools.addons.buyCost', { vendor, price: buyOk ? money(times(each, buyN)) : '—' })
              : t('orderTools.addons.activeOnly', { vendor })}
          </p>

          {qty >= 2 ? (
            <>
              <div className="order-tool-row">
                <label>
                  {t('orderTools.addons.nextQty')}{' '}
                  <input
                    type="number"
                    min={1}
                    max={qty - 1}
                    step={1}
                    className="input"
                    value={nextQty}
                    onChange={(e) => setNextQty(e.target.value)}
                  />
                </label>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busy !== null || !nextOk}
                  onClick={() => void write('schedule')}
                >
                  {busy === 'schedule' ? t('orderTools.addons.saving') : t('orderTools.addons.schedule')}
                </button>
              </div>
              <p className="muted small">
                {nextOk
                  ? t('orderTools.addons.scheduleCost', {
                      count: nextN,
                      saving: money(times(each, qty - nextN)),
                    })
                  : t('orderTools.addons.scheduleHint', { max: qty - 1 })}
              </p>
            </>
          ) : null}

          {pending ? (
            <>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                disabled={busy !== null}
                onClick={() => void write('cancel')}
              >
                {busy === 'cancel' ? t('orderTools.addons.saving') : t('orderTools.addons.cancel')}
              </button>
              <p className="muted small">
                {t('orderTools.addons.cancelCost', {
                  count: qty,
                  extra: money(times(each, Math.max(0, qty - (pending.nextQty ?? 0)))),
                })}
              </p>
            </>
          ) : null}
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={busy !== null}
            onClick={() => void load()}
          >
            {t('orderTools.addons.reload')}
          </button>
        </>
      ) : null}
      <span className="muted small" role="status">
        {status?.kind === 'bought' ? t('orderTools.addons.bought') : ''}
        {status?.kind === 'scheduled' ? t('orderTools.addons.scheduled', { count: status.next }) : ''}
        {status?.kind === 'cancelled' ? t('orderTools.addons.cancelled') : ''}
      </span>
      {status?.kind === 'unknown' ? (
        <p className="inline-error" role="alert">
          {t('orderTools.addons.unknown', { vendor })}
        </p>
      ) : null}
      {status?.kind === 'error' ? (
        <p className="inline-error" role="alert">
          {status.text}
        </p>
      ) : null}
      {buying ? (
        <PurchaseDialog
          selections={buying}
          title={t('orderTools.addons.dialogTitle', { id: detail.order.id })}
          onClose={() => {
            setBuying(null);
            void load();
          }}
          onDone={(batch) => {
            if (batch.records.some((r) => r.state === 'done')) void load({ kind: 'bought' });
          }}
        />
      ) : null}
    </OrderTool>
  );
}
