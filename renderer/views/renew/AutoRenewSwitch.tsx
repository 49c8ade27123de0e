import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../preload/contract/errors';
import type { ProductKind, VendorId } from '../../../preload/contract/model';
import { getApi } from '../../api';
import { useErrorText } from '../../lib/error-text';
import { useSnapshotsStore } from '../../stores/snapshots';
import { periodsFor } from './plan';

interface Props {
  accountId: string;
  vendor: VendorId;
  vendorName: string;
  orderId: string;
  /** What the last refresh said; null = unknown (e.g. IPs of the order disagree). */
  value: boolean | null;
  /** The order's type: a vendor that renews for a period uses the first period this type accepts. */
  itemKind?: ProductKind | null;
  /** Accessible name when several switches are shown together (default "Auto-renew"). */
  label?: string;
  /** Without the help line (a list of switches explains it once above). */
  compact?: boolean;
}

/** The auto-renew switch of one order (vendors with 'autoRenew'); refreshes the account after a change. */
export function AutoRenewSwitch({ accountId, vendor, vendorName, orderId, value, itemKind, label, compact }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const helpId = useId();
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState<boolean | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const shown = saved ?? value;

  const toggle = async () => {
    if (pending) return;
    const enabled = !shown;
    setPending(true);
    setError(null);
    const api = getApi();
    let periodId: string | undefined;
    if (vendor === 'youproxy') {
      // YouProxy renews automatically for a period: use the first one it offers.
      const periods = await api.renewals.periods({ accountId, kind: 'order' });
      if (!periods.ok) {
        setError(periods.error);
        setPending(false);
        return;
      }
      periodId = (itemKind === undefined ? periods.data : periodsFor(periods.data, itemKind))[0]?.id;
    }
    const r = await api.renewals.setAutoRenew({
      accountId,
      kind: 'order',
      ids: [orderId],
      enabled,
      ...(periodId ? { periodId } : {}),
    });
    setPending(false);
    if (r.ok) {
      setSaved(enabled);
      void useSnapshotsStore.getState().refreshNow([accountId]);
    } else {
      setError(r.error);
    }
  };

  return (
    <div>
      <span className="autorenew">
        <button
          type="button"
          role="switch"
          aria-checked={shown === true}
          aria-describedby={compact ? undefined : helpId}
          aria-label={label ?? t('autoRenew.label')}
          className={shown ? 'btn btn-small btn-primary' : 'btn btn-small'}
          disabled={pending}
          onClick={() => void toggle()}
        >
          {shown == null ? t('autoRenew.unknown') : shown ? t('autoRenew.on') : t('autoRenew.off')}
        </button>
        <span className="muted small" role="status">
          {pending ? t('autoRenew.saving') : saved !== null && !error ? t('autoRenew.saved') : ''}
        </span>
      </span>
      {compact ? null : (
        <p id={helpId} className="muted small">
          {t('autoRenew.help', { vendor: vendorName })}
        </p>
      )}
      {error ? (
        <p className="inline-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
    </div>
  );
}
