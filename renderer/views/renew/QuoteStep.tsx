import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../../preload/contract/model';
import type { AccountQuoteView } from '../../../preload/contract/renewals';
import { useErrorText } from '../../lib/error-text';
import { formatMoney } from '../../lib/format';
import { useRenewalsStore } from '../../stores/renewals';
import { AccountQuote } from './AccountQuote';
import { FundsTable, ShortChoices } from './FundsPanel';
import { fundsOf } from './plan';

/** "$34.50" or "$34.50 + €3.00" — totals per currency, never added together. */
export function joinTotals(totals: Money[], language: string): string {
  return totals.map((m) => formatMoney(m, language)).join(' + ');
}

/** Items whose price the vendor does not tell in advance (estimates without a known price). */
function unknownPrices(accounts: AccountQuoteView[]): number {
  return accounts.reduce(
    (n, a) => n + (a.quote && !a.quote.vendorQuoted ? a.quote.items.filter((i) => !i.price).length : 0),
    0,
  );
}

/** Step 2: the vendors' prices, each account's balance / cost / left, and the one confirmation. */
export function QuoteStep() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const whyId = useId();
  const quote = useRenewalsStore((s) => s.quote);
  const quoting = useRenewalsStore((s) => s.quoting);
  const error = useRenewalsStore((s) => s.error);
  const sending = useRenewalsStore((s) => s.sending);
  const subset = useRenewalsStore((s) => s.subset);
  const confirm = useRenewalsStore((s) => s.confirm);
  const checkPrice = useRenewalsStore((s) => s.checkPrice);
  const back = useRenewalsStore((s) => s.backToPeriods);
  const acceptUnknown = useRenewalsStore((s) => s.acceptUnknown);
  const setAcceptUnknown = useRenewalsStore((s) => s.setAcceptUnknown);
  const unknown = quote ? unknownPrices(quote.accounts) : 0;
  const funds = quote ? fundsOf(quote.accounts) : [];
  const short = funds.some((f) => f.short);
  // Items without a price in advance move money only after an explicit acceptance (main checks it too).
  const why = !quote
    ? null
    : quote.blocked.length > 0
      ? t('renewFlow.funds.whyDisabled.blocked')
      : quote.totals.length === 0
        ? t('renewFlow.funds.whyDisabled.noPrice')
        : unknown > 0 && !acceptUnknown
          ? t('renewFlow.funds.whyDisabled.unknown')
          : null;
  const totalText = quote
    ? [
        quote.totals.length ? joinTotals(quote.totals, lang) : null,
        unknown ? t('renew.quote.plusUnknown', { count: unknown }) : null,
      ]
        .filter(Boolean)
        .join(' + ')
    : '';

  return (
    <>
      {quoting ? (
        <p className="renew-wait" role="status">
          <span className="spinner" aria-hidden="true" /> {t('renew.quote.checking')}
        </p>
      ) : null}
      {error ? (
        <div className="renew-alert" role="alert">
          <strong>{t('renew.errorTitle')}</strong>
          <p>{errorText(error)}</p>
          <p>{t('renew.errorNext')}</p>
        </div>
      ) : null}
      {quote ? (
        <>
          <p className="muted">{t('renew.quote.intro')}</p>
          {subset ? (
            <p className="renew-subset" role="status" data-testid="renew-subset">
              {t('renewFlow.funds.subset', subset)}
            </p>
          ) : null}
          {quote.blocked.length > 0 ? (
            <div className="renew-alert" role="alert" data-testid="renew-blocked">
              <strong>{t('renew.quote.blockedTitle')}</strong>
              <ul>
                {quote.blocked.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {quote.accounts.map((a) => (
            <AccountQuote key={`${a.accountId}|${a.request.targets[0]?.kind}|${a.request.periodId}`} part={a} />
          ))}
          <FundsTable funds={funds} />
          <div className="renew-total" data-testid="renew-total">
            <span>{t('renew.quote.total')}</span>
            <strong>{totalText || t('renew.quote.noTotal')}</strong>
          </div>
          {unknown ? <p className="muted small">{t('renew.quote.unknownNote', { count: unknown })}</p> : null}
          {unknown && !short ? (
            <label className="accept-unknown">
              <input
                type="checkbox"
                checked={acceptUnknown}
                onChange={(e) => setAcceptUnknown(e.target.checked)}
                disabled={sending}
              />{' '}
              {t('renew.quote.acceptUnknown', { count: unknown })}
            </label>
          ) : null}
          {short ? <ShortChoices quote={quote} funds={funds} /> : null}
          <p className="muted small">
            {t('renew.quote.validUntil', {
              time: new Date(quote.expiresAt).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }),
            })}
          </p>
          {why && !short ? (
            <p id={whyId} className="muted small renew-why">
              {why}
            </p>
          ) : null}
        </>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={back} disabled={quoting || sending}>
          {t('renew.quote.back')}
        </button>
        {(!quote && !quoting) || short ? (
          <button
            type="button"
            className={short ? 'btn' : 'btn btn-primary'}
            disabled={quoting}
            onClick={() => void checkPrice()}
          >
            {t('renew.quote.checkAgain')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            disabled={why !== null || !quote || quoting || sending}
            aria-describedby={why ? whyId : undefined}
            onClick={() => void confirm()}
          >
            {quote?.totals.length
              ? t('renew.quote.confirm', { amount: totalText })
              : t('renew.steps.confirm').replace(/^\d+\.\s*/, '')}
          </button>
        )}
      </div>
    </>
  );
}
