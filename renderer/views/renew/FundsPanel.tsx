import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VendorId } from '../../../preload/contract/model';
import type { RenewalQuoteView } from '../../../preload/contract/renewals';
import { nameBesideVendor } from '../../lib/account-name';
import { formatMoney } from '../../lib/format';
import { useRenewalsStore } from '../../stores/renewals';
import { useVendorsStore, vendorName } from '../../stores/vendors';
import { type AccountFunds, coveredSelections } from './plan';
import { openVendorPage } from './vendor-page';

/** Each account's balance, the cost and what is left, side by side; says once which vendors report no balance. */
export function FundsTable({ funds }: { funds: AccountFunds[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vendors = useVendorsStore((s) => s.list);
  const money = (list: AccountFunds['cost']) => (list.length ? list.map((m) => formatMoney(m, lang)).join(' + ') : '—');
  const silent = [...new Set(funds.filter((f) => !f.balance).map((f) => vendorName(vendors, f.vendor)))];
  return (
    <section className="renew-funds" aria-label={t('renewFlow.funds.title')}>
      <table className="table table-compact renew-table" data-testid="renew-funds">
        <caption className="renew-funds-title">{t('renewFlow.funds.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('renewFlow.funds.account')}</th>
            <th scope="col" className="num">
              {t('renewFlow.funds.balance')}
            </th>
            <th scope="col" className="num">
              {t('renewFlow.funds.cost')}
            </th>
            <th scope="col" className="num">
              {t('renewFlow.funds.left')}
            </th>
          </tr>
        </thead>
        <tbody>
          {funds.map((f) => (
            <tr key={f.accountId} className={f.short ? 'renew-funds-short' : undefined}>
              <th scope="row">
                {nameBesideVendor({ label: f.accountLabel, vendor: f.vendor })}{' '}
                <span className="muted small">· {vendorName(vendors, f.vendor)}</span>
              </th>
              <td className="num">{f.balance ? formatMoney(f.balance, lang) : t('renewFlow.funds.notReported')}</td>
              <td className="num">{money(f.cost)}</td>
              <td className="num">
                {f.left ? formatMoney(f.left, lang) : '—'}
                {f.short ? <strong className="renew-short"> · {t('renewFlow.funds.short')}</strong> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {silent.length ? (
        <p className="muted small" data-testid="renew-no-balance">
          {t('renewFlow.funds.noBalanceApi', { count: silent.length, vendors: silent.join(', ') })}
        </p>
      ) : null}
    </section>
  );
}

/** Funds are short: instead of "Confirm and pay", renew what the balances cover, or top up at the vendor. */
export function ShortChoices({ quote, funds }: { quote: RenewalQuoteView; funds: AccountFunds[] }) {
  const { t } = useTranslation();
  const whyId = useId();
  const vendors = useVendorsStore((s) => s.list);
  const renewCovered = useRenewalsStore((s) => s.renewCovered);
  const quoting = useRenewalsStore((s) => s.quoting);
  const [opened, setOpened] = useState<VendorId | null>(null);
  const covered = coveredSelections(quote).count;
  const short = [...new Set(funds.filter((f) => f.short).map((f) => f.vendor))];
  const topUp = async (v: VendorId) => {
    if (await openVendorPage(v, 'topup')) setOpened(v);
  };
  return (
    <section className="renew-alert renew-alert-warn renew-short-choices" aria-label={t('renewFlow.funds.shortTitle')}>
      <strong>{t('renewFlow.funds.shortTitle')}</strong>
      <p>{t('renewFlow.funds.shortNext')}</p>
      <div className="renew-choices">
        <button
          type="button"
          className="btn btn-primary"
          disabled={covered === 0 || quoting}
          aria-describedby={covered === 0 ? whyId : undefined}
          onClick={() => void renewCovered()}
        >
          {t('renewFlow.funds.covered', { count: covered })}
        </button>
        {short.map((v) => (
          <button key={v} type="button" className="btn" onClick={() => void topUp(v)}>
            {t('renewFlow.funds.topUp', { vendor: vendorName(vendors, v) })}
          </button>
        ))}
      </div>
      {covered === 0 ? (
        <p id={whyId} className="small">
          {t('renewFlow.funds.coversNothing')}
        </p>
      ) : null}
      {opened ? (
        <p className="small" role="status">
          {t('renewFlow.leftOut.opened')} {t('renewFlow.funds.topUpAgain')}
        </p>
      ) : null}
    </section>
  );
}
