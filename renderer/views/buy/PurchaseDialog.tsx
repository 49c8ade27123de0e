import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseBatchView, PurchaseQuoteView, PurchaseSelection } from '../../../preload/contract/purchases';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../lib/error-text';
import { formatMoney } from '../../lib/format';
import { quoteExpired, usePurchasesStore } from '../../stores/purchases';
import '../../styles/renew.css';
import { PurchaseResults } from './PurchaseResults';
import { QuotePart } from './QuotePart';

/** Why Pay is disabled (null = it is not). */
function whyDisabled(quote: PurchaseQuoteView, expired: boolean, acceptUnknown: boolean): string | null {
  if (expired) return 'expired';
  if (quote.blocked.length > 0 || quote.parts.some((p) => p.blocked.length > 0 || !p.quote)) return 'blocked';
  // Traffic codes cost traffic, not money: nothing in the totals, and nothing to accept.
  const traffic = quote.parts.some((p) => p.quote?.spends === 'traffic');
  if (quote.totals.length === 0 && quote.unpriced === 0 && !traffic) return 'noPrice';
  if (quote.unpriced > 0 && !acceptUnknown) return 'unknown';
  return null;
}

/**
 * The one confirmation of a purchase (new orders, add-ons, upgrades, traffic codes): on open it asks the
 * vendors for the price, shows each part and the exact total per currency on the Pay button, sends once,
 * then shows progress and the result of each part.
 */
export function PurchaseDialog(props: {
  selections: PurchaseSelection[];
  title: string;
  onClose: () => void;
  onDone?: (batch: PurchaseBatchView) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const whyId = useId();
  const s = usePurchasesStore();
  const [now, setNow] = useState(() => Date.now());
  const selectionsRef = useRef(props.selections);

  useEffect(() => {
    usePurchasesStore.getState().start(selectionsRef.current);
    return () => usePurchasesStore.getState().close();
  }, []);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 5_000);
    return () => window.clearInterval(timer);
  }, []);

  const close = () => {
    if (s.sending) return;
    props.onClose();
  };
  const pay = async () => {
    const batch = await s.confirm();
    if (batch) props.onDone?.(batch);
  };

  const quote = s.quote;
  const expired = !!quote && quoteExpired(quote, now);
  const why = quote ? whyDisabled(quote, expired, s.acceptUnknown) : null;
  const totalText = quote ? quote.totals.map((m) => formatMoney(m, lang)).join(' + ') : '';
  const allExternal = !!quote && quote.parts.every((p) => p.quote?.spends === 'external');
  const allTraffic = !!quote && quote.parts.every((p) => p.quote?.spends === 'traffic');
  const payLabel = !quote
    ? ''
    : totalText
      ? t(allExternal ? 'buy.quote.orderExternal' : 'buy.quote.pay', {
          amount: quote.unpriced
            ? `${totalText} + ${t('buy.quote.plusUnknown', { count: quote.unpriced })}`
            : totalText,
        })
      : allTraffic
        ? t('buy.quote.payTraffic')
        : t('buy.quote.confirmUnpriced');

  return (
    <Dialog title={props.title} onClose={close} busy={s.sending} wide>
      {s.step === 'quote' ? (
        <>
          {s.quoting ? (
            <p className="renew-wait" role="status">
              <span className="spinner" aria-hidden="true" /> {t('buy.quote.checking')}
            </p>
          ) : null}
          {s.error ? (
            <div className="renew-alert" role="alert" data-testid="buy-error">
              <strong>{t('buy.quote.errorTitle')}</strong>
              <p>{errorText(s.error)}</p>
              <p>{t('buy.quote.errorNext')}</p>
            </div>
          ) : null}
          {quote ? (
            <>
              <p className="muted">{t('buy.quote.intro')}</p>
              {quote.blocked.length > 0 ? (
                <div className="renew-alert" role="alert" data-testid="buy-blocked">
                  <strong>{t('buy.quote.cannotBuy')}</strong>
                  <ul>
                    {quote.blocked.map((b) => (
                      <li key={b}>{b}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {quote.parts.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts keep the order of the selections
                <QuotePart key={i} part={p} />
              ))}
              <div className="renew-total" data-testid="buy-total">
                <span>{t('buy.quote.total')}</span>
                <strong>{totalText || t(allTraffic ? 'buy.quote.trafficCost' : 'buy.quote.noTotal')}</strong>
              </div>
              {quote.unpriced > 0 ? (
                <label className="accept-unknown">
                  <input
                    type="checkbox"
                    data-testid="buy-accept-unknown"
                    checked={s.acceptUnknown}
                    onChange={(e) => s.setAcceptUnknown(e.target.checked)}
                    disabled={s.sending}
                  />{' '}
                  {t('buy.quote.acceptUnknown', { count: quote.unpriced })}
                </label>
              ) : null}
              <p className="muted small">
                {expired
                  ? t('buy.quote.expired')
                  : t('buy.quote.validUntil', {
                      time: new Date(quote.expiresAt).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }),
                    })}
              </p>
              {why ? (
                <p id={whyId} className="muted small renew-why" data-testid="buy-why">
                  {t(`buy.quote.why.${why}`)}
                </p>
              ) : null}
            </>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={close} disabled={s.sending}>
              {t('common.cancel')}
            </button>
            <span className="spacer" />
            {(!quote && !s.quoting) || expired || why === 'blocked' ? (
              <button
                type="button"
                className={expired || !quote ? 'btn btn-primary' : 'btn'}
                disabled={s.quoting}
                onClick={() => void s.checkPrice()}
              >
                {t('buy.quote.checkAgain')}
              </button>
            ) : null}
            {quote && !expired ? (
              <button
                type="button"
                className="btn btn-primary"
                data-testid="buy-pay"
                disabled={why !== null || s.quoting || s.sending}
                aria-describedby={why ? whyId : undefined}
                onClick={() => void pay()}
              >
                {payLabel}
              </button>
            ) : null}
          </div>
        </>
      ) : (
        <>
          {s.step === 'sending' ? (
            <p className="renew-wait" role="status">
              <span className="spinner" aria-hidden="true" /> {t('buy.sending.wait')}
            </p>
          ) : null}
          {s.error ? (
            <div className="renew-alert" role="alert" data-testid="buy-error">
              <p>{errorText(s.error)}</p>
              {s.step === 'results' && s.records.length === 0 ? <p>{t('buy.results.lostAnswer')}</p> : null}
            </div>
          ) : null}
          {s.step === 'sending' && s.records.length === 0 ? (
            <ul className="renew-items">
              {(quote?.parts ?? []).map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts keep the order of the selections
                <li key={i} className="renew-wait">
                  <span className="spinner" aria-hidden="true" /> {p.quote?.summary ?? p.accountLabel} —{' '}
                  {t('buy.results.state.sending')}
                </li>
              ))}
            </ul>
          ) : (
            <PurchaseResults records={s.records} />
          )}
          <div className="dialog-actions">
            <span className="spacer" />
            <button type="button" className="btn btn-primary" disabled={s.sending} onClick={close}>
              {t('buy.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
