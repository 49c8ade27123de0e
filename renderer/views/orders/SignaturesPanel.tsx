import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrderIpTools, P0F_SIGNATURES, type P0fSignature } from '../../../preload/contract/order-tools';
import { getApi } from '../../api';
import { useErrorText } from '../../lib/error-text';
import type { OrderRow } from '../../lib/inventory';
import { OrderTool, OrderToolLoad } from './OrderTool';

type Status =
  | { kind: 'done' }
  | { kind: 'dropDone'; count: number | null }
  | { kind: 'unknown'; key: 'sig' | 'drop' }
  | { kind: 'error'; text: string }
  | null;

/**
 * The IPs of a ProxyShard DC/ISP order, read from the vendor when asked: the p0f OS signature of each
 * ('p0fSignatures': "Set OS signature" for the IPs ticked) and "Drop at next renewal" ('dropAtRenewal').
 * Main checks the vendor's rules again before sending and settles an unknown answer by reading.
 */
export function SignaturesPanel({ detail, drops }: { detail: OrderRow; drops: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const vendor = detail.vendorName;
  const ref = { accountId: detail.accountId, orderId: detail.order.id };
  const [state, setState] = useState<OrderIpTools | null>(null);
  const [busy, setBusy] = useState<'load' | 'save' | 'drop' | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [signature, setSignature] = useState<P0fSignature>('win10');

  const load = async () => {
    setBusy('load');
    setStatus(null);
    const r = await getApi().orders.ips(ref);
    setBusy(null);
    if (r.ok) setState(r.data);
    else setStatus({ kind: 'error', text: errorText(r.error) });
  };

  const save = async () => {
    if (!state || busy) return;
    setBusy('save');
    setStatus(null);
    const items = [...ticked].map((ip) => ({ ip, signature }));
    const r = await getApi().orders.setSignatures({ ...ref, items });
    setBusy(null);
    if (r.ok) {
      setState(r.data);
      setTicked(new Set());
      setStatus({ kind: 'done' });
    } else if (r.error.code === 'outcome_unknown') {
      void load().then(() => setStatus({ kind: 'unknown', key: 'sig' }));
    } else {
      setStatus({ kind: 'error', text: errorText(r.error) });
    }
  };

  const mark = async (drop: boolean) => {
    if (!state || busy) return;
    setBusy('drop');
    setStatus(null);
    const r = await getApi().orders.dropAtRenewal({ ...ref, items: [...ticked].map((ip) => ({ ip, drop })) });
    setBusy(null);
    if (r.ok) {
      setState(r.data);
      setTicked(new Set());
      setStatus({ kind: 'dropDone', count: r.data.quantity });
    } else if (r.error.code === 'outcome_unknown') {
      void load().then(() => setStatus({ kind: 'unknown', key: 'drop' }));
    } else {
      setStatus({ kind: 'error', text: errorText(r.error) });
    }
  };

  const osName = (s: string | null) => (s ? t(`orderTools.os.${s}`, { defaultValue: s }) : t('orderTools.sig.none'));
  const slots = state?.slots ?? null;
  const free = slots ? Math.max(0, slots.available - slots.used) : 0;
  const fresh = state ? state.ips.filter((x) => ticked.has(x.ip) && !x.signature).length : 0;
  const short = fresh - free;

  return (
    <OrderTool title={t('orderTools.sig.title')} intro={t('orderTools.sig.intro')}>
      <OrderToolLoad
        loaded={state !== null}
        busy={busy === 'load'}
        disabled={busy !== null}
        onLoad={() => void load()}
        label={t('orderTools.sig.load')}
        busyLabel={t('orderTools.sig.loading', { vendor })}
      />
      {state ? (
        <>
          <p className="small" data-testid="p0f-slots">
            {slots && slots.available > 0
              ? t('orderTools.sig.slots', { used: slots.used, available: slots.available, free })
              : t('orderTools.sig.noSlots', { vendor })}
          </p>
          <table className="table table-compact" aria-label={t('orderTools.sig.title')}>
            <thead>
              <tr>
                <th scope="col">{t('orderTools.sig.ip')}</th>
                <th scope="col">{t('orderTools.sig.current')}</th>
              </tr>
            </thead>
            <tbody>
              {state.ips.map((x) => (
                <tr key={x.ip}>
                  <td className="mono">
                    <label>
                      <input
                        type="checkbox"
                        aria-label={t('orderTools.sig.pick', { ip: x.ip })}
                        checked={ticked.has(x.ip)}
                        onChange={(e) => {
                          const next = new Set(ticked);
                          if (e.target.checked) next.add(x.ip);
                          else next.delete(x.ip);
                          setTicked(next);
                        }}
                      />{' '}
                      {x.ip}
                    </label>
                  </td>
                  <td>{osName(x.signature)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t('orderTools.sig.noClear', { vendor })}</p>
          <div className="order-tool-row">
            <label>
              {t('orderTools.sig.choose')}{' '}
              <select value={signature} onChange={(e) => setSignature(e.target.value as P0fSignature)}>
                {P0F_SIGNATURES.map((s) => (
                  <option key={s} value={s}>
                    {osName(s)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={busy !== null || ticked.size === 0 || short > 0}
              onClick={() => void save()}
            >
              {busy === 'save' ? t('orderTools.sig.saving') : t('orderTools.sig.apply')}
            </button>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              disabled={busy !== null}
              onClick={() => void load()}
            >
              {t('orderTools.sig.reload')}
            </button>
          </div>
          {ticked.size > 0 ? (
            <p className="small">
              {t('orderTools.sig.summary', { count: ticked.size, signature: osName(signature), fresh })}
            </p>
          ) : null}
          {short > 0 ? (
            <p className="inline-error" role="alert">
              {t('orderTools.sig.tooFew', { count: short })}
            </p>
          ) : null}
          {drops ? (
            <OrderTool title={t('orderTools.drop.title')} intro={t('orderTools.drop.intro', { vendor })}>
              {state.quantity !== null ? (
                <p className="small" data-testid="renew-quantity">
                  {t('orderTools.drop.quantity', { vendor, count: state.quantity })}
                </p>
              ) : null}
              <div className="order-tool-row">
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busy !== null || ticked.size === 0 || ticked.size >= state.ips.length}
                  onClick={() => void mark(true)}
                >
                  {busy === 'drop' ? t('orderTools.drop.saving') : t('orderTools.drop.drop')}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  disabled={busy !== null || ticked.size === 0}
                  onClick={() => void mark(false)}
                >
                  {t('orderTools.drop.keep')}
                </button>
              </div>
              {ticked.size > 0 && ticked.size >= state.ips.length ? (
                <p className="inline-error">{t('orderTools.drop.allTicked')}</p>
              ) : null}
            </OrderTool>
          ) : null}
        </>
      ) : null}
      <span className="muted small" role="status">
        {status?.kind === 'done' ? t('orderTools.sig.done') : ''}
        {status?.kind === 'dropDone' && status.count !== null
          ? t('orderTools.drop.done', { vendor, count: status.count })
          : ''}
      </span>
      {status?.kind === 'unknown' ? (
        <p className="inline-error" role="alert">
          {t(`orderTools.${status.key}.unknown`, { vendor })}
        </p>
      ) : null}
      {status?.kind === 'error' ? (
        <p className="inline-error" role="alert">
          {status.text}
        </p>
      ) : null}
    </OrderTool>
  );
}
