import { useTranslation } from 'react-i18next';
import type { PurchaseRecordView } from '../../../preload/contract/purchases';
import { nameBesideVendor } from '../../lib/account-name';
import { formatMoney } from '../../lib/format';
import { usePurchasesStore } from '../../stores/purchases';
import { useVendorsStore, vendorName } from '../../stores/vendors';

/**
 * One row per purchase part: bought (reference, charge) / not bought (the vendor's words) / outcome
 * unknown (Check again, and the user's own answer after looking at the vendor dashboard).
 */
export function PurchaseResults({ records }: { records: PurchaseRecordView[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vendors = useVendorsStore((s) => s.list);
  const checking = usePurchasesStore((s) => s.checking);
  const sending = usePurchasesStore((s) => s.sending);
  const reconcile = usePurchasesStore((s) => s.reconcile);
  const resolve = usePurchasesStore((s) => s.resolve);
  const count = (state: string) => records.filter((r) => r.state === state).length;
  const settled = records.every((r) => r.state === 'done' || r.state === 'failed' || r.state === 'uncertain');

  return (
    <>
      {settled && records.length > 0 ? (
        <p role="status" className="renew-summary" data-testid="buy-summary-line">
          {t('buy.results.summary', { done: count('done'), failed: count('failed'), unknown: count('uncertain') })}
        </p>
      ) : null}
      <ul className="renew-items">
        {records.map((r) => {
          const vendor = vendorName(vendors, r.vendor);
          return (
            <li key={r.id} className={`renew-state-${r.state}`} data-testid="buy-result" data-state={r.state}>
              <div>
                <strong>{r.summary}</strong>{' '}
                <span className="muted small">{nameBesideVendor({ label: r.accountLabel, vendor: r.vendor })}</span>
              </div>
              {r.state === 'done' ? (
                <div>
                  {t('buy.results.bought')}
                  {r.reference ? ` · ${t('buy.results.reference', { reference: r.reference })}` : null}
                  {r.charged ? ` · ${t('buy.results.charged', { amount: formatMoney(r.charged, lang) })}` : null}
                  {r.spends === 'external' ? <p className="small">{t('buy.results.payExternal', { vendor })}</p> : null}
                  {r.message ? <p className="muted small">{r.message}</p> : null}
                </div>
              ) : r.state === 'failed' ? (
                <div>
                  {t('buy.results.notBought')}
                  {r.message ? <p className="small">{r.message}</p> : null}
                </div>
              ) : r.state === 'uncertain' ? (
                <div className="renew-alert renew-alert-warn">
                  <p>
                    <strong>{t('buy.results.unknown', { vendor })}</strong>
                  </p>
                  {r.message ? <p className="small">{r.message}</p> : null}
                  {/* Main's words say it in English; other languages get the sentence in their own words too. */}
                  {!r.message || !i18n.language.startsWith('en') ? (
                    <p className="small">{t('buy.results.unknownHelp', { vendor })}</p>
                  ) : null}
                  <p>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={checking !== null || sending}
                      onClick={() => void reconcile(r.id)}
                    >
                      {checking === r.id ? t('buy.results.checking') : t('buy.results.checkAgain')}
                    </button>
                  </p>
                  <span className="small">{t('buy.results.resolveAsk', { vendor })}</span>{' '}
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={checking !== null || sending}
                    onClick={() => void resolve(r.id, true)}
                  >
                    {t('buy.results.resolveBought')}
                  </button>{' '}
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={checking !== null || sending}
                    onClick={() => void resolve(r.id, false)}
                  >
                    {t('buy.results.resolveNotBought')}
                  </button>
                </div>
              ) : (
                <div className="renew-wait">
                  <span className="spinner" aria-hidden="true" /> {t(`buy.results.state.${r.state}`, { vendor })}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {count('done') > 0 ? (
        <p className="muted small" data-testid="buy-appear">
          {t('buy.results.appear')}
        </p>
      ) : null}
    </>
  );
}
