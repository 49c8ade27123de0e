import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { TrafficCode, TrafficCodeList } from '../../../preload/contract/traffic-codes';
import { getApi } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
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
  return (
    <ConfirmDialog
      title={t('trafficCodes.revokeTitle', { code: code.code })}
      cancelLabel={t('trafficCodes.keep')}
      confirmLabel={t('trafficCodes.revokeConfirm')}
      busyLabel={t('trafficCodes.revoking')}
      onClose={onClose}
      onConfirm={async () => {
        const r = await getApi().trafficCodes.revoke({ accountId: account.id, code: code.code });
        if (!r.ok) return errorText(r.error);
        onDone(r.data);
        return null;
      }}
    >
      <p>{t('trafficCodes.revokeBody', { traffic: formatBytes(code.trafficBytes) })}</p>
    </ConfirmDialog>
  );
}
