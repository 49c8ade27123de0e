import { differenceInCalendarDays } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/time';
import { type DashItem, daysSince, type ExpiryLists } from './expiry';
import { RowRenewAction, renewItems } from './RenewAction';

const SHOWN = 50;

/** The two lists: "Expired" (days since, whether the vendor still renews it) and "Expiring within N days". */
export function ExpiryPanels({
  lists,
  windowDays,
  now,
  headingId,
}: {
  lists: ExpiryLists;
  windowDays: number;
  now: number;
  headingId: string;
}) {
  const { t } = useTranslation();
  const expiringTitle = t('dashboardPlus.expiring.title', { count: windowDays });
  const expiredTitle = t('dashboardPlus.expired.title');
  const renewable = lists.expiring.filter((x) => x.way === 'here');
  return (
    <>
      <section className="panel" aria-labelledby={`${headingId}-expd`}>
        <h2 id={`${headingId}-expd`} className="panel-title">
          {expiredTitle}
        </h2>
        <p className="muted small">{t('dashboardPlus.expired.intro', { count: windowDays })}</p>
        {lists.expired.length === 0 ? (
          <p className="muted">{t('dashboardPlus.expired.none')}</p>
        ) : (
          <ItemTable items={lists.expired} label={expiredTitle} now={now} expired />
        )}
      </section>
      <section className="panel" aria-labelledby={`${headingId}-exp`}>
        <h2 id={`${headingId}-exp`} className="panel-title">
          {expiringTitle}
        </h2>
        <div className="dash-list-tools">
          <p className="muted small">{t('dashboardPlus.expiring.intro')}</p>
          {renewable.length > 1 ? (
            <button type="button" className="btn btn-small" onClick={() => renewItems(renewable)}>
              {t('dashboardPlus.expiring.renewAll', { count: renewable.length })}
            </button>
          ) : null}
        </div>
        {lists.expiring.length === 0 ? (
          <p className="muted">{t('dashboardPlus.expiring.none', { count: windowDays })}</p>
        ) : (
          <ItemTable items={lists.expiring} label={expiringTitle} now={now} expired={false} />
        )}
      </section>
    </>
  );
}

function ItemTable({
  items,
  label,
  now,
  expired,
}: {
  items: DashItem[];
  label: string;
  now: number;
  expired: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;

  const when = (x: DashItem) => {
    if (expired) {
      const d = daysSince(x, now);
      return d === 0 ? t('dashboardPlus.expired.today') : t('dashboardPlus.expired.daysAgo', { count: d });
    }
    const d = differenceInCalendarDays(x.expiresMs, now);
    return d <= 0 ? t('dashboard.expiring.today') : t('dashboard.expiring.inDays', { count: d });
  };

  const renewal = (x: DashItem) => {
    if (x.way === 'dashboard') return t('dashboardPlus.expired.atVendor', { vendor: x.vendorName });
    if (x.way === 'none') return t('dashboardPlus.expired.no');
    if (x.renewableUntilMs == null) return t('dashboardPlus.expired.unknown', { vendor: x.vendorName });
    const left = Math.max(1, differenceInCalendarDays(x.renewableUntilMs, now));
    return t('dashboardPlus.expired.until', {
      date: formatDate(new Date(x.renewableUntilMs).toISOString(), lang),
      count: left,
      vendor: x.vendorName,
    });
  };

  return (
    <div className="dash-table-wrap">
      <table className="table table-compact dash-expiry" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.expiring.colAccount')}</th>
            <th scope="col">{t('dashboard.expiring.colItem')}</th>
            <th scope="col">{expired ? t('dashboardPlus.expired.colEnded') : t('dashboard.expiring.colDate')}</th>
            {expired ? <th scope="col">{t('dashboardPlus.expired.colRenewable')}</th> : null}
            <th scope="col">{t('dashboardPlus.action.col')}</th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, SHOWN).map((x) => (
            <tr key={x.key} data-way={x.way}>
              <td>
                {x.accountLabel}
                <div className="muted small">{x.vendorName}</div>
              </td>
              <td>
                {x.label}
                <div className="muted small">{t(`dashboard.expiring.what.${x.what}`)}</div>
              </td>
              <td>
                <time dateTime={x.expiresAt}>{formatDate(x.expiresAt, lang)}</time>
                <div className={expired ? 'danger-text small' : 'muted small'}>{when(x)}</div>
              </td>
              {expired ? <td className={x.way === 'none' ? 'muted small' : 'small'}>{renewal(x)}</td> : null}
              <td className="dash-action">
                <RowRenewAction item={x} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length > SHOWN ? (
        <p className="muted small">{t('dashboard.expiring.more', { count: items.length - SHOWN })}</p>
      ) : null}
    </div>
  );
}
