import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VendorSummary } from '../../../preload/contract/channels';
import { countryName } from '../../lib/country-name';
import { formatMoney } from '../../lib/format';
import { hasCap, type OrderRow, vendorStatusNote } from '../../lib/inventory';
import { formatDateTime, formatVendorTime } from '../../lib/time';
import { useRenewalsStore } from '../../stores/renewals';
import { naiveTimeOf } from '../../stores/vendors';
import { AutoRenewSwitch } from '../renew/AutoRenewSwitch';
import { orderPick } from '../renew/picks';
import { AddonsPanel } from './AddonsPanel';
import { BandwidthPanel } from './BandwidthPanel';
import { CloseOrderAction } from './CloseOrderAction';
import { CycleChange, TagEdit } from './OrderEditTools';
import { SignaturesPanel } from './SignaturesPanel';

const HAS_IPS = new Set(['datacenter', 'isp']);

/**
 * The detail panel of one order. Beside the table in wide windows; in narrow ones it slides over the
 * table (inventory.css), takes focus, and Escape or the backdrop closes it.
 */
export function OrderDetail({
  detail,
  vendors,
  onClose,
}: {
  detail: OrderRow;
  vendors: VendorSummary[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ref = useRef<HTMLElement>(null);
  const note = vendorStatusNote(detail.order.status, detail.order.vendorStatus);

  useEffect(() => {
    // Opening (or switching to) an order moves focus into the panel, so keyboard users land on it.
    if (detail.key) ref.current?.focus({ preventScroll: true });
  }, [detail.key]);

  return (
    <>
      <div className="detail-backdrop" aria-hidden="true" onClick={onClose} />
      <section
        ref={ref}
        tabIndex={-1}
        className="panel detail-panel"
        aria-label={t('orders.detailLabel', { id: detail.order.id })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <div className="detail-head">
          <h2 className="panel-title">{detail.order.product}</h2>
          {hasCap(vendors, detail.vendor, 'renew') ? (
            <button
              type="button"
              className="btn btn-small btn-primary"
              onClick={() => useRenewalsStore.getState().start([orderPick(detail)])}
            >
              {t('renew.button')}
            </button>
          ) : null}
          <button type="button" className="btn btn-small btn-ghost" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
        <dl className="detail-list">
          <dt>{t('orders.col.account')}</dt>
          <dd>
            {detail.accountLabel} · {detail.vendorName}
          </dd>
          <dt>{t('orders.field.id')}</dt>
          <dd className="mono">{detail.order.id}</dd>
          <dt>{t('orders.col.status')}</dt>
          <dd data-testid="order-status">
            {t(`orders.status.${detail.order.status}`)}
            {note ? (
              <div className="muted small">
                {t('tablesPlus.orders.vendorSays', { vendor: detail.vendorName, status: note })}
              </div>
            ) : null}
          </dd>
          <dt>{t('orders.col.kind')}</dt>
          <dd>{t(`orders.kind.${detail.order.kind}`)}</dd>
          <dt>{t('orders.field.created')}</dt>
          <dd>{detail.order.createdAt ? formatDateTime(detail.order.createdAt, lang) : '—'}</dd>
          <dt>{t('orders.col.expires')}</dt>
          <dd>
            {detail.order.expiresAt
              ? formatVendorTime(detail.order.expiresAt, lang, naiveTimeOf(vendors, detail.vendor), t, true)
              : '—'}
          </dd>
          <dt>{t('orders.field.quantity')}</dt>
          <dd>{detail.order.quantity ?? '—'}</dd>
          <dt>{t('orders.col.price')}</dt>
          <dd>{detail.order.price ? formatMoney(detail.order.price, lang) : '—'}</dd>
          <dt>{t('orders.field.country')}</dt>
          <dd title={detail.order.country ?? undefined}>{countryName(detail.order.country, lang) ?? '—'}</dd>
          {hasCap(vendors, detail.vendor, 'autoRenew') ? (
            <>
              <dt>{t('orders.field.autoRenew')}</dt>
              <dd>
                <AutoRenewSwitch
                  key={detail.key}
                  accountId={detail.accountId}
                  vendor={detail.vendor}
                  vendorName={detail.vendorName}
                  orderId={detail.order.id}
                  value={detail.order.autoRenew ?? null}
                  itemKind={detail.order.kind}
                />
              </dd>
            </>
          ) : null}
          {hasCap(vendors, detail.vendor, 'orderTags') ? (
            <>
              <dt>{t('orders.field.tag')}</dt>
              <dd>
                <TagEdit key={detail.key} detail={detail} />
              </dd>
            </>
          ) : null}
          {Object.entries(detail.order.details).map(([k, v]) => (
            <div key={k} className="detail-extra">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        {hasCap(vendors, detail.vendor, 'orderClose') && detail.order.status === 'pending' ? (
          <CloseOrderAction key={detail.key} detail={detail} />
        ) : null}
        {hasCap(vendors, detail.vendor, 'billingCycle') &&
        HAS_IPS.has(detail.order.kind) &&
        (detail.order.status === 'active' || detail.order.status === 'on-hold') ? (
          <CycleChange key={`cycle:${detail.key}`} detail={detail} vendors={vendors} />
        ) : null}
        {hasCap(vendors, detail.vendor, 'p0fSignatures') &&
        HAS_IPS.has(detail.order.kind) &&
        (detail.order.status === 'active' || detail.order.status === 'on-hold') ? (
          <SignaturesPanel key={detail.key} detail={detail} drops={hasCap(vendors, detail.vendor, 'dropAtRenewal')} />
        ) : null}
        {hasCap(vendors, detail.vendor, 'addons') &&
        HAS_IPS.has(detail.order.kind) &&
        (detail.order.status === 'active' || detail.order.status === 'on-hold') ? (
          <AddonsPanel key={`addons:${detail.key}`} detail={detail} />
        ) : null}
        {hasCap(vendors, detail.vendor, 'addons') &&
        detail.order.kind === 'residential' &&
        (detail.order.status === 'active' || detail.order.status === 'on-hold') ? (
          <BandwidthPanel key={`bandwidth:${detail.key}`} detail={detail} />
        ) : null}
        <p className="muted small">
          {hasCap(vendors, detail.vendor, 'autoRenew')
            ? null
            : hasCap(vendors, detail.vendor, 'orderTags')
              ? t('orders.readOnly')
              : t('orders.noAutoRenew', { vendor: detail.vendorName })}
        </p>
      </section>
    </>
  );
}
