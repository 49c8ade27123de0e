import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { TrafficCode, TrafficCodeList } from '../../../preload/contract/traffic-codes';
import { getApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../lib/error-text';
import { formatBytes } from '../../lib/format';

/** Confirms and revokes one traffic code (sent once; main settles an unknown outcome by reading it). */
export function RevokeCodeDialog({
  account,
  code,
  onClose,
  onDone,
}: {
  account: AccountSummary;
  code: TrafficCode;
  onClose: () => void;
  onDone: (list: TrafficCodeList) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const bodyId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onConfirm = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    const r = await getApi().trafficCodes.revoke({ accountId: account.id, code: code.code });
    setPending(false);
    if (r.ok) onDone(r.data);
    else setError(errorText(r.error));
  };

  return (
    <Dialog
      title={t('trafficCodes.revokeTitle', { code: code.code })}
      onClose={onClose}
      busy={pending}
      describedBy={bodyId}
    >
      <div id={bodyId} className="dialog-body">
        <p>{t('trafficCodes.revokeBody', { traffic: formatBytes(code.trafficBytes) })}</p>
      </div>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="btn btn-ghost" onClick={onClose} disabled={pending} data-autofocus>
          {t('trafficCodes.keep')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => void onConfirm()}
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {pending ? t('trafficCodes.revoking') : t('trafficCodes.revokeConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
