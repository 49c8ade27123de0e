import { useTranslation } from 'react-i18next';
import type { PurchaseQuotePart } from '../../../preload/contract/purchases';
import { nameBesideVendor } from '../../lib/account-name';
import { formatMoney } from '../../lib/format';
import { useSnapshotsStore } from '../../stores/snapshots';
import { useVendorsStore, vendorName } from '../../stores/vendors';

/** One part of a purchase price check: account, what is bought, the vendor's price lines and words. */
export function QuotePart({ part }: { part: PurchaseQuotePart }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vendors = useVendorsStore((s) => s.list);
  const vendor = vendorName(vendors, part.vendor);
  const q = part.quote;
  // The vendor's balance read with the price check, else the one of the last refresh (labelled).
  const held = useSnapshotsStore((s) => s.byAccount[part.accountId]?.balance?.money ?? null);
  const balance = q?.balance ?? (q?.spends === 'money' ? held : null);
  const low =
    !!q?.total &&
    q.spends === 'money' &&
    !!balance &&
    balance.currency === q.total.currency &&
    balance.minor < q.total.minor;
  const blocking = q?.warnings.filter((w) => w.blocking) ?? [];
  const notes = q?.warnings.filter((w) => !w.blocking) ?? [];
  return (
    <section className="renew-account" data-testid="buy-part" aria-label={part.accountLabel}>
      <div className="renew-group-head">
        <strong>{nameBesideVendor({ label: part.accountLabel, vendor: part.vendor })}</strong>
        <span className="muted small">{vendor}</span>
      </div>
      {q ? <p data-testid="buy-summary">{q.summary}</p> : null}
      {q && q.lines.length > 0 ? (
        <table className="table table-compact renew-table" aria-label={t('buy.quote.lines')}>
          <tbody>
            {q.lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: price lines have no id and never move
              <tr key={i}>
                <td>{l.label}</td>
                <td className="num">
                  {l.amount ? formatMoney(l.amount, lang) : q.spends === 'traffic' ? '' : t('buy.quote.noAmount')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {q ? (
        <p className="renew-labels small">
          <span data-testid="buy-part-total">
            {q.total
              ? t('buy.quote.partTotal', { amount: formatMoney(q.total, lang) })
              : q.spends === 'traffic'
                ? t('buy.quote.trafficCost')
                : t('buy.quote.unpriced')}
          </span>
          {q.vendorQuoted || q.total || q.spends === 'traffic' ? (
            <>
              {' · '}
              <span data-testid="buy-checked-by">
                {q.vendorQuoted
                  ? t('buy.quote.vendorQuoted', { vendor })
                  : q.spends === 'traffic'
                    ? t('buy.quote.trafficChecked')
                    : t('buy.quote.estimate', { vendor })}
              </span>
            </>
          ) : null}
        </p>
      ) : null}
      {q ? (
        <p className="muted small" data-testid="buy-spends">
          {t(`buy.spends.${q.spends}`, { vendor })}
        </p>
      ) : null}
      {balance ? (
        <p className="muted small" data-testid="buy-balance">
          {t(q?.balance ? 'buy.quote.balance' : 'buy.quote.balanceLastRefresh', {
            vendor,
            amount: formatMoney(balance, lang),
          })}
        </p>
      ) : null}
      {!balance && q?.spends === 'money' ? (
        <p className="muted small" data-testid="buy-balance">
          {t('buy.quote.balanceUnknown', { vendor })}
        </p>
      ) : null}
      {low ? (
        <p className="small renew-state-failed" data-testid="buy-balance-low">
          {t('buy.quote.balanceLow', { vendor })}
        </p>
      ) : null}
      {q?.promo ? (
        <p
          className={q.promo === 'valid' ? 'small renew-state-done' : 'small renew-state-failed'}
          data-testid="buy-promo"
        >
          {t(`buy.quote.promo.${q.promo}`, { vendor })}
        </p>
      ) : null}
      {notes.length > 0 ? (
        <ul className="renew-notes small">
          {notes.map((w) => (
            <li key={w.code + w.message}>{w.message}</li>
          ))}
        </ul>
      ) : null}
      {blocking.length > 0 || part.blocked.length > 0 || !q ? (
        <div className="renew-alert" role="alert" data-testid="buy-part-blocked">
          <strong>{t('buy.quote.cannotBuy')}</strong>
          <ul>
            {blocking.map((w) => (
              <li key={w.code + w.message}>{w.message}</li>
            ))}
            {part.blocked
              .filter((b) => !blocking.some((w) => w.message === b))
              .map((b) => (
                <li key={b}>{b}</li>
              ))}
          </ul>
          <p>{t('buy.quote.cannotBuyNext')}</p>
        </div>
      ) : null}
    </section>
  );
}
