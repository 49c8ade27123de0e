import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { SubUser } from '../../../preload/contract/model';
import { getApi } from '../../api';
import { Dialog } from '../../components/Dialog';
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
  const bodyId = useId();
  const patch = useSnapshotsStore((s) => s.patch);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onConfirm = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    const r = await getApi().subUsers.remove({ accountId: account.id, id: user.id });
    setPending(false);
    if (r.ok) {
      patch(account.id, 'subUsers', r.data);
      onDone();
    } else {
      setError(errorText(r.error));
    }
  };

  return (
    <Dialog title={t('subUsers.deleteTitle')} onClose={onClose} busy={pending} describedBy={bodyId}>
      <div id={bodyId} className="dialog-body">
        <p>{t('subUsers.deleteBody', { user: user.username, account: account.label })}</p>
      </div>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="btn btn-ghost" onClick={onClose} disabled={pending} data-autofocus>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => void onConfirm()}
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {pending ? t('subUsers.deleting') : t('subUsers.deleteConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
