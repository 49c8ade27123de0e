import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../../preload/contract/model';
import type { AccountQuoteView } from '../../../preload/contract/renewals';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../lib/error-text';
import { formatMoney } from '../../lib/format';
import { formatDate } from '../../lib/time';
import { itemKey, type RenewGroup, useRenewalsStore } from '../../stores/renewals';
import { useVendorsStore, vendorName } from '../../stores/vendors';
import '../../styles/renew.css';
import { ResultsStep } from './ResultsStep';

/** "$34.50" or "$34.50 + €3.00" — totals per currency, never added together. */
export function joinTotals(totals: Money[], language: string): string {
  return totals.map((m) => formatMoney(m, language)).join(' + ');
}

/** The renew / extend flow dialog; shown while the renewals store is open. */
export function RenewDialog() {
  const { t } = useTranslation();
  const open = useRenewalsStore((s) => s.open);
  const step = useRenewalsStore((s) => s.step);
  const sending = useRenewalsStore((s) => s.sending);
  const close = useRenewalsStore((s) => s.close);
  if (!open) return null;
  return (
    <Dialog title={t('renew.title')} onClose={close} busy={sending} wide>
      <ol className="renew-steps" aria-label={t('renew.steps.label')}>
        <li aria-current={step === 'period' ? 'step' : undefined}>{t('renew.steps.period')}</li>
        <li aria-current={step === 'quote' ? 'step' : undefined}>{t('renew.steps.quote')}</li>
        <li aria-current={step === 'sending' || step === 'results' ? 'step' : undefined}>{t('renew.steps.confirm')}</li>
      </ol>
      {step === 'period' ? <PeriodStep /> : null}
      {step === 'quote' ? <QuoteStep /> : null}
      {step === 'sending' ? <SendingStep /> : null}
      {step === 'results' ? <ResultsStep /> : null}
    </Dialog>
  );
}

