import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

/**
 * The dialog that asks before one destructive action (remove an account, delete a sub-user, revoke a
 * code): the body says what will happen, "cancel" has the focus, the action runs once (clicks while it
 * runs do nothing) and its error is shown in place, in plain words.
 */
export function ConfirmDialog({
  title,
  children,
  cancelLabel,
  confirmLabel,
  busyLabel,
  pending: pendingOutside = false,
  onClose,
  onConfirm,
}: {
  title: string;
  /** What will happen, as one or more paragraphs. */
  children: ReactNode;
  /** Defaults to "Cancel". */
  cancelLabel?: string;
  confirmLabel: string;
  busyLabel: string;
  /** Where the action's progress lives in a store (it outlives the dialog), pass it here. */
  pending?: boolean;
  onClose: () => void;
  /** Runs the action: null when it is done, else the sentence to show. */
  onConfirm: () => Promise<string | null>;
}) {
  const { t } = useTranslation();
  const bodyId = useId();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = running || pendingOutside;

  const confirm = async () => {
    if (pending) return;
    setRunning(true);
    setError(null);
    const failure = await onConfirm();
    setRunning(false);
    setError(failure);
  };

  return (
    <Dialog title={title} onClose={onClose} busy={pending} describedBy={bodyId}>
      <div id={bodyId} className="dialog-body">
        {children}
      </div>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="btn btn-ghost" onClick={onClose} disabled={pending} data-autofocus>
          {cancelLabel ?? t('common.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => void confirm()}
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {pending ? busyLabel : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
