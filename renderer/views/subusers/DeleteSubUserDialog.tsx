import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { SubUser } from '../../../preload/contract/model';
import { getApi } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useErrorText } from '../../lib/error-text';
import { useSnapshotsStore } from '../../stores/snapshots';

/** Confirms and deletes one sub-user. */
export function DeleteSubUserDialog({
  account,
  user,
  onClose,
  onDone,
}: {
  account: AccountSummary;
  user: SubUser;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const patch = useSnapshotsStore((s) => s.patch);
  return (
    <ConfirmDialog
      title={t('subUsers.deleteTitle')}
      confirmLabel={t('subUsers.deleteConfirm')}
      busyLabel={t('subUsers.deleting')}
      onClose={onClose}
      onConfirm={async () => {
        const r = await getApi().subUsers.remove({ accountId: account.id, id: user.id });
        if (!r.ok) return errorText(r.error);
        patch(account.id, 'subUsers', r.data);
        onDone();
        return null;
      }}
    >
      <p>{t('subUsers.deleteBody', { user: user.username, account: account.label })}</p>
    </ConfirmDialog>
  );
}
