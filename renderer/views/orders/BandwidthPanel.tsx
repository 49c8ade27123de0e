import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseSelection } from '../../../preload/contract/purchases';
import type { OrderRow } from '../../lib/inventory';
import { PurchaseDialog } from '../buy/PurchaseDialog';
import { OrderTool } from './OrderTool';

/** The add-on key main reads as "residential traffic in whole GB" (quantity = GB). */
const KEY = 'bandwidth_gb';
const MAX_GB = 10_000;

/**
 * "Buy more traffic" for a residential order of a vendor with add-ons (capability 'addons'): the GB
 * count goes to the shared PurchaseDialog, which asks the vendor, says when it gives no price in
 * advance, and asks before anything is charged. Main sends it once and settles an unknown answer by
 * reading the plan's traffic.
 */
export function BandwidthPanel({ detail }: { detail: OrderRow }) {
  const { t } = useTranslation();
  const vendor = detail.vendorName;
  const [qty, setQty] = useState('1');
  const [buying, setBuying] = useState<PurchaseSelection[] | null>(null);
  const [bought, setBought] = useState(false);
  const n = Number(qty);
  const ok = Number.isInteger(n) && n >= 1 && n <= MAX_GB;
  const active = detail.order.status === 'active';

  return (
    <OrderTool title={t('orderTools.bandwidth.title')} intro={t('orderTools.bandwidth.intro')}>
      <div className="order-tool-row">
        <label>
          {t('orderTools.bandwidth.qty')}{' '}
          <input
            type="number"
            min={1}
            max={MAX_GB}
            step={1}
            className="input"
            value={qty}
            onChange={(e) => setQty(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={!ok || !active || buying !== null}
          onClick={() => {
            setBought(false);
            setBuying([
              {
                accountId: detail.accountId,
                request: { kind: 'addon', orderId: detail.order.id, addonKey: KEY, quantity: n },
              },
            ]);
          }}
        >
          {t('orderTools.bandwidth.buy')}
        </button>
      </div>
      <p className="muted small">
        {active ? t('orderTools.bandwidth.cost', { vendor }) : t('orderTools.bandwidth.activeOnly', { vendor })}
      </p>
      <span className="muted small" role="status">
        {bought ? t('orderTools.bandwidth.bought') : ''}
      </span>
      {buying ? (
        <PurchaseDialog
          selections={buying}
          title={t('orderTools.bandwidth.dialogTitle', { id: detail.order.id })}
          onClose={() => setBuying(null)}
          onDone={(batch) => {
            if (batch.records.some((r) => r.state === 'done')) setBought(true);
          }}
        />
      ) : null}
    </OrderTool>
  );
}