function PeriodStep() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const groups = useRenewalsStore((s) => s.groups);
  const setPeriod = useRenewalsStore((s) => s.setPeriod);
  const removeGroup = useRenewalsStore((s) => s.removeGroup);
  const checkPrice = useRenewalsStore((s) => s.checkPrice);
  const close = useRenewalsStore((s) => s.close);
  const usable = groups.filter((g) => g.periodId);
  const loading = groups.some((g) => g.periods === null);
  return (
    <>
      <p className="muted">{t('renew.period.intro')}</p>
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
      {groups.length === 0 ? <p className="inline-error">{t('renew.noneRenewable')}</p> : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close}>
          {t('renew.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={usable.length === 0 || loading || groups.some((g) => g.periodsError)}
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
  return (
    <li className="renew-group" data-testid={`renew-group-${g.vendor}`}>
      <div className="renew-group-head">
        <strong>
          {g.accountLabel} <span className="muted">· {g.vendorName}</span>
        </strong>
        <span className="muted small">{t('renew.period.items', { count: g.targets.length })}</span>
      </div>
      <p className="muted small renew-labels">{g.targets.map((x) => x.label || x.id).join(', ')}</p>
      {g.periods === null ? (
        <p className="muted" role="status">
          {t('renew.period.loading')}
        </p>
      ) : g.periodsError ? (
        <div className="inline-error" role="alert">
          {t('renew.period.unavailable', {
            reason: errorText || t('renew.period.noPeriods', { vendor: g.vendorName }),
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
            aria-label={`${t('renew.period.label')} — ${g.accountLabel} · ${g.vendorName}`}
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
      {g.vendor === 'bestproxy' ? <p className="muted small">{t('renew.period.bestproxyPayment')}</p> : null}
    </li>
  );
}

function QuoteStep() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const quote = useRenewalsStore((s) => s.quote);
  const quoting = useRenewalsStore((s) => s.quoting);
  const error = useRenewalsStore((s) => s.error);
  const sending = useRenewalsStore((s) => s.sending);
  const confirm = useRenewalsStore((s) => s.confirm);
  const checkPrice = useRenewalsStore((s) => s.checkPrice);
  const back = useRenewalsStore((s) => s.backToPeriods);
  const acceptUnknown = useRenewalsStore((s) => s.acceptUnknown);
  const setAcceptUnknown = useRenewalsStore((s) => s.setAcceptUnknown);
  const unknown = quote ? unknownPrices(quote.accounts) : 0;
  // Items without a price in advance move money only after an explicit acceptance (main checks it too).
  const blocked = !quote || quote.blocked.length > 0 || quote.totals.length === 0 || (unknown > 0 && !acceptUnknown);
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
          <div className="renew-total" data-testid="renew-total">
            <span>{t('renew.quote.total')}</span>
            <strong>{totalText || t('renew.quote.noTotal')}</strong>
          </div>
          {unknown ? <p className="muted small">{t('renew.quote.unknownNote', { count: unknown })}</p> : null}
          {unknown ? (
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
          <p className="muted small">
            {t('renew.quote.validUntil', {
              time: new Date(quote.expiresAt).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }),
            })}
          </p>
        </>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={back} disabled={quoting || sending}>
          {t('renew.quote.back')}
        </button>
        {!quote && !quoting ? (
          <button type="button" className="btn btn-primary" onClick={() => void checkPrice()}>
            {t('renew.quote.checkAgain')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            disabled={blocked || quoting || sending}
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

function AccountQuote({ part }: { part: AccountQuoteView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vendors = useVendorsStore((s) => s.list);
  const vendor = vendorName(vendors, part.vendor);
  const q = part.quote;
  const estimate = q ? !q.vendorQuoted : false;
  const items = q ? q.items : part.request.targets.map((target) => ({ target, price: null, newExpiresAt: null }));
  const notes = q ? q.warnings.filter((w) => !w.blocking) : [];
  const missing = q ? q.items.filter((i) => !i.price).length : 0;
  const date = (iso: string | null) => (iso ? formatDate(iso, lang) : t('renew.quote.noDate'));
  return (
    <section className="renew-account" aria-label={`${part.accountLabel} · ${vendor}`}>
      <div className="renew-group-head">
        <strong>
          {part.accountLabel} <span className="muted">· {vendor}</span>
        </strong>
        {estimate ? <span className="badge badge-estimate">{t('renew.quote.estimate')}</span> : null}
      </div>
      {estimate ? <p className="muted small">{t('renew.quote.estimateNote', { vendor })}</p> : null}
      {notes.length ? (
        <ul className="renew-alert renew-alert-warn renew-notes">
          {notes.map((w) => (
            <li key={w.code}>{w.message}</li>
          ))}
        </ul>
      ) : null}
      <table className="table table-compact renew-table">
        <thead>
          <tr>
            <th scope="col">{t('renew.quote.item')}</th>
            <th scope="col">{t('renew.quote.expiry')}</th>
            <th scope="col" className="num">
              {t('renew.quote.price')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((it) => (
            <tr key={`${it.target.kind}:${it.target.id}`}>
              <td className="mono">{it.target.label || it.target.id}</td>
              <td>
                {date(it.target.expiresAt)} → {it.newExpiresAt ? date(it.newExpiresAt) : '—'}
              </td>
              <td className="num">
                {it.price
                  ? formatMoney(it.price, lang)
                  : estimate
                    ? t('renew.quote.priceUnknown')
                    : t('renew.quote.inSubtotal')}
                {it.price && estimate ? <span className="muted small"> ({t('renew.quote.estimate')})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('renew.quote.subtotal')}</th>
            <td className="muted small">
              {part.balance
                ? t('renew.quote.balance', { amount: formatMoney(part.balance, lang) })
                : t('renew.quote.balanceUnknown', { vendor })}
            </td>
            <td className="num">
              <strong>
                {q ? formatMoney(q.total, lang) : '—'}
                {q && estimate && missing ? ` + ${t('renew.quote.plusUnknown', { count: missing })}` : null}
              </strong>
            </td>
          </tr>
        </tfoot>
      </table>
      {part.vendor === 'bestproxy' ? <p className="muted small">{t('renew.period.bestproxyPayment')}</p> : null}
    </section>
  );
}

/** Items whose price the vendor does not tell in advance (estimates without a known price). */
function unknownPrices(accounts: AccountQuoteView[]): number {
  return accounts.reduce(
    (n, a) => n + (a.quote && !a.quote.vendorQuoted ? a.quote.items.filter((i) => !i.price).length : 0),
    0,
  );
}

function SendingStep() {
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
