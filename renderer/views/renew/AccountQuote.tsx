import { useTranslation } from 'react-i18next';
import type { AccountQuoteView } from '../../../preload/contract/renewals';
import { nameBesideVendor } from '../../lib/account-name';
import { formatMoney } from '../../lib/format';
import { formatDate } from '../../lib/time';
import { useVendorsStore, vendorName } from '../../stores/vendors';

/**
 * A price-check note in the UI language: English shows main's own (specific) sentence; zh-CN the
 * sentence for its code, with main's specifics in brackets when the note names items or amounts.
 */
export function warningText(
  w: { code: string; message: string },
  language: string,
  t: (key: string, o?: Record<string, unknown>) => string,
): string {
  if (!language.startsWith('zh')) return w.message;
  const key = `renewFlow.warnings.${w.code}`;
  const sentence = t(key);
  if (!sentence || sentence === key) return w.message;
  const fixed = t(key, { lng: 'en' });
  return fixed === w.message ? sentence : `${sentence}${t('errorText.detail', { detail: w.message })}`;
}

/** One account's part of the price check: items, old → new expiry, prices and subtotal. */
export function AccountQuote({ part }: { part: AccountQuoteView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vendors = useVendorsStore((s) => s.list);
  const vendor = vendorName(vendors, part.vendor);
  const name = nameBesideVendor({ label: part.accountLabel, vendor: part.vendor });
  const q = part.quote;
  const estimate = q ? !q.vendorQuoted : false;
  const items = q ? q.items : part.request.targets.map((target) => ({ target, price: null, newExpiresAt: null }));
  const notes = q ? q.warnings.filter((w) => !w.blocking) : [];
  const missing = q ? q.items.filter((i) => !i.price).length : 0;
  const date = (iso: string | null) => (iso ? formatDate(iso, lang) : t('renew.quote.noDate'));
  return (
    <section className="renew-account" aria-label={`${name} · ${vendor}`}>
      <div className="renew-group-head">
        <strong>
          {name} <span className="muted">· {vendor}</span>
        </strong>
        {estimate ? <span className="badge badge-estimate">{t('renew.quote.estimate')}</span> : null}
      </div>
      {estimate ? <p className="muted small">{t('renew.quote.estimateNote', { vendor })}</p> : null}
      {notes.length ? (
        <ul className="renew-alert renew-alert-warn renew-notes">
          {notes.map((w) => (
            <li key={w.code}>{warningText(w, lang, t)}</li>
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
            <th scope="row" colSpan={2}>
              {t('renew.quote.subtotal')}
            </th>
            <td className="num">
              <strong>
                {q ? formatMoney(q.total, lang) : '—'}
                {q && estimate && missing ? ` + ${t('renew.quote.plusUnknown', { count: missing })}` : null}
              </strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
